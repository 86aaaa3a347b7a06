"""Glossary extraction over a ~1 MB French text, in one run:
the project's batched path (one ``nlp.pipe`` over all blocks) vs one spaCy call per paragraph.

Run: .venv/bin/python benchmarks/glossary.py [--kib 1000]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.common import long_french_text  # noqa: E402
from glossary.extract import extract, load_model  # noqa: E402
from reader.article import parse  # noqa: E402


def timed(fn) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kib", type=int, default=1000, help="size of the generated text")
    kib = parser.parse_args().kib
    article = parse(long_french_text(kib * 1024), "long.fr.txt")
    load_time, _ = timed(load_model)  # loaded once, outside both timings
    per_call, found_a = timed(lambda: extract(article.blocks, batched=False))
    batched, found_b = timed(lambda: extract(article.blocks, batched=True))
    assert [c.text for c in found_a] == [c.text for c in found_b], (
        "both paths must find the same entries"
    )
    print(
        f"text: {kib} KiB, {len(article.blocks)} blocks; spaCy model load {load_time:.1f} s (not counted)"
    )
    print(
        f"one call per paragraph {per_call:6.1f} s   batched nlp.pipe {batched:6.1f} s   "
        f"batched is {per_call / batched:4.2f}x faster; {len(found_b)} entries found"
    )


if __name__ == "__main__":
    main()
