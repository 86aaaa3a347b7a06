"""Word statuses: what they add to the app's spaCy pass, % known for many articles, and a
status change against one screen of the article view, in one run.

1. On a ~1 MB book: the article pass (``reader.nlp.analysis.analyse``: spaCy, the model
   loaded beforehand) vs computing statuses, % known and new lemmas from it (the words
   counted by lemma with the glossary stack's names left out, the statuses read from
   the learning file, ``StatusMarks``). Target: ≤ 20 % of the pass. Also: the pass read
   back from the analysis cache, for a book opened again.
2. 200 stored articles (the book cut in 200): every article's % known recomputed from
   today's statuses (``stats.article_shares``, one query). Target: ≤ 1 s.
3. In the app (headless, 120×40, the seed article, its statuses in): what a status key does
   on the word cursor (``MainScreen.action_word_status``: the marks, % known, the status
   line, the lookup panel's line; the file is written in the writer thread) against one
   screen of the article view (``ArticleView.refresh`` and every visible line rendered,
   as ``benchmarks/lookup.py`` measures it), which is the repaint that follows. Target:
   ≤ 1 screen. Also: a screen with word marks against the same screen without them. Every
   word is new again first, so the screen has as many marks as it can.

Run: .venv/bin/python -m benchmarks.known [--kib 1000] [--changes 30]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

from benchmarks.common import SEED, long_french_text, private_environment  # noqa: E402


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def book(kib: int) -> None:
    from reader.article import parse
    from reader.learning.counts import article_names, count_words
    from reader.learning.frequency import top
    from reader.learning.marks import StatusMarks
    from reader.learning.stats import article_shares
    from reader.learning.store import LearningStore
    from reader.nlp.analysis import analyse, load_model
    from reader.nlp.cache import AnalysisCache, analysis_of

    article = parse(long_french_text(kib * 1024), "long.fr.txt")
    load_time, _ = timed(load_model)
    store = LearningStore()
    store.set_many(dict.fromkeys(top(2000), "known"))  # a reader who is not a beginner
    spacy_pass, analysis = timed(lambda: analyse(article.blocks))

    def statuses() -> StatusMarks:
        words = count_words(article.source, analysis, article_names(article))  # type: ignore[arg-type]
        marks = StatusMarks(words, store.statuses())
        _ = marks.known_share, marks.new_lemmas
        return marks

    added, marks = timed(statuses)
    cache = AnalysisCache()
    cache.put(article, analysis)  # type: ignore[arg-type]
    cached, _ = timed(lambda: analysis_of(article, cache=cache))
    m: StatusMarks = marks  # type: ignore[assignment]
    print(f"book: {kib} KiB, {len(article.blocks)} blocks, {m.countable} words to learn, ")
    print(f"      {len(m.words.lemmas)} lemmas; spaCy model load {load_time:.1f} s (not counted)")
    print(f"the app's spaCy pass (analyse):              {spacy_pass:7.2f} s")
    print(f"statuses, % known ({m.known_share:.0%}), new lemmas ({m.new_lemmas}): {added:7.2f} s")
    print(f"the pass read back from the analysis cache:  {cached:7.2f} s")
    print(f"ratio statuses / spaCy pass:  {added / spacy_pass:6.3f}  (target <= 0.20)")
    print(f"ratio cached pass / spaCy pass: {cached / spacy_pass:6.3f}")

    per = max(1, len(analysis) // 200)  # type: ignore[arg-type]
    for n in range(200):
        part = analysis[n * per : (n + 1) * per]  # type: ignore[index]
        words = count_words(f"part-{n}", part)
        store.record_article(
            f"part-{n}", f"Part {n}", f"part-{n}.txt", words.tokens, words.counts()
        )
    runs = []
    for _ in range(5):
        seconds, shares = timed(lambda: article_shares(store))
        runs.append(seconds)
    assert len(shares) >= 200  # type: ignore[arg-type]
    best = min(runs)
    print(f"% known of 200 stored articles (best of 5):  {best:7.3f} s")
    print(f"ratio to the 1 s target:      {best / 1.0:6.3f}  (target <= 1)")


def in_app(changes: int) -> tuple[float, float, float, int]:
    import asyncio

    return asyncio.run(_in_app(changes))


async def _in_app(changes: int) -> tuple[float, float, float, int]:
    from textual.geometry import Region

    from reader.app.app import ReaderApp
    from reader.article import load
    from reader.learning.store import LearningStore
    from tests.support.app import settle

    store = LearningStore()  # every word new again: the most marks a screen can have
    store.set_many(dict.fromkeys(store.statuses(), "new"))
    article = load(SEED)
    app = ReaderApp(article, "reference", remember=False, extract=False, statuses=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)  # the statuses are in (spaCy's pass, then the marks)
        main, view = app.main, app.view
        await pilot.press("j", "j")  # a long paragraph, current
        words = view.words(view.current)
        region = Region(0, 0, *view.size)

        def screen() -> float:
            started = time.perf_counter()
            view.refresh()
            view.render_lines(region)
            return time.perf_counter() - started

        change_times, screen_times, bare_times = [], [], []
        for i in range(min(changes, len(words))):
            view.word = i
            await settle(app, pilot)
            started = time.perf_counter()
            # what the key does: the marks, % known, the status line's reactives, the
            # lookup panel's line (the learning file is written in its own thread)
            main.action_word_status("known" if i % 2 == 0 else "learning-2")
            change_times.append(time.perf_counter() - started)
            screen_times.append(screen())  # the repaint, with the marks
            await settle(app, pilot)
            main.statuses.shown = False
            bare_times.append(screen())  # the same screen without word marks
            main.statuses.shown = True
        main.statuses.close()  # the writes, before the data folder goes
    median = statistics.median
    return median(change_times), median(screen_times), median(bare_times), len(change_times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kib", type=int, default=1000, help="size of the generated book")
    parser.add_argument("--changes", type=int, default=30, help="status changes in the app")
    args = parser.parse_args()
    private_environment()
    book(args.kib)
    change, screen, bare, count = in_app(args.changes)
    print(
        f"app: a status key's work, before the repaint (median of {count}): {change * 1000:7.3f} ms"
    )
    print(f"app: one screen of the article view, with word marks (median): {screen * 1000:7.3f} ms")
    print(f"app: the same screen without word marks (median):             {bare * 1000:7.3f} ms")
    print(f"ratio status key's work / one screen: {change / screen:6.3f}  (target <= 1)")
    print(f"ratio screen with marks / without:    {screen / bare:6.3f}")


if __name__ == "__main__":
    main()
