"""Scoring an engine's English, raw and with glossary enforcement, side by side.

Against a human reference (``NAME.en.txt`` by default, block for block; or, with
``--lines``, two files of aligned sentences): chrF, chrF++ and BLEU from sacrebleu
(``scores``), each block or line one segment. Then what enforcement did
(``segments``): how many segments it changed, how many got better or worse by
sentence chrF, and the share of names the English kept verbatim.

Always: term accuracy over the glossary's term occurrences (``terms``), the numbers
of flagged sentences (a failed term) and unknown words, and an audit of every term
enforcement put in (``audit``): whether the raw English already carried its sense,
whether the sentence around it broke (French left in, a word lost, the wrong number),
and whether the segment got worse. Such terms count as wrong in the enforced term
accuracy, so a forced term is never counted right where it did harm.
"""

from __future__ import annotations

from collections.abc import Sequence

from glossary.model import Entry
from reader.article import Article
from reader.evaluate.audit import Audit, audit_terms
from reader.evaluate.inputs import lines_article, lines_reference, load_reference
from reader.evaluate.scores import corpus_scores, segment_scores
from reader.evaluate.segments import change_counts, changes, names_kept, worst
from reader.evaluate.terms import TermCounts, broken_span, broken_spans, term_counts
from reader.translation import BlockTranslation

__all__ = [
    "broken_span",
    "broken_spans",
    "evaluate",
    "lines_article",
    "lines_reference",
    "load_reference",
    "measures",
    "term_counts",
]


def _pairs(
    article: Article, english_blocks: Sequence[BlockTranslation]
) -> list[list[tuple[str, str]]]:
    return [
        list(zip((s.text for s in b.sentences), e.sentences, strict=True))
        for b, e in zip(article.blocks, english_blocks, strict=True)
    ]


def _unknown(blocks: Sequence[BlockTranslation]) -> int:
    return sum(len(u) for b in blocks for u in b.unknown)


def measures(
    article: Article,
    english_blocks: Sequence[BlockTranslation],
    entries: Sequence[Entry],
    references: Sequence[str] | None,
    wrong: Sequence[Sequence[dict[str, int]]] | None = None,
    per_block: bool = True,
) -> tuple[dict[str, object], list[dict[str, object]]]:
    """The whole article's measures and (``per_block``) each block's.

    ``wrong``: per block, per sentence, how many terms of each entry count as wrong
    besides broken ones (enforced terms the audit found harmful).
    """
    pairs = _pairs(article, english_blocks)
    broken = [
        broken_spans(entries, [fr for fr, _ in p], b)
        for p, b in zip(pairs, english_blocks, strict=True)
    ]
    bad = broken if wrong is None else [_merged(k, w) for k, w in zip(broken, wrong, strict=True)]
    per_block_terms = [term_counts(entries, p, k) for p, k in zip(pairs, bad, strict=True)]
    per_block_broken = [sum(1 for c in k if c) for k in broken]
    whole: dict[str, object] = {
        **corpus_scores([b.text for b in english_blocks], references),
        "terms": sum(per_block_terms, TermCounts()).as_json(),
        "broken": sum(per_block_broken),
        "flagged": sum(b.flagged for b in english_blocks),
        "unknown": _unknown(english_blocks),
    }
    if not per_block:
        return whole, []
    blocks: list[dict[str, object]] = [
        {
            **segment_scores(b.text, references[i] if references is not None else None),
            "terms": per_block_terms[i].as_json(),
            "broken": per_block_broken[i],
            "flagged": b.flagged,
            "unknown": _unknown([b]),
        }
        for i, b in enumerate(english_blocks)
    ]
    return whole, blocks


def _merged(a: Sequence[dict[str, int]], b: Sequence[dict[str, int]]) -> list[dict[str, int]]:
    """Per sentence, the larger count of each entry (a term both broken and harmful is one)."""
    return [{k: max(x.get(k, 0), y.get(k, 0)) for k in {*x, *y}} for x, y in zip(a, b, strict=True)]


def evaluate(
    article: Article,
    engine: str,
    raw: Sequence[BlockTranslation],
    enforced: Sequence[BlockTranslation],
    entries: Sequence[Entry],
    references: Sequence[str] | None,
    reference: str | None,
    glossaries: Sequence[str],
    *,
    lines: bool = False,
    show_worst: int = 0,
) -> dict[str, object]:
    """The report: source, engine, reference, glossaries, ``raw`` and ``enforced``
    measures, ``changes``, ``names``, the ``forced`` terms' audit, ``worst`` changes,
    and (not with ``lines``) each block's measures."""
    french = [b.text for b in article.blocks]
    found = changes(french, [b.text for b in raw], [b.text for b in enforced], references)
    worse = {c.index for c in found if c.delta < 0}
    checked: Audit = audit_terms(article, raw, enforced, entries, worse)
    raw_whole, raw_blocks = measures(article, raw, entries, references, per_block=not lines)
    enf_whole, enf_blocks = measures(
        article, enforced, entries, references, checked.wrong, per_block=not lines
    )
    report: dict[str, object] = {
        "source": article.source,
        "engine": engine,
        "reference": reference,
        "glossaries": list(glossaries),
        "unit": "line" if lines else "block",
        "raw": raw_whole,
        "enforced": enf_whole,
        "changes": change_counts(found, len(article.blocks), references is not None),
        "names": {
            "raw": names_kept(article.blocks, [b.text for b in raw], references),
            "enforced": names_kept(article.blocks, [b.text for b in enforced], references),
        },
        "forced": checked.counts(),
        "worst": [c.as_json() for c in worst(found, show_worst)],
    }
    if not lines:
        report["blocks"] = [
            {"index": b.index, "raw": r, "enforced": e}
            for b, r, e in zip(article.blocks, raw_blocks, enf_blocks, strict=True)
        ]
    return report
