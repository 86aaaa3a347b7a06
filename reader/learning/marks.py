"""Which words of an article to mark by status, its % known and its new lemmas, kept up to
date one status change at a time.

``StatusMarks`` is pure, no Textual, no I/O: the app gives it the article's words and the
statuses once (``for_article``, in a worker), asks ``spans(block)`` for the blocks it
draws, and calls ``update`` when the reader sets a status; ``update`` says which blocks
changed, so only those are drawn again. New and learning words are marked; known and
ignored ones are not. ``StatusEditor`` saves the reader's changes and keeps the marks in
step, with one-step undo of "mark the block known".

Phrases (``reader.learning.phrases``) are status keys too: their occurrences count as one
unit each in % known, learning ones are marked over their words (``phrase_spans``), and a
phrase the reader marks is looked for in the article then (``update``).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.learning.counts import ArticleWords, Word, share_known
from reader.learning.phrases import canonical, is_phrase
from reader.learning.store import LEARNING, LearningStore, check_status, normal

if TYPE_CHECKING:
    from reader.article import Article
    from reader.nlp.analysis import Token

MARKED = frozenset({"new", *LEARNING})
"""Statuses drawn as marks; known and ignored words look plain."""


@dataclass(frozen=True)
class StatusSpan:
    """A word of a block's French (characters ``start:end``) and its status."""

    start: int
    end: int
    status: str
    lemma: str


class StatusMarks:
    """Marks, % known and new lemmas of one article under the current statuses."""

    def __init__(self, words: ArticleWords, statuses: Mapping[str, str]) -> None:
        self.words = words
        self._status = {lemma: statuses.get(lemma, "new") for lemma in words.lemmas}
        self._blocks: dict[str, frozenset[int]] = {}
        where: dict[str, set[int]] = {}
        for words_of_block in words.blocks:
            for word in words_of_block:
                where.setdefault(word.lemma, set()).add(word.block)
        self._blocks = {lemma: frozenset(blocks) for lemma, blocks in where.items()}
        self._spans: dict[int, tuple[StatusSpan, ...]] = {}
        self.new_lemmas = sum(1 for s in self._status.values() if s == "new")
        self._looked_for: dict[str, int] = {}
        self._phrases_found(statuses)

    def _phrases_found(self, statuses: Mapping[str, str]) -> None:
        """The phrases' statuses, blocks and the units counted (again after a new phrase)."""
        words = self.words
        for phrase in words.phrases:
            self._status.setdefault(phrase, statuses.get(phrase, "new"))
        self._phrase_blocks = {
            p: frozenset(o.block for block in words.occurrences for o in block if o.phrase == p)
            for p in words.phrases
        }
        self._units = words.counts()
        self.known = sum(n for key, n in self._units.items() if self._status.get(key) == "known")
        self.ignored = sum(
            n for key, n in self._units.items() if self._status.get(key) == "ignored"
        )
        self._phrase_spans: dict[int, tuple[StatusSpan, ...]] = {}

    @property
    def countable(self) -> int:
        return self.words.countable

    @property
    def known_share(self) -> float:
        """Known tokens ÷ countable tokens that are not ignored (``words.share_known``)."""
        return share_known(self.known, self.countable, self.ignored)

    def status(self, lemma: str) -> str:
        return self._status.get(lemma, "new")

    def spans(self, block: int) -> tuple[StatusSpan, ...]:
        """The marked words of ``block``, in order (computed once, until a change)."""
        found = self._spans.get(block)
        if found is None:
            words = self.words.blocks[block] if 0 <= block < len(self.words.blocks) else ()
            found = tuple(
                StatusSpan(w.start, w.end, self._status[w.lemma], w.lemma)
                for w in words
                if self._status[w.lemma] in MARKED
            )
            self._spans[block] = found
        return found

    def phrase_spans(self, block: int) -> tuple[StatusSpan, ...]:
        """The learning phrases of ``block`` (``lemma``: the phrase), in order."""
        found = self._phrase_spans.get(block)
        if found is None:
            found = tuple(
                StatusSpan(o.start, o.end, self._status[o.phrase], o.phrase)
                for o in self.words.phrases_in(block)
                if self._status[o.phrase] in LEARNING
            )
            self._phrase_spans[block] = found
        return found

    def update(self, lemma: str, status: str) -> frozenset[int]:
        """Takes one status change into account; returns the blocks whose marks changed.
        A phrase not yet found is looked for in the article first."""
        check_status(status)
        old = self._status.get(lemma)
        if old is None and is_phrase(lemma) and status != "new":
            return self._add_phrase(canonical(lemma), status)
        if old is None or old == status:
            return frozenset()  # not a word of this article, or no change
        self._status[lemma] = status
        count = self._units.get(lemma, 0)
        self.known += count * ((status == "known") - (old == "known"))
        self.ignored += count * ((status == "ignored") - (old == "ignored"))
        if lemma in self.words.lemmas:
            self.new_lemmas += (status == "new") - (old == "new")
        blocks = self._blocks.get(lemma) or self._phrase_blocks.get(lemma, frozenset())
        for block in blocks:
            self._spans.pop(block, None)
            self._phrase_spans.pop(block, None)
        return blocks

    def _add_phrase(self, phrase: str, status: str) -> frozenset[int]:
        words = self.words.with_phrases([phrase])
        if phrase not in words.phrases:
            return frozenset()  # not in this article
        self.words = words
        self._status[phrase] = status
        self._phrases_found({})
        return self._phrase_blocks[phrase]

    def occurrences(self, phrase: str) -> int:
        """How often ``phrase`` occurs in the article (0 when it does not); a phrase without
        a status is looked for (once: the count is kept)."""
        entry = self.words.phrases.get(phrase)
        if entry is not None:
            return entry.count
        if phrase not in self._looked_for:
            from reader.learning.phrases import find

            self._looked_for[phrase] = len(find(self.words.analysis, [phrase]))
        return self._looked_for[phrase]

    def update_many(self, changes: Iterable[tuple[str, str]]) -> frozenset[int]:
        changed: set[int] = set()
        for lemma, status in changes:
            changed |= self.update(lemma, status)
        return frozenset(changed)

    def word_at(self, block: int, offset: int) -> Word | None:
        """The countable word covering character ``offset`` of ``block`` (the word cursor's:
        its lemma is the one the statuses use), or None (a name, a number, a space)."""
        words = self.words.blocks[block] if 0 <= block < len(self.words.blocks) else ()
        at = bisect_right([w.start for w in words], offset) - 1
        return words[at] if at >= 0 and offset < words[at].end else None

    def still_new(self, block: int) -> list[str]:
        """The lemmas of ``block`` that are still new (what "mark the block known" sets)."""
        words = self.words.blocks[block] if 0 <= block < len(self.words.blocks) else ()
        return list(dict.fromkeys(w.lemma for w in words if self._status[w.lemma] == "new"))

    def next_word(
        self, block: int, offset: int, step: int, wanted: frozenset[str] = MARKED
    ) -> Word | None:
        """The next (``step`` 1) or previous (-1) word after/before ``offset`` of ``block``
        whose status is in ``wanted`` (new or learning): the jump keys."""
        blocks = self.words.blocks
        index = block
        while 0 <= index < len(blocks):
            words = blocks[index]
            if index == block:
                starts = [w.start for w in words]
                if step > 0:
                    words = words[bisect_right(starts, offset) :]
                else:
                    words = words[: bisect_left(starts, offset)]
            ordered = words if step > 0 else tuple(reversed(words))
            for word in ordered:
                if self._status[word.lemma] in wanted:
                    return word
            index += 1 if step > 0 else -1
        return None


def for_article(
    article: Article,
    analysis: Sequence[Sequence[Token]] | None,
    store: LearningStore,
) -> StatusMarks:
    """The article's marks under the stored statuses (for a worker: spaCy runs when the
    analysis is neither given nor cached); the article's lemma counts are kept for
    ``reader stats`` as well."""
    from reader.learning.counts import words_of
    from reader.learning.phrases import phrases_in

    statuses = store.statuses()
    words = words_of(article, analysis, phrases_in(statuses))
    marks = StatusMarks(words, statuses)
    store.record_article(article.key, article.title, article.source, words.tokens, words.counts())
    return marks


class StatusEditor:
    """Status changes from the reader's keys: each taken into the marks at once and handed
    to ``save`` (by default the store, one transaction each; the app passes its writer
    thread, so a key never waits for the file); marking a block known can be undone, one
    step."""

    def __init__(
        self,
        marks: StatusMarks,
        store: LearningStore | None = None,
        save: Callable[[Mapping[str, str]], object] | None = None,
    ) -> None:
        self.marks = marks
        if save is None:
            if store is None:
                raise ValueError("a StatusEditor saves to a store or through save")
            save = store.set_many
        self._save = save
        self._undo: dict[str, str] = {}

    def set(self, lemma: str, status: str) -> frozenset[int]:
        """Sets one lemma's (or phrase's) status; returns the blocks whose marks changed."""
        lemma = canonical(lemma) if is_phrase(lemma) else normal(lemma)
        blocks = self.marks.update(lemma, check_status(status))
        self._save({lemma: status})
        return blocks

    def mark_block_known(self, block: int) -> frozenset[int]:
        """Every still-new word of ``block`` known (Lute's "mark page as read")."""
        lemmas = self.marks.still_new(block)
        self._undo = dict.fromkeys(lemmas, "new")
        self._save(dict.fromkeys(lemmas, "known"))
        return self.marks.update_many((lemma, "known") for lemma in lemmas)

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    def undo(self) -> frozenset[int]:
        """Puts back what the last ``mark_block_known`` changed (once); a word set since
        keeps its new status."""
        back = {
            lemma: old for lemma, old in self._undo.items() if self.marks.status(lemma) == "known"
        }
        self._undo = {}
        if back:
            self._save(back)
        return self.marks.update_many(back.items())
