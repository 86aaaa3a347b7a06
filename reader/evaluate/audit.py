"""An audit of every term enforcement put into the English: was it needed, and did it harm?

For each enforced term (status ``enforced``) of each sentence:

- *already carried*: the raw English of that sentence already had the entry's English
  or one of its English aliases (the entry's listed synonyms): enforcement replaced
  English that carried the sense;
- *French left in*: the enforced sentence has untranslated words the raw one did not
  (more unknown-word spans, or a lower-case word of the French that the raw English
  had translated);
- *word lost*: more of the raw English's words went missing than the terms put in can
  account for (each term may take the place of its French words plus one);
- *wrong number*: the French occurrence is plural and the English put in is singular,
  or the other way round, where the entry has a form in the right number ("MP" for
  « députés » when the entry lists "MPs");
- *in a worse segment*: the segment got worse by sentence chrF (with a reference).

A term in a sentence that broke (French left in, word lost), of the wrong number, or in
a worse segment counts as wrong in the enforced term accuracy.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from glossary import english
from glossary.match import Found, PrefixIndex, is_name, sentence_occurrences
from glossary.model import Entry
from reader.article import Article
from reader.translate.enforce.checks import french_left, word_lost
from reader.translate.enforce.french import occurrence_plural
from reader.translation import BlockTranslation, TermSpan

_WORD = re.compile(r"\w+(?:[-’']\w+)*")


@dataclass
class Audit:
    """The audit's counts, and per block, per sentence, how many terms of each entry are wrong."""

    enforced: int = 0
    already_carried: int = 0
    french_left: int = 0
    word_lost: int = 0
    wrong_number: int = 0
    in_worse: int = 0
    harmful: int = 0
    wrong: list[list[dict[str, int]]] = field(default_factory=list)

    def counts(self) -> dict[str, object]:
        broke = self.french_left + self.word_lost + self.wrong_number
        return {
            "enforced": self.enforced,
            "already_carried": self.already_carried,
            "broke_grammar": broke,
            "french_left": self.french_left,
            "word_lost": self.word_lost,
            "wrong_number": self.wrong_number,
            "in_worse_segments": self.in_worse,
            "counted_wrong": self.harmful,
        }


def _plural_english(text: str) -> bool:
    last = text.split()[-1] if text.split() else ""
    if len(last) > 2 and last[:-1].isupper() and last.endswith("s"):
        return True  # MPs, MEPs
    return english.is_plural(text)


def wrong_number(entry: Entry, french: str, before: str, put_in: str) -> bool:
    """Whether ``put_in`` has the other number than the French occurrence, where the
    entry offers that English in the right number ("MP" for « députés » when it lists
    "MPs"), or names its plural and ``put_in`` is not it ("employments" for « emplois »
    when it says "jobs")."""
    if is_name(entry) or (entry.en_adj and put_in == entry.en_adj):
        return False
    wanted = occurrence_plural(french, before)
    if wanted and entry.en_plural:
        return put_in.lower() != entry.en_plural.lower()
    if _plural_english(put_in) == wanted:
        return False
    other = english.inflect(put_in, wanted).lower()
    return any(f.lower() == other for f in entry.en_forms)


def _start(t: TermSpan) -> int:
    return t.start or 0


def audit_terms(
    article: Article,
    raw: Sequence[BlockTranslation],
    enforced: Sequence[BlockTranslation],
    entries: Sequence[Entry],
    worse_segments: set[int],
) -> Audit:
    """The audit of every enforced term (see the module's docstring)."""
    out = Audit()
    by_key = {e.key: e for e in entries}
    index = PrefixIndex(entries) if entries else None
    for bi, (block, r, e) in enumerate(zip(article.blocks, raw, enforced, strict=True)):
        per_sentence: list[dict[str, int]] = []
        occurrences: list[list[Found]] | None = None
        for si, sentence in enumerate(block.sentences):
            spans = [t for t in e.sentence_terms(si) if t.status == "enforced" and t.key in by_key]
            wrong: dict[str, int] = {}
            per_sentence.append(wrong)
            if not spans:
                continue
            if occurrences is None:
                occurrences = sentence_occurrences(entries, block, index)
            found = occurrences[si]
            raw_en, enf_en = r.sentences[si], e.sentences[si]
            at = [(t.start or 0, t.end or 0) for t in spans]
            left = french_left(
                sentence.text, raw_en, r.sentence_unknown(si), enf_en, e.sentence_unknown(si), at
            )
            sizes = [len(_WORD.findall(sentence.text[f.start : f.end])) for f in found]
            lost = word_lost(raw_en, enf_en, at, sizes)
            pairs = _paired(spans, found)
            for span, f in pairs:
                entry = by_key[span.key]
                out.enforced += 1
                out.already_carried += bool(english.spans(entry, raw_en))
                number = f is not None and wrong_number(
                    entry,
                    sentence.text[f.start : f.end],
                    sentence.text[: f.start],
                    enf_en[span.start : span.end],
                )
                out.french_left += left
                out.word_lost += lost
                out.wrong_number += number
                out.in_worse += bi in worse_segments
                if left or lost or number or bi in worse_segments:
                    out.harmful += 1
                    wrong[span.key] = wrong.get(span.key, 0) + 1
        out.wrong.append(per_sentence)
    return out


def _paired(
    spans: Sequence[TermSpan], found: Sequence[Found]
) -> list[tuple[TermSpan, Found | None]]:
    """Each enforced span with its French occurrence (the n-th of its entry, in order)."""
    left: dict[str, list[Found]] = {}
    for f in found:
        left.setdefault(f.entry.key, []).append(f)
    out = []
    for span in sorted(spans, key=_start):
        queue = left.get(span.key, [])
        out.append((span, queue.pop(0) if queue else None))
    return out
