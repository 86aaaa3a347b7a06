"""Word lookup speed, in one run: ``reader lookup`` processes, and lookups inside one process.

Processes (each a fresh ``python -m reader.cli lookup``, median of N runs):
  first:     the first ``reader lookup WORD --sentence S`` of this run (loads spaCy);
  sentence:  later runs of the same (spaCy loads each time: the process is new);
  alone:     ``reader lookup WORD`` without a sentence (Apertium analyses it; spaCy is not loaded).
In one process (what the app does, from a worker):
  cold:  a new LookupService's first lookup, loading every source (``warm()`` + the lookup);
  warm:  later lookups of other words in other sentences (median);
  moved: a lookup of another word in a sentence already looked at (the cursor moved).
In the app (headless, 120×40, the seed article with its English), after a first lookup:
  lookup:  what ``l`` costs once the sources are loaded: the service's lookup, awaited from
           a daemon thread as the app's worker does, then ``LookupPanel.show`` and the
           panel's lines rendered (``render_lines``); for a word
             seen:     in a sentence looked at before (the cursor moved within it),
             entered:  in a sentence the cursor has just entered with ``]`` (the app has
                       had spaCy read it meanwhile, as it does while the reader reads),
             never:    in a sentence never looked at (a click: spaCy parses it then);
  screen:  ``ArticleView.refresh()`` and every visible line of the view rendered
           (``render_lines`` over its region, as the compositor asks for them).
Each step starts once the app is idle, so no step pays for the previous one's repaint;
neither side counts the compositor's assembling of the screen. Every block measured is
visited once, so its sentences are new to spaCy.
Ratio target: a lookup after the first ≤ 2× one screen of the article view.
Prints the times and the ratios.

Run: .venv/bin/python -m benchmarks.lookup [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
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
        warm: list[float] = []
        moved: list[float] = []
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


def in_app(runs: int) -> tuple[float, float, float, float, float]:
    """Medians in seconds: lookups (sentence seen, sentence entered, cold) and one screen."""
    import asyncio

    return asyncio.run(_in_app(runs))


async def _in_app(runs: int) -> tuple[float, float, float, float, float]:
    from textual.geometry import Region

    from reader.app.app import ReaderApp
    from reader.app.background import in_daemon
    from reader.app.lookups import answers_quickly, look_up, make_request
    from reader.app.widgets.lookup_panel import LookupPanel
    from reader.article import load
    from tests.support.app import lookups_settled, settle

    article = load(SEED)
    app = ReaderApp(article, "reference", remember=False, extract=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("j", "right", "l")  # the first lookup: loads every source
        await lookups_settled(app, pilot)
        view, panel, service = app.view, app.main.query_one(LookupPanel), app.main.lookups
        assert service is not None and service.warmed
        text = panel.query_one("#lookup")

        async def lookup(index: int, start: int, end: int, full: bool = False) -> float:
            """Until the panel shows the first answer, decided as the app decides it
            (``answers_quickly``); ``full``: the answer with spaCy's reading."""
            await settle(app, pilot)  # the previous step's repaint is not charged to this one
            request = make_request(article.blocks[index], start, end, view.english)
            quick = not full and answers_quickly(service, request)
            started = time.perf_counter()
            result = await in_daemon(lambda: look_up(service, request, quick))
            panel.show(result)
            panel.refresh()
            panel.render_lines(Region(0, 0, *panel.size))
            text.render_lines(Region(0, 0, *text.size))
            return time.perf_counter() - started

        async def screen() -> float:
            await settle(app, pilot)
            started = time.perf_counter()
            view.refresh()
            view.render_lines(Region(0, 0, *view.size))
            return time.perf_counter() - started

        moved, entered, cold, refined, screens = [], [], [], [], []
        # Blocks of two sentences or more, each visited once: their sentences are new to spaCy.
        blocks = [b for b in article.blocks if len(b.sentences) > 1][:runs]
        for block in blocks:
            view.go_to(block.index)
            words = view.words(block.index)
            second = block.sentences[1].start
            in_first = [w for w in words if w[1] <= second]
            in_second = [w for w in words if w[0] >= second]
            cold.append(await lookup(block.index, *in_first[0]))  # a click: Apertium answers first
            refined.append(await lookup(block.index, *in_first[0], full=True))  # then spaCy's
            moved.append(await lookup(block.index, *in_first[min(3, len(in_first) - 1)]))
            view.word = words.index(in_first[0])
            view.focus()
            await pilot.press("right_square_bracket")  # the cursor enters sentence 2
            assert view.sentence == 1
            await settle(app, pilot, wait_for=("lookup-prefetch",))  # its prefetch is done
            entered.append(await lookup(block.index, *in_second[min(2, len(in_second) - 1)]))
            screens.append(await screen())
    median = statistics.median
    return median(moved), median(entered), median(cold), median(refined), median(screens)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    private_environment()
    first = process_seconds(WORD, "--sentence", SENTENCE)
    sentence = statistics.median(process_seconds(WORD, "--sentence", SENTENCE) for _ in range(runs))
    alone = statistics.median(process_seconds(WORD) for _ in range(runs))
    cold, warm, moved = in_process(runs)
    app_moved, app_entered, app_cold, app_refined, app_screen = in_app(max(runs, 15))
    print(f"reader lookup (process), first run with a sentence: {first * 1000:8.0f} ms")
    print(f"reader lookup (process), with a sentence (median):  {sentence * 1000:8.0f} ms")
    print(f"reader lookup (process), word alone (median):       {alone * 1000:8.0f} ms")
    print(f"in process, first lookup (loads every source):      {cold * 1000:8.0f} ms")
    print(f"in process, warm lookup, new sentence (median):     {warm * 1000:8.1f} ms")
    print(f"in process, warm lookup, same sentence (median):    {moved * 1000:8.1f} ms")
    print(f"app, lookup + panel, sentence seen (median):        {app_moved * 1000:8.1f} ms")
    print(f"app, lookup + panel, sentence just entered (median):{app_entered * 1000:8.1f} ms")
    print(
        f"app, lookup + panel, sentence never seen (median):  {app_cold * 1000:8.1f} ms  (first answer)"
    )
    print(
        f"app, the same refined by spaCy (median):            {app_refined * 1000:8.1f} ms  (in the background)"
    )
    print(f"app, one screen of the article view (median):       {app_screen * 1000:8.1f} ms")
    print(
        f"ratio app lookup / one screen, sentence seen:    {app_moved / app_screen:6.2f}  (target <= 2)"
    )
    print(
        f"ratio app lookup / one screen, sentence entered: {app_entered / app_screen:6.2f}  (target <= 2)"
    )
    print(
        f"ratio app lookup / one screen, never seen:       {app_cold / app_screen:6.2f}  (target <= 2)"
    )
    print(f"ratio app refinement / one screen, never seen:   {app_refined / app_screen:6.2f}")
    print(f"ratio first process / later process:    {first / sentence:6.2f}")
    print(f"ratio process with sentence / alone:    {sentence / alone:6.2f}")
    print(f"ratio in-process cold / warm:           {cold / warm:6.0f}")
    print(f"ratio process with sentence / warm:     {sentence / warm:6.0f}")


if __name__ == "__main__":
    main()
