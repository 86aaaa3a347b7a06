"""Review at scale, in one run: 5,000 cards over the 500-text library of ``benchmarks/library.py``.

The library is built as there (about 5 million words, stand-in lemmas: see that module's
docstring); 5,000 of its lemmas (by frequency, past the 100 commonest, no numbers) are set
learning-1 and become cards; 4,800 of them are graded twice (Good, Good) at times spread
over the last 30 days, so most are due, and 200 stay new.

Measures (medians; ratios within this run):
- next: choosing the next card and its sentence, as the screen does it
  (``Reviewer.next``: the queue's first card, its sentences in the library, the ones it
  was shown in, the cloze, and recording the one chosen); after each, the card is graded
  (not timed), so every run chooses for another card; target ≤ 20 ms;
- paint: the review screen's first paint (pushed over the app: its sync of the 5,000 cards,
  the first card and its sentence, drawn) against one reading screen's first paint (the
  seed article, engine none, pushed the same way), interleaved; target ≤ 1×.

Run: .venv/bin/python -m benchmarks.review [--texts N] [--cards N] [--runs N] [--keep DIR]
``--keep DIR`` keeps the built library in DIR and reuses it in later runs.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import re
import shutil
import sqlite3
import statistics
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent

from benchmarks.common import SEED, private_environment  # noqa: E402
from benchmarks.library import NEWS, build, sentence_pool  # noqa: E402


def library_file(folder: Path, keep: Path | None, texts: int, news: Path) -> Path:
    """The 500-text library in the private data folder (copied from ``keep`` if built there
    before)."""
    from reader.library.shelf import Library

    target = folder / "library.sqlite3"
    cached = keep / f"library-{texts}.sqlite3" if keep is not None else None
    if cached is not None and cached.is_file():
        shutil.copy(cached, target)
        print(f"library: {texts} texts, reused from {cached}")
        return target
    start = time.perf_counter()
    library = Library(target)
    build(library, sentence_pool(news), texts, [texts])
    library.close()
    with sqlite3.connect(target) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    print(f"library: built {texts} texts in {time.perf_counter() - start:.0f} s")
    if cached is not None:
        cached.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(target, cached)
    return target


def make_cards(folder: Path, library: Path, cards: int) -> None:
    from reader.learning.store import LearningStore
    from reader.review.cards import Rating
    from reader.review.store import ReviewStore

    with sqlite3.connect(library) as db:
        lemmas = [
            lemma
            for (lemma,) in db.execute(
                "SELECT lemma FROM forms GROUP BY lemma ORDER BY sum(n) DESC LIMIT ?",
                (cards * 2 + 100,),
            )
            if not re.search(r"\d", lemma) and len(lemma) > 2
        ][100 : 100 + cards]
    start = time.perf_counter()
    LearningStore(folder / "learning.sqlite3").set_many(dict.fromkeys(lemmas, "learning-1"))
    store = ReviewStore(folder / "learning.sqlite3")
    store.sync()
    rng = random.Random(22)
    now = datetime.now(UTC)
    for key in lemmas[: cards - 200]:
        when = now - timedelta(days=rng.uniform(0, 30))
        store.grade(key, Rating.Good, when)
        store.grade(key, Rating.Good, when + timedelta(minutes=10))
    print(
        f"cards: {len(lemmas)} ({len(lemmas) - 200} graded twice, 200 new) "
        f"in {time.perf_counter() - start:.0f} s; due now: {store.counts(10).due}"
    )


def choose_next(folder: Path, library_path: Path, runs: int) -> None:
    from reader.library.shelf import Library
    from reader.review.cards import Rating
    from reader.review.queue import Reviewer
    from reader.review.store import ReviewStore
    from reader.settings import ReviewSettings

    library = Library(library_path)
    store = ReviewStore(folder / "learning.sqlite3")
    reviewer = Reviewer(store, library, ReviewSettings())
    times, found, sentences = [], 0, 0
    for _ in range(runs):
        start = time.perf_counter()
        item = reviewer.next()
        times.append(time.perf_counter() - start)
        if item is None:
            break
        found += 1
        sentences += bool(item.front.fr)
        store.grade(item.card.key, Rating.Good)
    library.close()
    times.sort()
    print(
        f"\nnext card and its sentence, {found} cards (one choice each):\n"
        f"  median {1000 * statistics.median(times):.1f} ms, 90th percentile "
        f"{1000 * times[int(len(times) * 0.9)]:.1f} ms, max {1000 * times[-1]:.1f} ms "
        f"(target: median ≤ 20 ms); {sentences} of {found} in a library sentence"
    )


async def _paints(folder: Path, library_path: Path, runs: int) -> tuple[list[float], list[float]]:
    from reader.app.app import ReaderApp
    from reader.app.context import ReadingContext
    from reader.app.options import ReadingOptions
    from reader.app.screens.main import MainScreen
    from reader.app.screens.review import ReviewScreen
    from reader.article import load
    from reader.library.shelf import Library
    from reader.review.store import ReviewStore
    from reader.settings import ReviewSettings

    library = Library(library_path)
    article = load(SEED)
    options = ReadingOptions("none", True, False, False, False)
    app = ReaderApp(None, "none", remember=False, extract=False, statuses=False, library=library)
    reading, review = [], []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for _ in range(runs):  # interleaved, so that a busy moment of the machine hits both
            start = time.perf_counter()
            await app.push_screen(MainScreen(ReadingContext(article, options)))
            await pilot.pause()
            reading.append(time.perf_counter() - start)
            await app.pop_screen()
            await pilot.pause()
            store = ReviewStore(folder / "learning.sqlite3")
            start = time.perf_counter()
            await app.push_screen(ReviewScreen(store, library, ReviewSettings(), "none"))
            await pilot.pause()
            review.append(time.perf_counter() - start)
            assert "due" in app.screen.header  # type: ignore[attr-defined]
            await app.pop_screen()
            await pilot.pause()
    library.close()
    return reading, review


def paint(folder: Path, library_path: Path, runs: int) -> None:
    reading, review = asyncio.run(_paints(folder, library_path, runs))
    r, v = statistics.median(reading), statistics.median(review)
    print(
        f"\nfirst paint (median of {runs}, pushed over the app on the 500-text library screen):\n"
        f"  review screen {1000 * v:.0f} ms | reading screen (the seed) {1000 * r:.0f} ms | "
        f"ratio {v / r:.2f}× (target ≤ 1×)"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--news", type=Path, default=NEWS, help="one French sentence a line")
    parser.add_argument("--texts", type=int, default=500)
    parser.add_argument("--cards", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=200, help="cards chosen")
    parser.add_argument("--paints", type=int, default=9)
    parser.add_argument("--keep", type=Path, help="keep (and reuse) the built library here")
    args = parser.parse_args()
    home = private_environment()
    from reader.store import data_dir

    folder = data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    library = library_file(folder, args.keep, args.texts, args.news)
    make_cards(folder, library, args.cards)
    paint(folder, library, args.paints)
    choose_next(folder, library, args.runs)
    shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
