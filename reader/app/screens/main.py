"""The reading screen: the article view, the glossary panel and the status line.

It owns the reading state (mode, place, selected glossary entry) and routes
messages: widget messages from the view and the panel, and the typed messages in
``reader.app.messages`` that the background work posts. All translation goes
through one ``TranslationSession``, opened off the UI thread; blocks are taken
from a ``Schedule`` that puts the blocks on screen first after every jump.
"""

from __future__ import annotations

import asyncio
import dataclasses
import threading
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Input, Label
from textual.worker import Worker, WorkerState

from glossary.errors import GlossaryError
from reader.app.background import in_daemon
from reader.app.layout import MODES
from reader.app.lookups import WordLookups
from reader.app.marks import marks_for
from reader.app.messages import (
    EngineChanged,
    EngineSwitchFailed,
    EnglishArrived,
    GlossaryFailed,
    GlossaryReady,
    LookupFailed,
    Notice,
    TranslationDone,
    TranslationFailed,
)
from reader.app.schedule import Schedule
from reader.app.widgets.article_view import PLACEHOLDER_FAILED, ArticleView
from reader.app.widgets.status_bar import StatusBar
from reader.app.work import translate_run, with_english
from reader.article import Article
from reader.errors import ReaderError
from reader.store import Position, Positions

if TYPE_CHECKING:
    from glossary.model import Glossary
    from reader.app.widgets.glossary_panel import GlossaryPanel
    from reader.session import TranslationSession
    from reader.translation import BlockTranslation

MODE_NAMES = {"both": "French and English", "french": "French only", "english": "English only"}


class MainScreen(WordLookups, Screen[None]):
    """Reads one article beside its English."""

    BINDINGS = [
        # Out of the footer (the help lists them): it must fit 80 columns with g, ? and q.
        Binding("f", "mode('french')", "French only", show=False),
        Binding("e", "mode('english')", "English only", show=False),
        Binding("b", "mode('both')", "Both languages", show=False),
        Binding("g", "glossary", "Glossary"),
        # A priority binding runs before the next key is routed: `/otan` typed at once
        # fills the filter instead of running o, t, a, n as reading keys.
        Binding("slash", "filter", "Find in glossary", show=False, key_display="/", priority=True),
        Binding("escape", "back_to_text", "Back to the text (also Tab)", show=False),
        Binding("n", "occurrence(1)", "Next occurrence", show=False),
        Binding("N", "occurrence(-1)", "Previous occurrence", show=False, key_display="N"),
        # With the lookup panel focused (the view's own ←/→ come first when it has focus).
        Binding("right", "word_in_panel(1)", "Next word, looked up", show=False, key_display="→"),
        Binding(
            "left", "word_in_panel(-1)", "Previous word, looked up", show=False, key_display="←"
        ),
    ]

    place: reactive[str] = reactive("")
    engine_label: reactive[str] = reactive("English: starting…")
    translated: reactive[int] = reactive(0)
    total: reactive[int] = reactive(0)

    def __init__(
        self,
        article: Article,
        engine: str = "auto",
        positions: Positions | None = None,
        extract: bool = True,
        enforce: bool = True,
    ) -> None:
        super().__init__()
        self.enforce = enforce
        """Glossary enforcement of machine English (``--no-enforce``: the raw English)."""
        self.article = article
        self.requested = engine
        self.positions = positions
        self.extract_terms = extract
        self.session: TranslationSession | None = None
        self.engine_name: str | None = None
        self.switching: str | None = None
        self.available: dict[str, bool] = {}
        self.glossary: Glossary | None = None
        self.glossary_final = False
        self.glossary_problem: str | None = None
        """Why part of the glossary is missing (a malformed curated file), shown in the panel."""
        self.selected_key: str | None = None
        self.occurrence: int | None = None
        self.generation = 0
        self.schedule = Schedule([len(b.sentences) for b in article.blocks])
        self.translation_complete = asyncio.Event()
        self._candidates: list | None = None
        self._save_timer: Timer | None = None
        self.set_reactive(MainScreen.total, len(article.blocks))

    # ------------------------------------------------------------ composition

    def compose(self) -> ComposeResult:
        # A plain label, not Textual's Header: same information, a third of the start-up cost.
        yield Label(f"Bilingual reader · {self.article.source}", id="title-bar", markup=False)
        with Horizontal(id="body"):
            yield ArticleView(self.article, id="article")
        yield StatusBar().data_bind(
            place=MainScreen.place,
            engine=MainScreen.engine_label,
            done=MainScreen.translated,
            total=MainScreen.total,
        )
        yield Footer(compact=True)

    @property
    def view(self) -> ArticleView:
        return self.query_one(ArticleView)

    @property
    def panel(self) -> GlossaryPanel | None:
        from reader.app.widgets.glossary_panel import GlossaryPanel

        found = self.query(GlossaryPanel)
        return found.first() if found else None

    def on_mount(self) -> None:
        view = self.view
        saved = self.positions.get(self.article.key) if self.positions else None
        if self.positions and self.positions.notice:
            self.notify(self.positions.notice, severity="warning")
        if saved is not None:
            if saved.mode in MODES:
                view.mode = saved.mode
            view.pin(saved.block)
        view.focus()
        self._update_place()
        self.watch(view, "sentence", self.prefetch_sentence, init=False)
        # Translation and the glossary start once the first screen is up, never before.
        self.call_after_refresh(self.start_translation)
        self.call_after_refresh(self.build_glossary)
        # Mounted (closed) after the first screen: `/` and `g` then act at once, before the
        # next key is read, so keys typed right after `/` reach the filter.
        self.call_after_refresh(self._premount_panel)

    def on_resize(self) -> None:
        panel = self.panel
        if panel is not None:
            panel.fit()

    def on_unmount(self) -> None:
        self.close_session()

    def close_session(self) -> None:
        self.close_lookups()
        if self.session is not None:
            self.session.close()  # after the last user, if a worker still holds it

    # ------------------------------------------------------------ translation

    def start_translation(self) -> None:
        """A new run over every block (the English shown stays until replaced)."""
        self.generation += 1
        self.schedule = Schedule([len(b.sentences) for b in self.article.blocks])
        self._focus_translation()
        self.translation_complete = asyncio.Event()
        self.translated = 0
        self.view.set_placeholder("…")
        self.run_translation(self.generation, self.schedule)

    def _focus_translation(self) -> None:
        """Blocks on screen without English go first (called after every jump)."""
        view = self.view
        visible = view.visible_rows()
        if visible and any(i not in view.english for i in visible):
            self.schedule.focus_on(visible.start)

    @work(group="translate", name="translate", exclusive=True, exit_on_error=False)
    async def run_translation(self, generation: int, schedule: Schedule) -> None:
        stop = threading.Event()
        try:
            if self.session is None:
                self.session = await in_daemon(self._open_session, "reader-engine")
                self._announce_engine(self.requested == "auto")
            session = self.session

            def arrived(chunk: list[BlockTranslation]) -> None:
                self.post_message(EnglishArrived(chunk, generation))

            def fell_back() -> None:
                state = session.state
                self.post_message(EngineChanged(state.name, state.label, state.reason, "auto"))

            done = await in_daemon(
                lambda: translate_run(session, self.article, schedule, stop, arrived, fell_back),
                "reader-translate",
            )
            if done:
                self.post_message(TranslationDone(generation))
        except ReaderError as exc:
            self.post_message(TranslationFailed(str(exc), generation))
        finally:
            stop.set()

    def _open_session(self) -> TranslationSession:
        from reader.session import TranslationSession

        return TranslationSession(
            self.article,
            self.requested,
            notify=lambda text: self.post_message(Notice(text)),
            enforce=self.enforce,
        )

    @work(group="engines", name="engines", exclusive=True, exit_on_error=False)
    async def find_available_engines(self) -> None:
        """Which engines can run here, for the palette (after the English: it imports Argos)."""
        from reader.engines import select

        article = self.article
        self.available = await in_daemon(
            lambda: {name: select.available(name, article) for name in select.FACTORIES},
            "reader-engines",
        )

    def _announce_engine(self, announce: bool) -> None:
        assert self.session is not None
        state = self.session.state
        self.post_message(EngineChanged(state.name, state.label, state.reason, self.requested))
        if announce:
            self.post_message(Notice(state.reason, "Translation engine"))

    def switch_engine(self, name: str) -> None:
        """The palette's choice: a failed switch keeps the engine and the English shown."""
        if self.session is None:
            self.requested = name
            self.start_translation()
        else:
            self.run_switch(name)

    @work(group="switch", name="switch", exclusive=True, exit_on_error=False)
    async def run_switch(self, name: str) -> None:
        self.switching = name
        session = self.session
        assert session is not None
        try:
            await in_daemon(lambda: session.switch(name), "reader-switch")
        except ReaderError as exc:
            self.post_message(EngineSwitchFailed(name, str(exc)))
            return
        self.requested = name
        self._announce_engine(False)
        self.start_translation()
        self.build_glossary()  # its English came from the old engine

    @on(EngineChanged)
    def engine_changed(self, message: EngineChanged) -> None:
        self.engine_name = message.name
        none = message.name == "none"
        self.engine_label = "English: none (French only)" if none else f"English: {message.label}"
        self.view.without_english = none
        self._update_place()

    @on(EngineSwitchFailed)
    def switch_failed(self, message: EngineSwitchFailed) -> None:
        self.notify(
            f"{message.error}; keeping {self.engine_name or 'the current engine'}",
            title=f"Engine: {message.requested}",
            severity="error",
            timeout=8,
        )

    @on(EnglishArrived)
    def english_arrived(self, message: EnglishArrived) -> None:
        if message.generation != self.generation:
            return  # from a run that was replaced
        self.view.set_english(message.chunk)
        if self.glossary is not None:
            from glossary.build import english_occurrences

            english_occurrences(self.glossary, {t.index: t.text for t in message.chunk})
        self._refresh_marks()
        self.translated = min(self.total, self.translated + len(message.chunk))
        self._glossary_note()

    @on(TranslationDone)
    def translation_done(self, message: TranslationDone) -> None:
        if message.generation == self.generation:
            self.translated = self.total
            self.translation_complete.set()
            self._glossary_note()  # now "finding terms", not "waiting for the translation"
            if not self.available:
                self.find_available_engines()

    @on(TranslationFailed)
    def translation_failed(self, message: TranslationFailed) -> None:
        if message.generation != self.generation:
            return
        if self.session is None:
            self.engine_label = "English: unavailable"
        self.translated = self.total
        self.view.set_placeholder(PLACEHOLDER_FAILED)
        self.translation_complete.set()  # the glossary goes on without English
        if not self.available:
            self.find_available_engines()
        self.notify(message.error, title="Translation", severity="error", timeout=10)

    @on(Notice)
    def notice(self, message: Notice) -> None:
        self.notify(message.text, title=message.title, timeout=6)

    @on(Worker.StateChanged)
    def worker_failed(self, event: Worker.StateChanged) -> None:
        """An unexpected error, reported for the worker it stopped, and only that one."""
        if event.state != WorkerState.ERROR:
            return
        error = event.worker.error
        text = f"{type(error).__name__}: {error}"
        if event.worker.name == "glossary":
            self.post_message(GlossaryFailed(text))
        elif event.worker.name == "switch":
            self.post_message(EngineSwitchFailed(self.switching or "?", text))
        elif event.worker.name.startswith("lookup"):
            self.post_message(LookupFailed(text))
        else:
            self.post_message(TranslationFailed(f"translation stopped: {text}", self.generation))

    # ------------------------------------------------------------ glossary

    @work(group="glossary", name="glossary", exclusive=True, exit_on_error=False)
    async def build_glossary(self) -> None:
        """Curated entries at once; extracted ones (spaCy, then the engine's English) after."""
        from glossary import build

        article = self.article
        try:
            try:
                curated = await in_daemon(lambda: build.build(article), "reader-glossary")
            except GlossaryError as exc:
                # A malformed NAME.glossary.toml hides itself, not the rest of the glossary.
                self.glossary_problem = f"curated glossary unreadable: {exc}"
                self.post_message(Notice(self.glossary_problem, "Glossary"))
                article = dataclasses.replace(article, path=None)
                curated = await in_daemon(lambda: build.build(article), "reader-glossary")
            self.post_message(GlossaryReady(curated, final=not self.extract_terms))
            if not self.extract_terms:
                return
            # English first: spaCy on the same two cores would slow a book's translation down.
            await self.translation_complete.wait()
            if self._candidates is None:
                self._candidates = await self._extract()
            candidates, session = self._candidates, self.session
            glossary = await in_daemon(
                lambda: with_english(article, candidates, session), "reader-glossary"
            )
            self.post_message(GlossaryReady(glossary, final=True))
        except ReaderError as exc:
            self.post_message(GlossaryFailed(str(exc)))

    async def _extract(self) -> list:
        from glossary.extract import extract

        stop = threading.Event()
        try:
            return await in_daemon(
                lambda: extract(self.article.blocks, should_stop=stop.is_set), "reader-extract"
            )
        finally:
            stop.set()

    @on(GlossaryReady)
    def glossary_ready(self, message: GlossaryReady) -> None:
        from glossary.build import english_occurrences

        # Here, on the UI thread, the view's English is current; later chunks add theirs.
        english_occurrences(message.glossary, self.view.english_texts())
        self.glossary = message.glossary
        self.glossary_final = message.final
        if message.final and self.extract_terms:
            self.warm_lookups()  # spaCy is loaded by now: lookups then use the sentence
        self._refresh_marks()
        panel = self.panel
        if panel is not None:
            panel.set_glossary(message.glossary)
        self._glossary_note()

    @on(GlossaryFailed)
    def glossary_failed(self, message: GlossaryFailed) -> None:
        self.glossary_final = True
        self.notify(message.error, title="Glossary", severity="error", timeout=10)
        panel = self.panel
        if panel is not None:
            panel.set_note(f"The glossary could not be built: {message.error}")

    def _glossary_note(self) -> None:
        panel = self.panel
        if panel is None:
            return
        note: str | None = None
        if self.glossary is None:
            note = "Building the glossary…"
        elif not self.glossary_final and self.extract_terms:
            waiting = (
                f"waiting for the translation ({100 * self.translated // max(1, self.total)}%)"
                if not self.translation_complete.is_set()
                else "finding terms in the text…"
            )
            note = f"{len(self.glossary.entries)} entries so far; extracted terms: {waiting}"
        if self.glossary_problem:
            note = f"{self.glossary_problem}" + (f"\n{note}" if note else "")
        panel.set_note(note)

    def _refresh_marks(self) -> None:
        self.view.set_marks(
            marks_for(self.glossary, self.selected_key, self.occurrence, self.view.english)
        )

    async def action_glossary(self) -> None:
        """Opens or closes the panel; it is mounted the first time, to keep start-up light."""
        panel = self.panel or await self._mounted_panel()
        panel.show(not panel.is_open)
        if panel.is_open:
            panel.tree.focus()
        else:
            self.view.focus()

    async def _mounted_panel(self) -> GlossaryPanel:
        from reader.app.widgets.glossary_panel import GlossaryPanel

        panel = self.panel
        if panel is None:
            panel = GlossaryPanel(id="glossary")
            await self.query_one("#body").mount(panel)
            if self.glossary is not None:
                panel.set_glossary(self.glossary)
            self._glossary_note()
        return panel

    async def _premount_panel(self) -> None:
        from textual.widget import MountError

        try:
            await self._mounted_panel()
        except MountError:
            pass  # the app is closing already (q at once): nothing to prepare

    async def action_filter(self) -> None:
        """``/`` from anywhere: the panel opens with its filter focused."""
        panel = self.panel or await self._mounted_panel()
        panel.show(True)
        panel.focus_filter()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # `/` typed in the filter (or any text box) is a character, not a command.
        if action == "filter" and isinstance(self.focused, Input):
            return False
        if action == "word_in_panel":
            panel = self.lookup_panel
            return panel is not None and panel.is_open and panel.has_focus
        return True

    def action_back_to_text(self) -> None:
        self.close_lookup_panel()
        panel = self.panel
        if panel is not None and panel.has_class("-full"):
            panel.show(False)  # it covers the text on a narrow screen
        self.view.focus()

    def on_glossary_panel_left(self, message: GlossaryPanel.Left) -> None:
        self.action_back_to_text()

    def select_entry(self, key: str, jump: bool = True) -> None:
        """Highlights an entry's occurrences in both languages; jumps to the first if asked."""
        self.selected_key = key
        occurrences = self.glossary.occurrences.get(key, []) if self.glossary else []
        self.occurrence = 0 if jump and occurrences else None
        self._refresh_marks()
        if jump and occurrences:
            self.view.go_to(occurrences[0].block, top=True)
        self._update_place()

    def on_glossary_panel_entry_selected(self, message: GlossaryPanel.EntrySelected) -> None:
        self.select_entry(message.key)

    async def on_article_view_mark_clicked(self, message: ArticleView.MarkClicked) -> None:
        panel = self.panel
        if panel is None or not panel.is_open:
            await self.action_glossary()
            panel = self.panel
            self.view.focus()  # the reader stays in the text; the panel shows the entry
        assert panel is not None
        panel.show_entry(message.key)
        self.select_entry(message.key, jump=False)

    def action_occurrence(self, step: int) -> None:
        occurrences = self._occurrences()
        if not occurrences:
            self.notify("Choose a glossary entry first (g opens the glossary).", timeout=4)
            return
        if self.occurrence is None:
            after = [i for i, o in enumerate(occurrences) if o.block >= self.view.current]
            self.occurrence = (after[0] if after else 0) if step > 0 else (len(occurrences) - 1)
        else:
            self.occurrence = (self.occurrence + step) % len(occurrences)
        self._refresh_marks()
        self.view.go_to(occurrences[self.occurrence].block, top=True)
        self._update_place()

    def _occurrences(self) -> Sequence:
        if self.glossary is None or self.selected_key is None:
            return []
        return self.glossary.occurrences.get(self.selected_key, [])

    # ------------------------------------------------------------ place and modes

    def action_mode(self, mode: str) -> None:
        self.view.mode = mode
        self._update_place()
        self.save_position()

    def on_article_view_current_changed(self, message: ArticleView.CurrentChanged) -> None:
        self._update_place()
        self.call_after_refresh(self._focus_translation)
        # Debounced: holding j should not write the positions file on every step.
        if self.positions is not None:
            if self._save_timer is not None:
                self._save_timer.stop()
            self._save_timer = self.set_timer(0.5, self.save_position)

    def _update_place(self) -> None:
        view = self.view
        mode = "French only (no English engine)" if view.without_english else MODE_NAMES[view.mode]
        place = f"block {view.current + 1}/{len(self.article.blocks)} · {mode}"
        occurrences = self._occurrences()
        entry = (
            self.glossary.by_key(self.selected_key) if self.glossary and self.selected_key else None
        )
        if entry is not None and occurrences:
            at = self.occurrence
            # Away from the occurrence n/N went to (Home, j…), no stale number is shown.
            here = (
                at is not None and at < len(occurrences) and occurrences[at].block == view.current
            )
            number = f"{at + 1}" if here and at is not None else "–"
            place += f" · {entry.fr}: occurrence {number}/{len(occurrences)}"
        self.place = place

    def save_position(self) -> None:
        if self.positions is None:
            return
        try:
            self.positions.put(self.article.key, Position(self.view.current, self.view.mode))
        except OSError as exc:
            self.positions = None  # said once, not on every move
            self.notify(f"the reading position will not be saved: {exc}", severity="warning")

    # ------------------------------------------------------------ help and palette

    def key_groups(self) -> list[tuple[str, list[Binding]]]:
        from reader.app.widgets.glossary_panel import GlossaryPanel
        from reader.app.widgets.lookup_panel import LookupPanel

        # Pairs of keys share a row: the help fits a 40-line terminal.
        reading = [b for b in ArticleView.BINDINGS if not b.action.startswith("word(")]
        reading.insert(-1, Binding("right", "word(1)", "Next/previous word", key_display="→/←"))
        return [
            ("Reading", reading),
            (
                "Lookup panel",
                [
                    Binding("up", "choose(-1)", "Choose a gloss", key_display="↑/↓"),
                    *(b for b in LookupPanel.BINDINGS if b.show),
                    Binding("right", "word_in_panel(1)", "Next/previous word", key_display="→/←"),
                ],
            ),
            ("Screen", [b for b in self.BINDINGS if not b.action.startswith("word_in_panel")]),
            (
                "Glossary panel",
                [
                    *GlossaryPanel.BINDINGS,
                    Binding("enter", "select", "Show entry in the text"),
                    Binding("tab", "focus", "Next: filter, entries, text"),
                ],
            ),
        ]

    def commands(self) -> Iterable[SystemCommand]:
        for mode, name in MODE_NAMES.items():
            yield SystemCommand(
                f"Mode: {name}", f"Show {name.lower()}", lambda m=mode: self.action_mode(m)
            )
        from reader.engines.select import CHOICES

        for engine in CHOICES:
            usable = engine == "auto" or self.available.get(engine, True)
            yield SystemCommand(
                f"Engine: {engine}" + ("" if usable else " (unavailable)"),
                f"Translate with {engine}" if usable else f"{engine} cannot run here",
                lambda e=engine: self.switch_engine(e),
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
