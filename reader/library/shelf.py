"""The library's database, ``library.sqlite3`` in the data folder.

- ``texts``: one row per text (unique source), with what the library screen lists;
- ``contents``: the blocks of each text as JSON ``[[kind, text], …]``, so a text opens
  with exactly the blocks it was added with, even when its file moved or its page is gone;
- ``sentences`` and the FTS5 table ``sentence_index`` over it: every sentence, by form
  (its French) and by lemma;
- ``forms``: how often each (form, lemma) pair was met, to tell a form's lemma;
- ``reading_state``: by article key, where the reader is (block, mode), the share read
  and when it was last opened: for a library text (joined by its key) and for any
  article opened without adding it. The one owner of a text's reading state; % known
  is not stored (it is computed from the word statuses, ``reader.learning.stats``).

The schema and its migrations are in ``reader.data.schemas`` (``LIBRARY``).

WAL, one transaction per change: a text is added with its blocks and sentences, or not
at all. A file SQLite cannot read as a database is set aside (renamed, never deleted)
and a fresh library is started; ``notice`` then says so.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from reader.article import Article, from_blocks
from reader.data import locations, schemas
from reader.data.database import open_database, transaction
from reader.errors import ReaderError
from reader.library.index import SentenceRow, count_words
from reader.store import Position
from reader.textio import clean_line

Kind = Literal["article", "book", "web page", "pdf", "subtitles", "highlights"]
KINDS: tuple[Kind, ...] = ("article", "book", "web page", "pdf", "subtitles", "highlights")
FILE_NAME = locations.LIBRARY
_TEXT_COLUMNS = (
    "t.id, t.title, t.author, t.kind, t.source, t.words, coalesce(r.read, 0), NULL,"
    " t.added, r.opened, t.published, t.key"
)
_TEXTS = "texts t LEFT JOIN reading_state r ON r.key = t.key"


class LibraryError(ReaderError):
    """The library cannot be opened or changed, or has no such text."""


@dataclass(frozen=True)
class Text:
    """A text in the library, as listed."""

    id: int
    title: str
    author: str
    kind: Kind
    source: str
    words: int
    read: float
    """How far the reader got, 0 to 1."""
    known: float | None
    """The share of its words the reader knows, 0 to 1; None until word statuses exist.
    Never stored: the library gives None, and a caller that has the word statuses fills
    it in (``reader.learning.stats.known_shares``)."""
    added: float
    opened: float | None
    """When it was last opened (seconds since the epoch), None if never."""
    published: str = ""
    key: str = ""
    """The article key (``reader.article.Article.key``): reading positions are kept by it."""

    def __post_init__(self) -> None:
        _clean_fields(self)


@dataclass(frozen=True)
class NewText:
    """A text read from its source, ready to be stored."""

    source: str
    kind: Kind
    title: str
    author: str
    published: str
    article: Article
    cues: tuple[Cue | None, ...] = ()
    """Subtitles: each block's cue (start time, speaker), None for the title; () otherwise."""

    def __post_init__(self) -> None:
        _clean_fields(self)  # stored clean, whatever path read it


@dataclass(frozen=True)
class Cue:
    """When a block of subtitles starts (seconds from the start) and who speaks it."""

    start: float
    speaker: str = ""


def _clean_fields(text: Text | NewText | Hit) -> None:
    """Titles, authors and dates come from outside (a book's metadata, a page's JSON-LD):
    no control character or bidi override may reach the database or a terminal. Rows
    stored before this rule are cleaned as they are read."""
    for name in ("title", "author", "published"):
        value = getattr(text, name, None)
        if isinstance(value, str):
            object.__setattr__(text, name, clean_line(value))


@dataclass(frozen=True)
class Hit:
    """A sentence of the library that holds the word looked for."""

    text: int
    title: str
    block: int
    sentence: int
    fr: str

    def __post_init__(self) -> None:
        _clean_fields(self)


@dataclass(frozen=True)
class Hits:
    """What the lookup panel says: "In your library: N sentences in M texts", and the first few."""

    sentences: int
    texts: int
    first: tuple[Hit, ...]
    capped: bool = False
    """More sentences than counted (the count stops at ``Library.hits``'s ``most``): the
    panel says "10,000+ sentences in 310+ texts"."""


def _damaged(path: Path, exc: sqlite3.DatabaseError) -> str:
    said = str(exc).lower()
    if isinstance(exc, sqlite3.OperationalError) and any(
        w in said for w in ("locked", "busy", "read-only", "readonly", "disk", "full", "open")
    ):  # locked, read-only, disk full: not damaged
        return f"cannot read the library {path} ({exc})"
    return (
        f"the library {path} is damaged ({exc}); the texts stored in its readable parts may "
        "still open; move the file aside to start a new library"
    )


def with_known(texts: Sequence[Text], shares: Mapping[str, float]) -> list[Text]:
    """The texts with their % known filled in from ``shares`` (article key -> share)."""
    return [replace(t, known=shares.get(t.key)) for t in texts]


def library_path() -> Path:
    return locations.path(FILE_NAME)


def match_expression(column: Literal["fr", "lemmas"], word: str) -> str:
    """An FTS5 query for ``word`` in one column, quoted: the user's word is never syntax."""
    return f'{column} : "{word.replace(chr(34), chr(34) * 2)}"'


class Library:
    """The library database. Thread-safe: the app's workers and the UI may share one."""

    def __init__(self, path: Path | None = None) -> None:
        try:
            self.path = path or library_path()
        except OSError as exc:
            raise LibraryError(f"data folder unusable ({exc.strerror or exc})") from exc
        self.notice: str | None = None
        self._lock = threading.RLock()
        self._db = self._open()

    # ------------------------------------------------------------ opening

    def _open(self) -> sqlite3.Connection:
        opened = open_database(
            self.path, schemas.LIBRARY, error=LibraryError, timeout=10, check_same_thread=False
        )
        self.notice = opened.notice
        db = opened.db
        try:
            db.execute("SELECT count(*) FROM texts WHERE id = 0").fetchone()
        except sqlite3.DatabaseError as exc:
            db.close()
            raise LibraryError(f"cannot open the library {self.path} ({exc})") from exc
        return db

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _guarded(self) -> Iterator[None]:
        """A query on a damaged page (random bytes inside the file, not at its head, which
        opening checks) raises LibraryError, one line, never a traceback (T36)."""
        try:
            yield
        except LibraryError:
            raise
        except sqlite3.DatabaseError as exc:
            raise LibraryError(_damaged(self.path, exc)) from exc

    def _change(self, sql: str, params: Sequence[object]) -> int:
        """One statement in its own transaction; the number of rows it changed."""
        with self._lock, self._guarded():
            try:
                with self._transaction():
                    return self._db.execute(sql, params).rowcount
            except sqlite3.DatabaseError as exc:
                raise LibraryError(f"cannot change the library ({exc})") from exc

    def _transaction(self) -> AbstractContextManager[sqlite3.Connection]:
        return transaction(self._db)

    # ------------------------------------------------------------ texts

    def add(
        self,
        text: NewText,
        rows: Sequence[SentenceRow],
        forms: Counter[tuple[str, str]],
        storing: Callable[[], None] | None = None,
    ) -> Text:
        """Stores a text, its blocks and its sentences in one transaction. A source already
        in the library is updated in place (same id; its dates and progress kept).
        ``storing`` is called inside the transaction (a progress display); whatever it
        raises (Ctrl-C) rolls everything back."""
        article = text.article
        blocks = json.dumps([[b.kind, b.text] for b in article.blocks], ensure_ascii=False)
        cues = (
            json.dumps([None if c is None else [c.start, c.speaker] for c in text.cues])
            if text.cues
            else None
        )
        words = count_words(article.blocks)
        now = time.time()
        with self._lock, self._guarded():
            try:
                with self._transaction():
                    before = self._db.execute(
                        "SELECT key FROM texts WHERE source = ?", (text.source,)
                    ).fetchone()
                    if before is not None and before[0] != article.key:
                        # its text changed (a new key): the share read and date go with it
                        self._db.execute(
                            "INSERT INTO reading_state (key, read, opened, changed)"
                            " SELECT ?, read, opened, changed FROM reading_state WHERE key = ?"
                            " ON CONFLICT (key) DO NOTHING",
                            (article.key, before[0]),
                        )
                    self._db.execute(
                        "INSERT INTO texts (source, kind, title, author, published, key, words, added)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source) DO UPDATE SET"
                        " kind = excluded.kind, title = excluded.title, author = excluded.author,"
                        " published = excluded.published, key = excluded.key,"
                        " words = excluded.words",
                        (
                            text.source,
                            text.kind,
                            text.title,
                            text.author,
                            text.published,
                            article.key,
                            words,
                            now,
                        ),
                    )
                    text_id = self._db.execute(
                        "SELECT id FROM texts WHERE source = ?", (text.source,)
                    ).fetchone()[0]
                    self._db.execute(
                        "INSERT OR REPLACE INTO contents (text_id, blocks, cues) VALUES (?, ?, ?)",
                        (text_id, blocks, cues),
                    )
                    if storing is not None:
                        storing()
                    self._db.execute("DELETE FROM sentences WHERE text_id = ?", (text_id,))
                    self._db.executemany(
                        "INSERT INTO sentences (text_id, block, sentence, fr, lemmas)"
                        " VALUES (?, ?, ?, ?, ?)",
                        [(text_id, r.block, r.sentence, r.fr, r.lemmas) for r in rows],
                    )
                    self._db.executemany(
                        "INSERT INTO forms (form, lemma, n) VALUES (?, ?, ?)"
                        " ON CONFLICT (form, lemma) DO UPDATE SET n = n + excluded.n",
                        [(f, lemma, n) for (f, lemma), n in forms.items()],
                    )
            except sqlite3.DatabaseError as exc:
                raise LibraryError(f"cannot add {text.source} to the library ({exc})") from exc
        return self.text(text_id)

    def texts(self) -> list[Text]:
        """Every text, the last opened first, then the last added."""
        with self._lock, self._guarded():
            rows = self._db.execute(
                f"SELECT {_TEXT_COLUMNS} FROM {_TEXTS}"
                " ORDER BY r.opened IS NULL, r.opened DESC, t.added DESC, t.id DESC"
            ).fetchall()
        return [Text(*row) for row in rows]

    def text(self, text_id: int) -> Text:
        if not -(2**63) <= text_id < 2**63:  # beyond SQLite's integers: no such text either
            raise LibraryError(f"no text {text_id} in the library (reader library lists them)")
        with self._lock, self._guarded():
            row = self._db.execute(
                f"SELECT {_TEXT_COLUMNS} FROM {_TEXTS} WHERE t.id = ?", (text_id,)
            ).fetchone()
        if row is None:
            raise LibraryError(f"no text {text_id} in the library (reader library lists them)")
        return Text(*row)

    def by_source(self, source: str) -> Text | None:
        with self._lock, self._guarded():
            row = self._db.execute(
                f"SELECT {_TEXT_COLUMNS} FROM {_TEXTS} WHERE t.source = ?", (source,)
            ).fetchone()
        return Text(*row) if row else None

    def by_key(self, key: str) -> Text | None:
        """A text with these very blocks (the article key hashes them), whatever its source."""
        with self._lock, self._guarded():
            row = self._db.execute(
                f"SELECT {_TEXT_COLUMNS} FROM {_TEXTS} WHERE t.key = ? ORDER BY t.id LIMIT 1",
                (key,),
            ).fetchone()
        return Text(*row) if row else None

    def count(self) -> int:
        with self._lock, self._guarded():
            count: int = self._db.execute("SELECT count(*) FROM texts").fetchone()[0]
            return count

    def article(self, text_id: int) -> Article:
        """The stored text as an Article: the blocks it was added with, its key, and the
        original file as its path when it is still there (for companion files)."""
        text = self.text(text_id)
        with self._lock, self._guarded():
            row = self._db.execute(
                "SELECT blocks FROM contents WHERE text_id = ?", (text_id,)
            ).fetchone()
        if row is None:
            raise LibraryError(f"text {text_id} has no stored content; add it again")
        try:
            pairs = [(str(kind), str(body)) for kind, body in json.loads(row[0])]
        except (ValueError, TypeError) as exc:
            raise LibraryError(
                f"text {text_id}: its stored content is damaged; add it again"
            ) from exc
        path = Path(text.source) if text.kind != "web page" else None
        return from_blocks(
            pairs, text.source, path if path is not None and path.is_file() else None, text.key
        )

    def cues(self, text_id: int) -> list[Cue | None]:
        """Each stored block's cue (subtitles), or [] for a text without any."""
        with self._lock, self._guarded():
            row = self._db.execute(
                "SELECT cues FROM contents WHERE text_id = ?", (text_id,)
            ).fetchone()
        if row is None or row[0] is None:
            return []
        try:
            return [None if c is None else Cue(float(c[0]), str(c[1])) for c in json.loads(row[0])]
        except (ValueError, TypeError, IndexError):
            return []  # timing is a bonus: damaged, the text still reads

    def remove(self, text_id: int) -> Text:
        """Removes a text and its sentences (the translation cache and vocabulary stay)."""
        text = self.text(text_id)
        with self._lock, self._guarded():
            try:
                with self._transaction():
                    self._db.execute("DELETE FROM sentences WHERE text_id = ?", (text_id,))
                    self._db.execute("DELETE FROM contents WHERE text_id = ?", (text_id,))
                    self._db.execute("DELETE FROM texts WHERE id = ?", (text_id,))
            except sqlite3.DatabaseError as exc:
                raise LibraryError(f"cannot remove text {text_id} ({exc})") from exc
        return text

    # ------------------------------------------------------------ reading state

    def set_read(self, text_id: int, fraction: float) -> None:
        """Records how far the reader got in a text (0 to 1; clamped)."""
        self._state(self._key(text_id), "read", min(1.0, max(0.0, fraction)))

    def mark_opened(self, text_id: int, when: float | None = None) -> None:
        self._state(self._key(text_id), "opened", time.time() if when is None else when)

    def last_opened(self) -> Text | None:
        texts = self.texts()
        return texts[0] if texts and texts[0].opened is not None else None

    def position(self, key: str) -> Position | None:
        """Where the reader was in the article ``key`` (in the library or not), if saved."""
        with self._lock:
            try:
                row = self._db.execute(
                    "SELECT block, mode FROM reading_state WHERE key = ? AND block IS NOT NULL",
                    (key,),
                ).fetchone()
            except sqlite3.DatabaseError as exc:
                raise LibraryError(f"cannot read the reading positions ({exc})") from exc
        return Position(int(row[0]), str(row[1] or "both")) if row else None

    def save_position(self, key: str, position: Position) -> None:
        """Saves where the reader is in the article ``key``."""
        with self._lock:
            try:
                with self._transaction():
                    self._db.execute(
                        "INSERT INTO reading_state (key, block, mode, changed) VALUES (?, ?, ?, ?)"
                        " ON CONFLICT (key) DO UPDATE SET block = excluded.block,"
                        " mode = excluded.mode, changed = excluded.changed",
                        (key, position.block, position.mode, time.time()),
                    )
            except sqlite3.OperationalError as exc:
                raise LibraryError(f"cannot save the reading position ({exc})") from exc

    def _key(self, text_id: int) -> str:
        with self._lock:
            row = self._db.execute("SELECT key FROM texts WHERE id = ?", (text_id,)).fetchone()
        if row is None:
            raise LibraryError(f"no text {text_id} in the library")
        return str(row[0])

    def _state(self, key: str, column: str, value: float) -> None:
        self._change(
            f"INSERT INTO reading_state (key, {column}, changed) VALUES (?, ?, ?)"
            f" ON CONFLICT (key) DO UPDATE SET {column} = excluded.{column},"
            " changed = excluded.changed",
            (key, value, time.time()),
        )

    # ------------------------------------------------------------ search

    def lemma_of(self, form: str) -> str | None:
        """The lemma the library's texts most often gave this form, or None if never met."""
        with self._lock, self._guarded():
            row = self._db.execute(
                "SELECT lemma FROM forms WHERE form = ? ORDER BY n DESC, lemma LIMIT 1",
                (form.lower().replace("’", "'"),),
            ).fetchone()
        return row[0] if row else None

    def lemmas_of(self, forms: Sequence[str]) -> dict[str, set[str]]:
        """Every lemma the library's texts gave each of ``forms`` (as ``lemma_of`` takes
        them), for the review's cloze: which words of a sentence are the card's."""
        wanted = sorted({form.lower().replace("’", "'") for form in forms})
        found: dict[str, set[str]] = {}
        with self._lock, self._guarded():
            for i in range(0, len(wanted), 500):  # under SQLite's bound-parameter limit
                part = wanted[i : i + 500]
                marks = ",".join("?" * len(part))
                for form, lemma in self._db.execute(
                    f"SELECT form, lemma FROM forms WHERE form IN ({marks})", part
                ):
                    found.setdefault(form, set()).add(lemma)
        return found

    def find(
        self, word: str, *, lemma: bool = False, exclude: int | None = None, limit: int = 100
    ) -> list[Hit]:
        """Sentences holding ``word`` as a form (or, ``lemma``, as a lemma), in the order
        they were added, at most ``limit``; ``exclude`` leaves one text out."""
        query = match_expression("lemmas" if lemma else "fr", word)
        with self._lock, self._guarded():
            rows = self._db.execute(
                "SELECT s.text_id, t.title, s.block, s.sentence, s.fr FROM sentence_index"
                " JOIN sentences s ON s.id = sentence_index.rowid"
                " JOIN texts t ON t.id = s.text_id"
                " WHERE sentence_index MATCH ? AND s.text_id IS NOT ?"
                " ORDER BY sentence_index.rowid LIMIT ?",
                (query, exclude, limit),
            ).fetchall()
        return [Hit(*row) for row in rows]

    def hits(
        self,
        word: str,
        *,
        lemma: bool = True,
        exclude: int | None = None,
        first: int = 3,
        most: int = 10_000,
    ) -> Hits:
        """For the lookup panel: how many sentences (up to ``most``) and texts hold the
        word, and the first few. Counting every "de" of 5 million words took 140 ms
        (benchmarks/library.py); up to 10,000 it stays well under 100 ms."""
        query = match_expression("lemmas" if lemma else "fr", word)
        with self._lock, self._guarded():
            sentences, texts = self._db.execute(
                "SELECT count(*), count(DISTINCT text_id) FROM (SELECT s.text_id FROM"
                " sentence_index JOIN sentences s ON s.id = sentence_index.rowid"
                " WHERE sentence_index MATCH ? AND s.text_id IS NOT ? LIMIT ?)",
                (query, exclude, most + 1),
            ).fetchone()
        shown = tuple(self.find(word, lemma=lemma, exclude=exclude, limit=first))
        return Hits(min(sentences, most), texts, shown, capped=sentences > most)
