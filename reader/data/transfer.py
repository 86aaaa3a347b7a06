"""Take it with you: ``reader data export -o FILE.zip`` and ``reader data import FILE.zip``.

The zip holds JSON, one entry per table the reader made (``{"columns": [...], "rows":
[[...], ...]}``), the glossary as its TOML file, and ``manifest.json`` (the format, the
reader's version, each database's schema version, each entry's row count):

- ``statuses.json``, ``history.json``: word statuses and every change;
- ``blocks-read.json``, ``articles.json``, ``article-lemmas.json``: blocks read (for the
  statistics) and each article's lemma counts (for % known);
- ``vocabulary.json``, ``examples.json``: saved words and their sentences;
- ``texts.json`` (with each text's blocks), ``sentences.json``, ``forms.json``: the library
  (the sentence index is stored, so nothing is analysed again);
- ``reading-state.json``: position, mode, share read and last opened, by article key;
- ``review-cards.json``, ``review-log.json``, ``review-undone.json``,
  ``review-shown.json``: review cards and their log;
- ``corrections.json``: your own English for sentences;
- ``glossary.toml``: the reader's own glossary.

A later table (review cards, corrections) is one more ``Table`` in ``TABLES``.

Import into an empty folder gives the same data (text ids kept). Into a used one, it
merges: a row whose key is absent is added; a row present is replaced when the export's
is newer (by the table's ``changed`` column) and else skipped; a text present (by its
source) is replaced when the export's was added later with other content; a glossary
term present is kept. Everything is read and checked before anything is written: a
damaged or foreign zip changes nothing. A used folder is backed up first.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
import time
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import Any

from reader.archives import check_names, check_unpacked
from reader.data import backups, locations, schemas
from reader.data.database import Schema, open_database, transaction, version_of
from reader.errors import ReaderError

FORMAT = "bilingual-reader-data"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
MAX_UNPACKED = 4 * 1024**3
"""What an import may unpack to, at most (the members' sizes are checked as they are read)."""
MAX_RATIO = 1000
"""A member that claims to unpack to more than this many times its packed size is refused."""
MAX_MEMBERS = 100


class TransferError(ReaderError):
    """An export cannot be written, or an import read (damaged, foreign, too large)."""


@dataclass(frozen=True)
class Table:
    """One table carried as one JSON entry."""

    entry: str
    schema: Schema
    table: str
    columns: tuple[str, ...]
    key: tuple[str, ...]
    """What identifies a row when merging."""
    changed: str | None = None
    """The column that says when a row last changed: the newest wins. None: a row
    present is kept."""
    order: str = "rowid"
    reals: bool = False
    """Holds REAL values: written by Python's JSON (SQLite's keeps 15 digits of a float),
    else by SQLite's own ``json_group_array``, which is 5× faster on a large table."""


TABLES: tuple[Table, ...] = (
    Table(
        "statuses.json",
        schemas.LEARNING,
        "statuses",
        ("lemma", "status", "updated"),
        ("lemma",),
        "updated",
        "lemma",
    ),
    Table(
        "history.json",
        schemas.LEARNING,
        "history",
        ("lemma", "old", "new", "at"),
        ("lemma", "old", "new", "at"),
        order="id",
    ),
    Table(
        "blocks-read.json",
        schemas.LEARNING,
        "reading",
        ("article", "block", "words", "day"),
        ("article", "block"),
        order="article, block",
    ),
    Table(
        "articles.json",
        schemas.LEARNING,
        "articles",
        ("article", "title", "source", "tokens", "countable", "seen"),
        ("article",),
        "seen",
        "article",
    ),
    Table(
        "article-lemmas.json",
        schemas.LEARNING,
        "article_lemmas",
        ("article", "lemma", "count"),
        ("article", "lemma"),
        order="article, lemma",
    ),
    Table(
        "review-cards.json",
        schemas.LEARNING,
        "review_cards",
        (
            "id",
            "key",
            "kind",
            "active",
            "state",
            "step",
            "stability",
            "difficulty",
            "due",
            "last_review",
            "reps",
            "lapses",
            "introduced",
            "created",
        ),
        ("key",),
        "last_review",
        "id",
        reals=True,
    ),
    Table(
        "review-log.json",
        schemas.LEARNING,
        "review_log",
        ("id", "card_id", "rating", "at", "duration", "state", "before"),
        ("id",),  # merging two machines' logs keeps the first of two rows with one id
        order="id",
    ),
    Table("review-undone.json", schemas.LEARNING, "review_undone", ("log_id", "at"), ("log_id",)),
    Table(
        "review-shown.json",
        schemas.LEARNING,
        "review_shown",
        ("card_id", "text_id", "block", "sentence", "at"),
        ("card_id", "text_id", "block", "sentence"),
        "at",
        "card_id, text_id, block, sentence",
        reals=True,
    ),
    Table(
        "corrections.json",
        schemas.CORRECTIONS,
        "corrections",
        ("key", "fr", "en", "created", "updated"),
        ("key",),
        "updated",
        "key",
    ),
    Table(
        "vocabulary.json",
        schemas.VOCABULARY,
        "words",
        ("lemma", "word", "english", "source", "created", "updated"),
        ("lemma",),
        "updated",
    ),
    Table(
        "examples.json",
        schemas.VOCABULARY,
        "examples",
        ("lemma", "word", "sentence", "english", "title", "path", "saved"),
        ("lemma", "sentence"),
        "saved",
        "id",
    ),
    Table(
        "forms.json",
        schemas.LIBRARY,
        "forms",
        ("form", "lemma", "n"),
        ("form", "lemma"),
        order="form, lemma",
    ),
    Table(
        "reading-state.json",
        schemas.LIBRARY,
        "reading_state",
        ("key", "block", "mode", "read", "opened", "changed"),
        ("key",),
        "changed",
        "key",
        reals=True,
    ),
)
_SCHEMAS = (schemas.LEARNING, schemas.VOCABULARY, schemas.CORRECTIONS, schemas.LIBRARY)
"""The databases exported, in order."""
TEXTS = "texts.json"
TEXT_COLUMNS = ("id", "source", "kind", "title", "author", "published", "key", "words", "added")
CONTENTS = ("blocks", "cues")
"""A text's ``contents`` row, carried in its ``texts.json`` row."""
SENTENCES = "sentences.json"
SENTENCE_COLUMNS = ("text_id", "block", "sentence", "fr", "lemmas")
GLOSSARY = locations.GLOSSARY
ENTRIES = frozenset({MANIFEST, TEXTS, SENTENCES, GLOSSARY, *(t.entry for t in TABLES)})


@dataclass
class Counts:
    added: int = 0
    updated: int = 0
    skipped: int = 0


@dataclass
class Report:
    """What an import did, per entry."""

    counts: dict[str, Counts] = field(default_factory=dict)
    backup: str | None = None
    ignored: list[str] = field(default_factory=list)
    """Entries this reader does not know (a later release's tables)."""

    def of(self, entry: str) -> Counts:
        return self.counts.setdefault(entry, Counts())


# ------------------------------------------------------------------ export


def _version() -> str:
    from importlib import metadata

    try:
        return metadata.version("bilingual-reader")
    except metadata.PackageNotFoundError:
        return "unknown"


@contextmanager
def _snapshot(folder: Path, schema: Schema) -> Iterator[sqlite3.Connection | None]:
    """One database, read in one transaction (a consistent view), or None when absent."""
    path = folder / schema.file
    if not path.is_file():
        yield None
        return
    opened = open_database(path, schema, error=TransferError)
    with closing(opened.db) as db:
        db.execute("BEGIN")
        try:
            yield db
        finally:
            db.execute("COMMIT")


def _entry(columns: Sequence[str], rows: Sequence[Sequence[object]]) -> bytes:
    return json.dumps(
        {"columns": list(columns), "rows": rows}, ensure_ascii=False, separators=(",", ":")
    ).encode("utf-8")


def _sql_entry(
    db: sqlite3.Connection, table: str, columns: Sequence[str], order: str
) -> tuple[bytes, int]:
    """A table as an entry, made by SQLite (no Python object per value)."""
    listed = ", ".join(columns)
    rows, count = db.execute(
        f"SELECT json_group_array(json_array({listed})), count(*)"
        f" FROM (SELECT {listed} FROM {table} ORDER BY {order})"
    ).fetchone()
    head = json.dumps({"columns": list(columns)}, separators=(",", ":"))[:-1]
    return f'{head},"rows":'.encode() + rows.encode("utf-8") + b"}", int(count)


def _table_entry(db: sqlite3.Connection | None, table: Table) -> tuple[bytes, int]:
    if db is None:
        return _entry(table.columns, []), 0
    if not table.reals:
        return _sql_entry(db, table.table, table.columns, table.order)
    rows = db.execute(
        f"SELECT {', '.join(table.columns)} FROM {table.table} ORDER BY {table.order}"
    ).fetchall()
    return _entry(table.columns, rows), len(rows)


def export(folder: Path, target: Path) -> dict[str, int]:
    """Writes the data folder's export to ``target`` (replaced atomically); the row count
    of each entry."""
    entries: dict[str, bytes] = {}
    counts: dict[str, int] = {}
    for schema in _SCHEMAS:
        with _snapshot(folder, schema) as db:
            for table in (t for t in TABLES if t.schema is schema):
                entries[table.entry], counts[table.entry] = _table_entry(db, table)
            if schema is schemas.LIBRARY:
                texts: list[Any] = []
                if db is not None:
                    texts = db.execute(
                        f"SELECT {', '.join('t.' + c for c in TEXT_COLUMNS)}, c.blocks, c.cues"
                        " FROM texts t JOIN contents c ON c.text_id = t.id ORDER BY t.id"
                    ).fetchall()
                entries[TEXTS], counts[TEXTS] = (
                    _entry((*TEXT_COLUMNS, *CONTENTS), texts),
                    len(texts),
                )
                entries[SENTENCES], counts[SENTENCES] = (
                    _sql_entry(db, "sentences", SENTENCE_COLUMNS, "id")
                    if db is not None
                    else (_entry(SENTENCE_COLUMNS, []), 0)
                )
    glossary = folder / GLOSSARY
    if glossary.is_file():
        entries[GLOSSARY] = glossary.read_bytes()
        counts[GLOSSARY] = 1
    manifest = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "reader": _version(),
        "exported": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "schemas": {s.file: version_of(folder / s.file) for s in schemas.ALL if s.backup},
        "entries": counts,
    }
    _write_zip(target, {MANIFEST: json.dumps(manifest, indent=1).encode(), **entries})
    return counts


def _write_zip(target: Path, entries: dict[str, bytes]) -> None:
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise TransferError(f"{target}: cannot write ({exc.strerror or exc})") from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            with zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
                for name, data in entries.items():
                    zf.writestr(name, data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o600)  # a learner's data: theirs only
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise TransferError(f"{target}: cannot write ({exc.strerror or exc})") from exc


# ------------------------------------------------------------------ reading an export


@dataclass
class _Rows:
    columns: tuple[str, ...]
    rows: list[list[Any]]


def _read_zip(source: Path) -> tuple[dict[str, Any], dict[str, _Rows], bytes | None, list[str]]:
    """Everything in the export, checked: (manifest, tables by entry, glossary, unknown
    entries). TransferError, one line, for anything damaged, foreign or too large."""
    try:
        zf = zipfile.ZipFile(source)
    except (OSError, zipfile.BadZipFile) as exc:
        raise TransferError(f"{source}: not a reader export ({exc})") from exc
    with zf:
        infos = zf.infolist()
        check_names(
            source,
            [i.filename for i in infos],
            folder="data folder",
            most=MAX_MEMBERS,
            error=TransferError,
        )
        check_unpacked(source, sum(i.file_size for i in infos), MAX_UNPACKED, TransferError)
        for info in infos:
            if info.file_size > 10 * 1024**2 and info.file_size > MAX_RATIO * max(
                info.compress_size, 1
            ):
                raise TransferError(f"{source}: refused, {info.filename} unpacks too far")
        names = {i.filename for i in infos}
        if MANIFEST not in names:
            raise TransferError(f"{source}: not a reader export (no {MANIFEST})")
        unknown = sorted(names - ENTRIES)
        data = {name: _member(zf, source, name) for name in sorted(names & ENTRIES)}
    try:
        manifest = json.loads(data.pop(MANIFEST))
    except ValueError as exc:
        raise TransferError(f"{source}: its {MANIFEST} is damaged ({exc})") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise TransferError(f"{source}: not a reader export (its manifest is another format)")
    version = manifest.get("format_version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise TransferError(
            f"{source}: written by a newer reader (export format {version}); update the reader"
        )
    glossary = data.pop(GLOSSARY, None)
    expected = {t.entry: t.columns for t in TABLES}
    expected[TEXTS] = (*TEXT_COLUMNS, *CONTENTS)
    expected[SENTENCES] = SENTENCE_COLUMNS
    tables = {name: _rows(source, name, raw, expected[name]) for name, raw in data.items()}
    return manifest, tables, glossary, unknown


def _member(zf: zipfile.ZipFile, source: Path, name: str) -> bytes:
    info = zf.getinfo(name)
    try:
        with zf.open(info) as handle:
            data = handle.read(info.file_size + 1)
    except (OSError, zipfile.BadZipFile, EOFError, zlib.error) as exc:
        raise TransferError(f"{source}: {name} is damaged ({exc})") from exc
    if len(data) != info.file_size:
        raise TransferError(f"{source}: {name} is damaged (its size is not what it says)")
    return data


def _rows(source: Path, name: str, raw: bytes, columns: tuple[str, ...]) -> _Rows:
    try:
        data = json.loads(raw)
    except ValueError as exc:
        raise TransferError(f"{source}: {name} is damaged ({exc})") from exc
    if not isinstance(data, dict) or tuple(data.get("columns", ())) != columns:
        raise TransferError(f"{source}: {name} does not hold the columns {', '.join(columns)}")
    rows = data.get("rows")
    # set(map(...)) checks each row and value in C: a Python step per value was 3 s of
    # the import of 5 million words
    if not isinstance(rows, list) or (rows and set(map(type, rows)) != {list}):
        raise TransferError(f"{source}: {name}: its rows are damaged")
    if rows and set(map(len, rows)) != {len(columns)}:
        raise TransferError(f"{source}: {name}: its rows are damaged")
    kinds = set(map(type, chain.from_iterable(rows)))
    if not kinds <= {str, int, float, type(None)}:
        raise TransferError(f"{source}: {name}: a value is neither text nor a number")
    return _Rows(columns, rows)


def _check_glossary(source: Path, data: bytes) -> None:
    from glossary import user

    with tempfile.TemporaryDirectory(prefix="reader-import-") as tmp:
        (Path(tmp) / GLOSSARY).write_bytes(data)
        try:
            found = user.read(Path(tmp))
        except ReaderError as exc:
            raise TransferError(f"{source}: its glossary cannot be read ({exc})") from exc
        if found.problems:
            raise TransferError(f"{source}: its glossary has a problem ({found.problems[0]})")


# ------------------------------------------------------------------ import


def is_empty(folder: Path) -> bool:
    """Whether the data folder holds nothing the reader made."""
    return not any(
        (folder / name).is_file() for name in (*locations.USER_DATABASES, *locations.USER_FILES)
    )


def import_(folder: Path, source: Path) -> Report:
    """Reads ``source`` (checked whole first) into the data folder; see the module."""
    _manifest, tables, glossary, unknown = _read_zip(source)
    if glossary is not None:
        _check_glossary(source, glossary)
    report = Report(ignored=unknown)
    empty = is_empty(folder)
    if not empty:
        report.backup = backups.make(folder, "before-import").name
    # Into an empty folder, each database is written to a file of its own first, without
    # a journal or a sync per page (nothing of the user's to protect yet), synced once,
    # and all are renamed into place when every one is done: 2.5× faster than through
    # WAL (benchmarks/data.py), and a failed import leaves the folder empty.
    made: list[tuple[Path, Path]] = []
    try:
        for schema in _SCHEMAS:
            mine = [t for t in TABLES if t.schema is schema and t.entry in tables]
            library = schema is schemas.LIBRARY and TEXTS in tables
            if not mine and not library:
                continue
            path = folder / schema.file
            target = path.with_name(f".{path.name}.importing") if empty else path
            if empty:
                _unlink_database(target)
                made.append((target, path))
            try:
                opened = open_database(target, schema, error=TransferError)
                with closing(opened.db) as db:
                    if empty:
                        db.execute("PRAGMA journal_mode = MEMORY")
                        db.execute("PRAGMA synchronous = OFF")
                    with transaction(db):
                        indexes = _drop_indexes(db) if empty else []
                        if library:
                            _import_texts(
                                db, tables[TEXTS], tables.get(SENTENCES), report.of(TEXTS)
                            )
                        for table in mine:
                            _merge(db, table, tables[table.entry], report.of(table.entry))
                        for sql in indexes:
                            db.execute(sql)
                    if empty:
                        db.execute("PRAGMA journal_mode = WAL")  # as the opener makes a file
                if empty:
                    _sync(target)
            except sqlite3.Error as exc:
                raise TransferError(
                    f"{path}: the import failed ({exc}); nothing of it was written"
                ) from exc
        for target, path in made:
            os.replace(target, path)
    except OSError as exc:
        raise TransferError(f"{folder}: the import failed ({exc.strerror or exc})") from exc
    finally:
        for target, _ in made:
            _unlink_database(target)
    if glossary is not None:
        _import_glossary(folder, glossary, report.of(GLOSSARY))
    return report


def _drop_indexes(db: sqlite3.Connection) -> list[str]:
    """Drops the secondary indexes (made again after a bulk insert: sorting once is 3×
    faster than a random insert per row, 750,000 ``article_lemmas``); their SQL."""
    found = db.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
    ).fetchall()
    for name, _ in found:
        db.execute(f'DROP INDEX "{name}"')
    return [str(sql) for _, sql in found]


def _unlink_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal", ".lock"):  # .lock: the opener's
        name = path.name + suffix
        path.with_name(name).unlink(missing_ok=True)


def _sync(path: Path) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


def _merge(db: sqlite3.Connection, table: Table, incoming: _Rows, counts: Counts) -> None:
    columns = table.columns
    marks = ", ".join("?" * len(columns))
    if db.execute(f"SELECT 1 FROM {table.table} LIMIT 1").fetchone() is None:
        # Nothing to merge with: every row is added without a Python step per row; a
        # row the table refuses (a key repeated in the export) goes the row-by-row way
        db.execute("SAVEPOINT bulk")
        try:
            db.executemany(
                f"INSERT INTO {table.table} ({', '.join(columns)}) VALUES ({marks})",
                incoming.rows,
            )
        except sqlite3.IntegrityError:
            db.execute("ROLLBACK TO bulk")
            db.execute("RELEASE bulk")
        else:
            db.execute("RELEASE bulk")
            counts.added += len(incoming.rows)
            return
    key_at = [columns.index(k) for k in table.key]
    changed_at = columns.index(table.changed) if table.changed else None
    select = ", ".join(table.key) + (f", {table.changed}" if table.changed else "")
    present: dict[tuple[Any, ...], Any] = {}
    for row in db.execute(f"SELECT {select} FROM {table.table}"):
        present[tuple(row[: len(key_at)])] = row[-1] if table.changed else None
    insert = f"INSERT INTO {table.table} ({', '.join(columns)}) VALUES ({marks})"
    where = " AND ".join(f"{k} = ?" for k in table.key)
    others = [c for c in columns if c not in table.key]
    update = f"UPDATE {table.table} SET {', '.join(f'{c} = ?' for c in others)} WHERE {where}"
    other_at = [columns.index(c) for c in others]
    added: list[list[Any]] = []
    for row in incoming.rows:
        key = tuple(row[i] for i in key_at)
        if key not in present:
            added.append(row)
            present[key] = row[changed_at] if changed_at is not None else None
            continue
        newer = changed_at is not None and _later(row[changed_at], present[key])
        if newer and other_at:
            db.execute(update, [*(row[i] for i in other_at), *key])
            present[key] = row[changed_at] if changed_at is not None else None
            counts.updated += 1
        else:
            counts.skipped += 1
    db.executemany(insert, added)
    counts.added += len(added)


def _later(new: Any, old: Any) -> bool:
    if old is None:
        return new is not None
    if new is None:
        return False
    try:
        return bool(new > old)
    except TypeError:
        return False


def _import_texts(
    db: sqlite3.Connection, texts: _Rows, sentences: _Rows | None, counts: Counts
) -> None:
    local = {
        source: (text_id, key, added)
        for text_id, source, key, added in db.execute("SELECT id, source, key, added FROM texts")
    }
    taken = {text_id for text_id, _, _ in local.values()}
    by_text: dict[Any, list[list[Any]]] = {}
    for row in sentences.rows if sentences is not None else []:
        by_text.setdefault(row[0], []).append(row)
    fields = TEXT_COLUMNS[1:]
    # The sentence index is built once at the end ('rebuild'), not row by row through
    # the insert trigger: 5 million words took 24 s that way (benchmarks/data.py).
    trigger = db.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'sentences_added'"
    ).fetchone()
    if trigger is not None:
        db.execute("DROP TRIGGER sentences_added")
    for row in texts.rows:
        text_id, values, (blocks, cues) = row[0], row[1:-2], row[-2:]
        source = values[0]
        if source in local:
            mine, key, added = local[source]
            if not (_later(values[7], added) and values[5] != key):
                counts.skipped += 1
                continue
            db.execute(
                f"UPDATE texts SET {', '.join(f'{c} = ?' for c in fields)} WHERE id = ?",
                [*values, mine],
            )
            db.execute("DELETE FROM sentences WHERE text_id = ?", (mine,))
            new_id = mine
            counts.updated += 1
        else:
            wanted = text_id if isinstance(text_id, int) and text_id not in taken else None
            cursor = db.execute(
                f"INSERT INTO texts ({', '.join(TEXT_COLUMNS)}) VALUES ({', '.join('?' * 9)})",
                [wanted, *values],
            )
            new_id = int(cursor.lastrowid or 0)
            taken.add(new_id)
            local[source] = (new_id, values[5], values[7])
            counts.added += 1
        db.execute(
            "INSERT OR REPLACE INTO contents (text_id, blocks, cues) VALUES (?, ?, ?)",
            (new_id, blocks, cues),
        )
        db.executemany(
            "INSERT INTO sentences (text_id, block, sentence, fr, lemmas) VALUES (?, ?, ?, ?, ?)",
            [(new_id, *r[1:]) for r in by_text.get(text_id, [])],
        )
    db.execute("INSERT INTO sentence_index (sentence_index) VALUES ('rebuild')")
    if trigger is not None:
        db.execute(trigger[0])


def _import_glossary(folder: Path, data: bytes, counts: Counts) -> None:
    from glossary import user
    from reader.store import atomic_write

    target = folder / GLOSSARY
    if not target.is_file():
        atomic_write(target, data)
        with tempfile.TemporaryDirectory(prefix="reader-import-") as tmp:
            (Path(tmp) / GLOSSARY).write_bytes(data)
            counts.added += len(user.read(Path(tmp)).entries)
        return
    with tempfile.TemporaryDirectory(prefix="reader-import-") as tmp:
        (Path(tmp) / GLOSSARY).write_bytes(data)
        theirs = user.read(Path(tmp)).entries
    for entry in theirs:
        if user.get(entry.fr, folder) is not None:
            counts.skipped += 1
            continue
        user.save(
            entry.fr,
            entry.en,
            entry.kind,
            entry.definition,
            aliases=entry.aliases,
            en_aliases=entry.en_aliases,
            the=entry.the,
            folder=folder,
        )
        counts.added += 1


def summary(report: Report) -> list[str]:
    """One line per entry: what was added, updated and skipped."""
    lines = []
    for entry, c in report.counts.items():
        lines.append(f"{entry}: {c.added} added, {c.updated} updated, {c.skipped} skipped")
    for entry in report.ignored:
        lines.append(f"{entry}: not known to this reader, skipped")
    return lines
