"""The Textual app: configuration and lifecycle only; reading happens in ``screens/main.py``.

Start-up imports nothing heavy: engine selection (argostranslate, CTranslate2) and
spaCy run off the UI thread, after the first screen is shown.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App
from textual.binding import Binding

from reader.app.commands import ReaderCommands
from reader.app.library_flow import LibraryFlow
from reader.app.messages import Notice
from reader.app.options import ReadingOptions
from reader.app.screens.help import HelpScreen, reader_key_groups
from reader.app.screens.main import MainScreen, shown_source
from reader.app.widgets.article_view import ArticleView
from reader.article import Article
from reader.errors import ReaderError

if TYPE_CHECKING:
    from reader.app.screens.library import LibraryScreen
    from reader.app.widgets.library_hits import LibraryHits
    from reader.learning.store import LearningStore
    from reader.library.shelf import Library


class ReaderApp(App[None]):
    """Reads one article beside its English."""

    TITLE = "Bilingual reader"
    CSS_PATH = Path(__file__).with_name("reader.tcss")
    COMMANDS = App.COMMANDS | {ReaderCommands}
    BINDINGS = [
        Binding("question_mark", "help", "Help", key_display="?"),
        Binding("q", "quit", "Quit"),
        Binding("L", "library", "Library", show=False),
        Binding("R", "review", "Review", show=False),
    ]

    def __init__(
        self,
        article: Article | None,
        engine: str = "auto",
        remember: bool = True,
        extract: bool = True,
        enforce: bool = True,
        statuses: bool = True,
        library: Library | None = None,
        library_problem: str | None = None,
        learning: LearningStore | None = None,
        start_review: bool = False,
    ) -> None:
        super().__init__()
        self.start_review = start_review
        """Open the review screen over the first screen (``reader review``)."""
        self.article = article
        """The text the app opened on (None: it opens on the library screen)."""
        self.options = ReadingOptions(engine, enforce, extract, remember, statuses)
        self.sub_title = shown_source(article) if article is not None else "library"
        if learning is None:
            from reader.errors import ReaderError
            from reader.learning.store import LearningStore

            try:
                learning = LearningStore()
            except ReaderError:
                learning = None  # no usable data folder: the statuses say so themselves
        self.learning = learning
        """The word statuses, opened once here and handed to what uses them (None: the
        data folder is unusable)."""
        self.library_flow = LibraryFlow(self, self.options, library, library_problem, learning)
        self.farewell: list[str] = []
        """What could not be saved on quitting, printed once the terminal is back."""

    def on_mount(self) -> None:
        # Over the app's base screen (as frogmouth does), so that every screen of the app
        # was pushed and can be replaced or popped: none is kept alive under the stack.
        self.push_screen(self.library_flow.first_screen(self.article))
        if self.start_review:
            self.call_after_refresh(self.action_review)

    @property
    def main(self) -> MainScreen:
        """The reading screen on top (under the help screen, palette or library, if open)."""
        return next(s for s in reversed(self.screen_stack) if isinstance(s, MainScreen))

    @property
    def view(self) -> ArticleView:
        return self.main.view

    def action_help(self) -> None:
        self.push_screen(HelpScreen(reader_key_groups(self.BINDINGS)))

    def on_notice(self, message: Notice) -> None:
        """What a reading session says before or beside its screen (its glossary stack's
        notices: ``reader.app.context.glossary_notices``)."""
        self.notify(message.text, title=message.title, timeout=6)

    async def action_quit(self) -> None:
        # Workers are cancelled by exit(); their threads are daemons and are not waited for.
        # Every reading screen saves its position; what failed is said after the app is gone.
        self.farewell = self.library_flow.quitting()
        self.exit()

    def action_review(self) -> None:
        """``R``: the review screen over the screen shown (back to it, if it is open under
        a text opened from it)."""
        from reader.app.screens.review import ReviewScreen
        from reader.review.store import ReviewStore
        from reader.settings import current

        for screen in reversed(self.screen_stack):
            if isinstance(screen, ReviewScreen):
                while self.screen is not screen:
                    self.pop_screen()
                return
        library = self.library_flow.library
        try:
            if library is None:
                from reader.library.shelf import Library, library_path

                if library_path().is_file():  # the review never creates a library
                    library = self.library_flow.library = Library()
            store = ReviewStore()
        except ReaderError as exc:
            self.notify(str(exc), title="Review", severity="error")
            return
        self.push_screen(ReviewScreen(store, library, current().review, self.options.engine))

    # ------------------------------------------------------------ the library (library_flow)

    def action_library(self) -> None:
        self.library_flow.show_library()

    def on_library_screen_open_text(self, message: LibraryScreen.OpenText) -> None:
        self.library_flow.open_text(message.text_id)

    def on_library_screen_closed(self, message: LibraryScreen.Closed) -> None:
        self.library_flow.library_closed()

    def on_library_hits_peek(self, message: LibraryHits.Peek) -> None:
        self.library_flow.peek(message.hit)
