"""What the library indexes for each sentence, from the one spaCy pass over a text.

Every sentence of every block becomes a row: its French as written (searched by form)
and the lemmas of its words, space-separated (searched by lemma). Each (form, lemma)
pair seen is counted, so that ``reader find --lemma`` can tell the lemma of a form the
library has met without loading spaCy.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from reader.article import Block
from reader.nlp.analysis import Token


@dataclass(frozen=True)
class SentenceRow:
    """One sentence of a text, for the index."""

    block: int
    sentence: int
    fr: str
    lemmas: str


def count_words(blocks: Sequence[Block]) -> int:
    """Words as a reader counts them: space-separated pieces with a letter or a digit
    (« l'homme » and « peut-être » are one word each)."""
    return sum(
        1 for block in blocks for piece in block.text.split() if any(c.isalnum() for c in piece)
    )


def _word(token: Token) -> bool:
    return any(c.isalnum() for c in token.text)


def sentence_rows(blocks: Sequence[Block], tokens: Sequence[Sequence[Token]]) -> list[SentenceRow]:
    """A row per sentence; ``tokens`` are the blocks' tokens (``reader.nlp.analysis.analyse``)."""
    rows = []
    for block, block_tokens in zip(blocks, tokens, strict=True):
        for number, sentence in enumerate(block.sentences):
            lemmas = " ".join(
                "_".join(t.lemma.split())
                for t in block_tokens
                if sentence.start <= t.start < sentence.end and _word(t)
            )
            rows.append(SentenceRow(block.index, number, sentence.text, lemmas))
    return rows


def form_lemmas(tokens: Sequence[Sequence[Token]]) -> Counter[tuple[str, str]]:
    """How often each (lower-case form, lemma) pair occurs."""
    return Counter(
        (t.text.lower(), t.lemma) for block in tokens for t in block if _word(t) and t.lemma
    )
