"""The library inside the reading app: the first screen, texts opened from the library
screen, ``L`` and back, the progress each reading screen records, and "peek".

``LibraryFlow`` is the app's controller for it (a plain class beside the app, as
``Translator`` is beside the reading screen): the app routes the library screen's
messages, ``L`` and the lookup panel's ``LibraryHits.Peek`` here. The screen stack stays
short: one reading screen (over the app's first screen, if it was replaced), the library
screen pushed over it by ``L`` (Escape pops it: the text is where it was) and at most
one peek screen (``PeekScreen``) over it. Opening a text from the library replaces the
reading screen (its position saved first).

Each reading screen gets a ``TextLink``: which library text it shows (None: the text is
not in the library; a file opened by path that is in it is the same text), its "last
opened" date, how far the reader got (from the position the screen saves) and how much
of it the reader knows (``set_known``). A peek is a glance, as in Lute (whose peek shows a
page without making it the book's current page): it leaves the other text's saved
position, share read and "last opened" as they were, so both texts keep their places.
A library that cannot be read or written is said as a notice, once; reading goes on.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from reader.article import Article
from reader.errors import ReaderError
from reader.library.shelf import Library

if TYPE_CHECKING:
    from textual.app import App
    from textual.notifications import SeverityLevel
    from textual.screen import Screen

    from reader.app.options import ReadingOptions
    from reader.app.screens.main import MainScreen
    from reader.library.shelf import Hit

LIBRARY_ERRORS = (ReaderError, sqlite3.Error)
"""What a library call may raise (``LibraryError``; a closed or locked database)."""


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


def cached_known_share(article: Article) -> float | None:
    """The share of ``article``'s words the reader knows, from what exists without a new
    spaCy pass: the learning store's figure for the article, else its cached analysis.
    None while there are no word statuses, or nothing to count from. For a worker."""
    from reader.learning.stats import article_shares
    from reader.learning.store import LearningStore
    from reader.learning.words import known_share, words_of
    from reader.nlp.cache import AnalysisCache

    store = LearningStore()
    statuses = store.statuses()
    if not statuses:
        return None
    for share in article_shares(store):
        if share.article == article.key and share.countable:
            return share.share
    analysis = AnalysisCache().get(article)
    if analysis is None:
        return None
    return known_share(words_of(article, analysis, statuses), statuses)  # phrases found too


@dataclass
class TextLink:
    """One reading screen's text in the library (``text_id`` None: not in it)."""

    flow: LibraryFlow
    article: Article
    text_id: int | None = None
    peek: bool = False
    """A peek screen: it is not the text the reader last opened (nor does it save a
    position, so it records no progress either)."""
    _last_read: float | None = field(default=None, repr=False)

    def _change(self, change: Callable[[Library, int], object]) -> bool:
        """Runs ``change`` on the library and this text; whether it ran (a failure is a
        notice). Nothing to do for a text that is not in the library."""
        library, text_id = self.flow.library, self.text_id
        if library is None or text_id is None:
            return False
        return self.flow.attempt(lambda: change(library, text_id))

    def margin_labels(self) -> dict[int, str]:
        """Subtitles: each block's start time (``1:02:03``), for the reading view's margin."""
        library, text_id = self.flow.library, self.text_id
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

    def set_known(self, share: float | None) -> None:
        """The share of the text's words the reader knows (``StatusMarks.known_share``),
        for the library's % known. Call it when the marks are computed or change."""
        self._change(lambda shelf, i: shelf.set_known(i, share))

    def opened(self) -> None:
        if not self.peek:
            self._change(lambda shelf, i: shelf.mark_opened(i))

    def relink(self) -> None:
        """Looks the text up again (the reader may have just added it to the library)."""
        if self.text_id is None:
            self.text_id = self.flow.text_id_of(self.article)
            self.opened()


class LibraryFlow:
    """The app's library: opened once (when there is one, or when ``L`` asks for it)."""

    def __init__(
        self,
        app: App[None],
        options: ReadingOptions,
        library: Library | None = None,
        problem: str | None = None,
    ) -> None:
        self.app = app
        self.options = options
        self.library = library
        self.problem = problem
        """Why the library is not used (it could not be opened), said once the app is up."""
        self._said: set[str] = set()
        self._retired: list[MainScreen] = []
        """Reading screens replaced but still in the stack (the app's first screen)."""

    # ------------------------------------------------------------ failures

    def say(self, text: str, severity: SeverityLevel = "warning") -> None:
        """A notice about the library, once per text (a locked library is not said on
        every move)."""
        if text not in self._said:
            self._said.add(text)
            self.app.notify(text, title="Library", severity=severity, timeout=8)

    def attempt(self, change: Callable[[], object]) -> bool:
        """Runs ``change``; a library error becomes a notice. Whether it ran."""
        try:
            change()
        except LIBRARY_ERRORS as exc:
            self.say(f"the library was not updated: {exc}")
            return False
        return True

    def started(self) -> None:
        """The app is up: what went wrong opening the library, if anything."""
        from reader.app.screens.library import LibraryScreen

        if self.problem:
            self.say(f"library not used: {self.problem}")
        elif self.library is not None and self.library.notice:
            if not isinstance(self.app.screen, LibraryScreen):  # it says the notice itself
                self.say(self.library.notice)

    # ------------------------------------------------------------ screens

    def first_screen(self, article: Article | None) -> Screen[None]:
        """The library screen (the last text read selected) when there is no article;
        else a reading screen for it."""
        from reader.app.screens.library import LibraryScreen

        self.app.call_after_refresh(self.started)
        if article is None:
            assert self.library is not None, "no article and no library to choose from"
            return LibraryScreen(self.library, self._last_opened(self.library), back=False)
        return self.reading_screen(article)

    def _last_opened(self, library: Library) -> int | None:
        try:
            last = library.last_opened()
        except LIBRARY_ERRORS as exc:
            self.say(f"the library cannot be read: {exc}")
            return None
        return last.id if last is not None else None

    def text_id_of(self, article: Article) -> int | None:
        """The library text ``article`` is (by its source), or None."""
        if self.library is None:
            return None
        try:
            text = self.library.by_source(source_of(article))
        except LIBRARY_ERRORS as exc:
            self.say(f"the library cannot be read: {exc}")
            return None
        return text.id if text is not None else None

    def reading_screen(self, article: Article, at: Hit | None = None) -> MainScreen:
        """A reading screen for ``article`` linked to its library text; ``at``: a peek
        screen at that hit's sentence."""
        from reader.app.screens.main import MainScreen
        from reader.app.screens.peek import PeekScreen

        link = TextLink(self, article, self.text_id_of(article), peek=at is not None)
        screen: MainScreen
        if at is None:
            screen = MainScreen(article, self.options, link=link)
        else:
            # A glance: the text's own reading position and share read stay as they were.
            options = replace(self.options, remember=False)
            screen = PeekScreen(article, options, link=link, at=at, back_to=self._top_title())
        link.opened()
        if link.text_id is not None:
            self._fill_known(link)
        return screen

    def reading_screens(self) -> list[MainScreen]:
        """The reading screens in use, bottom to top (the text read, then a peek)."""
        from reader.app.screens.main import MainScreen

        return [
            s
            for s in self.app.screen_stack
            if isinstance(s, MainScreen) and all(s is not r for r in self._retired)
        ]

    def _top_title(self) -> str:
        screens = self.reading_screens()
        return screens[-1].article.title if screens else ""

    def _article(self, text_id: int) -> Article | None:
        """A library text as an article; a notice (and None) if it cannot be read."""
        library = self.library
        if library is None:
            return None
        try:
            return library.article(text_id)
        except ReaderError as exc:
            self.say(str(exc), "error")
            return None

    def _fill_known(self, link: TextLink) -> None:
        """The text's % known from what already exists (no spaCy pass), in a worker."""
        from reader.app.background import in_daemon

        article = link.article

        async def fill() -> None:
            try:
                share = await in_daemon(lambda: cached_known_share(article), "reader-known")
            except Exception:  # noqa: BLE001 - a figure for the library, never worth a notice
                return
            if share is not None:
                link.set_known(share)

        self.app.call_later(
            lambda: self.app.run_worker(fill(), name="library-known", exit_on_error=False)
        )

    # ------------------------------------------------------------ what the reader asks

    def show_library(self) -> None:
        """``L``: the library over the text being read (Escape comes back to it)."""
        from reader.app.screens.library import LibraryScreen
        from reader.app.screens.main import MainScreen

        reading = self.app.screen
        if not isinstance(reading, MainScreen):
            return
        library = self._opened_library()
        if library is None:
            return
        reading.save_position()  # the library lists its share read as of now
        link = reading.library_link
        selected = link.text_id if link is not None else None
        if selected is None:
            selected = self._last_opened(library)
        self.app.push_screen(LibraryScreen(library, selected))

    def _opened_library(self) -> Library | None:
        """The library, opened (and created, empty) the first time the reader asks for it."""
        if self.library is None:
            try:
                self.library = Library()
            except ReaderError as exc:
                self.say(f"the library cannot be opened: {exc}", "error")
                return None
        return self.library

    def open_text(self, text_id: int) -> None:
        """Enter on the library screen: that text in the reading screen (the one open, if
        it is that text, as it was)."""
        readers = self.reading_screens()
        if readers and readers[0].library_link is not None:
            if readers[0].library_link.text_id == text_id:
                self._back_to(readers[0])
                return
        article = self._article(text_id)
        if article is None:
            return
        for reader in readers:
            reader.save_position()
        screen = self.reading_screen(article)
        if not readers:
            self.app.push_screen(screen)  # over the library screen the app began on
            return
        self._back_to(readers[0])
        if readers[0] is self.app.screen_stack[0]:
            # The app's first screen cannot be replaced (Textual never pushed it): it stops
            # and stays under the new one, unseen.
            self._retire(readers[0])
            self.app.push_screen(screen)
        else:
            self.app.switch_screen(screen)

    def _retire(self, screen: MainScreen) -> None:
        """Stops a reading screen that stays in the stack: its work, its session."""
        from textual.widget import Widget

        for worker in list(self.app.workers):
            node = worker.node
            if node is screen or (isinstance(node, Widget) and node.screen is screen):
                worker.cancel()
        screen.close_session()
        self._retired.append(screen)

    def _back_to(self, screen: Screen[None]) -> None:
        while self.app.screen is not screen and len(self.app.screen_stack) > 1:
            self.app.pop_screen()

    def library_closed(self) -> None:
        """Escape on the library screen: back to the text (with none under it, the
        library is the first screen: Escape does not quit, q does)."""
        readers = self.reading_screens()
        if not readers:
            return
        self._back_to(readers[-1])
        if readers[-1].library_link is not None:
            readers[-1].library_link.relink()

    def peek(self, hit: Hit) -> None:
        """``o`` in the lookup panel: the other text at that sentence, on a screen of its
        own over this one; leaving it comes back here as it was. One peek at a time."""
        from reader.app.screens.peek import PeekScreen

        readers = self.reading_screens()
        if not readers:
            return
        article = self._article(hit.text)
        if article is None:
            return
        top = readers[-1]
        top.save_position()
        if isinstance(top, PeekScreen):
            self.app.pop_screen()  # the new peek replaces it, over the same text
        self.app.push_screen(self.reading_screen(article, at=hit))

    def quitting(self) -> list[str]:
        """Every reading screen saves its position (and progress) and closes its session;
        returns what could not be saved (a notice would vanish with the app)."""
        problems = []
        for reader in reversed(self.reading_screens()):
            problem = reader.save_position()
            if problem is not None:
                problems.append(problem)
            reader.close_session()
        return problems
