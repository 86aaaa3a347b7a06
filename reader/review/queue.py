"""The next card and its sentence, for the review screen and ``reader review``.

``Reviewer`` joins the cards (``ReviewStore``), the library (sentences) and the
vocabulary (a saved word's own sentence, where the library has none).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from reader.library.shelf import Library
from reader.review.sentences import Front, choose
from reader.review.store import ReviewCard, ReviewStore
from reader.settings import ReviewSettings


@dataclass(frozen=True)
class Item:
    """A card to review and the sentence it is shown in."""

    card: ReviewCard
    front: Front


class Reviewer:
    """What the review asks next. ``library`` None: no library (saved sentences only)."""

    def __init__(
        self, store: ReviewStore, library: Library | None, settings: ReviewSettings
    ) -> None:
        self.store = store
        self.library = library
        self.settings = settings
        self._saved: dict[str, list[tuple[str, str, str, str]]] | None = None

    def saved_sentences(self, key: str) -> list[tuple[str, str, str, str]]:
        """The sentences ``key`` was saved with: (form, French, English, title)."""
        if self._saved is None:
            from reader.learning.store import normal
            from reader.learning.vocab import FILE_NAME, Vocabulary

            path = self.store.path.parent / FILE_NAME
            entries = Vocabulary(path).entries() if path.exists() else []
            self._saved = {
                normal(e.lemma): [(x.word, x.sentence, x.english, x.title) for x in e.examples]
                for e in entries
            }
        return self._saved.get(key, [])

    def front(self, card: ReviewCard, *, record: bool = True, now: datetime | None = None) -> Front:
        """The sentence to show ``card`` in (another one than last time where the library
        has several); ``record``: remember it was shown."""
        shown = self.store.shown(card.id) if self.library is not None else {}
        front = choose(self.library, card.key, shown, self.saved_sentences(card.key))
        if record and front.place is not None:
            self.store.record_shown(card.id, front.place, now)
        return front

    def next(self, now: datetime | None = None, *, record: bool = True) -> Item | None:
        """The first card due now with its sentence, or None when nothing is due."""
        due = self.store.queue(self.settings.new_per_day, now, limit=1)
        if not due:
            return None
        return Item(due[0], self.front(due[0], record=record, now=now))
