"""The glossary stack: the user's glossary, the article's, then the general one.

``load_stack(article)`` is the one place that decides which glossary entries apply
to an article. The glossary build, term enforcement and the app all use it, so they
agree on what « OTAN » means. Higher layers win: a lower entry is dropped when it
shares a French form with an entry already taken (up to case, accents, elision
and plural), so one French term never counts twice.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from glossary import user
from glossary.curated import glossary_path, load_curated
from glossary.general import load_general
from glossary.match import key_of
from glossary.model import Entry
from reader.article import Article

Notify = Callable[[str], None]

PRIORITY = ("user", "curated", "general")
"""Origins of the stack's layers, highest first."""


def article_entries(article: Article) -> list[Entry]:
    """The article's own glossary (``NAME.glossary.toml``), or nothing when it has none."""
    path = glossary_path(article.path)
    return load_curated(path) if path is not None and path.is_file() else []


def load_stack(article: Article, notify: Notify | None = None) -> list[Entry]:
    """User, article and general entries for ``article``, deduplicated, highest priority first.

    A malformed article glossary raises GlossaryError; a damaged user glossary is set
    aside and reported through ``notify`` (the other layers still apply).
    """
    return stack(user.load(notify=notify), article_entries(article), load_general())


def stack(*layers: Sequence[Entry]) -> list[Entry]:
    """Entries of ``layers`` (highest first) without those a higher entry already covers."""
    taken: set[str] = set()
    kept: list[Entry] = []
    for layer in layers:
        # Within one layer nothing is dropped: its own loader already refused duplicates.
        layer_keys: set[str] = set()
        for entry in layer:
            keys = {key_of(form) for form in entry.forms}
            if keys & taken:
                continue
            layer_keys |= keys
            kept.append(entry)
        taken |= layer_keys
    return kept
