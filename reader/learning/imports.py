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
from collections.abc import Callable, Sequence
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


Notify = Callable[[str], None]

HEADER_NAMES = frozenset(
    "french français francais fr word words mot mots lemma lemmas lemme lemmes term terme "
    "english anglais en translation traduction meaning sens front back recto verso "
    "status statut note notes".split()
)
"""Words a header row names its columns with: such a first row is not an entry."""
SAMPLE = 200
"""Entries of each column that the French check reads (spaCy, once per column)."""


def read_entries(
    path: Path,
    column: str | None = None,
    field: str | None = None,
    notify: Notify | None = None,
) -> list[str]:
    """The entries of a word list, CSV file or Anki package, as plain text.

    A CSV file without ``column``: the first column whose entries are French words is
    taken, and ``notify`` says which; a column (given or chosen) that is not French is
    refused with InputError, so an English column never becomes "known" French."""
    suffix = path.suffix.lower()
    if suffix in ANKI_SUFFIXES:
        if column is not None:
            raise InputError("--column is for CSV files; an Anki deck takes --field NAME")
        notes = _anki_entries(path, field)
        _check_french(notes, f"the {field or 'first'} field of {path.name}")
        return notes
    if field is not None:
        raise InputError(f"--field is for Anki decks (.apkg, .colpkg); {path.name} is not one")
    from reader.textio import read_text

    try:
        text, _ = read_text(path, keep_tabs=True)  # a TSV file's fields are tab-separated
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    if suffix in CSV_SUFFIXES or column is not None:
        return _csv_entries(text, path, column, "\t" if suffix == ".tsv" else None, notify)
    lines = (" ".join(line.split()) for line in text.splitlines())
    entries = [line[:MAX_ENTRY] for line in lines if line and not line.startswith("#")]
    _check_french(entries, path.name)
    return entries


def read_statuses(path: Path) -> dict[str, str] | None:
    """A file ``reader known export`` wrote (CSV ``lemma,status`` or its JSON), as lemma →
    status, so an export imports back as it was (statuses kept, lemmas not analysed
    again); None for any other file."""
    from reader.learning.store import STATUSES

    suffix = path.suffix.lower()
    if suffix not in (".csv", ".json"):
        return None
    from reader.textio import read_text

    try:
        text, _ = read_text(path)
    except (OSError, InputError):
        return None
    rows: list[dict[str, object]]
    if suffix == ".json":
        import json

        try:
            loaded = json.loads(text)
        except ValueError:
            return None
        if not isinstance(loaded, list) or not all(isinstance(r, dict) for r in loaded):
            return None
        rows = loaded
    else:
        reader = csv.DictReader(io.StringIO(text))
        if [n.strip().casefold() for n in reader.fieldnames or ()] != ["lemma", "status"]:
            return None
        rows = list(reader)
    found: dict[str, str] = {}
    for row in rows:
        lemma, status = row.get("lemma"), row.get("status")
        if not isinstance(lemma, str) or not isinstance(status, str):
            return None
        if status.strip() not in STATUSES:
            raise InputError(
                f"{path.name}: {lemma!r} has no status {status!r}; use one of: {', '.join(STATUSES)}"
            )
        if lemma.strip():
            found[" ".join(clean(lemma).split())] = status.strip()
    return found


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


def _csv_entries(
    text: str, path: Path, column: str | None, delimiter: str | None, notify: Notify | None
) -> list[str]:
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
    if column is None:
        index, header = _french_column(rows, path, notify)
    else:
        index, header = _column(rows, column, path)
    body = rows[1:] if header else rows
    entries = [r[index].strip()[:MAX_ENTRY] for r in body if index < len(r) and r[index].strip()]
    if column is not None:
        _check_french(entries, f"column {column!r} of {path.name}")
    return entries


def _values(rows: Sequence[Sequence[str]], index: int) -> list[str]:
    return [r[index].strip()[:MAX_ENTRY] for r in rows if index < len(r) and r[index].strip()]


def _header(first: Sequence[str]) -> bool:
    """A first row of column names (« english,french », « mot,traduction »)."""
    from reader.learning.french import is_french, lemmas_in_context

    cells = [c.strip() for c in first if c.strip()]
    if not cells:
        return False
    pairs = lemmas_in_context(cells)
    return all(
        c.casefold() in HEADER_NAMES or not is_french(p) for c, p in zip(cells, pairs, strict=True)
    )


def _french_column(
    rows: Sequence[Sequence[str]], path: Path, notify: Notify | None
) -> tuple[int, bool]:
    """The first column whose entries are mostly French, and whether row 1 is a header."""
    from reader.learning.french import FRENCH_SHARE, french_share

    header = len(rows) > 1 and _header(rows[0])
    body = rows[1:] if header else rows
    width = max(len(r) for r in rows)
    shares = [french_share(_values(body[:SAMPLE], i)) for i in range(width)]
    names = [rows[0][i].strip() if header and i < len(rows[0]) else "" for i in range(width)]

    def label(i: int) -> str:
        return f"column {i + 1}" + (f" ({names[i]})" if names[i] else "")

    chosen = next((i for i, share in enumerate(shares) if share >= FRENCH_SHARE), None)
    if chosen is None:
        measured = "; ".join(f"{label(i)}: {share:.0%}" for i, share in enumerate(shares))
        raise InputError(
            f"no column of {path.name} holds French words the reader knows ({measured}); "
            "give the French column with --column"
        )
    if notify is not None and width > 1:
        notify(
            f"took {label(chosen)}: {shares[chosen]:.0%} of its entries are French words"
            + (", the first row is its header" if header else "")
            + "; --column chooses another"
        )
    return chosen, header


def _check_french(entries: Sequence[str], what: str) -> None:
    """InputError when ``entries`` are mostly not French words (an English column)."""
    from reader.learning.french import FRENCH_SHARE, french_share

    share = french_share(list(entries[:SAMPLE]))
    if entries and share < FRENCH_SHARE:
        raise InputError(
            f"{what}: not French words ({share:.0%} of the entries are words the reader "
            "knows as French); give the French column with --column"
        )


def _column(rows: Sequence[Sequence[str]], column: str, path: Path) -> tuple[int, bool]:
    """The column's index and whether the first row is a header (it names the column, or
    it holds only column names)."""
    first = rows[0]
    names = [c.strip().casefold() for c in first]
    if column.isdigit() and int(column) >= 1:
        return int(column) - 1, len(rows) > 1 and _header(first)
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
