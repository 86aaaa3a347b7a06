"""Start-up where users see it: in a real terminal (tmux), from launch until the text is visible.

For each text (the seed, then a ~1 MB French text), in one run:
  bare:   a bare Textual app that reads the same file and shows its opening text in a Static;
  reader: the reader on that file (default engine; translation runs after the first screen).
Each case is launched in a fresh tmux pane (160x48, TERM=xterm-256color) several times;
the pane is polled with capture-pane until a line of the article's opening text appears.
Prints the medians and reader/bare for each text. Targets: seed <= 1.5, 1 MB <= 3.

Run: .venv/bin/python benchmarks/startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from benchmarks.common import SEED, long_french_text, private_environment  # noqa: E402

SIZE = (160, 48)
BARE = HERE / "startup_bare.py"
TIMEOUT = 30.0


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], capture_output=True, text=True, check=False).stdout


def visible_after_launch(command: str, needle: str, session: str) -> float:
    """Seconds from launching ``command`` in a new tmux pane until ``needle`` is on screen."""
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "COLORTERM")}
    env["TERM"] = "xterm-256color"
    started = time.perf_counter()
    subprocess.run(
        [
            "tmux",
            "new-session",
            "-d",
            "-s",
            session,
            "-x",
            str(SIZE[0]),
            "-y",
            str(SIZE[1]),
            command,
        ],
        env=env,
        check=True,
    )
    try:
        while time.perf_counter() - started < TIMEOUT:
            if needle in tmux("capture-pane", "-p", "-t", session):
                return time.perf_counter() - started
            time.sleep(0.002)
        raise SystemExit(f"{command!r}: {needle!r} not visible after {TIMEOUT:.0f} s")
    finally:
        tmux("kill-session", "-t", session)


def median_of(runs: int, command: str, needle: str) -> float:
    times = [
        visible_after_launch(command, needle, f"startup-{os.getpid()}-{i}") for i in range(runs)
    ]
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    if not shutil.which("tmux"):
        raise SystemExit("this benchmark needs tmux (Debian: apt-get install tmux)")
    private_environment()  # private data folders: no reading position is restored
    python = shlex.quote(sys.executable)
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "long.fr.txt"
        big.write_text(long_french_text(), encoding="utf-8")
        results = {}
        for label, path in (("seed", SEED), (f"{big.stat().st_size // 1024} KiB text", big)):
            from reader.article import load

            needle = load(path).blocks[0].text[:40]
            quoted = shlex.quote(str(path))
            median_of(1, f"{python} {BARE} {quoted}", needle)  # warm the file system cache
            bare = median_of(runs, f"{python} {BARE} {quoted}", needle)
            reader = median_of(runs, f"{python} -m reader.cli {quoted}", needle)
            results[label] = (bare, reader)
    print(
        f"launch -> text visible in tmux {SIZE[0]}x{SIZE[1]}, median of {runs} fresh processes each"
    )
    for label, (bare, reader) in results.items():
        print(
            f"  {label:16} bare Textual app {bare * 1000:6.0f} ms   reader {reader * 1000:6.0f} ms   "
            f"reader/bare {reader / bare:4.2f}"
        )
    (seed_bare, seed_reader), (big_bare, big_reader) = results.values()
    print(
        f"seed: reader/bare = {seed_reader / seed_bare:.2f} (target <= 1.5)   "
        f"1 MB: reader/bare = {big_reader / seed_bare:.2f} against the bare app on the seed, "
        f"{big_reader / big_bare:.2f} against the bare app on the same text (target <= 3)"
    )


if __name__ == "__main__":
    main()
