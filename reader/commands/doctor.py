"""``reader doctor``: what this machine has (engines, dictionaries, models, data) and how to get the rest."""

from __future__ import annotations


def doctor() -> None:
    """Show the engines, dictionaries, models and data folder found, and how to get what is missing."""
    from rich.console import Console
    from rich.text import Text

    from reader.doctor import run

    console = Console(highlight=False)
    # In a pipe or a file, each row stays one line (no hard wrapping at 80 columns).
    console.soft_wrap = not console.is_terminal
    area = None
    missing = 0
    for check in run():
        if check.area != area:
            area = check.area
            console.print(Text(area.capitalize(), "bold"))
        line = Text("  ")
        line.append("✓ " if check.ok else "✗ ", "green" if check.ok else "red")
        line.append(f"{check.name}: ", "bold")
        line.append(check.detail)
        if not check.ok and check.how:
            missing += 1
            line.append(f"\n      to get it: {check.how}", "yellow")
        console.print(line)
    if missing:
        console.print(
            Text(
                f"\n{missing} optional part{'s' * (missing != 1)} missing; the reader works without them.",
                "dim",
            )
        )
