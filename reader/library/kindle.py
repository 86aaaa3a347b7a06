"""What a Kindle keeps of a reader's reading: the Vocabulary Builder's ``vocab.db`` and
``My Clippings.txt``, read (never written).

- ``vocab.db`` (SQLite): ``WORDS`` (id, word, stem, lang, category, timestamp), ``LOOKUPS``
  (word_key → WORDS.id, book_key → BOOK_INFO.id, usage: the sentence the word was met in,
  timestamp) and ``BOOK_INFO`` (id, title, authors, lang). ``read_lookups`` gives one
  ``Lookup`` per looked-up word and sentence, each with its language.
- ``My Clippings.txt``: entries separated by a line of ``==========``; each is a title line
  (« Title (Author) »), a line saying what it is (« - Your Highlight on page 3 | … »,
  « - Votre surlignement … », notes and bookmarks alike) and the text. ``read_clippings``
  gives each French book's highlights, in order, duplicates and highlights that a later,
  longer one holds left out.

Every string goes through ``reader.textio.clean``.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from reader.errors import InputError
from reader.textio import clean, clean_line, read_text

SQLITE_MAGIC = b"SQLite format 3\x00"
_SEPARATOR = re.compile(r"^={8,}\s*$", re.MULTILINE)
_HIGHLIGHT = re.compile(
    r"highlight|surlignement|markierung|subrayado|evidenziazione|destaque", re.IGNORECASE
)
_AUTHOR = re.compile(r"^(.*?)\s*\(([^()]*)\)\s*$")
_FRENCH = frozenset(
    "le la les de des du un une et est que qui dans pour pas ne il elle je nous vous au aux "
    "ce cette sur avec se sa son ses en à où mais comme plus tout été avait était".split()
)
_ENGLISH = frozenset(
    "the of and to is that in it was for with he she you this on are be not his her they "
    "had have at by from which".split()
)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@dataclass(frozen=True)
class Lookup:
    """A word looked up on the Kindle, in the sentence it was met in."""

    word: str
    stem: str
    language: str
    """The language the Kindle gave the word (``fr``, ``en``, …), lower case, no region."""
    usage: str
    title: str
    authors: str


@dataclass(frozen=True)
class Highlights:
    """One book's highlights, in the order they were made."""

    title: str
    author: str
    passages: tuple[str, ...]


def is_vocab_db(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(16) == SQLITE_MAGIC
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc


def read_lookups(path: Path) -> list[Lookup]:
    """Every lookup of a Kindle ``vocab.db``, oldest first; InputError (one line) if it is
    not one."""
    name = str(path)
    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise InputError(f"{name}: cannot open ({exc})") from exc
    try:
        tables = {r[0].upper() for r in db.execute("SELECT name FROM sqlite_master")}
        if not {"WORDS", "LOOKUPS"} <= tables:
            raise InputError(f"{name}: not a Kindle vocabulary file (no WORDS and LOOKUPS tables)")
        books = "BOOK_INFO" in tables
        rows = db.execute(
            "SELECT w.word, w.stem, w.lang, l.usage, "
            + ("b.title, b.authors" if books else "'', ''")
            + " FROM LOOKUPS l JOIN WORDS w ON w.id = l.word_key"
            + (" LEFT JOIN BOOK_INFO b ON b.id = l.book_key" if books else "")
            + " ORDER BY l.timestamp, l.id"
        ).fetchall()
    except sqlite3.DatabaseError as exc:
        raise InputError(f"{name}: not a readable Kindle vocabulary file ({exc})") from exc
    finally:
        db.close()
    return [
        Lookup(
            clean_line(str(word or "")),
            clean_line(str(stem or "")),
            clean_line(str(lang or "")).lower().replace("_", "-").split("-")[0],
            clean_line(str(usage or "")),
            clean_line(str(title or "")),
            clean_line(str(authors or "")),
        )
        for word, stem, lang, usage, title, authors in rows
        if str(word or "").strip()
    ]


def read_clippings(path: Path) -> tuple[list[Highlights], int]:
    """The highlights of each French book in ``My Clippings.txt``, and how many books were
    left out as not French; notes and bookmarks are skipped."""
    text, name = read_text(path)
    text = text.replace("\ufeff", "")
    entries = [e.strip("\n") for e in _SEPARATOR.split(text) if e.strip()]
    if not entries or not _SEPARATOR.search(text):
        raise InputError(f"{name}: not a Kindle clippings file (no ========== separators)")
    books: dict[str, Highlights] = {}
    for entry in entries:
        lines = entry.strip().splitlines()
        if len(lines) < 3 or not _HIGHLIGHT.search(lines[1]):
            continue  # a note, a bookmark, or something else
        passage = " ".join(clean("\n".join(lines[2:])).split())
        if not passage:
            continue
        heading = clean_line(lines[0])
        found = _AUTHOR.match(heading)
        title, author = (found.group(1), found.group(2)) if found else (heading, "")
        title = title.strip() or "Kindle"
        book = books.get(title, Highlights(title, author.strip(), ()))
        kept = tuple(p for p in book.passages if p not in passage)  # extended since
        if not any(passage in p for p in kept):
            kept += (passage,)
        books[title] = Highlights(title, book.author, kept)
    french = [b for b in books.values() if looks_french(" ".join(b.passages))]
    return french, len(books) - len(french)


def looks_french(text: str) -> bool:
    """More French function words than English ones (highlights carry no language)."""
    words = [w.lower() for w in _WORD.findall(text)]
    french = sum(1 for w in words if w in _FRENCH or w.startswith(("l'", "d'", "qu'", "l’")))
    english = sum(1 for w in words if w in _ENGLISH)
    return french > english
