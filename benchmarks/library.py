"""The library at scale, in one run: 500 texts, about 5 million words.

Texts: 450 articles of about 4,000 words and 50 books of about 64,000 words, made of the
sentences of the shared news set (``--news``, newstest2013.fr: 3,000 sentences), the seed
and the test fixtures, shuffled for each text (``random.Random(text number)``) and
repeated; every sentence gets a number, so that no two texts are alike.

LEMMA STAND-IN: the spaCy pass over 5 million words takes long (its speed is measured
below), so the 500-text library fills its lemma column with a stand-in: the lower-cased
form with a plural or verb ending cut (``aient``, ``ait``, ``ent``, ``es``, ``s``, ``x``).
Its rows have the size and shape of real ones; the figures for the real path (read, spaCy,
store) come from a sample of texts added with ``reader add``'s own function.

Measures (medians; ratios within this run):
- screen: the reader's app opened on the library screen with the 500 texts (as ``reader``
  opens once the library holds texts of one's own) and sorted (``s``), against a bare
  Textual app showing a 500-row ``DataTable`` of the same cells, sorted; target ≤ 1.5×;
- find: ``Library.find(lemma, lemma=True)`` (what ``reader find --lemma`` runs once the
  lemma is known; at most 100 sentences) and ``Library.hits`` (the lookup panel's count
  and first three), for lemmas from the most to the least frequent; target ≤ 100 ms;
  also the whole ``reader find WORD --lemma`` command (a new process: start-up included);
- add: adding a text (``add_source``) against reading it (``article.load``: decode and
  split) plus the spaCy pass (``analyse``), on sample articles (spaCy loaded beforehand);
  and adding them again, their analysis then coming from ``reader.nlp.cache``;
- index: the database's size per word of text at 100, 200 … 500 texts (linear: the same
  bytes per word at every size).

Run: .venv/bin/python -m benchmarks.library [--news PATH] [--texts N] [--runs N] [--keep]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

HERE = Path(__file__).resolve().parent

from benchmarks.common import ROOT, SEED, private_environment  # noqa: E402

if TYPE_CHECKING:
    from reader.library.shelf import Library

NEWS = Path("/work/shared/data/mt/newstest2013.fr.txt")
FIXTURES = ROOT / "tests" / "fixtures"
_ENDINGS = ("aient", "ait", "ent", "es", "s", "x")


def stand_in_lemma(form: str) -> str:
    """STAND-IN for spaCy's lemma (see the module's docstring): an ending cut."""
    word = form.lower()
    for ending in _ENDINGS:
        if len(word) > len(ending) + 3 and word.endswith(ending):
            return word[: -len(ending)]
    return word


def sentence_pool(news: Path) -> list[str]:
    from reader.article import load

    pool = [line.strip() for line in news.read_text(encoding="utf-8").splitlines() if line.strip()]
    for path in (
        SEED,
        FIXTURES / "inflation-zone-euro.fr.txt",
        FIXTURES / "sommet-bruxelles.fr.txt",
    ):
        pool += [s.text for b in load(path).blocks if b.kind != "title" for s in b.sentences]
    return pool


def make_text(number: int, pool: list[str], words: int) -> str:
    """A plain text of about ``words`` words: a title, paragraphs of 3 to 6 sentences and,
    in books, a heading every 40 paragraphs."""
    rng = random.Random(number)
    lines = [f"Texte {number} : {rng.choice(pool)[:80]}", ""]
    count, paragraph = 0, 0
    while count < words:
        if words > 10_000 and paragraph % 40 == 0:
            lines += [f"Chapitre {paragraph // 40 + 1}", ""]
        sentences = [
            f"{rng.choice(pool)} ({number}.{paragraph}.{i})" for i in range(rng.randint(3, 6))
        ]
        text = " ".join(sentences)
        lines += [text, ""]
        count += len(text.split())
        paragraph += 1
    return "\n".join(lines)


def text_sizes(count: int) -> list[int]:
    """Words per text: 1 book in 10 (64,000 words), the others articles (4,000 words)."""
    return [64_000 if n % 10 == 9 else 4_000 for n in range(count)]


def build(
    library: Library, pool: list[str], count: int, checkpoints: list[int]
) -> list[tuple[int, int, dict[str, int]]]:
    """Fills the library with the stand-in lemmas; the table sizes at each checkpoint."""
    from reader.article import parse
    from reader.library.index import form_lemmas, sentence_rows
    from reader.library.shelf import NewText
    from reader.nlp.analysis import Token

    sizes = []
    words = 0
    for number, size in enumerate(text_sizes(count)):
        article = parse(make_text(number, pool, size), f"/bench/texte-{number}.txt")
        tokens = [
            [
                Token(m.group(0), m.start(), m.end(), stand_in_lemma(m.group(0)), "X")
                for m in re.finditer(r"\w+", b.text)
            ]
            for b in article.blocks
        ]
        kind = "book" if size > 10_000 else "article"
        new = NewText(article.source, kind, article.title, "", "", article)  # type: ignore[arg-type]
        stored = library.add(new, sentence_rows(article.blocks, tokens), form_lemmas(tokens))
        words += stored.words
        if number + 1 in checkpoints:
            sizes.append((number + 1, words, table_sizes(library.path)))
    return sizes


def table_sizes(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        rows = db.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name").fetchall()
    return dict(rows)


# ---------------------------------------------------------------- screen


async def _open_library_screen(library: Library) -> None:
    """The reader's own path: ``reader`` with texts of one's own opens the app on the
    library screen (``ReaderApp`` without an article)."""
    from reader.app.app import ReaderApp

    app = ReaderApp(None, "none", remember=False, extract=False, library=library)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()


async def _open_bare_table(rows: list[tuple[str, ...]]) -> None:
    from textual.app import App, ComposeResult
    from textual.binding import Binding
    from textual.widgets import DataTable

    from reader.app.screens.library import COLUMNS

    class Bare(App[None]):
        BINDINGS = [Binding("s", "sort", "Sort")]

        def compose(self) -> ComposeResult:
            yield DataTable(cursor_type="row")

        def on_mount(self) -> None:
            table = self.query_one(DataTable)
            for key, label in COLUMNS:
                table.add_column(label, key=key)
            for number, row in enumerate(rows):
                table.add_row(*row, key=str(number))

        def action_sort(self) -> None:
            self.query_one(DataTable).sort("title", key=str.casefold)

    app = Bare()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()


def screen(library: Library, runs: int) -> None:
    from reader.app.screens.library import cells

    rows = [tuple(map(str, cells(t))) for t in library.texts()]  # plain strings
    mine, bare = [], []
    for _ in range(runs):  # interleaved, so that a busy moment of the machine hits both
        start = time.perf_counter()
        asyncio.run(_open_bare_table(rows))
        bare.append(time.perf_counter() - start)
        start = time.perf_counter()
        asyncio.run(_open_library_screen(library))
        mine.append(time.perf_counter() - start)
    m, b = statistics.median(mine), statistics.median(bare)
    print(
        f"\nscreen, {len(rows)} texts, opened and sorted (median of {runs}):\n"
        f"  library screen {1000 * m:6.0f} ms | bare DataTable app {1000 * b:6.0f} ms | "
        f"ratio {m / b:.2f}× (target ≤ 1.5×)"
    )


# ---------------------------------------------------------------- find


def find(library: Library, runs: int) -> None:
    with sqlite3.connect(library.path) as db:
        forms = db.execute(
            "SELECT lemma, sum(n) AS c FROM forms GROUP BY lemma ORDER BY c DESC"
        ).fetchall()
    # Lemmas from the most frequent to the rarest, their ranks evenly spaced on a log scale.
    ranks = sorted({round(len(forms) ** (i / 29)) - 1 for i in range(30)})
    picks = [forms[rank] for rank in ranks]
    timings: list[tuple[str, int, float, float]] = []
    for lemma, occurrences in picks:
        find_times, hit_times = [], []
        for _ in range(runs):
            start = time.perf_counter()
            library.find(lemma, lemma=True, limit=100)
            find_times.append(time.perf_counter() - start)
            start = time.perf_counter()
            library.hits(lemma, lemma=True, first=3)
            hit_times.append(time.perf_counter() - start)
        timings.append(
            (lemma, occurrences, statistics.median(find_times), statistics.median(hit_times))
        )
    finds = [t[2] for t in timings]
    hits = [t[3] for t in timings]
    print(f"\nfind by lemma, {len(picks)} lemmas of every frequency (each the median of {runs}):")
    print(
        f"  find (≤ 100 sentences): median {1000 * statistics.median(finds):.1f} ms, "
        f"max {1000 * max(finds):.1f} ms (target ≤ 100 ms)"
    )
    print(
        f"  lookup panel (count up to 10,000 + first 3): median {1000 * statistics.median(hits):.1f} ms, "
        f"max {1000 * max(hits):.1f} ms"
    )
    for lemma, occurrences, f, h in timings[:3] + timings[-2:]:
        print(
            f"    {lemma!r:>16} {occurrences:>9,} occurrences: find {1000 * f:6.1f} ms, panel {1000 * h:7.1f} ms"
        )
    with sqlite3.connect(library.path) as db:  # a form of a mid-frequency lemma, as typed
        word = db.execute(
            "SELECT form FROM forms WHERE lemma = ? ORDER BY n DESC LIMIT 1", (picks[10][0],)
        ).fetchone()[0]
    command = [sys.executable, "-m", "reader.cli", "find", word, "--lemma", "--format", "json"]
    walls = []
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True, cwd=ROOT)
        walls.append(time.perf_counter() - start)
    print(
        f"  the command `reader find {word} --lemma` (new process): median {1000 * statistics.median(walls):.0f} ms"
    )


# ---------------------------------------------------------------- add


def add(pool: list[str], folder: Path, samples: int) -> None:
    from reader.article import load
    from reader.library.shelf import Library
    from reader.library.sources import add_source
    from reader.nlp.analysis import analyse, load_model

    load_model()  # once, before anything is timed
    library = Library(folder / "sample.sqlite3")
    reads, passes, adds, agains, words = [], [], [], [], 0
    for number in range(samples):
        # Two texts of the same size: spaCy is faster on words it has seen, so the one
        # added is not the one analysed; which comes first alternates.
        pair = []
        for side in range(2):
            path = folder / f"echantillon-{number}-{side}.txt"
            path.write_text(make_text(10_000 + 2 * number + side, pool, 4_000), encoding="utf-8")
            pair.append(path)
        if number % 2:
            pair.reverse()
        for side, path in enumerate(pair):
            if (side == 0) == (number % 2 == 0):
                start = time.perf_counter()
                article = load(path)
                reads.append(time.perf_counter() - start)
                start = time.perf_counter()
                analyse(article.blocks)
                passes.append(time.perf_counter() - start)
            else:
                start = time.perf_counter()
                text, _ = add_source(library, str(path))
                adds.append(time.perf_counter() - start)
                words += text.words
                start = time.perf_counter()  # again: the analysis now comes from its cache
                add_source(library, str(path))
                agains.append(time.perf_counter() - start)
    library.close()
    read, spacy, added, again = sum(reads), sum(passes), sum(adds), sum(agains)
    print(
        f"\nadding, {samples} articles of {words // samples:,} words, against reading and analysing "
        f"{samples} others of the same size (sums):\n"
        f"  read (load + split) {read:.2f} s + spaCy pass {spacy:.2f} s = {read + spacy:.2f} s | "
        f"add {added:.2f} s | ratio {added / (read + spacy):.2f}×\n"
        f"  adding the same texts again (their analysis kept by reader.nlp.cache): {again:.2f} s, "
        f"{100 * again / added:.0f} % of the first time\n"
        f"  spaCy: {words / spacy:,.0f} words/s here, so 5 M words would take "
        f"{5_000_000 / (words / spacy) / 60:.0f} min (hence the stand-in lemmas above)"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--news", type=Path, default=NEWS, help="one French sentence a line")
    parser.add_argument("--texts", type=int, default=500)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--samples", type=int, default=5, help="articles added for real")
    parser.add_argument("--keep", action="store_true", help="keep the library (150 MB) afterwards")
    args = parser.parse_args()
    home = private_environment()
    from reader.library.shelf import Library, library_path

    pool = sentence_pool(args.news)
    folder = Path(tempfile.mkdtemp(prefix="reader-bench-library-"))
    library = Library()  # in the private data folder, where `reader find` looks
    checkpoints = [round(args.texts * k / 5) for k in range(1, 6)]
    start = time.perf_counter()
    sizes = build(library, pool, args.texts, checkpoints)
    print(
        f"built {args.texts} texts ({sizes[-1][1]:,} words, stand-in lemmas) in {time.perf_counter() - start:.0f} s"
    )
    print("\nindex growth (bytes per word of text; linear = the same at every size):")
    for texts, words, tables in sizes:
        stored = tables.get("contents", 0) + tables.get("texts", 0)
        index = sum(v for k, v in tables.items() if k.startswith(("sentence", "forms")))
        print(
            f"  {texts:4} texts {words:>10,} words: database {sum(tables.values()) / 2**20:7.1f} MiB, "
            f"stored text {stored / words:5.1f} B/word, sentences + index {index / words:5.1f} B/word"
        )
    screen(library, args.runs)
    find(library, args.runs)
    library.close()
    add(pool, folder, args.samples)
    if args.keep:
        print(f"\n(kept: the library {library_path()}, the samples in {folder})")
    else:
        shutil.rmtree(home, ignore_errors=True)
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
