"""The reading session's one spaCy pass over its article, shared by the glossary's term
extraction and the word statuses, so a text is analysed once.

Whichever asks first runs ``reader.nlp.cache.analysis_of`` (the data folder's cache,
else spaCy) in its daemon thread; a second asker waits for that pass instead of starting
its own. A complete pass is kept for the session; ``stop`` (closing the session) cuts a
pass short, and the part done is returned but not kept.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from reader.article import Article

if TYPE_CHECKING:
    from reader.nlp.analysis import Token


class SharedAnalysis:
    """The article's tokens, computed once for every part of the reading screen."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.stop = threading.Event()
        """Set when the session closes: a pass under way stops between blocks."""
        self._lock = threading.Lock()
        self._tokens: list[list[Token]] | None = None

    def cached(self) -> list[list[Token]] | None:
        """The pass, if this session or the data folder's cache has it already (no spaCy)."""
        if self._tokens is None:
            from reader.nlp.cache import AnalysisCache

            found = AnalysisCache().get(self.article)
            if found is not None:
                with self._lock:
                    self._tokens = self._tokens or found
        return self._tokens

    def tokens(self) -> list[list[Token]]:
        """Every block's tokens (blocking: call it from a daemon thread). Raises
        ``AnalysisError`` when spaCy's model is missing."""
        with self._lock:
            if self._tokens is not None:
                return self._tokens
            from reader.nlp.cache import analysis_of

            tokens = analysis_of(self.article, should_stop=self.stop.is_set)
            if self.complete(tokens):
                self._tokens = tokens
            return tokens

    def complete(self, tokens: list[list[Token]]) -> bool:
        """Whether ``tokens`` cover every block (a stopped pass does not)."""
        return len(tokens) == len(self.article.blocks)
