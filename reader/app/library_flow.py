"""The library inside the reading app: the first screen, texts opened from the library
screen, ``L`` and back, the progress each reading screen records, and "peek".

``LibraryFlow`` is the app's controller for it (a plain class beside the app, as
``Translator`` is beside the reading screen): the app routes the library screen's
messages, ``L`` and the lookup panel's ``LibraryHits.Peek`` here. The screen stack stays
short: over the app's base screen (the first screen is pushed, as every other is), the
library screen if the app began on it, one reading screen, the library screen pushed over
it by ``L`` (Escape pops it: the text is where it was) and at most one peek screen
(``PeekScreen``) over it. Opening a text from the library replaces the reading screen
(its position saved first): the one replaced is gone, with its work and its session.

Each reading screen is made from a ``ReadingContext`` (``reader.app.context``) built here
first, with a ``TextLink`` (``reader.app.text_link``): which library text it shows (None:
the text is not in the library; a file opened by path that is in it is the same text),
its "last opened" date, how far the reader got (from the position the screen saves) and
how much of it the reader knows (computed from the word statuses when the library screen
lists it, never stored). Reading positions are kept in the library database too
(``ReadingPositions``, by article key, for texts outside the library as well). A peek is a glance, as in Lute (whose
peek shows a page without making it the book's current page): it leaves the other text's
saved position, share read and "last opened" as they were, so both texts keep their
places.
A library that cannot be read or written is said as a notice, once; reading goes on.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from reader.app.text_link import LIBRARY_ERRORS, TextLink, text_id_of
from reader.article import Article
from reader.errors import ReaderError
from reader.library.shelf import Library

if TYPE_CHECKING:
    from textual.app import App
    from textual.notifications import SeverityLevel
    from textual.screen import Screen

    from reader.app.options import ReadingOptions
    from reader.app.screens.main import MainScreen
    from reader.learning.store import LearningStore
    from reader.library.shelf import Hit


class LibraryFlow:
    """The app's library: opened once (when there is one, or when ``L`` asks for it)."""

    def __init__(
        self,
        app: App[None],
        options: ReadingOptions,
        library: Library | None = None,
        problem: str | None = None,
        learning: LearningStore | None = None,
    ) -> None:
        from reader.library.reading import ReadingPositions

        self.app = app
        self.options = options
        self.library = library
        self.learning = learning
        """The word statuses, for the library screen's % known (None: not shown)."""
        self.positions = ReadingPositions(self._opened_library)
        """Reading positions, in the library database (opened, or made, when first used)."""
        self.problem = problem
        """Why the library is not used (it could not be opened), said once the app is up."""
        self._said: set[str] = set()

    # ------------------------------------------------------------ failures

    def say(self, text: str, severity: SeverityLevel = "warning") -> None:
        """A notice about the library, once per text (a locked library is not said on
        every move)."""
        if text not in self._said:
            self._said.add(text)
            self.app.notify(text, title="Library", severity=severity, timeout=8)

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
            return LibraryScreen(
                self.library, self._last_opened(self.library), back=False, known=self.known_shares
            )
        return self.reading_screen(article)

    def _last_opened(self, library: Library) -> int | None:
        try:
            last = library.last_opened()
        except LIBRARY_ERRORS as exc:
            self.say(f"the library cannot be read: {exc}")
            return None
        return last.id if last is not None else None

    def reading_screen(self, article: Article, at: Hit | None = None) -> MainScreen:
        """A reading screen for ``article`` linked to its library text; ``at``: a peek
        screen at that hit's sentence."""
        from reader.app.context import ReadingContext, glossary_notices
        from reader.app.screens.main import MainScreen
        from reader.app.screens.peek import PeekScreen

        library, say = self.library, self.say
        link = TextLink(
            library, say, article, text_id_of(library, article, say), peek=at is not None
        )
        # A peek is a glance: the text's own reading position and share read stay as they were.
        options = self.options if at is None else replace(self.options, remember=False)
        context = ReadingContext(
            article,
            options,
            link=link,
            notify=glossary_notices(self.app),
            positions=self.positions,
            learning=self.learning,
        )
        screen: MainScreen
        if at is None:
            screen = MainScreen(context)
        else:
            screen = PeekScreen(context, at=at, back_to=self._top_title())
        link.opened()
        return screen

    def reading_screens(self) -> list[MainScreen]:
        """The reading screens in use, bottom to top (the text read, then a peek)."""
        from reader.app.screens.main import MainScreen

        return [s for s in self.app.screen_stack if isinstance(s, MainScreen)]

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

    def known_shares(self) -> dict[str, float]:
        """Each article's share of known words, by key, from the word statuses (one
        query); nothing when they cannot be read."""
        from reader.learning.stats import known_shares
        from reader.learning.store import LearningError

        if self.learning is None:
            return {}
        try:
            return known_shares(self.learning)
        except LearningError:
            return {}

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
        self.app.push_screen(LibraryScreen(library, selected, known=self.known_shares))

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
        # Every reading screen was pushed (over the app's base screen): the one replaced
        # is unmounted, which stops its work and closes its session.
        self._back_to(readers[0])
        self.app.switch_screen(screen)

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
            readers[-1].library_link.relink(self.library)

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
