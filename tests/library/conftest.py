"""Fixtures for the library tests: a library in a private data folder, and texts stored
without spaCy where the test checks storage, not lemmas."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.article import parse
from reader.library.index import form_lemmas, sentence_rows
from reader.library.shelf import Library, NewText, Text
from reader.nlp.analysis import Token


@pytest.fixture
def library(data_dir: Path) -> Iterator[Library]:
    shelf = Library()
    yield shelf
    shelf.close()


def word_tokens(text: str) -> list[Token]:
    """Tokens without spaCy: each run of letters, its lower case as its 'lemma' (for tests
    of storage and search by form; lemma tests run the real spaCy pass)."""
    return [
        Token(m.group(0), m.start(), m.end(), m.group(0).lower(), "X")
        for m in re.finditer(r"\w+", text)
    ]


def store(shelf: Library, text: str, source: str, kind: str = "article") -> Text:
    """Stores a plain text as ``reader add`` would, with ``word_tokens`` for the analysis."""
    article = parse(text, source)
    tokens = [word_tokens(b.text) for b in article.blocks]
    new = NewText(source, kind, article.title, "", "", article)  # type: ignore[arg-type]
    return shelf.add(new, sentence_rows(article.blocks, tokens), form_lemmas(tokens))
