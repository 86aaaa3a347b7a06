"""The Textual app: the article view, translation in a worker, modes, help, palette, and
the reading position remembered per article.

Start-up imports nothing heavy: engine selection (argostranslate, CTranslate2) happens
in the translation worker's thread, after the first screen is shown.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Label
from textual.worker import Worker, WorkerState, get_current_worker

from reader.app.layout import MODES
from reader.app.screens.help import HelpScreen
from reader.app.widgets.article_view import ArticleView, Mark
from reader.app.widgets.status_bar import StatusBar
from reader.article import Article
from reader.errors import ReaderError
from reader.store import Position, Positions

if TYPE_CHECKING:
    from glossary.model import Glossary

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
        Binding("g", "glossary", "Glossary"),
        Binding("n", "occurrence(1)", "Next occurrence", show=False),
        Binding("N", "occurrence(-1)", "Previous occurrence", show=False, key_display="N"),
        Binding("question_mark", "help", "Help", key_display="?"),
        Binding("q", "quit", "Quit"),
    ]

    def __init__(
        self, article: Article, engine: str = "auto", remember: bool = True, extract: bool = True
    ) -> None:
        super().__init__()
        self.article = article
        self.extract = extract
        self.glossary: Glossary | None = None
        self.selected_key: str | None = None
        self.occurrence = 0
        self.active_engine = None
        self.translation_done = threading.Event()
        self.engine_name = engine
        self._save_timer = None
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
        # Translation and the glossary start once the first screen is up, never before.
        self.call_after_refresh(self.start_translation)
        self.call_after_refresh(self._build_glossary)

    # ------------------------------------------------------------ translation

    def start_translation(self, engine: str | None = None) -> None:
        if engine is not None:
            self.engine_name = engine
        self.view.clear_english()
        self.translated = 0
        self.translation_done.clear()
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
            self.translation_done.set()
            return
        engine = selection.engine
        previous, self.active_engine = self.active_engine, engine
        if previous is not None:
            previous.close()
        self.call_from_thread(
            self._engine_ready, engine.label, selection.reason, engine_name == "auto"
        )
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
            cache.close()  # the engine stays open: the glossary translates its terms with it
            self.translation_done.set()

    def _engine_ready(self, label: str, reason: str, announce: bool) -> None:
        self.query_one(StatusBar).set_engine(f"English: {label}")
        if announce:
            self.notify(reason, title="Translation engine", timeout=6)

    def _engine_failed(self, message: str) -> None:
        self.query_one(StatusBar).set_engine("English: unavailable")
        self.query_one(StatusBar).set_progress(1, 1)
        self.notify(message, title="Translation", severity="error", timeout=10)

    def _english_arrived(self, chunk) -> None:
        self.view.set_english(chunk)
        if self.glossary is not None:
            from glossary.build import english_occurrences

            english_occurrences(self.glossary, {t.index: t.text for t in chunk})
            self._refresh_marks()
        self.translated += len(chunk)
        self.query_one(StatusBar).set_progress(self.translated, len(self.article.blocks))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            self._engine_failed(
                f"translation stopped: {type(event.worker.error).__name__}: {event.worker.error}"
            )

    # ------------------------------------------------------------ actions

    def action_mode(self, mode: str) -> None:
        self.view.mode = mode
        self._update_place()
        self._save_position()

    def action_help(self) -> None:
        self.push_screen(HelpScreen(self.key_groups()))

    def key_groups(self) -> list[tuple[str, list[Binding]]]:
        from reader.app.widgets.glossary_panel import GlossaryPanel

        return [
            ("Reading", list(ArticleView.BINDINGS)),
            ("App", list(self.BINDINGS)),
            (
                "Glossary panel",
                [*GlossaryPanel.BINDINGS, Binding("enter", "select", "Show entry in the text")],
            ),
            ("Anywhere", [Binding("ctrl+p", "command_palette", "Command palette")]),
        ]

    def on_article_view_current_changed(self, message: ArticleView.CurrentChanged) -> None:
        self._update_place()
        # Debounced: holding j should not write the positions file on every step.
        if self.remember:
            if self._save_timer is not None:
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
        if self.active_engine is not None:
            self.active_engine.close()
        self.exit()

    # ------------------------------------------------------------ glossary

    @work(thread=True, exclusive=True, group="glossary", exit_on_error=False)
    def _build_glossary(self) -> None:
        """Curated entries at once; extracted ones (spaCy, then the engine's English) after."""
        from glossary import build
        from glossary.extract import extract

        worker = get_current_worker()

        def stopping() -> bool:
            # The app may close without cancelling us (run_test does): never outlive it.
            return worker.is_cancelled or not self.is_running

        try:
            self.call_from_thread(self._glossary_ready, build.build(self.article))
            if not self.extract:
                return
            candidates = extract(self.article.blocks, should_stop=stopping)
            while not self.translation_done.wait(0.2):
                if stopping():
                    return
            if stopping():
                return
            from reader.cache import Cache

            cache = Cache()
            try:
                glossary = build.build(self.article, candidates, self.active_engine, cache)
            finally:
                cache.close()
            self.call_from_thread(self._glossary_ready, glossary)
        except ReaderError as exc:
            self.call_from_thread(self.notify, str(exc), title="Glossary", severity="error")

    def _glossary_ready(self, glossary: Glossary) -> None:
        from glossary.build import english_occurrences

        # Here, on the UI thread, the view's English is current; later chunks add theirs as they land.
        english_occurrences(glossary, self.view.english_texts())
        self.glossary = glossary
        self._refresh_marks()
        panel = self._panel()
        if panel is not None:
            panel.set_glossary(glossary)

    def _refresh_marks(self) -> None:
        marks: dict[int, list[Mark]] = {}
        if self.glossary is not None:
            for lang, table in (
                ("fr", self.glossary.occurrences),
                ("en", self.glossary.en_occurrences),
            ):
                for key, occurrences in table.items():
                    component = (
                        "article-view--hit" if key == self.selected_key else "article-view--term"
                    )
                    for o in occurrences:
                        marks.setdefault(o.block, []).append(
                            Mark(lang, o.start, o.end, component, key)
                        )
        self.view.set_marks(marks)

    def _panel(self):
        from reader.app.widgets.glossary_panel import GlossaryPanel

        found = self.query(GlossaryPanel)
        return found.first() if found else None

    async def action_glossary(self) -> None:
        """Opens or closes the panel; it is mounted the first time, to keep start-up light."""
        from reader.app.widgets.glossary_panel import GlossaryPanel

        panel = self._panel()
        if panel is None:
            panel = GlossaryPanel(id="glossary")
            await self.query_one("#body").mount(panel)
            if self.glossary is not None:
                panel.set_glossary(self.glossary)
        panel.toggle_class("-open")
        if panel.has_class("-open"):
            panel.tree.focus()
        else:
            self.view.focus()

    def select_entry(self, key: str, jump: bool = True) -> None:
        """Highlights an entry's occurrences in both languages; jumps to the first if asked."""
        self.selected_key = key
        self.occurrence = 0
        self._refresh_marks()
        occurrences = self.glossary.occurrences.get(key, []) if self.glossary else []
        if jump and occurrences:
            self.view.go_to(occurrences[0].block, top=True)

    def on_glossary_panel_entry_selected(self, message) -> None:
        self.select_entry(message.key)

    async def on_article_view_mark_clicked(self, message: ArticleView.MarkClicked) -> None:
        panel = self._panel()
        if panel is None or not panel.has_class("-open"):
            await self.action_glossary()
            panel = self._panel()
            self.view.focus()  # the reader stays in the text; the panel shows the entry
        panel.show_entry(message.key)
        self.select_entry(message.key, jump=False)

    def action_occurrence(self, step: int) -> None:
        occurrences = (
            self.glossary.occurrences.get(self.selected_key, [])
            if self.glossary and self.selected_key
            else []
        )
        if not occurrences:
            self.notify("Choose a glossary entry first (g opens the glossary).", timeout=4)
            return
        self.occurrence = (self.occurrence + step) % len(occurrences)
        self.view.go_to(occurrences[self.occurrence].block, top=True)
        self.query_one(StatusBar).set_place(
            f"occurrence {self.occurrence + 1}/{len(occurrences)} · block {self.view.current + 1}/{len(self.article.blocks)}"
        )

    # ------------------------------------------------------------ command palette

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for mode, name in MODE_NAMES.items():
            yield SystemCommand(
                f"Mode: {name}", f"Show {name.lower()}", lambda m=mode: self.action_mode(m)
            )
        from reader.engines.select import CHOICES

        for engine in CHOICES:
            yield SystemCommand(
                f"Engine: {engine}",
                f"Translate with {engine}",
                lambda e=engine: self.start_translation(e),
            )
        yield SystemCommand(
            "Glossary: open or close", "The article's names and terms", self.action_glossary
        )
        yield SystemCommand(
            "Learner: hide or show all English",
            "Hide the English until revealed block by block",
            self.view.action_hide_all,
        )
        for block in self.article.blocks:
            if block.kind == "heading":
                yield SystemCommand(
                    f"Jump to: {block.text}",
                    "Heading",
                    lambda i=block.index: self.view.go_to(i, top=True),
                )
