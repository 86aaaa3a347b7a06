"""``reader lookup WORD`` and ``reader vocab list | export | remove``: word lookup and the
saved vocabulary (``reader dictionaries`` is in ``reader.commands.dictionaries``)."""

from __future__ import annotations

import json
import sys
from enum import Enum
from typing import Annotated

import typer

from reader.commands.common import OutputOption, check_output, notice
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
    from rich.console import Console

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
    with LookupService(loaded, notify=notice) as service:
        result = service.lookup(word, sentence)
    for note in result.notes:
        notice(note)
    if fmt is LookupFormat.json:
        sys.stdout.write(json.dumps(result.to_json(), ensure_ascii=False, indent=2) + "\n")
        return
    Console(highlight=False).print(as_text(result))


# ------------------------------------------------------------------ vocab

vocab_app = typer.Typer(
    help="Your vocabulary: words saved from lookups, with their sentences.",
    pretty_exceptions_enable=False,
)


class VocabFormat(str, Enum):
    anki = "anki"
    csv = "csv"
    json = "json"


@vocab_app.command("list")
def vocab_list() -> None:
    """List the saved words, most recent first."""
    from rich.console import Console
    from rich.table import Table

    from reader.vocab import Vocabulary

    vocabulary = Vocabulary()
    entries = vocabulary.entries()
    if vocabulary.notice:
        notice(vocabulary.notice)
    if not entries:
        notice("your vocabulary is empty (s in a word lookup saves a word)")
        return
    table = Table("lemma", "word", "English", "source", "sentences", "saved")
    for e in entries:
        table.add_row(
            e.lemma, e.word, e.english or "—", e.source, str(len(e.examples)), e.updated[:10]
        )
    Console(highlight=False).print(table)


@vocab_app.command("export")
def vocab_export(
    fmt: Annotated[
        VocabFormat, typer.Option("--format", "-f", help="Output format.")
    ] = VocabFormat.json,
    output: OutputOption = None,
) -> None:
    """Export the vocabulary as an Anki deck (stable note ids), CSV or JSON."""
    from reader.store import atomic_write
    from reader.vocab import Vocabulary, to_csv, to_json, write_anki

    check_output(output, fmt.value)
    entries = Vocabulary().entries()
    if fmt is VocabFormat.anki:
        assert output is not None  # check_output demands it
        count = write_anki(entries, output)
        notice(f"wrote {count} note{'s' * (count != 1)} to {output}")
        return
    text = to_json(entries) + "\n" if fmt is VocabFormat.json else to_csv(entries)
    if output:
        atomic_write(output, text.encode("utf-8"))
    else:
        sys.stdout.write(text)


@vocab_app.command("remove")
def vocab_remove(
    word: Annotated[
        str, typer.Argument(help="The lemma, or a form it was saved from.", metavar="WORD")
    ],
) -> None:
    """Remove a word (and its sentences) from the vocabulary."""
    from reader.vocab import Vocabulary

    removed = Vocabulary().remove(word)
    notice(f"removed {', '.join(removed)}")
