"""Finding a glossary entry's English in English text, by English rules.

The French matcher's plural rules (-s/-x, -al/-aux) are wrong for English: "deal"
must also match "deals", "tax" "taxes", "policy" "policies". Here the head word
of each English form (the last word, and the word before "of" in "X of Y") matches
its singular and its plural; irregular plurals come from the entry's ``en_aliases``.
Case-insensitive, except that English every form of which is capitalised (a name)
only matches capitalised text. Offsets are offsets in the original text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache

from glossary.match import fold
from glossary.model import Entry, Occurrence

_SIBILANT = ("s", "x", "z", "ch", "sh")
_VOWELS = "aeiou"


def plural(word: str) -> str:
    """The regular English plural: deal → deals, tax → taxes, policy → policies."""
    lower = word.lower()
    if lower.endswith("sis") and len(word) > 4:
        return word[:-2] + ("ES" if word.isupper() else "es")  # crisis → crises
    if lower.endswith("y") and len(word) > 1 and lower[-2] not in _VOWELS:
        return word[:-1] + ("IES" if word.isupper() else "ies")
    if lower.endswith(_SIBILANT):
        return word + ("ES" if word.isupper() else "es")
    return word + ("S" if word.isupper() else "s")


def singular(word: str) -> str:
    """The regular English singular of a plural (tariffs → tariff); other words unchanged."""
    lower = word.lower()
    if lower.endswith("ies") and len(word) > 4:
        return word[:-3] + ("Y" if word.isupper() else "y")
    if lower.endswith("es") and lower[:-2].endswith(_SIBILANT) and len(word) > 4:
        return word[:-2]
    if lower.endswith("s") and not lower.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def _head_indexes(words: Sequence[str]) -> set[int]:
    lowered = [w.lower() for w in words]
    if "of" in lowered[1:]:
        return {lowered.index("of", 1) - 1}  # rules of origin, not rule of origins
    return {len(words) - 1}


def inflect(phrase: str, plural_form: bool) -> str:
    """``phrase`` with its head word(s) made plural or singular: drone strike ⇄ drone strikes."""
    words = phrase.split(" ")
    heads = _head_indexes(words)
    change = plural if plural_form else singular
    return " ".join(
        _inflect_word(w, change, plural_form) if i in heads else w for i, w in enumerate(words)
    )


def _acronym(word: str) -> bool:
    """MP, MPs, NGO: capitals, perhaps a plural -s."""
    core = word[:-1] if word.endswith("s") else word
    return len(core) > 1 and core.isalpha() and core.isupper()


def _inflect_word(word: str, change: Callable[[str], str], plural_form: bool) -> str:
    if _acronym(word):
        core = word[:-1] if word.endswith("s") else word
        return core + "s" if plural_form else core  # MP ⇄ MPs
    if not word.isalpha() or len(word) < 2:
        return word
    if plural_form and singular(word) != word:
        return word  # already plural
    return change(word)


def is_plural(phrase: str) -> bool:
    words = phrase.split(" ")
    head = words[max(_head_indexes(words))] if words else ""
    if _acronym(head):
        return head.endswith("s")
    return head.isalpha() and singular(head) != head and len(head) > 3


def _word_pattern(word: str) -> str:
    if not word.isalpha() or len(word) < 3 or word.isupper():
        return re.escape(word)
    forms = {word, singular(word), plural(singular(word))}
    return "(?:" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)) + ")"


def form_pattern(form: str) -> str:
    words = [w for w in re.split(r"[\s\-‐‑–]+", fold(form).strip()) if w]
    heads = _head_indexes(words)
    return r"[\s\-]+".join(
        _word_pattern(w) if i in heads else re.escape(w) for i, w in enumerate(words)
    )


@lru_cache(maxsize=4096)
def compile_forms(forms: tuple[str, ...]) -> re.Pattern[str] | None:
    patterns = sorted({form_pattern(f) for f in forms if f.strip()}, key=len, reverse=True)
    if not patterns:
        return None
    return re.compile(rf"(?<![\w])(?:{'|'.join(patterns)})(?![\w])")


def _is_proper(form: str) -> bool:
    return bool(form) and form[0].isupper()


def matcher(entry: Entry, strict: bool = False) -> re.Pattern[str] | None:
    """The entry's English pattern: main English only (strict) or with its aliases."""
    return compile_forms((entry.en,) if strict else entry.en_forms)


def spans(
    entry: Entry,
    text: str,
    strict: bool = False,
    folded: str | None = None,
    *,
    exact_case: bool = False,
    any_case: bool = False,
) -> list[tuple[int, int]]:
    """Non-overlapping spans of ``entry``'s English in ``text``, left to right.

    A hit must start with a capital where every form does (a name: "Putin"); a form in
    lower case ("deputies" beside "MP") is found in lower case. ``exact_case``: each
    word a form capitalises must be capitalised in the text too ("European central
    Bank" is not "European Central Bank"; "Prime minister" not "Prime Minister").
    ``any_case``: capitals are not looked at at all.
    """
    pattern = matcher(entry, strict)
    if pattern is None:
        return []
    folded = fold(text) if folded is None else folded
    forms = (entry.en,) if strict else entry.en_forms
    proper = not any_case and all(_is_proper(f) for f in forms)
    exact_case = exact_case and not any_case
    out: list[tuple[int, int]] = []
    pos = 0
    while (m := pattern.search(folded, pos)) is not None:
        if (proper and not text[m.start()].isupper()) or (
            exact_case and not _same_capitals(text[m.start() : m.end()], forms)
        ):
            pos = m.start() + 1
            continue
        out.append((m.start(), m.end()))
        pos = m.end()
    return out


_SPLIT = re.compile(r"[\s\-‐‑–]+")


def _same_capitals(found: str, forms: Sequence[str]) -> bool:
    """Whether some form of as many words capitalises no word that ``found`` does not (and
    writes no word in capitals that ``found`` does not: "Nato" is not "NATO")."""
    words = _SPLIT.split(found)
    for form in forms:
        wanted = _SPLIT.split(form)
        if len(wanted) == len(words) and all(
            (not w[:1].isupper() or t[:1].isupper())
            and (not (w.isupper() and len(w) > 1) or t[: len(w)].isupper())
            for w, t in zip(wanted, words, strict=True)
        ):
            return True
    return not any(len(_SPLIT.split(f)) == len(words) for f in forms)


def find(
    entries: Sequence[Entry], texts: Iterable[tuple[int, str]], strict: bool = False
) -> dict[str, list[Occurrence]]:
    """Occurrences of each entry's English in ``texts`` ((block, text) pairs)."""
    found: dict[str, list[Occurrence]] = {e.key: [] for e in entries}
    for block, text in texts:
        folded = fold(text)
        for entry in entries:
            found[entry.key].extend(
                Occurrence(block, a, b) for a, b in spans(entry, text, strict, folded)
            )
    return found


def of_longer_form(entry: Entry, french: str, *, names_only: bool = False) -> str:
    """The English of a longer French form of ``entry`` (« Vladimir Poutine » around
    « Poutine »): an English form as many words long ("Vladimir Putin"), else the form's
    leading capitalised words — a first name — before the entry's English, never twice.

    Only a form that *ends* with the entry's French lends words: « Congrès américain »
    around « Congrès » lends nothing ("Congress", never "Congrès Congress").
    ``names_only``: lend them only when the entry itself is a name (capitalised in both).
    """
    words = french.split()
    same_length = [f for f in entry.en_forms if len(f.split()) == len(words) and entry.en in f]
    if same_length:
        return same_length[0]
    main = entry.fr.split()
    extra = len(words) - len(main)
    named = entry.fr[:1].isupper() and entry.en[:1].isupper()
    if (
        (named or not names_only)
        and extra > 0
        and [fold(w) for w in words[extra:]] == [fold(w) for w in main]
        and all(w[:1].isupper() for w in words[:extra])
    ):
        prefix = words[:extra]
        if [fold(w) for w in entry.en.split()[:extra]] == [fold(w) for w in prefix]:
            return entry.en  # the English already starts with the first name
        return " ".join([*prefix, entry.en])
    return entry.en
