"""Whether words are French: what ``reader known set`` and ``reader known import`` accept,
and whether a whole text looks French before it is added to the library.

A word is French when it, or the lemma the article analysis gives it, is in the reader's
French frequency list (``reader.learning.frequency``, 19,800 lemmas); an elided article or
pronoun (« l' », « d' », « qu' ») before it is left aside. The list holds a few English
loans (« web », « people »), so a share, never one word, decides that a text or a column
is not French.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.errors import InputError
from reader.learning.frequency import ranks
from reader.learning.store import normal

if TYPE_CHECKING:
    from reader.lookup.apertium_bidix import Analysis

FRENCH_SHARE = 0.5
"""At least this share of a column's entries (or a text's words) must be French words.
Measured: French word lists and articles give 0.85 to 1, English ones 0.1 to 0.35."""
_ELIDED = re.compile(r"^(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|quoiqu)'", re.IGNORECASE)
_LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)


def known_form(word: str) -> bool:
    """``word`` (one word, as stored: lower case) is in the frequency list, elision aside."""
    table = ranks()
    return word in table or _ELIDED.sub("", word) in table


def lemmas_in_context(entries: Sequence[str]) -> list[list[tuple[str, str]]]:
    """Each entry's words as (form, lemma) pairs, from one analysis pass (lower case:
    alone on a line, a capitalised word is taken for a name)."""
    from reader.article import make_block
    from reader.nlp.analysis import analyse

    blocks = [make_block(i, "paragraph", entry.lower()) for i, entry in enumerate(entries)]
    return [
        [(normal(t.text), normal(t.lemma)) for t in tokens if _LETTERS.search(t.text)]
        for tokens in analyse(blocks)
    ]


def is_french(pairs: Sequence[tuple[str, str]], knows: Callable[[str], bool] | None = None) -> bool:
    """Every word of an entry is French: its form or its lemma is in the frequency list,
    and ``knows`` (Apertium's analyser, where installed) knows the form; an elided word
    (« l' », « qu' ») needs only the list. An entry without words is not French."""
    return bool(pairs) and all(
        (known_form(form) or known_form(lemma))
        and (knows is None or form.endswith("'") or knows(form))
        for form, lemma in pairs
    )


def french_share(entries: Sequence[str]) -> float:
    """The share of ``entries`` whose every word is French (0 for none). The frequency list
    holds a few English words (« hit », « dog »); Apertium's analyser, where installed,
    must know the word too, so an English column scores near 0."""
    if not entries:
        return 0.0
    with _analyser() as knows:
        found = sum(is_french(p, knows) for p in lemmas_in_context(entries))
    return found / len(entries)


TEXT_SHARE = 0.4
"""A text is French when at least this share of its words are: measured, three French
articles give 0.89 to 0.96 (0.50 to 0.62 without Apertium, from the frequency list
alone), English ones 0.17 to 0.22."""
_TEXT_WORDS = 400
_WORD = re.compile(r"[^\W\d_]+")


def text_share(text: str) -> float:
    """The share of a text's first words that are French: in the frequency list, or
    known to Apertium's analyser (which knows inflected forms); 1 for a text without words."""
    words = [w.lower() for w in _WORD.findall(text)][:_TEXT_WORDS]
    if not words:
        return 1.0
    with _analyser() as knows:
        found = sum(1 for w in words if known_form(w) or (knows is not None and knows(w)))
    return found / len(words)


def not_french(text: str, name: str) -> str | None:
    """Why ``text`` does not look French (one line), or None when it does."""
    share = text_share(text)
    if share >= TEXT_SHARE:
        return None
    return f"{name} does not look French: {share:.0%} of its words are French words"


@contextmanager
def _analyser() -> Iterator[Callable[[str], bool] | None]:
    """Whether Apertium's French analyser knows a word (one process for many words), or
    None when Apertium is not installed."""
    from reader.lookup.apertium_bidix import Apertium, find_files

    files = find_files()
    if files is None:
        yield None
        return
    analyser = Apertium(files)
    seen: dict[str, bool] = {}

    def knows(word: str) -> bool:
        if word not in seen:
            try:
                seen[word] = bool(analyser.analyse(word))
            except OSError:
                seen[word] = True  # the analyser failed: the list alone decides
        return seen[word]

    try:
        yield knows
    finally:
        analyser.close()


@dataclass(frozen=True)
class Chosen:
    """What ``reader known set`` stores for what it was given, and what it says about it."""

    lemma: str
    note: str | None = None


_DETERMINERS = frozenset("le la les l' un une des du de d' ce cet cette ces".split())


def lemma_to_set(given: str) -> Chosen:
    """The lemma ``reader known set`` stores for ``given``, or InputError saying why none.

    A lemma of the frequency list is stored as it is; a form is stored as its lemma
    (« frappes » → frappe, « les chats » → chat); a phrase is kept when each of its words
    is French (« avoir lieu »); a number, a name or words the reader does not know as
    French are refused, since they could never match a counted word. Apertium's analyser,
    where installed, knows the words the frequency list is too short for."""
    word = normal(given)
    if not word:
        raise InputError("give a French lemma")
    if not _LETTERS.search(word):
        raise InputError(f"« {word} » is a number, not a word to learn")
    if given.strip()[:1].isupper() and " " not in word and _is_name(given.strip()):
        raise InputError(
            f"« {given.strip()} » is a name: names are never words to learn "
            "(--force stores it anyway)"
        )
    if word in ranks():
        return Chosen(word)
    bare = _without_determiner(word)
    if bare != word:
        chosen = lemma_to_set(bare)
        return Chosen(chosen.lemma, f"« {word} » is set as « {chosen.lemma} »")
    readings = _analyser_lemmas(word)
    if known_form(word) or word in readings:
        return Chosen(word)
    pairs = [(f.strip("-"), lemma.strip("-")) for f, lemma in lemmas_in_context([word])[0]]
    if len(word.split()) > 1 or len(pairs) > 1:
        strangers = [form for form, lemma in pairs if not (known_form(form) or known_form(lemma))]
        if strangers or not pairs:
            raise InputError(
                f"« {word} » is not a French phrase the reader knows "
                f"({', '.join(strangers) or 'no word'} is not in its French word list); "
                "give one lemma (chat, frapper) or a phrase of French words"
            )
        return Chosen(word)
    candidates = set(readings)
    if pairs and pairs[0][1] != word and known_form(pairs[0][1]):
        candidates.add(pairs[0][1])  # spaCy's lemma out of context
    if candidates:
        table = ranks()
        lemma = min(sorted(candidates), key=lambda c: table.get(c, len(table) + 1))
        others = sorted(candidates - {lemma})
        also = f" (or {', '.join(others)})" if others else ""
        return Chosen(lemma, f"« {word} » is a form of « {lemma} »{also}: its lemma is set")
    if given.strip()[:1].isupper():
        raise InputError(
            f"« {given.strip()} » looks like a name: names are never words to learn "
            "(--force stores it anyway)"
        )
    raise InputError(
        f"« {word} » is not a French word the reader knows, so it could never match a "
        "counted word; check the spelling, or give --force to store it anyway"
    )


def _without_determiner(word: str) -> str:
    """« les chats » → « chats », « l'homme » → « homme »: a noun with its article."""
    parts = word.split()
    if len(parts) == 2 and parts[0] in _DETERMINERS:
        return parts[1]
    elided = _ELIDED.match(word)
    if elided and elided.group(0).lower() in ("l'", "d'") and " " not in word:
        return word[elided.end() :]
    return word


def _analyser_lemmas(word: str) -> set[str]:
    """The lemmas Apertium's French analyser gives ``word`` (proper nouns aside)."""
    return {normal(r.lemma) for r in _readings(word) if r.tags[:1] != ("np",)}


def _is_name(word: str) -> bool:
    """Apertium's analyser knows ``word``, as written, as a proper noun (« Paris », « Lyon »)."""
    return any(r.tags[:1] == ("np",) for r in _readings(word))


def _readings(word: str) -> list[Analysis]:
    """Apertium's readings of one word; none when Apertium is not installed."""
    from reader.lookup.apertium_bidix import Apertium, find_files

    files = find_files()
    if files is None or " " in word:
        return []
    analyser = Apertium(files)
    try:
        return analyser.analyse(word)
    except OSError:
        return []
    finally:
        analyser.close()
