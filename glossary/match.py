"""Finding where entries occur: accent- and case-insensitive, across elision (l’, d’, qu’),
both apostrophes, plurals (s, x) and hyphenated or spaced compounds.

Texts are folded character for character (same length), so offsets found in the
folded text are offsets in the original.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache

from glossary.model import Entry, Occurrence

_APOSTROPHES = "’'ʼ‘`´"
_HYPHENS = "‐‑–-"  # hyphen-minus last, so it is literal inside [...]
ELISIONS = ("l", "d", "qu", "jusqu", "lorsqu", "puisqu", "s", "n", "c", "j", "m", "t")
_ELIDED = re.compile(rf"^(?:{'|'.join(ELISIONS)})'", re.IGNORECASE)


@lru_cache(maxsize=4096)
def _fold_char(c: str) -> str:
    if c in _APOSTROPHES:
        return "'"
    if c in _HYPHENS:
        return "-"
    base = unicodedata.normalize("NFD", c)[0].lower()
    return base if len(base) == 1 else c


def fold(text: str) -> str:
    """Lower case, no accents, one apostrophe and one hyphen; the same length as ``text``."""
    if text.isascii():
        return text.lower().replace("`", "'")
    return "".join(_fold_char(c) for c in text)


def strip_elision(form: str) -> str:
    """``l’OTAN`` → ``OTAN``: the article is matched by the word boundary, not the form."""
    folded = fold(form)
    match = _ELIDED.match(folded)
    return form[match.end() :] if match else form


def _word_pattern(word: str, plural: bool) -> str:
    """A word that also matches its singular or plural: droit/droits, arsenal/arsenaux."""
    if not plural or not word.isalpha() or len(word) <= 3:
        return re.escape(word)
    if word.endswith("aux"):
        return re.escape(word[:-3]) + "(?:al|aux)"
    if word.endswith("al"):
        return re.escape(word[:-2]) + "(?:al|aux)"
    stem = word[:-1] if word[-1] in "sx" else word
    return re.escape(stem) + "(?:s|x)?"


def form_pattern(form: str, plural: bool = True) -> str:
    words = re.split(rf"[\s{_HYPHENS}]+", fold(strip_elision(form)).strip())
    # words of a compound may be joined by spaces or hyphens: Maison Blanche / Maison-Blanche
    return r"[\s\-]+".join(_word_pattern(w, plural) for w in words if w)


@lru_cache(maxsize=2048)
def compile_forms(forms: tuple[str, ...], plural: bool = True) -> re.Pattern[str] | None:
    patterns = sorted({form_pattern(f, plural) for f in forms if f.strip()}, key=len, reverse=True)
    patterns = [p for p in patterns if p]
    if not patterns:
        return None
    return re.compile(rf"(?<![\w])(?:{'|'.join(patterns)})(?![\w])")


def _matches(
    pattern: re.Pattern[str], folded: str, text: str, proper: bool
) -> Iterable[tuple[int, int]]:
    pos = 0
    while (m := pattern.search(folded, pos)) is not None:
        if proper and not text[m.start()].isupper():
            pos = m.start() + 1  # a shorter form may still start inside the rejected match
            continue
        yield m.start(), m.end()
        pos = m.end()


def _is_proper(form: str) -> bool:
    return bool(form) and form[0].isupper()


def find(
    entries: Sequence[Entry], texts: Iterable[tuple[int, str]], english: bool = False
) -> dict[str, list[Occurrence]]:
    """Occurrences of each entry in ``texts`` ((block, text) pairs), entry by entry.

    An entry's own forms do not overlap (the longest wins: ``Vladimir Poutine`` is one
    occurrence, not two), but entries are independent: ``OTAN`` also occurs inside
    ``adhésion à l’OTAN``. Case: an entry whose main form is capitalised only matches
    capitalised text, so ``Ukrainiens`` does not match the adjective ``ukrainien``.
    """
    compiled = [
        (
            e.key,
            compile_forms(e.en_forms if english else e.forms),
            _is_proper(e.en if english else e.fr),
        )
        for e in entries
    ]
    found: dict[str, list[Occurrence]] = {e.key: [] for e in entries}
    for block, text in texts:
        folded = fold(text)
        for key, pattern, proper in compiled:
            if pattern is not None:
                found[key].extend(
                    Occurrence(block, a, b) for a, b in _matches(pattern, folded, text, proper)
                )
    return found
