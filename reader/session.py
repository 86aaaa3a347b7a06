"""A translation session: the one owner of an engine and the cache for a piece of work.

The CLI's ``translate`` and ``glossary`` and the app's workers all translate
through a session, a context manager:

    with TranslationSession(article, "auto") as session:
        english = session.translate(article.blocks)

It picks the engine (``auto`` included), falls back to the next available one,
with a notice, when the chosen one fails to load or run, works without a cache
(one notice) when the data folder is read-only or unusable, and closes the
engine exactly once, after its last user (``hold()``) is done.

Machine English is checked against the glossary stack (``glossary.sources``): terms
are marked per sentence, and with ``enforce`` (the default) missing ones are put in
(``reader.translate.enforce``). ``enforce=False`` gives the raw English, terms still marked.
The app gives the session its reading session's ``GlossaryStack``, so a term the
reader adds is enforced from the next translation on.

Last, the reader's own English (``reader.corrections``) takes the place of the engine's
for every sentence that has one, whatever the engine (``none`` included), after
enforcement, so nothing rewrites it: every path to English (the app, ``reader translate``,
``reader eval``, the lookup's sentence) goes through ``translate`` here.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from glossary.sources import GlossaryStack
from reader.article import Article, Block
from reader.cache import Cache, CacheUnavailable
from reader.corrections.store import Corrections, CorrectionsError
from reader.engines import select
from reader.engines.base import Engine, SentenceEngine
from reader.errors import EngineError
from reader.notify import Notify
from reader.translation import BlockTranslation, translate_blocks, with_yours

if TYPE_CHECKING:
    from glossary.model import Entry


@dataclass(frozen=True)
class EngineState:
    """What the session runs now, for display: name, label, why it was chosen, and
    whether it gives English at all (``none`` does not)."""

    name: str
    label: str
    reason: str
    gives_english: bool = True


class TranslationSession:
    """Owns the engine and the cache; thread-safe for the app's two workers."""

    def __init__(
        self,
        article: Article,
        engine: str = "auto",
        *,
        use_cache: bool = True,
        notify: Notify | None = None,
        enforce: bool = True,
        entries: Sequence[Entry] | GlossaryStack | None = None,
    ) -> None:
        self.article = article
        self.notices: list[str] = []
        self._notify = notify
        self._lock = threading.RLock()
        self._users = 0
        self._closing = False
        self._closed = False
        self._retired: list[Engine] = []
        self.cache = self._open_cache() if use_cache else None
        self._engine, self.reason = self._choose(engine)
        self._auto = engine == "auto"
        self.enforce = enforce
        """Whether machine English gets the glossary's terms put in (``--no-enforce``: False)."""
        self.nlp_policy: Literal["wait", "if_ready", "off"] = "if_ready"
        """Whether enforcement waits for spaCy ("wait"), uses it once loaded ("if_ready":
        a first screenful is never held up), or not at all ("off"): ``reader.translate.enforce.nlp``."""
        self.glossary = (
            entries
            if isinstance(entries, GlossaryStack)
            else GlossaryStack(article, lambda text: self._say(f"notice: {text}"), entries)
        )
        """The glossary stack checked in the English (the app's own, shared with its glossary)."""
        self.yours = True
        """Whether the reader's own English stands in for the engine's (``reader eval
        --corrections`` turns it off to score the engines against it)."""
        self._corrections = self._open_corrections()

    # -- set-up --------------------------------------------------------------

    def _say(self, message: str) -> None:
        self.notices.append(message)
        if self._notify is not None:
            self._notify(message)

    def _open_cache(self) -> Cache | None:
        try:
            # A cache that stops saving mid-way (a full disk) says so once, through the session.
            cache = Cache(notify=lambda text: self._say(f"notice: {text}"))
        except CacheUnavailable as exc:
            self._say(f"notice: translating without a cache: {exc}")
            return None
        if cache.notice:
            self._say(f"notice: {cache.notice}")
        return cache

    def _open_corrections(self) -> Corrections | None:
        try:
            return Corrections()
        except CorrectionsError:
            # Only when the data folder itself is unusable: it holds no corrections then,
            # and the cache has said so already. A file that cannot be read says so below.
            return None

    def _choose(self, name: str, skip: Sequence[str] = ()) -> tuple[Engine, str]:
        selection = select.select(name, self.article, skip=skip)
        return selection.engine, selection.reason

    # -- what it runs ----------------------------------------------------------

    @property
    def engine(self) -> Engine:
        return self._engine

    @property
    def state(self) -> EngineState:
        engine = self._engine
        return EngineState(engine.name, engine.label, self.reason, engine.gives_english)

    def switch(self, name: str) -> EngineState:
        """Uses engine ``name`` from now on; on failure raises EngineError and keeps the current one."""
        with self._lock:
            engine, reason = self._choose(name)
            self._retire(self._engine)
            self._engine, self.reason, self._auto = engine, reason, name == "auto"
            return self.state

    def _retire(self, engine: Engine) -> None:
        # Another worker may still be inside this engine: close it with the session.
        self._retired.append(engine)

    def _fall_back(self, failed: Engine, exc: EngineError) -> bool:
        """In ``auto``, replaces a failing engine by the next available one."""
        with self._lock:
            if not self._auto or failed is not self._engine or not failed.gives_english:
                return failed is not self._engine  # someone else already replaced it
            skip = select.tried_before(failed.name)
            engine, reason = self._choose("auto", skip=skip)
            self._retire(failed)
            self._engine, self.reason = engine, f"{reason}; {failed.name} failed: {exc}"
            self._say(f"{failed.name} failed ({exc}); using {engine.name} instead")
            return True

    # -- translating -----------------------------------------------------------

    def translate(self, blocks: Sequence[Block], *, draft: bool = False) -> list[BlockTranslation]:
        """English for ``blocks`` through the cache; falls back (auto) when the engine fails.

        ``draft``: for the first screenful, the engine's faster variant (Argos: greedy
        search) unless the full-quality English is already cached.
        """
        while True:
            engine = self._engine
            try:
                with self.hold():
                    used = self._drafting(engine, blocks) if draft else engine
                    english = self._glossary_pass(
                        used, blocks, translate_blocks(used, blocks, self.cache)
                    )
                    return self._your_english(blocks, english)
            except EngineError as exc:
                if not self._fall_back(engine, exc):
                    raise

    def _your_english(
        self, blocks: Sequence[Block], english: list[BlockTranslation]
    ) -> list[BlockTranslation]:
        """The reader's own English in place of the engine's, where they gave one: one
        indexed query for all the sentences of ``blocks``."""
        corrections = self._corrections
        if corrections is None or not self.yours:
            return english
        try:
            found = corrections.english_for([s.text for b in blocks for s in b.sentences])
        except CorrectionsError as exc:
            self._corrections = None
            self._say(f"notice: translating without your English: {exc}")
            return english
        return with_yours(blocks, english, found)

    def _drafting(self, engine: Engine, blocks: Sequence[Block]) -> Engine:
        draft = engine.draft() if isinstance(engine, SentenceEngine) else None
        if draft is None:
            return engine
        if self.cache is not None:
            sentences = [s.text for b in blocks for s in b.sentences]
            known = self.cache.get_many(engine.name, engine.version, sentences)
            if len(known) == len(set(sentences)):
                return engine
        return draft

    def entries(self) -> list[Entry]:
        """The glossary entries checked in the English (loaded once, shared; see ``glossary``)."""
        return self.glossary.entries()

    def _glossary_pass(
        self, engine: Engine, blocks: Sequence[Block], english: list[BlockTranslation]
    ) -> list[BlockTranslation]:
        from reader.translate import enforce

        if not enforce.enforceable(engine):
            return english
        return enforce.apply(
            engine,
            blocks,
            english,
            self.entries(),
            self.cache,
            mark_only=not self.enforce,
            nlp_policy=self.nlp_policy,
        )

    # -- lifetime --------------------------------------------------------------

    @contextmanager
    def hold(self) -> Iterator[TranslationSession]:
        """Marks a user of the engine; the engine is closed only after the last one."""
        with self._lock:
            if self._closed:
                raise EngineError("translation session already closed")
            self._users += 1
        try:
            yield self
        finally:
            with self._lock:
                self._users -= 1
                last = self._users == 0 and self._closing
            if last:
                self._finish()

    def close(self) -> None:
        """Closes the engine(s) and the cache now, or after the last ``hold()`` ends."""
        with self._lock:
            if self._closing:
                return
            self._closing = True
            busy = self._users > 0
        if not busy:
            self._finish()

    def _finish(self) -> None:
        with self._lock:
            if self._closed:
                return
            self._closed = True
            engines = [*self._retired, self._engine]
        for engine in dict.fromkeys(engines):
            engine.close()
        if self.cache is not None:
            self.cache.close()

    def __enter__(self) -> TranslationSession:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
