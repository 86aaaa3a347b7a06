"""The reading screen's word statuses: loading the marks, the keys' changes, the blocks read.

A plain controller beside the screen, like ``GlossaryWork``: the screen runs ``load`` as a
worker and handles the messages it posts; the keys call ``set_word``, ``mark_block`` and
``undo``, which change the marks at once (the screen repaints them in the same frame) and
hand the saving to ``LearningWriter``, one thread that writes the learning file in order
(a write takes tens of milliseconds and may wait for another reader window's lock). The
analysis is the session's one spaCy pass (``SharedAnalysis``); it waits for the English,
as the glossary's extraction does (two cores), unless the data folder has it already.
"""

from __future__ import annotations

import asyncio
import queue
import threading
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.message import Message

from reader.app.analysis import SharedAnalysis
from reader.app.background import in_daemon
from reader.app.cursor import Span
from reader.app.marks import Mark
from reader.app.messages import LearningFailed, StatisticsReady, StatusesFailed, StatusesReady
from reader.app.phrases import (
    phrase_line,
    phrase_marks,
    selected_phrase,
    set_phrase,
    several_words,
)
from reader.app.words import block_marks, meant_word, status_line, status_name
from reader.article import Article
from reader.errors import ReaderError

if TYPE_CHECKING:
    from reader.learning.counts import Word
    from reader.learning.marks import StatusEditor, StatusMarks
    from reader.learning.store import LearningStore

WORD_BINDINGS = [
    Binding("1", "word_status('learning-1')", "Learning 1 (least familiar)", show=False),
    Binding("2", "word_status('learning-2')", "Learning 2", show=False),
    Binding("3", "word_status('learning-3')", "Learning 3", show=False),
    Binding("4", "word_status('learning-4')", "Learning 4", show=False),
    Binding("w", "word_status('known')", "Known (well known)", show=False),
    Binding("i", "word_status('ignored')", "Ignored (never marked)", show=False),
    Binding("0", "word_status('new')", "Back to new", show=False),
    Binding("u", "next_new_word(1)", "Next new or learning word", show=False),
    Binding("U", "next_new_word(-1)", "Previous new or learning word", show=False, key_display="U"),
    Binding("M", "mark_block_known", "Every new word of the block known", show=False),
    Binding("z", "undo_block_known", "Undo that (once)", show=False),
    Binding("v", "toggle_word_marks", "Word marks on/off", show=False),
    Binding("S", "statistics", "Statistics", show=False, key_display="S"),
]
"""The reading screen's word keys (on the word cursor, or the lookup panel's word)."""
WORD_ACTIONS = frozenset(b.action.split("(")[0] for b in WORD_BINDINGS)


class LearningWriter:
    """One daemon thread writing the learning file, job after job, in the order given."""

    def __init__(self, failed: Callable[[str], object]) -> None:
        self._failed = failed
        self._jobs: queue.Queue[Callable[[], object] | None] = queue.Queue()
        self._thread: threading.Thread | None = None

    def submit(self, job: Callable[[], object]) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="reader-learning", daemon=True)
            self._thread.start()
        self._jobs.put(job)

    def _run(self) -> None:
        while (job := self._jobs.get()) is not None:
            try:
                job()
            except ReaderError as exc:
                self._failed(str(exc))
            except Exception as exc:  # noqa: BLE001 - said in the app, never a traceback
                self._failed(f"{type(exc).__name__}: {exc}")

    def close(self, timeout: float = 10) -> None:
        """Waits (at most ``timeout`` s) for the writes asked so far: quitting loses none."""
        if self._thread is not None:
            self._jobs.put(None)
            self._thread.join(timeout)
            self._thread = None


class WordStatuses:
    """The marks of the open article, whether they are shown, and the changes to save."""

    def __init__(
        self,
        article: Article,
        analysis: SharedAnalysis,
        post: Callable[[Message], object],
        enabled: bool = True,
        store: LearningStore | None = None,
    ) -> None:
        self.article = article
        self.analysis = analysis
        self._post = post
        self.enabled = enabled
        """Off (tests): no analysis, no marks, nothing recorded."""
        self.marks: StatusMarks | None = None
        self.editor: StatusEditor | None = None
        self.error: str | None = None
        """Why there are no statuses (None while they load or once they are in)."""
        self.shown = True
        """``v``: the marks drawn or not (the status line keeps % known either way)."""
        self.writer = LearningWriter(lambda error: post(LearningFailed(error)))
        self._store: LearningStore | None = store
        """The learning file the app opened (else made by ``load``, in its thread)."""
        self._drawn: dict[int, tuple[object, object, tuple[Mark, ...]]] = {}
        self._current = 0
        self._read: set[int] = set()
        self._unread: list[int] = []
        """Blocks read before the words were counted: recorded once they are."""

    # ------------------------------------------------------------ loading

    async def load(self, translated: Callable[[], asyncio.Event]) -> None:
        """The worker: the pass (cached, else after the English), then the marks."""
        from reader.learning.frequency import ranks
        from reader.learning.marks import for_article
        from reader.learning.store import LearningStore

        analysis, article = self.analysis, self.article
        try:
            store = self._store
            if store is None:
                store = self._store = await in_daemon(LearningStore, "reader-statuses")
            tokens = await in_daemon(analysis.cached, "reader-statuses")
            if tokens is None:  # spaCy, once the English is in (as the glossary's extraction)
                while not translated().is_set():
                    try:  # an engine switch replaces the event: look again now and then
                        await asyncio.wait_for(translated().wait(), 0.5)
                    except TimeoutError:
                        pass
                tokens = await in_daemon(analysis.tokens, "reader-statuses")
            if not analysis.complete(tokens):
                return  # the session is closing
            marks = await in_daemon(lambda: for_article(article, tokens, store), "reader-statuses")
            await in_daemon(ranks, "reader-statuses")  # the lookup panel's bands, read once
        except ReaderError as exc:
            self._post(StatusesFailed(str(exc)))
            return
        self._post(StatusesReady(marks))

    def ready(self, marks: StatusMarks) -> None:
        """The marks are in: from now on keys change them and blocks read are counted."""
        from reader.learning.marks import StatusEditor

        self.marks = marks
        self.editor = StatusEditor(marks, self._store, save=self._save)
        self._record_unread()

    def failed(self, error: str) -> None:
        self.error = error
        self._record_unread()

    def _record_unread(self) -> None:
        unread, self._unread = self._unread, []
        for block in unread:
            self._record(block)

    # ------------------------------------------------------------ drawing

    def marks_of(self, block: int) -> tuple[Mark, ...]:
        """The marks block ``block`` draws (none while hidden or loading)."""
        marks = self.marks
        if marks is None or not self.shown:
            return ()
        spans = marks.spans(block)  # the same tuple until a change touches the block
        phrases = marks.phrase_spans(block)
        drawn = self._drawn.get(block)
        if drawn is None or drawn[0] is not spans or drawn[1] is not phrases:
            both = (*phrase_marks(phrases), *block_marks(spans))  # the tint under the colours
            drawn = self._drawn[block] = (spans, phrases, both)
        return drawn[2]

    def word(self, block: int, span: Span) -> Word | None:
        """The counted word the cursor's word at ``span`` of ``block`` stands for."""
        if self.marks is None:
            return None
        return meant_word(self.marks, self.article.blocks[block].text, block, span)

    def lemma(self, block: int, span: Span) -> str:
        """The analysis's lemma of the word at ``span`` ("" before the words are read, or
        for a name): what the lookup panel shows and the keys set."""
        word = self.word(block, span)
        return word.lemma if word is not None else ""

    # ------------------------------------------------------------ the keys

    def unavailable(self) -> str | None:
        """Why the keys cannot set statuses now, or None when they can."""
        if self.marks is not None:
            return None
        if not self.enabled:
            return "Word statuses are off in this session."
        if self.error is not None:
            return f"No word statuses: {self.error}"
        return "The words are still being read (spaCy): their statuses come in a moment."

    def set_word(self, block: int, span: Span, status: str) -> str:
        """Sets the status of the word at ``span`` of ``block``; says what was done."""
        if (problem := self.unavailable()) or self.editor is None or self.marks is None:
            return problem or ""
        text = self.article.blocks[block].text
        if several_words(text, span):  # a selection: the phrase (issue 22)
            return set_phrase(self.editor, self.marks, text, block, span, status)
        word = self.word(block, span)
        if word is None:
            form = self.article.blocks[block].text[span[0] : span[1]]
            return f"« {form} » is not a word to learn (a name or a number)."
        self.editor.set(word.lemma, status)
        return f"« {word.lemma} »: {status_name(status)}"

    def saved(self, block: int, span: Span) -> bool:
        """A word saved from the lookup panel (``s``): new, it is now learning 1 (a selected
        phrase likewise)."""
        text = self.article.blocks[block].text
        if self.marks is not None and self.editor is not None and several_words(text, span):
            phrase = selected_phrase(self.marks, text, block, span)
            if not phrase or self.marks.status(phrase) != "new":
                return False
            return bool(self.editor.set(phrase, "learning-1"))
        word = self.word(block, span)
        if word is None or self.marks is None or self.marks.status(word.lemma) != "new":
            return False
        return self.editor is not None and bool(self.editor.set(word.lemma, "learning-1"))

    def mark_block(self, block: int) -> str:
        """``M``: every still-new word of ``block`` known."""
        if (problem := self.unavailable()) or self.editor is None or self.marks is None:
            return problem or ""
        count = len(self.marks.still_new(block))
        if not count:
            return "No new word left in this block."
        self.editor.mark_block_known(block)
        return f"{count} new word{'s' if count != 1 else ''} of this block now known (z undoes it)."

    def undo(self) -> str:
        """``z``: the last ``M`` undone."""
        marks, editor = self.marks, self.editor
        if marks is None or editor is None or not editor.can_undo:
            return self.unavailable() or "Nothing to undo: z undoes the last M."
        before = marks.new_lemmas
        editor.undo()
        count = marks.new_lemmas - before
        return f"{count} word{'s' if count != 1 else ''} new again."

    def panel_line(self, block: int, span: Span) -> str:
        """The lookup panel's line about the word at ``span`` of ``block`` ("" when off)."""
        from reader.learning.frequency import band, rank

        if not self.enabled or self.error is not None:
            return ""
        if self.marks is None:
            return status_line(None, None, None)
        text = self.article.blocks[block].text
        if several_words(text, span):
            return phrase_line(self.marks, text, block, span)
        word = self.word(block, span)
        if word is None:
            return status_line(None, "", None)
        return status_line(word.lemma, self.marks.status(word.lemma), band(rank(word.lemma)))

    # ------------------------------------------------------------ saving

    def _save(self, wanted: Mapping[str, str]) -> None:
        store, wanted = self._store, dict(wanted)
        if store is not None:
            self.writer.submit(lambda: store.set_many(wanted))

    def statistics(self) -> None:
        """Reads the statistics after the writes asked so far; posts ``StatisticsReady``."""
        from reader.learning.stats import statistics
        from reader.learning.store import LearningStore

        store, post = self._store, self._post
        self.writer.submit(lambda: post(StatisticsReady(statistics(store or LearningStore()))))

    # ------------------------------------------------------------ reading

    def start_at(self, index: int) -> None:
        """Where the reader starts (a restored position): nothing before it is read now."""
        self._current = index

    def moved(self, index: int, page: int) -> None:
        """The current block is now ``index``: the blocks moved past (forwards, at most a
        screenful: a jump to the end reads nothing on the way) count as read."""
        previous, self._current = self._current, index
        if index <= previous:
            return
        passed = range(previous, index) if index - previous <= max(1, page) else [previous]
        for block in passed:
            if block not in self._read:
                self._read.add(block)
                self._record(block)

    def _record(self, block: int) -> None:
        marks, store = self.marks, self._store
        if not self.enabled:
            return
        if marks is None and self.error is None:
            self._unread.append(block)  # counted once the words are
            return
        if store is None:
            return  # the learning file is unusable: said once already
        if marks is not None:
            words = len(marks.words.blocks[block])
        else:  # no analysis this session: the cursor's words (names included)
            from reader.app.cursor import word_spans

            words = len(word_spans(self.article.blocks[block].text))
        key = self.article.key
        self.writer.submit(lambda: store.record_read(key, block, words))

    def close(self) -> None:
        """Stops the pass and waits for the writes asked so far (quitting loses none)."""
        self.analysis.stop.set()
        self.writer.close()
