"""Shared set-up for benchmarks: private data folders, the stand-in model, timing."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "trump-poutine.fr.txt"


def private_environment() -> Path:
    """Points the reader and argostranslate at a temporary folder (before argostranslate loads)."""
    sys.path.insert(0, str(ROOT))
    from tests.support.environment import isolate

    return isolate("reader-bench-")


def best_of(repeats: int, fn: Callable[[], object]) -> float:
    """The fastest of ``repeats`` runs, in seconds: the least disturbed by a noisy machine."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def long_french_text(target_bytes: int = 1_000_000) -> str:
    """A ~1 MB French text: the seed's paragraphs, varied so no two blocks are identical."""
    from reader.article import load

    blocks = load(SEED).blocks
    paragraphs = [b.text for b in blocks if b.kind == "paragraph"]
    headings = [b.text for b in blocks if b.kind == "heading"]
    parts = [blocks[0].text, ""]
    size, n = 0, 0
    while size < target_bytes:
        chapter = n // len(paragraphs) + 1
        if n % len(paragraphs) == 0:
            parts.append(f"{headings[chapter % len(headings)]} (partie {chapter})")
        text = paragraphs[n % len(paragraphs)]
        parts.append(f"{text} (§ {n + 1}, chapitre {chapter}.)")
        size += len(parts[-1].encode("utf-8")) + 1
        n += 1
    return "\n".join(parts) + "\n"
