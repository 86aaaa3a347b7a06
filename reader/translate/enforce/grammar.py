"""How a term is used in its sentence: as a noun (put its English in), as an adjective
(its adjectival English, if it has one), or not as a term at all.

A noun entry never matches a verb or a participle (« une réforme jamais entreprise »,
« le village a été épargné »), nor an adjective unless it has adjectival English
(« cette mesure législative », « les campagnes présidentielles », « les travailleurs
migrants »). spaCy's part of speech decides where it was run; otherwise the words
around the term do: a participle-looking word after an auxiliary or an adverb of
time is a verb, and a word right after a noun (no determiner or preposition between)
is an adjective. Only one-word occurrences of common entries are judged: longer
terms (« mise en examen ») and names are what they say.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from glossary.match import Found, is_name
from reader.nlp.analysis import Token
from reader.translate.enforce.french import (
    adjectival_english,
    after_a_noun,
    used_as_adjective,
    words_before,
)

Use = Literal["noun", "adjective", "other"]

_BEFORE_PARTICIPLE = {
    "a", "ai", "as", "avons", "avez", "ont", "avait", "avaient", "aura", "auront", "avoir",
    "eu", "est", "sont", "été", "être", "était", "étaient", "sera", "seront", "soit",
    "jamais", "pas", "déjà", "bien", "mal", "toujours", "encore", "plus", "très", "trop",
    "fut", "furent", "se", "s",
}  # fmt: skip
_PARTICIPLE_ENDINGS = (
    "é", "ée", "és", "ées", "i", "ie", "is", "ies", "it", "ite", "its", "ites",
    "u", "ue", "us", "ues", "ise", "ises", "ert", "erte", "erts", "ertes",
)  # fmt: skip


def judged(f: Found, sentence: str) -> bool:
    """Whether this occurrence's use is judged at all: one word of a common entry."""
    return not is_name(f.entry) and " " not in sentence[f.start : f.end].strip()


def use_by_words(f: Found, sentence: str) -> Use:
    """The use, from the words before the term (no spaCy)."""
    if not judged(f, sentence):
        return "noun"
    word = sentence[f.start : f.end].lower()
    before = words_before(sentence[: f.start])
    if before and before[-1] in _BEFORE_PARTICIPLE and word.endswith(_PARTICIPLE_ENDINGS):
        return "other"
    if used_as_adjective(f.entry, sentence[: f.start]):
        return "adjective"
    if after_a_noun(sentence[: f.start]):
        return "adjective"  # right after a noun: « mesure législative », « travailleurs migrants »
    return "noun"


def use_by_tags(f: Found, sentence: str, tokens: Sequence[Token]) -> Use:
    """The use, from spaCy's part of speech of the term's token."""
    if not judged(f, sentence):
        return "noun"
    token = next((t for t in tokens if t.start <= f.start < t.end), None)
    if token is None:
        return use_by_words(f, sentence)
    if token.pos in ("NOUN", "PROPN"):
        return "noun"
    if token.pos == "ADJ":
        return "adjective"
    return "other"


def usable(f: Found, use: Use) -> bool:
    """Whether the occurrence stays a term: a noun, or an adjective with adjectival English."""
    return use == "noun" or (use == "adjective" and bool(adjectival_english(f.entry)))
