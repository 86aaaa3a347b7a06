"""Start-up where users see it: in a real terminal (tmux), from launch until the text is visible.

For each text (the seed, then a ~1 MB French text), in one run:
  bare:   a bare Textual app that reads the same file and shows its opening text in a Static;
  reader: the reader on that file (default engine; translation runs after the first screen).
Each case is launched in a fresh tmux pane (160x48, TERM=xterm-256color) several times;
the pane is polled with capture-pane until a line of the article's opening text appears.
Prints the medians and reader/bare for each text. Targets: seed <= 1.5, 1 MB <= 3.

Run: .venv/bin/python -m benchmarks.startup [--runs N]
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
from benchmarks.common import SEED, long_french_text, private_environment  # noqa: E402

SIZE = (160, 48)
BARE = HERE / "startup_bare.py"
TIMEOUT = 30.0


SOCKET = f"reader-startup-{os.getpid()}"
"""A tmux server of its own: the benchmark never touches anyone else's sessions."""


def tmux(*args: str) -> str:
    return subprocess.run(
        ["tmux", "-L", SOCKET, *args], capture_output=True, text=True, check=False
    ).stdout


def visible_after_launch(command: str, needle: str, session: str, cwd: Path | None = None) -> float:
    """Seconds from launching ``command`` in a new tmux pane until ``needle`` is on screen."""
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "COLORTERM")}
    env["TERM"] = "xterm-256color"
    started = time.perf_counter()
    subprocess.run(
        [
            *("tmux", "-L", SOCKET, "new-session", "-d", "-s", session),
            *("-c", str(cwd or HERE.parent), "-x", str(SIZE[0]), "-y", str(SIZE[1]), command),
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


_launches = iter(range(1, 10**9))


def median_of(runs: int, command: str, needle: str, cwd: Path | None = None) -> float:
    times = [
        visible_after_launch(command, needle, f"run-{next(_launches)}", cwd) for _ in range(runs)
    ]
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--before",
        type=Path,
        help="another checkout of the reader (e.g. an older commit) to time too",
    )
    args = parser.parse_args()
    runs, before = args.runs, args.before
    if not shutil.which("tmux"):
        raise SystemExit("this benchmark needs tmux (Debian: apt-get install tmux)")
    private_environment()  # private data folders: no reading position is restored
    # One idle session keeps the private tmux server up between launches (a server that
    # exits with its last session races the next launch).
    subprocess.run(
        ["tmux", "-L", SOCKET, "new-session", "-d", "-s", "keeper", "sleep 3600"], check=True
    )
    try:
        measure_all(runs, before)
    finally:
        tmux("kill-server")


def measure_all(runs: int, before: Path | None) -> None:
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
            # Interleaved, so a load that comes and goes weighs on every case alike.
            cases: dict[str, tuple[str, Path | None]] = {
                "bare": (f"{python} {BARE} {quoted}", None)
            }
            cases["reader"] = (f"{python} -m reader.cli {quoted}", None)
            if before:
                cases["before"] = (f"{python} -m reader.cli {quoted}", before)
            times: dict[str, list[float]] = {name: [] for name in cases}
            for _ in range(runs):
                for name, (command, cwd) in cases.items():
                    times[name].append(
                        visible_after_launch(command, needle, f"run-{next(_launches)}", cwd)
                    )
            bare, reader = statistics.median(times["bare"]), statistics.median(times["reader"])
            old = statistics.median(times["before"]) if before else None
            results[label] = (bare, reader, old)
    print(
        f"launch -> text visible in tmux {SIZE[0]}x{SIZE[1]}, median of {runs} fresh processes each, "
        "cases interleaved"
    )
    for label, (bare, reader, old) in results.items():
        print(
            f"  {label:16} bare Textual app {bare * 1000:6.0f} ms   reader {reader * 1000:6.0f} ms   "
            f"reader/bare {reader / bare:4.2f}"
            + (
                f"   before ({before}) {old * 1000:6.0f} ms, before/bare {old / bare:4.2f}"
                if old
                else ""
            )
        )
    (seed_bare, seed_reader, _), (big_bare, big_reader, _) = results.values()
    print(
        f"seed: reader/bare = {seed_reader / seed_bare:.2f} (target <= 1.5)   "
        f"1 MB: reader/bare = {big_reader / seed_bare:.2f} against the bare app on the seed, "
        f"{big_reader / big_bare:.2f} against the bare app on the same text (target <= 3)"
    )


if __name__ == "__main__":
    main()
