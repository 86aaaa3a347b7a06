"""Phrases (issue 22): what finding the reader's phrases adds to counting a text's words, in
one run.

The seed article is analysed once (spaCy) and its blocks' tokens repeated to the size of a
book (``--copies``; 100 copies are about 0.5 MB of French, 94,000 tokens), so the figures
are a book's without a book's spaCy pass. Measured, best of ``--repeats``:

  words:    ``count_words`` with no phrase (what opening a text costs today);
  phrases:  the same with ``--phrases`` phrases that have a status (the seed's own Apertium
            multi-word units, « avoir lieu »-like verbs and made-up ones that never match);
  add:      a phrase marked in the reader (``StatusMarks.update`` of a phrase not yet in the
            text: the book searched again for all of them).

Target: phrases ≤ 1.5 × words (a reader with a few hundred phrases opens a book as fast, give
or take half); add is reported in ms (a key press).

Run: .venv/bin/python -m benchmarks.phrases [--copies 100] [--phrases 300] [--repeats 3]
"""

from __future__ import annotations

import argparse

from benchmarks.common import SEED, best_of, private_environment  # noqa: E402

VERBS = [
    "avoir lieu",
    "mettre fin à",
    "faire face à",
    "prendre part à",
    "s'agir de",
    "avoir besoin de",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--copies", type=int, default=100)
    parser.add_argument("--phrases", type=int, default=300)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    private_environment()

    from reader.article import load
    from reader.learning.counts import count_words
    from reader.learning.marks import StatusMarks
    from reader.learning.phrases import apertium_phrases
    from reader.nlp.analysis import analyse

    article = load(SEED)
    tokens = analyse(article.blocks)
    book = [block for _ in range(args.copies) for block in tokens]
    size = sum(len(b.text.encode()) for b in article.blocks) * args.copies
    found = [s.phrase for s in apertium_phrases([b.text for b in article.blocks])]
    made_up = [f"lieu{n} commun" for n in range(args.phrases)]
    phrases = (found + VERBS + made_up)[: args.phrases]
    print(
        f"{args.copies} copies of the seed: {size / 1e6:.2f} MB, "
        f"{sum(len(b) for b in book):,} tokens, {len(phrases)} phrases "
        f"({len(found)} from Apertium, {len(VERBS)} verbs, the rest never met)"
    )

    words = best_of(args.repeats, lambda: count_words("book", book))
    with_phrases = best_of(args.repeats, lambda: count_words("book", book, phrases=phrases))
    counted = count_words("book", book, phrases=phrases)
    occurrences = sum(p.count for p in counted.phrases.values())

    def add() -> None:
        marks = StatusMarks(counted, dict.fromkeys(phrases, "learning-1"))
        marks.update("prendre fin", "learning-2")  # not among them

    base = best_of(args.repeats, lambda: StatusMarks(counted, dict.fromkeys(phrases, "known")))
    added = best_of(args.repeats, add) - base
    print(f"  words:    {words * 1000:8.1f} ms")
    print(f"  phrases:  {with_phrases * 1000:8.1f} ms  ({occurrences:,} occurrences found)")
    print(f"  add:      {added * 1000:8.1f} ms  (a phrase marked in the reader)")
    ratio = with_phrases / words
    print(f"phrases / words = {ratio:.2f} (target ≤ 1.5): {'met' if ratio <= 1.5 else 'NOT met'}")


if __name__ == "__main__":
    main()
