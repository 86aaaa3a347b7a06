"""Laying out article rows for the virtualised view: pure functions, no Textual.

Wrapping is a greedy word wrap over character spans, fast enough to lay out a
1 MB book in a fraction of a second, which lets the view know its full height
without rendering anything but the lines on screen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import accumulate

from rich.cells import cell_len

_WORD = re.compile(r"\S+")

Span = tuple[int, int]

MODES = ("both", "french", "english")
STACK_BELOW = 80
"""Narrower than this (in cells), French and English are stacked instead of side by side."""
GUTTER = 3


def wrap(text: str, width: int) -> list[Span]:
    """Greedy word wrap; returns (start, end) spans of ``text``, one per line. Long words are cut."""
    width = max(1, width)
    if not text:
        return [(0, 0)]
    measure = len if cell_len(text) == len(text) else cell_len
    lines: list[Span] = []
    start = end = None
    used = 0
    for match in _WORD.finditer(text):
        a, b = match.span()
        size = measure(text[a:b])
        if start is not None and used + 1 + size <= width:
            end, used = b, used + 1 + size
            continue
        if start is not None:
            lines.append((start, end))
        while size > width:  # a word longer than the line: cut it
            cut = a + width
            lines.append((a, cut))
            a, size = cut, measure(text[cut:b])
        start, end, used = a, b, size
    if start is not None:
        lines.append((start, end))
    return lines or [(0, 0)]


@dataclass
class RowLayout:
    """How one block is laid out: its French and English line spans and its height."""

    fr: list[Span]
    en: list[Span]
    height: int


@dataclass(frozen=True)
class Columns:
    """Cell geometry for a view width and mode."""

    width: int
    mode: str
    stacked: bool
    fr_width: int
    en_width: int

    @classmethod
    def for_width(cls, width: int, mode: str) -> Columns:
        width = max(10, width)
        stacked = mode == "both" and width < STACK_BELOW
        if mode == "both" and not stacked:
            half = (width - GUTTER) // 2
            return cls(width, mode, False, half, width - GUTTER - half)
        return cls(width, mode, stacked, width, width)


def layout_row(fr_text: str, en_text: str | None, columns: Columns) -> RowLayout:
    """Lays out one block; ``en_text`` None means its English line is a placeholder."""
    show_fr = columns.mode in ("both", "french")
    show_en = columns.mode in ("both", "english")
    fr = wrap(fr_text, columns.fr_width) if show_fr else []
    en = (wrap(en_text, columns.en_width) if en_text is not None else [(0, 0)]) if show_en else []
    body = len(fr) + len(en) if columns.stacked else max(len(fr), len(en))
    return RowLayout(fr, en, body + 1)  # +1: the separator line, which carries the engine label


def offsets(rows: list[RowLayout]) -> list[int]:
    """The first virtual line of each row, plus the total height at the end."""
    return [0, *accumulate(r.height for r in rows)]


@dataclass(frozen=True)
class Cell:
    """One language's part of a visual line: where it starts, how wide, which of its lines."""

    lang: str
    x: int
    width: int
    line: int
    """Index into that language's line spans; may be past the end (a blank cell)."""


@dataclass(frozen=True)
class Point:
    """What lies under a point: a language, its line and the cell column within that line."""

    lang: str
    line: int
    column: int


def cells(columns: Columns, row: RowLayout, line: int) -> tuple[Cell, ...]:
    """What visual ``line`` of ``row`` shows; empty for the separator line (the engine label).

    The one place that decodes row geometry: the view draws these cells and ``locate``
    finds clicks in them, in every mode, side by side or stacked.
    """
    if line < 0 or line >= row.height - 1:
        return ()
    if columns.mode == "both" and not columns.stacked:
        return (
            Cell("fr", 0, columns.fr_width, line),
            Cell("en", columns.fr_width + GUTTER, columns.en_width, line),
        )
    if columns.mode == "english":
        return (Cell("en", 0, columns.width, line),)
    if columns.stacked and line >= len(row.fr):
        return (Cell("en", 0, columns.width, line - len(row.fr)),)
    return (Cell("fr", 0, columns.width, line),)


def locate(columns: Columns, row: RowLayout, line: int, x: int) -> Point | None:
    """The language, line and column at (``line``, ``x``) of ``row``, or None (gutter, label)."""
    for cell in cells(columns, row, line):
        spans = row.fr if cell.lang == "fr" else row.en
        if cell.x <= x < cell.x + cell.width and cell.line < len(spans):
            return Point(cell.lang, cell.line, x - cell.x)
    return None
