"""Glossary entries under the cursor, from the reading session's glossary stack, and the
one way a lookup writes to a glossary: ``add_user_term`` (``a`` in the lookup panel)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from glossary import user
from glossary.match import HEAD, find, fold, heads
from glossary.model import Entry, Occurrence
from reader.lookup.result import SOURCE_NAMES, GlossaryHit

__all__ = ["SOURCE_NAMES", "GlossaryHit", "add_user_term", "hits_at"]

_WORD = re.compile(r"\w+")


def hits_at(entries: Sequence[Entry], sentence: str, start: int, end: int) -> list[GlossaryHit]:
    """Entries occurring over ``sentence[start:end]``: the longest span first, then by priority."""
    if not entries or not sentence:
        return []
    # Only entries whose head starts a word here: ``find`` sets up every entry it is given,
    # which for one sentence costs more than the search (milliseconds for the stack).
    starts = {w[:n] for w in _WORD.findall(fold(sentence)) for n in range(1, min(len(w), HEAD) + 1)}
    found = find([e for e in entries if heads(e.forms) & starts], [(0, sentence)])
    rank = {e.key: i for i, e in enumerate(entries)}
    hits = [
        GlossaryHit(entry, o.start, o.end)
        for entry in entries
        for o in found.get(entry.key, ())
        if _covers(o, start, end)
    ]
    return sorted(hits, key=lambda h: (-(h.end - h.start), rank[h.entry.key]))


def _covers(occurrence: Occurrence, start: int, end: int) -> bool:
    return occurrence.start < end and start < occurrence.end


def add_user_term(fr: str, en: str, kind: str = "other", definition: str = "") -> Entry:
    """Adds ``fr`` → ``en`` to the user's glossary; raises GlossaryError on bad input."""
    return user.add(fr, en, kind=kind, definition=definition)
