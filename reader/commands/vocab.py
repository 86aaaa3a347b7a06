"""``reader vocab list | export | remove | import``: the vocabulary saved from lookups, and
what a Kindle kept (``vocab.db``, ``My Clippings.txt``)."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from reader.commands.common import (
    OutputOption,
    check_output,
    notice,
    one_line_table,
    safe_console,
    write_out,
)

if TYPE_CHECKING:
    from reader.speech import Speech

app = typer.Typer(
    help="Your vocabulary: words saved from lookups, with their sentences.",
    pretty_exceptions_enable=False,
)


class VocabFormat(str, Enum):
    anki = "anki"
    csv = "csv"
    json = "json"


@app.command("list")
def vocab_list() -> None:
    """List the saved words, most recent first."""
    from reader.learning.vocab import Vocabulary

    vocabulary = Vocabulary()
    entries = vocabulary.entries()
    if vocabulary.notice:
        notice(vocabulary.notice)
    if not entries:
        notice("your vocabulary is empty (s in a word lookup saves a word)")
        return
    console = safe_console()
    rows = [
        (e.lemma, e.word, e.english or "—", e.source, str(len(e.examples)), e.updated[:10])
        for e in entries
    ]
    names = ("lemma", "word", "English", "source", "sentences", "saved")
    # One line per word (T7): the English and the source share what the others leave.
    console.print(one_line_table(console, names, rows, {2: 2, 3: 1}, ("sentences",)))


@app.command("export")
def vocab_export(
    fmt: Annotated[
        VocabFormat, typer.Option("--format", "-f", help="Output format.")
    ] = VocabFormat.json,
    output: OutputOption = None,
    audio: Annotated[
        bool,
        typer.Option(
            "--audio",
            help="Anki: put the sound of each sentence and word on the cards (espeak-ng).",
        ),
    ] = False,
) -> None:
    """Export the vocabulary as an Anki deck (stable note ids), CSV or JSON."""
    from reader.errors import InputError
    from reader.learning.vocab import Vocabulary, to_csv, to_json, write_anki
    from reader.store import write_output

    if audio and fmt is not VocabFormat.anki:
        raise InputError("--audio is for Anki decks: add --format anki")
    check_output(output, fmt.value)
    speech = _speech() if audio else None
    entries = Vocabulary().entries()
    if fmt is VocabFormat.anki:
        assert output is not None  # check_output demands it
        count = write_anki(entries, output, speech)
        with_audio = " with their sound" if speech is not None else ""
        notice(f"wrote {count} note{'s' * (count != 1)}{with_audio} to {output}")
        return
    text = to_json(entries) + "\n" if fmt is VocabFormat.json else to_csv(entries)
    if output:
        write_output(output, text.encode("utf-8"))
    else:
        write_out(text)


def _speech() -> Speech:
    """The Speech the settings choose, once espeak-ng is known to run (else one line)."""
    from reader.settings import current
    from reader.speech import Speech, SpeechError

    speech = Speech(current().speech)
    try:
        speech.engine.identity()  # finds espeak-ng and asks its version
    except SpeechError as exc:
        raise SpeechError(f"cannot put sound on the cards: {exc}") from exc
    return speech


@app.command("import")
def vocab_import(
    path: Annotated[
        Path,
        typer.Argument(
            help="A Kindle vocab.db (its lookups) or My Clippings.txt (its highlights).",
            metavar="FILE",
        ),
    ],
) -> None:
    """Import a Kindle's lookups (French words become learning words, with their sentences)
    or its highlights (one library text per French book)."""
    from reader.errors import InputError
    from reader.library.kindle import is_vocab_db

    if not path.is_file():
        raise InputError(f"{path}: no such file")
    if is_vocab_db(path):
        _import_lookups(path)
    else:
        _import_highlights(path)


def _import_lookups(path: Path) -> None:
    from reader.learning.kindle import import_vocab

    done = import_vocab(path)
    skipped = sum(done.skipped.values())
    languages = ", ".join(f"{lang} {n}" for lang, n in sorted(done.skipped.items()))
    notice(
        f"{path.name}: {done.words} French word{'s' * (done.words != 1)}, "
        f"{done.new_words} new in your vocabulary, {done.new_sentences} new "
        f"sentence{'s' * (done.new_sentences != 1)}, {done.learning} set to learning-1; "
        f"{skipped} lookup{'s' * (skipped != 1)} in other languages skipped"
        + (f" ({languages})" if languages else "")
    )


def _import_highlights(path: Path) -> None:
    from reader.learning.kindle import import_clippings
    from reader.library.shelf import Library

    with Library() as library:
        if library.notice:
            notice(library.notice)
        done = import_clippings(library, path)
    for text, updated in done.texts:
        notice(
            f"{'updated' if updated else 'added'} #{text.id}: {text.title} ({text.words:,} words)"
        )
    books = len(done.texts)
    notice(
        f"{path.name}: {books} French book{'s' * (books != 1)} with highlights"
        + (f"; {done.not_french} in other languages skipped" if done.not_french else "")
    )


@app.command("remove")
def vocab_remove(
    word: Annotated[
        str, typer.Argument(help="The lemma, or a form it was saved from.", metavar="WORD")
    ],
) -> None:
    """Remove a word (and its sentences) from the vocabulary."""
    from reader.learning.vocab import Vocabulary

    removed = Vocabulary().remove(word)
    notice(f"removed {', '.join(removed)}")
