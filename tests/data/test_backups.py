"""Backups: made when asked, before a migration, once a day; restored after backing up the
state before; the last READER_BACKUPS kept; listed by reader doctor."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from reader.data import backups, locations, schemas
from reader.data.backups import BackupError
from reader.learning.store import LearningStore
from tests.support.cli import one_line_error, run_reader


def test_backup_then_restore_on_the_command_line(old_data: Path) -> None:
    env = {"READER_DATA_DIR": str(old_data)}
    done = run_reader("data", "backup", env=env)
    assert done.returncode == 0, done.stderr
    [made] = [b for b in backups.every(old_data) if b.why == "asked"]
    assert set(made.files) == {
        locations.LIBRARY,
        locations.LEARNING,
        locations.VOCABULARY,
        locations.GLOSSARY,
    }  # (no corrections file in a 0.1.0 folder)
    store = LearningStore()
    store.set("guerre", "new")
    store.set("chat", "known")
    asked = run_reader("data", "restore", made.name, env=env)  # no terminal to ask
    assert "nothing restored" in one_line_error(asked) and "--yes" in asked.stderr
    assert store.statuses()["chat"] == "known"
    done = run_reader("data", "restore", made.name, "--yes", env=env)
    assert done.returncode == 0, done.stderr
    statuses = store.statuses()
    assert statuses["guerre"] == "known" and "chat" not in statuses
    [before] = [b for b in backups.every(old_data) if b.why == "before-restore"]
    assert "before-restore" in done.stderr
    # the state replaced is kept: restoring it brings "chat" back
    backups.restore(old_data, before.name)
    assert store.statuses()["chat"] == "known"


def test_restoring_a_backup_that_is_not_there_is_one_error(data_dir: Path) -> None:
    data_dir.mkdir()
    with pytest.raises(BackupError, match="no backup 'nope'"):
        backups.restore(data_dir, "nope")


def test_one_daily_backup_a_day_and_only_the_last_ones_kept(
    old_data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("READER_BACKUPS", "2")
    day = 86400.0
    start = time.time() + 10 * day
    assert backups.daily(old_data, now=start) is not None
    assert backups.daily(old_data, now=start + 60) is None  # the same day
    assert backups.daily(old_data, now=start + day) is not None
    assert backups.daily(old_data, now=start + 2 * day) is not None
    kept = backups.every(old_data)
    assert len(kept) == 2 and all(b.why == "daily" for b in kept)
    assert kept[0].made > kept[1].made


def test_a_backup_is_a_consistent_database(data_dir: Path) -> None:
    store = LearningStore()
    store.set("chat", "known")
    made = backups.make(data_dir, "asked")
    copy = LearningStore(made.path / locations.LEARNING)
    assert copy.statuses() == {"chat": "known"}


def test_doctor_lists_schema_versions_and_backups(old_data: Path) -> None:
    from reader.doctor import data_folder

    LearningStore().statuses()  # upgraded, with a backup first
    rows = {c.name: c for c in data_folder()}
    assert rows[locations.LEARNING].detail.startswith(f"schema {schemas.LEARNING.version} (up")
    assert "schema 1 (upgraded to 3 when next opened)" in rows[locations.LIBRARY].detail
    [listed] = [c for c in rows.values() if "before-learning-v" in c.name]
    assert "kB" in listed.detail and locations.LEARNING in listed.detail


def test_a_backup_holds_what_is_still_in_the_wal_and_nothing_uncommitted(data_dir: Path) -> None:
    import sqlite3

    LearningStore().set("chat", "known")
    path = data_dir / locations.LEARNING
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA wal_autocheckpoint = 0")
    holder.execute("INSERT INTO statuses VALUES ('chien', 'known', 'now')")
    reader = sqlite3.connect(path, isolation_level=None)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM statuses").fetchone()  # holds the WAL back
    try:
        made = backups.make(data_dir, "asked", [locations.LEARNING])
    finally:
        reader.execute("COMMIT")
        reader.close()
        holder.close()
    copy = LearningStore(made.path / locations.LEARNING)
    assert copy.statuses() == {"chat": "known", "chien": "known"}
    assert not (made.path / f"{locations.LEARNING}-wal").exists()
