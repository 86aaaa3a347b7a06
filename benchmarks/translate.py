"""Translation speed with the stand-in Argos model, measured in one run:

(a) one CTranslate2 call per sentence vs the project's one batched call, over the seed;
(b) a cold translation (model load, empty cache) vs a cached one (no model load).

Run: .venv/bin/python benchmarks/translate.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.common import SEED, best_of, private_environment  # noqa: E402

HOME = private_environment()

from reader.article import load  # noqa: E402
from reader.cache import Cache  # noqa: E402
from reader.engines import argos  # noqa: E402
from reader.packages import install_file  # noqa: E402
from reader.translation import translate_blocks  # noqa: E402
from tests.support.standin import build_standin_package  # noqa: E402


def main() -> None:
    install_file(build_standin_package(SEED, HOME / "build"))
    article = load(SEED)
    sentences = [s.text for b in article.blocks for s in b.sentences]

    engine = argos.ArgosEngine()
    engine.translate_sentences(sentences[:2])  # load the model outside the timings
    per_sentence = best_of(3, lambda: [engine.translate_sentences([s]) for s in sentences])
    batched = best_of(3, lambda: engine.translate_sentences(sentences))

    def cold() -> None:
        cache_file = HOME / "reader-data" / "cold.sqlite3"
        cache_file.unlink(missing_ok=True)
        translate_blocks(argos.ArgosEngine(), article.blocks, Cache(cache_file))

    warm_cache = Cache(HOME / "reader-data" / "warm.sqlite3")
    translate_blocks(argos.ArgosEngine(), article.blocks, warm_cache)
    loads = argos.loads

    def cached() -> None:
        translate_blocks(argos.ArgosEngine(), article.blocks, warm_cache)

    cold_time = best_of(3, cold)
    cached_time = best_of(5, cached)
    assert argos.loads == loads + 3, "cached runs must not load the model"

    print(
        f"seed: {len(article.blocks)} blocks, {len(sentences)} sentences; stand-in model, best of several runs"
    )
    print(
        f"(a) per-sentence calls {per_sentence * 1000:8.1f} ms   batched {batched * 1000:8.1f} ms   "
        f"batched is {per_sentence / batched:5.1f}x faster (target >= 3x)"
    )
    print(
        f"(b) cold              {cold_time * 1000:8.1f} ms   cached  {cached_time * 1000:8.1f} ms   "
        f"cached is {cold_time / cached_time:5.1f}x faster (target >= 20x)"
    )


if __name__ == "__main__":
    main()
