"""Glossary entries under the cursor, from the user's, the article's and the general glossary.

HOOK (glossary stack): ``load_entries`` asks ``glossary.sources`` for the stack
(user > article > general) where that module exists, and otherwise falls back to the
article's own ``NAME.glossary.toml`` (``glossary.curated``). ``add_user_term`` writes
to the user's glossary through ``glossary.user.add`` where it exists. Both are the
only places this package touches the glossary stack, so its arrival changes nothing
else here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from glossary.match import HEAD, find, fold, heads
from glossary.model import Entry, Occurrence
from reader.article import Article
from reader.errors import ReaderError

Notify = Callable[[str], None]

SOURCE_NAMES = {
    "user": "your glossary",
    "curated": "article glossary",
    "general": "general glossary",
    "extracted": "article glossary (found by spaCy)",
    "machine guess": "machine guess",
}
"""How each glossary origin is named beside its gloss, highest priority first."""
PROPER_KINDS = frozenset({"people", "places", "organisations"})
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class GlossaryHit:
    """A glossary entry found at the cursor, with where it sits in the sentence."""

    entry: Entry
    start: int
    end: int

    @property
    def source(self) -> str:
        return SOURCE_NAMES.get(self.entry.origin, self.entry.origin)

    def to_json(self) -> dict[str, object]:
        e = self.entry
        return {
            "fr": e.fr,
            "en": e.en,
            "kind": e.kind,
            "definition": e.definition,
            "origin": e.origin,
            "source": self.source,
        }


def _article_glossary(article: Article | None) -> list[Entry]:
    from glossary.curated import glossary_path, load_curated

    path = glossary_path(article.path) if article is not None else None
    return load_curated(path) if path is not None and path.is_file() else []


def load_entries(article: Article | None, notify: Notify | None = None) -> list[Entry]:
    """HOOK: the glossary stack for ``article`` (or for no article), highest priority first."""
    try:
        from glossary import sources
    except ImportError:  # until the glossary stack lands: the article's own glossary only
        return _article_glossary(article)
    if article is not None:
        return list(sources.load_stack(article, notify=notify))
    from glossary import general, user

    return list(sources.stack(user.load(notify=notify), [], general.load_general()))


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
    """HOOK: adds ``fr`` → ``en`` to the user's glossary (``a`` in the lookup panel)."""
    try:
        from glossary import user
    except ImportError:
        raise ReaderError("your own glossary is not available in this version") from None
    return user.add(fr, en, kind=kind, definition=definition)
