"""Phrases: multi-word units (« avoir lieu », « mettre fin à », « s'agir de ») kept with a
status like a lemma, and found in a text by the lemmas of their words.

A phrase is stored under its **canonical form**: ``normal`` text (lower case, straight
apostrophe, single spaces) of two words or more, in dictionary form (« avoir lieu »).
``is_phrase`` says whether a status key is one; the statuses store keeps phrases and
lemmas side by side (``reader.learning.store``).

Matching (``find``) runs over the article's analysis (``reader.nlp``: tokens with lemma and
part of speech), one block at a time:

- each word of the phrase matches a token whose **lemma** is that word, or whose form is
  it (« eu » is *avoir*, « mettront » is *mettre*); the elided and contracted function
  words are their full words (« s' » *se*, « l' » *le*, « d' » *de*; « au », « aux » *à*,
  « du » *de*), so « mettront fin aux » is « mettre fin à »;
- between two words of the phrase stand at most ``MAX_GAP`` tokens, each of them a
  **gap word**: an adverb (ADV: « ne », « pas », « plus », « jamais », « encore »,
  « vraiment »…), an auxiliary (AUX, or any form of *avoir* / *être*: the « eu » of « a eu
  lieu »), a clitic pronoun (PRON « me te se le la les lui leur y en nous vous ») or
  « rien » / « personne ». « n'avait pas encore eu lieu » is *avoir lieu*: « pas encore eu »
  is the gap;
- punctuation, nouns, determiners, prepositions and every other word break a match, so a
  phrase never runs across a sentence (nor a comma); a phrase is never found from one of
  its words alone (« le lieu »);
- occurrences never overlap: where two phrases share a token, the one of more words wins,
  then the one starting first.

An occurrence's span runs from its first word to its last, gap included; the auxiliary
right before a participle that opens it (« a » of « a mis fin à ») is taken in. Its
**unit tokens** (what ``reader.learning.counts`` counts as the one unit of the phrase) are
the phrase's own words and the auxiliaries inside it; the adverbs and clitics of the gap
stay words of their own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from reader.learning.store import normal
from reader.nlp.analysis import Token

MAX_GAP = 4
"""Tokens that may stand between two words of a phrase (all of them gap words)."""
MAX_WORDS = 8
"""Longer than this is a sentence, not a phrase."""
AUXILIARIES = frozenset({"avoir", "être"})
CLITICS = frozenset({"me", "te", "se", "le", "la", "les", "lui", "leur", "y", "en", "nous", "vous"})
NEGATIONS = frozenset({"ne", "pas", "plus", "jamais", "rien", "personne", "point", "guère"})
ELIDED = {
    "l'": "le",
    "d'": "de",
    "s'": "se",
    "n'": "ne",
    "qu'": "que",
    "j'": "je",
    "m'": "me",
    "t'": "te",
    "c'": "ce",
    "jusqu'": "jusque",
    "lorsqu'": "lorsque",
    "puisqu'": "puisque",
}
"""Elided words and the full word they stand for (the lemma spaCy gives them)."""
SAME = {
    "au": ("à",),
    "aux": ("à",),
    "du": ("de",),
    "des": ("de", "un"),
    "la": ("le",),
    "les": ("le",),
}
"""Words of a phrase that also match other lemmas: the contractions « au », « aux » (à + le,
à + les) and « du » (de + le), which the analysis lemmatises as their preposition; « des »
(de + les, or the plural of « un »); the articles' forms, whose lemma is « le »."""
CONTRACTED = {"à": ("au", "aux"), "de": ("du", "des")}
"""A phrase's « à » or « de » met contracted with the article (« mettront fin aux »), by form:
whatever lemma the analysis gives the contraction."""
_ELISION = re.compile(r"^(" + "|".join(re.escape(e) for e in ELIDED) + r")(?=\w)")
_VOWEL = tuple("aeiouyhàâéèêëîïôöûüœ")


def canonical(text: str) -> str:
    """How a phrase (or lemma) is stored: ``normal`` text, no space after an apostrophe."""
    return re.sub(r"' +", "'", normal(text))


def words(text: str) -> list[str]:
    """The words of a phrase, elided ones apart: « s'agir de » → s', agir, de."""
    found: list[str] = []
    for part in canonical(text).split():
        while (m := _ELISION.match(part)) is not None:
            found.append(m.group(1))
            part = part[m.end() :]
        found.append(part)
    return [w for w in found if w]


def is_phrase(text: str) -> bool:
    """Whether a status key is a phrase: two to ``MAX_WORDS`` words (an elided one counts
    only beside a space: « aujourd'hui » and « s'agir » are words), each with a letter."""
    key = canonical(text)
    parts = key.split()
    if len(parts) < 2 or len(words(key)) > MAX_WORDS:
        return False
    return all(any(c.isalpha() for c in p) for p in parts)


def phrases_in(keys: Iterable[str]) -> list[str]:
    """The phrases among status keys (``LearningStore.statuses()``)."""
    return [k for k in keys if is_phrase(k)]


@dataclass(frozen=True)
class Pattern:
    """A phrase as the matcher sees it: for each word, the lemmas or forms it accepts."""

    phrase: str
    words: tuple[frozenset[str], ...]


def pattern(phrase: str) -> Pattern:
    accepted = []
    for word in words(phrase):
        full = ELIDED.get(word, word)
        accepted.append(frozenset({word, full, *SAME.get(full, ()), *CONTRACTED.get(full, ())}))
    return Pattern(canonical(phrase), tuple(accepted))


def _form(token: Token) -> str:
    """The token as a phrase's word is written (``normal`` on one word, cheaper)."""
    return token.text.lower().replace("’", "'")


def _matches(token: Token, accepted: frozenset[str]) -> bool:
    return token.lemma in accepted or _form(token) in accepted


def is_gap(token: Token) -> bool:
    """A token that may stand inside a phrase (see the module docstring)."""
    lemma, pos = token.lemma, token.pos
    if pos in ("ADV", "AUX") or _auxiliary(token):
        return True
    if lemma in NEGATIONS:  # « rien », « personne » as pronouns, not « une personne »
        return pos in ("ADV", "PRON")
    return pos == "PRON" and lemma in CLITICS


def _auxiliary(token: Token) -> bool:
    return token.lemma in AUXILIARIES and token.pos in ("AUX", "VERB")


@dataclass(frozen=True)
class Occurrence:
    """One place a phrase is found: block, characters ``start:end`` of its French, and the
    indices (into the block's tokens) of its unit tokens."""

    phrase: str
    block: int
    start: int
    end: int
    tokens: tuple[int, ...]
    form: str
    """The French as written, gap included (``normal``)."""


def _match_at(tokens: Sequence[Token], at: int, p: Pattern) -> list[int] | None:
    """The indices of the tokens matching ``p``'s words from token ``at``, or None."""
    if not _matches(tokens[at], p.words[0]):
        return None
    found = [at]
    position = at
    for accepted in p.words[1:]:
        for step in range(1, MAX_GAP + 2):
            i = position + step
            if i >= len(tokens):
                return None
            if _matches(tokens[i], accepted):
                found.append(i)
                position = i
                break
            if not is_gap(tokens[i]):
                return None
        else:
            return None
    return found


def _occurrence(tokens: Sequence[Token], block: int, phrase: str, matched: list[int]) -> Occurrence:
    first, last = matched[0], matched[-1]
    unit = set(matched)
    unit.update(i for i in range(first, last) if _auxiliary(tokens[i]))
    if tokens[first].feature("VerbForm") == "Part":  # « a mis fin à »: the auxiliary too
        for i in range(first - 1, max(-1, first - 1 - MAX_GAP), -1):
            if _auxiliary(tokens[i]):
                unit.add(i)
                first = i
                break
            if not is_gap(tokens[i]):
                break
    start, end = tokens[first].start, tokens[last].end
    form = " ".join(_form(tokens[i]) for i in range(first, last + 1))
    return Occurrence(phrase, block, start, end, tuple(sorted(unit)), re.sub(r"' ", "'", form))


def by_first_word(patterns: Iterable[Pattern]) -> dict[str, list[Pattern]]:
    """The patterns by the lemmas and forms their first word accepts."""
    index: dict[str, list[Pattern]] = {}
    for p in patterns:
        for word in p.words[0]:
            index.setdefault(word, []).append(p)
    return index


def find_in_block(
    tokens: Sequence[Token], block: int, by_first: Mapping[str, Sequence[Pattern]]
) -> list[Occurrence]:
    """Every occurrence of the patterns (``by_first_word``) in one block's tokens,
    non-overlapping, in order."""
    if not by_first or not tokens:
        return []
    candidates: list[tuple[int, int, Occurrence]] = []
    for at, token in enumerate(tokens):
        tried = by_first.get(token.lemma, ())
        form = _form(token)
        if form != token.lemma and form in by_first:
            tried = [*tried, *(p for p in by_first[form] if p not in tried)]
        for p in tried:
            matched = _match_at(tokens, at, p)
            if matched is not None:
                candidates.append(
                    (-len(p.words), at, _occurrence(tokens, block, p.phrase, matched))
                )
    taken: set[int] = set()
    chosen: list[Occurrence] = []
    for _, _, o in sorted(candidates, key=lambda c: (c[0], c[1], c[2].phrase)):
        covered = set(range(o.tokens[0], o.tokens[-1] + 1))
        if covered & taken:
            continue
        taken |= covered
        chosen.append(o)
    return sorted(chosen, key=lambda o: o.start)


def find(analysis: Sequence[Sequence[Token]], phrases: Iterable[str]) -> list[Occurrence]:
    """Every occurrence of ``phrases`` in an article's analysis (its blocks' tokens)."""
    by_first = by_first_word(pattern(p) for p in dict.fromkeys(phrases) if is_phrase(p))
    found: list[Occurrence] = []
    for index, tokens in enumerate(analysis):
        found += find_in_block(tokens, index, by_first)
    return found


def from_tokens(tokens: Sequence[Token]) -> str:
    """The canonical phrase a reader's selection of ``tokens`` stands for: their lemmas, less
    the adverbs, negation and auxiliaries standing before a later verb (« n'avait pas eu
    lieu » → avoir lieu, « a mis fin à » → mettre fin à), elided where French elides
    (« se » + « agir » → s'agir). "" when fewer than two words are left, or only names."""
    kept = [t for t in tokens if any(c.isalpha() for c in t.text) and t.pos != "PUNCT"]
    if not any(t.countable for t in kept):
        return ""  # « Donald Trump », « 12 000 »: names and numbers are not learnt
    verbs = [i for i, t in enumerate(kept) if t.pos in ("VERB", "AUX")]
    last_verb = verbs[-1] if verbs else -1
    lemmas = [
        t.lemma or _form(t)
        for i, t in enumerate(kept)
        if not (
            i < last_verb
            and (t.pos in ("ADV", "AUX") or t.lemma in NEGATIONS or _auxiliary(t))
            and t.lemma != "se"
        )
    ]
    if len(lemmas) < 2:
        return ""
    text = ""
    for i, lemma in enumerate(lemmas):
        following = lemmas[i + 1] if i + 1 < len(lemmas) else ""
        elided = {v: k for k, v in ELIDED.items()}.get(lemma)
        if elided and following.startswith(_VOWEL):
            text += elided
        else:
            text += lemma + (" " if following else "")
    return canonical(text)


def statuses_of(phrases: Iterable[str], statuses: Mapping[str, str]) -> dict[str, str]:
    """Each phrase's status (``new`` when it has none)."""
    return {p: statuses.get(p, "new") for p in phrases}


@dataclass
class Suggestion:
    """A multi-word unit of Apertium's French dictionary met in a text (« tout à fait »):
    a phrase the reader may want to learn."""

    phrase: str
    count: int = 0
    forms: dict[str, int] = field(default_factory=dict)
    first: int = 0


def apertium_phrases(texts: Sequence[str]) -> list[Suggestion]:
    """The multi-word units Apertium's analyser reads in ``texts`` (an article's blocks),
    most frequent first; none when Apertium is not installed."""
    from reader.lookup import apertium_bidix
    from reader.lookup.apertium_bidix import ApertiumUnavailable

    files = apertium_bidix.find_files()
    if files is None:
        return []
    apertium = apertium_bidix.Apertium(files)
    found: dict[str, Suggestion] = {}
    try:
        for index, text in enumerate(texts):
            for form, reading in apertium.multiwords(text):
                phrase = canonical(reading.lemma)
                entry = found.get(phrase)
                if entry is None:
                    entry = found[phrase] = Suggestion(phrase, first=index)
                entry.count += 1
                entry.forms[normal(form)] = entry.forms.get(normal(form), 0) + 1
    except ApertiumUnavailable:
        pass  # what was read so far
    finally:
        apertium.close()
    return sorted(found.values(), key=lambda s: (-s.count, s.first, s.phrase))
