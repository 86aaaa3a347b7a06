"""A SQLite file of the reader's own in the data folder (word statuses, review cards,
vocabulary, your English): where it is and how it opens, through the data folder's one
opener (``reader.data.database``: pragmas, WAL, migrations, a damaged file set aside).

A file SQLite cannot read as a database is set aside (kept, renamed) and a new one
started; ``notice`` then says so. Any other failure to open (locked, read-only, a folder
that cannot be created) is the subclass's ``error``, with a message naming the file.
Connections are in autocommit mode: a write says ``BEGIN IMMEDIATE`` (through
``reader.data.database.transaction``).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import ClassVar

from reader.data import locations
from reader.data.database import Schema, open_database
from reader.errors import ReaderError


class Database:
    """Subclasses set ``SCHEMA`` (from ``reader.data.schemas``) and ``error``."""

    SCHEMA: ClassVar[Schema]
    error: ClassVar[type[ReaderError]]

    def __init__(self, path: Path | None = None) -> None:
        if path is None:
            try:
                path = locations.path(self.SCHEMA.file)
            except OSError as exc:
                raise self.error(f"the data folder is unusable ({exc.strerror or exc})") from exc
        self.path = path
        self.notice: str | None = None

    def _connect(self) -> sqlite3.Connection:
        """A connection in autocommit mode (writes say ``BEGIN IMMEDIATE``)."""
        opened = open_database(self.path, self.SCHEMA, error=self.error, timeout=30)
        if opened.notice is not None:
            self.notice = opened.notice
        return opened.db
