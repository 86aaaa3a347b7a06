"""Scoring an engine's English, raw and with glossary enforcement, side by side.

Against a human reference (``NAME.en.txt`` by default, block for block): chrF,
chrF++ and BLEU from sacrebleu, each block one segment. Always: term accuracy over
the glossary's term occurrences — for each sentence and entry, as many French
occurrences as there are English ones count as right (*lenient*: main English or
any alias; *strict*: main English only; both with English inflection) — and the
numbers of flagged sentences (a failed term) and unknown words.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from glossary import english
from glossary.match import find
from glossary.model import Entry
from reader import article as article_model
from reader.article import Article
from reader.errors import InputError
from reader.translation import BlockTranslation


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

    def as_json(self) -> dict:
        n = self.occurrences
        return {
            "occurrences": n,
            "lenient": round(self.lenient / n, 4) if n else None,
            "strict": round(self.strict / n, 4) if n else None,
        }


def term_counts(entries: Sequence[Entry], pairs: Sequence[tuple[str, str]]) -> TermCounts:
    """Term accuracy over (French sentence, English sentence) pairs."""
    total = TermCounts()
    for fr, en in pairs:
        found = find(entries, [(0, fr)])
        for entry in entries:
            n = len(found[entry.key])
            if n:
                lenient = min(n, len(english.spans(entry, en)))
                strict = min(n, len(english.spans(entry, en, strict=True)))
                total += TermCounts(n, lenient, strict)
    return total


def _pairs(
    article: Article, english_blocks: Sequence[BlockTranslation]
) -> list[list[tuple[str, str]]]:
    return [
        list(zip((s.text for s in b.sentences), e.sentences, strict=True))
        for b, e in zip(article.blocks, english_blocks, strict=True)
    ]


def load_reference(article: Article, path: Path) -> list[str]:
    """The reference's blocks; it must follow the article block for block."""
    reference = article_model.load(path)
    if len(reference.blocks) != len(article.blocks):
        raise InputError(
            f"{path}: has {len(reference.blocks)} blocks but the article has "
            f"{len(article.blocks)}; it must follow the article block for block"
        )
    return [b.text for b in reference.blocks]


def _scores(hypotheses: Sequence[str], references: Sequence[str] | None) -> dict:
    if references is None:
        return {"chrf": None, "chrf++": None, "bleu": None}
    from sacrebleu.metrics import BLEU, CHRF

    refs = [list(references)]
    return {
        "chrf": round(CHRF().corpus_score(list(hypotheses), refs).score, 2),
        "chrf++": round(CHRF(word_order=2).corpus_score(list(hypotheses), refs).score, 2),
        "bleu": round(BLEU().corpus_score(list(hypotheses), refs).score, 2),
    }


def _block_scores(hypothesis: str, reference: str | None) -> dict:
    if reference is None:
        return {"chrf": None, "chrf++": None, "bleu": None}
    from sacrebleu.metrics import BLEU, CHRF

    return {
        "chrf": round(CHRF().sentence_score(hypothesis, [reference]).score, 2),
        "chrf++": round(CHRF(word_order=2).sentence_score(hypothesis, [reference]).score, 2),
        "bleu": round(BLEU(effective_order=True).sentence_score(hypothesis, [reference]).score, 2),
    }


def _unknown(blocks: Sequence[BlockTranslation]) -> int:
    return sum(len(u) for b in blocks for u in b.unknown)


def measures(
    article: Article,
    english_blocks: Sequence[BlockTranslation],
    entries: Sequence[Entry],
    references: Sequence[str] | None,
) -> tuple[dict, list[dict]]:
    """The whole article's M and each block's M (see ``evaluate``)."""
    pairs = _pairs(article, english_blocks)
    per_block_terms = [term_counts(entries, p) for p in pairs]
    whole = {
        **_scores([b.text for b in english_blocks], references),
        "terms": sum(per_block_terms, TermCounts()).as_json(),
        "flagged": sum(b.flagged for b in english_blocks),
        "unknown": _unknown(english_blocks),
    }
    blocks = [
        {
            **_block_scores(b.text, references[i] if references is not None else None),
            "terms": per_block_terms[i].as_json(),
            "flagged": b.flagged,
            "unknown": _unknown([b]),
        }
        for i, b in enumerate(english_blocks)
    ]
    return whole, blocks


def evaluate(
    article: Article,
    engine: str,
    raw: Sequence[BlockTranslation],
    enforced: Sequence[BlockTranslation],
    entries: Sequence[Entry],
    reference: Path | None,
    glossaries: Sequence[str],
) -> dict:
    """The report: ``{"source", "engine", "reference", "glossaries", "raw", "enforced", "blocks"}``."""
    references = load_reference(article, reference) if reference is not None else None
    raw_whole, raw_blocks = measures(article, raw, entries, references)
    enf_whole, enf_blocks = measures(article, enforced, entries, references)
    return {
        "source": article.source,
        "engine": engine,
        "reference": str(reference) if reference is not None else None,
        "glossaries": list(glossaries),
        "raw": raw_whole,
        "enforced": enf_whole,
        "blocks": [
            {"index": b.index, "raw": r, "enforced": e}
            for b, r, e in zip(article.blocks, raw_blocks, enf_blocks, strict=True)
        ],
    }
