"""Putting a glossary together: curated entries, extracted ones, English for the
extracted ones from the active engine, and occurrences in both languages."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from glossary.curated import glossary_path, load_curated
from glossary.english import find as english_find
from glossary.extract import Candidate, key_of
from glossary.match import find
from glossary.model import KINDS, Entry, Glossary
from reader.article import Article


def curated_entries(article: Article) -> list[Entry]:
    path = glossary_path(article.path)
    return load_curated(path) if path is not None and path.is_file() else []


def _words(key: str) -> str:
    return f" {key} "


def merge(curated: Sequence[Entry], candidates: Sequence[Candidate]) -> list[Candidate]:
    """Extracted candidates that curated entries do not already cover, duplicates merged.

    Covered: the candidate and a curated form contain one another as whole words
    (« Donald Trump » and curated « Trump »). Duplicates: one candidate's words are
    a whole-word part of another's (« Poutine » in « Vladimir Poutine »); the longer
    name stays, the shorter becomes one of its forms.
    """
    curated_keys = [_words(key_of(f)) for e in curated for f in e.forms]
    kept: list[Candidate] = []
    for cand in candidates:
        key = _words(key_of(cand.text))
        if key.strip() == "" or any(key in c or c in key for c in curated_keys):
            continue
        kept.append(cand)
    merged: list[Candidate] = []
    for cand in sorted(kept, key=lambda c: -len(key_of(c.text))):
        key = _words(key_of(cand.text))
        home = next(
            (m for m in merged if m.kind == cand.kind and key in _words(key_of(m.text))), None
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


def english_for(terms: Sequence[str], engine=None, cache=None) -> tuple[list[str], str]:
    """English for single terms from the engine (through the cache), or empties and why."""
    from reader.engines.base import SentenceEngine

    if engine is None:
        return [""] * len(terms), "no engine"
    if not isinstance(engine, SentenceEngine):
        return [""] * len(terms), f"{engine.name} translates whole blocks, not single terms"
    if not terms:
        return [], ""
    if cache is None:
        return engine.translate_sentences(list(terms)), ""
    from reader.translation import translate_sentences_cached

    return translate_sentences_cached(engine, terms, cache), ""


def build(
    article: Article,
    candidates: Sequence[Candidate] = (),
    engine=None,
    cache=None,
    english: Mapping[int, str] | None = None,
) -> Glossary:
    """The glossary of ``article``; ``english`` maps block index to its English text, where known."""
    curated = curated_entries(article)
    extracted = merge(curated, candidates)
    english_terms, note = english_for([c.text for c in extracted], engine, cache)
    label = f" ({engine.name})" if engine is not None and not note else ""
    entries = list(curated)
    for cand, en in zip(extracted, english_terms, strict=True):
        aliases = tuple(f for f in cand.forms if f != cand.text)
        entries.append(
            Entry(
                cand.text,
                en,
                cand.kind,
                f"Found in the text by extraction{label}.",
                aliases,
                (),
                "extracted",
                note if not en else "",
            )
        )
    glossary = Glossary(article.source, entries)
    glossary.occurrences = find(entries, [(b.index, b.text) for b in article.blocks])
    glossary.entries = sorted(
        (e for e in entries if e.origin == "curated" or glossary.count(e) > 0),
        key=lambda e: (
            KINDS.index(e.kind),
            e.origin != "curated",
            -glossary.count(e),
            e.fr.casefold(),
        ),
    )
    if english:
        english_occurrences(glossary, english)
    return glossary


def english_occurrences(glossary: Glossary, english: Mapping[int, str]) -> None:
    """Adds (or refreshes) English occurrences for the given blocks."""
    found = english_find(glossary.entries, english.items())
    for key, occurrences in found.items():
        kept = [o for o in glossary.en_occurrences.get(key, []) if o.block not in english]
        glossary.en_occurrences[key] = sorted(kept + occurrences, key=lambda o: (o.block, o.start))
