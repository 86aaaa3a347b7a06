"""Segment by segment (a block, or a line with ``--lines``): which ones enforcement changed,
whether each got better or worse by sentence chrF, and how many names the English kept.

Names kept: in each French sentence, the capitalised words after its first word that
the reference has verbatim (a whole, case-sensitive word: « Obama », « Brennan »,
« UMP »); of those, the share the English also has verbatim. The sentence's first word
is left out, since any word is capitalised there.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from reader.article import Block
from reader.evaluate.scores import segment_chrf

_WORD = re.compile(r"\w+(?:-\w+)*")


@dataclass(frozen=True)
class Change:
    """A segment whose English enforcement changed, with both sentence chrFs."""

    index: int
    french: str
    raw: str
    enforced: str
    reference: str | None
    raw_chrf: float | None
    enforced_chrf: float | None

    @property
    def delta(self) -> float:
        if self.raw_chrf is None or self.enforced_chrf is None:
            return 0.0
        return self.enforced_chrf - self.raw_chrf

    def as_json(self) -> dict[str, object]:
        return {
            "index": self.index,
            "fr": self.french,
            "raw": self.raw,
            "enforced": self.enforced,
            "reference": self.reference,
            "raw_chrf": None if self.raw_chrf is None else round(self.raw_chrf, 2),
            "enforced_chrf": None if self.enforced_chrf is None else round(self.enforced_chrf, 2),
        }


def changes(
    french: Sequence[str],
    raw: Sequence[str],
    enforced: Sequence[str],
    references: Sequence[str] | None,
) -> list[Change]:
    """The segments whose enforced English differs from the raw, in order."""
    changed = [i for i, (r, e) in enumerate(zip(raw, enforced, strict=True)) if r != e]
    if references is None:
        return [Change(i, french[i], raw[i], enforced[i], None, None, None) for i in changed]
    refs = [references[i] for i in changed]
    before = segment_chrf([raw[i] for i in changed], refs)
    after = segment_chrf([enforced[i] for i in changed], refs)
    return [
        Change(i, french[i], raw[i], enforced[i], references[i], b, a)
        for i, b, a in zip(changed, before, after, strict=True)
    ]


def change_counts(found: Sequence[Change], segments: int, scored: bool) -> dict[str, float | None]:
    """How many segments changed, and (with a reference) how many got better or worse."""
    worse = sum(1 for c in found if c.delta < 0)
    better = sum(1 for c in found if c.delta > 0)
    return {
        "segments": segments,
        "changed": len(found),
        "better": better if scored else None,
        "worse": worse if scored else None,
        "worse_share": round(worse / len(found), 4) if scored and found else None,
    }


def worst(found: Sequence[Change], n: int) -> list[Change]:
    """The ``n`` changes that lost the most sentence chrF, worst first (only those that lost)."""
    losing = sorted((c for c in found if c.delta < 0), key=lambda c: (c.delta, c.index))
    return losing[:n]


def name_words(sentence: str) -> set[str]:
    """Capitalised words of a French sentence after its first word."""
    words = _WORD.findall(sentence)
    return {w for w in words[1:] if w[:1].isupper()}


def _has_word(text: str, word: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text) is not None


def names_kept(
    blocks: Sequence[Block], english: Sequence[str], references: Sequence[str] | None
) -> dict[str, float | None] | None:
    """Names the reference keeps verbatim, and how many of them ``english`` keeps."""
    if references is None:
        return None
    names = kept = 0
    for block, hypothesis, reference in zip(blocks, english, references, strict=True):
        for sentence in block.sentences:
            for word in name_words(sentence.text):
                if _has_word(reference, word):
                    names += 1
                    kept += _has_word(hypothesis, word)
    return {"names": names, "kept": kept, "share": round(kept / names, 4) if names else None}


def lost_names(
    blocks: Sequence[Block], english: Sequence[str], references: Sequence[str]
) -> list[tuple[int, str]]:
    """(segment, word) for each name the reference keeps and ``english`` does not."""
    out = []
    for block, hypothesis, reference in zip(blocks, english, references, strict=True):
        for sentence in block.sentences:
            for word in sorted(name_words(sentence.text)):
                if _has_word(reference, word) and not _has_word(hypothesis, word):
                    out.append((block.index, word))
    return out
