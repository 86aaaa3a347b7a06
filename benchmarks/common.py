"""Shared set-up for benchmarks: private data folders, the stand-in model, timing."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "trump-poutine.fr.txt"


def private_environment() -> Path:
    """Points the reader and argostranslate at a temporary folder (before argostranslate loads)."""
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


from tests.support.texts import long_french_text as long_french_text  # noqa: E402,F401  (shared with the tests)
