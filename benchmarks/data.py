"""The data folder at scale: backups, export and import, and what opening costs.

The folder: the 500-text library of ``benchmarks/library.py`` (about 5 million words,
its stand-in lemmas), 20,000 word statuses (with their history) and 2,000 saved words
with a sentence each.

Measures (the best of ``--runs``; ratios against a plain copy of the same files
measured in the same run):
- backup (``reader data backup``: SQLite's backup API, each database) against
  ``shutil.copy2`` of the same files (database and WAL); target ≤ 1.5×;
- export (``reader data export``) and import into an empty folder (``reader data
  import``); targets ≤ 10 s and ≤ 20 s;
- % known of every text, computed from the statuses (what the library screen does on
  opening, since it is no longer stored);
- opening a database whose migrations have run (``open_database``) against a bare
  ``sqlite3.connect`` and one read: what the migrations cost once done (target: nothing
  measurable, a few µs for the version read).

Run: python -m benchmarks.data [--texts N] [--runs N]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.common import best_of, private_environment


def fill(folder: Path, texts: int) -> None:
    from benchmarks.library import NEWS, build, sentence_pool
    from reader.data import schemas
    from reader.data.database import open_database, transaction
    from reader.learning.store import LearningStore
    from reader.library.shelf import Library

    started = time.perf_counter()
    with Library(folder / "library.sqlite3") as library:
        build(library, sentence_pool(NEWS), texts, [])
    store = LearningStore(folder / "learning.sqlite3")
    statuses = ("known", "learning-1", "learning-2", "ignored")
    store.set_many({f"lemme{i}": statuses[i % 4] for i in range(20_000)})
    # each text's lemma counts, as opening it records them (for % known): 1,500 lemmas a text
    import random

    rng = random.Random(1)
    for n in range(texts):
        counts = {f"lemme{rng.randrange(40_000)}": rng.randrange(1, 30) for _ in range(1_500)}
        store.record_article(f"key{n}", f"Texte {n}", f"/bench/texte-{n}.txt", 4_000, counts)
    # 2,000 saves in one transaction (as 2,000 ``Vocabulary.save`` would leave them,
    # without 2,000 fsyncs), in the file as its own opener makes it
    db = open_database(folder / "vocabulary.sqlite3", schemas.VOCABULARY).db
    with transaction(db):
        db.executemany(
            "INSERT INTO words VALUES (?, ?, ?, 'typed', '2026-12-08T00:00:00+00:00',"
            " '2026-12-08T00:00:00+00:00')",
            [(f"mot{i}", f"mots{i}", f"word {i}") for i in range(2_000)],
        )
        db.executemany(
            "INSERT INTO examples (lemma, word, sentence, english, title, path, saved)"
            " VALUES (?, ?, ?, ?, 'Banc d''essai', '', '2026-12-08T00:00:00+00:00')",
            [
                (
                    f"mot{i}",
                    f"mots{i}",
                    f"Voici la phrase numéro {i}, où le mot {i} paraît.",
                    f"Here is sentence number {i}, where word {i} appears.",
                )
                for i in range(2_000)
            ],
        )
    db.close()
    took = time.perf_counter() - started
    size = sum(p.stat().st_size for p in folder.iterdir() if p.is_file())
    print(
        f"folder: {texts} texts, 20,000 statuses, 2,000 words: {size / 1e6:.0f} MB (made in {took:.0f} s)"
    )


def files_of(folder: Path) -> list[Path]:
    from reader.data import locations

    names = [*locations.USER_DATABASES, *locations.USER_FILES]
    found = [folder / n for n in names] + [folder / f"{n}-wal" for n in names]
    return [p for p in found if p.is_file()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=500)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    home = private_environment()
    folder = home / "data"
    folder.mkdir(parents=True, exist_ok=True)
    from reader.data import backups, schemas, transfer
    from reader.data.database import open_database

    fill(folder, args.texts)
    work = Path(tempfile.mkdtemp(prefix="reader-bench-data-"))
    try:

        def plain_copy() -> None:
            target = work / "copy"
            shutil.rmtree(target, ignore_errors=True)
            target.mkdir()
            for path in files_of(folder):
                shutil.copy2(path, target / path.name)

        def synced_copy() -> None:
            plain_copy()
            for path in (work / "copy").iterdir():
                with open(path, "rb") as handle:
                    os.fsync(handle.fileno())

        def backup() -> None:
            backups.make(folder, "bench", keep=100)

        def without_backups() -> None:
            shutil.rmtree(folder / "backups", ignore_errors=True)

        archive = work / "export.zip"

        def export() -> None:
            transfer.export(folder, archive)

        def import_() -> None:
            target = work / "imported"
            shutil.rmtree(target, ignore_errors=True)
            transfer.import_(target, archive)

        copy = best_of(args.runs, plain_copy)
        size = sum(p.stat().st_size for p in files_of(folder))
        print(f"plain copy of the same files ({size / 1e6:.0f} MB): {copy:.2f} s")
        synced = best_of(args.runs, synced_copy)
        print(f"the same copy, each file synced to disk as a backup is: {synced:.2f} s")
        took = []
        for _ in range(args.runs):
            start = time.perf_counter()
            backup()
            took.append(time.perf_counter() - start)
            without_backups()  # not timed
        best = min(took)
        print(
            f"backup: {best:.2f} s = {best / copy:.2f}× the plain copy (target ≤ 1.5×),"
            f" {best / synced:.2f}× the synced copy"
        )
        for name, fn, target in (
            ("export", export, 10.0),
            ("import into an empty folder", import_, 20.0),
        ):
            took_one = best_of(args.runs, fn)
            print(
                f"{name}: {took_one:.2f} s = {took_one / copy:.0f}× the plain copy"
                f" (target ≤ {target:.0f} s)"
            )
        print(f"export size: {archive.stat().st_size / 1e6:.0f} MB")

        from reader.learning.stats import known_shares
        from reader.learning.store import LearningStore

        store = LearningStore(folder / "learning.sqlite3")
        took_shares = best_of(args.runs, lambda: known_shares(store))
        print(
            f"% known of {args.texts} texts from the statuses (the library screen): {took_shares * 1e3:.0f} ms"
        )

        path = folder / schemas.LIBRARY.file

        def bare() -> None:
            db = sqlite3.connect(path, isolation_level=None)
            db.execute("SELECT count(*) FROM texts WHERE id = 0").fetchone()
            db.close()

        def opened() -> None:
            db = open_database(path, schemas.LIBRARY).db
            db.execute("SELECT count(*) FROM texts WHERE id = 0").fetchone()
            db.close()

        for _ in range(20):
            bare()
            opened()
        times: dict[str, list[float]] = {"bare": [], "opened": []}
        for _ in range(300):
            for name, fn in (("bare", bare), ("opened", opened)):
                start = time.perf_counter()
                fn()
                times[name].append(time.perf_counter() - start)
        b, o = statistics.median(times["bare"]), statistics.median(times["opened"])
        print(
            f"open, migrations done: {o * 1e6:.0f} µs against a bare connect {b * 1e6:.0f} µs"
            f" ({o / b:.2f}×, +{(o - b) * 1e6:.0f} µs: the user_version read)"
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
