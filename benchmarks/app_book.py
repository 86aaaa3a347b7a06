"""A whole book in the app against ``reader translate``: Apertium, cold cache, one run each.

Run: .venv/bin/python -m benchmarks.app_book [--extract]
Prints the CLI's time, the app's time until every block has its English (headless,
160x48), the ratio (target: at most 2), how many engine calls the app made, and how
long the blocks on screen waited for their English after End.
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.common import ROOT, long_french_text, private_environment


def cli_seconds(path: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "reader.cli", "translate", str(path), "-e", "apertium"],
        check=True,
        capture_output=True,
        cwd=ROOT,
    )
    return time.perf_counter() - start


async def app_seconds(path: Path, extract: bool) -> tuple[float, int, float]:
    from reader.app.app import ReaderApp
    from reader.app.messages import EnglishArrived, TranslationDone
    from reader.article import load

    messages: list[object] = []
    article = load(path)
    app = ReaderApp(article, "apertium", remember=False, extract=extract)
    start = time.perf_counter()
    end_wait = -1.0
    async with app.run_test(size=(160, 48), message_hook=messages.append) as pilot:
        await pilot.pause()
        await pilot.press("end")
        pressed = time.perf_counter()
        last = len(article.blocks) - 1
        while not any(isinstance(m, TranslationDone) for m in messages):
            if end_wait < 0 and last in app.view.english:
                end_wait = time.perf_counter() - pressed
            await asyncio.sleep(0.02)
        elapsed = time.perf_counter() - start
    calls = sum(isinstance(m, EnglishArrived) for m in messages)
    return elapsed, calls, end_wait


def main() -> None:
    extract = "--extract" in sys.argv
    private_environment()
    folder = Path(tempfile.mkdtemp(prefix="reader-book-"))
    path = folder / "book.fr.txt"
    path.write_text(long_french_text(), encoding="utf-8")
    import os

    os.environ["READER_DATA_DIR"] = str(folder / "cli-data")
    cli = cli_seconds(path)
    os.environ["READER_DATA_DIR"] = str(folder / "app-data")
    app, calls, end_wait = asyncio.run(app_seconds(path, extract))
    print(f"reader translate (apertium, cold): {cli:.2f} s")
    print(f"app, every block translated{' (with extraction)' if extract else ''}: {app:.2f} s")
    print(f"ratio app/cli: {app / cli:.2f} (target <= 2)")
    print(f"engine calls in the app: {calls}")
    print(f"last block's English after End: {end_wait:.2f} s")


if __name__ == "__main__":
    main()
