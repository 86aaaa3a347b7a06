"""The help screen: every key of the app and the article view, from their own bindings."""

from __future__ import annotations

from collections.abc import Iterable

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

INTRO = (
    "Read the French, check the English. The English of each block is labelled with the engine "
    "that produced it. j and k scroll through a block taller than the screen before moving on. "
    "Click a block to make it current, a French word to look it up (also l or Enter); "
    "the command palette (ctrl+p) lists every action."
)


def keys_table(groups: Iterable[tuple[str, Iterable[Binding]]]) -> Table:
    table = Table(box=None, show_header=False, padding=(0, 2))
    table.add_column(style="bold")
    table.add_column()
    for title, bindings in groups:
        table.add_row(f"[u]{title}[/u]", "")
        for b in bindings:
            if b.description:
                table.add_row(b.key_display or b.key.replace("_", " "), b.description)
        table.add_row("", "")
    return table


def keys_columns(groups: list[tuple[str, list[Binding]]]) -> Table:
    """The first two groups (reading, the lookup) on the left, the others on the right:
    fits a 40-line terminal."""
    grid = Table.grid(padding=(0, 4))
    grid.add_row(keys_table(groups[:2]), keys_table(groups[2:]))
    return grid


class HelpScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll { width: 100; max-width: 95%; height: 90%; border: thick $primary; background: $surface; padding: 1 2; }
    """
    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close help")]

    def __init__(self, groups: list[tuple[str, list[Binding]]]) -> None:
        super().__init__()
        self.groups = groups

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static("[b]Bilingual reader — keys[/b]\n")
            yield Static(INTRO + "\n")
            # Two columns where they fit; one below, so no key or action is cut.
            wide = self.app.size.width >= 110
            yield Static(keys_columns(self.groups) if wide else keys_table(self.groups))
            yield Static("[dim]escape closes this screen[/dim]")
