"""Glossary enforcement's cost, measured in one run, as ratios:

(a) Apertium on the seed: raw translation (terms marked) vs enforced translation
    (raw, then the sentences lacking terms sent again in one batch). Target ≤ 2.5×.
(b) The stand-in Argos model on the seed, the same two. Its English is gibberish, so
    nearly every stand-in is lost and the sentence falls back to raw: this times the
    plumbing (one extra batched call), not what a real model would cost.
(c) With ``--book``: Apertium on a ~1 MB text whose every sentence differs, translated
    in the app's chunks of 64 sentences — one persistent null-flush pipeline vs the
    old way, two ``apertium`` processes per chunk.

No cache anywhere: every run translates. Run: .venv/bin/python benchmarks/enforce.py [--book]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.common import SEED, best_of, long_french_text, private_environment  # noqa: E402

HOME = private_environment()

from glossary import enforce  # noqa: E402
from glossary.build import curated_entries  # noqa: E402
from reader.article import load, parse  # noqa: E402
from reader.translation import translate_blocks  # noqa: E402


def _pass(engine, blocks, entries, enforced: bool):
    raw = translate_blocks(engine, blocks)
    return enforce.apply(engine, blocks, raw, entries, None, mark_only=not enforced)


def _ratio(label: str, engine, repeats: int) -> None:
    article = load(SEED)
    entries = curated_entries(article)
    _pass(engine, article.blocks, entries, True)  # start the pipeline / load the model
    raw = best_of(repeats, lambda: _pass(engine, article.blocks, entries, False))
    enforced = best_of(repeats, lambda: _pass(engine, article.blocks, entries, True))
    out = _pass(engine, article.blocks, entries, True)
    sent = sum(1 for b in out for ts in b.terms if any(t.status == "enforced" for t in ts))
    print(
        f"{label:<22} raw {raw * 1000:7.1f} ms   enforced {enforced * 1000:7.1f} ms   "
        f"{enforced / raw:4.2f}x (target <= 2.5x); {sent} sentences enforced"
    )


def _book() -> None:
    from reader.engines.apertium import ApertiumEngine
    from reader.translation import translate_in_chunks

    article = parse(long_french_text(), "book.fr.txt")
    sentences = sum(len(b.sentences) for b in article.blocks)

    def chunked(per_chunk_processes: bool) -> tuple[float, int]:
        engine = ApertiumEngine()
        if (
            per_chunk_processes
        ):  # the old way: each chunk runs `apertium fr-es`, then `apertium spa-eng`
            engine._translate_raw = engine._translate_by_batch  # type: ignore[method-assign]
        start = time.perf_counter()
        for _ in translate_in_chunks(engine, article.blocks, None, chunk_sentences=64):
            pass
        engine.close()
        return time.perf_counter() - start, engine.spawns

    old, old_spawns = chunked(True)
    new, new_spawns = chunked(False)
    print(
        f"(c) book {len(article.blocks)} blocks, {sentences} sentences, chunks of 64: "
        f"two processes per chunk {old:6.1f} s ({old_spawns} spawns)   "
        f"persistent pipeline {new:6.1f} s ({new_spawns} spawn)   {old / new:4.2f}x faster"
    )


def main() -> None:
    from reader.engines import apertium

    print("seed, no cache, best of several runs")
    if apertium.available():
        engine = apertium.ApertiumEngine()
        _ratio("(a) apertium", engine, 5)
        engine.close()
    else:
        print("(a) apertium is not installed: skipped")
    from reader.engines import argos
    from reader.packages import install_file
    from tests.support.standin import build_standin_package

    install_file(build_standin_package(SEED, HOME / "build"))
    _ratio("(b) argos (stand-in)", argos.ArgosEngine(), 3)
    if "--book" in sys.argv and apertium.available():
        _book()


if __name__ == "__main__":
    main()
