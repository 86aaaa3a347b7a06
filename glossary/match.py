"""Finding where entries occur: case-insensitive, accent-sensitive, across elision (l’, d’,
qu’), both apostrophes, plurals (s, x) and hyphenated or spaced compounds.

Accents distinguish words (« retraite » and « retraité », « côte », « côté » and « cote »),
so a lower-case letter must carry the form's accent; a capital may drop it, as French
capitals often do (« ETATS-UNIS », « l’Elysée »). No form matches inside a hyphenated
compound (« procès » in « procès-verbal »). Patterns run on the text itself, so offsets
are offsets in the original; ``fold`` (same length, no accents) serves indexes and keys.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from glossary.model import Entry, Occurrence
from reader.article import Block

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


def key_of(text: str) -> str:
    """A grouping key: folded, without elision, each word without a plural -s/-x.

    « droits de douane » and « droit de douane » share one key; so do « l’OTAN » and « OTAN ».
    """
    words = re.split(r"[\s\-]+", fold(strip_elision(text)).strip(' .,;:!?«»"()'))
    return " ".join(w[:-1] if len(w) > 3 and w[-1] in "sx" else w for w in words if w)


def _base(c: str) -> str:
    """A lower-case letter without its accent (é → e)."""
    return unicodedata.normalize("NFD", c)[0]


@lru_cache(maxsize=1)
def _accented() -> dict[str, str]:
    """For each unaccented lower-case letter, its accented forms in both cases."""
    out: dict[str, str] = {}
    for code in range(0xC0, 0x250):
        c = chr(code)
        if c.isalpha() and len(c.lower()) == 1 and c.lower() != _base(c.lower()):
            base = _base(c.lower())
            if base.isascii():
                out[base] = out.get(base, "") + c
    return out


@lru_cache(maxsize=1024)
def _char(c: str) -> str:
    """A pattern for one character of a form, accent-sensitive.

    A letter matches itself in either case (« OTAN », « Otan »); an accented letter
    also matches its capital without the accent, which French often drops (« ETATS-UNIS »,
    « l'Elysée »). A lower-case letter never matches another accent: « retraite » is
    not « retraité », nor « côte » « côté » or « cote », nor « a » « à ». A capital
    written without its accent in a form matches any accent.
    """
    if c in _APOSTROPHES:
        return "['’ʼ‘`´]"
    if c in _HYPHENS:
        return "[‐‑–-]"
    low, up = c.lower(), c.upper()
    if not c.isalpha() or len(low) != 1 or len(up) != 1:
        return re.escape(c)
    chars = {low, up}
    base = _base(low)
    if base != low:
        chars.add(base.upper())
    elif c.isupper():
        chars.update(_accented().get(low, ""))
    return "[" + "".join(sorted(chars)) + "]"


def _literal(text: str) -> str:
    return "".join(_char(c) for c in text)


def _word_pattern(word: str, plural: bool) -> str:
    """A word that also matches its singular or plural: droit/droits, arsenal/arsenaux."""
    lower = word.lower()
    if not plural or not word.isalpha() or len(word) <= 3:
        return _literal(word)
    if lower.endswith("aux"):
        return _literal(word[:-3]) + "(?:[aA][lL]|[aA][uU][xX])"
    if lower.endswith("al"):
        return _literal(word[:-2]) + "(?:[aA][lL]|[aA][uU][xX])"
    stem = word[:-1] if lower[-1] in "sx" else word
    return _literal(stem) + "(?:[sS]|[xX])?"


def form_pattern(form: str, plural: bool = True) -> str:
    words = re.split(rf"[\s{_HYPHENS}]+", strip_elision(form).strip())
    # words of a compound may be joined by spaces or hyphens: Maison Blanche / Maison-Blanche
    return r"[\s‐‑–-]+".join(_word_pattern(w, plural) for w in words if w)


# Never inside a hyphenated compound: « procès » is no term in « procès-verbal ».
_BEFORE = rf"(?<!\w)(?<!\w[{_HYPHENS}])"
_AFTER = rf"(?!\w)(?![{_HYPHENS}]\w)"


@lru_cache(maxsize=2048)
def compile_forms(forms: tuple[str, ...], plural: bool = True) -> re.Pattern[str] | None:
    patterns = sorted({form_pattern(f, plural) for f in forms if f.strip()}, key=len, reverse=True)
    patterns = [p for p in patterns if p]
    if not patterns:
        return None
    return re.compile(rf"{_BEFORE}(?:{'|'.join(patterns)}){_AFTER}")


_WORD = re.compile(r"\w+")
HEAD = 6


def _stem(word: str) -> str:
    """What every inflection ``_word_pattern`` allows for ``word`` starts with."""
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("aux"):
        return word[:-3]
    if word.endswith("al"):
        return word[:-2]
    return word[:-1] if word[-1] in "sx" else word


@lru_cache(maxsize=4096)
def heads(forms: tuple[str, ...]) -> frozenset[str]:
    """For each form, the start (up to HEAD letters) of its longest word's stem: a word
    of the text starting with it is needed for the form to match.

    A cheap index before the regexes: per block, only the entries one of whose heads
    starts a word of the block are searched, so a glossary of hundreds of entries
    costs little more than a small one.
    """
    out = set()
    for form in forms:
        words = _WORD.findall(fold(strip_elision(form)))
        if words:
            out.add(_stem(max(words, key=len))[:HEAD])
    return frozenset(out)


def _candidates(folded: str, index: dict[str, list[int]]) -> list[int]:
    """Entries (by position) whose head starts one of the words of ``folded``."""
    found: set[int] = set()
    for word in set(_WORD.findall(folded)):
        for n in range(1, min(len(word), HEAD) + 1):
            found.update(index.get(word[:n], ()))
    return sorted(found)


_NAME_PARTICLES = frozenset("le la les de du des d' d’ van von der den di da del dos ben".split())
_CAPITALISED_BEFORE = re.compile(r"(?<![\w'’-])(?:[A-ZÀ-ÖØ-Þ][\w'’-]*[ \t]+)+$")


def inside_name(text: str, start: int) -> bool:
    """Whether a capitalised word at ``start`` continues a personal name: capitalised
    words right before it, other than name particles (« Bruno Le Maire », « Selon Le
    Monde »). A sentence's own first word (« Le Maire a dit ») is not enough."""
    if not text[start : start + 1].isupper():
        return False
    m = _CAPITALISED_BEFORE.search(text, max(0, start - 80), start)
    if m is None:
        return False
    return any(w.lower() not in _NAME_PARTICLES for w in m.group(0).split())


def _matches(pattern: re.Pattern[str], text: str, proper: bool) -> Iterable[tuple[int, int]]:
    pos = 0
    while (m := pattern.search(text, pos)) is not None:
        if proper and not text[m.start()].isupper():
            pos = m.start() + 1  # a shorter form may still start inside the rejected match
            continue
        if not proper and inside_name(text, m.start()):
            pos = m.start() + 1  # « maire » is no term inside « Bruno Le Maire »
            continue
        yield m.start(), m.end()
        pos = m.end()


def _is_proper(form: str) -> bool:
    return bool(form) and form[0].isupper()


def _patterns(entry: Entry, english: bool) -> tuple[tuple[re.Pattern[str] | None, bool], ...]:
    """The entry's patterns, each with whether it needs a capital in the text.

    French: each form by its own case, so « PIB » needs its capitals but its alias
    « produit intérieur brut » matches as written; a form holding a capital under a
    capitalised entry is a name. English keeps the main form's case.
    """
    if english:
        return ((compile_forms(entry.en_forms), _is_proper(entry.en)),)
    named = _is_proper(entry.fr)
    # « président Donald Trump » holds a name: matched as one, like its entry « Trump ».
    proper = tuple(
        f
        for f in entry.forms
        if _is_proper(strip_elision(f)) or (named and any(c.isupper() for c in f))
    )
    common = tuple(f for f in entry.forms if f not in proper)
    return ((compile_forms(proper), True), (compile_forms(common), False))


def _entry_matches(
    patterns: Sequence[tuple[re.Pattern[str] | None, bool]], text: str
) -> list[tuple[int, int]]:
    spans = [
        span
        for pattern, proper in patterns
        if pattern is not None
        for span in _matches(pattern, text, proper)
    ]
    if len(patterns) == 1:
        return spans
    kept: list[tuple[int, int]] = []
    for a, b in sorted(spans, key=lambda s: (s[0], s[0] - s[1])):
        if not kept or a >= kept[-1][1]:  # an entry's own forms never overlap: longest first
            kept.append((a, b))
    return kept


def find(
    entries: Sequence[Entry], texts: Iterable[tuple[int, str]], english: bool = False
) -> dict[str, list[Occurrence]]:
    """Occurrences of each entry in ``texts`` ((block, text) pairs), entry by entry.

    An entry's own forms do not overlap (the longest wins: ``Vladimir Poutine`` is one
    occurrence, not two), but entries are independent: ``OTAN`` also occurs inside
    ``adhésion à l’OTAN``. Case: a capitalised form only matches capitalised text, so
    ``Ukrainiens`` does not match the adjective ``ukrainien``; a common form does not
    match a capitalised word that continues a name (``maire`` in ``Bruno Le Maire``).
    """
    compiled = [(e.key, _patterns(e, english)) for e in entries]
    index: dict[str, list[int]] = {}
    for i, e in enumerate(entries):
        for head in heads(e.en_forms if english else e.forms):
            index.setdefault(head, []).append(i)
    found: dict[str, list[Occurrence]] = {e.key: [] for e in entries}
    for block, text in texts:
        folded = fold(text)
        for i in _candidates(folded, index):
            key, patterns = compiled[i]
            found[key].extend(Occurrence(block, a, b) for a, b in _entry_matches(patterns, text))
    return found


def is_name(entry: Entry) -> bool:
    """A name: capitalised in French and in English (« Poutine » → "Putin")."""
    return entry.fr[:1].isupper() and entry.en[:1].isupper()


# ---------------------------------------------------------------- occurrences per sentence


@dataclass(frozen=True)
class Found:
    """One occurrence of an entry in a sentence's French: characters ``start:end`` of the sentence."""

    entry: Entry
    start: int
    end: int
    adjective: bool = False
    """Used as an adjective (« contexte géopolitique »): its adjectival English goes in."""


class PrefixIndex:
    """Entries by the first three letters of their forms' first words (folded).

    The French matcher's plural rules only change a word's last letters, so an entry
    can only occur in a block holding a word that starts like one of its forms: a
    book's blocks are matched against a handful of entries, not the whole glossary.
    """

    def __init__(self, entries: Sequence[Entry]) -> None:
        self._by_prefix: dict[str, list[Entry]] = {}
        for entry in entries:
            for form in entry.forms:
                words = _WORD.findall(fold(strip_elision(form)))
                if words:
                    bucket = self._by_prefix.setdefault(words[0][:3], [])
                    if entry not in bucket:
                        bucket.append(entry)

    def candidates(self, text: str) -> list[Entry]:
        prefixes = {w[:3] for w in _WORD.findall(fold(text))}
        seen: dict[str, Entry] = {}
        for prefix in prefixes & self._by_prefix.keys():
            for entry in self._by_prefix[prefix]:
                seen.setdefault(entry.key, entry)
        return list(seen.values())


def sentence_occurrences(
    entries: Sequence[Entry], block: Block, index: PrefixIndex | None = None
) -> list[list[Found]]:
    """Per sentence of ``block``, the outermost term occurrences (the longest entry wins)."""
    entries = index.candidates(block.text) if index is not None else entries
    found = find(entries, [(block.index, block.text)])
    by_key = {e.key: e for e in entries}
    spans = sorted(
        ((o.start, o.end, by_key[key]) for key, occ in found.items() for o in occ),
        key=lambda t: (t[0], -(t[1] - t[0])),
    )
    kept: list[tuple[int, int, Entry]] = []
    for start, end, entry in spans:
        if kept and start < kept[-1][1]:
            continue
        kept.append((start, end, entry))
    kept = [(_widened(block.text, start, entry, kept), end, entry) for start, end, entry in kept]
    out: list[list[Found]] = [[] for _ in block.sentences]
    for start, end, entry in kept:
        for i, s in enumerate(block.sentences):
            if s.start <= start and end <= s.end:
                out[i].append(Found(entry, start - s.start, end - s.start))
                break
    return out


def _widened(text: str, start: int, entry: Entry, kept: Sequence[tuple[int, int, Entry]]) -> int:
    """Where a name's occurrence starts once the French words right before it that
    begin its English are taken in: « Vladimir » before « Poutine » when the English is
    "Vladimir Putin", so the English is put in once, not after a second « Vladimir »."""
    if not is_name(entry):
        return start
    words = entry.en.split()[:-1]
    before = fold(text[:start])
    for k in range(len(words), 0, -1):
        m = re.search(
            r"(?<!\w)" + r"\s+".join(re.escape(fold(w)) for w in words[:k]) + r"\s+$", before
        )
        if m is not None and not any(a < start and m.start() < b for a, b, _ in kept if a != start):
            return m.start()
    return start
