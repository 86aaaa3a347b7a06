"""Glossary marks: which ranges of which blocks to style, and as what kind.

A pure function of the glossary and the selection; the article view maps each kind
to one of its component classes (``article-view--<kind>``), so this module knows
nothing of styling. The kinds for per-sentence translation metadata (``failed``,
``unknown``) are styled already, so wiring them in is a matter of producing marks.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from collections.abc import Mapping

    from glossary.model import Glossary
    from reader.translation import BlockTranslation

MarkKind = Literal[
    "term",
    "hit",
    "current",
    "failed",
    "unknown",
    "speaking",
    # Word statuses (``reader.app.words``): new and learning words; known ones are not marked.
    "new",
    "learning-1",
    "learning-2",
    "learning-3",
    "learning-4",
    # A learning phrase over its words (issue 22).
    "phrase",
]
"""term: a glossary entry; hit: an occurrence of the selected entry; current: the
occurrence n/N went to; failed: a term the engine could not translate; unknown: a word
the engine did not know; speaking: the French being said aloud (``p``, issue 17; the
view draws it from its ``speaking`` attribute, not from ``marks_for``); new,
learning-1 … learning-4: a French word's status (the view draws them from its
``word_marks``)."""


@dataclass(frozen=True)
class Mark:
    """A styled range in a block's French (``lang='fr'``) or English text."""

    lang: str
    start: int
    end: int
    kind: MarkKind
    key: str = ""
    """What the range stands for (a glossary entry's key), for clicks."""


def marks_for(
    glossary: Glossary | None,
    selected_key: str | None = None,
    occurrence: int | None = None,
    english: Mapping[int, BlockTranslation] | None = None,
) -> dict[int, list[Mark]]:
    """Marks by block: every entry's occurrences in both languages, the selected one's as hits,
    and its French occurrence number ``occurrence`` (what n/N went to) as ``current``;
    then what each English sentence carries (``translation_marks``)."""
    marks = translation_marks(english or {}, selected_key)
    if glossary is None:
        return marks
    for lang, table in (("fr", glossary.occurrences), ("en", glossary.en_occurrences)):
        for key, occurrences in table.items():
            selected = key == selected_key
            for number, o in enumerate(occurrences):
                kind: MarkKind = "term"
                if selected:
                    kind = "current" if lang == "fr" and number == occurrence else "hit"
                marks.setdefault(o.block, []).append(Mark(lang, o.start, o.end, kind, key))
    return marks


def translation_marks(
    english: Mapping[int, BlockTranslation], selected_key: str | None = None
) -> dict[int, list[Mark]]:
    """What the engine and enforcement said about each English sentence: glossary terms
    (``term``, or ``hit`` when selected), a sentence whose term failed (``failed``, the
    whole sentence: there is no English word to point at) and unknown words (``unknown``)."""
    marks: dict[int, list[Mark]] = {}
    for index, translation in english.items():
        for i, (offset, end) in enumerate(translation.spans):
            for term in translation.sentence_terms(i):
                if term.start is None or term.end is None:
                    mark = Mark("en", offset, end, "failed", term.key)
                else:
                    kind: MarkKind = "hit" if term.key == selected_key else "term"
                    mark = Mark("en", offset + term.start, offset + term.end, kind, term.key)
                marks.setdefault(index, []).append(mark)
            for start, stop in translation.sentence_unknown(i):
                marks.setdefault(index, []).append(
                    Mark("en", offset + start, offset + stop, "unknown")
                )
    return marks
