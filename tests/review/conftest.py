"""Fixtures for the review tests: a learning file, a library whose lemmas are given by the
test (no spaCy), and a fixed clock."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path

import pytest

from reader.article import parse
from reader.library.index import form_lemmas, sentence_rows
from reader.library.shelf import Library, NewText, Text
from reader.nlp.analysis import Token
from reader.review.cards import scheduler
from reader.review.store import ReviewStore

T0 = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
"""The tests' clock: FSRS with fuzzing off from a fixed time gives the same intervals."""


def tokens(text: str, lemmas: Mapping[str, str]) -> list[Token]:
    """Tokens without spaCy: words (« l' » apart), their lemma from ``lemmas`` else the
    lower-case form."""
    return [
        Token(
            m.group(0), m.start(), m.end(), lemmas.get(m.group(0).lower(), m.group(0).lower()), "X"
        )
        for m in re.finditer(r"\w+'?", text)
    ]


def shelve(shelf: Library, text: str, source: str, lemmas: Mapping[str, str]) -> Text:
    article = parse(text, source)
    found = [tokens(b.text, lemmas) for b in article.blocks]
    new = NewText(source, "article", article.title, "", "", article)
    return shelf.add(new, sentence_rows(article.blocks, found), form_lemmas(found))


@pytest.fixture
def store(data_dir: Path) -> ReviewStore:
    data_dir.mkdir(parents=True, exist_ok=True)
    return ReviewStore(data_dir / "learning.sqlite3", scheduler(fuzz=False))


@pytest.fixture
def library(data_dir: Path) -> Iterator[Library]:
    shelf = Library(data_dir / "library.sqlite3")
    yield shelf
    shelf.close()
