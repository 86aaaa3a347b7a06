"""The background work of the reading screen, as plain functions run in daemon threads.

They know nothing of Textual: results go back through the callbacks they are given,
which post ``reader.app.messages`` to the screen.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from reader.app.schedule import Schedule
from reader.article import Article

if TYPE_CHECKING:
    from glossary.extract import Candidate
    from glossary.model import Entry, Glossary
    from reader.engines.base import Engine
    from reader.session import TranslationSession
    from reader.translation import BlockTranslation


def translate_run(
    session: TranslationSession,
    article: Article,
    schedule: Schedule,
    stop: threading.Event,
    arrived: Callable[[list[BlockTranslation]], object],
    engine_changed: Callable[[], object] = lambda: None,
) -> bool:
    """Translates chunk after chunk until every block is done (True) or ``stop`` is set.

    Runs in a background thread; ``arrived`` posts each chunk to the screen. The first
    chunk after a jump (the blocks on screen) goes through the engine's draft variant
    where it has one (Argos: greedy search, about half the time of beam 4 on a
    real-size model); once every block has English, those blocks are translated again
    at full quality and replaced.
    """
    blocks = article.blocks
    engine = session.engine
    drafted: list[int] = []
    while not stop.is_set():
        indices = schedule.take()
        if not indices:
            if drafted:  # the drafts, at full quality now
                arrived(session.translate([blocks[i] for i in drafted]))
            return True
        chosen = [blocks[i] for i in indices]
        draft = schedule.last_was_first and _drafts(session.engine)
        started = time.perf_counter()
        try:
            chunk = session.translate(chosen, draft=draft)
        except BaseException:
            schedule.put_back(indices)
            raise
        if draft:
            drafted.extend(indices)
        schedule.took(time.perf_counter() - started, sum(len(b.sentences) for b in chosen))
        if stop.is_set():
            return False  # replaced by a newer run: its English would be stale
        if session.engine is not engine:  # auto fell back to the next engine
            engine = session.engine
            engine_changed()
        arrived(chunk)
    return False


def _drafts(engine: Engine) -> bool:
    from reader.engines.base import SentenceEngine

    return isinstance(engine, SentenceEngine) and engine.drafts


def with_english(
    article: Article,
    candidates: list[Candidate],
    session: TranslationSession | None,
    stack: Sequence[Entry],
) -> Glossary:
    """The full glossary over ``stack``, its extracted terms translated through the
    session's engine (where it gives English)."""
    from reader.translate import glossary_build as build

    if session is None:
        return build.build(article, candidates, stack=stack)
    with session.hold():
        engine = session.engine
        if not engine.gives_english:
            return build.build(article, candidates, stack=stack)
        return build.build(article, candidates, engine, session.cache, stack=stack)
