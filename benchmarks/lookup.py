"""Word lookup speed, in one run: ``reader lookup`` processes, and lookups inside one process.

Processes (each a fresh ``python -m reader.cli lookup``, median of N runs):
  first:     the first ``reader lookup WORD --sentence S`` of this run (loads spaCy);
  sentence:  later runs of the same (spaCy loads each time: the process is new);
  alone:     ``reader lookup WORD`` without a sentence (Apertium analyses it; spaCy is not loaded).
In one process (what the app does, from a worker):
  cold:  a new LookupService's first lookup, loading every source (``warm()`` + the lookup);
  warm:  later lookups of other words in other sentences (median);
  moved: a lookup of another word in a sentence already looked at (the cursor moved).
Prints the times and the ratios. The app's ratio (a lookup against rendering one screen
of the article view) is measured where the app wires the panel.

Run: .venv/bin/python benchmarks/lookup.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from benchmarks.common import ROOT, SEED, private_environment  # noqa: E402

WORD, SENTENCE = "dénoncent", "Les associations dénoncent une décision injuste."
PAIRS = [
    ("villes", "Les loyers augmentent dans les villes moyennes."),
    ("votent", "Les sénateurs votent le budget ce soir."),
    ("publique", "La dette publique dépasse les prévisions."),
    ("hôpitaux", "Les hôpitaux manquent d'infirmiers cet hiver."),
    ("augmenté", "Le chômage a augmenté en octobre."),
    ("fortes", "De fortes pluies sont attendues dans le Sud."),
    ("Kremlin", "Le Kremlin a répondu à la Maison Blanche."),
    ("journaux", "Plusieurs journaux régionaux ont fermé."),
]


def process_seconds(*args: str) -> float:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "reader.cli", "lookup", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"reader lookup {' '.join(args)} failed: {done.stderr.strip()}")
    return elapsed


def in_process(runs: int) -> tuple[float, float, float]:
    from reader.article import load
    from reader.lookup.service import LookupService

    with LookupService(load(SEED)) as service:
        started = time.perf_counter()
        service.warm()
        service.lookup(WORD, SENTENCE)
        cold = time.perf_counter() - started
        warm, moved = [], []
        for _ in range(runs):
            for word, sentence in PAIRS:
                fresh = f"{sentence[:-1]} ({len(warm)})."  # a sentence spaCy has not seen
                started = time.perf_counter()
                service.lookup(word, fresh)
                warm.append(time.perf_counter() - started)
                other = fresh.split()[0]
                started = time.perf_counter()
                service.lookup(other, fresh)
                moved.append(time.perf_counter() - started)
    return cold, statistics.median(warm), statistics.median(moved)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    private_environment()
    first = process_seconds(WORD, "--sentence", SENTENCE)
    sentence = statistics.median(process_seconds(WORD, "--sentence", SENTENCE) for _ in range(runs))
    alone = statistics.median(process_seconds(WORD) for _ in range(runs))
    cold, warm, moved = in_process(runs)
    print(f"reader lookup (process), first run with a sentence: {first * 1000:8.0f} ms")
    print(f"reader lookup (process), with a sentence (median):  {sentence * 1000:8.0f} ms")
    print(f"reader lookup (process), word alone (median):       {alone * 1000:8.0f} ms")
    print(f"in process, first lookup (loads every source):      {cold * 1000:8.0f} ms")
    print(f"in process, warm lookup, new sentence (median):     {warm * 1000:8.1f} ms")
    print(f"in process, warm lookup, same sentence (median):    {moved * 1000:8.1f} ms")
    print(f"ratio first process / later process:    {first / sentence:6.2f}")
    print(f"ratio process with sentence / alone:    {sentence / alone:6.2f}")
    print(f"ratio in-process cold / warm:           {cold / warm:6.0f}")
    print(f"ratio process with sentence / warm:     {sentence / warm:6.0f}")


if __name__ == "__main__":
    main()
