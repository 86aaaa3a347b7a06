"""An article's analysis kept in the data folder, so a text is analysed once.

SQLite (``analysis.sqlite3``), one row per article: the article's key (a hash of its
text), the analysis version (spaCy model and the rules of ``reader.nlp.lemmas``) and
the tokens, compressed. A new model or new rules make a new version, and the old rows
are simply not read. The cache is an optimisation: a folder that cannot hold it, or a
damaged file (set aside, kept), only means the text is analysed again.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path

from reader.article import Article
from reader.data import locations, schemas
from reader.data.database import DataError, open_database, transaction
from reader.nlp.analysis import Token, analyse, model_version

FILE_NAME = locations.ANALYSIS_CACHE
RULES_VERSION = 2
"""Raise when ``reader.nlp.lemmas`` or ``tokens_of`` change what they give."""
_lock = threading.Lock()


def version() -> str:
    return f"{model_version()} rules-{RULES_VERSION}"


def encode(blocks: Sequence[Sequence[Token]]) -> bytes:
    """Compact rows: the form is the block's text between the offsets, so it is not stored."""
    rows = [
        [[t.start, t.end, t.lemma, t.pos, t.entity, t.morph, int(t.entity_start)] for t in tokens]
        for tokens in blocks
    ]
    return zlib.compress(json.dumps(rows, ensure_ascii=False, separators=(",", ":")).encode())


def decode(data: bytes, texts: Sequence[str]) -> list[list[Token]]:
    """The tokens back, their forms cut from ``texts`` (the blocks' texts)."""
    rows = json.loads(zlib.decompress(data))
    if len(rows) != len(texts):
        raise ValueError("the stored analysis has another number of blocks")
    return [
        [
            Token(text[a:b], a, b, lemma, pos, entity, morph, bool(first))
            for a, b, lemma, pos, entity, morph, first in block
        ]
        for text, block in zip(texts, rows, strict=True)
    ]


class AnalysisCache:
    """The analyses in the data folder; ``notice`` says when a damaged file was set aside."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self.notice: str | None = None

    def _connect(self) -> sqlite3.Connection | None:
        """The cache, or None: locked, read-only, full, damaged and not movable (the
        text is then analysed without it)."""
        try:
            path = self.path or locations.path(FILE_NAME)
            opened = open_database(path, schemas.ANALYSIS_CACHE, timeout=10)
        except (DataError, OSError):
            return None
        if opened.notice is not None:
            self.notice = opened.notice
        return opened.db

    def get(self, article: Article) -> list[list[Token]] | None:
        db = self._connect()
        if db is None:
            return None
        try:
            row = db.execute(
                "SELECT tokens FROM analyses WHERE article = ? AND version = ?",
                (article.key, version()),
            ).fetchone()
        except sqlite3.DatabaseError:
            return None
        finally:
            db.close()
        if row is None:
            return None
        try:
            return decode(row[0], [b.text for b in article.blocks])
        except (ValueError, TypeError, zlib.error):
            return None  # written by another version of this code: analysed again

    def put(self, article: Article, tokens: Sequence[Sequence[Token]]) -> None:
        db = self._connect()
        if db is None:
            return
        try:
            with _lock, transaction(db):
                db.execute(
                    "INSERT OR REPLACE INTO analyses VALUES (?, ?, ?)",
                    (article.key, version(), encode(tokens)),
                )
        except sqlite3.DatabaseError:
            pass  # a cache that cannot be written only costs another analysis
        finally:
            db.close()


def analysis_of(
    article: Article,
    should_stop: Callable[[], bool] | None = None,
    cache: AnalysisCache | None = None,
) -> list[list[Token]]:
    """The article's tokens: from the cache, or analysed now and kept when complete."""
    cache = cache or AnalysisCache()
    found = cache.get(article)
    if found is not None:
        return found
    tokens = analyse(article.blocks, should_stop)
    if len(tokens) == len(article.blocks):
        cache.put(article, tokens)
    return tokens
