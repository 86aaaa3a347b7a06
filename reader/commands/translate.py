"""``reader translate``: the article with its English, to stdout."""

from __future__ import annotations

import sys
from enum import Enum
from typing import TYPE_CHECKING, Annotated

import typer

from reader.commands.common import (
    EngineChoice,
    EngineOption,
    PathArgument,
    load_article,
    notice,
    safe_console,
    write_out,
)
from reader.notify import Notify

if TYPE_CHECKING:
    from reader.session import TranslationSession


def once(say: Notify) -> Notify:
    """``say``, but each message only the first time (two owners may report one problem)."""
    said: set[str] = set()

    def say_once(message: str) -> None:
        # The session says the same problem as "notice: …" (T27: said twice).
        key = message.removeprefix("notice: ")
        if key not in said:
            said.add(key)
            say(message)

    return say_once


def say_glossary_problems(session: TranslationSession, say: Notify) -> None:
    """Problems in the user's glossary (file, line, what) are said on every run, whatever the
    engine: the file is edited by hand and the rest of it still applies. A glossary that
    cannot be read at all is said only where it would be used (an engine whose English
    the glossary corrects)."""
    from glossary import user
    from glossary.errors import GlossaryError
    from reader.translate.enforce import enforceable

    try:
        mine = user.read()
    except GlossaryError as exc:
        if enforceable(session.engine):
            say(f"your glossary is not used: {exc}")
        return
    for line in mine.notices():
        say(line)


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

    from reader.commands import output
    from reader.session import TranslationSession

    article = load_article(path)
    say = once(notice)
    with TranslationSession(article, engine.value, notify=say, enforce=enforce) as session:
        say_glossary_problems(session, say)
        if engine.value == "auto":
            notice(session.reason)
        english = session.translate(article.blocks)
    if fmt is Format.json:
        write_out(output.to_json(article, english) + "\n")
    elif fmt is Format.markdown:
        write_out(output.to_markdown(article, english))
    elif sys.stdout.isatty():
        output.print_text(safe_console(), article, english)
    else:
        # A pipe or a file: no hard wrapping at 80 columns, no trailing spaces.
        write_out(output.to_plain(article, english))
