"""A peek: another text of the library, opened at one of its sentences over the text being
read (``o`` in the lookup panel; Lute's "peek", which keeps the reading position).

It is a reading screen like the one under it (English, glossary, lookups), pushed on top;
a glance: it saves no position, so neither text's saved position moves (``library_flow``
makes it with ``remember`` off). Escape (with no lookup open, in the text) or ``q`` goes
back to the text under it, as it was.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.binding import Binding
from textual.widgets import Label

from reader.app.screens.main import MainScreen

if TYPE_CHECKING:
    from reader.app.context import ReadingContext
    from reader.library.shelf import Hit


class PeekScreen(MainScreen):
    """``article`` at ``at``'s sentence; ``back_to`` names the text under it."""

    BINDINGS = [Binding("q", "leave", "Back to the text")]  # before the app's q (quit)

    def __init__(self, context: ReadingContext, *, at: Hit, back_to: str) -> None:
        super().__init__(context)
        self.at = at
        self.back_to = back_to

    def on_mount(self) -> None:
        # After MainScreen's own on_mount (which runs after this one) has laid the view out.
        self.call_after_refresh(self._go_to_hit)
        back = f"« {self.back_to} »" if self.back_to else "the text"
        self.query_one("#title-bar", Label).update(
            Text(f"Peek: « {self.article.title} » · Escape/q: back to {back}")
        )

    def _go_to_hit(self) -> None:
        view = self.view
        view.go_to(self.at.block, top=True)
        if self.at.sentence < len(self.article.blocks[view.current].sentences):
            view.sentence = self.at.sentence

    def action_back_to_text(self) -> None:
        lookup = self.lookup_panel
        if self.view.has_focus and (lookup is None or not lookup.is_open):
            self.action_leave()
        else:
            super().action_back_to_text()

    def action_leave(self) -> None:
        """Back to the text under this one (as it was)."""
        self.app.pop_screen()
