"""Opening the app on an article: shared by ``reader open`` and the fast path of
``reader [PATH]``, which skips the command line parser. Light imports only.

``reader`` with no path opens the bundled article while the library holds nothing else
(so a fresh machine shows it); once the reader has added a text, the app opens on the
library screen, the last text read selected (``reader.app.library_flow`` does the rest:
texts opened from there, ``L`` and back, progress, peeks). A file opened by path that is
in the library is that library text: its progress follows. ``reader 3`` (``reader open
3``) opens library text 3; ``reader livre.epub`` (or a ``.pdf``, or an http(s) URL) adds
it to the library first, saying so, as ``reader add`` would, then opens it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from reader.commands.arguments import library_id

if TYPE_CHECKING:
    from reader.article import Article
    from reader.learning.store import LearningStore
    from reader.library.shelf import Library

SEEDS = Path(__file__).resolve().parent.parent.parent / "seeds"
DEFAULT_ARTICLE = SEEDS / "trump-poutine.fr.txt"


def open_article(path: str | None, engine: str, enforce: bool = True, review: bool = False) -> None:
    """Loads the article (stdin for ``-``; the bundled one for none, unless the library
    holds the reader's own texts: then the app opens on the library; a library text by
    its id; a book or a web page through the library, added first), then runs the app;
    ``review``: on the review screen, over that first screen."""
    from reader import article as article_model

    _daily_backup()
    library, problem = _library()
    article: Article | None = None
    if path is None and library is not None and has_own_texts(library):
        pass  # the app opens on the library screen
    elif path is not None and (library_id(path) is not None or kept_in_library(path)):
        library = library or _new_library()
        article = _from_library(library, path)
        problem = None
    else:
        article = article_model.load(path or DEFAULT_ARTICLE)
        for warning in article.warnings:  # said before the app takes the screen
            sys.stderr.write(f"reader: warning: {warning}\n")
    if path == "-" or not sys.stdin.isatty():
        _keys_from_terminal()
    from reader.app.app import ReaderApp

    app = ReaderApp(
        article,
        engine,
        enforce=enforce,
        library=library,
        library_problem=problem,
        learning=_learning(),
        start_review=review,
    )
    try:
        app.run()
        for problem in app.farewell:
            sys.stderr.write(f"reader: warning: {problem}\n")
    finally:
        opened = app.library_flow.library  # the app may have opened (created) it for L
        if opened is not None:
            opened.close()


LIBRARY_SUFFIXES = (".epub", ".pdf")
"""Files the reader reads only through the library (a book): ``reader livre.epub`` adds
the book (saying so) and opens it, as ``reader add`` then ``reader open ID`` would."""


def kept_in_library(path: str) -> bool:
    """A URL or a book: opened through the library (added first, and said)."""
    from reader.library.sources import is_url

    return is_url(path) or Path(path).suffix.lower() in LIBRARY_SUFFIXES


def _new_library() -> Library:
    from reader.library.shelf import Library

    return Library()


def _from_library(library: Library, path: str) -> Article:
    """The library text ``path`` names (an id), or the book or page it is, added first
    (the add is said on stderr, as ``reader add`` says it)."""
    from reader.library.sources import add_source, added_message
    from reader.textio import clean_line

    text_id = library_id(path)
    if text_id is None:
        sys.stderr.write(f"reader: reading {clean_line(path)} into your library…\n")
        from reader.commands.library import french_check

        check = french_check(f"reader add --yes {path} adds it anyway")
        text, updated = add_source(library, path, check=check)
        said = clean_line(added_message(text, updated, path))
        sys.stderr.write(
            f"reader: {said}, kept in your library; reader open {text.id} opens it again\n"
        )
        text_id = text.id
    return library.article(text_id)


def _daily_backup() -> None:
    """At most once a day, a backup of the databases before the app opens them."""
    from reader.data import backups, locations
    from reader.errors import ReaderError

    try:
        backups.daily(locations.folder())
    except (ReaderError, OSError) as exc:
        sys.stderr.write(f"reader: warning: no backup today: {exc}\n")


def _library() -> tuple[Library | None, str | None]:
    """The library, if the reader has one (none is created just by opening the app), or
    why it cannot be used (the app says so; reading goes on)."""
    import sqlite3

    from reader.errors import ReaderError
    from reader.library.shelf import Library, library_path

    try:
        library = Library() if library_path().is_file() else None
        if library is not None:
            library.count()  # a file SQLite opens may still fail at the first read
    except (ReaderError, OSError, sqlite3.Error) as exc:
        return None, str(exc)
    return library, None


def _learning() -> LearningStore | None:
    """The word statuses, opened once for the app (None: no usable data folder)."""
    from reader.errors import ReaderError
    from reader.learning.store import LearningStore

    try:
        return LearningStore()
    except ReaderError:
        return None


def has_own_texts(library: Library) -> bool:
    """Whether the library holds a text other than the bundled article."""
    bundled = str(DEFAULT_ARTICLE.resolve())
    return any(text.source != bundled for text in library.texts())


def _keys_from_terminal() -> None:
    """After the article came through stdin, the app reads its keys from the terminal."""
    from reader.errors import InputError

    try:
        tty = os.open("/dev/tty", os.O_RDWR)
    except OSError:
        raise InputError(
            "stdin held the article and there is no terminal to read keys from; "
            "use: reader translate - (no app)"
        ) from None
    os.dup2(tty, 0)
    os.close(tty)
    sys.stdin = open(0, encoding="utf-8", closefd=False)  # noqa: SIM115 - lives as long as the app
