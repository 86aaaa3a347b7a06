"""``reader lookup WORD``: word lookup (``reader vocab`` is in ``reader.commands.vocab``,
``reader dictionaries`` in ``reader.commands.dictionaries``)."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

from reader.commands.common import json_out, notice, safe_console
from reader.commands.dictionaries import app as dictionaries_app  # noqa: F401 (root.py's name)
from reader.errors import InputError

MAX_WORD = 100
"""The longest glossary terms are a few words; anything longer is not a lookup."""


class LookupFormat(str, Enum):
    text = "text"
    json = "json"


def lookup(
    word: Annotated[str, typer.Argument(help="A French word (any form: villes, dénoncent).")],
    sentence: Annotated[
        str | None,
        typer.Option(
            "--sentence",
            "-s",
            help="The sentence the word is in (context decides).",
            metavar="TEXT",
        ),
    ] = None,
    fmt: Annotated[
        LookupFormat, typer.Option("--format", "-f", help="Output format.")
    ] = LookupFormat.text,
    article: Annotated[
        str | None,
        typer.Option("--article", "-a", help="Also use this article's glossary.", metavar="PATH"),
    ] = None,
) -> None:
    """Look a French word up offline: its lemma, morphology and English from every source."""

    from reader.lookup.render import as_text
    from reader.lookup.service import LookupService

    if not word.strip():
        raise InputError("give a French word to look up")
    if len(word) > MAX_WORD:
        raise InputError(
            f"that is {len(word)} characters; give one word or term (at most {MAX_WORD})"
        )
    if (
        sentence is not None
        and word.strip() not in sentence
        and word.strip().lower() not in sentence.lower()
    ):
        notice(f"{word.strip()!r} is not in the sentence; it is looked up on its own")
    loaded = None
    if article:
        from reader import article as article_model

        loaded = article_model.load(article)
    from reader.learning.phrases import canonical, is_phrase

    with LookupService(loaded, notify=notice) as service:
        if is_phrase(word):  # « avoir lieu »: looked up as one unit (issue 22)
            at = (sentence or "").lower().find(word.strip().lower())
            result = service.lookup_phrase(canonical(word), word.strip(), sentence or "", at)
        else:
            result = service.lookup(word, sentence)
    for note in result.notes:
        notice(note)
    if fmt is LookupFormat.json:
        json_out(result.to_json())
        return
    safe_console().print(as_text(result))
