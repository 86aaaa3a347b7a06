"""What a lookup gives: the data types the lookup panel, ``reader lookup`` and the
vocabulary share. No loading here, so a widget depends on a result, not on the service."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

from glossary.model import Entry

SOURCE_NAMES = {
    "user": "your glossary",
    "curated": "article glossary",
    "general": "general glossary",
    "extracted": "article glossary (found by spaCy)",
    "machine guess": "machine guess",
}
"""How each glossary origin is named beside its gloss, highest priority first."""


@dataclass(frozen=True)
class GlossaryHit:
    """A glossary entry found at the cursor, with where it sits in the sentence."""

    entry: Entry
    start: int
    end: int

    @property
    def source(self) -> str:
        return SOURCE_NAMES.get(self.entry.origin, self.entry.origin)

    def to_json(self) -> dict[str, object]:
        e = self.entry
        return {
            "fr": e.fr,
            "en": e.en,
            "kind": e.kind,
            "definition": e.definition,
            "origin": e.origin,
            "source": self.source,
        }


FUNCTION_POS = frozenset(
    {"preposition", "determiner", "pronoun", "relative pronoun", "conjunction", "auxiliary verb"}
)
"""Parts of speech of words that carry grammar rather than meaning (« à », « je », « le »)."""
AUXILIARIES = frozenset({"avoir", "être"})


def printable(text: str) -> str:
    """Text from a dictionary or glossary file, without anything that could drive a terminal."""
    return "".join(c if c in "\n\t" or unicodedata.category(c)[0] != "C" else " " for c in text)


@dataclass(frozen=True)
class Gloss:
    """One English rendering and the source it comes from."""

    text: str
    source: str


@dataclass(frozen=True)
class LookupResult:
    """What the lookup panel and ``reader lookup`` show for one word."""

    word: str
    lemma: str
    pos: str
    morph: str
    proper: bool = False
    glosses: tuple[Gloss, ...] = ()
    glossary: tuple[GlossaryHit, ...] = ()
    term: str | None = None
    """A multi-word glossary term under the cursor (it wins over the single word)."""
    sentence: str = ""
    start: int = -1
    """Where the word (or the winning term) sits in ``sentence``; -1 when it is not in it."""
    end: int = -1
    english: str = ""
    """The aligned English sentence, when the caller knows it."""
    notes: tuple[str, ...] = ()
    """Missing sources and how to add them."""
    analyser: str = ""
    phrases: tuple[Gloss, ...] = ()
    """Apertium's multi-word units holding the word in its sentence (issue 22): the phrase
    as ``text`` (« tout à fait »), its English as ``source``."""

    @property
    def function_word(self) -> bool:
        """A grammar word (« à », « je », « le », « a »): as a glossary term it would be
        forced into every sentence that has it, which is rarely what the reader means."""
        return self.term is None and (self.pos in FUNCTION_POS or self.lemma in AUXILIARIES)

    @property
    def description(self) -> str:
        """``verb, present, 3rd person plural``."""
        return ", ".join(p for p in (self.pos, self.morph) if p)

    def to_json(self) -> dict[str, Any]:
        """The shape ``reader lookup --format json`` prints."""
        return {
            "word": self.word,
            "lemma": self.lemma,
            "pos": self.pos,
            "morph": self.morph,
            "glosses": [{"text": g.text, "source": g.source} for g in self.glosses],
            "glossary": [hit.to_json() for hit in self.glossary],
        }
