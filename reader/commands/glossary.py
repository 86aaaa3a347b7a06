"""``reader glossary PATH``: the article's names and terms, as a table, JSON, CSV or Anki deck."""

from __future__ import annotations

import io
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from reader.commands.common import EngineChoice, EngineOption, PathArgument, load_article, notice
from reader.errors import InputError


class GlossaryFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    anki = "anki"


def check_output(output: Path | None, fmt: str) -> None:
    """Refuses, before any work, an output that cannot be written as a file."""
    if output is None:
        if fmt == "anki":
            raise InputError("an Anki deck is a file: give one with -o FILE.apkg")
        return
    if output.is_dir() or str(output).endswith(("/", "\\")):
        raise InputError(f"{output} is a folder; give a file name")
    if not output.parent.is_dir():
        raise InputError(f"{output.parent} does not exist")


def glossary(
    path: PathArgument,
    fmt: Annotated[
        GlossaryFormat, typer.Option("--format", "-f", help="Output format.")
    ] = GlossaryFormat.table,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write to FILE instead of stdout (anki: required).",
            metavar="FILE",
        ),
    ] = None,
    engine: EngineOption = EngineChoice.auto,
    extract: Annotated[
        bool, typer.Option("--extract/--no-extract", help="Add entities and terms found by spaCy.")
    ] = True,
) -> None:
    """List the article's names and terms with English, definitions and occurrences."""
    from rich.console import Console

    from glossary import build as glossary_build
    from glossary import export
    from glossary.extract import extract as run_extraction
    from reader.session import TranslationSession
    from reader.store import atomic_write

    check_output(output, fmt.value)
    article = load_article(path)
    with TranslationSession(article, engine.value, notify=notice) as session:
        if engine.value == "auto":
            notice(session.reason)
        candidates = run_extraction(article.blocks) if extract else []
        english = session.translate(article.blocks)
        with session.hold():
            result = glossary_build.build(
                article,
                candidates,
                session.engine,
                session.cache,
                {t.index: t.text for t in english if t.text},
            )
    if fmt is GlossaryFormat.anki:
        assert output is not None  # check_output demands it
        count = export.write_anki(result, article, {t.index: t.sentences for t in english}, output)
        notice(f"wrote {count} cards to {output}")
        return
    if fmt is GlossaryFormat.table and not output:
        if not result.entries:
            notice("no entries")
            return
        Console(highlight=False).print(export.to_table(result))
        return
    if fmt is GlossaryFormat.table:
        console = Console(highlight=False, record=True, file=io.StringIO(), width=120)
        console.print(export.to_table(result))
        text = console.export_text()
    else:
        text = (
            export.to_json(result) + "\n" if fmt is GlossaryFormat.json else export.to_csv(result)
        )
    if output:
        atomic_write(output, text.encode("utf-8"))
    else:
        sys.stdout.write(text)
