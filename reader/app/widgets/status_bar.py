"""The status line: which engine produces the English, translation progress, mode and place.

Progress is drawn as text in one label: cheaper to mount than a composite ProgressBar,
which keeps start-up close to a bare Textual app.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label

BAR_CELLS = 12


def progress_text(done: int, total: int) -> str:
    if total <= 0 or done >= total:
        return ""
    filled = BAR_CELLS * done // total
    return f"translating {'█' * filled}{'░' * (BAR_CELLS - filled)} {100 * done // total:3d}%"


class StatusBar(Horizontal):
    DEFAULT_CSS = """
    StatusBar { height: 1; background: $panel; padding: 0 1; }
    StatusBar > Label { width: auto; margin-right: 2; }
    StatusBar > #engine { color: $accent; }
    StatusBar > #place { color: $text-muted; }
    """

    def compose(self) -> ComposeResult:
        yield Label("English: starting…", id="engine")
        yield Label("", id="progress")
        yield Label("", id="place")

    def set_engine(self, text: str) -> None:
        self.query_one("#engine", Label).update(text)

    def set_progress(self, done: int, total: int) -> None:
        self.query_one("#progress", Label).update(progress_text(done, total))

    def set_place(self, text: str) -> None:
        self.query_one("#place", Label).update(text)
