"""The word statuses' arithmetic for the reading screen: pure, no Textual, no I/O.

Which counted word the word cursor means, where ``u``/``U`` take it, the marks a block
draws (``Mark`` kinds ``new`` and ``learning-1`` … ``learning-4``; known and ignored words
are not drawn), and the words of the status line and the lookup panel.
``reader.app.statuses`` keeps the state and saves the changes.

The cursor's words (``reader.app.cursor``) and the counted words (spaCy's tokens, by
lemma) do not always line up: « d’armes » is one word for the cursor and two tokens,
« de » and « arme ». The cursor means the longest token inside it that is not an
elided article or preposition; « l’OTAN » then means no word to learn (OTAN is a name).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from reader.app.cursor import Span, WordCursor
from reader.app.marks import Mark

if TYPE_CHECKING:
    from rich.text import Text

    from reader.learning.counts import Word
    from reader.learning.marks import StatusMarks, StatusSpan


def status_name(status: str) -> str:
    """How the app names a status: ``learning 2`` (the CLI keeps ``learning-2``)."""
    return status.replace("-", " ")


KEYS_HINT = "1–4 learning · w known · i ignored · 0 new"


def _elided(text: str) -> bool:
    return text.endswith(("'", "’"))


def meant_word(marks: StatusMarks, text: str, block: int, span: Span) -> Word | None:
    """The counted word the cursor's word at ``span`` of ``block`` (whose French is
    ``text``) stands for, or None when it holds no word to learn (a name, a number)."""
    a, b = span
    inside = (
        [
            w
            for w in marks.words.blocks[block]
            if a <= w.start < b and not _elided(text[w.start : w.end])
        ]
        if 0 <= block < len(marks.words.blocks)
        else []
    )
    return max(inside, key=lambda w: w.end - w.start, default=None)


def jump(
    marks: StatusMarks,
    cursor: WordCursor,
    block: int,
    span: Span | None,
    step: int,
    start: int = 0,
) -> tuple[int, int] | None:
    """Where ``u`` (``step`` 1) or ``U`` (-1) takes the cursor: the next or previous word
    that means a new or learning word, as ``(block, word)``; None when there is none.
    Without a cursor (``span`` None) the search starts at character ``start`` of ``block``
    (forwards) or at its end (backwards)."""
    texts = [b.text for b in cursor.article.blocks]
    if span is not None:
        offset = span[1] - 1 if step > 0 else span[0]
    else:
        offset = start - 1 if step > 0 else len(texts[block])
    while True:
        found = marks.next_word(block, offset, step)
        if found is None:
            return None
        index = cursor.word_at(found.block, found.start)
        where = cursor.span(found.block, index)
        if where is not None and meant_word(marks, texts[found.block], found.block, where) == found:
            return found.block, index  # type: ignore[return-value]
        block, offset = found.block, found.start  # an elided « d’ »: on to the word it joins


def block_marks(spans: Sequence[StatusSpan]) -> tuple[Mark, ...]:
    """What the article view draws for a block's marked words (its French)."""
    return tuple(Mark("fr", s.start, s.end, s.status) for s in spans)  # type: ignore[arg-type]


def words_line(known_share: float | None, new_lemmas: int) -> str:
    """The status line's part: ``31.2% known · 217 new words`` ("" until the statuses are in)."""
    if known_share is None:
        return ""
    return f"{known_share:.1%} known · {new_lemmas} new word{'s' if new_lemmas != 1 else ''}"


def status_line(lemma: str | None, status: str | None, band: str | None) -> str:
    """The lookup panel's line about the word: its lemma's status and frequency band, and the
    keys that set it; or why it has none."""
    if status is None:
        return "Word status: the words are still being read…"
    if lemma is None:
        return "Not a word to learn (a name or a number): no status."
    return f"Status of « {lemma} »: {status_name(status)} · {band} · {KEYS_HINT}"


def with_line(text: Text, line: Text) -> Text:
    """``text`` with ``line`` after its first line (the lookup's headline)."""
    from rich.text import Text

    first, newline, rest = text.plain.partition("\n")
    if not newline:
        return Text("\n").join([text, line])
    head, tail = text.divide([len(first) + 1])
    return Text.assemble(head, line, "\n", tail)
