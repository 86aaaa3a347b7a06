"""Putting a glossary together: the glossary stack (user, article, general), extracted
entries with the best English available for them, and occurrences in both languages.

English for an extracted entry, best first:
1. a glossary of the stack (the candidate is then covered, see ``merge``);
2. people's names: the French name itself, never machine-translated;
3. ``in_context``: where the term landed in its sentence's enforced English (a hook
   for term enforcement, which knows those positions);
4. the engine's translation of the term alone, with origin "machine guess" — never
   presented as vetted.

Counting (``outermost``): each place in the French counts for the longest entry
matching there, so general and extracted entries never count inside another entry
(only your own and the article's entries count inside one another, as the README
says); an extracted candidate that straddles a glossary entry's occurrence is dropped.
A glossary entry counts only where it is used as one, by the rule enforcement uses
without spaCy (``in_use``): « cette mesure législative » is no occurrence of
« élections législatives », nor « une réforme jamais entreprise » of « entreprise ».
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from glossary.english import find as english_find
from glossary.extract import Candidate
from glossary.match import Found, find, key_of
from glossary.model import KINDS, NAME_KINDS, VETTED, Entry, Glossary, Occurrence, Origin
from glossary.sources import load_stack
from reader.article import Article
from reader.translate.enforce import grammar

if TYPE_CHECKING:
    from reader.cache import Cache
    from reader.engines.base import Engine

InContext = Callable[[Sequence[Candidate]], Sequence[str]]
"""English for each candidate from its sentences' enforced translation ("" when unknown)."""


def _padded(key: str) -> str:
    """A key with a space either side, so ``in`` matches whole words only."""
    return f" {key} "


def _covered(key: str, kind: str, stack: Sequence[Entry]) -> bool:
    """Whether a stack entry already stands for the candidate with this key and kind.

    Equal, or the candidate is a whole-word part of a stack form (« Poutine » in
    « Vladimir Poutine »). A candidate containing a stack form (« Donald Trump »
    around « Trump ») is covered by the article's own glossary, or when both are
    names; « guerre commerciale » is not covered by a general « guerre », nor a name
    by a common noun (« Bruno Le Maire » by « maire »).
    """
    for entry in stack:
        wide = entry.origin == "curated" or (kind in NAME_KINDS and entry.kind in NAME_KINDS)
        if kind in NAME_KINDS and not entry.fr[:1].isupper():
            wide = False  # the common noun « maire » does not cover the name « Bruno Le Maire »
        for form in entry.forms:
            other = _padded(key_of(form))
            if key in other or (wide and other in key):
                return True
    return False


def merge(stack: Sequence[Entry], candidates: Sequence[Candidate]) -> list[Candidate]:
    """Extracted candidates that the stack does not already cover, duplicates merged.

    Duplicates: one candidate's words are a whole-word part of another's of the same
    kind (« Poutine » in « Vladimir Poutine »); the longer stays, the shorter becomes
    one of its forms.
    """
    kept = [
        c
        for c in candidates
        if key_of(c.text).strip() and not _covered(_padded(key_of(c.text)), c.kind, stack)
    ]
    merged: list[Candidate] = []
    for cand in sorted(kept, key=lambda c: -len(key_of(c.text))):
        key = _padded(key_of(cand.text))
        home = next(
            (m for m in merged if m.kind == cand.kind and key in _padded(key_of(m.text))), None
        )
        if home is None:
            merged.append(cand)
        else:
            merged[merged.index(home)] = Candidate(
                home.text,
                home.kind,
                home.count + cand.count,
                tuple(dict.fromkeys((*home.forms, *cand.forms))),
            )
    return merged


def machine_english(
    terms: Sequence[str], engine: Engine | None = None, cache: Cache | None = None
) -> tuple[list[str], str]:
    """English for single terms from the engine (through the cache), or empties and why."""
    from reader.engines.base import SentenceEngine

    if engine is None or not engine.gives_english:
        return [""] * len(terms), "no translation engine"
    if not isinstance(engine, SentenceEngine):
        return [""] * len(terms), f"{engine.name} translates whole texts, not single terms"
    if not terms:
        return [], ""
    if cache is None:
        return engine.translate_sentences(list(terms)), ""
    from reader.translation import translate_sentences_cached

    return translate_sentences_cached(engine, terms, cache), ""


_MID_SENTENCE_CAPITAL = re.compile(r"(?<=[a-z,;] )([A-Z][a-z]+)")


def proper_words(stack: Iterable[Entry], english: Iterable[str] = ()) -> frozenset[str]:
    """English words that stay capitalised mid-sentence: from names in the glossaries
    (American, European, …) and from the article's own English, where it is known."""
    words: set[str] = set()
    for entry in stack:
        if entry.kind in NAME_KINDS:
            for text in (entry.en, entry.en_adj, *entry.en_aliases):
                words.update(w for w in re.findall(r"[A-Z][a-z]+", text))
    for text in english:
        words.update(_MID_SENTENCE_CAPITAL.findall(text))
    return frozenset(words)


def follow_case(fr: str, en: str, proper: frozenset[str]) -> str:
    """English whose first letter follows the French: « point de vue » → "point of view",
    but "American politics" and "NATO summit" keep their capitals."""
    if not en or not fr or not fr[0].islower() or not en[0].isupper():
        return en
    first = en.split()[0].strip(".,;:")
    if (len(first) > 1 and first.isupper()) or first in proper:
        return en
    return en[0].lower() + en[1:]


def extracted_entries(
    candidates: Sequence[Candidate],
    engine: Engine | None = None,
    cache: Cache | None = None,
    proper: frozenset[str] = frozenset(),
    in_context: InContext | None = None,
) -> list[Entry]:
    """Entries for candidates the stack does not cover, each with its best English."""
    entries: dict[int, Entry] = {}
    rest = []
    for i, cand in enumerate(candidates):
        if cand.kind == "people":
            entries[i] = _entry(
                cand, cand.text, "extracted", "A name found in the text; names are not translated."
            )
        else:
            rest.append(i)
    context = list(in_context([candidates[i] for i in rest])) if in_context and rest else []
    guess_at = []
    for n, i in enumerate(rest):
        en = context[n] if n < len(context) else ""
        if en:
            entries[i] = _entry(
                candidates[i],
                en,
                "extracted",
                "English from where the term landed in the enforced translation.",
            )
        else:
            guess_at.append(i)
    guesses, note = machine_english([candidates[i].text for i in guess_at], engine, cache)
    for i, en in zip(guess_at, guesses, strict=True):
        cand = candidates[i]
        junk = implausible_guess(cand.text, en) if en else ""
        if en and not junk and engine is not None:
            why = f"Machine guess: {engine.name} translated the term alone; not checked."
            entries[i] = _entry(cand, follow_case(cand.text, en, proper), "machine guess", why)
        else:
            why = f"machine guess “{en}” not used: {junk}" if junk else note
            entries[i] = _entry(cand, "", "extracted", "Found in the text; no English yet.", why)
    return [entries[i] for i in range(len(candidates))]


_PRONOUNS = frozenset(
    "i you he she it we they there one me him her us them itself himself herself".split()
)
_AUXILIARIES = frozenset("had has have having is are was were be been being do does did".split())


def implausible_guess(french: str, english: str) -> str:
    """Why the engine's English for a term alone is not shown as its English ("" if it may
    be): a term or name comes out as a noun phrase, so English that starts with a pronoun
    or an auxiliary is a verb phrase the engine made of it (« Integra » → "It integrates",
    « place de Mai » → "it situates of May"), and an acronym comes out as one (« EU »,
    which Apertium reads as Spanish, → "Had")."""
    words = english.split()
    first = words[0].strip(".,;:!?\"“”'’").casefold() if words else ""
    if first in _PRONOUNS:
        return "it reads as a pronoun or a verb phrase, not a term"
    if first in _AUXILIARIES:
        return "it reads as a verb, not a term"
    acronym = len(french) > 1 and french.isalpha() and french.isupper()
    if acronym and not any(w.isupper() and len(w) > 1 for w in words):
        return "an acronym, but the English has none"
    return ""


def _entry(cand: Candidate, en: str, origin: Origin, definition: str, note: str = "") -> Entry:
    aliases = tuple(f for f in cand.forms if f != cand.text)
    return Entry(cand.text, en, cand.kind, definition, aliases, (), origin, note)


def build(
    article: Article,
    candidates: Sequence[Candidate] = (),
    engine: Engine | None = None,
    cache: Cache | None = None,
    english: Mapping[int, str] | None = None,
    *,
    stack: Sequence[Entry] | None = None,
    notify: Callable[[str], None] | None = None,
    in_context: InContext | None = None,
) -> Glossary:
    """The glossary of ``article``; ``english`` maps block index to its English text, where known.

    ``stack`` defaults to ``load_stack(article)``; its user and general entries are kept
    only where they occur, the article's own entries always.
    """
    layers = load_stack(article, notify) if stack is None else list(stack)
    texts = [(b.index, b.text) for b in article.blocks]
    extracted = _not_straddling(merge(layers, candidates), find(layers, texts), texts)
    proper = proper_words(layers, (english or {}).values())
    entries = [*layers, *extracted_entries(extracted, engine, cache, proper, in_context)]
    glossary = Glossary(article.source, entries)
    glossary.occurrences = outermost(in_use(find(entries, texts), entries, texts), entries)
    glossary.entries = sorted(
        (e for e in entries if e.origin == "curated" or glossary.count(e) > 0),
        key=lambda e: (
            KINDS.index(e.kind),
            e.origin not in VETTED,
            -glossary.count(e),
            e.fr.casefold(),
        ),
    )
    glossary.occurrences = {e.key: glossary.occurrences[e.key] for e in glossary.entries}
    if english:
        add_english_occurrences(glossary, english)
    return glossary


def _straddles(a: Occurrence, b: Occurrence) -> bool:
    """Overlapping, and neither holds the other."""
    return (
        a.block == b.block
        and a.start < b.end
        and b.start < a.end
        and not (a.start <= b.start and b.end <= a.end)
        and not (b.start <= a.start and a.end <= b.end)
    )


def _not_straddling(
    candidates: Sequence[Candidate],
    known: Mapping[str, Sequence[Occurrence]],
    texts: Sequence[tuple[int, str]],
) -> list[Candidate]:
    """Candidates none of whose occurrences straddles a glossary entry's: « directeurs
    inchangés » across « taux directeurs » is a cut through a known term, not a term."""
    if not candidates:
        return []
    probes = [Entry(c.text, "", c.kind, aliases=c.forms, origin="extracted") for c in candidates]
    found = find(probes, texts)
    taken: dict[int, list[Occurrence]] = {}  # by block: a book has thousands of occurrences
    for occurrences in known.values():
        for o in occurrences:
            taken.setdefault(o.block, []).append(o)
    return [
        c
        for c, p in zip(candidates, probes, strict=True)
        if not any(_straddles(o, k) for o in found[p.key] for k in taken.get(o.block, ()))
    ]


def in_use(
    occurrences: Mapping[str, Sequence[Occurrence]],
    entries: Sequence[Entry],
    texts: Sequence[tuple[int, str]],
) -> dict[str, list[Occurrence]]:
    """The occurrences of glossary entries (yours, the article's, the general one) that
    are used as the entry's part of speech, judged by the words around them as
    enforcement does without spaCy (``reader.translate.enforce.grammar``): a noun entry does not
    count a verb, a participle, or an adjective it has no adjectival English for.
    Extracted entries are what spaCy found; they count as found."""
    vetted = {e.key: e for e in entries if e.origin in VETTED}
    text_of = dict(texts)
    out: dict[str, list[Occurrence]] = {}
    for key, found in occurrences.items():
        entry = vetted.get(key)
        out[key] = [
            o
            for o in found
            if entry is None or _used(Found(entry, o.start, o.end), text_of[o.block])
        ]
    return out


def _used(f: Found, text: str) -> bool:
    return grammar.usable(f, grammar.use_by_words(f, text))


PERSONAL = frozenset({"user", "curated"})
"""Origins whose entries still count inside one another (« OTAN » in « adhésion à l’OTAN »)."""


def outermost(
    occurrences: Mapping[str, Sequence[Occurrence]], entries: Sequence[Entry]
) -> dict[str, list[Occurrence]]:
    """Occurrences with each place in the text counted for the longest entry there.

    The rule, for counts, occurrences and exports alike: where entries overlap, the
    longest match wins and the others lose that occurrence — « banque centrale »
    (general) does not count inside « Banque centrale européenne », nor « maire »
    inside the name « Bruno Le Maire ». Equal lengths: the vetted entry (user,
    curated, general) wins over an extracted one, then the higher layer of the stack.
    One exception, the README's: your own and the article's entries were written for
    the text, so one of them still counts inside a longer one of them (« OTAN »
    inside « adhésion à l’OTAN », both curated). Term enforcement puts in only the
    longest (``glossary.match.sentence_occurrences``).
    """
    rank = {e.key: (e.origin not in VETTED, n) for n, e in enumerate(entries)}
    personal = {e.key for e in entries if e.origin in PERSONAL}
    spans = sorted(
        ((o, key) for key, occ in occurrences.items() for o in occ),
        key=lambda t: (t[0].start - t[0].end, rank.get(t[1], (True, 0)), t[0].block, t[0].start),
    )
    kept: dict[int, list[tuple[Occurrence, bool]]] = {}
    out: dict[str, list[Occurrence]] = {key: [] for key in occurrences}
    for o, key in spans:
        here = kept.setdefault(o.block, [])
        mine = key in personal
        if any(_conflict(o, k, mine and theirs) for k, theirs in here):
            continue
        here.append((o, mine))
        out[key].append(o)
    return {key: sorted(occ, key=lambda o: (o.block, o.start)) for key, occ in out.items()}


def _conflict(o: Occurrence, longer: Occurrence, both_personal: bool) -> bool:
    if not (o.start < longer.end and longer.start < o.end):
        return False
    inside = longer.start <= o.start and o.end <= longer.end
    return not (inside and both_personal)


def add_english_occurrences(glossary: Glossary, english: Mapping[int, str]) -> None:
    """Adds to ``glossary`` (in place) the English occurrences of the given blocks,
    replacing those it had for them."""
    found = english_find(glossary.entries, english.items())
    for key, occurrences in found.items():
        kept = [o for o in glossary.en_occurrences.get(key, []) if o.block not in english]
        glossary.en_occurrences[key] = sorted(kept + occurrences, key=lambda o: (o.block, o.start))
