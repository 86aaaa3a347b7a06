"""A SQLite file of the reader's own in the data folder (word statuses, vocabulary, your
English): where it is, how it opens, and what happens to a damaged one.

A file SQLite cannot read as a database is set aside (kept, renamed) and a new one
started; ``notice`` then says so. Any other failure to open (locked, read-only, a folder
that cannot be created) is the subclass's ``error``, with a message naming the file.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import ClassVar

from reader.errors import ReaderError


class Database:
    """Subclasses set ``FILE_NAME``, ``WHAT`` (for messages), ``SCHEMA`` and ``error``."""

    FILE_NAME: ClassVar[str]
    WHAT: ClassVar[str]
    SCHEMA: ClassVar[str]
    error: ClassVar[type[ReaderError]]
    PRAGMAS: ClassVar[tuple[str, ...]] = ()
    AUTOCOMMIT: ClassVar[bool] = False
    """True: no implicit transactions (the subclass says BEGIN itself)."""

    def __init__(self, path: Path | None = None) -> None:
        if path is None:
            from reader.store import data_dir

            try:
                path = data_dir() / self.FILE_NAME
            except OSError as exc:
                raise self.error(f"the data folder is unusable ({exc.strerror or exc})") from exc
        self.path = path
        self.notice: str | None = None

    def _connect(self) -> sqlite3.Connection:
        try:
            db = (
                sqlite3.connect(self.path, timeout=30, isolation_level=None)
                if self.AUTOCOMMIT
                else sqlite3.connect(self.path, timeout=30)
            )
            for pragma in self.PRAGMAS:
                db.execute(f"PRAGMA {pragma}")
            db.executescript(self.SCHEMA)
            return db
        except sqlite3.DatabaseError as exc:
            if "not a database" not in str(exc) and "malformed" not in str(exc):
                raise self.error(f"{self.path}: cannot open the {self.WHAT} ({exc})") from exc
            damage = exc
        from reader.store import set_aside_or_fail

        moved = set_aside_or_fail(self.path, damage, self.error)
        self.notice = f"the {self.WHAT} file was damaged; moved to {moved.name}, starting anew"
        return self._connect()
