"""The on-disk translation cache: SQLite, keyed by engine, model version and source sentence.

A corrupt or unreadable cache file is set aside (renamed, never deleted) and a
fresh one is built; ``notice`` then says what happened. A cache that cannot be
written any more (disk full, locked for too long) turns itself off for writing and
says so once: translating never stops because of the cache.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path

from reader.data import locations, schemas
from reader.data.database import DataError, open_database, transaction
from reader.notify import Notify

_CHUNK = 500  # stays under SQLite's bound-parameter limit


class CacheUnavailable(Exception):
    """The data folder cannot hold a cache (read-only, not a folder, cannot be created)."""


class Cache:
    """Thread-safe: the app's worker and the UI thread may share one instance.

    A readable cache in a folder that cannot be written is opened read-only
    (``read_only`` is then True and writes are skipped): it is never taken for a
    damaged one. Only a file SQLite cannot read as a database is set aside.
    Raises ``CacheUnavailable`` when there is no usable cache at all.

    A write that fails later (``database or disk is full``) makes the cache read-only
    from then on: ``notice`` says why and ``notify``, when given, hears it once.
    """

    def __init__(self, path: Path | None = None, *, notify: Notify | None = None) -> None:
        try:
            self.path = path or locations.path(locations.TRANSLATION_CACHE)
        except OSError as exc:
            raise CacheUnavailable(f"data folder unusable ({exc.strerror or exc})") from exc
        self.notice: str | None = None
        self.notify = notify
        """Who hears that the cache stopped saving, when that happens after opening."""
        self.read_only = False
        self._lock = threading.Lock()
        self._db = self._open()

    def _writable(self) -> bool:
        folder = self.path.parent
        if self.path.exists():
            return os.access(self.path, os.W_OK) and os.access(folder, os.W_OK)
        return folder.is_dir() and os.access(folder, os.W_OK)

    def _open(self) -> sqlite3.Connection:
        if not self._writable():
            return self._open_read_only()
        try:
            return self._connect()
        except DataError as exc:
            # Locked, read-only media, disk full...: the file is not damaged (a damaged
            # one was set aside by the opener, and a new one made).
            if self.path.exists():
                try:
                    return self._open_read_only(exc)
                except CacheUnavailable:
                    pass  # no cache in it yet (a full disk stopped its creation): say why
            raise CacheUnavailable(f"cannot create {self.path} ({exc})") from exc

    def _open_read_only(self, why: Exception | None = None) -> sqlite3.Connection:
        if not self.path.is_file():
            raise CacheUnavailable(f"{self.path.parent} is not writable")
        try:
            db = sqlite3.connect(
                f"{self.path.resolve().as_uri()}?mode=ro&immutable=1",
                uri=True,
                check_same_thread=False,
            )
            db.execute("SELECT count(*) FROM translations WHERE engine = ''").fetchone()
        except sqlite3.DatabaseError as exc:
            raise CacheUnavailable(f"{self.path} cannot be read ({exc})") from exc
        self.read_only = True
        self.notice = f"translation cache is read-only ({why or 'folder not writable'}); new English is not saved"
        return db

    def _connect(self) -> sqlite3.Connection:
        opened = open_database(
            self.path, schemas.TRANSLATION_CACHE, timeout=10, check_same_thread=False
        )
        db = opened.db
        if opened.moved is not None:
            self.notice = (
                f"translation cache was unreadable ({opened.damage}); moved to"
                f" {opened.moved.name} and rebuilt"
            )
        try:
            db.execute("SELECT count(*) FROM translations WHERE engine = ''").fetchone()
        except sqlite3.DatabaseError as exc:
            db.close()
            raise DataError(f"{self.path}: cannot read the translation cache ({exc})") from exc
        return db

    def get_many(self, engine: str, version: str, sources: Sequence[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        unique = list(dict.fromkeys(sources))
        with self._lock:
            for i in range(0, len(unique), _CHUNK):
                part = unique[i : i + _CHUNK]
                marks = ",".join("?" * len(part))
                rows = self._db.execute(
                    f"SELECT source, target FROM translations WHERE engine = ? AND version = ? AND source IN ({marks})",
                    (engine, version, *part),
                )
                found.update(rows.fetchall())
        return found

    def put_many(self, engine: str, version: str, pairs: Iterable[tuple[str, str]]) -> None:
        """Saves English; when the file cannot take it, stops saving (one notice), never raises."""
        rows = [(engine, version, s, t) for s, t in pairs]
        with self._lock:
            if self.read_only:
                return
            try:
                with transaction(self._db):  # all of these rows or none
                    self._db.executemany(
                        "INSERT OR REPLACE INTO translations (engine, version, source, target) VALUES (?, ?, ?, ?)",
                        rows,
                    )
                return
            except sqlite3.OperationalError as exc:
                # Disk full, locked past the timeout, an I/O error: the English is fine, only
                # saving it failed. Keep what is cached and translate on without saving.
                self.read_only = True
                self.notice = (
                    f"translation cache cannot be written ({exc}); new English is not saved"
                )
        if self.notify is not None:
            self.notify(self.notice)

    def __len__(self) -> int:
        with self._lock:
            count: int = self._db.execute("SELECT count(*) FROM translations").fetchone()[0]
            return count

    def close(self) -> None:
        with self._lock:
            self._db.close()
