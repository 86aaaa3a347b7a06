"""The reading screen's glossary: the glossary built from the session's one
``GlossaryStack`` (in its ``ReadingContext``), and what the panel says while it builds.

A plain controller beside the screen, like ``Translator``: the screen runs ``build`` as a
worker and handles the ``GlossaryReady``/``GlossaryFailed`` it posts. The stack is the one
enforcement and lookups read too, so a term the reader adds reaches all three.
Curated entries come at once; extracted ones (spaCy, then the engine's English for
them) once the translation is done, since spaCy on the same two cores would slow it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.message import Message

from reader.app.background import in_daemon
from reader.app.messages import GlossaryFailed, GlossaryReady
from reader.app.translator import Translator
from reader.app.work import with_english
from reader.errors import ReaderError

if TYPE_CHECKING:
    from glossary.extract import Candidate
    from glossary.model import Glossary
    from reader.app.context import ReadingContext


class GlossaryWork:
    """The stack, the glossary shown, and whether it is complete."""

    def __init__(
        self,
        context: ReadingContext,
        translator: Translator,
        post: Callable[[Message], object],
    ) -> None:
        self.context = context
        self.article = context.article
        self.analysis = context.analysis
        """The article's one spaCy pass (shared with the word statuses)."""
        self.options = context.options
        self.translator = translator
        self._post = post
        self.glossary: Glossary | None = None
        """The glossary shown (set by the screen when a ``GlossaryReady`` arrives)."""
        self.final = False
        self.problem: str | None = None
        """Why part of the glossary is missing (a malformed curated file), for the panel."""
        self._candidates: list[Candidate] | None = None

    async def build(self) -> None:
        """Stack entries at once; extracted ones (spaCy, then the engine's English) after."""
        from reader.translate import glossary_build as build

        article, stack = self.article, self.context.stack
        try:
            entries = await in_daemon(stack.entries, "reader-glossary")
            self.problem = stack.problem
            curated = await in_daemon(
                lambda: build.build(article, stack=entries), "reader-glossary"
            )
            self._post(GlossaryReady(curated, final=not self.options.extract))
            if not self.options.extract:
                return
            await self.translator.complete.wait()
            if self._candidates is None:
                self._candidates = await self._extract()
            candidates, session = self._candidates, self.translator.session
            glossary = await in_daemon(
                lambda: with_english(article, candidates, session, entries), "reader-glossary"
            )
            self._post(GlossaryReady(glossary, final=True))
        except ReaderError as exc:
            self._post(GlossaryFailed(str(exc)))

    async def _extract(self) -> list[Candidate]:
        from glossary.extract import extract

        blocks, analysis = self.article.blocks, self.analysis
        # The shared pass: a pass the word statuses started is waited for, not run again.
        return await in_daemon(lambda: extract(blocks, tokens=analysis.tokens()), "reader-extract")

    def note(self, translated: int, total: int) -> str | None:
        """What the panel says about the glossary still being built (None: it is complete)."""
        note: str | None = None
        if self.glossary is None:
            note = "Building the glossary…"
        elif not self.final and self.options.extract:
            waiting = (
                f"waiting for the translation ({100 * translated // max(1, total)}%)"
                if not self.translator.complete.is_set()
                else "finding terms in the text…"
            )
            note = f"{len(self.glossary.entries)} entries so far; extracted terms: {waiting}"
        if self.problem:
            note = self.problem + (f"\n{note}" if note else "")
        return note
