"""``reader dictionaries list | install``: the offline dictionaries word lookup uses."""

from __future__ import annotations

from contextlib import nullcontext
from pathlib import Path
from typing import Annotated

import typer

from reader.commands.common import download_progress, err, notice

app = typer.Typer(help="Offline dictionaries used by word lookup.", pretty_exceptions_enable=False)


@app.command("list")
def dictionaries_list() -> None:
    """Show which dictionaries word lookup finds, and how to add the missing ones."""
    from rich.console import Console
    from rich.table import Table

    from reader.lookup.install import statuses

    table = Table("dictionary", "status", "where / how to get it")
    for s in statuses():
        table.add_row(
            s.name,
            "found" if s.found else "missing",
            s.detail if s.found else f"{s.detail}: {s.how}",
        )
    Console(highlight=False).print(table)


@app.command("install")
def dictionaries_install(
    file: Annotated[
        Path | None,
        typer.Option(
            "--file",
            help="Install a downloaded .dictd.tar.xz instead of downloading.",
            metavar="PATH",
            # Checked by the install, as one line and exit 1 (Typer's check would exit 2).
            readable=False,
        ),
    ] = None,
) -> None:
    """Install FreeDict French–English (downloads FreeDict's release, or a local archive)."""
    from reader.lookup import install as dictionaries
    from reader.lookup.freedict import TITLE

    if file is not None:
        files = dictionaries.install_file(file)
    else:
        # A progress bar only on a terminal: elsewhere Rich leaves an empty line behind.
        bar = download_progress(f"Downloading {TITLE}") if err.is_terminal else None
        with bar or nullcontext(None) as progress:
            files = dictionaries.install_from_url(progress=progress)
    count = len(files.open())
    notice(f"installed {TITLE} ({count} headwords) in {files.index.parent}")
