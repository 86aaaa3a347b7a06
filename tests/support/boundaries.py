"""Scoring a sentence splitter's boundaries against one-sentence-a-line gold data.

Used by tests/test_sentences.py and benchmarks/sentences.py, so that both count alike.
The gold sentences that end in . ! ? or … (perhaps followed by " or ")") are joined four
at a time, with one space, into paragraphs; a boundary is the offset where a sentence
starts inside its paragraph. (This is the rule behind issue 9's figures.)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ENDINGS = (".", "!", "?", "…")
CLOSING = '")'
GROUP = 4

Paragraph = tuple[str, frozenset[int]]
"""A paragraph's text and the offsets where its second, third … sentences start."""

Splitter = Callable[[str], set[int]]
"""Text → the offsets where it finds a sentence starting (the first excluded)."""


@dataclass(frozen=True)
class Score:
    """Boundary counts over a set of paragraphs."""

    true_pos: int
    false_pos: int
    false_neg: int
    exact: int
    paragraphs: int

    @property
    def precision(self) -> float:
        return self.true_pos / max(1, self.true_pos + self.false_pos)

    @property
    def recall(self) -> float:
        return self.true_pos / max(1, self.true_pos + self.false_neg)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def exact_share(self) -> float:
        return self.exact / max(1, self.paragraphs)


def read_sentences(path: Path) -> list[str]:
    """The gold sentences, header comments (# …) skipped."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def paragraphs(sentences: Sequence[str]) -> list[Paragraph]:
    """Sentences ending in . ! ? … joined four at a time (a shorter last group is kept)."""
    kept = [s for s in sentences if s.rstrip(CLOSING).endswith(ENDINGS)]
    out: list[Paragraph] = []
    for i in range(0, len(kept), GROUP):
        group = kept[i : i + GROUP]
        starts, pos = [], 0
        for s in group:
            starts.append(pos)
            pos += len(s) + 1
        out.append((" ".join(group), frozenset(starts[1:])))
    return out


def ours() -> Splitter:
    from reader.sentences import split_spans

    return lambda text: {a for a, _ in split_spans(text)[1:]}


def pysbd_splitter() -> Splitter:
    import pysbd

    segmenter = pysbd.Segmenter(language="fr", clean=False, char_span=True)

    def boundaries(text: str) -> set[int]:
        # pysbd's spans include the space before the next sentence; skip it.
        spans = segmenter.segment(text)
        return {s.start + len(s.sent) - len(s.sent.lstrip()) for s in spans[1:]}

    return boundaries


def score(data: Sequence[Paragraph], splitter: Splitter) -> Score:
    tp = fp = fn = exact = 0
    for text, gold in data:
        found = splitter(text)
        tp += len(found & gold)
        fp += len(found - gold)
        fn += len(gold - found)
        exact += found == gold
    return Score(tp, fp, fn, exact, len(data))
