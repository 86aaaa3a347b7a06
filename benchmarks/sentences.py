"""Sentence boundaries against a treebank nobody here wrote, next to pysbd on the same text.

Data: Universal Dependencies French-GSD, dev split (the '# text' lines, one sentence a
line), github.com/UniversalDependencies/UD_French-GSD, CC BY-SA 4.0
(creativecommons.org/licenses/by-sa/4.0).

The sentences that end in . ! ? or … (perhaps followed by " or ")") are joined four at a time (with one space) into
paragraphs; a boundary is the offset where a sentence starts inside a paragraph.
Prints boundary precision, recall, F1 and the share of paragraphs split exactly, for
the whole set and for its even and odd halves (the odd half is held out: rules are
checked on the even half, so the odd half tells whether they generalise).

Run: .venv/bin/python benchmarks/sentences.py [--data PATH] [--misses N]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from reader.sentences import split_spans  # noqa: E402

DATA = Path("/work/shared/data/ud-fr-gsd-dev.sentences.txt")
ENDINGS = (".", "!", "?", "…")
CLOSING = '")'
"""A sentence counts as ending in a mark when only straight quotes or brackets follow it;
this is the rule behind the figures in issue 9 (reader F1 0.982, pysbd 0.988)."""
GROUP = 4

Paragraph = tuple[str, frozenset[int]]
"""A paragraph's text and the offsets where its second, third … sentences start."""


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
    """The treebank's sentences, header comments skipped."""
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


def ours(text: str) -> set[int]:
    return {a for a, _ in split_spans(text)[1:]}


def pysbd_splitter() -> Callable[[str], set[int]]:
    import pysbd

    segmenter = pysbd.Segmenter(language="fr", clean=False, char_span=True)

    def boundaries(text: str) -> set[int]:
        spans = segmenter.segment(text)
        # pysbd's spans include the trailing space; a boundary is where the next one starts.
        return {s.start + len(s.sent) - len(s.sent.lstrip()) for s in spans[1:]}

    return boundaries


def score(data: Sequence[Paragraph], splitter: Callable[[str], set[int]]) -> Score:
    tp = fp = fn = exact = 0
    for text, gold in data:
        found = splitter(text)
        tp += len(found & gold)
        fp += len(found - gold)
        fn += len(gold - found)
        exact += found == gold
    return Score(tp, fp, fn, exact, len(data))


def misses(data: Sequence[Paragraph], splitter: Callable[[str], set[int]], limit: int) -> None:
    """Prints paragraphs split wrongly, with | at missed and ^ at spurious boundaries."""
    shown = 0
    for text, gold in data:
        found = splitter(text)
        if found == gold or shown >= limit:
            continue
        shown += 1
        marked = "".join(
            ("|" if i in gold - found else "^" if i in found - gold else "") + ch
            for i, ch in enumerate(text)
        )
        print(f"- {marked}\n")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--misses", type=int, default=0, help="print this many wrong paragraphs")
    args = parser.parse_args()
    sentences = read_sentences(args.data)
    sets = {
        "all": paragraphs(sentences),
        "even lines": paragraphs(sentences[0::2]),
        "odd lines (held out)": paragraphs(sentences[1::2]),
    }
    splitters = {"reader": ours, "pysbd 0.3.4": pysbd_splitter()}
    print(f"{args.data.name}: UD French-GSD dev, CC BY-SA 4.0; {len(sentences)} sentences")
    for label, data in sets.items():
        print(f"\n{label}: {len(data)} paragraphs, {sum(len(g) for _, g in data)} boundaries")
        for name, splitter in splitters.items():
            s = score(data, splitter)
            print(
                f"  {name:12} precision {s.precision:.3f}  recall {s.recall:.3f}  "
                f"F1 {s.f1:.3f}  exact {100 * s.exact_share:.1f} %"
            )
    if args.misses:
        print("\nreader's misses (| missed, ^ spurious):\n")
        misses(sets["all"], ours, args.misses)


if __name__ == "__main__":
    main()
