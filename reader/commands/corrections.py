"""``reader corrections add|list|remove|export|import``: your English for French sentences.

A correction is used wherever its French sentence appears (other spaces, apostrophes,
quotes or a lower-case first letter included), in every text, ahead of every engine.
They live in ``corrections.sqlite3`` in the data folder (``reader.corrections``).
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from reader.commands.arguments import ListFormat
from reader.commands.common import notice

app = typer.Typer(
    help="Your English for French sentences, used wherever the sentence appears.",
    pretty_exceptions_enable=False,
    no_args_is_help=True,
)


class FileFormat(str, Enum):
    tmx = "tmx"
    csv = "csv"
    json = "json"


@app.command("add")
def corrections_add(
    fr: Annotated[str, typer.Argument(help="The French sentence.", metavar="FR")],
    en: Annotated[str, typer.Argument(help="Your English for it.", metavar="EN")],
) -> None:
    """Give your English for a French sentence (again: change it)."""
    from reader.corrections.files import one_line
    from reader.corrections.store import Corrections

    saved = Corrections().add(one_line(fr), one_line(en))
    notice(f"yours: « {saved.fr} » → {saved.en}")


@app.command("list")
def corrections_list(
    fmt: Annotated[
        ListFormat, typer.Option("--format", "-f", help="Output format.")
    ] = ListFormat.table,
) -> None:
    """List your corrections, oldest first."""
    import json

    from reader.corrections.store import Corrections

    store = Corrections()
    found = store.all()
    if fmt is ListFormat.json:
        doc = [{"fr": c.fr, "en": c.en, "created": c.created, "updated": c.updated} for c in found]
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
        return
    if not found:
        notice(f"no corrections yet ({store.path}); add one: reader corrections add FR EN")
        return
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table("French", "Your English", "changed")
    for c in found:
        table.add_row(Text(c.fr), Text(c.en), Text(c.updated[:10]))
    Console(highlight=False).print(table)


@app.command("remove")
def corrections_remove(
    fr: Annotated[str, typer.Argument(help="The French sentence.", metavar="FR")],
) -> None:
    """Forget your English for a French sentence (the engine's shows again)."""
    from reader.corrections.store import Corrections
    from reader.errors import InputError

    removed = Corrections().remove(fr)
    if removed is None:
        raise InputError(f"no correction for « {fr} » (reader corrections list shows them)")
    notice(f"removed: « {removed.fr} » → {removed.en}")


@app.command("export")
def corrections_export(
    fmt: Annotated[FileFormat, typer.Option("--format", "-f", help="File format.")] = (
        FileFormat.tmx
    ),
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write to FILE instead of stdout.", metavar="FILE"),
    ] = None,
) -> None:
    """Write your corrections as TMX 1.4 (for CAT tools), CSV or JSON."""
    from importlib import metadata

    from reader.commands.common import check_output
    from reader.corrections import files
    from reader.corrections.store import Corrections
    from reader.store import write_output

    check_output(output, fmt.value)
    try:
        version = metadata.version("bilingual-reader")
    except metadata.PackageNotFoundError:
        version = ""
    found = Corrections().all()
    data = files.dumps(found, fmt.value, version)
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    write_output(output, data)
    notice(f"exported {len(found)} correction{'s' * (len(found) != 1)} to {output}")


@app.command("import")
def corrections_import(
    file: Annotated[Path, typer.Argument(help="A TMX, CSV (fr,en) or JSON file.", metavar="FILE")],
) -> None:
    """Add the French→English pairs of a file (TMX from a CAT tool such as OmegaT, CSV, or
    JSON); a sentence you corrected before takes the file's English. A bad file: nothing
    is imported."""
    from reader.corrections import files
    from reader.corrections.store import Corrections

    pairs = files.read(file)
    saved = Corrections().add_many(pairs)
    notice(f"imported {len(saved)} correction{'s' * (len(saved) != 1)} from {file}")
