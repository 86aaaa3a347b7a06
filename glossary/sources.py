"""The glossary stack: the user's glossary, the article's, then the general one.

``load_stack(article)`` is the one place that decides which glossary entries apply
to an article. A reading session holds one ``GlossaryStack`` and gives it to term
enforcement, the glossary build and lookups, so they agree on what « OTAN » means,
and a term the reader adds reaches all three at once. Higher layers win: a lower entry
is dropped when it shares a French form with an entry already taken (up to case,
accents, elision and plural), so one French term never counts twice — all but its
longer forms around the shared one, which stay as a smaller entry (see ``stack``).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import replace

from glossary import user
from glossary.curated import glossary_path, load_curated
from glossary.english import of_longer_form
from glossary.errors import GlossaryError
from glossary.general import load_general
from glossary.match import key_of
from glossary.model import Entry
from reader.article import Article
from reader.notify import Notify

PRIORITY = ("user", "curated", "general")
"""Origins of the stack's layers, highest first."""


def article_entries(article: Article | None) -> list[Entry]:
    """The article's own glossary (``NAME.glossary.toml``), or nothing when it has none."""
    path = glossary_path(article.path) if article is not None else None
    return load_curated(path) if path is not None and path.is_file() else []


def load_stack(article: Article | None, notify: Notify | None = None) -> list[Entry]:
    """User, article and general entries for ``article`` (None: for no article, as
    ``reader lookup`` without one), deduplicated, highest priority first.

    A malformed article glossary raises GlossaryError; a damaged user glossary is set
    aside and reported through ``notify`` (the other layers still apply).
    """
    return stack(user.load(notify=notify), article_entries(article), load_general())


class GlossaryStack:
    """The glossary stack of one reading session, loaded once and shared between threads.

    ``entries()`` loads it on first use; ``refresh()`` (the reader added a term) makes
    the next call read the files again, for every user at once. A malformed article
    glossary hides itself, not the user's and the general glossary: ``problem`` says
    why, and ``notify`` is told once.
    """

    def __init__(
        self,
        article: Article | None,
        notify: Notify | None = None,
        entries: Sequence[Entry] | None = None,
    ) -> None:
        self.article = article
        self.problem: str | None = None
        self._notify = notify
        self._said: set[str] = set()
        self._lock = threading.Lock()
        self._entries = list(entries) if entries is not None else None

    def entries(self) -> list[Entry]:
        with self._lock:
            if self._entries is None:
                self.problem = None
                try:
                    self._entries = load_stack(self.article, self._say)
                except GlossaryError as exc:
                    self.problem = (
                        f"curated glossary unreadable: {exc} (the article's glossary not "
                        "applied; yours and the general one are)"
                    )
                    self._say(self.problem)
                    self._entries = load_stack(None, self._say)
            return self._entries

    def refresh(self) -> None:
        """The files changed (a term was added): the next ``entries()`` reads them again."""
        with self._lock:
            self._entries = None

    def _say(self, text: str) -> None:
        if self._notify is not None and text not in self._said:
            self._said.add(text)
            self._notify(text)


def stack(*layers: Sequence[Entry]) -> list[Entry]:
    """Entries of ``layers`` (highest first) without those a higher entry already covers.

    A lower entry sharing a French form with a higher one goes, except for its longer
    forms around a shared one: they stay as a smaller entry, so the longest French
    match still wins (your « Poutine » does not take « Vladimir Poutine », which keeps
    the article's "Vladimir Putin").
    """
    taken: set[str] = set()
    kept: list[Entry] = []
    for layer in layers:
        # Within one layer nothing is dropped: its own loader already refused duplicates.
        layer_keys: set[str] = set()
        for entry in layer:
            keys = {key_of(form) for form in entry.forms}
            if keys & taken:
                smaller = _longer_forms(entry, keys & taken)
                if smaller is None:
                    continue
                entry, keys = smaller, {key_of(form) for form in smaller.forms}
            layer_keys |= keys
            kept.append(entry)
        taken |= layer_keys
    return kept


def _longer_forms(entry: Entry, shared: set[str]) -> Entry | None:
    """``entry`` cut down to its forms that hold a shared form as whole words, or None."""
    around = [
        f
        for f in entry.forms
        if key_of(f) not in shared and any(f" {k} " in f" {key_of(f)} " for k in shared)
    ]
    if not around:
        return None
    en = of_longer_form(entry, around[0], names_only=True)
    return replace(
        entry,
        fr=around[0],
        aliases=tuple(around[1:]),
        en=en,
        en_aliases=tuple(f for f in entry.en_forms if f != en),
    )
