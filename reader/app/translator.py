"""The reading screen's translation: one session, runs over a schedule, engine switches,
and English revised after the glossary changed.

A plain controller beside the screen (as frogmouth keeps ``History`` beside its viewer):
the screen starts these coroutines as workers and handles the typed messages they post
(``reader.app.messages``); nothing here touches a widget. The blocking work runs in
daemon threads (``in_daemon``), so quitting never waits for an engine.
"""

from __future__ import annotations

import asyncio
import dataclasses
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from textual.message import Message

from reader.app.background import in_daemon
from reader.app.messages import (
    EngineChanged,
    EngineSwitchFailed,
    EnglishArrived,
    EnglishRevised,
    Notice,
    TranslationDone,
    TranslationFailed,
)
from reader.app.schedule import Schedule
from reader.app.work import translate_run
from reader.errors import ReaderError

if TYPE_CHECKING:
    from glossary.model import Entry
    from reader.app.context import ReadingContext
    from reader.session import TranslationSession
    from reader.translation import BlockTranslation


class Translator:
    """Owns the reading session's ``TranslationSession`` and the current run's schedule."""

    def __init__(self, context: ReadingContext, post: Callable[[Message], object]) -> None:
        self.context = context
        self.article = context.article
        self.options = context.options
        """The options this session opens with (a switch before it is open changes them)."""
        self._post = post
        self.available: dict[str, bool] = {}
        """Which engines can run here, for the palette (empty until ``survey``)."""
        self.generation = 0
        """Numbers the runs: English from a run that was replaced is dropped."""
        self.schedule = Schedule(self._sentences())
        self.complete = asyncio.Event()
        """Set when the current run has given every block its English (or failed)."""

    @property
    def session(self) -> TranslationSession | None:
        """The reading session's ``TranslationSession`` (in the context), None until open."""
        return self.context.session

    def _sentences(self) -> list[int]:
        return [len(b.sentences) for b in self.article.blocks]

    def restart(self) -> tuple[int, Schedule]:
        """A new run over every block: its generation and schedule."""
        self.generation += 1
        self.schedule = Schedule(self._sentences())
        self.complete = asyncio.Event()
        return self.generation, self.schedule

    async def run(self, generation: int, schedule: Schedule) -> None:
        """Opens the session the first time, then translates chunk after chunk."""
        stop = threading.Event()
        try:
            session = self.context.session
            if session is None:
                session = self.context.session = await in_daemon(self._open, "reader-engine")
                self._announce(self.options.engine == "auto")

            def arrived(chunk: list[BlockTranslation]) -> None:
                self._post(EnglishArrived(chunk, generation))

            def fell_back() -> None:
                self._post(EngineChanged(session.state))

            done = await in_daemon(
                lambda: translate_run(session, self.article, schedule, stop, arrived, fell_back),
                "reader-translate",
            )
            if done:
                self._post(TranslationDone(generation))
        except ReaderError as exc:
            self._post(TranslationFailed(str(exc), generation))
        finally:
            stop.set()  # a replaced run's thread stops after its chunk

    def _open(self) -> TranslationSession:
        from reader.session import TranslationSession

        def notice(text: str) -> None:
            self._post(Notice(text))

        options = self.options
        return TranslationSession(
            self.article,
            options.engine,
            notify=notice,
            enforce=options.enforce,
            entries=self.context.stack,
        )

    def _announce(self, announce: bool) -> None:
        assert self.session is not None
        state = self.session.state
        self._post(EngineChanged(state))
        if announce:
            self._post(Notice(state.reason, "Translation engine"))

    async def survey(self) -> None:
        """Finds which engines can run here (after the English: it imports Argos)."""
        from reader.engines import select

        article = self.article
        self.available = await in_daemon(
            lambda: {name: select.available(name, article) for name in select.ENGINES},
            "reader-engines",
        )

    async def switch(self, name: str) -> bool:
        """Uses engine ``name`` from now on; True when it does (start a new run then). A failed
        switch keeps the engine and the English shown, and says so."""
        session = self.session
        if session is None:  # not open yet: the next run opens it with this engine
            self.options = dataclasses.replace(self.options, engine=name)
            return True
        try:
            await in_daemon(lambda: session.switch(name), "reader-switch")
        except ReaderError as exc:
            self._post(EngineSwitchFailed(name, str(exc)))
            return False
        self._announce(False)
        return True

    async def revise(self, entry: Entry, shown: Sequence[int]) -> None:
        """Enforces again the English shown of the blocks holding ``entry`` (a term the reader
        just added); the blocks still to come get it anyway, from the shared stack."""
        from glossary.match import find

        session, generation = self.session, self.generation
        if session is None:
            return
        blocks = [self.article.blocks[i] for i in sorted(shown)]

        def again() -> list[BlockTranslation]:
            found = find([entry], [(b.index, b.text) for b in blocks]).get(entry.key, [])
            holding = sorted({o.block for o in found})
            return session.translate([self.article.blocks[i] for i in holding]) if holding else []

        try:
            chunk = await in_daemon(again, "reader-revise")
        except ReaderError as exc:
            self._post(Notice(f"the English shown keeps the old terms: {exc}", "Your glossary"))
            return
        if chunk:
            self._post(EnglishRevised(chunk, generation))

    def english_in_cache(self, sentences: list[str]) -> dict[str, str]:
        """The English the session's engine left in the cache for ``sentences`` (none
        before the session is open, or with no cache or no English), and the reader's own
        English (``reader.corrections``) ahead of it."""
        from reader.corrections.store import yours_for
        from reader.engines import marked

        if not sentences:
            return {}
        session = self.session
        found: dict[str, str] = {}
        engine = session.engine if session is not None else None
        if session is not None and session.cache is not None and engine and engine.gives_english:
            cached = session.cache.get_many(engine.name, engine.cache_version, sentences)
            found = {fr: marked.strip(en) for fr, en in cached.items()}
        found.update(yours_for(sentences))
        return found

    def close(self) -> None:
        if self.session is not None:
            self.session.close()  # after the last user, if a worker still holds it
