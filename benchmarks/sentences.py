"""Sentence boundaries against a treebank nobody here wrote, next to pysbd on the same text.

Data: Universal Dependencies French-GSD, dev split (the '# text' lines, one sentence a
line), github.com/UniversalDependencies/UD_French-GSD, CC BY-SA 4.0
(creativecommons.org/licenses/by-sa/4.0). A copy with that attribution is in
tests/fixtures/.

The sentences that end in . ! ? or … (perhaps followed by " or ")") are joined four at
a time into paragraphs (tests/support/boundaries.py). Prints boundary precision, recall,
F1 and the share of paragraphs split exactly, for the whole set and for its even and
odd lines (two halves: a rule that helps only one of them is fitted to the data).

Run: .venv/bin/python -m benchmarks.sentences [--data PATH] [--misses N]
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
from tests.support.boundaries import (  # noqa: E402
    Paragraph,
    Splitter,
    ours,
    paragraphs,
    pysbd_splitter,
    read_sentences,
    score,
)

DATA = ROOT / "tests" / "fixtures" / "ud-fr-gsd-dev.sentences.txt"


def misses(data: Sequence[Paragraph], splitter: Splitter, limit: int) -> None:
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
        "odd lines": paragraphs(sentences[1::2]),
    }
    splitters = {"reader": ours(), "pysbd 0.3.4": pysbd_splitter()}
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
        misses(sets["all"], splitters["reader"], args.misses)


if __name__ == "__main__":
    main()
