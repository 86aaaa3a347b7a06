"""``reader eval --corrections``: the engines scored against the reader's own English."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.article import from_blocks
from reader.corrections.store import Corrections
from reader.session import TranslationSession
from tests.support.cli import run_in_process as run

FR = "Le président a parlé hier soir devant le Congrès."


def _scores(capsys: pytest.CaptureFixture[str]) -> dict:
    code, out, err = run(
        capsys, "eval", "--corrections", "-e", "apertium", "--no-spacy", "-f", "json"
    )
    assert code == 0, err
    (row,) = json.loads(out)["engines"]
    assert row["engine"] == "apertium"
    return row


@pytest.mark.needs_apertium
def test_each_engine_is_scored_against_your_english_not_with_it(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = from_blocks([("paragraph", FR)], "<t>")
    with TranslationSession(article, "apertium") as session:
        (machine,) = session.translate(article.blocks)
    Corrections().add(FR, machine.text)  # yours is the engine's very English: a perfect score
    row = _scores(capsys)
    assert row["raw"]["chrf"] == 100.0 and row["raw"]["bleu"] == 100.0
    Corrections().add("Il pleut depuis trois jours.", "Rain has fallen for three days.")
    row = _scores(capsys)
    # Were your English put in for the engine's, this would be 100 again.
    assert 0 < row["raw"]["chrf"] < 100 and 0 < row["enforced"]["chrf"] < 100


def test_no_corrections_and_a_path_are_one_line_errors(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "eval", "--corrections")
    assert code == 1 and "no corrections to score against yet" in err
    code, _, err = run(capsys, "eval", "article.txt", "--corrections")
    assert code == 1 and "give no PATH" in err


@pytest.mark.needs_apertium
def test_reader_eval_of_a_text_scores_the_engine_not_your_english(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = tmp_path / "texte.fr.txt"
    text.write_text(f"Titre\n\n{FR} Il pleut.\n", encoding="utf-8")
    reference = tmp_path / "texte.en.txt"
    reference.write_text(
        "Title\n\nThe president spoke last night before Congress. It is raining.\n",
        encoding="utf-8",
    )

    def scores() -> dict:
        code, out, err = run(
            capsys, "eval", str(text), "-e", "apertium", "--no-spacy", "-f", "json"
        )
        assert code == 0, err
        return json.loads(out)["raw"]

    before = scores()
    Corrections().add(FR, "The president spoke last night before Congress.")
    assert scores() == before
