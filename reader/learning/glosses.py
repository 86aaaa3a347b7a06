"""A short English gloss for a lemma, for word lists (``reader words``): FreeDict's first
sense of the same part of speech, else Apertium's bilingual dictionaries through Spanish.

Fast by design: the lemma and its part of speech are already known from the article's
analysis, so no word is analysed again (no spaCy, no Apertium analyser); each source
is asked once per lemma. A missing source is skipped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.lookup.apertium_bidix import Apertium
    from reader.lookup.dictd import DictdDictionary

MAX_GLOSS = 40
FREEDICT_POS = {
    "NOUN": "n",
    "VERB": "v",
    "ADJ": "adj",
    "ADV": "adv",
    "ADP": "prep",
    "PRON": "pron",
    "CCONJ": "conj",
    "SCONJ": "conj",
    "DET": "art",
}
"""spaCy's part of speech → FreeDict's abbreviation (``<n, fem>``)."""
APERTIUM_TAG = {
    "NOUN": "n",
    "VERB": "vblex",
    "ADJ": "adj",
    "ADV": "adv",
    "ADP": "pr",
    "PRON": "prn",
    "DET": "det",
    "CCONJ": "cnjcoo",
    "SCONJ": "cnjsub",
}


def short(text: str) -> str:
    """The first sense, at most three of its renderings, cut at a word boundary to
    ``MAX_GLOSS`` characters."""
    from reader.lookup.service import printable

    first = ", ".join(printable(text.split(";")[0]).strip().split(", ")[:3])
    if len(first) <= MAX_GLOSS:
        return first
    return first[: MAX_GLOSS - 1].rsplit(" ", 1)[0].rstrip(",") + "…"


class Glosser:
    """Glosses from FreeDict and Apertium, loaded on first use; ``close`` ends Apertium."""

    def __init__(self) -> None:
        self._freedict: DictdDictionary | None = None
        self._apertium: Apertium | None = None
        self._loaded = False

    def _load(self) -> None:
        if self._loaded:
            return
        self._loaded = True
        from reader.lookup import apertium_bidix
        from reader.lookup.dictd import DictdError
        from reader.lookup.freedict import find_freedict

        files = find_freedict()
        if files is not None:
            try:
                self._freedict = files.open().load()
            except DictdError:
                self._freedict = None
        found = apertium_bidix.find_files()
        if found is not None:
            self._apertium = apertium_bidix.Apertium(found)

    def gloss(self, lemma: str, pos: str) -> str:
        """A short English gloss, or "" when no source knows the lemma."""
        self._load()
        return self._from_freedict(lemma, pos) or self._from_apertium(lemma, pos)

    def gloss_phrase(self, phrase: str) -> str:
        """A short English gloss of a phrase: FreeDict's multi-word headword (« avoir
        lieu »; also without a last « à » or « de »), else Apertium's multi-word unit (« au fur et à mesure »); "" when none."""
        from reader.lookup.apertium_bidix import ApertiumUnavailable

        self._load()
        words = phrase.split()
        keys = (
            [phrase, " ".join(words[:-1])]
            if len(words) > 2 and words[-1] in ("à", "de")
            else [phrase]
        )
        if self._freedict is not None:
            for key in keys:  # « prendre part à »: FreeDict has « prendre part »
                definitions = [d for d in self._freedict.lookup(key) if d.senses]
                if definitions:
                    return short(definitions[0].senses[0])
        if self._apertium is None:
            return ""
        try:
            units = [a for a in self._apertium.analyse(phrase) if a.lemma == phrase]
            pivots = [p for a in units for p in self._apertium.translate(a)]
        except ApertiumUnavailable:
            self._apertium = None
            return ""
        return short(", ".join(pivots[0].english)) if pivots else ""

    def _from_freedict(self, lemma: str, pos: str) -> str:
        if self._freedict is None:
            return ""
        definitions = [d for d in self._freedict.lookup(lemma) if d.senses]
        wanted = FREEDICT_POS.get(pos)
        same = [d for d in definitions if d.pos.split(",")[0].strip() == wanted]
        chosen = (same or definitions)[:1]
        return short(chosen[0].senses[0]) if chosen else ""

    def _from_apertium(self, lemma: str, pos: str) -> str:
        from reader.lookup.apertium_bidix import Analysis, ApertiumUnavailable

        tag = APERTIUM_TAG.get(pos)
        if self._apertium is None or tag is None:
            return ""
        try:
            pivots = self._apertium.translate(Analysis(lemma, (tag,)))
        except ApertiumUnavailable:
            self._apertium = None
            return ""
        return short(", ".join(pivots[0].english)) if pivots else ""

    def close(self) -> None:
        if self._apertium is not None:
            self._apertium.close()

    def __enter__(self) -> Glosser:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
