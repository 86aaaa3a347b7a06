"""``reader known set`` stores lemmas, not whatever it is given (trial row T20), and
``reader known import`` says which column it took, refuses one that is not French, and
takes back what ``reader known export`` wrote with its statuses (T19)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support.cli import run_in_process as run


def exported(capsys: pytest.CaptureFixture[str]) -> dict[str, str]:
    code, out, _ = run(capsys, "known", "export", "--format", "json")
    assert code == 0
    return {r["lemma"]: r["status"] for r in json.loads(out)}


def test_a_form_is_set_as_its_lemma_and_a_noun_without_its_article(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "known", "set", "chats", "known")
    assert code == 0 and "« chats » is a form of « chat »" in err
    code, _, err = run(capsys, "known", "set", "la maison", "learning-2")
    assert code == 0 and "« la maison » is set as « maison »" in err
    code, _, err = run(capsys, "known", "set", "avoir lieu", "learning-1")  # a phrase stays
    assert code == 0, err
    assert exported(capsys) == {"chat": "known", "maison": "learning-2", "avoir lieu": "learning-1"}


@pytest.mark.parametrize(
    ("given", "said"),
    [
        ("2025", "« 2025 » is a number"),
        ("Trump", "« Trump » looks like a name"),
        ("xyzzy", "« xyzzy » is not a French word the reader knows"),
        ("the cats", "« the cats » is not a French phrase the reader knows (the"),
    ],
)
def test_numbers_names_and_strangers_are_refused(
    data_dir: Path, capsys: pytest.CaptureFixture[str], given: str, said: str
) -> None:
    code, _, err = run(capsys, "known", "set", given, "known")
    assert code == 1 and said in err, err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert exported(capsys) == {}


def test_force_stores_it_as_given(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "known", "set", "xyzzy", "known", "--force")
    assert code == 0, err
    assert exported(capsys) == {"xyzzy": "known"}


@pytest.mark.needs_apertium
def test_a_place_is_a_name_and_an_ambiguous_form_takes_the_common_lemma(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "known", "set", "Lyon", "known")
    assert code == 1 and "« Lyon » is a name" in err
    code, _, err = run(capsys, "known", "set", "allions", "known")
    assert code == 0 and "« allions » is a form of « aller » (or allier)" in err


def test_import_says_which_column_and_an_export_comes_back_whole(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = tmp_path / "deck.csv"
    table.write_text("english,french\nhouse,maison\nthe dog,le chien\n", encoding="utf-8")
    code, _, err = run(capsys, "known", "import", str(table))
    assert code == 0, err
    assert "took column 2 (french)" in err
    assert exported(capsys) == {"maison": "known", "le": "known", "chien": "known"}
    code, _, err = run(capsys, "known", "import", str(table), "--column", "english")
    assert code == 1 and "not French words" in err

    run(capsys, "known", "set", "rocher", "learning-2")
    run(capsys, "known", "set", "lourd", "learning-3")
    before = exported(capsys)
    saved = tmp_path / "export.csv"
    assert run(capsys, "known", "export", "-o", str(saved))[0] == 0
    for lemma in before:
        run(capsys, "known", "set", lemma, "new", "--force")
    assert exported(capsys) == {}
    code, _, err = run(capsys, "known", "import", str(saved))
    assert code == 0, err
    assert exported(capsys) == before  # learning-2 stays learning-2; no lemma lost
