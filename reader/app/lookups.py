"""Word lookups on the reading screen: the view's requests, the lookup service, the panel.

``WordLookups`` is mixed into ``MainScreen``. Every lookup runs in a daemon thread
(``in_daemon``): the first loads the dictionaries and starts Apertium, spaCy loads in
its own worker (``warm``) and until it has, lookups are Apertium's quick answer, looked
up again once spaCy can use the sentence. Quitting never waits for any of it.

What the panel asks for goes to the user's glossary (``a``: the open article's marks
are rebuilt, so the new term is highlighted at once, and every article opened later
has it) and to the vocabulary (``s``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import work
from textual.widgets import Input

from reader.app.background import in_daemon
from reader.app.messages import LookupFailed, LookupReady, LookupsWarmed, Notice
from reader.article import Article, Block
from reader.errors import ReaderError

if TYPE_CHECKING:
    from collections.abc import Mapping

    from reader.app.widgets.article_view import ArticleView
    from reader.app.widgets.lookup_panel import LookupPanel
    from reader.lookup.service import Gloss, LookupResult, LookupService
    from reader.translation import BlockTranslation


@dataclass(frozen=True)
class Request:
    """A word to look up: ``start:end`` of block ``index``'s French, in its sentence."""

    index: int
    start: int
    end: int
    word: str
    sentence: str
    offset: int
    """Where the word starts in ``sentence``."""
    english: str
    """The aligned English sentence ("" while it is not translated)."""


def answers_quickly(service: LookupService, request: Request) -> bool:
    """Whether the first answer is Apertium's alone: spaCy is still loading, or has not read
    the sentence (a click in a new sentence), which costs a few times one screen."""
    return not service.warmed or not service.parsed(request.sentence)


def look_up(service: LookupService, request: Request, quick: bool) -> LookupResult:
    """The lookup the app runs for ``request`` (in a daemon thread)."""
    return service.lookup(
        request.word, request.sentence, start=request.offset, english=request.english, quick=quick
    )


def make_request(
    block: Block, start: int, end: int, english: Mapping[int, BlockTranslation]
) -> Request:
    """The word at ``start:end`` of ``block`` with its sentence and that sentence's English."""
    number, sentence = next(
        ((i, s) for i, s in enumerate(block.sentences) if s.start <= start < s.end),
        (None, None),
    )
    if sentence is None or number is None:  # outside every sentence: the block is the context
        return Request(block.index, start, end, block.text[start:end], block.text, start, "")
    translation = english.get(block.index)
    aligned = ""
    if translation is not None and len(translation.sentences) == len(block.sentences):
        aligned = translation.sentences[number]
    text = block.text[sentence.start : sentence.end]
    return Request(
        block.index, start, end, block.text[start:end], text, start - sentence.start, aligned
    )


class WordLookups:
    """The reading screen's word lookups (a mixin of ``MainScreen``; see the module)."""

    article: Article
    lookups: LookupService | None = None
    _warming = False
    _answered = False
    _last: Request | None = None
    _last_quick = False
    _warmed = False

    # The screen provides these (Textual's Screen and MainScreen).
    view: ArticleView

    def lookup_service(self) -> LookupService:
        """The service, made on first use (nothing is loaded until a worker asks)."""
        if self.lookups is None:
            from reader.lookup.service import LookupService

            self.lookups = LookupService(
                self.article, notify=lambda text: self.post_message(Notice(text, "Lookup"))
            )
        return self.lookups

    def close_lookups(self) -> None:
        if self.lookups is not None:
            self.lookups.close()

    @property
    def lookup_panel(self) -> LookupPanel | None:
        from reader.app.widgets.lookup_panel import LookupPanel

        found = self.query(LookupPanel)
        return found.first() if found else None

    async def _mounted_lookup_panel(self) -> LookupPanel:
        from reader.app.widgets.lookup_panel import LookupPanel

        panel = self.lookup_panel
        if panel is None:
            panel = LookupPanel(id="lookup-panel")
            await self.query_one("#body").mount(panel)
        return panel

    # ------------------------------------------------------------ loading

    def warm_lookups(self) -> None:
        """Loads every lookup source (spaCy: seconds) in the background, once."""
        if not self._warming:
            self._warming = True
            self._warm()

    @work(group="lookup-warm", name="lookup-warm", exit_on_error=False)
    async def _warm(self) -> None:
        service = self.lookup_service()
        await in_daemon(service.warm, "reader-lookup-warm")
        self.post_message(LookupsWarmed())

    def on_lookups_warmed(self, message: LookupsWarmed) -> None:
        # An answer given while spaCy loaded did not use the sentence: give the full one.
        self._warmed = True
        panel = self.lookup_panel
        showing = panel is not None and panel.is_open and not panel.has_class("-typing")
        if self._last_quick and self._last is not None and showing:
            self.run_lookup(self._last, full=True)
        else:
            self._last_quick = False

    @property
    def lookups_final(self) -> bool:
        """No lookup source is still loading and no quick answer waits to be replaced."""
        return self.lookups is None or (self.lookups.warmed and not self._last_quick)

    def prefetch_sentence(self, sentence: int | None) -> None:
        """The current sentence changed: once lookups are in use, spaCy reads it now (in a
        thread), so that ``l`` on any of its words answers without parsing it then."""
        service, view = self.lookups, self.view
        if service is None or not service.warmed or sentence is None:
            return
        from reader.app.cursor import words_of

        block = self.article.blocks[view.current]
        if sentence >= len(block.sentences):
            return
        where = block.sentences[sentence]
        words = words_of(where.text)
        if words:
            start, end = words[0]
            self._prefetch(make_request(block, where.start + start, where.start + end, {}))

    @work(group="lookup-prefetch", name="lookup-prefetch", exclusive=True, exit_on_error=False)
    async def _prefetch(self, request: Request) -> None:
        service = self.lookup_service()
        await in_daemon(
            lambda: service.lookup(request.word, request.sentence, start=request.offset),
            "reader-lookup-prefetch",
        )

    # ------------------------------------------------------------ looking up

    async def on_article_view_lookup_requested(self, message: ArticleView.LookupRequested) -> None:
        block = self.article.blocks[message.index]
        request = make_request(block, message.start, message.end, self.view.english)
        panel = await self._mounted_lookup_panel()
        if not self._answered:
            panel.show_loading(request.word)
        self.warm_lookups()
        self.run_lookup(request)

    @work(group="lookup", name="lookup", exclusive=True, exit_on_error=False)
    async def run_lookup(self, request: Request, full: bool = False) -> None:
        """Looks ``request`` up off the UI thread; a newer request replaces an older one.

        The first answer is Apertium's (quick) while spaCy is loading or has not read the
        sentence yet; ``full`` (the refinement that follows) waits for spaCy."""
        service = self.lookup_service()
        quick = not full and answers_quickly(service, request)
        try:
            result = await in_daemon(lambda: look_up(service, request, quick), "reader-lookup")
        except ReaderError as exc:
            self.post_message(LookupFailed(str(exc)))
            return
        self._last, self._last_quick = request, quick
        self.post_message(LookupReady(result, quick))

    def on_lookup_ready(self, message: LookupReady) -> None:
        panel = self.lookup_panel
        if panel is None:
            return
        self._answered = True
        if message.quick and self._warmed and self._last is not None:
            # spaCy is ready (it finished loading, or reads the sentence now): refine.
            self.run_lookup(self._last, full=True)
        panel.show(message.result)
        if not isinstance(self.focused, Input):
            panel.focus()
        # The panel takes rows from the text: keep the word on screen.
        self.view.call_after_refresh(self.view.scroll_to_current)

    def on_lookup_failed(self, message: LookupFailed) -> None:
        panel = self.lookup_panel
        if panel is not None and panel.result is None:
            panel.action_close()  # only the loading line was shown
        self.notify(message.error, title="Lookup", severity="error", timeout=8)

    def on_lookup_panel_closed(self, message: LookupPanel.Closed) -> None:
        self.view.focus()
        self.view.call_after_refresh(self.view.scroll_to_current)

    def close_lookup_panel(self) -> bool:
        """Closes the lookup panel if it is open; says whether it was."""
        panel = self.lookup_panel
        if panel is None or not panel.is_open:
            return False
        panel.action_close()
        return True

    def action_word_in_panel(self, step: int) -> None:
        """←/→ while the panel has focus: the next word, looked up at once."""
        self.view.action_word(step)
        self.view.action_lookup()

    # ------------------------------------------------------------ glossary and vocabulary

    def on_lookup_panel_add_to_glossary(self, message: LookupPanel.AddToGlossary) -> None:
        hits = message.result.glossary
        kind = hits[0].entry.kind if hits else "other"
        self._add_term(message.french, message.english, kind)

    @work(group="lookup-save", name="lookup-save", exit_on_error=False)
    async def _add_term(self, french: str, english: str, kind: str) -> None:
        from reader.lookup.glossaries import add_user_term

        try:
            entry = await in_daemon(
                lambda: add_user_term(french, english, kind), "reader-lookup-save"
            )
        except ReaderError as exc:
            self.notify(str(exc), title="Your glossary", severity="error", timeout=8)
            return
        self.lookup_service().refresh_glossaries()
        self.notify(
            f"« {entry.fr} » → {entry.en}: in your glossary, marked in every article.",
            title="Your glossary",
            timeout=6,
        )
        self.build_glossary()  # the open article's marks, with the new term
        if self._last is not None:
            self.run_lookup(self._last)  # the panel shows the new gloss first

    def on_lookup_panel_save_to_vocabulary(self, message: LookupPanel.SaveToVocabulary) -> None:
        self._save_word(message.result, message.gloss)

    @work(group="lookup-save", name="lookup-save", exit_on_error=False)
    async def _save_word(self, result: LookupResult, gloss: Gloss | None) -> None:
        from reader.vocab import Vocabulary, save_lookup

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
