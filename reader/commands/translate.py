"""``reader translate``: the article with its English, to stdout."""

from __future__ import annotations

import sys
from enum import Enum
from typing import Annotated

import typer

from reader.commands.common import EngineChoice, EngineOption, PathArgument, load_article, notice


def glossary_stack(article) -> list:  # -> list[glossary.model.Entry]
    """The glossaries for ``article``, loaded once for the command; each problem in the
    user's glossary is said on stderr (file and line), and a malformed article glossary
    leaves the English without glossary, with a notice."""
    from glossary.errors import GlossaryError
    from glossary.sources import load_stack

    try:
        return load_stack(article, notify=notice)
    except GlossaryError as exc:
        notice(f"notice: glossary not applied to the English: {exc}")
        return []


def hear_cache_failures(session) -> None:  # session: reader.session.TranslationSession
    """A cache that stops saving mid-way (disk full) says so once, as a notice.

    Only while ``TranslationSession`` does not pass its own notify to ``Cache``; once it
    does, the cache already has one and this does nothing.
    """
    if session.cache is not None and session.cache.notify is None:
        session.cache.notify = lambda message: notice(f"notice: {message}")


class Format(str, Enum):
    text = "text"
    markdown = "markdown"
    json = "json"


def translate(
    path: PathArgument,
    engine: EngineOption = EngineChoice("auto"),
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.text,
    enforce: Annotated[
        bool,
        typer.Option(
            "--enforce/--no-enforce",
            help="Put the glossary's English into machine translations (--no-enforce: raw English).",
        ),
    ] = True,
) -> None:
    """Print the article with its English, block by block."""
    from rich.console import Console

    from reader import output
    from reader.session import TranslationSession

    article = load_article(path)
    entries = glossary_stack(article)
    with TranslationSession(
        article, engine.value, notify=notice, enforce=enforce, entries=entries
    ) as session:
        hear_cache_failures(session)
        if engine.value == "auto":
            notice(session.reason)
        english = session.translate(article.blocks)
    if fmt is Format.json:
        sys.stdout.write(output.to_json(article, english) + "\n")
    elif fmt is Format.markdown:
        sys.stdout.write(output.to_markdown(article, english))
    elif sys.stdout.isatty():
        output.print_text(Console(highlight=False), article, english)
    else:
        # A pipe or a file: no hard wrapping at 80 columns, no trailing spaces.
        sys.stdout.write(output.to_plain(article, english))
