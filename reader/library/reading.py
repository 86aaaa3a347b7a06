"""Reading positions for the reading screen, kept in the library database (by article
key, for any article: in the library or opened without adding it).

The library is opened (created, the first time) only when a position is first read or
saved; a library that cannot be opened leaves positions off, with a notice: reading
never fails because of them.
"""

from __future__ import annotations

from collections.abc import Callable

from reader.errors import ReaderError
from reader.library.shelf import Library
from reader.store import Position


class ReadingPositions:
    """``get``/``put`` positions by article key in the library the app holds."""

    def __init__(self, library: Callable[[], Library | None]) -> None:
        self._library = library
        self.notice: str | None = None

    def get(self, key: str) -> Position | None:
        library = self._library()
        if library is None:
            self.notice = "reading positions are off: the library cannot be opened"
            return None
        try:
            return library.position(key)
        except ReaderError as exc:
            self.notice = f"reading positions are off: {exc}"
            return None

    def put(self, key: str, position: Position) -> None:
        """Saves one position; raises ReaderError when it cannot be saved."""
        library = self._library()
        if library is None:
            raise ReaderError("the library cannot be opened")
        library.save_position(key, position)
