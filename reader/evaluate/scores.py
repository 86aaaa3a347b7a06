"""sacrebleu's chrF, chrF++ and BLEU with their default settings, for a corpus and for one segment."""

from __future__ import annotations

from collections.abc import Sequence

METRICS = ("chrf", "chrf++", "bleu")


def corpus_scores(
    hypotheses: Sequence[str], references: Sequence[str] | None
) -> dict[str, float | None]:
    """Corpus chrF, chrF++ and BLEU (each segment one hypothesis), None without a reference."""
    if references is None:
        return dict.fromkeys(METRICS)
    from sacrebleu.metrics import BLEU, CHRF

    refs = [list(references)]
    return {
        "chrf": round(CHRF().corpus_score(list(hypotheses), refs).score, 2),
        "chrf++": round(CHRF(word_order=2).corpus_score(list(hypotheses), refs).score, 2),
        "bleu": round(BLEU().corpus_score(list(hypotheses), refs).score, 2),
    }


def segment_scores(hypothesis: str, reference: str | None) -> dict[str, float | None]:
    """The three scores of one segment (BLEU with effective order, as sentence BLEU needs)."""
    if reference is None:
        return dict.fromkeys(METRICS)
    from sacrebleu.metrics import BLEU, CHRF

    return {
        "chrf": round(CHRF().sentence_score(hypothesis, [reference]).score, 2),
        "chrf++": round(CHRF(word_order=2).sentence_score(hypothesis, [reference]).score, 2),
        "bleu": round(BLEU(effective_order=True).sentence_score(hypothesis, [reference]).score, 2),
    }


def segment_chrf(hypotheses: Sequence[str], references: Sequence[str]) -> list[float]:
    """Sentence chrF of each hypothesis against its reference (unrounded)."""
    from sacrebleu.metrics import CHRF

    chrf = CHRF()
    return [chrf.sentence_score(h, [r]).score for h, r in zip(hypotheses, references, strict=True)]
