"""Backups: a consistent copy of each of the reader's databases (SQLite's backup API,
safe while another process writes) and of the glossary, in a folder of its own under
``backups/`` in the data folder, named by when it was made (and why): for example
``backups/2026-12-08_04-10-33-daily/``.

A backup is made before every migration (of the file migrated), at most once a day when
the app starts (``daily``), and when asked (``reader data backup``); the last
``READER_BACKUPS`` (7) are kept. A backup is written beside its final name and renamed,
so a folder under ``backups/`` is always complete. The caches are not backed up: they
are rebuilt when lost.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reader.data import locations
from reader.errors import ReaderError

_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})_(\d{2})-(\d{2})-(\d{2})(?:-[a-z0-9.-]+)?$")


class BackupError(ReaderError):
    """A backup cannot be made, found or put back."""


@dataclass(frozen=True)
class Backup:
    """One folder under ``backups/``."""

    name: str
    path: Path
    made: float
    """When it was made (seconds since the epoch, from its name)."""
    files: tuple[str, ...]
    size: int

    @property
    def day(self) -> str:
        return self.name[:10]

    @property
    def why(self) -> str:
        """What made it (``daily``, ``before-library-v2``…), from its name."""
        return self.name[20:].rsplit(".", 1)[0]


def copy_database(source: sqlite3.Connection | Path, target: Path) -> None:
    """A consistent copy of a database (a connection to it, or its file) as ``target``
    (replaced): what committed transactions wrote, WAL included, and nothing of a write
    in progress elsewhere.

    The WAL is checkpointed into the file first (when no reader holds it back), then the
    file (and what is left in the WAL) is copied while this connection holds the write
    lock, so that no writer can change either during the copy; a WAL copied along is
    folded into the copy. As fast as a plain file copy, where SQLite's backup API, page
    by page, took 3.7× as long (benchmarks/data.py)."""
    tmp = target.with_name(f".{target.name}.tmp")
    side = [tmp.with_name(tmp.name + suffix) for suffix in ("-wal", "-shm", "-journal")]
    for path in (tmp, *side):
        path.unlink(missing_ok=True)
    own = not isinstance(source, sqlite3.Connection)
    db = source if isinstance(source, sqlite3.Connection) else _connect(source)
    try:
        main = Path(db.execute("PRAGMA database_list").fetchone()[2])
        try:
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.OperationalError:
            pass  # busy: the WAL is copied along instead
        db.execute("BEGIN IMMEDIATE")
        try:
            shutil.copyfile(main, tmp)
            wal = main.with_name(main.name + "-wal")
            if wal.is_file() and wal.stat().st_size > 0:
                shutil.copyfile(wal, side[0])
        finally:
            db.execute("ROLLBACK")
        folded = sqlite3.connect(tmp, isolation_level=None)  # one plain file: the WAL folded in
        try:
            folded.execute("PRAGMA journal_mode = DELETE")
        finally:
            folded.close()
        with open(tmp, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    finally:
        for path in (tmp, *side):
            path.unlink(missing_ok=True)
        if own:
            db.close()


def _connect(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path, timeout=30, isolation_level=None)


def _stamp(now: float) -> str:
    return time.strftime("%Y-%m-%d_%H-%M-%S", time.localtime(now))


def _new_folder(base: Path, why: str, now: float) -> Path:
    root = locations.backups(base)
    root.mkdir(parents=True, exist_ok=True)
    name = f"{_stamp(now)}-{why}" if why else _stamp(now)
    target, n = root / name, 1
    while target.exists():
        n += 1
        target = root / f"{name}.{n}"
    return target


def make(
    base: Path,
    why: str = "",
    names: Sequence[str] = (*locations.USER_DATABASES, *locations.USER_FILES),
    *,
    keep: int | None = None,
    connection: sqlite3.Connection | None = None,
    now: float | None = None,
) -> Backup:
    """Backs up ``names`` (those present) of the data folder ``base`` into a new folder
    under ``backups/``; ``connection``: an open connection to the only database named
    (a migration holds it). Then keeps the last ``keep`` (default: the setting)."""
    now = time.time() if now is None else now
    target = _new_folder(base, why, now)
    work = target.with_name(f".{target.name}.partial")
    try:
        work.mkdir(parents=True)
        for name in names:
            source = base / name
            if connection is not None:
                copy_database(connection, work / name)
            elif not source.is_file():
                continue
            elif name.endswith(".sqlite3"):
                copy_database(source, work / name)
            else:
                shutil.copy2(source, work / name)
        work.rename(target)
    except (OSError, sqlite3.Error) as exc:
        shutil.rmtree(work, ignore_errors=True)
        raise BackupError(f"cannot back up to {target} ({exc})") from exc
    prune(base, keep)
    return _read(target)


def _read(path: Path) -> Backup:
    files = tuple(sorted(p.name for p in path.iterdir() if p.is_file()))
    size = sum((path / f).stat().st_size for f in files)
    return Backup(path.name, path, _made(path), files, size)


def _made(path: Path) -> float:
    found = _NAME.match(path.name)
    if found is None:
        return path.stat().st_mtime
    day, h, m, s = found.groups()
    return time.mktime(time.strptime(f"{day} {h}:{m}:{s}", "%Y-%m-%d %H:%M:%S"))


def every(base: Path) -> list[Backup]:
    """The backups of the data folder ``base``, the newest first."""
    root = locations.backups(base)
    if not root.is_dir():
        return []
    found = [
        _read(p)
        for p in root.iterdir()
        if p.is_dir() and not p.name.startswith(".") and _NAME.match(p.name)
    ]
    return sorted(found, key=lambda b: (b.made, b.name), reverse=True)


def prune(base: Path, keep: int | None = None) -> list[str]:
    """Removes all but the last ``keep`` backups (and unfinished ones); their names."""
    if keep is None:
        from reader.settings import current

        keep = current().backups
    root = locations.backups(base)
    if root.is_dir():
        for partial in root.glob(".*.partial"):
            shutil.rmtree(partial, ignore_errors=True)
    removed = []
    for old in every(base)[max(keep, 1) :]:
        shutil.rmtree(old.path, ignore_errors=True)
        removed.append(old.name)
    return removed


def daily(base: Path, now: float | None = None) -> Backup | None:
    """A backup, unless one was made today already (or there is nothing to back up)."""
    now = time.time() if now is None else now
    today = time.strftime("%Y-%m-%d", time.localtime(now))
    if any(b.day == today for b in every(base)):
        return None
    if not any((base / name).is_file() for name in locations.USER_DATABASES):
        return None
    return make(base, "daily", now=now)


def find(base: Path, name: str) -> Backup:
    for backup in every(base):
        if backup.name == name:
            return backup
    known = ", ".join(b.name for b in every(base)[:3]) or "none yet"
    raise BackupError(f"no backup {name!r} (the last: {known}; reader doctor lists them)")


def restore(base: Path, name: str) -> tuple[Backup, Backup]:
    """Puts backup ``name`` back, after backing up the current state: (restored, made).

    Each database is written back with the backup API into the live file (so a reader
    that has it open sees the restored content at its next transaction); the glossary
    is replaced atomically."""
    from reader.store import atomic_write

    backup = find(base, name)
    before = make(base, "before-restore", keep=len(every(base)) + 1)  # pruned once done
    try:
        for file in backup.files:
            source, live = backup.path / file, base / file
            if file.endswith(".sqlite3"):
                src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
                try:
                    dst = sqlite3.connect(live, timeout=30)
                    try:
                        src.backup(dst)
                    finally:
                        dst.close()
                finally:
                    src.close()
            else:
                atomic_write(live, source.read_bytes())
    except (OSError, sqlite3.Error) as exc:
        raise BackupError(
            f"cannot restore {name} ({exc}); the state before is in backups/{before.name}"
        ) from exc
    prune(base)
    return backup, before
