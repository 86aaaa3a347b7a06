"""Phrases in the reading screen (issue 22): what a selection of words (shift+→/←) stands
for, giving it a status with the word keys, the marks over a learning phrase and the lookup
panel's line about it. Pure, no Textual; ``reader.app.statuses`` calls it for a span that
holds more than one word.

A selection's phrase is the canonical form of its tokens (``reader.learning.phrases.
from_tokens``: « n'avait pas eu lieu » → avoir lieu); once it has a status it is found in
the whole text by the lemmas of its words, as ``reader words`` finds it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from reader.app.cursor import Span, word_spans
from reader.app.lookups import Request
from reader.app.marks import Mark
from reader.app.words import KEYS_HINT, status_name

if TYPE_CHECKING:
    from collections.abc import Sequence

    from reader.learning.marks import StatusEditor, StatusMarks, StatusSpan


def several_words(text: str, span: Span) -> bool:
    """Whether ``span`` of ``text`` holds two words or more (a selection, not a word)."""
    return len(word_spans(text[span[0] : span[1]])) >= 2


def selected_phrase(marks: StatusMarks, text: str, block: int, span: Span) -> str:
    """The canonical phrase the words at ``span`` of ``block`` stand for ("" for none)."""
    from reader.learning.phrases import canonical, from_tokens

    a, b = span
    analysis = marks.words.analysis
    if not 0 <= block < len(analysis):
        return canonical(text[a:b])
    return from_tokens([t for t in analysis[block] if a <= t.start and t.end <= b])


def set_phrase(
    editor: StatusEditor, marks: StatusMarks, text: str, block: int, span: Span, status: str
) -> str:
    """Gives the selected phrase ``status``; says what was done."""
    phrase = selected_phrase(marks, text, block, span)
    if not phrase:
        form = text[span[0] : span[1]]
        return f"« {form} » is not a phrase to learn (two words or more, not only names)."
    editor.set(phrase, status)
    count = marks.occurrences(phrase)
    if status != "new" and not count:
        return (
            f"« {phrase} »: {status_name(status)} — not found as a phrase in this text "
            "(only adverbs, negation, auxiliaries and pronouns may stand between its words)."
        )
    where = f" ({count}× in this text)" if count else ""
    return f"Phrase « {phrase} »{where}: {status_name(status)}"


def phrase_marks(spans: Sequence[StatusSpan]) -> tuple[Mark, ...]:
    """The tint over a block's learning phrases (``StatusMarks.phrase_spans``)."""
    return tuple(Mark("fr", s.start, s.end, "phrase", s.lemma) for s in spans)


def phrase_line(marks: StatusMarks, text: str, block: int, span: Span) -> str:
    """The lookup panel's line about a selected phrase: its status and count."""
    phrase = selected_phrase(marks, text, block, span)
    if not phrase:
        return "Not a phrase: select two words or more."
    status = status_name(marks.status(phrase))
    return f"Phrase « {phrase} »: {status} · {marks.occurrences(phrase)}× here · {KEYS_HINT}"


def with_phrase(request: Request, text: str, marks: StatusMarks | None) -> Request:
    """``request`` for a selection of several words: looked up as their phrase (its
    canonical form from the analysis once the statuses have it, else the words as written)."""
    from reader.learning.phrases import canonical

    span = (request.start, request.end)
    if not several_words(text, span):
        return request
    phrase = selected_phrase(marks, text, request.index, span) if marks is not None else ""
    return replace(request, phrase=phrase or canonical(request.word))
