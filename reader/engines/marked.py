"""Inline marks in an engine's English: which words it did not know, which words are glossary terms.

Engines and the glossary enforcement exchange English as *marked text*: plain text
with Unicode private-use characters around spans, so that later edits (typography,
term insertion) carry the spans along without offset bookkeeping. ``parse`` turns
marked text into the clean text the reader sees plus the spans' offsets in it.

    UNKNOWN_OPEN word UNKNOWN_CLOSE             a word the engine did not know
    TERM_OPEN n TERM_SEP english TERM_CLOSE     glossary term number n (decimal)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

UNKNOWN_OPEN, UNKNOWN_CLOSE = "\ue000", "\ue001"
TERM_OPEN, TERM_SEP, TERM_CLOSE = "\ue002", "\ue003", "\ue004"
ALL = UNKNOWN_OPEN + UNKNOWN_CLOSE + TERM_OPEN + TERM_SEP + TERM_CLOSE
_PRIVATE = re.compile("[\ue000-\uf8ff]")
_TOKEN = re.compile(f"{UNKNOWN_OPEN}|{UNKNOWN_CLOSE}|{TERM_OPEN}(\\d+){TERM_SEP}|{TERM_CLOSE}")


@dataclass(frozen=True)
class Parsed:
    """Clean text, unknown-word spans and term spans (term number, start, end) in it."""

    text: str
    unknown: tuple[tuple[int, int], ...]
    terms: tuple[tuple[int, int, int], ...]


def scrub(text: str) -> str:
    """Removes private-use characters from source text, so they can never pose as marks."""
    return _PRIVATE.sub("", text)


def unknown(word: str) -> str:
    return f"{UNKNOWN_OPEN}{word}{UNKNOWN_CLOSE}"


def term(number: int, english: str) -> str:
    return f"{TERM_OPEN}{number}{TERM_SEP}{english}{TERM_CLOSE}"


def strip(marked: str) -> str:
    """The clean text of marked text."""
    return parse(marked).text


def parse(marked: str) -> Parsed:
    out: list[str] = []
    size = 0
    unknown_spans: list[tuple[int, int]] = []
    term_spans: list[tuple[int, int, int]] = []
    open_unknown: int | None = None
    open_terms: list[tuple[int, int]] = []
    pos = 0
    for m in _TOKEN.finditer(marked):
        out.append(marked[pos : m.start()])
        size += m.start() - pos
        pos = m.end()
        token = m.group(0)
        if token == UNKNOWN_OPEN:
            open_unknown = size
        elif token == UNKNOWN_CLOSE:
            if open_unknown is not None and size > open_unknown:
                unknown_spans.append((open_unknown, size))
            open_unknown = None
        elif token == TERM_CLOSE:
            if open_terms:
                number, start = open_terms.pop()
                term_spans.append((number, start, size))
        else:
            open_terms.append((int(m.group(1)), size))
    out.append(marked[pos:])
    return Parsed("".join(out), tuple(unknown_spans), tuple(sorted(term_spans, key=lambda t: t[1])))
