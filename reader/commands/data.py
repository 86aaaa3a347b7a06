"""``reader data backup | restore | export | import``: the data folder, kept and carried.

Backups are copies of the databases and the glossary under ``backups/`` in the data
folder (``reader doctor`` lists them); an export is one zip of JSON that ``import`` reads
into another machine's data folder.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from reader.commands.common import notice

app = typer.Typer(
    help="Your data: backups, and moving it to another machine (export, import).",
    pretty_exceptions_enable=False,
)


def _folder() -> Path:
    from reader.data import locations
    from reader.errors import ReaderError

    try:
        return locations.folder()
    except OSError as exc:
        raise ReaderError(f"the data folder is unusable ({exc.strerror or exc})") from exc


def _size(size: int) -> str:
    return f"{size / 1e6:.1f} MB" if size >= 100_000 else f"{size / 1e3:.1f} kB"


@app.command("backup")
def backup() -> None:
    """Back up the databases and your glossary now (into backups/ in the data folder)."""
    from reader.data import backups

    made = backups.make(_folder(), "asked")
    notice(
        f"backed up {', '.join(made.files) or 'nothing yet'} to {made.path} ({_size(made.size)})"
    )


@app.command("restore")
def restore(
    name: Annotated[str, typer.Argument(help="The backup's name (reader doctor lists them).")],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask first.")] = False,
) -> None:
    """Put a backup back (the current state is backed up first). Quit the app first."""
    from reader.data import backups
    from reader.errors import InputError

    folder = _folder()
    chosen = backups.find(folder, name)
    if not yes:
        if not sys.stdin.isatty():
            raise InputError(f"nothing restored: no terminal to ask; add --yes to restore {name}")
        try:
            sure = typer.confirm(
                f"Replace {', '.join(chosen.files)} with the backup {chosen.name}? "
                "(the current state is backed up first)",
                err=True,
            )
        except typer.Abort:
            sure = False
        if not sure:
            raise InputError("nothing restored")
    restored, before = backups.restore(folder, name)
    notice(f"restored {restored.name}; the state before is in backups/{before.name}")


@app.command("export")
def export(
    output: Annotated[
        Path, typer.Option("--output", "-o", help="The zip to write.", metavar="FILE.zip")
    ],
) -> None:
    """Write everything you made (statuses, vocabulary, library, glossary, positions) to one zip."""
    from reader.data import transfer

    counts = transfer.export(_folder(), output)
    notice(
        f"exported to {output}: {counts.get('texts.json', 0)} texts, "
        f"{counts.get('statuses.json', 0)} statuses, {counts.get('vocabulary.json', 0)} words"
    )


@app.command("import")
def import_command(
    source: Annotated[
        Path, typer.Argument(help="A zip written by reader data export.", metavar="FILE.zip")
    ],
) -> None:
    """Read an export: exactly, into an empty data folder; else merged (the newest wins)."""
    from reader.data import transfer

    report = transfer.import_(_folder(), source)
    if report.backup is not None:
        notice(f"the data before the import is in backups/{report.backup}")
    for line in transfer.summary(report):
        print(line)
