"""Exports: JSON (as in the product notes), CSV, a Rich table, and an Anki deck (.apkg)."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Sequence
from pathlib import Path

from glossary.model import KINDS, Entry, Glossary
from reader.article import Article


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


CSV_FIELDS = ("fr", "en", "kind", "definition", "aliases", "occurrences", "origin")


def to_csv(glossary: Glossary) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_FIELDS)
    for e in glossary.entries:
        writer.writerow(
            [e.fr, e.en, e.kind, e.definition, "; ".join(e.aliases), glossary.count(e), e.origin]
        )
    return out.getvalue()


def to_table(glossary: Glossary):
    from rich.table import Table

    table = Table(title=f"Glossary of {glossary.source}", show_lines=False)
    for column in ("French", "English", "kind", "×", "definition"):
        table.add_column(column, overflow="fold", justify="right" if column == "×" else "left")
    for kind in KINDS:
        for e in (e for e in glossary.entries if e.kind == kind):
            english = e.en or f"[dim]({e.en_note or 'none'})[/dim]"
            table.add_row(e.fr, english, kind, str(glossary.count(e)), e.definition)
    return table


def example(
    glossary: Glossary, entry: Entry, article: Article, english_sentences: dict[int, Sequence[str]]
) -> tuple[str, str]:
    """The sentence of the entry's first occurrence, French and its aligned English."""
    occurrences = glossary.occurrences.get(entry.key)
    if not occurrences:
        return "", ""
    first = occurrences[0]
    block = article.blocks[first.block]
    index = next((i for i, s in enumerate(block.sentences) if first.start < s.end), 0)
    sentence = block.sentences[index]
    a, b = first.start - sentence.start, first.end - sentence.start
    french = f"{_esc(sentence.text[:a])}<b>{_esc(sentence.text[a:b])}</b>{_esc(sentence.text[b:])}"
    english = english_sentences.get(first.block, ())
    return french, _esc(english[index]) if index < len(english) else ""


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _stable_id(text: str) -> int:
    return int(hashlib.sha256(text.encode("utf-8")).hexdigest()[:8], 16) + (1 << 30)


def write_anki(
    glossary: Glossary, article: Article, english_sentences: dict[int, Sequence[str]], path: Path
) -> int:
    """Writes an Anki package; returns the number of cards. Ids are stable, so re-importing updates."""
    import genanki

    model = genanki.Model(
        _stable_id("bilingual-reader glossary model v1"),
        "Bilingual reader glossary",
        fields=[
            {"name": n}
            for n in ("French", "English", "Definition", "ExampleFR", "ExampleEN", "Kind")
        ],
        templates=[
            {
                "name": "French → English",
                "qfmt": "<div class=term>{{French}}</div><div class=example>{{ExampleFR}}</div>",
                "afmt": "{{FrontSide}}<hr id=answer><div class=term>{{English}}</div>"
                "<div class=definition>{{Definition}}</div><div class=example>{{ExampleEN}}</div>"
                "<div class=kind>{{Kind}}</div>",
            }
        ],
        css=".term{font-size:1.6em;font-weight:bold}.example{margin-top:1em;font-style:italic}"
        ".kind{margin-top:1em;color:#888;font-size:.8em}",
    )
    deck = genanki.Deck(
        _stable_id(f"deck {glossary.source}"), f"Glossary · {Path(glossary.source).name}"
    )
    for entry in glossary.entries:
        fr_example, en_example = example(glossary, entry, article, english_sentences)
        deck.add_note(
            genanki.Note(
                model=model,
                fields=[
                    _esc(entry.fr),
                    _esc(entry.en),
                    _esc(entry.definition),
                    fr_example,
                    en_example,
                    entry.kind,
                ],
                guid=genanki.guid_for(glossary.source, entry.key),
            )
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    genanki.Package(deck).write_to_file(str(tmp))
    tmp.replace(path)
    return len(deck.notes)
