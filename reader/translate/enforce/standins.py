"""String surgery on one sentence: stand-ins in for terms in the French (``protect``),
the glossary's English in for the stand-ins' English in the marked English (``insert``)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from glossary import english
from glossary.match import Found, is_name
from reader.engines import marked
from reader.translate.enforce.french import gender as gender_of
from reader.translate.enforce.french import (
    occurrence_english,
    occurrence_plural,
    takes_the,
    used_as_adjective,
)
from reader.translate.enforce.tables import (
    ADJECTIVES,
    AN_LETTERS,
    ELIDED,
    NAMES,
    NOUNS,
    SHORT_BEFORE_VOWEL,
    StandIn,
)


@dataclass(frozen=True)
class Protected:
    """A sentence with stand-ins, and for each stand-in the occurrence and English it stands for."""

    text: str
    stand_ins: tuple[StandIn, ...]
    found: tuple[Found, ...]
    english: tuple[str, ...]


def protect(
    sentence: str,
    found: Sequence[Found],
    protect_keys: set[str],
    english_of: Mapping[tuple[int, int], str] | None = None,
) -> Protected:
    """Replaces the occurrences of ``protect_keys`` by stand-ins absent from the sentence.

    ``english_of``: the English to put back for some occurrences (by their span) instead
    of the glossary's: the engine's own English where it already had the term."""
    folded = sentence.lower()
    used: set[str] = set()
    pieces: list[str] = []
    stand_ins: list[StandIn] = []
    protected: list[Found] = []
    english_forms: list[str] = []
    pos = 0
    for f in found:
        if f.entry.key not in protect_keys:
            continue
        before = sentence[pos : f.start]
        context = sentence[: f.start]
        french = sentence[f.start : f.end]
        adjective = f.adjective or used_as_adjective(f.entry, context)
        plural = occurrence_plural(french, context)
        pool: tuple[StandIn, ...]
        if adjective:
            pool, gender = ADJECTIVES, "m"
        else:
            # Names too: a noun gets Apertium's word order ("the American Federal Reserve").
            gender = gender_of(french, context)
            pool = (*NOUNS[gender], *NOUNS["f" if gender == "m" else "m"], *NAMES)
        stand_in = next(
            (s for s in pool if s.singular not in used and s.singular.lower() not in folded), None
        )
        if stand_in is None:
            continue  # more terms than stand-ins: this one stays unprotected
        used.add(stand_in.singular)
        pieces.append(_before_stand_in(before, gender))
        pieces.append(stand_in.plural if plural else stand_in.singular)
        stand_ins.append(stand_in)
        protected.append(f)
        given = (english_of or {}).get((f.start, f.end))
        english_forms.append(given or occurrence_english(f.entry, french, adjective, context))
        pos = f.end
    pieces.append(sentence[pos:])
    return Protected("".join(pieces), tuple(stand_ins), tuple(protected), tuple(english_forms))


def _before_stand_in(before: str, gender: str) -> str:
    """Elided and pre-vowel forms written out: l’ → le/la, d’ → de, de le → du, cet → ce."""
    m = ELIDED.search(before)
    if m is not None:
        word = m.group(1)
        full = {"l": "le" if gender == "m" else "la", "d": "de"}.get(word.lower(), word + "e")
        if word[0].isupper():
            full = full.capitalize()
        head = before[: m.start()]
        if full == "le" and re.search(r"(?<!\w)de\s+$", head):
            return re.sub(r"de\s+$", "du ", head)
        if full == "le" and re.search(r"(?<!\w)à\s+$", head):
            return re.sub(r"à\s+$", "au ", head)
        return f"{head}{full} "
    m = re.search(r"(?<!\w)(\w+)\s+$", before)
    if m is not None and m.group(1).lower() in SHORT_BEFORE_VOWEL:
        long = SHORT_BEFORE_VOWEL[m.group(1).lower()]
        if m.group(1)[0].isupper():
            long = long.capitalize()
        return f"{before[: m.start(1)]}{long} "
    return before


def _article_for(word: str) -> str:
    if word[:1].isupper() and word.isupper() and len(word) > 1:
        return "an" if word[0] in AN_LETTERS else "a"
    lower = word.lower()
    if lower.startswith(("uni", "use", "usu", "eu", "one", "ukr")):
        return "a"
    if lower.startswith(("hour", "honest", "honour", "honor", "heir")):
        return "an"
    return "an" if lower[:1] in "aeiou" else "a"


def insert(marked_english: str, protected: Protected) -> str | None:
    """The enforced marked English, or None when a stand-in was lost or duplicated."""
    text: str | None = marked_english
    for n, (stand_in, f, en) in enumerate(
        zip(protected.stand_ins, protected.found, protected.english, strict=True)
    ):
        forms = "|".join(re.escape(e) for e in stand_in.english)
        pattern = re.compile(
            rf"{marked.UNKNOWN_OPEN}?(?<![\w])(?:{forms})(?![\w]){marked.UNKNOWN_CLOSE}?",
            re.IGNORECASE,
        )
        text = _replace(text, pattern, n, f, en) if text is not None else None
    if text is None:
        return None
    clean = marked.strip(text)
    if any(_stand_in_pattern(s).search(clean) for s in protected.stand_ins):
        return None  # defensive: stand-in text must never reach the reader
    return _repair(text)


def splice(
    marked_english: str, found: Sequence[Found], english: Sequence[str], alone: Sequence[str]
) -> str | None:
    """The raw marked English with, for each occurrence, the engine's English of its French
    alone (``alone``, marked) replaced by the glossary's: no second translation, so the
    rest of the sentence stays as it was. None when one is not found exactly once."""
    text: str | None = marked_english
    for n, (f, en, by_itself) in enumerate(zip(found, english, alone, strict=True)):
        words = marked.strip(by_itself).split()
        if not words or text is None:
            return None
        optional = (f"{marked.UNKNOWN_OPEN}?", f"{marked.UNKNOWN_CLOSE}?")
        body = r"\s+".join(f"{optional[0]}{re.escape(w)}{optional[1]}" for w in words)
        pattern = re.compile(rf"(?<![\w]){body}(?![\w])", re.IGNORECASE)
        text = _replace(text, pattern, n, f, en)
    return _repair(text) if text is not None else None


_TERM = re.compile(
    rf"{marked.TERM_OPEN}\d+{marked.TERM_SEP}[^{marked.TERM_CLOSE}]*{marked.TERM_CLOSE}"
)


def _replace(text: str, pattern: re.Pattern[str], n: int, f: Found, en: str) -> str | None:
    """``text`` with the one hit of ``pattern`` (outside terms already put in) replaced by
    term ``n``'s English, and the article before it set by the glossary's rule."""
    taken = [(m.start(), m.end()) for m in _TERM.finditer(text)]
    hits = [
        m
        for m in pattern.finditer(text)
        if not any(a < m.end() and m.start() < b for a, b in taken)
    ]
    if len(hits) != 1:
        return None
    cut, after = hits[0].start(), hits[0].end()
    the = re.search(r"(?<!\w)[Tt]he $", text[:cut])
    if the is not None and drops_the(f, text[after:]):
        cut = the.start()  # "the NATO" → "NATO"; "the American policy" → "American policy"
    head, tail = _without_repeats(text[:cut], text[after:], en)
    return head + marked.term(n, en) + tail


def with_articles(
    marked_english: str, found: Sequence[Found], dropped: set[str] | None = None
) -> str:
    """The engine's own English of the terms it got right, with "the" taken away where the
    glossary's article rule says the term takes none ("the choice of the NATO" → "of NATO").
    ``dropped``: filled with the keys of the entries whose "the" went.
    (Putting a missing "the" back, "in United States" → "in the United States", was
    measured on newstest2013: 67 more sentences changed, 29 of them worse; not done.)"""
    text = marked_english
    for f in {f.entry.key: f for f in found}.values():
        if not (is_name(f.entry) or f.entry.bare):
            continue
        for a, b in reversed(english.spans(f.entry, text, exact_case=True)):
            the = re.search(r"(?<!\w)[Tt]he $", text[:a])
            if the is not None and drops_the(f, text[b:]):
                text = text[: the.start()] + text[a:]
                if dropped is not None:
                    dropped.add(f.entry.key)
    return _repair(text) if text != marked_english else text


def drops_the(f: Found, after: str) -> bool:
    """Names take "the" by the glossary's word or their kind (the ECB, NATO); a common
    term loses it only where its entry says ``the = false`` outright and no "of" follows."""
    if is_name(f.entry):
        return not takes_the(f.entry) or f.entry.bare
    return f.entry.bare and not re.match(r"\s+of\b", after)


def _without_repeats(head: str, tail: str, en: str) -> tuple[str, str]:
    """Drops words the engine already wrote on either side of an inserted term that
    repeat the term's own first or last words ("Vladimir" + "Vladimir Putin")."""
    words = en.split()
    for k in range(len(words), 0, -1):
        lead = r"\s+".join(re.escape(w) for w in words[:k])
        m = re.search(rf"(?<![\w]){lead}\s+$", head, re.IGNORECASE)
        if m is not None:
            head = head[: m.start()]
            break
    for k in range(len(words), 0, -1):
        trail = r"\s+".join(re.escape(w) for w in words[-k:])
        m = re.match(rf"\s+{trail}(?![\w])", tail, re.IGNORECASE)
        if m is not None:
            tail = tail[m.end() :]
            break
    return head, tail


def _stand_in_pattern(stand_in: StandIn) -> re.Pattern[str]:
    forms = "|".join(re.escape(e) for e in stand_in.english)
    return re.compile(rf"(?<![\w])(?:{forms})(?![\w])", re.IGNORECASE)


_TERM_AFTER_ARTICLE = re.compile(
    rf"(?<![\w])([Aa]n?) ({marked.TERM_OPEN}\d+{marked.TERM_SEP})(\W*)(\w+)"
)
_INITIAL_TERM = re.compile(rf"^([\W]*?{marked.TERM_OPEN}\d+{marked.TERM_SEP}[\W]*?)([a-z])")


def _repair(text: str) -> str:
    """a/an before inserted terms, and a capital when a term starts the sentence."""

    def article(m: re.Match[str]) -> str:
        wanted = _article_for(m.group(4))
        if m.group(1)[0].isupper():
            wanted = wanted.capitalize()
        return f"{wanted} {m.group(2)}{m.group(3)}{m.group(4)}"

    text = _TERM_AFTER_ARTICLE.sub(article, text)
    return _INITIAL_TERM.sub(lambda m: m.group(1) + m.group(2).upper(), text)
