"""The issue's "done when", as a user runs it: a fresh data folder with the seed and one
other article added, three lemmas learning, one known, one ignored; ``reader review list
--due --format json`` lists exactly the learning ones, each in a cloze sentence of the
library; ``grade … good`` puts a card's due date later, ``grade … again`` within minutes."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from reader.review.sentences import BLANK
from tests.support.cli import one_line_error, run_reader
from tests.support.paths import ROOT, SEED

pytestmark = pytest.mark.slow
OTHER = ROOT / "tests" / "fixtures" / "sommet-bruxelles.fr.txt"
LEARNING = {"président": "learning-1", "dirigeant": "learning-2", "compromis": "learning-3"}


def reader(env: dict[str, str], *args: str) -> str:
    done = run_reader(*args, env=env)
    assert done.returncode == 0, done.stderr
    return done.stdout


def listed(env: dict[str, str]) -> dict:
    return json.loads(reader(env, "review", "list", "--due", "--format", "json"))


def test_done_when_list_and_grade(tmp_path):
    env = {"READER_DATA_DIR": str(tmp_path / "data")}
    reader(env, "add", str(SEED))
    reader(env, "add", str(OTHER))
    for lemma, status in {**LEARNING, "sommet": "known", "chercher": "ignored"}.items():
        reader(env, "known", "set", lemma, status)
    data = listed(env)
    assert set(data) == {"due", "new_today", "cards"}
    assert data["due"] == 3 and data["new_today"] == 10
    assert {card["lemma"] for card in data["cards"]} == set(LEARNING)
    library = json.loads(reader(env, "library", "--format", "json"))
    titles = {text["id"]: text["title"] for text in library["texts"]}
    for card in data["cards"]:
        assert card["kind"] == "word" and card["status"] == LEARNING[card["lemma"]]
        assert (card["reps"], card["lapses"], card["stability"]) == (0, 0, None)
        assert datetime.fromisoformat(card["due"]).tzinfo is not None
        sentence = card["sentence"]
        assert titles[sentence["text_id"]] == sentence["title"]
        assert BLANK in sentence["cloze"] and sentence["form"] in sentence["fr"]
        assert sentence["cloze"] == sentence["fr"].replace(sentence["form"], BLANK, 1)

    before = datetime.now(UTC)
    reader(env, "review", "grade", "président", "good")
    reader(env, "review", "grade", "compromis", "again")
    after = {
        card["lemma"]: card
        for card in json.loads(reader(env, "review", "list", "--format", "json"))["cards"]
    }
    good = datetime.fromisoformat(after["président"]["due"])
    again = datetime.fromisoformat(after["compromis"]["due"])
    assert good > before + timedelta(minutes=5)
    assert before < again <= datetime.now(UTC) + timedelta(minutes=2)
    assert after["président"]["reps"] == 1 and after["président"]["stability"] > 0
    remaining = listed(env)
    assert remaining["due"] == 1 and remaining["new_today"] == 8
    assert [card["lemma"] for card in remaining["cards"]] == ["dirigeant"]
    # Grading changed no status.
    statuses = json.loads(reader(env, "known", "export", "--format", "json"))
    assert {row["lemma"]: row["status"] for row in statuses} == {
        **LEARNING,
        "sommet": "known",
        "chercher": "ignored",
    }
    error = one_line_error(run_reader("review", "grade", "sommet", "good", env=env))
    assert "not a card" in error
