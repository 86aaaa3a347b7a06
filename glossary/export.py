"""Exports: JSON (as in the product notes), CSV, a Rich table, and an Anki deck (.apkg).

English that is only a machine guess (the term translated alone) is marked as such
in every export and never presented as vetted: CSV says ``english_checked = no``,
the table says "(machine guess)", and Anki cards carry a warning and a tag.
"""

from __future__ import annotations

import csv
import html
import io
import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from glossary.errors import GlossaryError
from glossary.match import key_of
from glossary.model import KINDS, VETTED, Entry, Glossary
from reader.anki import guid, stable_id, write_deck
from reader.article import Article

if TYPE_CHECKING:
    from rich.table import Table

SOURCE_LABELS = {
    "user": "your glossary",
    "curated": "the article's glossary",
    "general": "the general news glossary",
    "extracted": "found in the text",
    "machine guess": "found in the text; English by machine",
}
GUESS_WARNING = "Machine guess: the term was translated alone by the engine; not checked."


def checked(entry: Entry) -> bool:
    """Whether a person wrote this English (a glossary), rather than a machine or nobody."""
    return entry.origin in VETTED


def to_json(glossary: Glossary) -> str:
    entries = [
        {
            "fr": e.fr,
            "en": e.en,
            "kind": e.kind,
            "definition": e.definition,
            "aliases": list(e.aliases),
            "occurrences": [
                {"block": o.block, "start": o.start, "end": o.end}
                for o in glossary.occurrences.get(e.key, [])
            ],
            "origin": e.origin,
        }
        for e in glossary.entries
    ]
    return json.dumps({"source": glossary.source, "entries": entries}, ensure_ascii=False, indent=2)


CSV_FIELDS = (
    "fr",
    "en",
    "kind",
    "definition",
    "aliases",
    "occurrences",
    "origin",
    "english_checked",
)


def to_csv(glossary: Glossary) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_FIELDS)
    for e in glossary.entries:
        writer.writerow(
            [
                e.fr,
                e.en,
                e.kind,
                e.definition,
                "; ".join(e.aliases),
                glossary.count(e),
                e.origin,
                "yes" if checked(e) else "no",
            ]
        )
    return out.getvalue()


def to_table(glossary: Glossary) -> Table:
    from rich.table import Table
    from rich.text import Text

    table = Table(title=Text(f"Glossary of {glossary.source}"), show_lines=False)
    for column in ("French", "English", "kind", "×", "definition", "from"):
        table.add_column(column, overflow="fold", justify="right" if column == "×" else "left")
    for kind in KINDS:
        for e in (e for e in glossary.entries if e.kind == kind):
            # Text, never markup: a term or definition may hold square brackets.
            if not e.en:
                english = Text(f"({e.en_note or 'none'})", style="dim")
            elif e.origin == "machine guess":
                english = Text(e.en, style="italic") + Text(" (machine guess)", style="dim")
            else:
                english = Text(e.en)
            table.add_row(
                Text(e.fr),
                english,
                Text(kind),
                Text(str(glossary.count(e))),
                Text(e.definition),
                Text(e.origin),
            )
    return table


def example(
    glossary: Glossary, entry: Entry, article: Article, english_sentences: dict[int, Sequence[str]]
) -> tuple[str, str]:
    """The sentence of the entry's first occurrence, French and its aligned English (HTML)."""
    occurrences = glossary.occurrences.get(entry.key)
    if not occurrences:
        return "", ""
    first = occurrences[0]
    block = article.blocks[first.block]
    index = next((i for i, s in enumerate(block.sentences) if first.start < s.end), 0)
    sentence = block.sentences[index]
    a, b = first.start - sentence.start, first.end - sentence.start
    text = sentence.text
    french = f"{_esc(text[:a])}<b>{_esc(text[a:b])}</b>{_esc(text[b:])}"
    english = english_sentences.get(first.block, ())
    return french, _esc(english[index]) if index < len(english) else ""


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def anki_cards(glossary: Glossary) -> tuple[list[Entry], list[Entry]]:
    """Entries that make cards (they have English) and those left out (no English)."""
    cards = [e for e in glossary.entries if e.en]
    return cards, [e for e in glossary.entries if not e.en]


def note_guid(source: str, entry: Entry) -> str:
    """A note's id: the article's file name and the entry's French key, so a second export
    of the same article updates its notes, whatever the folder or the entry's kind."""
    return guid("bilingual-reader", Path(source).name, key_of(entry.fr))


FIELDS = ("French", "English", "Definition", "ExampleFR", "ExampleEN", "Kind", "Source", "Warning")


def _model() -> Any:  # a genanki.Model (genanki has no types)
    import genanki

    return genanki.Model(
        stable_id("bilingual-reader glossary model v2"),
        "Bilingual reader glossary",
        fields=[{"name": n} for n in FIELDS],
        templates=[
            {
                "name": "French → English",
                "qfmt": "<div class=term>{{French}}</div><div class=example>{{ExampleFR}}</div>",
                "afmt": "{{FrontSide}}<hr id=answer>"
                "{{#Warning}}<div class=warning>⚠ {{Warning}}</div>{{/Warning}}"
                "<div class=term>{{English}}</div>"
                "<div class=definition>{{Definition}}</div><div class=example>{{ExampleEN}}</div>"
                "<div class=kind>{{Kind}} · {{Source}}</div>",
            }
        ],
        css=".term{font-size:1.6em;font-weight:bold}.example{margin-top:1em;font-style:italic}"
        ".kind{margin-top:1em;color:#888;font-size:.8em}"
        ".warning{color:#b35900;font-weight:bold;margin-bottom:.5em}",
    )


def write_anki(
    glossary: Glossary, article: Article, english_sentences: dict[int, Sequence[str]], path: Path
) -> int:
    """Writes an Anki package of the entries with English; returns the number of cards.

    Note ids are stable, so re-importing updates rather than duplicates. Machine
    guesses carry a warning on the card and the tag ``machine_guess``. Refuses
    (GlossaryError) to write a deck without cards.
    """
    import genanki

    cards, _ = anki_cards(glossary)
    if not cards:
        raise GlossaryError(
            f"no entry of {glossary.source} has English, so there are no cards; nothing written"
        )
    model = _model()
    deck = genanki.Deck(
        stable_id(f"deck {Path(glossary.source).name}"), f"Glossary · {Path(glossary.source).name}"
    )
    for entry in cards:
        fr_example, en_example = example(glossary, entry, article, english_sentences)
        guess = entry.origin == "machine guess"
        deck.add_note(
            genanki.Note(
                model=model,
                fields=[
                    _esc(entry.fr),
                    _esc(entry.en),
                    _esc(entry.definition),
                    fr_example,
                    en_example,
                    _esc(entry.kind),
                    _esc(SOURCE_LABELS.get(entry.origin, entry.origin)),
                    _esc(GUESS_WARNING) if guess else "",
                ],
                guid=note_guid(glossary.source, entry),
                tags=["bilingual-reader", *(["machine_guess"] if guess else [])],
            )
        )
    return write_deck(deck, path)  # an unwritable -o is one OutputError naming it
