"""In a pipe or an 80-column terminal, ``reader library`` and ``reader vocab list`` keep
one line per row: a long title, author, English or source is cut with "…" (trial row T7)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli import main
from tests.library.conftest import store

LONG = (
    "Une très longue histoire de la navigation fluviale sur la Saône et le Rhône depuis "
    "l'Antiquité jusqu'à nos jours"
)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    try:
        main(list(args))
    except SystemExit as exit_:
        assert not exit_.code
    return capsys.readouterr().out


def body_lines(out: str) -> list[str]:
    """The table's rows (its frame and header left out)."""
    lines = out.splitlines()
    return [line for line in lines[3:] if line.startswith("│")]


def test_library_rows_are_one_line_each_at_80_columns(
    library, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    for n in range(3):
        store(library, f"{LONG} ({n})\n\nUn texte court sur le fleuve.\n", f"/t/long-{n}.txt")
    out = run(capsys, "library")
    rows = body_lines(out)
    assert len(rows) == 3, out
    assert all("…" in row for row in rows)
    assert max(len(line) for line in out.splitlines()) <= 80
    header = out.splitlines()[1]
    for name in ("id", "title", "kind", "words", "read", "known", "last opened"):
        assert f" {name} " in header, header  # every other column whole, not squeezed


def test_vocabulary_rows_are_one_line_each_at_80_columns(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.learning.vocab import Vocabulary

    monkeypatch.setenv("COLUMNS", "80")
    vocabulary = Vocabulary()
    for n, word in enumerate(("ville", "fleuve")):
        vocabulary.save(
            word=word,
            lemma=word,
            english="city, town, a very long list of English glosses for one word " * 2,
            source="FreeDict French–English",
            sentence=f"Une phrase {n}.",
            english_sentence="A sentence.",
            title="Logement",
            path=f"/articles/un/chemin/très/long/vers/un/article/{LONG}.fr.txt",
        )
    out = run(capsys, "vocab", "list")
    rows = body_lines(out)
    assert len(rows) == 2, out
    assert max(len(line) for line in out.splitlines()) <= 80
    header = out.splitlines()[1]
    for name in ("lemma", "word", "sentences", "saved"):
        assert f" {name} " in header, header
