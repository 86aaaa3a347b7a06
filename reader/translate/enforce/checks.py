"""Whether a re-translated sentence came out worse than the raw one around its terms.

Enforcement keeps the raw sentence (its missing terms flagged) when the English it got
back with stand-ins has French left in, or has lost words that the terms put in do not
account for (trial Q7: « est mis en examen » → "is formal investigation", « La taxe
foncière » → "The tax foncière"). ``reader eval`` counts the same two faults.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence

from glossary.match import fold

_WORD = re.compile(r"\w+(?:[-’']\w+)*")
Span = tuple[int, int]


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def blanked(text: str, spans: Sequence[Span]) -> str:
    """``text`` with ``spans`` (the terms put in) replaced by spaces."""
    chars = list(text)
    for a, b in spans:
        chars[a:b] = " " * (b - a)
    return "".join(chars)


def french_left(
    french: str,
    raw: str,
    raw_unknown: Sequence[Span],
    enforced: str,
    enforced_unknown: Sequence[Span],
    terms: Sequence[Span],
) -> bool:
    """Whether the enforced English has untranslated French the raw English did not: more
    unknown words, or a lower-case French word (four letters or more) outside the terms
    that the raw English had translated."""
    if len(enforced_unknown) > len(raw_unknown):
        return True
    raw_words = {fold(w) for w in words(raw)}
    outside = blanked(enforced, terms)
    for word in words(french):
        if len(word) > 3 and word.islower() and fold(word) not in raw_words:
            if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", outside):
                return True
    return False


def word_lost(raw: str, enforced: str, terms: Sequence[Span], french_sizes: Sequence[int]) -> bool:
    """Whether more of the raw English's words went missing than the terms put in account
    for: each term may take the place of as many words as its French has, plus one."""
    raw_words = [fold(w) for w in words(raw)]
    tokens: list[str] = []
    pos = 0
    for n, (a, b) in enumerate(sorted(terms)):
        tokens += [fold(w) for w in words(enforced[pos:a])]
        tokens.append(f"\0{n}")
        pos = b
    tokens += [fold(w) for w in words(enforced[pos:])]
    changed = plain = 0
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, raw_words, tokens).get_opcodes():
        if op != "equal":
            changed += i2 - i1
            plain += sum(1 for tok in tokens[j1:j2] if not tok.startswith("\0"))
    return changed - plain > sum(size + 1 for size in french_sizes)
