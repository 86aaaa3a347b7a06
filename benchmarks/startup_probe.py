"""One start-up measurement, run in a fresh process by benchmarks/startup.py.

Prints ``<wall-clock time at first full screen> <seconds since this module started> <peak RSS in KiB>``
and exits; the parent subtracts its own launch time to get what a user waits for. Usage:
    python benchmarks/startup_probe.py bare|reader PATH
"""

from __future__ import annotations

import resource
import sys
import time

START = time.perf_counter()


def report(app) -> None:
    elapsed = time.perf_counter() - START
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"{time.time():.6f} {elapsed:.4f} {peak}", flush=True)
    app.exit()


def bare() -> None:
    from textual.app import App
    from textual.widgets import Static

    class Bare(App):
        def compose(self):
            yield Static(
                "Le président Donald Trump semble avoir appris à ses dépens ce que tous ses prédécesseurs ont dû apprendre."
            )

        def on_mount(self):
            self.call_after_refresh(report, self)

    Bare().run(headless=True, size=(160, 48))


def reader(path: str) -> None:
    sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent.parent))
    import reader.cli  # noqa: F401  (the real command's imports count too)
    from reader.app.app import ReaderApp
    from reader.article import load

    class Probe(ReaderApp):
        # Measured: the first screen; translation starts after it and is not waited for.
        def on_mount(self):
            self.call_after_refresh(report, self)

    Probe(load(path), "reference", remember=False, extract=False).run(headless=True, size=(160, 48))


if __name__ == "__main__":
    bare() if sys.argv[1] == "bare" else reader(sys.argv[2])
