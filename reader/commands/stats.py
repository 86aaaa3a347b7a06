"""``reader stats``: known lemmas over time, words read per day, each article's % known."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from enum import Enum
from typing import Annotated

import typer

from reader.commands.common import notice

BARS = "▁▂▃▄▅▆▇█"
RECENT_DAYS = 7


class StatsFormat(str, Enum):
    table = "table"
    json = "json"


def spark(values: Sequence[int]) -> str:
    """A one-line chart of ``values`` (the lowest bar for the smallest, the highest for the largest)."""
    if not values:
        return ""
    low, high = min(values), max(values)
    span = high - low or 1
    return "".join(BARS[(v - low) * (len(BARS) - 1) // span] for v in values)


def stats(
    fmt: Annotated[
        StatsFormat, typer.Option("--format", "-f", help="Output format.")
    ] = StatsFormat.table,
) -> None:
    """Show what you have learnt: known lemmas over time, words read per day, % known per article.

    A block counts as read when you move past it in the reader; an article's % known is
    recomputed from your statuses today (articles are kept by the reader and `reader words`).
    """
    from reader.learning.stats import statistics
    from reader.learning.store import LearningStore

    store = LearningStore()
    result = statistics(store)
    if store.notice:
        notice(store.notice)
    if fmt is StatsFormat.json:
        sys.stdout.write(json.dumps(result.to_json(), ensure_ascii=False, indent=2) + "\n")
        return
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(highlight=False)
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
    table = Table("article", "words to learn", "known", "% known", "last seen")
    for a in result.articles:
        table.add_row(
            Text(a.title or a.source), str(a.countable), str(a.known), f"{a.share:.0%}", a.seen[:10]
        )
    console.print(table)
