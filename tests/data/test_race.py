"""No race on first open (newcomer trial T9, T38): processes opening a fresh file at
once all get it; the journal mode is set once, under a lock, when the file is made."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from reader.library.shelf import Library
from tests.support.cli import READER


def test_parallel_reader_add_on_a_fresh_library(data_dir: Path, tmp_path: Path) -> None:
    """Three real ``reader add`` at once on a fresh library (the trial ran six; each loads
    spaCy, so on two cores three are as concurrent and cost half; the six-process race
    without spaCy is below)."""
    files = []
    for i in range(3):
        path = tmp_path / f"texte-{i}.fr.txt"
        path.write_text(f"Texte {i}\n\nLe chat numéro {i} dort au soleil.\n", encoding="utf-8")
        files.append(path)
    env = {**os.environ, "READER_DATA_DIR": str(data_dir), "NO_COLOR": "1"}
    running = [
        subprocess.Popen(
            [*READER, "add", str(path)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            text=True,
        )
        for path in files
    ]
    results = [(p.wait(timeout=300), p.communicate()[1]) for p in running]
    assert [code for code, _ in results] == [0] * 3, results
    with Library() as library:
        assert sorted(t.source for t in library.texts()) == sorted(str(p) for p in files)


def _add_one(folder: str, i: int) -> None:
    os.environ["READER_DATA_DIR"] = folder
    from tests.library.conftest import store

    with Library() as library:
        store(library, f"Texte {i}\n\nLe chat numéro {i} dort.\n", f"/texts/{i}.txt")


def test_six_processes_opening_a_fresh_library_at_once(data_dir: Path) -> None:
    """The same race as six ``reader add`` without spaCy's start-up: cheap enough to
    run in a loop (``for i in $(seq 50); do pytest … || break; done``)."""
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_add_one, args=(str(data_dir), i)) for i in range(6)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(120)
    assert [w.exitcode for w in workers] == [0] * 6
    with Library() as library:
        assert library.count() == 6
