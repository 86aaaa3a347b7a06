"""The reading screen: the article view, the glossary and lookup panels, the status line.

It composes the widgets, starts the background work as workers and routes messages:
widget messages from the view and the panels, and the typed messages in
``reader.app.messages`` that the work posts. It is made from a ``ReadingContext``
(``reader.app.context``: the article, the options, the library link, the session's one
spaCy pass and one glossary stack, which enforcement, the marks and lookups all read, so a
term added with ``a`` reaches the three at once), built before it and handed on to the
work beside it: ``Translator`` (one ``TranslationSession``, blocks on screen first after
every jump), ``GlossaryWork`` (the glossary built from the stack), the lookup panel (its
own workers), ``Selection`` (which occurrence n/N went to) and ``WordStatuses`` (the
words marked by status, the word keys' changes, the blocks read).
"""

from __future__ import annotations

import time
from collections.abc import Coroutine, Sequence
from typing import TYPE_CHECKING, Any

from textual import on
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Input, Label
from textual.worker import Worker, WorkerState

from reader.app.glossary_work import GlossaryWork
from reader.app.layout import MODE_NAMES, MODES
from reader.app.lookups import make_request
from reader.app.marks import marks_for
from reader.app.messages import (
    EngineChanged,
    EngineSwitchFailed,
    EnglishArrived,
    EnglishRevised,
    GlossaryFailed,
    GlossaryReady,
    LearningFailed,
    Notice,
    StatisticsReady,
    StatusesFailed,
    StatusesReady,
    TranslationDone,
    TranslationFailed,
)
from reader.app.phrases import with_phrase
from reader.app.selection import Selection
from reader.app.speaking import Highlight, Speaker, SpeechEnded, SpeechStarted, to_say
from reader.app.statuses import WORD_ACTIONS, WORD_BINDINGS, WordStatuses
from reader.app.translator import Translator
from reader.app.widgets.article_view import PLACEHOLDER_FAILED, ArticleView
from reader.app.widgets.status_bar import StatusBar
from reader.app.your_english import Target, YourEnglish, YourEnglishEditor
from reader.errors import ReaderError
from reader.store import Position

if TYPE_CHECKING:
    from glossary.model import Glossary, Occurrence
    from reader.app.context import ReadingContext
    from reader.app.widgets.glossary_panel import GlossaryPanel
    from reader.app.widgets.lookup_panel import LookupPanel
    from reader.article import Article
    from reader.lookup.service import LookupService
    from reader.session import EngineState
    from reader.translation import BlockTranslation


def shown_source(article: Article) -> str:
    """Where the text comes from, for the title bar: a path or a URL; a text read from
    stdin by its title, never the library's internal key (``stdin:9ee1…``: T27)."""
    if article.source.startswith("stdin:") or article.source == "<stdin>":
        return f"{article.title} (from stdin)"
    return article.source


SPEECH_NOTICE_SECONDS = 8
"""How long a speech error stays on screen."""


class MainScreen(Screen[None]):
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
        # Speech (issue 17). While something is said (check_action), Escape stops it first,
        # wherever the focus is (priority); otherwise Escape does what it did before.
        Binding("p", "speak", "Hear the sentence or word", show=False),
        Binding("escape", "stop_speaking", show=False, priority=True),
        Binding("n", "occurrence(1)", "Next occurrence", show=False),
        Binding("N", "occurrence(-1)", "Previous occurrence", show=False, key_display="N"),
        # With the lookup panel focused (the view's own ←/→ come first when it has focus).
        Binding("right", "word_in_panel(1)", "Next word, looked up", show=False, key_display="→"),
        Binding(
            "left", "word_in_panel(-1)", "Previous word, looked up", show=False, key_display="←"
        ),
        *WORD_BINDINGS,  # word statuses: reader.app.statuses
        # Your English (issue 21): reader.app.your_english.
        Binding("E", "your_english", "Your English (sentence)", show=False),
        Binding("m", "machine_english", "Engine's beside yours", show=False),
    ]

    place: reactive[str] = reactive("")
    engine_label: reactive[str] = reactive("English: starting…")
    translated_blocks: reactive[int] = reactive(0)
    total: reactive[int] = reactive(0)
    known_share: reactive[float | None] = reactive(None)
    new_lemmas: reactive[int] = reactive(0)

    def __init__(self, context: ReadingContext) -> None:
        super().__init__()
        self.context = context
        """The text and what reads it with this screen (``reader.app.context``)."""
        article = self.article = context.article
        self.library_link = context.link
        """The text in the library (``reader.app.text_link``): its progress follows."""
        self.options = context.options
        self.positions = context.positions if self.options.remember else None
        """Where the reader is in each text (the library database's reading state)."""
        post = self.post_message
        self.translator = Translator(context, post)
        self.glossaries = GlossaryWork(context, self.translator, post)
        self.statuses = WordStatuses(
            article, context.analysis, post, self.options.statuses, context.learning
        )
        self._looked_up: tuple[int, tuple[int, int]] | None = None
        """The word the lookup panel shows (block, span), for its status line and keys."""
        self.engine: EngineState | None = None
        """What the session runs, as last announced (None until it is open)."""
        self.lookups: LookupService | None = None
        self.selection = Selection()
        self._save_timer: Timer | None = None
        self.speaker = Speaker(self.post_message, self._show_speaking)
        self._speech_error: tuple[str, float] = ("", 0.0)
        """The last speech error told, and when its notice went up."""
        self.yours = YourEnglish(article, self.translator, post)
        self.set_reactive(MainScreen.total, len(article.blocks))

    # ------------------------------------------------------------ composition

    def compose(self) -> ComposeResult:
        # A plain label, not Textual's Header: same information, a third of the start-up cost.
        yield Label(
            f"Bilingual reader · {shown_source(self.article)}", id="title-bar", markup=False
        )
        with Horizontal(id="body"):
            labels = self.library_link.margin_labels() if self.library_link else None
            yield ArticleView(self.article, labels, id="article")
        yield StatusBar().data_bind(
            place=MainScreen.place,
            engine=MainScreen.engine_label,
            done=MainScreen.translated_blocks,
            total=MainScreen.total,
            known_share=MainScreen.known_share,
            new_lemmas=MainScreen.new_lemmas,
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

    @property
    def lookup_panel(self) -> LookupPanel | None:
        from reader.app.widgets.lookup_panel import LookupPanel

        found = self.query(LookupPanel)
        return found.first() if found else None

    @property
    def glossary(self) -> Glossary | None:
        """The glossary shown (curated entries first, extracted ones later)."""
        return self.glossaries.glossary

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
        self.statuses.start_at(view.current)
        view.word_marks = self.statuses.marks_of
        self.watch(view, "sentence", self.prefetch_sentence, init=False)
        # Translation and the glossary start once the first screen is up, never before.
        self.call_after_refresh(self.start_translation)
        self.call_after_refresh(self.build_glossary)
        self.call_after_refresh(self.start_statuses)
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
        self.speaker.close()
        if self.lookups is not None:
            self.lookups.close()
        self.translator.close()
        self.statuses.close()

    # ------------------------------------------------------------ translation

    def _start(self, work: Coroutine[Any, Any, object], name: str, exclusive: bool = True) -> None:
        """Runs ``work`` as a worker; its errors come to ``worker_failed`` by ``name``."""
        group = name.split(":")[0]
        self.run_worker(work, name=name, group=group, exclusive=exclusive, exit_on_error=False)

    def start_translation(self) -> None:
        """A new run over every block (the English shown stays until replaced)."""
        generation, schedule = self.translator.restart()
        self._focus_translation()
        self.translated_blocks = 0
        self.view.set_placeholder("…")
        self._start(self.translator.run(generation, schedule), "translate")

    def _focus_translation(self) -> None:
        """Blocks on screen without English go first (called after every jump)."""
        view = self.view
        visible = view.visible_rows()
        if visible and any(i not in view.english for i in visible):
            self.translator.schedule.focus_on(visible.start)

    def switch_engine(self, name: str) -> None:
        """The palette's choice: a failed switch keeps the engine and the English shown."""
        self._start(self._switch(name), f"switch:{name}")  # an error names the engine

    async def _switch(self, name: str) -> None:
        if await self.translator.switch(name):
            self.start_translation()
            self.build_glossary()  # its English came from the old engine

    @on(EngineChanged)
    def engine_changed(self, message: EngineChanged) -> None:
        state = self.engine = message.state
        if state.gives_english:
            self.engine_label = f"English: {state.label}"
        else:
            self.engine_label = "English: none (French only)"
        self.view.without_english = not state.gives_english
        self._update_place()

    @on(EngineSwitchFailed)
    def switch_failed(self, message: EngineSwitchFailed) -> None:
        self.notify(
            f"{message.error}; keeping {self.engine.name if self.engine else 'the current engine'}",
            title=f"Engine: {message.requested}",
            severity="error",
            timeout=8,
        )

    @on(EnglishArrived)
    def english_arrived(self, message: EnglishArrived) -> None:
        if message.generation == self.translator.generation:  # else from a run that was replaced
            self._show_english(message.chunk)
            self.translated_blocks = min(self.total, self.translated_blocks + len(message.chunk))
            self._glossary_note()

    @on(EnglishRevised)
    def english_revised(self, message: EnglishRevised) -> None:
        if message.generation == self.translator.generation:
            self._show_english(message.chunk)

    def _show_english(self, chunk: list[BlockTranslation]) -> None:
        self.view.set_english(chunk)
        if self.glossary is not None:
            from reader.translate.glossary_build import add_english_occurrences

            add_english_occurrences(self.glossary, {t.index: t.text for t in chunk})
        self._refresh_marks()

    @on(TranslationDone)
    def translation_done(self, message: TranslationDone) -> None:
        if message.generation == self.translator.generation:
            self.translated_blocks = self.total
            self.translator.complete.set()
            self._glossary_note()  # now "finding terms", not "waiting for the translation"
            self._survey_engines()

    @on(TranslationFailed)
    def translation_failed(self, message: TranslationFailed) -> None:
        if message.generation != self.translator.generation:
            return
        if self.translator.session is None:
            self.engine_label = "English: unavailable"
        self.translated_blocks = self.total
        self.view.set_placeholder(PLACEHOLDER_FAILED)
        self.translator.complete.set()  # the glossary goes on without English
        self._survey_engines()
        self.notify(message.error, title="Translation", severity="error", timeout=10)

    def _survey_engines(self) -> None:
        if not self.translator.available:
            self._start(self.translator.survey(), "engines")

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
        name = event.worker.name
        if name == "glossary":
            self.post_message(GlossaryFailed(text))
        elif name.startswith("switch:"):
            self.post_message(EngineSwitchFailed(name.removeprefix("switch:"), text))
        elif name == "statuses":
            self.post_message(StatusesFailed(text))
        elif name in ("engines", "revise"):
            self.notify(text, title="Engines" if name == "engines" else "Your glossary")
        else:
            stopped = f"translation stopped: {text}"
            self.post_message(TranslationFailed(stopped, self.translator.generation))

    # ------------------------------------------------------------ glossary

    def build_glossary(self) -> None:
        self._start(self.glossaries.build(), "glossary")

    @on(GlossaryReady)
    async def glossary_ready(self, message: GlossaryReady) -> None:
        from reader.translate.glossary_build import add_english_occurrences

        # Here, on the UI thread, the view's English is current; later chunks add theirs.
        add_english_occurrences(message.glossary, self.view.english_texts())
        self.glossaries.glossary = message.glossary
        self.glossaries.final = message.final
        self._refresh_marks()
        panel = self.panel
        if panel is not None:
            panel.set_glossary(message.glossary)
        self._glossary_note()
        if message.final and self.options.extract:
            # spaCy is loaded by now: lookups then use the sentence.
            (await self._mounted_lookup_panel()).warm()

    @on(GlossaryFailed)
    def glossary_failed(self, message: GlossaryFailed) -> None:
        self.glossaries.final = True
        self.notify(message.error, title="Glossary", severity="error", timeout=10)
        panel = self.panel
        if panel is not None:
            panel.set_note(f"The glossary could not be built: {message.error}")

    def _glossary_note(self) -> None:
        panel = self.panel
        if panel is not None:
            panel.set_note(self.glossaries.note(self.translated_blocks, self.total))

    def _refresh_marks(self) -> None:
        selection = self.selection
        self.view.set_marks(
            marks_for(self.glossary, selection.key, selection.number, self.view.english)
        )

    async def action_glossary(self) -> None:
        """Opens or closes the panel; it is mounted the first time, to keep start-up light."""
        panel = self.panel or await self._mounted_panel()
        panel.show(not panel.is_open)
        if panel.is_open:
            panel.entry_tree.focus()
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
        from textual.css.query import NoMatches
        from textual.widget import MountError

        try:
            await self._mounted_panel()
        except (MountError, NoMatches):
            pass  # the app is closing already (q at once): nothing to prepare

    async def action_filter(self) -> None:
        """``/`` from anywhere: the panel opens with its filter focused."""
        panel = self.panel or await self._mounted_panel()
        panel.show(True)
        panel.focus_filter()

    # ------------------------------------------------------------ lookups (the panel's work)

    async def _mounted_lookup_panel(self) -> LookupPanel:
        from reader.app.widgets.lookup_panel import LookupPanel

        panel = self.lookup_panel
        if panel is None:
            if self.lookups is None:
                from reader.lookup.service import LookupService

                self.lookups = LookupService(self.article, stack=self.context.stack)
            link, english_for = self.library_link, self.translator.english_in_cache
            panel = LookupPanel(self.lookups, self.article, link, english_for, id="lookup-panel")
            await self.query_one("#body").mount(panel)
        return panel

    async def on_article_view_lookup_requested(self, message: ArticleView.LookupRequested) -> None:
        block = self.article.blocks[message.index]
        span = (message.start, message.end)
        lemma = self.statuses.lemma(message.index, span)
        request = make_request(block, message.start, message.end, self.view.english, lemma)
        request = with_phrase(request, block.text, self.statuses.marks)
        panel = await self._mounted_lookup_panel()
        panel.look_up(request)
        self._looked_up = (message.index, span)
        self._show_word_status()

    def prefetch_sentence(self, sentence: int | None) -> None:
        """The current sentence changed: the lookup panel has spaCy read it ahead."""
        panel, block = self.lookup_panel, self.article.blocks[self.view.current]
        if panel is not None and sentence is not None and sentence < len(block.sentences):
            where = block.sentences[sentence]
            panel.prefetch(block.text[where.start : where.end])

    def on_lookup_panel_opened(self, message: LookupPanel.Opened) -> None:
        # The panel takes rows from the text: keep the word on screen.
        self.view.call_after_refresh(self.view.scroll_to_current)

    def on_lookup_panel_closed(self, message: LookupPanel.Closed) -> None:
        self.view.focus()
        self.view.call_after_refresh(self.view.scroll_to_current)

    def on_lookup_panel_term_added(self, message: LookupPanel.TermAdded) -> None:
        self.build_glossary()  # the open article's marks, with the new term
        self._start(self.translator.revise(message.entry, list(self.view.english)), "revise", False)

    def action_word_in_panel(self, step: int) -> None:
        """←/→ while the panel has focus: the next word, looked up at once."""
        self.view.action_word(step)
        self.view.action_lookup()

    # ------------------------------------------------------------ your English (issue 21)

    def _your_target(self) -> Target | None:
        view = self.view
        engine = self.engine.name if self.engine is not None else ""
        english = view.english.get(view.current)
        return self.yours.target(view.current, view.sentence, english, engine)

    def action_your_english(self) -> None:
        """E: a one-line editor for the current sentence's English (``reader.app.your_english``)."""
        target = self._your_target()
        if target is None:
            return

        def done(typed: str | None) -> None:
            if typed is not None:
                self._start(self.yours.save(target, typed), "yours", False)

        self.app.push_screen(YourEnglishEditor(target), done)

    def action_machine_english(self) -> None:
        """m: the engine's English of the current sentence beside the reader's own."""
        target = self._your_target()
        if target is not None:
            title, text = self.yours.machine_note(target)
            self.notify(text, title=title, timeout=10, markup=False)

    # ------------------------------------------------------------ speech (issue 17)

    def action_speak(self) -> None:
        """p: the lookup panel's word (when it has focus), the cursor's word, else the
        current sentence, highlighted while it plays (``reader.app.speaking``)."""
        view, panel = self.view, self.lookup_panel
        looked_up = None
        if panel is not None and panel.is_open and panel.has_focus_within and panel.result:
            looked_up = panel.result.word
        block = self.article.blocks[view.current]
        self.speaker.say(to_say(block, view.sentence, view.word_span(), looked_up))

    def action_stop_speaking(self) -> None:
        if not self.speaker.stop():
            raise SkipAction()  # nothing was said: Escape does what it did before

    def _show_speaking(self, highlight: Highlight) -> None:
        self.view.speaking = highlight

    @on(SpeechStarted)
    def speech_started(self, message: SpeechStarted) -> None:
        self.speaker.started(message)

    @on(SpeechEnded)
    def speech_ended(self, message: SpeechEnded) -> None:
        error = self.speaker.ended(message)
        if error is None:
            return
        # The same failure again (no sound card: each p) while its notice is still up is
        # not stacked under it (T24).
        now = time.monotonic()
        last, at = self._speech_error
        if error != last or now - at > SPEECH_NOTICE_SECONDS:
            self.notify(
                error, title="Speech", severity="error", timeout=SPEECH_NOTICE_SECONDS, markup=False
            )
            at = now
        self._speech_error = (error, at)

    # ------------------------------------------------------------ focus and selection

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # `/` typed in the filter (or any text box) is a character, not a command.
        if action == "filter" and isinstance(self.focused, Input):
            return False
        if action == "word_in_panel":
            panel = self.lookup_panel
            return panel is not None and panel.is_open and panel.has_focus
        if action == "stop_speaking":  # silent: Escape is the focused widget's, in the footer too
            return self.speaker.busy
        if action in WORD_ACTIONS:
            return self._word_keys_apply(action)
        return True

    def action_back_to_text(self) -> None:
        lookup = self.lookup_panel
        if lookup is not None and lookup.is_open:
            lookup.action_close()
        panel = self.panel
        if panel is not None and panel.has_class("-full"):
            panel.show(False)  # it covers the text on a narrow screen
        self.view.focus()

    def on_glossary_panel_left(self, message: GlossaryPanel.Left) -> None:
        self.action_back_to_text()

    def select_entry(self, key: str, jump: bool = True) -> None:
        """Highlights an entry's occurrences in both languages; jumps to the first if asked."""
        view = self.view
        block = self.selection.choose(key, self._occurrences(key), jump=jump, block=view.current)
        self._refresh_marks()
        if block is not None:
            view.go_to(block, top=True)
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
        occurrences = self._occurrences(self.selection.key)
        if not occurrences:
            self.notify("Choose a glossary entry first (g opens the glossary).", timeout=4)
            return
        block = self.selection.step(occurrences, step, self.view.current)
        self._refresh_marks()
        if block is not None:
            self.view.go_to(block, top=True)
        self._update_place()

    def _occurrences(self, key: str | None) -> Sequence[Occurrence]:
        if self.glossary is None or key is None:
            return []
        return self.glossary.occurrences.get(key, [])

    # ------------------------------------------------------------ place and modes

    def action_mode(self, mode: str) -> None:
        self.view.mode = mode
        self._update_place()
        self.save_position()

    def on_article_view_current_changed(self, message: ArticleView.CurrentChanged) -> None:
        self._update_place()
        self.statuses.moved(message.index, len(self.view.visible_rows()))
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
        key = self.selection.key
        entry = self.glossary.by_key(key) if self.glossary and key else None
        if entry is not None:
            label = self.selection.label(entry.fr, self._occurrences(key), view.current)
            place += f" · {label}" if label else ""
        self.place = place

    def save_position(self) -> str | None:
        """Saves the place and mode; says (and returns) why not when the folder refuses."""
        if self.positions is None:
            return None
        problem = None
        try:
            self.positions.put(self.article.key, Position(self.view.current, self.view.mode))
        except (OSError, ReaderError) as exc:
            self.positions = None  # said once, not on every move
            problem = f"the reading position was not saved: {exc}"
            self.notify(problem, severity="warning")
        if self.library_link is not None:
            self.library_link.progress(self.view.current)
        return problem

    # ------------------------------------------------------------ word statuses

    def start_statuses(self) -> None:
        """The marks come once spaCy's pass is in: the first screen never waits for them."""
        if self.options.statuses:
            self._start(self.statuses.load(lambda: self.translator.complete), "statuses")

    @on(StatusesReady)
    def statuses_ready(self, message: StatusesReady) -> None:
        marks = message.marks
        self.statuses.ready(marks)
        self._statuses_changed()
        if marks.new_lemmas and marks.new_lemmas == len(marks.words.lemmas):
            self.notify(
                "Every word of this text is new to you: M marks a block's words known, and "
                "reader known seed --top 2000 the most frequent ones. v hides the marks.",
                title="Word statuses",
                timeout=10,
            )

    @on(StatusesFailed)
    def statuses_failed(self, message: StatusesFailed) -> None:
        self.statuses.failed(message.error)
        self._show_word_status()
        self.notify(message.error, title="Word statuses", severity="warning", timeout=8)

    @on(LearningFailed)
    def learning_failed(self, message: LearningFailed) -> None:
        self.notify(message.error, title="Word statuses", severity="error", timeout=8)

    @on(StatisticsReady)
    def statistics_ready(self, message: StatisticsReady) -> None:
        from reader.app.screens.stats import StatsScreen

        self.app.push_screen(StatsScreen(message.statistics))

    def _statuses_changed(self) -> None:
        """After a change: the marks on screen, the status line and the lookup panel's line."""
        marks = self.statuses.marks
        if marks is not None:
            self.known_share, self.new_lemmas = marks.known_share, marks.new_lemmas
        self.view.refresh()
        self._show_word_status()

    def _show_word_status(self) -> None:
        panel = self.lookup_panel
        if panel is not None and self._looked_up is not None:
            panel.show_word_status(self.statuses.panel_line(*self._looked_up))

    def _word_keys_apply(self, action: str) -> bool:
        """The word keys act in the text and in the lookup panel, never while typing."""
        if action == "statistics":
            return not isinstance(self.focused, Input)
        panel = self.lookup_panel
        return self.focused is self.view or (panel is not None and self.focused is panel)

    def _word_target(self) -> tuple[int, tuple[int, int]] | None:
        """The word the keys act on: the lookup panel's while it has focus, else the cursor's."""
        panel = self.lookup_panel
        if panel is not None and panel.has_focus and self._looked_up is not None:
            return self._looked_up
        span = self.view.selection_span() or self.view.word_span()  # a phrase, else the word
        return (self.view.current, span) if span is not None else None

    def action_word_status(self, status: str) -> None:
        target = self._word_target()
        if target is None:
            self.notify(self.statuses.unavailable() or "Move to a word first: → or u.", timeout=3)
            return
        self.notify(self.statuses.set_word(*target, status), timeout=2)
        self.view.clear_selection()  # the phrase's own mark shows now
        self._statuses_changed()

    def action_next_new_word(self, step: int) -> None:
        """u/U: the cursor to the next or previous new or learning word (looked up if the
        lookup panel has focus)."""
        from reader.app.words import jump

        view, marks = self.view, self.statuses.marks
        if marks is None or view.layout_mode == "english":
            problem = self.statuses.unavailable() or "New words are marked in the French: b or f."
            self.notify(problem, timeout=3)
            return
        block = self.article.blocks[view.current]
        sentence = view.sentence
        start = block.sentences[sentence].start if sentence is not None else 0
        target = jump(marks, view.cursor, view.current, view.word_span(), step, start)
        if target is None:
            where = "after" if step > 0 else "before"
            self.notify(f"No new or learning word {where} this one.", timeout=3)
            return
        panel = self.lookup_panel
        in_panel = panel is not None and panel.has_focus
        view.place_word(*target)
        if in_panel:
            view.action_lookup()

    def action_mark_block_known(self) -> None:
        self.notify(self.statuses.mark_block(self.view.current), timeout=4)
        self._statuses_changed()

    def action_undo_block_known(self) -> None:
        self.notify(self.statuses.undo(), timeout=3)
        self._statuses_changed()

    def action_toggle_word_marks(self) -> None:
        statuses = self.statuses
        statuses.shown = not statuses.shown
        self.view.refresh()
        self.notify(
            statuses.unavailable() or f"Word marks {'shown' if statuses.shown else 'hidden'}.",
            timeout=2,
        )

    def action_statistics(self) -> None:
        """S: the statistics screen (after the changes made so far are saved)."""
        self.statuses.statistics()

    def on_lookup_panel_word_saved(self, message: LookupPanel.WordSaved) -> None:
        # The one status write of `s`: through the status keys' path, under the analysis's
        # lemma (the one the panel showed); save_lookup wrote the vocabulary only.
        panel = self.lookup_panel
        result = panel.result if panel is not None else None
        if result is None or result.term or result.proper or self._looked_up is None:
            return
        if self.statuses.saved(*self._looked_up):
            self._statuses_changed()
