"""The cards and the review log, kept with the statuses in ``learning.sqlite3``.

Tables (``SCHEMA``, one constant, so it can become a migration of the data home):
- ``review_cards``: one row per lemma or phrase that ever was a card: its fixed id
  (``cards.card_id``), its key and kind, whether it is in the queue (``active``), FSRS's
  card (state, step, stability, difficulty, due, last review), reps and lapses, and the
  UTC day of its first review (the new cards a day count them);
- ``review_log``: append-only, one row per grade: FSRS's ``ReviewLog`` (card, rating,
  when, duration in ms), the card's state before it and the card as it was (JSON, for
  undo), so the optimizer can be run on it later;
- ``review_undone``: the grades taken back with ``z`` (the log itself is never changed);
- ``review_shown``: which library sentence each card was shown in, and when, so the next
  review prefers another one.

Which keys are cards (``sync``): every lemma or phrase whose status is learning-1…4, and
every word saved to the vocabulary unless it is known or ignored; never a number, nor a
name (a saved lemma with a capital, as the tagger gives names). A card whose key stops
being one (marked known or ignored) leaves the queue and keeps its schedule; marking it
learning again brings it back. Grading never changes a status.

Every grade and every undo is one transaction holding SQLite's write lock from its start
(``BEGIN IMMEDIATE``): the card is read and written under the lock, so two app instances
grading at once lose nothing, and it is committed before the screen moves on.
"""

from __future__ import annotations

import json
import re
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from fsrs import Card, Rating, Scheduler, State

from reader.data import schemas
from reader.errors import ReaderError
from reader.learning import store as learning
from reader.learning.database import Database
from reader.review.cards import Kind, card_id, kind_of, scheduler

SCHEMA = schemas.REVIEW
"""The review tables (migration 2 of the statuses file, ``reader.data.schemas``)."""
_COLUMNS = (
    "c.id, c.key, c.kind, c.active, c.state, c.step, c.stability, c.difficulty, c.due,"
    " c.last_review, c.reps, c.lapses, c.introduced, coalesce(s.status, 'new')"
)
_FROM = "review_cards c LEFT JOIN statuses s ON s.lemma = c.key"
_NUMBER = re.compile(r"\d")

Place = tuple[int, int, int]
"""A library sentence: (text id, block, sentence)."""


class ReviewError(ReaderError):
    """The cards cannot be read or written, or there is no such card."""


@dataclass(frozen=True)
class ReviewCard:
    """A card as the queue and the screen see it: FSRS's card and what FSRS does not keep."""

    key: str
    kind: Kind
    card: Card
    reps: int
    lapses: int
    status: str
    """The key's status (``new`` for a saved word not marked)."""
    active: bool = True
    introduced: str | None = None

    @property
    def id(self) -> int:
        return self.card.card_id

    @property
    def new(self) -> bool:
        """Never reviewed."""
        return self.reps == 0

    @property
    def interval(self) -> timedelta | None:
        """From its last review to its due date (None before the first review)."""
        if self.card.last_review is None:
            return None
        return self.card.due - self.card.last_review


@dataclass(frozen=True)
class Counts:
    """The screen's header: cards due now (new ones offered today included) and new
    cards left for today."""

    due: int
    new_left: int
    new_waiting: int
    """New cards not offered today (over the day's allowance)."""


@dataclass(frozen=True)
class Graded:
    """One grade as written: its log row (for undo) and the card before and after."""

    log_id: int
    rating: Rating
    before: ReviewCard
    after: ReviewCard


def utc_now() -> datetime:
    return datetime.now(UTC)


def _stamp(when: datetime | None) -> float | None:
    return None if when is None else when.timestamp()


def _write_schedule(
    db: sqlite3.Connection, card: Card, reps: int, lapses: int, introduced: str | None
) -> None:
    """One card's FSRS schedule and counts, as a grade leaves them or an undo puts them back."""
    db.execute(
        "UPDATE review_cards SET state = ?, step = ?, stability = ?, difficulty = ?,"
        " due = ?, last_review = ?, reps = ?, lapses = ?, introduced = ? WHERE id = ?",
        (
            int(card.state),
            card.step,
            card.stability,
            card.difficulty,
            card.due.timestamp(),
            _stamp(card.last_review),
            reps,
            lapses,
            introduced,
            card.card_id,
        ),
    )


def _when(stamp: float | None) -> datetime | None:
    return None if stamp is None else datetime.fromtimestamp(stamp, UTC)


def _row_card(row: Sequence[object]) -> ReviewCard:
    (cid, key, kind, active, state, step, stability, difficulty, due, last, reps, lapses) = row[:12]
    introduced, status = row[12], row[13]
    card = Card(
        card_id=int(str(cid)),
        state=State(int(str(state))),
        step=None if step is None else int(str(step)),
        stability=None if stability is None else float(str(stability)),
        difficulty=None if difficulty is None else float(str(difficulty)),
        due=_when(float(str(due))),
        last_review=_when(None if last is None else float(str(last))),
    )
    return ReviewCard(
        key=str(key),
        kind="phrase" if kind == "phrase" else "word",
        card=card,
        reps=int(str(reps)),
        lapses=int(str(lapses)),
        status=str(status),
        active=bool(active),
        introduced=None if introduced is None else str(introduced),
    )


def _snapshot(card: ReviewCard) -> str:
    return json.dumps(
        {
            "card": card.card.to_dict(),
            "reps": card.reps,
            "lapses": card.lapses,
            "introduced": card.introduced,
        }
    )


def is_name_or_number(raw: str) -> bool:
    """A number (any digit), or a name: the tagger keeps a name's capital in its lemma."""
    raw = raw.strip()
    return bool(_NUMBER.search(raw)) or (raw[:1].isupper())


class ReviewStore(Database):
    """The cards and the log in the learning file; every method opens, works in one
    transaction and closes (as ``LearningStore``)."""

    SCHEMA = schemas.LEARNING
    error = ReviewError

    def __init__(self, path: Path | None = None, fsrs: Scheduler | None = None) -> None:
        super().__init__(path)
        self.scheduler = fsrs or scheduler()
        self._plain: Scheduler | None = None
        self._lock = threading.RLock()
        self._db: sqlite3.Connection | None = None

    def _connection(self) -> sqlite3.Connection:
        """The store's one connection, opened at first use and kept: closing the last
        connection to a WAL file checkpoints it (tens of ms on a slow disk, at every call)."""
        if self._db is None:
            self._db = self._connect()
        return self._db

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                yield self._connection()
            except sqlite3.DatabaseError as exc:
                raise ReviewError(f"{self.path}: cannot read ({exc})") from exc

    @contextmanager
    def _write(self, durable: bool = True) -> Iterator[sqlite3.Connection]:
        """One transaction under SQLite's write lock. ``durable`` False: committed without
        waiting for the disk (``synchronous = NORMAL``: safe from a killed process, not
        from a power cut), for what costs nothing to lose (which sentence was shown)."""
        with self._lock:
            try:
                db = self._connection()
                if not durable:
                    db.execute("PRAGMA synchronous = NORMAL")
                try:
                    db.execute("BEGIN IMMEDIATE")
                    try:
                        yield db
                    except BaseException:
                        db.execute("ROLLBACK")
                        raise
                    db.execute("COMMIT")
                finally:
                    if not durable:
                        db.execute("PRAGMA synchronous = FULL")
            except sqlite3.DatabaseError as exc:
                raise ReviewError(f"{self.path}: cannot save ({exc})") from exc

    # ------------------------------------------------------------ which keys are cards

    def _saved_words(self) -> dict[str, str]:
        """The vocabulary's lemmas (stored form → as saved), beside the learning file."""
        from reader.learning.vocab import FILE_NAME as VOCAB_FILE
        from reader.learning.vocab import Vocabulary

        path = self.path.parent / VOCAB_FILE
        if not path.exists():
            return {}
        saved = {}
        for entry in Vocabulary(path).entries():
            saved[learning.normal(entry.lemma)] = entry.lemma
        return saved

    def eligible(self, db: sqlite3.Connection) -> set[str]:
        """The keys that are cards now (see the module's docstring)."""
        statuses: dict[str, str] = dict(db.execute("SELECT lemma, status FROM statuses"))
        keys = {key for key, status in statuses.items() if status in learning.LEARNING}
        for key, raw in self._saved_words().items():
            if statuses.get(key, "new") not in ("known", "ignored") and not is_name_or_number(raw):
                keys.add(key)
        return {key for key in keys if key and not _NUMBER.search(key)}

    def sync(self, now: datetime | None = None) -> int:
        """Makes a card for every key that should have one and puts in or takes out of
        the queue the others; returns how many cards changed."""
        now = now or utc_now()
        with self._write() as db:
            wanted = self.eligible(db)
            have = {
                key: bool(active)
                for key, active in db.execute("SELECT key, active FROM review_cards")
            }
            changed = 0
            for key in sorted(wanted - have.keys()):
                done = db.execute(
                    "INSERT OR IGNORE INTO review_cards"
                    " (id, key, kind, active, state, step, due, created)"
                    " VALUES (?, ?, ?, 1, ?, 0, ?, ?)",
                    (
                        card_id(key),
                        key,
                        kind_of(key),
                        int(State.Learning),
                        now.timestamp(),
                        now.isoformat(),
                    ),
                )
                changed += done.rowcount
            flips = [
                (int(key in wanted), key)
                for key, active in have.items()
                if active != (key in wanted)
            ]
            db.executemany("UPDATE review_cards SET active = ? WHERE key = ?", flips)
            return changed + len(flips)

    # ------------------------------------------------------------ reading cards

    def card(self, key: str) -> ReviewCard | None:
        """The card of ``key`` (a lemma or phrase, in any case), active or not."""
        if not self.path.exists():
            return None
        with self._read() as db:
            row = db.execute(
                f"SELECT {_COLUMNS} FROM {_FROM} WHERE c.key = ?", (learning.normal(key),)
            ).fetchone()
        return _row_card(row) if row else None

    def new_left(self, new_per_day: int, now: datetime | None = None) -> int:
        """New cards that may still be started today (UTC day)."""
        today = (now or utc_now()).date().isoformat()
        with self._read() as db:
            started = db.execute(
                "SELECT count(*) FROM review_cards WHERE introduced = ?", (today,)
            ).fetchone()[0]
        return max(0, new_per_day - int(started))

    def counts(self, new_per_day: int, now: datetime | None = None) -> Counts:
        now = now or utc_now()
        new_left = self.new_left(new_per_day, now)
        with self._read() as db:
            reviews = db.execute(
                "SELECT count(*) FROM review_cards WHERE active = 1 AND reps > 0 AND due <= ?",
                (now.timestamp(),),
            ).fetchone()[0]
            new = db.execute(
                "SELECT count(*) FROM review_cards WHERE active = 1 AND reps = 0"
            ).fetchone()[0]
        offered = min(new_left, int(new))
        return Counts(int(reviews) + offered, new_left, int(new) - offered)

    def queue(
        self, new_per_day: int, now: datetime | None = None, limit: int = -1
    ) -> list[ReviewCard]:
        """The cards due now, in the order they are reviewed: the reviewed ones by due
        date, then today's new ones in the order they became cards (then by key)."""
        now = now or utc_now()
        new_left = self.new_left(new_per_day, now)
        with self._read() as db:
            rows = db.execute(
                f"SELECT {_COLUMNS} FROM {_FROM} WHERE c.active = 1 AND c.reps > 0"
                " AND c.due <= ? ORDER BY c.due, c.id LIMIT ?",
                (now.timestamp(), limit),
            ).fetchall()
            room = new_left if limit < 0 else min(new_left, max(0, limit - len(rows)))
            rows += db.execute(
                f"SELECT {_COLUMNS} FROM {_FROM} WHERE c.active = 1 AND c.reps = 0"
                " ORDER BY c.due, c.key LIMIT ?",
                (room,),
            ).fetchall()
        return [_row_card(row) for row in rows]

    def cards(self) -> list[ReviewCard]:
        """Every card in the queue (due or not), by due date."""
        if not self.path.exists():
            return []
        with self._read() as db:
            rows = db.execute(
                f"SELECT {_COLUMNS} FROM {_FROM} WHERE c.active = 1 ORDER BY c.due, c.id"
            ).fetchall()
        return [_row_card(row) for row in rows]

    def practice(self) -> list[ReviewCard]:
        """Practice mode's cards: every learning word in the queue, due or not, the
        soonest due first."""
        return [card for card in self.cards() if card.status in learning.LEARNING]

    def next_due(self, now: datetime | None = None) -> datetime | None:
        """When the next reviewed card falls due (after ``now``), or None."""
        now = now or utc_now()
        with self._read() as db:
            row = db.execute(
                "SELECT min(due) FROM review_cards WHERE active = 1 AND reps > 0 AND due > ?",
                (now.timestamp(),),
            ).fetchone()
        return _when(row[0]) if row and row[0] is not None else None

    # ------------------------------------------------------------ grading

    def preview(self, card: ReviewCard, now: datetime | None = None) -> dict[Rating, timedelta]:
        """The interval each grade would give (FSRS on a copy: the card is not changed).
        Without fuzz, as Anki's buttons: the grade itself moves an interval over 2.5 days
        by FSRS's few percent of fuzz, where the scheduler has it on."""
        now = now or utc_now()
        plain = self._plain
        if plain is None:
            s = self.scheduler
            plain = self._plain = Scheduler(
                parameters=s.parameters,
                desired_retention=s.desired_retention,
                learning_steps=s.learning_steps,
                relearning_steps=s.relearning_steps,
                maximum_interval=s.maximum_interval,
                enable_fuzzing=False,
            )
        return {rating: plain.review_card(card.card, rating, now)[0].due - now for rating in Rating}

    def grade(
        self,
        key: str,
        rating: Rating,
        now: datetime | None = None,
        duration_ms: int | None = None,
    ) -> Graded:
        """Grades the card of ``key`` now: one transaction, committed when this returns."""
        now = now or utc_now()
        wanted = learning.normal(key)
        with self._write() as db:
            row = db.execute(f"SELECT {_COLUMNS} FROM {_FROM} WHERE c.key = ?", (wanted,))
            found = row.fetchone()
            if found is None:
                raise ReviewError(
                    f"{key!r} has no card: set it learning (reader known set) or save it"
                )
            before = _row_card(found)
            card, log = self.scheduler.review_card(before.card, rating, now, duration_ms)
            lapse = rating == Rating.Again and before.card.state == State.Review
            after = replace(
                before,
                card=card,
                reps=before.reps + 1,
                lapses=before.lapses + int(lapse),
                introduced=before.introduced or now.date().isoformat(),
            )
            _write_schedule(db, card, after.reps, after.lapses, after.introduced)
            done = db.execute(
                "INSERT INTO review_log (card_id, rating, at, duration, state, before)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (
                    log.card_id,
                    int(log.rating),
                    log.review_datetime.isoformat(),
                    log.review_duration,
                    int(before.card.state),
                    _snapshot(before),
                ),
            )
            log_id = int(done.lastrowid or 0)
        return Graded(log_id, rating, before, after)

    def undo(self, log_id: int, now: datetime | None = None) -> ReviewCard:
        """Takes back one grade: the card as it was before it, if no later grade of that
        card was kept. The log keeps the row; ``review_undone`` names it."""
        now = now or utc_now()
        with self._write() as db:
            row = db.execute(
                "SELECT card_id, before FROM review_log WHERE id = ?"
                " AND id NOT IN (SELECT log_id FROM review_undone)",
                (log_id,),
            ).fetchone()
            if row is None:
                raise ReviewError("nothing to undo")
            cid, before = int(row[0]), json.loads(row[1])
            later = db.execute(
                "SELECT count(*) FROM review_log WHERE card_id = ? AND id > ?"
                " AND id NOT IN (SELECT log_id FROM review_undone)",
                (cid, log_id),
            ).fetchone()[0]
            if later:
                raise ReviewError("that card was graded again since; nothing undone")
            card = Card.from_dict(before["card"])
            _write_schedule(
                db, card, int(before["reps"]), int(before["lapses"]), before["introduced"]
            )
            db.execute("INSERT INTO review_undone VALUES (?, ?)", (log_id, now.isoformat()))
            found = db.execute(f"SELECT {_COLUMNS} FROM {_FROM} WHERE c.id = ?", (cid,)).fetchone()
        return _row_card(found)

    def log(self) -> list[tuple[int, int, str, int | None]]:
        """The kept grades (card id, rating, when, duration ms), oldest first; undone ones
        left out. FSRS's ``ReviewLog.from_dict`` takes each as it is."""
        if not self.path.exists():
            return []
        with self._read() as db:
            return [
                (int(c), int(r), str(at), None if d is None else int(d))
                for c, r, at, d in db.execute(
                    "SELECT card_id, rating, at, duration FROM review_log"
                    " WHERE id NOT IN (SELECT log_id FROM review_undone) ORDER BY id"
                )
            ]

    # ------------------------------------------------------------ sentences shown

    def shown(self, card: int) -> dict[Place, float]:
        """The library sentences this card was shown in, and when (seconds)."""
        with self._read() as db:
            return {
                (int(t), int(b), int(s)): float(at)
                for t, b, s, at in db.execute(
                    "SELECT text_id, block, sentence, at FROM review_shown WHERE card_id = ?",
                    (card,),
                )
            }

    def record_shown(self, card: int, place: Place, now: datetime | None = None) -> None:
        when = (now or utc_now()).timestamp()
        with self._write(durable=False) as db:
            db.execute(
                "INSERT INTO review_shown VALUES (?, ?, ?, ?, ?) ON CONFLICT DO UPDATE"
                " SET at = excluded.at",
                (card, *place, when),
            )
