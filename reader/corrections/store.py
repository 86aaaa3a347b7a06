"""The corrections file: the reader's English by normalised French sentence.

One table, keyed by ``reader.corrections.key.key`` (its primary key is the index), so
the English of a batch of sentences is one indexed query. Opened per operation, as the
other files of the reader's own are (``reader.database``); a data folder that has no
corrections file yet is not given one by a lookup.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime

from reader.corrections.key import key
from reader.data import locations, schemas
from reader.data.database import transaction
from reader.database import Database
from reader.errors import ReaderError

FILE_NAME = locations.CORRECTIONS

SCHEMA = schemas.CORRECTIONS_SQL
"""The whole schema, in one place (a migration of the data home can take it as it is)."""

_LINE_BREAKS = re.compile(r"[\r\n\t\v\f]+")
_BATCH = 500
"""Keys per query: under SQLite's oldest limit on parameters (999)."""


class CorrectionsError(ReaderError):
    """The corrections file cannot be read or written, or a correction is unusable."""


@dataclass(frozen=True)
class Correction:
    fr: str
    en: str
    created: str = ""
    updated: str = ""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _checked(fr: str, en: str) -> tuple[str, str, str]:
    fr, en = _LINE_BREAKS.sub(" ", fr).strip(), " ".join(en.split())
    if not key(fr):
        raise CorrectionsError("no French sentence given")
    if not en:
        raise CorrectionsError(f"no English given for « {fr} »")
    return key(fr), fr, en


class Corrections(Database):
    """The corrections file; every method opens, works in one transaction, and closes."""

    SCHEMA = schemas.CORRECTIONS
    error = CorrectionsError

    @contextmanager
    def _open(self) -> Iterator[sqlite3.Connection]:
        with closing(self._connect()) as db:
            try:
                with transaction(db):  # committed on success, rolled back on error
                    yield db
            except sqlite3.DatabaseError as exc:
                raise CorrectionsError(f"{self.path}: cannot use the corrections ({exc})") from exc

    def add(self, fr: str, en: str) -> Correction:
        """Keeps ``en`` as the English of ``fr`` (and of every spelling with its key)."""
        return self.add_many([(fr, en)])[0]

    def add_many(self, pairs: Iterable[tuple[str, str]]) -> list[Correction]:
        """Keeps every pair, in one transaction: all of them or, on an error, none."""
        rows = [_checked(fr, en) for fr, en in pairs]
        now = _now()
        with self._open() as db:
            db.executemany(
                "INSERT INTO corrections (key, fr, en, created, updated) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (key) DO UPDATE SET fr = excluded.fr, en = excluded.en, "
                "updated = excluded.updated",
                [(k, fr, en, now, now) for k, fr, en in rows],
            )
        return [Correction(fr, en, now, now) for _, fr, en in rows]

    def remove(self, fr: str) -> Correction | None:
        """Forgets the English of ``fr`` (any spelling); the removed one, or None."""
        if not self.path.exists():
            return None
        with self._open() as db:
            row = db.execute(
                "DELETE FROM corrections WHERE key = ? RETURNING fr, en, created, updated",
                (key(fr),),
            ).fetchone()
        return Correction(*row) if row is not None else None

    def all(self) -> list[Correction]:
        """Every correction, oldest first."""
        if not self.path.exists():
            return []
        with self._open() as db:
            rows = db.execute(
                "SELECT fr, en, created, updated FROM corrections ORDER BY created, fr"
            ).fetchall()
        return [Correction(*row) for row in rows]

    def english_for(self, sentences: Sequence[str]) -> dict[str, str]:
        """The reader's English of each of ``sentences`` that has one, by the sentence as given."""
        if not sentences or not self.path.exists():
            return {}
        keys: dict[str, list[str]] = {}
        for sentence in sentences:
            keys.setdefault(key(sentence), []).append(sentence)
        found: dict[str, str] = {}
        wanted = list(keys)
        with self._open() as db:
            for start in range(0, len(wanted), _BATCH):
                batch = wanted[start : start + _BATCH]
                marks = ",".join("?" * len(batch))
                for k, en in db.execute(
                    f"SELECT key, en FROM corrections WHERE key IN ({marks})", batch
                ):
                    found.update((sentence, en) for sentence in keys[k])
        return found


def yours_for(sentences: Sequence[str]) -> dict[str, str]:
    """The reader's English of each of ``sentences`` that has one; {} when the corrections
    file cannot be read (for the English shown beside search hits: a hint, never an error)."""
    try:
        return Corrections().english_for(sentences)
    except CorrectionsError:
        return {}
