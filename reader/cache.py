"""The on-disk translation cache: SQLite, keyed by engine, model version and source sentence.

A corrupt or unreadable cache file is set aside (renamed, never deleted) and a
fresh one is built; ``notice`` then says what happened.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path

from reader.store import data_dir, set_aside

_SCHEMA = """
CREATE TABLE IF NOT EXISTS translations (
    engine  TEXT NOT NULL,
    version TEXT NOT NULL,
    source  TEXT NOT NULL,
    target  TEXT NOT NULL,
    PRIMARY KEY (engine, version, source)
) WITHOUT ROWID
"""
_CHUNK = 500  # stays under SQLite's bound-parameter limit


class Cache:
    """Thread-safe: the app's worker and the UI thread may share one instance."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or data_dir() / "cache.sqlite3"
        self.notice: str | None = None
        self._lock = threading.Lock()
        self._db = self._open()

    def _open(self) -> sqlite3.Connection:
        try:
            return self._connect()
        except sqlite3.DatabaseError as exc:
            moved = set_aside(self.path)
            self.notice = (
                f"translation cache was unreadable ({exc}); moved to {moved.name} and rebuilt"
            )
            return self._connect()

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.path, check_same_thread=False, timeout=10)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute(_SCHEMA)
            db.execute("SELECT count(*) FROM translations WHERE engine = ''").fetchone()
            db.commit()
        except sqlite3.DatabaseError:
            db.close()
            raise
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
        with self._lock, self._db:
            self._db.executemany(
                "INSERT OR REPLACE INTO translations (engine, version, source, target) VALUES (?, ?, ?, ?)",
                [(engine, version, s, t) for s, t in pairs],
            )

    def __len__(self) -> int:
        with self._lock:
            return self._db.execute("SELECT count(*) FROM translations").fetchone()[0]

    def close(self) -> None:
        with self._lock:
            self._db.close()
