"""The Textual app: the article view, translation in a worker, modes, help, palette, and
the reading position remembered per article.

Start-up imports nothing heavy: engine selection (argostranslate, CTranslate2) happens
in the translation worker's thread, after the first screen is shown.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from textual import work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Label
from textual.worker import Worker, WorkerState, get_current_worker

from reader.app.layout import MODES
from reader.app.screens.help import HelpScreen
from reader.app.widgets.article_view import ArticleView
from reader.app.widgets.status_bar import StatusBar
from reader.article import Article
from reader.errors import ReaderError
from reader.store import Position, Positions

MODE_NAMES = {"both": "French and English", "french": "French only", "english": "English only"}
CHUNK_SENTENCES = 24
"""Sentences per engine call in the app: small enough that the screen fills in quickly
and that quitting mid-translation waits at most one small batch."""


class ReaderApp(App[None]):
    """Reads one article beside its English."""

    TITLE = "Bilingual reader"
    CSS_PATH = Path(__file__).with_name("reader.tcss")
    BINDINGS = [
        Binding("f", "mode('french')", "French", key_display="f"),
        Binding("e", "mode('english')", "English", key_display="e"),
        Binding("b", "mode('both')", "Both", key_display="b"),
        Binding("question_mark", "help", "Help", key_display="?"),
        Binding("q", "quit", "Quit"),
    ]

    def __init__(self, article: Article, engine: str = "auto", remember: bool = True) -> None:
        super().__init__()
        self.article = article
        self.engine_name = engine
        self.engine_label = ""
        self.remember = remember
        self.positions = Positions() if remember else None
        self.translated = 0
        self.sub_title = article.source

    # ------------------------------------------------------------ composition

    def compose(self) -> ComposeResult:
        # A plain label, not Textual's Header: same information, a third of the start-up cost.
        yield Label(f"Bilingual reader · {self.article.source}", id="title-bar")
        with Horizontal(id="body"):
            yield ArticleView(self.article, id="article")
        yield StatusBar()
        yield Footer()

    @property
    def view(self) -> ArticleView:
        return self.query_one(ArticleView)

    def on_mount(self) -> None:
        view = self.view
        saved = self.positions.get(self.article.key) if self.positions else None
        if self.positions and self.positions.notice:
            self.notify(self.positions.notice, severity="warning")
        if saved is not None:
            if saved.mode in MODES:
                view.mode = saved.mode
            view.current = min(max(0, saved.block), len(self.article.blocks) - 1)
            self.call_after_refresh(view.go_to, view.current, True)
        view.focus()
        self._update_place()
        # Translation starts once the first screen is up, never before.
        self.call_after_refresh(self.start_translation)

    # ------------------------------------------------------------ translation

    def start_translation(self, engine: str | None = None) -> None:
        if engine is not None:
            self.engine_name = engine
        self.view.clear_english()
        self.translated = 0
        self.query_one(StatusBar).set_engine(f"English: {self.engine_name} (loading…)")
        self.query_one(StatusBar).set_progress(0, len(self.article.blocks))
        self._translate(self.engine_name, self._order())

    def _order(self) -> list[int]:
        """Blocks on screen first, then onwards from there, then the ones above."""
        view = self.view
        first = view.row_at(int(view.scroll_y))
        last = view.row_at(int(view.scroll_y) + max(1, view.scrollable_content_region.height))
        n = len(self.article.blocks)
        visible = list(range(first, min(n, last + 1)))
        return visible + list(range(last + 1, n)) + list(range(0, first))

    @work(thread=True, exclusive=True, group="translate", exit_on_error=False)
    def _translate(self, engine_name: str, order: list[int]) -> None:
        from reader.cache import Cache
        from reader.engines.select import select
        from reader.translation import translate_in_chunks

        worker = get_current_worker()
        try:
            selection = select(engine_name, self.article)
        except ReaderError as exc:
            self.call_from_thread(self._engine_failed, str(exc))
            return
        engine = selection.engine
        self.call_from_thread(self._engine_ready, engine.label, selection.reason, engine_name == "auto")
        cache = Cache()
        if cache.notice:
            self.call_from_thread(self.notify, cache.notice, severity="warning")
        blocks = [self.article.blocks[i] for i in order]
        try:
            for chunk in translate_in_chunks(engine, blocks, cache, CHUNK_SENTENCES):
                if worker.is_cancelled:
                    return
                self.call_from_thread(self._english_arrived, chunk)
        except ReaderError as exc:
            self.call_from_thread(self._engine_failed, str(exc))
        finally:
            engine.close()
            cache.close()

    def _engine_ready(self, label: str, reason: str, announce: bool) -> None:
        self.engine_label = label
        self.query_one(StatusBar).set_engine(f"English: {label}")
        if announce:
            self.notify(reason, title="Translation engine", timeout=6)

    def _engine_failed(self, message: str) -> None:
        self.query_one(StatusBar).set_engine("English: unavailable")
        self.query_one(StatusBar).set_progress(1, 1)
        self.notify(message, title="Translation", severity="error", timeout=10)

    def _english_arrived(self, chunk) -> None:
        self.view.set_english(chunk)
        self.translated += len(chunk)
        self.query_one(StatusBar).set_progress(self.translated, len(self.article.blocks))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            self._engine_failed(f"translation stopped: {type(event.worker.error).__name__}: {event.worker.error}")

    # ------------------------------------------------------------ actions

    def action_mode(self, mode: str) -> None:
        self.view.mode = mode
        self._update_place()
        self._save_position()

    def action_help(self) -> None:
        self.push_screen(HelpScreen(self.key_groups()))

    def key_groups(self) -> list[tuple[str, list[Binding]]]:
        groups = [("Reading", list(ArticleView.BINDINGS)), ("App", list(self.BINDINGS))]
        return groups + [("Anywhere", [Binding("ctrl+p", "command_palette", "Command palette")])]

    def on_article_view_current_changed(self, message: ArticleView.CurrentChanged) -> None:
        self._update_place()
        # Debounced: holding j should not write the positions file on every step.
        if self.remember:
            if getattr(self, "_save_timer", None) is not None:
                self._save_timer.stop()
            self._save_timer = self.set_timer(0.5, self._save_position)

    def _update_place(self) -> None:
        view = self.view
        self.query_one(StatusBar).set_place(
            f"{MODE_NAMES[view.mode]} · block {view.current + 1}/{len(self.article.blocks)}"
        )

    def _save_position(self) -> None:
        if self.positions is None:
            return
        try:
            self.positions.put(self.article.key, Position(self.view.current, self.view.mode))
        except OSError as exc:
            self.notify(f"could not save the reading position: {exc}", severity="warning")

    async def action_quit(self) -> None:
        self._save_position()
        for worker in self.workers:
            worker.cancel()
        self.exit()

    # ------------------------------------------------------------ command palette

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for mode, name in MODE_NAMES.items():
            yield SystemCommand(f"Mode: {name}", f"Show {name.lower()}", lambda m=mode: self.action_mode(m))
        from reader.engines.select import CHOICES

        for engine in CHOICES:
            yield SystemCommand(f"Engine: {engine}", f"Translate with {engine}", lambda e=engine: self.start_translation(e))
        yield SystemCommand("Learner: hide or show all English", "Hide the English until revealed block by block",
                            self.view.action_hide_all)
        for block in self.article.blocks:
            if block.kind == "heading":
                yield SystemCommand(f"Jump to: {block.text}", "Heading", lambda i=block.index: self.view.go_to(i, top=True))
