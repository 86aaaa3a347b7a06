"""Time to first full screen and peak memory, in one run, each case in fresh processes:

(a) a bare Textual app showing one static paragraph (the baseline);
(b) the reader on the bundled article;
(c) the reader on a ~1 MB French text.
Prints (b)/(a) and (c)/(a). Targets: (b)/(a) <= 1.5, (c)/(a) <= 3.

Run: .venv/bin/python benchmarks/startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from benchmarks.common import SEED, long_french_text  # noqa: E402

PROBE = HERE / "startup_probe.py"


def measure(args: list[str], runs: int) -> tuple[float, float, int]:
    """Median launch-to-first-screen seconds, median in-process seconds, and the largest peak RSS."""
    launch_times, inner_times, peaks = [], [], []
    for _ in range(runs):
        launched = time.time()
        out = subprocess.run(
            [sys.executable, str(PROBE), *args],
            capture_output=True,
            text=True,
            timeout=120,
            stdin=subprocess.DEVNULL,
        )
        if out.returncode != 0:
            raise SystemExit(f"probe {args} failed: {out.stderr.strip()[-500:]}")
        shown, inner, peak = out.stdout.split()[-3:]
        launch_times.append(float(shown) - launched)
        inner_times.append(float(inner))
        peaks.append(int(peak))
    return statistics.median(launch_times), statistics.median(inner_times), max(peaks)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "long.fr.txt"
        big.write_text(long_french_text(), encoding="utf-8")
        measure(["bare"], 1)  # warm the file system cache for everyone
        cases = {
            "(a) bare Textual app": measure(["bare"], runs),
            "(b) reader, seed": measure(["reader", str(SEED)], runs),
            f"(c) reader, {big.stat().st_size // 1024} KiB text": measure(
                ["reader", str(big)], runs
            ),
        }
    base_time, base_inner, base_peak = cases["(a) bare Textual app"]
    print(
        f"time from launch to first full screen (median of {runs} fresh processes); in-process part; peak RSS"
    )
    for name, (seconds, inner, peak) in cases.items():
        print(
            f"  {name:28} {seconds * 1000:6.0f} ms (in-process {inner * 1000:4.0f} ms)  {peak / 1024:4.0f} MiB   "
            f"x{seconds / base_time:4.2f} time  x{inner / base_inner:4.2f} in-process  x{peak / base_peak:4.2f} memory"
        )
    (b, _, _), (c, _, _) = list(cases.values())[1:]
    print(
        f"(b)/(a) = {b / base_time:.2f} (target <= 1.5)   (c)/(a) = {c / base_time:.2f} (target <= 3)"
    )


if __name__ == "__main__":
    main()
