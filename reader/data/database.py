"""The one opener of every SQLite file of the data folder, with ordered migrations.

``open_database(path, schema)`` connects (autocommit: writers say ``BEGIN IMMEDIATE``
themselves, through ``transaction``), then reads the file's ``PRAGMA user_version``:

- equal to the schema's version: done (one pragma read; opening pays nothing more once
  the migrations have run);
- lower: the file is upgraded. Under a lock file beside it (``NAME.lock``), so two
  processes opening a fresh file at once never race, the version is read again, the
  journal is set to WAL (once, when the file is made: it stays in the file), a backup
  of the file is made under ``backups/`` (not for a new file, nor for a cache), and
  every pending migration runs, in order, in **one** transaction that also sets
  ``user_version``. A migration that fails rolls it all back: the file is as it was, and
  the error is one line naming the file, the versions and the backup;
- higher: written by a newer release; one error, the file untouched.

A file SQLite cannot read as a database is set aside (renamed ``NAME.corrupt-STAMP``,
kept) and a new one started; ``Opened.notice`` says so. A busy file (another process
migrating it, or holding its write lock) is waited for, within the timeout.

How to add a migration (a table, a column, a data fix)
------------------------------------------------------
1. In ``reader/data/schemas.py``, append one ``Migration`` to the list of the database
   it changes (``LIBRARY``, ``LEARNING``, ``VOCABULARY``, or a cache). Its ``version``
   is the previous last one plus one (``Schema`` checks that they run 1, 2, 3, …).
2. Its step is SQL (one statement per line end, triggers included; no ``BEGIN``) or a
   function ``step(db, context)`` for work SQL cannot do alone (reading an old JSON
   file: see ``_reading_state``); ``context.after`` takes what must happen only once
   the transaction is committed (moving a file aside).
3. Never edit a migration that has shipped: a user's file ran it already. Write a new
   one that changes what it made.
4. Add a test that opens ``tests/fixtures/data-0.1.0`` (a copy) and finds the data
   (``tests/data/test_upgrade.py``), and, for a new table the reader makes, an entry in
   ``reader/data/transfer.py``'s ``TABLES`` so that export and import carry it.

For example, ``LEARNING``'s migration 2 (the review cards, whose module once wrote
``CREATE TABLE IF NOT EXISTS`` itself) and ``LIBRARY``'s migration 2 (a column)::

    Migration(2, "review cards and their log", REVIEW),
    Migration(2, "contents.cues …", "ALTER TABLE contents ADD COLUMN cues TEXT;"),

A new database is one more ``Schema`` (its file named in ``locations``, listed in
``schemas.ALL``; in ``locations.USER_DATABASES`` if the reader made what it holds, so
that it is backed up).
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from reader.errors import ReaderError


class DataError(ReaderError):
    """A database of the data folder cannot be opened or upgraded."""


@dataclass
class MigrationContext:
    """What a migration function may use besides the connection."""

    folder: Path
    """The data folder (the database's folder)."""
    backup: Path | None
    """The backup made before this upgrade (None for a new file or a cache)."""
    after: list[Callable[[], None]] = field(default_factory=list)
    """Run once the upgrade is committed (never when it fails)."""


Step = str | Callable[[sqlite3.Connection, MigrationContext], None]


@dataclass(frozen=True)
class Migration:
    version: int
    """The ``user_version`` the file has once this migration ran."""
    what: str
    step: Step


@dataclass(frozen=True)
class Schema:
    """One database: its file name, what messages call it, and its migrations in order."""

    file: str
    what: str
    migrations: tuple[Migration, ...]
    backup: bool = True
    """False for a cache: rebuilt when lost, never backed up."""
    pragmas: tuple[str, ...] = ()
    """Set on every connection (``foreign_keys = ON``); the journal mode is not one."""

    def __post_init__(self) -> None:
        versions = [m.version for m in self.migrations]
        if versions != list(range(1, len(versions) + 1)):
            raise ValueError(f"{self.file}: migrations must be numbered 1, 2, 3…: {versions}")

    @property
    def version(self) -> int:
        return len(self.migrations)


@dataclass
class Opened:
    db: sqlite3.Connection
    notice: str | None = None
    """Said to the reader: a damaged file was set aside."""
    damage: str | None = None
    """What SQLite said of the damaged file."""
    moved: Path | None = None
    """Where the damaged file was moved."""


def statements(script: str) -> Iterator[str]:
    """The statements of ``script``, one at a time (``executescript`` would commit)."""
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            yield buffer.strip()
            buffer = ""
    if buffer.strip():
        yield buffer.strip()


@contextmanager
def transaction(db: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """``BEGIN IMMEDIATE`` (the write lock from the start, so what the block reads cannot
    change under it in another process) … ``COMMIT``, or ``ROLLBACK`` on any error."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        if db.in_transaction:  # SQLite rolls back by itself on some errors (disk full)
            db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def version_of(path: Path) -> int | None:
    """A file's ``user_version`` read without changing it (None: no file, or unreadable)."""
    if not path.is_file():
        return None
    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5)
        try:
            return int(db.execute("PRAGMA user_version").fetchone()[0])
        finally:
            db.close()
    except sqlite3.Error:
        return None


class _Damaged(Exception):
    def __init__(self, cause: sqlite3.DatabaseError) -> None:
        super().__init__(str(cause))
        self.cause = cause


def _busy(exc: sqlite3.Error) -> bool:
    text = str(exc)
    return "locked" in text or "busy" in text


def open_database(
    path: Path,
    schema: Schema,
    *,
    error: type[ReaderError] = DataError,
    timeout: float = 30.0,
    check_same_thread: bool = True,
) -> Opened:
    """Connects to ``path`` and brings it to ``schema``'s version (see the module).

    Raises ``error`` (one line naming the file) when the file cannot be opened, created,
    upgraded or set aside."""
    deadline = time.monotonic() + timeout
    notice = None
    damage: tuple[str, Path] | None = None
    pause = 0.01
    while True:
        try:
            db = _open_once(path, schema, error, timeout, check_same_thread)
            return Opened(db, notice, *(damage or (None, None)))
        except _Damaged as damaged:
            if notice is not None:  # set aside once already: do not loop
                raise error(f"{path}: cannot open the {schema.what} ({damaged})") from None
            from reader.store import set_aside_or_fail

            moved = set_aside_or_fail(path, damaged.cause, error)
            notice = (
                f"the {schema.what} file was damaged: unreadable ({damaged}); moved to"
                f" {moved.name}, a new one started"
            )
            damage = (str(damaged), moved)
        except sqlite3.OperationalError as exc:
            if _busy(exc) and time.monotonic() < deadline:
                time.sleep(pause)
                pause = min(pause * 2, 0.2)
                continue
            raise error(f"{path}: cannot open the {schema.what} ({exc})") from exc
        except OSError as exc:
            raise error(f"{path}: cannot open the {schema.what} ({exc.strerror or exc})") from exc


def _open_once(
    path: Path, schema: Schema, error: type[ReaderError], timeout: float, same_thread: bool
) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path, timeout=timeout, isolation_level=None, check_same_thread=same_thread)
    try:
        version = _user_version(db)
        if version > schema.version:
            raise error(
                f"{path} was written by a newer reader (schema {version}, this one knows "
                f"{schema.version}); update the reader"
            )
        if version < schema.version:
            _upgrade(db, path, schema, error)
        for pragma in schema.pragmas:
            db.execute(f"PRAGMA {pragma}")
        return db
    except BaseException:
        db.close()
        raise


def _user_version(db: sqlite3.Connection) -> int:
    try:
        return int(db.execute("PRAGMA user_version").fetchone()[0])
    except sqlite3.OperationalError:
        raise
    except sqlite3.DatabaseError as exc:  # not a database, malformed
        raise _Damaged(exc) from exc


def _upgrade(db: sqlite3.Connection, path: Path, schema: Schema, error: type[ReaderError]) -> None:
    from reader.store import file_lock

    try:
        with file_lock(path):
            _upgrade_locked(db, path, schema, error)
    except OSError as exc:
        raise error(
            f"{path}: cannot upgrade the {schema.what} ({exc.strerror or exc}); the file is as it was"
        ) from exc


def _upgrade_locked(
    db: sqlite3.Connection, path: Path, schema: Schema, error: type[ReaderError]
) -> None:
    version = _user_version(db)  # another process may have done it while we waited
    if version >= schema.version:
        return
    try:
        used = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
    except sqlite3.OperationalError:
        raise
    except sqlite3.DatabaseError as exc:
        raise _Damaged(exc) from exc
    db.execute("PRAGMA journal_mode = WAL")  # persistent: set once, when the file is made
    backup = None
    if used and schema.backup:
        from reader.data import backups

        try:
            backup = backups.make(
                path.parent,
                f"before-{path.stem}-v{schema.version}",
                [path.name],
                connection=db,
            ).path
        except backups.BackupError as exc:
            raise error(f"{path}: not upgraded, {exc}; the file is as it was") from exc
    context = MigrationContext(path.parent, backup)
    pending = schema.migrations[version:]
    try:
        with transaction(db):
            for migration in pending:
                step = migration.step
                if isinstance(step, str):
                    for statement in statements(step):
                        db.execute(statement)
                else:
                    step(db, context)
            db.execute(f"PRAGMA user_version = {schema.version}")
    except sqlite3.OperationalError as exc:
        if _busy(exc):
            raise  # waited for, then tried again
        raise _failed(path, schema, version, backup, exc, error) from exc
    except (sqlite3.Error, OSError, ValueError) as exc:
        raise _failed(path, schema, version, backup, exc, error) from exc
    for after in context.after:
        try:
            after()
        except OSError:
            pass  # e.g. an old file left where it was: its data is in the database now


def _failed(
    path: Path,
    schema: Schema,
    version: int,
    backup: Path | None,
    exc: Exception,
    error: type[ReaderError],
) -> ReaderError:
    kept = f"; a backup is in {backup}" if backup is not None else ""
    return error(
        f"{path}: the upgrade of the {schema.what} from version {version} to "
        f"{schema.version} failed ({exc}); the file is as it was{kept}"
    )
