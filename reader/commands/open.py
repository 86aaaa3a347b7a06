"""Opening the app on an article: shared by ``reader open`` and the fast path of
``reader [PATH]``, which skips the command line parser. Light imports only.

``reader`` with no path opens the bundled article while the library holds nothing else
(so a fresh machine shows it); once the reader has added a text, it opens the library
screen, the last text read selected, and then the text chosen there. A text of the
library that is read gets its "last opened" date and, when the app closes, its share read.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.article import Article
    from reader.library.shelf import Library

SEEDS = Path(__file__).resolve().parent.parent.parent / "seeds"
DEFAULT_ARTICLE = SEEDS / "trump-poutine.fr.txt"


def open_article(path: str | None, engine: str, enforce: bool = True) -> None:
    """Loads the article (stdin for ``-``; the library or the bundled one for none), then
    runs the app on it."""
    from reader import article as article_model

    library = _library()
    text_id: int | None = None
    if path is None and library is not None and has_own_texts(library):
        text_id = _choose(library)
        if text_id is None:
            library.close()
            return
        article = library.article(text_id)
    else:
        source = path or DEFAULT_ARTICLE
        article = article_model.load(source)
        if library is not None and str(source) != "-":
            known = library.by_source(str(Path(source).resolve()))
            text_id = known.id if known is not None else None
    for warning in article.warnings:  # said before the app takes the screen
        sys.stderr.write(f"reader: warning: {warning}\n")
    if path == "-" or not sys.stdin.isatty():
        _keys_from_terminal()
    from reader.app.app import ReaderApp

    if library is not None and text_id is not None:
        library.mark_opened(text_id)
    try:
        ReaderApp(article, engine, enforce=enforce).run()
    finally:
        if library is not None:
            if text_id is not None:
                record_read(library, text_id, article)
            library.close()


def _library() -> Library | None:
    """The library, if the reader has one (none is created just by opening the app)."""
    from reader.errors import ReaderError
    from reader.library.shelf import Library, library_path

    try:
        return Library() if library_path().is_file() else None
    except (ReaderError, OSError) as exc:
        sys.stderr.write(f"reader: warning: library not used: {exc}\n")
        return None


def has_own_texts(library: Library) -> bool:
    """Whether the library holds a text other than the bundled article."""
    bundled = str(DEFAULT_ARTICLE.resolve())
    return any(text.source != bundled for text in library.texts())


def record_read(library: Library, text_id: int, article: Article) -> None:
    """Stores how far the reader got (from the saved reading position) as the text's share read."""
    from reader.errors import ReaderError
    from reader.store import Positions

    position = Positions().get(article.key)
    if position is None:
        return
    last = max(1, len(article.blocks) - 1)
    try:
        library.set_read(text_id, min(position.block, last) / last)
    except ReaderError as exc:
        sys.stderr.write(f"reader: warning: {exc}\n")


def _choose(library: Library) -> int | None:
    """Runs the library screen on its own; the id of the text chosen, or None (quit)."""
    from textual.app import App
    from textual.binding import Binding

    from reader.app.screens.library import LibraryScreen

    last = library.last_opened()

    class LibraryApp(App[int]):
        TITLE = "Bilingual reader: library"
        BINDINGS = [Binding("q", "quit", "Quit")]

        def get_default_screen(self) -> LibraryScreen:
            return LibraryScreen(library, last.id if last else None)

        def on_library_screen_open_text(self, message: LibraryScreen.OpenText) -> None:
            self.exit(message.text_id)

        def on_library_screen_closed(self) -> None:
            self.exit()

    return LibraryApp().run()


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
