"""Translation speed with a stand-in Argos model, measured in one run.

    .venv/bin/python -m benchmarks.translate               # tiny stand-in (as the tests use)
    .venv/bin/python -m benchmarks.translate --size real   # Argos fr→en dimensions

Stand-in models have random weights: they prove plumbing and speed, never quality.

tiny: (a) one CTranslate2 call per sentence vs the project's batched path, over the seed;
      (b) a cold translation (model load, empty cache) vs a cached one (no model load).
real: a stand-in with the dimensions of Argos's fr→en transformer (6+6 layers, d_model
      512, 8 heads, FFN 2048, 32k vocabulary, int8), built once and cached in
      benchmarks/.cache/. Random weights decode to arbitrary lengths, so every output's
      length is pinned to its source's (CTranslate2's min/max decoding length; in a
      batch, to the longest source of the batch, which sorting by length keeps close).
      It reports per-sentence calls vs the batched path, words per second, and the time
      to English for the first screenful (the blocks visible at 160x48, translated first
      as the app does) as a share of the time for the whole seed.
"""

from __future__ import annotations

import argparse
import asyncio
import time
from collections.abc import Sequence
from pathlib import Path

from benchmarks.common import ROOT, SEED, best_of, private_environment  # noqa: E402

HOME = private_environment()

from reader.article import Article, load  # noqa: E402
from reader.cache import Cache  # noqa: E402
from reader.engines import argos  # noqa: E402
from reader.engines.argos_packages import install_file  # noqa: E402
from reader.translation import translate_blocks  # noqa: E402
from tests.support.standin import REAL, build_standin_package  # noqa: E402

CACHE = ROOT / "benchmarks" / ".cache"
SCREEN = (160, 48)
CHROME_LINES = 3
"""Lines of the screen that are not the article: the status line and the footer."""


class PinnedEngine(argos.ArgosEngine):
    """The project's engine with every output pinned to its source's length (random weights
    would otherwise stop anywhere). Only ``decoding_lengths`` differs: the batching,
    sorting and threads measured are the project's own."""

    def decoding_lengths(self, batch: Sequence[Sequence[str]]) -> tuple[int, int]:
        longest = max(len(t) for t in batch)
        return longest, longest


def first_screenful(article: Article, size: tuple[int, int] = SCREEN) -> list[int]:
    """The blocks whose rows are on screen when the app opens at ``size`` (English pending)."""
    from reader.app.layout import Columns, layout_row

    columns = Columns.for_width(size[0] - 2, "both")  # the view's scrollbar and margin
    height, visible = size[1] - CHROME_LINES, []
    used = 0
    for block in article.blocks:
        if used >= height:
            break
        visible.append(block.index)
        used += layout_row(block.text, None, columns).height
    return visible


def tiny() -> None:
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
        f"seed: {len(article.blocks)} blocks, {len(sentences)} sentences; tiny stand-in, best of several runs"
    )
    print(
        f"(a) per-sentence calls {per_sentence * 1000:8.1f} ms   batched {batched * 1000:8.1f} ms   "
        f"batched is {per_sentence / batched:5.1f}x faster (target >= 3x)"
    )
    print(
        f"(b) cold              {cold_time * 1000:8.1f} ms   cached  {cached_time * 1000:8.1f} ms   "
        f"cached is {cold_time / cached_time:5.1f}x faster (target >= 20x)"
    )


def real_archive() -> Path:
    """The real-size stand-in, built once (about 85 MB) and kept in benchmarks/.cache/."""
    archive = CACHE / "real" / "translate-fr_en-standin.argosmodel"
    if not archive.is_file():
        print("building the real-size stand-in (once)…", flush=True)
        build_standin_package(SEED, archive.parent, REAL)
    return archive


def real(repeats: int) -> None:
    install_file(real_archive())
    article = load(SEED)
    sentences = [s.text for b in article.blocks for s in b.sentences]
    words = sum(len(s.split()) for s in sentences)
    engine = PinnedEngine()
    engine.translate_sentences(sentences[:1])  # model load outside the timings
    print(
        f"seed: {len(article.blocks)} blocks, {len(sentences)} sentences, {words} words; real-size stand-in "
        f"(random weights, outputs pinned to source length), beam {engine.beam_size}, "
        f"{engine.threads} threads, batch {engine.batch_size}; best of {repeats}"
    )
    per_sentence = best_of(repeats, lambda: [engine.translate_sentences([s]) for s in sentences])
    batched = best_of(repeats, lambda: engine.translate_sentences(sentences))
    visible = first_screenful(article)
    first = [s.text for i in visible for s in article.blocks[i].sentences]
    # As the app does: the first screenful through the engine's draft (greedy) variant.
    draft = engine.draft()
    first_time = best_of(repeats, lambda: draft.translate_sentences(first))
    print(f"per-sentence calls {per_sentence:7.2f} s   batched {batched:7.2f} s")
    print(f"real-size batched vs per-sentence: {per_sentence / batched:.1f}× (target ≥ 3×)")
    print(f"real-size words per second (batched): {words / batched:.0f}")
    print(
        f"engine alone: first screenful at {SCREEN[0]}x{SCREEN[1]} (blocks {visible[0]}–{visible[-1]}, "
        f"{len(first)} of {len(sentences)} sentences, beam {draft.beam_size}) {first_time:.2f} s, "
        f"{100 * first_time / batched:.0f} % of the batched seed"
    )
    shares = {}
    for enforce in (True, False):
        runs = [asyncio.run(in_app(article, set(visible), enforce)) for _ in range(repeats)]
        shown, everything, final = (min(r[i] for r in runs) for i in range(3))
        shares[enforce] = shown / everything
        print(
            f"in the app, glossary enforcement {'on' if enforce else 'off'} (headless "
            f"{SCREEN[0]}x{SCREEN[1]}, cold cache, from launch, best of {repeats}): first screenful "
            f"{shown:.2f} s, every block {everything:.2f} s, drafts replaced at full quality "
            f"{final:.2f} s -> {100 * shown / everything:.0f} %"
        )
    print(
        "(the stand-in's random English lacks every glossary term, so with enforcement on "
        "nearly every sentence is translated twice; a real model keeps most terms)"
    )
    print(f"real-size first screenful: {100 * shares[True]:.0f} % of the seed (target ≤ 40 %)")


async def in_app(article: Article, visible: set[int], enforce: bool) -> tuple[float, float, float]:
    """Seconds from launch until the blocks on screen have English, until every block has,
    and until the drafted ones are replaced by full-quality English (TranslationDone)."""
    import dataclasses
    import os
    import tempfile

    from reader.app.app import ReaderApp
    from reader.app.messages import EnglishArrived, TranslationDone
    from reader.engines import select

    os.environ["READER_DATA_DIR"] = tempfile.mkdtemp(prefix="reader-bench-data-")  # cold cache
    select.ENGINES["argos"] = dataclasses.replace(
        select.ENGINES["argos"], make=lambda _article: PinnedEngine()
    )
    seen: set[int] = set()
    times: dict[str, float] = {}
    done = asyncio.Event()
    started = time.perf_counter()

    def hook(message: object) -> None:
        now = time.perf_counter() - started
        if isinstance(message, EnglishArrived):
            seen.update(t.index for t in message.chunk)
            if visible <= seen:
                times.setdefault("shown", now)
            if len(seen) == len(article.blocks):
                times.setdefault("all", now)
        elif isinstance(message, TranslationDone):
            times["done"] = now
            done.set()

    app = ReaderApp(article, "argos", remember=False, extract=False, enforce=enforce)
    async with app.run_test(size=SCREEN, message_hook=hook) as pilot:
        await asyncio.wait_for(done.wait(), timeout=600)
        await pilot.press("q")
    return times["shown"], times["all"], times["done"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=("tiny", "real"), default="tiny")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    started = time.perf_counter()
    if args.size == "real":
        real(args.repeats)
    else:
        tiny()
    print(f"(benchmark ran {time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
