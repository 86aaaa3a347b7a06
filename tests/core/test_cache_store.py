"""The SQLite cache and atomic writes: round trips and damaged files (reading positions:
``tests/data/test_reading_state.py``)."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from reader.cache import Cache
from reader.store import atomic_write


def test_cache_round_trip_is_keyed_by_engine_and_version(data_dir: Path) -> None:
    cache = Cache()
    cache.put_many("argos", "v1", [("Bonjour.", "Hello."), ("Merci.", "Thanks.")])
    assert cache.get_many("argos", "v1", ["Bonjour.", "Merci.", "Absent."]) == {
        "Bonjour.": "Hello.",
        "Merci.": "Thanks.",
    }
    assert cache.get_many("argos", "v2", ["Bonjour."]) == {}
    assert cache.get_many("apertium", "v1", ["Bonjour."]) == {}
    cache.close()
    assert Cache().get_many("argos", "v1", ["Merci."]) == {"Merci.": "Thanks."}


def test_cache_many_keys_and_threads(data_dir: Path) -> None:
    cache = Cache()
    pairs = [(f"phrase {i}", f"sentence {i}") for i in range(2000)]

    def put(part) -> None:
        cache.put_many("e", "1", part)

    threads = [threading.Thread(target=put, args=(pairs[i::4],)) for i in range(4)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    assert len(cache.get_many("e", "1", [p for p, _ in pairs])) == 2000


def test_corrupt_cache_is_set_aside_and_rebuilt(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    bad = data_dir / "cache.sqlite3"
    bad.write_bytes(b"this is not a database" * 100)
    cache = Cache()
    assert cache.notice and "moved to cache.sqlite3.corrupt-" in cache.notice
    cache.put_many("e", "1", [("a", "b")])
    assert cache.get_many("e", "1", ["a"]) == {"a": "b"}
    kept = list(data_dir.glob("cache.sqlite3.corrupt-*"))
    assert len(kept) == 1 and kept[0].read_bytes().startswith(b"this is not a database")


def test_atomic_write_leaves_no_temp_files(tmp_path: Path) -> None:
    target = tmp_path / "f.json"
    atomic_write(target, b"one")
    atomic_write(target, b"two")
    assert target.read_bytes() == b"two"
    assert [p.name for p in tmp_path.iterdir()] == ["f.json"]


def _small_database(monkeypatch: pytest.MonkeyPatch, pages: int) -> None:
    """Every cache connection refuses to grow past ``pages`` pages: SQLite then says
    "database or disk is full", as on a full file system."""
    import sqlite3

    from reader import cache as cache_module

    connect = sqlite3.connect

    def capped(*args, **kwargs):
        db = connect(*args, **kwargs)
        db.execute(f"PRAGMA max_page_count = {pages}")
        return db

    monkeypatch.setattr(cache_module.sqlite3, "connect", capped)


def test_a_full_cache_turns_itself_off_with_one_notice(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _small_database(monkeypatch, 3)
    heard: list[str] = []
    cache = Cache(notify=heard.append)
    cache.put_many("e", "1", [("petit", "small")])
    big = [(f"phrase {i} " + "x" * 500, f"sentence {i}") for i in range(50)]
    cache.put_many("e", "1", big)  # the disk is full: no error, no English lost
    cache.put_many("e", "1", big)
    assert len(heard) == 1 and "full" in heard[0] and "not saved" in heard[0]
    assert cache.notice == heard[0] and cache.read_only
    assert cache.get_many("e", "1", ["petit", big[0][0]]) == {"petit": "small"}
    cache.close()


def test_a_cache_that_cannot_be_created_on_a_full_disk_says_so(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.cache import CacheUnavailable

    _small_database(monkeypatch, 1)  # not even room for the table
    with pytest.raises(CacheUnavailable, match="cannot create .*database or disk is full"):
        Cache()
    with pytest.raises(CacheUnavailable, match="cannot create .*database or disk is full"):
        Cache()  # the empty file left behind is not taken for a cache


def test_write_output_names_the_target_never_a_temporary_file(tmp_path: Path) -> None:
    from reader.errors import ReaderError
    from reader.store import write_output

    with pytest.raises(ReaderError) as caught:
        write_output(Path("/proc/version"), b"x")
    assert str(caught.value).startswith("/proc/version: cannot write (")
    missing = tmp_path / "no-such-folder" / "x.json"
    with pytest.raises(ReaderError, match=r"x.json: cannot write \(No such file or directory\)"):
        write_output(missing, b"x")
    assert not missing.parent.exists()  # an export never creates folders


def test_exports_get_the_umask_mode_and_replaced_files_keep_theirs(tmp_path: Path) -> None:
    from reader.store import write_output

    umask = os.umask(0o022)
    try:
        export = tmp_path / "export.csv"
        write_output(export, b"a,b\n")
        assert export.stat().st_mode & 0o777 == 0o644
        export.chmod(0o640)
        write_output(export, b"a,b,c\n")
        assert export.stat().st_mode & 0o777 == 0o640 and export.read_bytes() == b"a,b,c\n"
        private = tmp_path / "positions.json"
        atomic_write(private, b"{}")
        assert private.stat().st_mode & 0o777 == 0o600  # user data stays the user's
    finally:
        os.umask(umask)
