"""Glossary entries, their occurrences, and the kinds they are grouped by."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

KINDS: tuple[str, ...] = (
    "people",
    "places",
    "organisations",
    "military",
    "diplomacy and politics",
    "economy",
    "other",
)
"""Kinds in display order; one source of truth for the curated files, the panel and the exports."""

NAME_KINDS: frozenset[str] = frozenset({"people", "places", "organisations"})
"""Kinds whose entries are names: kept capitalised, never guessed word by word."""

Origin = Literal["user", "curated", "general", "extracted", "machine guess"]
"""Where an entry comes from, highest priority first: the user's own glossary, the
article's curated file, the general news glossary shipped with the project, then
spaCy extraction (with English from a glossary or the enforced translation), and
last a machine translation of the term alone ("machine guess", never vetted)."""

VETTED: frozenset[str] = frozenset({"user", "curated", "general"})
"""Origins whose English a person wrote; extracted names and machine guesses are not vetted."""


@dataclass(frozen=True)
class Occurrence:
    """Where an entry occurs: ``block``'s French (or English) text, characters ``start:end``."""

    block: int
    start: int
    end: int


@dataclass(frozen=True)
class Entry:
    """A name or term with its English, kind, definition and the other forms it takes."""

    fr: str
    en: str
    kind: str
    definition: str = ""
    aliases: tuple[str, ...] = ()
    en_aliases: tuple[str, ...] = ()
    origin: Origin = "curated"
    en_note: str = ""
    """Why ``en`` is empty, when it is (e.g. no engine)."""
    the: bool = False
    """Whether the English takes "the" in running text (the ECB; but NATO, Putin)."""
    bare: bool = False
    """The glossary says ``the = false`` outright: the English takes no article, so the
    engine's "the" goes even before a common term ("the American policy" → "American
    policy"). Without it a common term keeps the engine's article."""
    en_adj: str = ""
    """The adjectival English where it differs (« européen » territory: EU → "EU", Russie → "Russian")."""
    en_plural: str = ""
    """The English for a plural French occurrence where it is not the regular plural of
    ``en``: "MPs" for « députés », "jobs" for « emplois »; a mass noun gives its singular
    ("aid" for « aides »)."""
    enforce: bool = True
    """Whether enforcement may overwrite the engine's English with ``en``. False: the term
    is marked and glossed, the engine's English left as it is (a common word with other
    usual senses: « retraite », « emploi »)."""
    sense: str = ""
    """For a one-word common term that is enforced, the one sense it has in news and why
    no other is usual (the general glossary's rule: see ``glossary.general``)."""

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.fr}"

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.fr, *self.aliases)

    @property
    def en_forms(self) -> tuple[str, ...]:
        return tuple(f for f in (self.en, *self.en_aliases) if f)


@dataclass
class Glossary:
    """Entries with their French occurrences (and English ones, where the English is known)."""

    source: str
    entries: list[Entry] = field(default_factory=list)
    occurrences: dict[str, list[Occurrence]] = field(default_factory=dict)
    en_occurrences: dict[str, list[Occurrence]] = field(default_factory=dict)

    def by_key(self, key: str) -> Entry | None:
        return next((e for e in self.entries if e.key == key), None)

    def count(self, entry: Entry) -> int:
        return len(self.occurrences.get(entry.key, ()))
