"""What a lookup asks the lookup service, and how: plain functions, no Textual.

The article view posts where a word is; ``make_request`` gives its sentence and that
sentence's English, and ``look_up`` is the call the lookup panel's worker makes (the
lookup benchmark calls the same functions, so it measures the app's own path).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.article import Block

if TYPE_CHECKING:
    from collections.abc import Mapping

    from reader.lookup.result import LookupResult
    from reader.lookup.service import LookupService
    from reader.translation import BlockTranslation


@dataclass(frozen=True)
class Request:
    """A word to look up: ``start:end`` of block ``index``'s French, in its sentence."""

    index: int
    start: int
    end: int
    word: str
    sentence: str
    offset: int
    """Where the word starts in ``sentence``."""
    english: str
    """The aligned English sentence ("" while it is not translated)."""
    lemma: str = ""
    """The word's lemma in the text's analysis ("" while the words are being read): the
    lookup's lemma, so that the panel and the status keys name one word."""
    phrase: str = ""
    """Words selected together (issue 22): the canonical phrase they stand for, looked up
    as a unit; "" for a word."""


def answers_quickly(service: LookupService, request: Request) -> bool:
    """Whether the first answer is Apertium's alone: spaCy is still loading, or has not read
    the sentence (a click in a new sentence), which costs a few times one screen."""
    return not service.warmed or not service.parsed(request.sentence)


def look_up(service: LookupService, request: Request, quick: bool) -> LookupResult:
    """The lookup the app runs for ``request`` (in a daemon thread)."""
    if request.phrase:
        return service.lookup_phrase(
            request.phrase, request.word, request.sentence, request.offset, request.english
        )
    return service.lookup(
        request.word,
        request.sentence,
        start=request.offset,
        english=request.english,
        quick=quick,
        lemma=request.lemma,
    )


def make_request(
    block: Block,
    start: int,
    end: int,
    english: Mapping[int, BlockTranslation],
    lemma: str = "",
) -> Request:
    """The word at ``start:end`` of ``block`` with its sentence and that sentence's English;
    ``lemma``: the text's analysis's lemma of the word, when the words are read."""
    number, sentence = next(
        ((i, s) for i, s in enumerate(block.sentences) if s.start <= start < s.end),
        (None, None),
    )
    if sentence is None or number is None:  # outside every sentence: the block is the context
        word = block.text[start:end]
        return Request(block.index, start, end, word, block.text, start, "", lemma)
    translation = english.get(block.index)
    aligned = ""
    if translation is not None and len(translation.sentences) == len(block.sentences):
        aligned = translation.sentences[number]
    text = block.text[sentence.start : sentence.end]
    return Request(
        block.index, start, end, block.text[start:end], text, start - sentence.start, aligned, lemma
    )
