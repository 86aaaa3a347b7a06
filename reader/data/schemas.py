"""Every database of the data folder and its migrations, in order: the registry.

Version 1 of each is the schema release 0.1.0 wrote (with ``IF NOT EXISTS``, so a file
0.1.0 made, whose ``user_version`` is 0 (the library's is 1), takes it as it is). Later
versions are appended, never edited: see ``reader/data/database.py`` for how.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

from reader.data import locations
from reader.data.database import Migration, MigrationContext, Schema

# ------------------------------------------------------------------ library.sqlite3

_LIBRARY_0_1_0 = """
CREATE TABLE IF NOT EXISTS texts (
    id        INTEGER PRIMARY KEY,
    source    TEXT NOT NULL UNIQUE,
    kind      TEXT NOT NULL,
    title     TEXT NOT NULL,
    author    TEXT NOT NULL DEFAULT '',
    published TEXT NOT NULL DEFAULT '',
    key       TEXT NOT NULL,
    words     INTEGER NOT NULL,
    added     REAL NOT NULL,
    opened    REAL,
    read      REAL NOT NULL DEFAULT 0,
    known     REAL
);
CREATE TABLE IF NOT EXISTS contents (
    text_id INTEGER PRIMARY KEY,
    blocks  TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sentences (
    id       INTEGER PRIMARY KEY,
    text_id  INTEGER NOT NULL,
    block    INTEGER NOT NULL,
    sentence INTEGER NOT NULL,
    fr       TEXT NOT NULL,
    lemmas   TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS sentences_by_text ON sentences (text_id);
CREATE VIRTUAL TABLE IF NOT EXISTS sentence_index USING fts5 (
    fr, lemmas, content='sentences', content_rowid='id',
    tokenize='unicode61 remove_diacritics 0'
);
CREATE TRIGGER IF NOT EXISTS sentences_added AFTER INSERT ON sentences BEGIN
    INSERT INTO sentence_index (rowid, fr, lemmas) VALUES (new.id, new.fr, new.lemmas);
END;
CREATE TRIGGER IF NOT EXISTS sentences_removed AFTER DELETE ON sentences BEGIN
    INSERT INTO sentence_index (sentence_index, rowid, fr, lemmas)
    VALUES ('delete', old.id, old.fr, old.lemmas);
END;
CREATE TABLE IF NOT EXISTS forms (
    form  TEXT NOT NULL,
    lemma TEXT NOT NULL,
    n     INTEGER NOT NULL,
    PRIMARY KEY (form, lemma)
) WITHOUT ROWID;
"""


def _legacy_positions(path: Path) -> dict[str, tuple[int, str, float]]:
    """What 0.1.0's ``positions.json`` holds: key -> (block, mode, when); an unreadable
    file, or entry, gives nothing (the file is then left where it is)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    found: dict[str, tuple[int, str, float]] = {}
    if not isinstance(data, dict):
        return found
    for key, entry in data.items():
        if not isinstance(entry, dict):
            continue
        block, mode, at = entry.get("block", 0), entry.get("mode", "both"), entry.get("at", 0)
        if isinstance(block, int) and isinstance(mode, str) and isinstance(at, int | float):
            found[str(key)] = (max(block, 0), mode, float(at))
    return found


def _reading_state(db: sqlite3.Connection, context: MigrationContext) -> None:
    """One owner for a text's reading state: the ``reading_state`` table, by article key
    (a text in the library, or any article opened without adding it), takes the share
    read and last opened from ``texts`` and the positions from ``positions.json``; the
    stored % known goes (it is computed from the statuses)."""
    db.execute(
        "CREATE TABLE reading_state ("
        " key TEXT PRIMARY KEY, block INTEGER, mode TEXT,"
        " read REAL NOT NULL DEFAULT 0, opened REAL, changed REAL NOT NULL DEFAULT 0"
        ") WITHOUT ROWID"
    )
    db.execute(
        "INSERT INTO reading_state (key, read, opened, changed)"
        " SELECT key, max(read), max(opened), max(coalesce(opened, added)) FROM texts"
        " GROUP BY key"
    )
    legacy = context.folder / locations.LEGACY_POSITIONS
    positions = _legacy_positions(legacy)
    db.executemany(
        "INSERT INTO reading_state (key, block, mode, changed) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (key) DO UPDATE SET block = excluded.block, mode = excluded.mode,"
        " changed = max(changed, excluded.changed)",
        [(key, block, mode, at) for key, (block, mode, at) in positions.items()],
    )
    for column in ("known", "read", "opened"):
        db.execute(f"ALTER TABLE texts DROP COLUMN {column}")
    if positions:
        context.after.append(lambda: _set_aside(legacy, context))


def _set_aside(legacy: Path, context: MigrationContext) -> None:
    """``positions.json``, migrated, is kept with the backup made before the upgrade."""
    if context.backup is not None:
        shutil.copy2(legacy, context.backup / legacy.name)
    else:
        from reader.data import backups

        backups.make(context.folder, "positions-json", [legacy.name])
    legacy.unlink()


LIBRARY = Schema(
    locations.LIBRARY,
    "library",
    (
        Migration(1, "the schema of release 0.1.0", _LIBRARY_0_1_0),
        Migration(
            2,
            "contents.cues: each block's start time and speaker (subtitles), NULL otherwise",
            "ALTER TABLE contents ADD COLUMN cues TEXT;",
        ),
        Migration(3, "reading state by article key; positions.json moved in", _reading_state),
    ),
)

# ------------------------------------------------------------------ learning.sqlite3

REVIEW = """
CREATE TABLE IF NOT EXISTS review_cards (
    id          INTEGER PRIMARY KEY,
    key         TEXT NOT NULL UNIQUE,
    kind        TEXT NOT NULL CHECK (kind IN ('word', 'phrase')),
    active      INTEGER NOT NULL DEFAULT 1,
    state       INTEGER NOT NULL,
    step        INTEGER,
    stability   REAL,
    difficulty  REAL,
    due         REAL NOT NULL,
    last_review REAL,
    reps        INTEGER NOT NULL DEFAULT 0,
    lapses      INTEGER NOT NULL DEFAULT 0,
    introduced  TEXT,
    created     TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS review_cards_queue ON review_cards (active, reps, due);
CREATE TABLE IF NOT EXISTS review_log (
    id       INTEGER PRIMARY KEY,
    card_id  INTEGER NOT NULL,
    rating   INTEGER NOT NULL,
    at       TEXT NOT NULL,
    duration INTEGER,
    state    INTEGER NOT NULL,
    before   TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS review_log_card ON review_log (card_id);
CREATE TABLE IF NOT EXISTS review_undone (
    log_id INTEGER PRIMARY KEY,
    at     TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS review_shown (
    card_id  INTEGER NOT NULL,
    text_id  INTEGER NOT NULL,
    block    INTEGER NOT NULL,
    sentence INTEGER NOT NULL,
    at       REAL NOT NULL,
    PRIMARY KEY (card_id, text_id, block, sentence)
) WITHOUT ROWID;
"""
"""The review cards and their log (``reader.review.store``), in the statuses file."""

LEARNING = Schema(
    locations.LEARNING,
    "word statuses",
    (
        Migration(
            1,
            "the schema of release 0.1.0",
            """
CREATE TABLE IF NOT EXISTS statuses (
    lemma   TEXT PRIMARY KEY,
    status  TEXT NOT NULL,
    updated TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS history (
    id     INTEGER PRIMARY KEY,
    lemma  TEXT NOT NULL,
    old    TEXT NOT NULL,
    new    TEXT NOT NULL,
    at     TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS reading (
    article TEXT NOT NULL,
    block   INTEGER NOT NULL,
    words   INTEGER NOT NULL,
    day     TEXT NOT NULL,
    PRIMARY KEY (article, block)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS articles (
    article   TEXT PRIMARY KEY,
    title     TEXT NOT NULL,
    source    TEXT NOT NULL,
    tokens    INTEGER NOT NULL,
    countable INTEGER NOT NULL,
    seen      TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS article_lemmas (
    article TEXT NOT NULL,
    lemma   TEXT NOT NULL,
    count   INTEGER NOT NULL,
    PRIMARY KEY (article, lemma)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS article_lemmas_lemma ON article_lemmas (lemma);
""",
        ),
        Migration(2, "review cards and their log", REVIEW),
    ),
)

# ------------------------------------------------------------------ vocabulary.sqlite3

VOCABULARY = Schema(
    locations.VOCABULARY,
    "vocabulary",
    (
        Migration(
            1,
            "the schema of release 0.1.0",
            """
CREATE TABLE IF NOT EXISTS words (
    lemma   TEXT PRIMARY KEY,
    word    TEXT NOT NULL,
    english TEXT NOT NULL,
    source  TEXT NOT NULL,
    created TEXT NOT NULL,
    updated TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS examples (
    id       INTEGER PRIMARY KEY,
    lemma    TEXT NOT NULL REFERENCES words(lemma) ON DELETE CASCADE,
    word     TEXT NOT NULL,
    sentence TEXT NOT NULL,
    english  TEXT NOT NULL,
    title    TEXT NOT NULL,
    path     TEXT NOT NULL,
    saved    TEXT NOT NULL,
    UNIQUE (lemma, sentence)
);
""",
        ),
    ),
    pragmas=("foreign_keys = ON",),
)

# ------------------------------------------------------------------ corrections.sqlite3

CORRECTIONS_SQL = """
CREATE TABLE IF NOT EXISTS corrections (
    key TEXT PRIMARY KEY,     -- reader.corrections.key.key(fr): what every spelling shares
    fr TEXT NOT NULL,         -- the French as the reader last gave it
    en TEXT NOT NULL,         -- their English
    created TEXT NOT NULL,    -- ISO 8601, UTC
    updated TEXT NOT NULL
) WITHOUT ROWID;
"""

CORRECTIONS = Schema(
    locations.CORRECTIONS,
    "corrections",
    (Migration(1, "your English, by normalised French sentence", CORRECTIONS_SQL),),
)

# ------------------------------------------------------------------ the caches

TRANSLATION_CACHE = Schema(
    locations.TRANSLATION_CACHE,
    "translation cache",
    (
        Migration(
            1,
            "the schema of release 0.1.0",
            """
CREATE TABLE IF NOT EXISTS translations (
    engine  TEXT NOT NULL,
    version TEXT NOT NULL,
    source  TEXT NOT NULL,
    target  TEXT NOT NULL,
    PRIMARY KEY (engine, version, source)
) WITHOUT ROWID;
""",
        ),
    ),
    backup=False,
)

ANALYSIS_CACHE = Schema(
    locations.ANALYSIS_CACHE,
    "analysis cache",
    (
        Migration(
            1,
            "the schema of release 0.1.0",
            """
CREATE TABLE IF NOT EXISTS analyses (
    article TEXT NOT NULL,
    version TEXT NOT NULL,
    tokens  BLOB NOT NULL,
    PRIMARY KEY (article, version)
) WITHOUT ROWID;
""",
        ),
    ),
    backup=False,
)

ALL = (LIBRARY, LEARNING, VOCABULARY, CORRECTIONS, TRANSLATION_CACHE, ANALYSIS_CACHE)
"""Every database, the reader's own first (``reader doctor`` lists their versions)."""
