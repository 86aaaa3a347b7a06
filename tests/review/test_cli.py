"""The issue's "done when", as a user runs it: a fresh data folder with the seed and one
other article added, three lemmas learning, one known, one ignored; ``reader review list
--due --format json`` lists exactly the learning ones, each in a cloze sentence of the
library; ``grade … good`` puts a card's due date later, ``grade … again`` within minutes;
and in tmux, ``reader review``: the blank, reveal, grade, ``o`` and Escape."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

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


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder with the seed and one other article added, three lemmas learning, one
    known, one ignored (built once: spaCy reads both texts); each test copies it."""
    folder = tmp_path_factory.mktemp("review") / "data"
    env = {"READER_DATA_DIR": str(folder)}
    reader(env, "add", str(SEED))
    reader(env, "add", str(OTHER))
    for lemma, status in {**LEARNING, "sommet": "known", "chercher": "ignored"}.items():
        reader(env, "known", "set", lemma, status)
    return folder


@pytest.fixture
def env(prepared: Path, tmp_path: Path) -> dict[str, str]:
    shutil.copytree(prepared, tmp_path / "data")
    return {"READER_DATA_DIR": str(tmp_path / "data")}


def test_done_when_list_and_grade(env: dict[str, str]) -> None:
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


def _tmux(*args: str) -> str:
    done = subprocess.run(["tmux", *args], capture_output=True, text=True, check=True)
    return done.stdout


def _wait_for(session: str, needle: str, timeout: float = 60) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        screen = _tmux("capture-pane", "-p", "-t", session)
        if needle in screen:
            return screen
        time.sleep(0.2)
    raise AssertionError(f"{needle!r} never appeared; screen was:\n{screen}")


@pytest.mark.needs_tmux
def test_done_when_in_tmux(env: dict[str, str]) -> None:
    """A new user runs ``reader review``, sees the first due card's blank, reveals it,
    grades it (the due count drops by one), opens the text with o and comes back."""
    session = f"reader-review-{os.getpid()}"
    folder = shlex.quote(env["READER_DATA_DIR"])
    command = (
        f"cd {shlex.quote(str(ROOT))} && env -u COLUMNS -u LINES READER_DATA_DIR={folder}"
        f" TERM=xterm-256color {shlex.quote(sys.executable)} -m reader.cli review"
    )
    _tmux("new-session", "-d", "-s", session, "-x", "140", "-y", "40", command)
    _tmux("resize-window", "-t", session, "-x", "140", "-y", "40")
    try:
        screen = _wait_for(session, "3 due · 10 new left today")
        assert BLANK in screen
        _tmux("send-keys", "-t", session, "space")
        screen = _wait_for(session, "3 Good 10m")
        assert BLANK not in screen.split("3 Good")[0].split("new left today")[1]
        _tmux("send-keys", "-t", session, "3")
        _wait_for(session, "2 due · 9 new left today")
        _tmux("send-keys", "-t", session, "o")
        _wait_for(session, "Peek: «")
        _tmux("send-keys", "-t", session, "Escape")
        screen = _wait_for(session, "2 due · 9 new left today")
        assert BLANK in screen
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
