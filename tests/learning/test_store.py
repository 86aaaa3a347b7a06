"""Word statuses in SQLite: one transaction per change, a history row for each, nothing
lost when two processes write at once, a damaged file set aside."""

from __future__ import annotations

import multiprocessing
import os
from datetime import date
from pathlib import Path

import pytest

from reader.learning.store import STATUSES, LearningError, LearningStore


def test_a_status_change_is_kept_with_its_history(data_dir: Path) -> None:
    store = LearningStore()
    assert store.status("frapper") == "new" and store.statuses() == {}
    change = store.set("Frapper", "learning-1")
    assert change is not None and (change.lemma, change.old, change.new) == (
        "frapper",
        "new",
        "learning-1",
    )
    assert store.set("frapper", "learning-1") is None  # no change, no history row
    store.set("frapper", "known")
    store.set("frapper", "new")  # back to the default: no row left
    assert LearningStore().statuses() == {}
    assert [(c.old, c.new) for c in LearningStore().history()] == [
        ("new", "learning-1"),
        ("learning-1", "known"),
        ("known", "new"),
    ]
    assert (data_dir / "learning.sqlite3").is_file()


def test_every_status_string_and_no_other() -> None:
    assert STATUSES == (
        "new",
        "learning-1",
        "learning-2",
        "learning-3",
        "learning-4",
        "known",
        "ignored",
    )


def test_an_unknown_status_is_refused_and_nothing_written(data_dir: Path) -> None:
    store = LearningStore()
    with pytest.raises(LearningError, match="no status 'learning-5'"):
        store.set_many({"chat": "known", "chien": "learning-5"})
    assert store.statuses() == {} and store.history() == []


def test_seeding_leaves_words_that_have_a_status(data_dir: Path) -> None:
    store = LearningStore()
    store.set("chat", "learning-2")
    changes = store.set_many({"chat": "known", "chien": "known"}, only_new=True)
    assert [c.lemma for c in changes] == ["chien"]
    assert store.statuses() == {"chat": "learning-2", "chien": "known"}


def _write_many(folder: str, prefix: str, shared: str, count: int) -> None:
    os.environ["READER_DATA_DIR"] = folder
    store = LearningStore()
    for i in range(count):
        store.set(f"{prefix}{i}", "known")
        store.set(shared, "learning-1" if i % 2 else "learning-2")


@pytest.mark.slow
def test_two_processes_writing_at_once_lose_nothing(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    context = multiprocessing.get_context("spawn")
    workers = [
        context.Process(target=_write_many, args=(str(data_dir), prefix, "commun", 60))
        for prefix in ("a", "b")
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(120)
        assert worker.exitcode == 0
    statuses = LearningStore().statuses()
    assert {f"{p}{i}" for p in "ab" for i in range(60)} <= set(statuses)
    history = LearningStore().history()
    assert sum(c.new == "known" for c in history) == 120
    # The shared lemma's history is one unbroken chain: each change starts where the
    # previous one (from either process) ended.
    chain = [c for c in history if c.lemma == "commun"]
    assert chain[0].old == "new"
    assert all(a.new == b.old for a, b in zip(chain, chain[1:], strict=False))
    assert statuses["commun"] == chain[-1].new


def test_a_damaged_file_is_set_aside_not_deleted(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "learning.sqlite3").write_bytes(b"this is not a database" * 200)
    store = LearningStore()
    assert store.set("chat", "known") is not None
    assert store.notice and "moved to learning.sqlite3.corrupt-" in store.notice
    assert any(p.name.startswith("learning.sqlite3.corrupt-") for p in data_dir.iterdir())


def test_a_damaged_file_that_cannot_be_moved_is_one_error_and_stays(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import reader.store

    def refused(path) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(reader.store, "set_aside", refused)
    data_dir.mkdir(parents=True)
    damaged = data_dir / "learning.sqlite3"
    damaged.write_bytes(b"this is not a database" * 200)
    with pytest.raises(LearningError, match="learning.sqlite3 is unreadable .*not a database"):
        LearningStore().set("chat", "known")
    assert damaged.read_bytes() == b"this is not a database" * 200


def test_a_block_read_counts_once(data_dir: Path) -> None:
    store = LearningStore()
    assert store.record_read("article", 3, 40, date(2026, 11, 30))
    assert not store.record_read("article", 3, 40, date(2026, 12, 1))  # read again: not twice
    assert store.record_read("article", 4, 25, date(2026, 12, 1))
    with store.reading() as db:
        assert dict(db.execute("SELECT day, SUM(words) FROM reading GROUP BY day")) == {
            "2026-11-30": 40,
            "2026-12-01": 25,
        }
