"""The sentence a card is shown in, and its cloze.

A card's front is a sentence of the reader's own library holding a form of its lemma (or
its phrase): the library's lemma index (``Library.find(key, lemma=True)``) gives the
sentences, and its forms index (``Library.lemmas_of``) tells which words of the sentence
are the card's, to blank them. Where the library has several, a sentence not shown
before is preferred (then the one shown longest ago), so each review shows another. With
none, the sentence the word was saved with; with no sentence at all, the lemma alone.

A phrase's words are found in order, with up to ``GAP`` words between them (« n'avait
pas encore eu lieu »); the tightest match is blanked, word by word.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from reader.library.shelf import Hit, Library

BLANK = "_____"
CANDIDATES = 40
"""Library sentences considered per card (the first in the library's order)."""
LONG = 45
"""Words over which a sentence is shown only when no shorter one is left."""
GAP = 3
"""Words that may stand between a phrase's words."""
_WORD = re.compile(r"\w+(?:[-‐'’]\w+)*['’]?")
_ELISION = re.compile(r"(?i)^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu)['’]")
"""« l'homme » is « l' » and « homme »; « aujourd'hui » stays one word."""


@dataclass(frozen=True)
class Front:
    """What a card shows: the sentence, where the card's words are in it, where it is
    from. No sentence (``fr`` empty): the card shows its lemma alone."""

    fr: str
    spans: tuple[tuple[int, int], ...]
    """The card's words in ``fr`` (character offsets); empty: the lemma alone."""
    text_id: int | None = None
    title: str = ""
    block: int | None = None
    sentence: int | None = None
    english: str = ""
    """The sentence's English, where it is already known (a saved word's example)."""

    @property
    def form(self) -> str:
        """The card's words as the sentence has them (« eu lieu »; « a … lieu »)."""
        parts = [self.fr[a:b] for a, b in self.spans]
        if not parts:
            return ""
        joined = parts[0]
        for (_, end), (start, _), part in zip(
            self.spans[:-1], self.spans[1:], parts[1:], strict=True
        ):
            joined += (" " if self.fr[end:start].strip() == "" else " … ") + part
        return joined

    @property
    def cloze(self) -> str:
        """The sentence with the card's words blanked."""
        out, last = [], 0
        for start, end in self.spans:
            out += [self.fr[last:start], BLANK]
            last = end
        return "".join(out) + self.fr[last:]

    @property
    def place(self) -> tuple[int, int, int] | None:
        if self.text_id is None or self.block is None or self.sentence is None:
            return None
        return (self.text_id, self.block, self.sentence)


def _fold(form: str) -> str:
    return form.lower().replace("’", "'")


def words(sentence: str) -> list[tuple[int, int, str]]:
    """The sentence's words (start, end, lower-case form); « l'homme » is « l' », « homme »."""
    found = []
    for m in _WORD.finditer(sentence):
        start, text = m.start(), m.group()
        elided = _ELISION.match(text)
        while elided and elided.end() < len(text):
            found.append((start, start + elided.end(), _fold(text[: elided.end()])))
            start, text = start + elided.end(), text[elided.end() :]
            elided = _ELISION.match(text)
        found.append((start, start + len(text), _fold(text)))
    return found


def _is(form: str, part: str, lemmas: Mapping[str, set[str]]) -> bool:
    """Whether ``form`` is a form of ``part``: its lemma (or a piece of a contracted one:
    « aux » is « à_le »), or the word itself."""
    found = lemmas.get(form, ())
    return (
        part in found
        or any(part in lemma.split("_") for lemma in found if "_" in lemma)
        or form == part
        or form.rstrip("'") == part
    )


def find_spans(
    sentence: str, key: str, lemmas: Mapping[str, set[str]]
) -> tuple[tuple[int, int], ...]:
    """Where ``key``'s words are in ``sentence`` (``lemmas``: each form's lemmas), the
    tightest match; empty when they are not there."""
    parts = key.split()
    found = words(sentence)
    best: tuple[tuple[int, int], ...] = ()
    best_width = 0
    for i, (start, end, form) in enumerate(found):
        if not _is(form, parts[0], lemmas):
            continue
        spans, j = [(start, end)], i
        for part in parts[1:]:
            for k in range(j + 1, min(len(found), j + 2 + GAP)):
                if _is(found[k][2], part, lemmas):
                    spans.append((found[k][0], found[k][1]))
                    j = k
                    break
            else:
                break
        if len(spans) == len(parts):
            width = spans[-1][1] - spans[0][0]
            if not best or width < best_width:
                best, best_width = tuple(spans), width
    return best


def cloze_in(library: Library, sentence: str, key: str) -> tuple[tuple[int, int], ...]:
    """``find_spans`` with the library's forms index for the sentence's words."""
    forms = [form for _, _, form in words(sentence)]
    return find_spans(sentence, key, library.lemmas_of(forms))


def choose(
    library: Library | None,
    key: str,
    shown: Mapping[tuple[int, int, int], float],
    fallback: Sequence[tuple[str, str, str, str]] = (),
) -> Front:
    """The sentence to show ``key`` in: a library sentence not shown yet (else the one
    shown longest ago), else a saved sentence (``fallback``: form, French, English,
    title), else the key alone."""
    if library is not None:
        hits = library.find(key, lemma=True, limit=CANDIDATES)

        def order(numbered: tuple[int, Hit]) -> tuple[float, bool, int]:
            number, hit = numbered
            seen = shown.get((hit.text, hit.block, hit.sentence), -1.0)
            return (seen, len(hit.fr.split()) > LONG, number)

        for _, hit in sorted(enumerate(hits), key=order):
            spans = cloze_in(library, hit.fr, key)
            if spans:
                return Front(hit.fr, spans, hit.text, hit.title, hit.block, hit.sentence)
    for form, french, english, title in fallback:
        spans = find_spans(french, key, {_fold(form): {key}})
        if spans:
            return Front(french, spans, title=title, english=english)
    return Front("", ())
