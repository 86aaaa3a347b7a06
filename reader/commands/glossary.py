"""``reader glossary PATH``: the article's names and terms, as a table, JSON, CSV or Anki deck."""

from __future__ import annotations

import io
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from reader.commands.common import (
    EngineChoice,
    EngineOption,
    OutputOption,
    PathArgument,
    check_output,
    load_article,
    notice,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from glossary.model import Entry, Glossary
    from reader.article import Article
    from reader.session import TranslationSession


class GlossaryFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    anki = "anki"


def glossary(
    path: PathArgument,
    fmt: Annotated[
        GlossaryFormat, typer.Option("--format", "-f", help="Output format.")
    ] = GlossaryFormat.table,
    output: OutputOption = None,
    engine: EngineOption = EngineChoice("auto"),
    extract: Annotated[
        bool, typer.Option("--extract/--no-extract", help="Add entities and terms found by spaCy.")
    ] = True,
) -> None:
    """List the article's names and terms with English, definitions and occurrences.

    Entries come from your glossary (reader terms), the article's NAME.glossary.toml,
    the general news glossary and, with --extract, from the text itself.
    """
    check_output(output, fmt.value)
    article = load_article(path)
    # Without extraction no term needs translating: the engine only adds English
    # example sentences to an Anki deck, so it is needed for nothing else (QA 36).
    wanted = extract or fmt is GlossaryFormat.anki
    result, english = _build(article, engine.value if wanted else None, extract)
    if fmt is GlossaryFormat.anki:
        assert output is not None  # check_output demands it
        _write_deck(result, article, english, output)
        return
    _write_text(result, fmt, output)


def _build(
    article: Article, engine: str | None, extract: bool
) -> tuple[Glossary, dict[int, Sequence[str]]]:
    """The glossary and the English sentences per block ({} without an engine)."""
    from glossary.extract import extract as run_extraction
    from glossary.sources import load_stack
    from reader.translate import glossary_build

    # Loaded once, for the English and the glossary alike; a malformed article glossary
    # is an error here (it is what this command shows).
    stack = load_stack(article, notify=notice)
    session = _session(article, engine, stack, required=extract) if engine else None
    if session is None:
        candidates = run_extraction(article.blocks) if extract else []
        return glossary_build.build(article, candidates, stack=stack), {}
    with session:
        if engine == "auto":
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
                stack=stack,
            )
    return result, {t.index: t.sentences for t in english if t.text}


def _session(
    article: Article, engine: str, stack: list[Entry], required: bool
) -> TranslationSession | None:
    """A translation session, or None (with a notice) when the engine is optional and missing."""
    from reader.errors import EngineError
    from reader.session import TranslationSession

    try:
        session = TranslationSession(article, engine, notify=notice, entries=stack)
    except EngineError as exc:
        if required:
            raise
        notice(f"no English example sentences: {exc}")
        return None
    return session


def _write_deck(
    result: Glossary, article: Article, english: dict[int, Sequence[str]], output: Path
) -> None:
    from glossary import export

    cards, left_out = export.anki_cards(result)
    if left_out:
        names = ", ".join(e.fr for e in left_out[:5]) + (", …" if len(left_out) > 5 else "")
        notice(f"{len(left_out)} entries without English left out of the deck: {names}")
    count = export.write_anki(result, article, english, output)  # refuses an empty deck
    guesses = sum(e.origin == "machine guess" for e in cards)
    marked = f" ({guesses} with machine-guessed English, marked on the card)" if guesses else ""
    notice(f"wrote {count} cards to {output}{marked}")
    if not english:
        notice("the cards carry no English example sentence (no translation engine)")


def _write_text(result: Glossary, fmt: GlossaryFormat, output: Path | None) -> None:
    from rich.console import Console

    from glossary import export
    from reader.store import write_output

    if fmt is GlossaryFormat.table and not result.entries:
        notice("no entries")
        return
    if fmt is GlossaryFormat.table and not output:
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
        write_output(output, text.encode("utf-8"))
    else:
        sys.stdout.write(text)
