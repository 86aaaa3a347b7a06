"""Where the reader's own English is drawn with its mark (issue 21): pure offset arithmetic.

A sentence whose English is the reader's (``BlockTranslation.is_yours``) is drawn after
``YOURS_MARK``: a glyph, so it tells theirs from the engine's in 256 colours, in 16 and
without colour alike. The mark is only drawn: ``BlockTranslation.text`` and every offset
into it (glossary terms, unknown words, sentence spans) stay as they are, and the view
maps them to what it draws with ``shift`` (and back, for clicks, with ``unshift``).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.translation import BlockTranslation

YOURS_MARK = "✎ "
"""Before each sentence of the reader's own English (one cell wide in every terminal, as ♫)."""
WIDTH = len(YOURS_MARK)


def insertions(english: BlockTranslation) -> tuple[int, ...]:
    """Where in ``english.text`` a mark is drawn: the start of each sentence that is yours."""
    if not english.yours:
        return ()
    return tuple(
        a for i, (a, _) in enumerate(english.spans) if english.is_yours(i) and english.sentences[i]
    )


def shown_text(english: BlockTranslation) -> str:
    """``english.text`` as drawn: the mark before each sentence of yours."""
    text = english.text
    points = insertions(english)
    if not points:
        return text
    parts, last = [], 0
    for point in points:
        parts += [text[last:point], YOURS_MARK]
        last = point
    parts.append(text[last:])
    return "".join(parts)


def shift(points: tuple[int, ...], pos: int, end: bool = False) -> int:
    """Offset ``pos`` of the text in the drawn text. A start at a sentence of yours lands
    after its mark; an ``end`` (exclusive) before the next mark."""
    if not points:
        return pos
    count = bisect_left(points, pos) if end else bisect_right(points, pos)
    return pos + WIDTH * count


def unshift(points: tuple[int, ...], pos: int) -> int:
    """Offset ``pos`` of the drawn text in the text (on a mark: the sentence's start)."""
    for k, point in enumerate(points):
        drawn = point + WIDTH * k
        if pos < drawn:
            return pos - WIDTH * k
        if pos < drawn + WIDTH:
            return point
    return pos - WIDTH * len(points)


def sentence_ranges(english: BlockTranslation) -> list[tuple[int, int]]:
    """Each sentence of yours as drawn, its mark included."""
    points = insertions(english)
    return [
        (shift(points, a, end=True), shift(points, b, end=True))
        for i, (a, b) in enumerate(english.spans)
        if english.is_yours(i) and english.sentences[i]
    ]
