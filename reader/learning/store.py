"""What the reader knows, kept in SQLite in the data folder (``learning.sqlite3``).

Tables:
- ``statuses``: one row per French lemma the reader has marked (``new``, the default,
  has no row);
- ``history``: every change (lemma, from, to, when), for the statistics;
- ``reading``: the blocks read (article key, block, words, day), each counted once;
- ``articles`` and ``article_lemmas``: each article's countable tokens by lemma, so its
  % known is recomputed from the statuses without analysing the text again.

WAL, and one transaction per change: a change reads the old status and writes the new
one and its history row under SQLite's write lock (``BEGIN IMMEDIATE``), so two app
instances writing at once lose nothing. A file SQLite cannot read is set aside (kept,
renamed) and a new one started, with ``notice`` saying so.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from reader.data import locations, schemas
from reader.data.database import transaction
from reader.errors import ReaderError
from reader.learning.database import Database
from reader.textio import clean

FILE_NAME = locations.LEARNING
STATUSES = ("new", "learning-1", "learning-2", "learning-3", "learning-4", "known", "ignored")
"""Every status, in the order the CLI lists them; ``new`` is the default."""
LEARNING = STATUSES[1:5]
GROUPS = {"new": ("new",), "learning": LEARNING, "known": ("known",), "ignored": ("ignored",)}
"""What ``--status`` filters by: ``learning`` is any of the four grades."""


class LearningError(ReaderError):
    """The statuses cannot be read or written, or a status is not one of ``STATUSES``."""


@dataclass(frozen=True)
class Change:
    """One status change, as the history keeps it."""

    lemma: str
    old: str
    new: str
    at: str


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def normal(lemma: str) -> str:
    """How a lemma is stored: clean text, lower case, straight apostrophe, single spaces."""
    return " ".join(clean(lemma).replace("’", "'").lower().split())


def check_status(status: str) -> str:
    if status not in STATUSES:
        raise LearningError(f"no status {status!r}; use one of: {', '.join(STATUSES)}")
    return status


class LearningStore(Database):
    """The learning file; every method opens, works in one transaction, and closes."""

    SCHEMA = schemas.LEARNING
    error = LearningError

    def __init__(self, path: Path | None = None) -> None:
        super().__init__(path)
        self._lock = threading.Lock()

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        with closing(self._connect()) as db:
            try:
                yield db
            except sqlite3.DatabaseError as exc:
                raise LearningError(f"{self.path}: cannot read ({exc})") from exc

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One transaction holding SQLite's write lock from its start (``BEGIN IMMEDIATE``):
        what it reads cannot change under it in another process."""
        with self._lock, closing(self._connect()) as db:
            try:
                with transaction(db):
                    yield db
            except sqlite3.DatabaseError as exc:
                raise LearningError(f"{self.path}: cannot save ({exc})") from exc

    # ------------------------------------------------------------ statuses

    def statuses(self) -> dict[str, str]:
        """Every lemma with a status other than ``new``."""
        if not self.path.exists():
            return {}
        with self._read() as db:
            return dict(db.execute("SELECT lemma, status FROM statuses"))

    def status(self, lemma: str) -> str:
        if not self.path.exists():
            return "new"
        with self._read() as db:
            row = db.execute(
                "SELECT status FROM statuses WHERE lemma = ?", (normal(lemma),)
            ).fetchone()
        return row[0] if row else "new"

    def set(self, lemma: str, status: str) -> Change | None:
        """Sets one lemma's status; returns the change, or None when it already had it."""
        changes = self.set_many({lemma: status})
        return changes[0] if changes else None

    def set_many(self, wanted: Mapping[str, str], only_new: bool = False) -> list[Change]:
        """Sets several statuses in one transaction (an import, marking a block known).

        ``only_new``: leave lemmas that already have a status as they are (seeding never
        turns a word you are learning into a known one).
        """
        items = [(normal(lemma), check_status(status)) for lemma, status in wanted.items()]
        items = [(lemma, status) for lemma, status in items if lemma]
        if not items:
            return []
        at = now()
        changes = []
        with self._write() as db:
            old = self._current(db, [lemma for lemma, _ in items])
            for lemma, status in items:
                before = old.get(lemma, "new")
                if before == status or (only_new and before != "new"):
                    continue
                if status == "new":
                    db.execute("DELETE FROM statuses WHERE lemma = ?", (lemma,))
                else:
                    db.execute(
                        "INSERT INTO statuses VALUES (?, ?, ?) ON CONFLICT(lemma) DO UPDATE"
                        " SET status = excluded.status, updated = excluded.updated",
                        (lemma, status, at),
                    )
                db.execute(
                    "INSERT INTO history (lemma, old, new, at) VALUES (?, ?, ?, ?)",
                    (lemma, before, status, at),
                )
                old[lemma] = status
                changes.append(Change(lemma, before, status, at))
        return changes

    @staticmethod
    def _current(db: sqlite3.Connection, lemmas: Sequence[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        for i in range(0, len(lemmas), 500):  # under SQLite's bound-parameter limit
            part = lemmas[i : i + 500]
            marks = ",".join("?" * len(part))
            found.update(
                db.execute(f"SELECT lemma, status FROM statuses WHERE lemma IN ({marks})", part)
            )
        return found

    def history(self) -> list[Change]:
        """Every change, oldest first."""
        if not self.path.exists():
            return []
        with self._read() as db:
            rows = db.execute("SELECT lemma, old, new, at FROM history ORDER BY id").fetchall()
        return [Change(*row) for row in rows]

    # ------------------------------------------------------------ reading and articles

    def record_read(
        self, article_key: str, block_index: int, words: int, day: date | None = None
    ) -> bool:
        """A block was read (the reader moved past it): counted once per article and block.
        Returns whether it was new."""
        day = day or datetime.now(UTC).date()  # the history's days are UTC too
        with self._write() as db:
            done = db.execute(
                "INSERT OR IGNORE INTO reading VALUES (?, ?, ?, ?)",
                (article_key, block_index, max(words, 0), day.isoformat()),
            )
            return done.rowcount == 1

    def record_article(
        self,
        article_key: str,
        title: str,
        source: str,
        tokens: int,
        counts: Mapping[str, int],
    ) -> None:
        """An article's countable tokens by lemma (replacing what was kept for it)."""
        with self._write() as db:
            db.execute(
                "INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?, ?, ?)",
                (article_key, clean(title)[:200], source, tokens, sum(counts.values()), now()),
            )
            db.execute("DELETE FROM article_lemmas WHERE article = ?", (article_key,))
            db.executemany(
                "INSERT INTO article_lemmas VALUES (?, ?, ?)",
                [(article_key, lemma, count) for lemma, count in counts.items()],
            )

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """A read-only view for the statistics (``reader.learning.stats``)."""
        with self._read() as db:
            yield db
