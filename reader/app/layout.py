"""Laying out article rows for the virtualised view: pure functions, no Textual.

Wrapping is a greedy word wrap over character spans, fast enough to lay out a
1 MB book in a fraction of a second, which lets the view know its full height
without rendering anything but the lines on screen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import accumulate

from rich.cells import cell_len, get_character_cell_size, split_graphemes

# Words are separated by breakable white space only: U+00A0, U+2007 and U+202F (no-break
# spaces) hold « 2 % » together.
_WORD = re.compile(
    r"[^ \t\n\r\f\v\x1c-\x1f\x85\u1680\u2000-\u2006\u2008-\u200a\u2028\u2029\u205f\u3000]+"
)
NO_BREAK_BEFORE = "%?!:;»"
NO_BREAK_AFTER = "«"
"""French typography: a line never starts with % ? ! : ; » nor ends with «, even where
the text has a plain space there (« 2 % », « Poutine ? »)."""

Span = tuple[int, int]

ZWJ = "\u200d"

MODES = ("both", "french", "english")
MODE_NAMES = {"both": "French and English", "french": "French only", "english": "English only"}
"""How the status line and the palette name each mode."""
STACK_BELOW = 80
"""Narrower than this (in cells), French and English are stacked instead of side by side."""
GUTTER = 3


def drawn(text: str) -> str:
    """What the view draws for ``text``: emoji joined by ZWJ apart (👨‍👩‍👧‍👦 as four faces).

    Rich counts a joined sequence as one 2-cell character, while many terminals (tmux
    among them) draw its parts one by one, 8 cells here: the rest of the line would shift
    right, out of its column (QA 2026-12-01 Q19). Apart, every terminal agrees on widths.
    """
    return text.replace(ZWJ, "") if ZWJ in text else text


def width_of(text: str) -> int:
    """The cells ``text`` takes as the view draws it (``drawn``)."""
    return cell_len(drawn(text))


def wrap(text: str, width: int) -> list[Span]:
    """Greedy word wrap by terminal cells; returns (start, end) spans of ``text``, one per line.

    Every line fits ``width`` cells (except a lone character wider than the line); a word
    longer than the line is cut by cells. A line does not start with % ? ! : ; » or end
    with « (NO_BREAK_BEFORE): the words around them move to the next line together,
    unless together they are longer than a line."""
    width = max(1, width)
    if not text:
        return [(0, 0)]
    fast = _single_cells(text)  # then lengths are widths
    lines: list[Span] = []
    start = end = -1  # the line so far, and its width
    used = 0
    group = group_end = -1  # the words that must stay together, and the line before them
    for match in _WORD.finditer(text):
        a, b = match.span()
        size = b - a if fast else width_of(text[a:b])
        if start >= 0:
            glued = text[a] in NO_BREAK_BEFORE or text[end - 1] in NO_BREAK_AFTER
            gap = a - end if fast else width_of(text[end:a])
            if used + gap + size <= width:
                if not glued:
                    group, group_end = a, end
                end, used = b, used + gap + size
                continue
            if glued and group > start:
                whole = b - group if fast else width_of(text[group:b])
                if whole <= width:  # move the group to the next line
                    lines.append((start, group_end))
                    start, end, used = group, b, whole
                    continue
            lines.append((start, end))
        while size > width:  # a word longer than the line: cut it
            cut = _cut(text, a, b, width, fast)
            if cut >= b:
                break  # one character (cluster) wider than the line: it stays whole
            lines.append((a, cut))
            a = cut
            size = b - a if fast else width_of(text[a:b])
        start, end, used = a, b, size
        group = a
    if start >= 0:
        lines.append((start, end))
    return lines or [(0, 0)]


_ONE_CELL: set[str] = {chr(c) for c in range(32, 127)}
"""Characters known to take one cell: a book uses few, so they are looked up once."""


def _single_cells(text: str) -> bool:
    """Every character takes one cell, so lengths are widths (the common, fast case)."""
    chars = set(text)
    if chars <= _ONE_CELL:
        return True
    new = chars - _ONE_CELL
    if all(get_character_cell_size(c) == 1 for c in new):
        _ONE_CELL.update(new)
        return True
    return False


def _cut(text: str, a: int, b: int, width: int, fast: bool) -> int:
    """Where to cut ``text[a:b]`` so that its head fills at most ``width`` cells; never
    inside a character cluster (an emoji sequence, a letter and its accent), and never
    before the first cluster, so that the cut always advances."""
    if fast:
        return a + width
    graphemes, _ = split_graphemes(text[a:b])
    used = 0
    for start, end, _cells in graphemes:
        cells = width_of(text[a + start : a + end])
        if used + cells > width and start > 0:
            return a + start
        used += cells
    return b


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
