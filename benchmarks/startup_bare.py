"""The baseline for benchmarks/startup.py: a bare Textual app that reads a file and shows its
opening text (about a screenful) in a Static. Usage: python -m benchmarks.startup_bare PATH"""

from __future__ import annotations

import sys
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import Static


class Bare(App[None]):
    BINDINGS = [("q", "quit", "Quit")]

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        yield Static(self.text)


if __name__ == "__main__":
    text = Path(sys.argv[1]).read_text(encoding="utf-8")
    Bare(text[:4000]).run()
