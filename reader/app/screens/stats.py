"""The statistics screen: known lemmas over time, words read and reviews per day as
charts (Textual's ``Sparkline``), true retention, and each article's % known.

It is given a ``Statistics`` (``reader.learning.stats``), computed by the caller in a
worker; the screen only draws it. In 16 colours or none the charts still read: a
sparkline's bars differ by height, not only by colour, and every chart has its numbers
(first, last, highest) beside it in text.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import DataTable, Sparkline, Static

from reader.learning.stats import Statistics


def summary(title: str, series: Sequence[tuple[str, int]], unit: str) -> Text:
    """The chart's caption: what it shows, over which days, and its numbers."""
    if not series:
        return Text(f"{title}: nothing yet", style="dim")
    values = [n for _, n in series]
    return Text.assemble(
        (title, "bold"),
        f"  {series[0][0]} → {series[-1][0]}: now {values[-1]} {unit}, highest {max(values)}",
    )


TITLE_WIDTH = 44
"""An article's title in the table is cut to this many cells, so that every column fits."""


class StatsScreen(ModalScreen[None]):
    """What the reader has learnt; escape or q closes it."""

    DEFAULT_CSS = """
    StatsScreen { align: center middle; }
    StatsScreen > VerticalScroll {
        width: 100; max-width: 95%; height: 90%;
        border: thick $primary; background: $surface; padding: 1 2;
    }
    StatsScreen Sparkline { height: 3; margin-bottom: 1; }
    StatsScreen DataTable { height: auto; max-height: 16; }
    """
    BINDINGS = [Binding("escape,q", "dismiss", "Close statistics")]

    def __init__(self, statistics: Statistics) -> None:
        super().__init__()
        self.statistics = statistics

    def compose(self) -> ComposeResult:
        s = self.statistics
        with VerticalScroll():
            yield Static(
                Text.assemble(
                    ("Statistics", "bold"),
                    f"   known lemmas {s.known} · learning {s.learning} · ignored {s.ignored}\n",
                )
            )
            yield Static(
                summary("Known lemmas over time", s.known_by_day, "known"), id="known-caption"
            )
            yield Sparkline([n for _, n in s.known_by_day], id="known")
            yield Static(summary("Words read per day", s.words_by_day, "words"), id="read-caption")
            yield Sparkline([n for _, n in s.words_by_day], id="read")
            yield Static(
                summary("Reviews per day", s.reviews_by_day, "reviews"), id="reviews-caption"
            )
            yield Sparkline([n for _, n in s.reviews_by_day], id="reviews")
            yield Static(
                Text(
                    f"True retention: {s.retention:.0%} of {s.reviews} reviews passed"
                    if s.retention is not None
                    else "True retention: no reviews yet (R reviews the words you are learning)",
                    style="" if s.retention is not None else "dim",
                ),
                id="retention",
            )
            yield Static(Text("Articles", style="bold"))
            table: DataTable[str] = DataTable(id="articles", cursor_type="row", zebra_stripes=True)
            # Running words (tokens), not the status line's "new words" (lemmas): T6.
            table.add_columns("article", "running words", "% known", "last seen")
            for a in s.articles:
                title = a.title or a.source
                if len(title) > TITLE_WIDTH:  # the date must show in the screen's 100 cells
                    title = title[: TITLE_WIDTH - 1].rstrip() + "…"
                table.add_row(title, str(a.countable), f"{a.share:.0%}", a.seen[:10])
            yield table
            yield Static(Text("escape closes this screen", style="dim"))
