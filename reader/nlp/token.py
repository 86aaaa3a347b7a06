"""A token of a block as the analysis gives it: its form, where it is, its lemma, part of
speech and entity (``reader.nlp.analysis`` makes them, ``reader.nlp.lemmas`` puts their
lemmas right). A module of its own, below both, so neither imports the other for it."""

from __future__ import annotations

from dataclasses import dataclass

NOT_WORDS = frozenset({"PROPN", "NUM", "PUNCT", "SYM", "X", "SPACE"})
"""Parts of speech that are never words to learn: names, numbers, punctuation, symbols."""


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
    morph: str = ""
    """spaCy's morphology (``Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin``)."""
    entity_start: bool = False
    """The first token of a named entity (two names side by side stay two)."""

    @property
    def countable(self) -> bool:
        """A word to learn: has letters, is no name, number, symbol or punctuation."""
        return self.pos not in NOT_WORDS and not self.entity and any(c.isalpha() for c in self.text)

    def feature(self, name: str) -> str:
        """One morphological feature (``VerbForm`` → ``Fin``), "" when absent."""
        for part in self.morph.split("|"):
            key, _, value = part.partition("=")
            if key == name:
                return value
        return ""
