"""French grammar for one occurrence of a term: its number, its gender, whether it is
used as an adjective, and so the glossary's English it takes."""

from __future__ import annotations

import re

from glossary import english
from glossary.match import is_name
from glossary.model import Entry
from reader.translate.enforce.tables import (
    ADJECTIVAL_ENDINGS,
    FEMININE_DETERMINERS,
    FEMININE_ENDINGS,
    FUNCTION_WORDS,
    MASCULINE_DETERMINERS,
    NAME_THE_HEADS,
    PLURAL_DETERMINERS,
    SINGULAR_DETERMINERS,
)


def _head(text: str) -> str:
    return text.split()[0] if text.split() else text


def french_plural(text: str) -> bool:
    """Whether a French noun phrase is plural, by its first (head) word."""
    head = _head(text).lower()
    return (
        len(head) > 3
        and head.endswith(("s", "x"))
        and not head.endswith(("ss", "us", "ès", "ys", "aix", "oix", "rix", "ois"))
    )


def _invariable_looking(text: str) -> bool:
    """A head ending in -s, -x or -z may be singular or plural (taux, prix, pays, temps)."""
    return _head(text).lower().endswith(("s", "x", "z"))


def occurrence_plural(text: str, before: str) -> bool:
    """Whether one occurrence is plural: « les taux d’intérêt » yes, « le taux » no.

    A head that is the same in both numbers takes its number from the determiner
    before it (the nearest of the last two words); other heads from their ending.
    """
    if _invariable_looking(text):
        for word in reversed(re.findall(r"\w+", before.lower())[-2:]):
            if word in PLURAL_DETERMINERS:
                return True
            if word in SINGULAR_DETERMINERS:
                return False
    return french_plural(text)


def entry_plural(entry: Entry) -> bool:
    """The number of the entry's own French: for « taux d’intérêt », whose head is the
    same in both numbers, the number of its English ("interest rate")."""
    if _invariable_looking(entry.fr):
        return english.is_plural(entry.en)
    return french_plural(entry.fr)


def gender(text: str, before: str) -> str:
    """``"f"`` or ``"m"``: by the determiner right before, else by the head's ending."""
    words = re.findall(r"\w+", before.lower())
    if words and words[-1] in FEMININE_DETERMINERS:
        return "f"
    if words and words[-1] in MASCULINE_DETERMINERS:
        return "m"
    head = _head(text).lower().rstrip("sx")
    return "f" if head.endswith(FEMININE_ENDINGS) else "m"


def takes_the(entry: Entry) -> bool:
    """Whether a name takes "the" in English: the glossary's word, else its last word's kind."""
    if entry.the:
        return True
    words = entry.en.split()
    return bool(words) and words[-1].lower() in NAME_THE_HEADS


def adjectival_english(entry: Entry) -> str:
    """The entry's English when used as an adjective (« contexte géopolitique » → geopolitical)."""
    if entry.en_adj:
        return entry.en_adj
    return next((a for a in entry.en_aliases if a.lower().endswith(ADJECTIVAL_ENDINGS)), "")


_TOKENS = re.compile(r"(?:\w+['’](?=\w))|\w+['’]?|[^\w\s]")


def words_before(before: str) -> list[str]:
    """The words and punctuation of ``before``, lower case, an elided word split from the
    next (« d’un » → "d", "un"; « l’ » → "l"), so the word right before a term is seen."""
    return [t.lower().rstrip("'’") for t in _TOKENS.findall(before)]


def after_a_noun(before: str) -> bool:
    """Whether the word right before is a content word (no determiner, preposition or
    punctuation between): « contexte géopolitique », « mesure législative », not
    « d’un cessez-le-feu »."""
    words = words_before(before)
    return bool(words) and words[-1][:1].isalpha() and words[-1] not in FUNCTION_WORDS


def used_as_adjective(entry: Entry, before: str) -> bool:
    """``contexte géopolitique``: a one-word term right after a noun, not a determiner."""
    if is_name(entry) or " " in entry.fr or not adjectival_english(entry):
        return False
    return after_a_noun(before)


def occurrence_english(entry: Entry, french: str, adjective: bool, before: str = "") -> str:
    """The glossary's English for one French occurrence, in the occurrence's number
    (``before``: the sentence up to the occurrence, for its determiner)."""
    if adjective:
        return adjectival_english(entry)
    if len(french) > 1 and french.isupper() and french in entry.en_forms:
        return french  # an acronym English shares (« USA »): as written, not "United States"
    want_plural = occurrence_plural(french, before)
    if is_name(entry):
        named = english.of_longer_form(entry, french)
        # A title in the plural (« 14 premiers ministres »): its head word inflected.
        if (
            want_plural
            and _head(french).lower() != _head(entry.fr).lower()
            and not entry_plural(entry)
        ):
            return english.inflect(named, True)
        return named
    if want_plural == entry_plural(entry):
        return entry.en
    if want_plural and entry.en_plural:
        return entry.en_plural  # « les députés » → MPs, « des emplois » → jobs, « des aides » → aid
    wanted = english.inflect(entry.en, want_plural)
    alias = next((a for a in entry.en_aliases if a.lower() == wanted.lower()), None)
    return alias or wanted
