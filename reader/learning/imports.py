"""Known words from a file (``reader known import``): a word list, a CSV column or an Anki
deck, each entry lemmatised the way the reader counts words.

- a word list: one word or lemma a line (blank lines and ``#`` comments skipped);
- CSV (``.csv``/``.tsv``, or any file given ``--column``): the column named or numbered
  (from 1) by ``--column``, else the first; a header row that names the column is skipped;
- an Anki package (``.apkg``, ``.colpkg``): the note field named by ``--field``, else each
  note's first field, with HTML, Anki's media references and cloze marks taken out.

Each entry goes through the article analysis (``reader.nlp``), so « chats » gives « chat »
and « les chats » gives « le » and « chat »; names, numbers and punctuation give nothing.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from pathlib import Path

from reader.errors import InputError
from reader.textio import clean

ANKI_SUFFIXES = (".apkg", ".colpkg")
CSV_SUFFIXES = (".csv", ".tsv")
MAX_ENTRY = 200
"""Characters of an entry that are read: a field holding a whole text is not a word."""
_MEDIA = re.compile(r"\[sound:[^\]]*\]")
_CLOZE = re.compile(r"\{\{c\d+::(.*?)(?:::[^}]*)?\}\}", re.DOTALL)


def plain(field: str) -> str:
    """An Anki field as text: cloze answers kept, media references, HTML and entities gone."""
    from bs4 import BeautifulSoup

    text = _CLOZE.sub(r"\1", _MEDIA.sub(" ", field))
    if "<" in text or "&" in text:
        text = BeautifulSoup(text, "html.parser").get_text(" ")
    return " ".join(clean(text).split())


def read_entries(path: Path, column: str | None = None, field: str | None = None) -> list[str]:
    """The entries of a word list, CSV file or Anki package, as plain text."""
    suffix = path.suffix.lower()
    if suffix in ANKI_SUFFIXES:
        return _anki_entries(path, field)
    if field is not None:
        raise InputError(f"--field is for Anki decks (.apkg, .colpkg); {path.name} is not one")
    from reader.textio import read_text

    try:
        text, _ = read_text(path)
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    if suffix in CSV_SUFFIXES or column is not None:
        return _csv_entries(text, path, column, "\t" if suffix == ".tsv" else None)
    lines = (line.strip() for line in text.splitlines())
    return [line[:MAX_ENTRY] for line in lines if line and not line.startswith("#")]


def _anki_entries(path: Path, field: str | None) -> list[str]:
    from reader.anki import read_notes

    notes = read_notes(path)
    values = [note.field(field) for note in notes]
    if field is not None and notes and all(v is None for v in values):
        available = sorted({name for note in notes for name, _ in note.fields})
        raise InputError(
            f"no field {field!r} in {path.name}; its fields: {', '.join(available) or 'none'}"
        )
    return [plain(v)[:MAX_ENTRY] for v in values if v and plain(v)]


def _csv_entries(text: str, path: Path, column: str | None, delimiter: str | None) -> list[str]:
    sample = text[:4096]
    if delimiter is None:
        try:
            delimiter = csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
        except csv.Error:
            delimiter = ","
    rows = [
        r for r in csv.reader(io.StringIO(text), delimiter=delimiter) if any(c.strip() for c in r)
    ]
    if not rows:
        return []
    index, header = _column(rows[0], column, path)
    body = rows[1:] if header else rows
    return [r[index].strip()[:MAX_ENTRY] for r in body if index < len(r) and r[index].strip()]


def _column(first: Sequence[str], column: str | None, path: Path) -> tuple[int, bool]:
    """The column's index and whether the first row is a header naming it."""
    names = [c.strip().casefold() for c in first]
    if column is None:
        return 0, False
    if column.isdigit() and int(column) >= 1:
        return int(column) - 1, False
    if column.casefold() in names:
        return names.index(column.casefold()), True
    raise InputError(f"no column {column!r} in {path.name}; its first row: {', '.join(first)}")


def lemmas_of(entries: Sequence[str]) -> list[str]:
    """The lemmas of the entries' words to learn, in order, each once."""
    from reader.article import make_block
    from reader.learning.store import normal
    from reader.nlp.analysis import analyse

    # Lower case: alone on a line, a capitalised word is taken for a name (« Maison »).
    blocks = [make_block(i, "paragraph", entry.lower()) for i, entry in enumerate(entries)]
    found: dict[str, None] = {}
    for tokens in analyse(blocks):
        for token in tokens:
            if token.countable and normal(token.lemma):
                found[normal(token.lemma)] = None
    return list(found)
