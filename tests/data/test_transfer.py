"""Take it with you: export then import gives the same data; a bad zip changes nothing."""

from __future__ import annotations

import json
import os
import sqlite3
import zipfile
from contextlib import closing
from pathlib import Path

import pytest

from reader.data import transfer
from reader.data.transfer import TransferError
from reader.learning.store import LearningStore
from tests.support.cli import one_line_error, run_reader

LISTINGS = (
    ("known", "export"),
    ("library", "--format", "json"),
    ("vocab", "export", "--format", "json"),
    ("terms", "list"),
    ("find", "guerre"),  # the sentence index, rebuilt by the import
)


def _listings(folder: Path) -> list[str]:
    outputs = []
    for args in LISTINGS:
        done = run_reader(*args, env={"READER_DATA_DIR": str(folder)})
        assert done.returncode == 0, done.stderr
        outputs.append(done.stdout)
    return outputs


def test_export_then_import_into_an_empty_folder_gives_the_same_data(
    old_data: Path, tmp_path: Path
) -> None:
    archive = tmp_path / "mine.zip"
    done = run_reader("data", "export", "-o", str(archive), env={"READER_DATA_DIR": str(old_data)})
    assert done.returncode == 0, done.stderr
    other = tmp_path / "other-machine"
    done = run_reader("data", "import", str(archive), env={"READER_DATA_DIR": str(other)})
    assert done.returncode == 0, done.stderr
    assert "statuses.json: 5 added, 0 updated, 0 skipped" in done.stdout
    assert "texts.json: 2 added" in done.stdout
    before, after = _listings(old_data), _listings(other)
    assert after == before
    assert "cessez-le-feu" in after[3] and "frappe" in after[2] and "guerre" in after[0]
    assert "guerre" in after[4].lower()
    library = json.loads(after[1])["texts"]
    assert [t["read"] for t in library] == [0.25, 0.0]


def test_importing_into_a_used_folder_merges_the_newest_wins(
    old_data: Path, tmp_path: Path
) -> None:
    archive = tmp_path / "mine.zip"
    transfer.export(old_data, archive)
    store = LearningStore()
    store.set("frappe", "known")  # newer here than in the export
    store.set("chat", "learning-1")  # only here
    report = transfer.import_(old_data, archive)
    counts = report.counts["statuses.json"]
    assert (counts.added, counts.updated) == (0, 0) and counts.skipped == 5
    assert report.counts["texts.json"].skipped == 2
    assert report.backup is not None and "before-import" in report.backup
    statuses = store.statuses()
    assert statuses["frappe"] == "known" and statuses["chat"] == "learning-1"
    # and the other way: an export newer than the folder replaces what it has
    newer = tmp_path / "newer.zip"
    transfer.export(old_data, newer)
    fresh = tmp_path / "fresh"
    transfer.import_(fresh, archive)  # the old state
    report = transfer.import_(fresh, newer)
    assert report.counts["statuses.json"].updated == 1  # frappe: learning-2 -> known
    assert report.counts["statuses.json"].added == 1  # chat
    assert LearningStore(fresh / "learning.sqlite3").statuses() == statuses


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def _state(folder: Path) -> dict[str, bytes]:
    return {
        p.name: p.read_bytes()
        for p in folder.iterdir()
        if p.is_file() and not p.name.endswith(("-wal", "-shm"))
    }


@pytest.mark.parametrize(
    ("members", "said"),
    [
        ({"a.txt": b"hello"}, "not a reader export (no manifest.json)"),
        ({"manifest.json": b'{"format": "something-else"}'}, "another format"),
        ({"manifest.json": b"{not json"}, "manifest.json is damaged"),
        (
            {
                "manifest.json": json.dumps(
                    {"format": transfer.FORMAT, "format_version": 99}
                ).encode()
            },
            "written by a newer reader",
        ),
        ({"../escape.json": b"{}", "manifest.json": b"{}"}, "path escapes"),
        ({"/etc/passwd": b"x"}, "absolute path"),
    ],
)
def test_a_foreign_or_hostile_zip_is_refused_and_changes_nothing(
    old_data: Path, tmp_path: Path, members: dict[str, bytes], said: str
) -> None:
    before = _state(old_data)
    with pytest.raises(TransferError, match=said.replace("(", r"\(").replace(")", r"\)")):
        transfer.import_(old_data, _zip(tmp_path / "bad.zip", members))
    assert _state(old_data) == before


def test_damaged_rows_are_refused_before_anything_is_written(
    old_data: Path, tmp_path: Path
) -> None:
    good = tmp_path / "good.zip"
    transfer.export(old_data, good)
    with zipfile.ZipFile(good) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    members["vocabulary.json"] = b'{"columns": ["lemma"], "rows": [["x"]]}'
    fresh = tmp_path / "fresh"
    with pytest.raises(TransferError, match="vocabulary.json does not hold the columns"):
        transfer.import_(fresh, _zip(tmp_path / "bad.zip", members))
    assert not fresh.exists() or not any(fresh.iterdir())


def test_a_zip_bomb_is_refused(old_data: Path, tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", json.dumps({"format": transfer.FORMAT, "format_version": 1}))
        zf.writestr("statuses.json", b"\0" * (20 * 1024**2))
    with pytest.raises(TransferError, match="unpacks too far"):
        transfer.import_(old_data, bomb)


def test_a_damaged_zip_is_one_line_and_exit_1(tmp_path: Path, data_dir: Path) -> None:
    bad = tmp_path / "damaged.zip"
    bad.write_bytes(os.urandom(4000))
    done = run_reader("data", "import", str(bad), env={"READER_DATA_DIR": str(data_dir)})
    assert "not a reader export" in one_line_error(done)
    assert not data_dir.exists() or not any(data_dir.glob("*.sqlite3"))


def _members(archive: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(archive) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def test_a_row_refused_by_the_last_database_leaves_an_empty_folder_empty(
    old_data: Path, tmp_path: Path
) -> None:
    good = tmp_path / "good.zip"
    transfer.export(old_data, good)
    members = _members(good)
    state = json.loads(members["reading-state.json"])
    state["rows"].append(["a-key", 0, None, 0.0, None, None])  # changed: NOT NULL
    members["reading-state.json"] = json.dumps(state).encode()
    fresh = tmp_path / "fresh"
    with pytest.raises(TransferError, match="the import failed"):
        transfer.import_(fresh, _zip(tmp_path / "bad.zip", members))
    # the learning and vocabulary databases, imported before it, are not left behind
    assert not fresh.exists() or sorted(p.name for p in fresh.iterdir()) == []


def test_an_import_into_an_empty_folder_skips_a_repeated_key_and_leaves_wal_files(
    old_data: Path, tmp_path: Path
) -> None:
    good = tmp_path / "good.zip"
    transfer.export(old_data, good)
    members = _members(good)
    statuses = json.loads(members["statuses.json"])
    statuses["rows"].append(statuses["rows"][0])
    members["statuses.json"] = json.dumps(statuses).encode()
    fresh = tmp_path / "fresh"
    report = transfer.import_(fresh, _zip(tmp_path / "twice.zip", members))
    counts = report.counts["statuses.json"]
    assert (counts.added, counts.skipped) == (5, 1)
    assert sorted(p.name for p in fresh.iterdir() if p.name.startswith(".")) == []
    for path in fresh.glob("*.sqlite3"):
        with closing(sqlite3.connect(path)) as db:
            assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
