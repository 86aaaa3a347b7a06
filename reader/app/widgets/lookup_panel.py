"""The word lookup panel: a ``LookupResult`` under the text, its glosses to choose from, and
the workers that look words up, add them to the user's glossary and save them.

Like frogmouth's ``Viewer``, the widget that shows a result owns the work that loads it:
the screen only routes a ``Request`` here (``look_up``). Every lookup runs in a daemon
thread (``in_daemon``): the first loads the dictionaries and starts Apertium; spaCy loads
in its own worker (``warm``) and until it has, answers are Apertium's quick ones, looked
up again once spaCy can read the sentence. Quitting never waits for any of it.

Keys while it has focus: ``↑``/``↓`` choose a gloss, ``a`` adds the word (or term) to the
user's glossary with the chosen English, which can be edited first (Enter confirms;
a function word such as « à » or « je » asks first), ``s`` saves it to the vocabulary,
``o`` opens another text of the library at a sentence holding the word (``LibraryHits``),
Escape closes. It docks at the bottom with a bounded height, so the row being read stays
visible above it. It posts ``TermAdded`` once a term is in the user's glossary (the
screen then rebuilds the marks and re-enforces the English shown) and ``WordSaved``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Input, Static
from textual.worker import Worker, WorkerState

from reader.app.background import in_daemon
from reader.app.lookups import Request, answers_quickly, look_up
from reader.app.messages import LookupFailed, LookupReady, LookupsWarmed
from reader.app.widgets.library_hits import EnglishFor, LibraryHits, counted
from reader.app.words import with_line
from reader.article import Article
from reader.errors import ReaderError
from reader.lookup.render import as_text
from reader.lookup.result import Gloss, LookupResult

if TYPE_CHECKING:
    from glossary.model import Entry
    from reader.app.text_link import TextLink
    from reader.learning.vocab import VocabEntry
    from reader.lookup.service import LookupService


class LookupPanel(Vertical, can_focus=True):
    """Hidden until a lookup; see the module docstring for its keys, workers and messages."""

    DEFAULT_CSS = """
    LookupPanel {
        dock: bottom;
        height: auto;
        max-height: 45%;
        display: none;
        border-top: tall $primary;
        background: $panel;
        padding: 0 1;
        &.-open { display: block; }
        &:focus-within { border-top: tall $accent; }
        & > VerticalScroll { height: auto; max-height: 100%; }
        & > #english { display: none; }
        &.-typing > #english { display: block; }
    }
    """
    BINDINGS = [
        Binding("up", "choose(-1)", "Previous gloss", show=False),
        Binding("down", "choose(1)", "Next gloss", show=False),
        Binding("a", "add", "Add to my glossary"),
        Binding("s", "save", "Save to vocabulary"),
        Binding("escape", "close", "Close lookup"),
        Binding("o", "peek", "Peek at the other text", show=False),
    ]

    class TermAdded(Message):
        """``entry`` is now in the user's glossary (and the glossary stack was refreshed)."""

        def __init__(self, entry: Entry) -> None:
            super().__init__()
            self.entry = entry

    class WordSaved(Message):
        """The looked-up word is saved in the vocabulary as ``entry``."""

        def __init__(self, entry: VocabEntry) -> None:
            super().__init__()
            self.entry = entry

    class Opened(Message):
        """An answer is shown: the panel took rows from the text (keep the word on screen)."""

    class Closed(Message):
        """The panel was closed (Escape): the app gives focus back to the text."""

    def __init__(
        self,
        service: LookupService,
        article: Article,
        link: TextLink | None = None,
        english_for: EnglishFor | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.service = service
        self.article = article
        self._link = link
        """The text in the library, searched by ``LibraryHits`` (None: no library lines)."""
        self._english_for = english_for
        self.result: LookupResult | None = None
        self.selected = 0
        self._confirming = False
        """``a`` on a function word warned once; the next ``a`` goes on."""
        self._warming = False
        self._spacy_ready = False
        """LookupsWarmed arrived: a quick answer can be refined."""
        self._answered = False
        self._last: Request | None = None
        self._last_quick = False
        self.word_status = ""
        """A line about the word's status (the screen's, from the word statuses)."""

    def compose(self) -> ComposeResult:
        # The English box first: on a short screen the answer below it scrolls, the box stays.
        yield Input(
            placeholder="English for your glossary (Enter adds, Escape cancels)", id="english"
        )
        with VerticalScroll():
            yield Static("", id="lookup")
            yield LibraryHits(self._link, self._english_for, id="library-hits")

    # ------------------------------------------------------------ showing

    def show(self, result: LookupResult) -> None:
        """Opens the panel on ``result`` (the first gloss chosen)."""
        self.result = result
        self.selected = 0
        self._confirming = False
        self.remove_class("-typing")
        self.add_class("-open")
        self._render_result()

    def show_loading(self, word: str) -> None:
        """Opens the panel while the first lookup loads its data in a worker."""
        self.result = None
        self.add_class("-open")
        self.query_one("#lookup", Static).update(f"Looking up « {word} »… (loading dictionaries)")

    @property
    def is_open(self) -> bool:
        return self.has_class("-open")

    @property
    def chosen(self) -> Gloss | None:
        if self.result is None or not self.result.glosses:
            return None
        return self.result.glosses[self.selected]

    @property
    def final(self) -> bool:
        """No lookup source is still loading and no quick answer waits to be replaced."""
        return self.service.warmed and not self._last_quick

    def _render_result(self, warning: str = "") -> None:
        if self.result is not None:
            selected = self.selected if self.result.glosses else None
            text = as_text(self.result, selected, notes=True, compact=True)
            if self.word_status:
                text = with_line(text, Text(self.word_status, "italic"))
            if warning:  # first: the panel may be too short to show its end
                text = Text(warning + "\n", "bold") + text
            self.query_one("#lookup", Static).update(text)

    def show_word_status(self, line: str) -> None:
        """The word's status, frequency band and keys, under the headline ("" for none)."""
        if line != self.word_status:
            self.word_status = line
            self._render_result()

    # ------------------------------------------------------------ looking up

    def look_up(self, request: Request) -> None:
        """Shows ``request``'s word: at once if the sources are loaded, else after them."""
        if not self._answered:
            self.show_loading(request.word)
        self.warm()
        self.run_lookup(request)

    def warm(self) -> None:
        """Loads every lookup source (spaCy: seconds) in the background, once."""
        if not self._warming:
            self._warming = True
            self._warm()

    @work(group="lookup-warm", name="lookup-warm", exit_on_error=False)
    async def _warm(self) -> None:
        await in_daemon(self.service.warm, "reader-lookup-warm")
        self.post_message(LookupsWarmed())

    def on_lookups_warmed(self, message: LookupsWarmed) -> None:
        # An answer given while spaCy loaded did not use the sentence: give the full one.
        self._spacy_ready = True
        showing = self.is_open and not self.has_class("-typing")
        if self._last_quick and self._last is not None and showing:
            self.run_lookup(self._last, full=True)
        else:
            self._last_quick = False

    def prefetch(self, sentence: str) -> None:
        """The reader moved to ``sentence``: once spaCy is loaded, it reads it now (in a
        thread), so that ``l`` on any of its words answers without parsing it then."""
        if self.service.warmed and sentence and not self.service.parsed(sentence):
            self._prefetch(sentence)

    @work(group="lookup-prefetch", name="lookup-prefetch", exclusive=True, exit_on_error=False)
    async def _prefetch(self, sentence: str) -> None:
        service = self.service
        await in_daemon(lambda: service.prefetch(sentence), "reader-lookup-prefetch")

    @work(group="lookup", name="lookup", exclusive=True, exit_on_error=False)
    async def run_lookup(self, request: Request, full: bool = False) -> None:
        """Looks ``request`` up off the UI thread; a newer request replaces an older one.

        The first answer is Apertium's (quick) while spaCy is loading or has not read the
        sentence yet; ``full`` (the refinement that follows) waits for spaCy."""
        service = self.service
        quick = not full and answers_quickly(service, request)
        try:
            result = await in_daemon(lambda: look_up(service, request, quick), "reader-lookup")
        except ReaderError as exc:
            self.post_message(LookupFailed(str(exc)))
            return
        self._last, self._last_quick = request, quick
        self.post_message(LookupReady(result, quick))

    def on_library_hits_found(self, message: LibraryHits.Found) -> None:
        # The count on the panel's top edge too: on a short screen the hit lines scroll.
        hits = message.hits
        self.border_title = f"In your library: {counted(hits)} (o)" if hits.sentences else None
        message.stop()

    def on_lookup_ready(self, message: LookupReady) -> None:
        self._answered = True
        self.query_one(LibraryHits).look_for(message.result)
        if message.quick and self._spacy_ready and self._last is not None:
            # spaCy is ready (it finished loading, or reads the sentence now): refine.
            self.run_lookup(self._last, full=True)
        if self.has_class("-typing"):  # a refinement while the reader types: keep the box
            self.result = message.result
            self.selected = min(self.selected, max(0, len(message.result.glosses) - 1))
            self._render_result()
            return
        self.show(message.result)
        if not isinstance(self.screen.focused, Input):
            self.focus()
        self.post_message(self.Opened())

    def on_lookup_failed(self, message: LookupFailed) -> None:
        if self.result is None:
            self.action_close()  # only the loading line was shown
        self.notify(message.error, title="Lookup", severity="error", timeout=8)

    @on(Worker.StateChanged)
    def _worker_failed(self, event: Worker.StateChanged) -> None:
        """An unexpected error in one of the panel's workers: said here, the text unaffected."""
        if event.state == WorkerState.ERROR:
            event.stop()
            error = event.worker.error
            self.post_message(LookupFailed(f"{type(error).__name__}: {error}"))

    # ------------------------------------------------------------ actions

    def action_choose(self, delta: int) -> None:
        if self.result is not None and self.result.glosses:
            self.selected = (self.selected + delta) % len(self.result.glosses)
            self._render_result()

    def action_add(self) -> None:
        """Opens the English box, filled with the chosen gloss's first sense; a function word
        (« à », « je », « le »…) would be forced into every article: it asks first."""
        result = self.result
        if result is None:
            return
        if result.function_word and not self._confirming:
            self._confirming = True
            self._render_result(
                f"« {result.word} » is a {result.pos or 'function word'}: in your glossary it "
                "would replace its English in every article. a again adds it anyway."
            )
            return
        field = self.query_one("#english", Input)
        field.value = self.chosen.text.split(";")[0].split(",")[0].strip() if self.chosen else ""
        self.add_class("-typing")
        field.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        english = event.value.strip()
        self.remove_class("-typing")
        self.focus()
        if self.result is None or not english:
            return
        french = self.result.term or self.result.lemma or self.result.word
        hits = self.result.glossary
        self._add_term(french, english, hits[0].entry.kind if hits else "other")

    @work(group="lookup-save", name="lookup-add", exit_on_error=False)
    async def _add_term(self, french: str, english: str, kind: str) -> None:
        from reader.lookup.glossaries import add_user_term

        try:
            entry = await in_daemon(
                lambda: add_user_term(french, english, kind), "reader-lookup-save"
            )
        except ReaderError as exc:
            self.notify(str(exc), title="Your glossary", severity="error", timeout=8)
            return
        self.service.refresh_glossaries()  # the stack every user of it shares
        self.notify(
            f"« {entry.fr} » → {entry.en}: in your glossary, used in every article.",
            title="Your glossary",
            timeout=6,
        )
        self.post_message(self.TermAdded(entry))
        if self._last is not None:
            self.run_lookup(self._last)  # the panel shows the new gloss first

    def action_save(self) -> None:
        if self.result is not None:
            self._save_word(self.result, self.chosen)

    @work(group="lookup-save", name="lookup-save", exit_on_error=False)
    async def _save_word(self, result: LookupResult, gloss: Gloss | None) -> None:
        from reader.learning.vocab import Vocabulary, save_lookup

        article = self.article
        title, path = article.title, str(article.path or article.source)
        try:
            entry = await in_daemon(
                lambda: save_lookup(
                    Vocabulary(), result, gloss if gloss is not None else "", title=title, path=path
                ),
                "reader-lookup-save",
            )
        except ReaderError as exc:
            self.notify(str(exc), title="Vocabulary", severity="error", timeout=8)
            return
        count = len(entry.examples)
        self.notify(
            f"« {entry.lemma} » saved ({count} sentence{'s' if count != 1 else ''}); "
            "reader vocab export makes Anki cards.",
            title="Vocabulary",
            timeout=6,
        )
        self.post_message(self.WordSaved(entry))

    def action_peek(self) -> None:
        self.query_one(LibraryHits).peek()

    def action_close(self) -> None:
        if self.has_class("-typing"):
            self.remove_class("-typing")
            self.focus()
            return
        self.remove_class("-open")
        self.post_message(self.Closed())
