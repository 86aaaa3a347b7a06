"""What one reading screen reads with: a plain per-text context, built before the screen
(``LibraryFlow.reading_screen``) and handed to the screen's controllers and widgets.

It holds the article, the reading options, the text's link to the library, the reading
session's one spaCy pass (``SharedAnalysis``), its one glossary stack (enforcement, the
glossary panel and lookups all read it, so a term the reader adds reaches the three at
once) and the ``TranslationSession`` once ``Translator`` has opened it. Nothing in it
knows a screen or a widget.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from reader.app.analysis import SharedAnalysis
from reader.app.messages import Notice
from reader.app.options import ReadingOptions
from reader.article import Article

if TYPE_CHECKING:
    from textual.app import App

    from glossary.sources import GlossaryStack
    from reader.app.text_link import TextLink
    from reader.learning.store import LearningStore
    from reader.library.reading import ReadingPositions
    from reader.session import TranslationSession


def glossary_notices(app: App[None]) -> Callable[[str], None]:
    """What the glossary stack says (a malformed curated file), as a ``Notice`` to ``app``
    (which shows it; safe from a worker's thread)."""

    def notice(text: str) -> None:
        app.post_message(Notice(text, "Glossary"))

    return notice


class ReadingContext:
    """One text's reading state shared by the parts of its reading screen."""

    def __init__(
        self,
        article: Article,
        options: ReadingOptions | None = None,
        *,
        link: TextLink | None = None,
        notify: Callable[[str], None] | None = None,
        positions: ReadingPositions | None = None,
        learning: LearningStore | None = None,
    ) -> None:
        self.article = article
        self.options = options or ReadingOptions()
        self.link = link
        """The text in the library (None: it is not, or there is no library)."""
        self.positions = positions
        """Where the reader is in each text (None: positions are not kept)."""
        self.learning = learning
        """The word statuses, opened once by the app (None: the data folder is unusable)."""
        self.analysis = SharedAnalysis(article)
        """One spaCy pass for the glossary and the word statuses."""
        self.session: TranslationSession | None = None
        """The reading session's translation, set by ``Translator`` once open."""
        self._notify = notify
        self._stack: GlossaryStack | None = None
        self._lock = threading.Lock()

    @property
    def stack(self) -> GlossaryStack:
        """The reading session's glossary stack, made on first use (from a worker: nothing
        is imported or read before the first screen is up)."""
        with self._lock:
            if self._stack is None:
                from glossary.sources import GlossaryStack

                self._stack = GlossaryStack(self.article, self._notify)
            return self._stack
