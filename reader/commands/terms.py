"""``reader terms add|list|remove``: the user's own glossary, used above every other one.

The terms live in ``glossary.toml`` in the data folder; the glossary build, term
enforcement and the app pick them up for every article where they occur.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from reader.commands.arguments import ListFormat
from reader.commands.common import json_out, notice, safe_console

if TYPE_CHECKING:
    from collections.abc import Sequence

    from glossary.model import Entry

app = typer.Typer(
    help="Your own glossary: French terms with the English you want, used in every article.",
    pretty_exceptions_enable=False,
    no_args_is_help=True,
)


@app.command("add")
def terms_add(
    fr: Annotated[str, typer.Argument(help="The French term.", metavar="FR")],
    en: Annotated[str, typer.Argument(help="The English you want for it.", metavar="EN")],
    kind: Annotated[
        str | None,
        typer.Option(
            "--kind",
            "-k",
            help="people, places, organisations, military, 'diplomacy and politics', economy "
            "or other (a new term: other; an update keeps its kind).",
            metavar="KIND",
        ),
    ] = None,
    definition: Annotated[
        str | None,
        typer.Option(
            "--definition",
            "-d",
            help="A one-line definition (an update keeps its definition).",
            metavar="TEXT",
        ),
    ] = None,
    replace: Annotated[
        bool,
        typer.Option(
            "--replace",
            help="Replace the term spelt otherwise (OTAN for otan, a plural) by this spelling.",
        ),
    ] = False,
) -> None:
    """Add a term to your glossary, or change one already there (only what you give)."""
    from glossary import user
    from reader.errors import InputError

    try:
        saved = user.save(fr, en, kind, definition, replace=replace)
    except user.SameTerm as exc:
        raise InputError(
            f"{exc}: to change it, write {exc.existing.fr!r}, or add --replace to use your spelling"
        ) from None
    entry = saved.entry
    verb = "updated" if saved.before is not None else "added"
    notice(f"{verb}: {entry.fr} → {entry.en} ({entry.kind}) in {user.path()}")


@app.command("list")
def terms_list(
    fmt: Annotated[
        ListFormat, typer.Option("--format", "-f", help="Output format.")
    ] = ListFormat.table,
) -> None:
    """List the terms of your glossary."""

    from glossary import user

    where = user.path()  # an unusable data folder is an error, not an empty list
    entries = user.load(notify=notice)
    if fmt is ListFormat.json:
        doc = [
            {"fr": e.fr, "en": e.en, "kind": e.kind, "definition": e.definition} for e in entries
        ]
        json_out(doc)
        return
    if not entries:
        notice(f"your glossary is empty ({where}); add a term: reader terms add FR EN")
        return
    _print_table(entries)


def _print_table(entries: Sequence[Entry]) -> None:
    from rich.table import Table
    from rich.text import Text

    table = Table("French", "English", "kind", "definition")
    for e in entries:
        # Text, not markup: a term may hold square brackets.
        table.add_row(Text(e.fr), Text(e.en), Text(e.kind), Text(e.definition))
    safe_console().print(table)


@app.command("remove")
def terms_remove(
    fr: Annotated[str, typer.Argument(help="The French term to remove.", metavar="FR")],
) -> None:
    """Remove a term from your glossary."""
    from glossary import user

    entry = user.remove(fr)
    notice(f"removed: {entry.fr} → {entry.en}")
