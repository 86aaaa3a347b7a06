"""The glossary of a ~1 MB French book against spaCy's own ``nlp.pipe``, in one run.

Baseline: ``nlp.pipe`` over the book's blocks with the components the article pass
loads (``reader.nlp.analysis.COMPONENTS``: no parser), the model loaded beforehand.
Glossary: what ``reader glossary`` does once the text is read, the model loaded too:
the article's analysis (that same pass, lemmas put right), extraction of names and
terms, and the glossary build with machine guesses for the terms no glossary covers
(Apertium, where installed; the whole article's translation is not part of it).
Target (QA Q15): glossary ≤ 1.5 × nlp.pipe. The baseline runs before and after the
glossary; their mean is the denominator.

Run: .venv/bin/python -m benchmarks.glossary [--kib 1000]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from benchmarks.common import long_french_text, private_environment  # noqa: E402

if TYPE_CHECKING:
    from reader.engines.apertium import ApertiumEngine


T = TypeVar("T")


def timed(fn: Callable[[], T]) -> tuple[float, T]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kib", type=int, default=1000, help="size of the generated text")
    kib = parser.parse_args().kib
    private_environment()
    from glossary.extract import extract
    from reader.article import parse
    from reader.nlp.analysis import BATCH_SIZE, COMPONENTS, load_model, prepared
    from reader.translate import glossary_build as build

    article = parse(long_french_text(kib * 1024), "long.fr.txt")
    load_time, nlp = timed(lambda: load_model(COMPONENTS))  # outside every timing
    texts = [prepared(b.text) for b in article.blocks]

    def pipe() -> None:
        for _ in nlp.pipe(texts, batch_size=BATCH_SIZE):
            pass

    engine = _engine()

    def glossary() -> tuple[int, int]:
        candidates = extract(article.blocks)
        result = build.build(article, candidates, engine)
        return len(candidates), len(result.entries)

    before, _ = timed(pipe)
    total, counts = timed(glossary)
    after, _ = timed(pipe)
    baseline = (before + after) / 2
    print(
        f"text: {kib} KiB, {len(article.blocks)} blocks; model load {load_time:.1f} s (not counted)"
    )
    print(f"spaCy nlp.pipe ({', '.join(COMPONENTS)}): {before:.1f} s before, {after:.1f} s after")
    guesses = engine.name if engine is not None else "none (Apertium not installed)"
    print(
        f"glossary (analysis + extraction + build, machine guesses: {guesses}): {total:.1f} s; "
        f"{counts[0]} candidates, {counts[1]} entries"
    )
    print(f"ratio glossary / nlp.pipe: {total / baseline:.2f}  (target <= 1.5)")
    if engine is not None:
        engine.close()


def _engine() -> ApertiumEngine | None:
    from reader.errors import ReaderError

    try:
        from reader.engines.apertium import ApertiumEngine

        return ApertiumEngine()
    except ReaderError:
        return None


if __name__ == "__main__":
    main()
