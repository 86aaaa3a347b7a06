"""The word cursor's arithmetic over an article: pure, no Textual.

The article view keeps the reactives (which block, sentence and word are current) and
the scrolling; ``WordCursor`` answers where the words are and where a step lands, as
Textual's ``DocumentNavigator`` does for its ``TextArea``. Words are counted per block:
``(block, word)`` names one, ``word`` an index into ``words(block)``.
"""

from __future__ import annotations

import re

from reader.article import Article

Span = tuple[int, int]

WORD = re.compile(r"\w+(?:[-'’]\w+)*")
"""A word for the cursor: « l’OTAN », « passe-t-il » and « aujourd’hui » are one each (the
lookup strips the elision and knows hyphenated forms); a number is not a word."""


def word_spans(text: str) -> list[Span]:
    """The (start, end) spans of the words of ``text`` the word cursor stops on."""
    return [m.span() for m in WORD.finditer(text) if any(c.isalpha() for c in m.group())]


class WordCursor:
    """Where the words of an article's blocks are, and where the cursor goes from one."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self._words: dict[int, list[Span]] = {}

    def words(self, block: int) -> list[Span]:
        """The words of ``block``'s French (cached: a block's text never changes)."""
        found = self._words.get(block)
        if found is None:
            found = self._words[block] = word_spans(self.article.blocks[block].text)
        return found

    def span(self, block: int, word: int | None) -> Span | None:
        """Where word ``word`` of ``block`` is in its French, if there is such a word."""
        if word is None or not 0 <= block < len(self.article.blocks):
            return None
        words = self.words(block)
        return words[word] if 0 <= word < len(words) else None

    def sentence_of(self, block: int, word: int) -> int | None:
        """The index of the sentence of ``block`` holding word ``word``."""
        span = self.span(block, word)
        if span is None:
            return None
        sentences = self.article.blocks[block].sentences
        return next((i for i, s in enumerate(sentences) if s.start <= span[0] < s.end), None)

    def words_in(self, block: int, sentence: int | None) -> list[int]:
        """The indices of the words of ``block``'s sentence ``sentence``."""
        sentences = self.article.blocks[block].sentences
        if sentence is None or not 0 <= sentence < len(sentences):
            return []
        s = sentences[sentence]
        return [i for i, (a, _) in enumerate(self.words(block)) if s.start <= a < s.end]

    def first_in(self, block: int, sentence: int | None) -> int | None:
        """The first word of ``block``'s sentence ``sentence``, if it has one."""
        inside = self.words_in(block, sentence)
        return inside[0] if inside else None

    def word_at(self, block: int, char: int) -> int | None:
        """The word of ``block`` covering character ``char`` of its French, if any."""
        return next((i for i, (a, b) in enumerate(self.words(block)) if a <= char < b), None)

    def to_look_up(self, block: int, word: int | None, sentence: int | None) -> int | None:
        """The word ``l`` looks up: the cursor's, else the sentence's first, else the block's."""
        if word is not None:
            return word
        first = self.first_in(block, sentence)
        if first is None and self.words(block):
            first = 0
        return first

    def step(
        self, block: int, word: int | None, sentence: int | None, step: int
    ) -> tuple[int, int] | None:
        """Where ``step`` (+1 or -1) takes the cursor, as ``(block, word)``.

        Without a cursor yet, the first move lands on the current sentence's (or block's)
        first or last word; past a block's first or last word, the cursor goes into the
        next block that has a word. None when there is no word that way.
        """
        count = len(self.words(block))
        if word is None:
            inside = self.words_in(block, sentence) or range(count)
            if inside:
                return block, inside[0] if step > 0 else inside[-1]
            target = count if step > 0 else -1
        else:
            target = word + step
        if 0 <= target < count:
            return block, target
        index = block + (1 if target >= count else -1)
        while 0 <= index < len(self.article.blocks):  # skip blocks without a word
            words = self.words(index)
            if words:
                return index, 0 if step > 0 else len(words) - 1
            index += 1 if step > 0 else -1
        return None
