"""Grades are never lost: two processes grading at once, and a process killed (SIGKILL)
the instant a grade returns."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from reader.learning.store import LearningStore
from reader.review.store import ReviewStore
from tests.support.paths import ROOT

pytestmark = pytest.mark.slow

GRADER = textwrap.dedent(
    """
    import os, signal, sys
    from reader.review.cards import Rating
    from reader.review.store import ReviewStore
    store = ReviewStore()
    sys.stdout.write("ready\\n"); sys.stdout.flush()
    sys.stdin.readline()  # both processes start grading together
    for n in range(int(sys.argv[1])):
        store.grade(sys.argv[2 + n % (len(sys.argv) - 2)], Rating(1 + n % 4))
    if os.environ.get("KILL_AFTER"):
        os.kill(os.getpid(), signal.SIGKILL)  # no exit handler, no flush: only what was committed
    """
)


def _grader(count: int, *keys: str, kill: bool = False) -> subprocess.Popen[str]:
    env = {"KILL_AFTER": "1"} if kill else {}
    import os

    process = subprocess.Popen(
        [sys.executable, "-c", GRADER, str(count), *keys],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, **env},
    )
    assert process.stdout is not None and process.stdout.readline() == "ready\n"
    return process


def _cards(data_dir: Path, *keys: str) -> ReviewStore:
    data_dir.mkdir(parents=True, exist_ok=True)
    LearningStore(data_dir / "learning.sqlite3").set_many(dict.fromkeys(keys, "learning-1"))
    store = ReviewStore(data_dir / "learning.sqlite3")
    store.sync()
    return store


def test_two_processes_grading_at_once_lose_no_grade(data_dir: Path) -> None:
    store = _cards(data_dir, "frapper", "lieu", "sommet")
    processes = [_grader(40, "frapper", "lieu"), _grader(40, "frapper", "sommet")]
    for process in processes:
        assert process.stdin is not None
        process.stdin.write("go\n")
        process.stdin.flush()
    for process in processes:
        assert process.wait(timeout=120) == 0
    log = store.log()
    assert len(log) == 80
    reps = {key: store.card(key).reps for key in ("frapper", "lieu", "sommet")}
    assert reps == {"frapper": 40, "lieu": 20, "sommet": 20}


def test_a_grade_survives_sigkill_right_after(data_dir: Path) -> None:
    store = _cards(data_dir, "frapper")
    process = _grader(1, "frapper", kill=True)
    assert process.stdin is not None
    process.stdin.write("go\n")
    process.stdin.flush()
    assert process.wait(timeout=60) == -signal.SIGKILL
    card = store.card("frapper")
    assert card is not None and card.reps == 1 and len(store.log()) == 1
