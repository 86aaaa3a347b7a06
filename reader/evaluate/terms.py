"""Term accuracy: how many of the glossary's French occurrences the English carries, and
which enforced terms are broken English.

For each sentence and entry, as many French occurrences as there are English ones count
as right (*lenient*: main English or any alias; *strict*: main English only; both with
English inflection). Enforced terms are also checked for what a count of English forms
cannot see (``broken_span``): a term whose English carries French (« Congrès Congress »),
or repeats the words beside it ("Vladimir Vladimir Putin"), or has a French form of the
entry right next to it. Such terms count as wrong, so term accuracy cannot read 100 %
over broken English.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from glossary import english
from glossary.match import find, fold
from glossary.model import Entry
from reader.translation import BlockTranslation, TermSpan


@dataclass(frozen=True)
class TermCounts:
    """Occurrences of glossary terms in the French, and how many the English carries."""

    occurrences: int = 0
    lenient: int = 0
    strict: int = 0

    def __add__(self, other: TermCounts) -> TermCounts:
        return TermCounts(
            self.occurrences + other.occurrences,
            self.lenient + other.lenient,
            self.strict + other.strict,
        )

    def as_json(self) -> dict[str, object]:
        n = self.occurrences
        return {
            "occurrences": n,
            "lenient": round(self.lenient / n, 4) if n else None,
            "strict": round(self.strict / n, 4) if n else None,
        }


def term_counts(
    entries: Sequence[Entry],
    pairs: Sequence[tuple[str, str]],
    broken: Sequence[Mapping[str, int]] | None = None,
) -> TermCounts:
    """Term accuracy over (French sentence, English sentence) pairs; ``broken``, per
    pair, how many of an entry's terms are broken English (they count as wrong)."""
    total = TermCounts()
    for i, (fr, en) in enumerate(pairs):
        found = find(entries, [(0, fr)])
        bad = broken[i] if broken is not None else {}
        for entry in entries:
            n = len(found[entry.key])
            if n:
                wrong = bad.get(entry.key, 0)
                lenient = max(0, min(n, len(english.spans(entry, en))) - wrong)
                strict = max(0, min(n, len(english.spans(entry, en, strict=True))) - wrong)
                total += TermCounts(n, lenient, strict)
    return total


_WORD = re.compile(r"[\w’'-]+")


def _english_words(entry: Entry) -> set[str]:
    return {fold(w) for form in entry.en_forms for w in _WORD.findall(form)}


def broken_span(entry: Entry, french: str, en: str, span: TermSpan) -> bool:
    """Whether an enforced term's English is broken: French inside it or beside it, or
    a word repeated across its edge. Leading capitalised words are fine where they are
    a first name taken from the French (« Donald Trump » → "Donald Trump")."""
    assert span.start is not None and span.end is not None
    text = en[span.start : span.end]
    hits = english.spans(entry, text)
    if not hits and entry.en_adj and entry.en_adj.lower() in text.lower():
        return False  # used as an adjective: its adjectival English (« mineurs grévistes »)
    if not hits:
        return True
    first, last = hits[0][0], hits[-1][1]
    english_words = _english_words(entry)
    main_french = {fold(w) for w in _WORD.findall(entry.fr)}
    french_sentence = {fold(w) for w in _WORD.findall(french)}
    for w in _WORD.findall(text[:first]):
        fw = fold(w)
        if not w[:1].isupper() or fw not in french_sentence or fw in main_french:
            return True  # « Congrès Congress »: the entry's own French kept in
    if text[last:].strip(" .,;:"):
        return True
    before = _WORD.findall(en[: span.start])[-1:]
    after = _WORD.findall(en[span.end :])[:1]
    inside = _WORD.findall(text)
    if before and inside and fold(before[0]) == fold(inside[0]):
        return True  # "Vladimir Vladimir Putin"
    if after and inside and fold(after[0]) == fold(inside[-1]):
        return True
    beside = [fold(w) for w in (*before, *after)]
    return any(w in main_french and w not in english_words for w in beside)


def broken_spans(
    entries: Sequence[Entry], french: Sequence[str], block: BlockTranslation
) -> list[dict[str, int]]:
    """Per sentence of ``block``, how many enforced terms of each entry are broken."""
    by_key = {e.key: e for e in entries}
    out: list[dict[str, int]] = []
    for i, (fr, en) in enumerate(zip(french, block.sentences, strict=True)):
        counts: dict[str, int] = {}
        for span in block.sentence_terms(i):
            entry = by_key.get(span.key)
            if span.status == "enforced" and entry is not None and span.start is not None:
                if broken_span(entry, fr, en, span):
                    counts[span.key] = counts.get(span.key, 0) + 1
        out.append(counts)
    return out
