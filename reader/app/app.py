"""The Textual app: configuration and lifecycle only; reading happens in ``screens/main.py``.

Start-up imports nothing heavy: engine selection (argostranslate, CTranslate2) and
spaCy run off the UI thread, after the first screen is shown.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.binding import Binding

from reader.app.commands import ReaderCommands
from reader.app.options import ReadingOptions
from reader.app.screens.help import HelpScreen, reader_key_groups
from reader.app.screens.main import MainScreen
from reader.app.widgets.article_view import ArticleView
from reader.article import Article


class ReaderApp(App[None]):
    """Reads one article beside its English."""

    TITLE = "Bilingual reader"
    CSS_PATH = Path(__file__).with_name("reader.tcss")
    COMMANDS = App.COMMANDS | {ReaderCommands}
    BINDINGS = [
        Binding("question_mark", "help", "Help", key_display="?"),
        Binding("q", "quit", "Quit"),
    ]

    def __init__(
        self,
        article: Article,
        engine: str = "auto",
        remember: bool = True,
        extract: bool = True,
        enforce: bool = True,
        statuses: bool = True,
    ) -> None:
        super().__init__()
        self.article = article
        self.options = ReadingOptions(engine, enforce, extract, remember, statuses)
        self.sub_title = article.source

    def get_default_screen(self) -> MainScreen:
        return MainScreen(self.article, self.options)

    @property
    def main(self) -> MainScreen:
        """The reading screen (under the help screen or palette, if open)."""
        return next(s for s in self.screen_stack if isinstance(s, MainScreen))

    @property
    def view(self) -> ArticleView:
        return self.main.view

    def action_help(self) -> None:
        self.push_screen(HelpScreen(reader_key_groups(self.BINDINGS)))

    async def action_quit(self) -> None:
        # Workers are cancelled by exit(); their threads are daemons and are not waited for.
        main = self.main
        main.save_position()
        main.close_session()
        self.exit()
