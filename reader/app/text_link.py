"""One reading screen's text in the library: which text it is, its "last opened" date, how
far the reader got and how much of it the reader knows.

``TextLink`` holds the ``Library`` (None: there is none yet) and a ``say`` callback for a
library that cannot be read or written (``LibraryFlow.say``: a notice, once); it knows
nothing of the flow or the screens, so the reading screen and its widgets can hold it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field

from reader.article import Article
from reader.errors import ReaderError
from reader.library.shelf import Library

LIBRARY_ERRORS = (ReaderError, sqlite3.Error)
"""What a library call may raise (``LibraryError``; a closed or locked database)."""

Say = Callable[[str], object]
"""How a library failure is said (a notice)."""


def clock(seconds: float) -> str:
    """``1:02:03`` (hours, minutes, seconds), or ``2:03`` under an hour."""
    whole = int(seconds)
    hours, minutes, rest = whole // 3600, whole // 60 % 60, whole % 60
    return f"{hours}:{minutes:02d}:{rest:02d}" if hours else f"{minutes}:{rest:02d}"


def read_share(block: int, blocks: int) -> float:
    """How far a reader at block ``block`` (0-based) of ``blocks`` got: 0 at the first,
    1 at the last."""
    last = max(1, blocks - 1)
    return min(max(block, 0), last) / last


def source_of(article: Article) -> str:
    """The library's name for an article's source: a file's resolved path (as ``reader
    add`` stores it), else the article's own source (a URL, ``stdin:KEY``)."""
    return str(article.path.resolve()) if article.path is not None else article.source


def text_id_of(library: Library | None, article: Article, say: Say) -> int | None:
    """The library text ``article`` is (by its source), or None."""
    if library is None:
        return None
    try:
        text = library.by_source(source_of(article))
    except LIBRARY_ERRORS as exc:
        say(f"the library cannot be read: {exc}")
        return None
    return text.id if text is not None else None


@dataclass
class TextLink:
    """One reading screen's text in the library (``text_id`` None: not in it)."""

    library: Library | None
    say: Say
    article: Article
    text_id: int | None = None
    peek: bool = False
    """A peek screen: it is not the text the reader last opened (nor does it save a
    position, so it records no progress either)."""
    _last_read: float | None = field(default=None, repr=False)

    def _change(self, change: Callable[[Library, int], object]) -> bool:
        """Runs ``change`` on the library and this text; whether it ran (a failure is said).
        Nothing to do for a text that is not in the library."""
        library, text_id = self.library, self.text_id
        if library is None or text_id is None:
            return False
        try:
            change(library, text_id)
        except LIBRARY_ERRORS as exc:
            self.say(f"the library was not updated: {exc}")
            return False
        return True

    def margin_labels(self) -> dict[int, str]:
        """Subtitles: each block's start time (``1:02:03``), for the reading view's margin."""
        library, text_id = self.library, self.text_id
        if library is None or text_id is None:
            return {}
        try:
            cues = library.cues(text_id)
        except LIBRARY_ERRORS:
            return {}
        return {i: clock(c.start) for i, c in enumerate(cues) if c is not None}

    def progress(self, block: int) -> None:
        """The screen saved its position at ``block``: the text's share read follows."""
        share = read_share(block, len(self.article.blocks))
        if share != self._last_read and self._change(lambda shelf, i: shelf.set_read(i, share)):
            self._last_read = share

    def opened(self) -> None:
        if not self.peek:
            self._change(lambda shelf, i: shelf.mark_opened(i))

    def relink(self, library: Library | None) -> None:
        """Looks the text up again in ``library`` (the reader may have just opened the
        library, or added the text to it)."""
        self.library = library
        if self.text_id is None:
            self.text_id = text_id_of(library, self.article, self.say)
            self.opened()
