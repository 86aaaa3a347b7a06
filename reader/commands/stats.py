"""``reader stats``: known lemmas over time, words read per day, each article's % known."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated

import typer

from reader.commands.arguments import ListFormat
from reader.commands.common import json_out, notice, safe_console

BARS = "▁▂▃▄▅▆▇█"
RECENT_DAYS = 7


def spark(values: Sequence[int]) -> str:
    """A one-line chart of ``values`` from zero (the lowest bar for 0, the highest for the
    largest): one day of 128 known lemmas is a full bar, not the lowest (T35)."""
    if not values:
        return ""
    low, high = min(0, *values), max(values)
    span = high - low or 1
    return "".join(BARS[(v - low) * (len(BARS) - 1) // span] for v in values)


def stats(
    fmt: Annotated[
        ListFormat, typer.Option("--format", "-f", help="Output format.")
    ] = ListFormat.table,
) -> None:
    """Show what you have learnt: known lemmas over time, words read per day, % known per article.

    A block counts as read when you move past it; % known uses your statuses of today.
    """
    from reader.learning.stats import statistics
    from reader.learning.store import LearningStore

    store = LearningStore()
    result = statistics(store)
    if store.notice:
        notice(store.notice)
    if fmt is ListFormat.json:
        json_out(result.to_json())
        return
    from rich.table import Table
    from rich.text import Text

    console = safe_console()
    console.print(
        Text(
            f"Known lemmas: {result.known}  learning: {result.learning}  ignored: {result.ignored}"
        )
    )
    for title, series in (
        ("Known lemmas over time", result.known_by_day),
        ("Words read per day", result.words_by_day),
        ("Reviews per day", result.reviews_by_day),
    ):
        if not series:
            console.print(Text(f"{title}: nothing yet"))
            continue
        values = [n for _, n in series]
        console.print(Text(f"{title}, {series[0][0]} → {series[-1][0]}: {spark(values)}"))
        recent = "  ".join(f"{d[5:]} {n}" for d, n in series[-RECENT_DAYS:])
        console.print(Text(f"  last days: {recent}", style="dim"))
    if result.retention is not None:
        console.print(
            Text(
                f"True retention: {result.retention:.0%} of {result.reviews} reviews passed"
                " (Hard, Good or Easy)"
            )
        )
    if not result.articles:
        console.print(Text("Articles: none yet (reader words PATH, or read one in the reader)"))
        return
    table = Table("article", "running words", "known", "% known", "last seen")
    for a in result.articles:
        table.add_row(
            Text(a.title or a.source), str(a.countable), str(a.known), f"{a.share:.0%}", a.seen[:10]
        )
    console.print(table)
