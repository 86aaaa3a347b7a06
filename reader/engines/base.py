"""The engine interface. Every English text it returns is labelled with the engine's
name and model version, so no engine's text passes for another's."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from typing import ClassVar

from reader.article import Block


class Engine(ABC):
    """Translates blocks of an article into English, sentence for sentence.

    What an engine can do is declared here, not probed: ``gives_english``,
    ``cache_version``, and on ``SentenceEngine`` ``drafts``/``draft()`` and
    ``translate_marked``.
    """

    name: ClassVar[str]
    gives_english: ClassVar[bool] = True
    """False for ``none``: French only, so no English to show, enforce or guess from."""

    @property
    @abstractmethod
    def version(self) -> str:
        """The model or data version; part of every cache key. Must be cheap (no model load)."""

    @property
    def cache_version(self) -> str:
        """The version that keys this engine's cache entries: ``version``, plus a revision
        where the form of what is cached changed without the model changing."""
        return self.version

    @property
    def label(self) -> str:
        return f"{self.name} {self.version}".strip()

    @abstractmethod
    def translate_blocks(self, blocks: Sequence[Block]) -> list[tuple[str, ...]]:
        """English for each block: one string per French sentence, aligned."""

    def close(self) -> None:
        """Releases what the engine holds (models, processes)."""


class SentenceEngine(Engine):
    """An engine that translates independent sentences; the whole batch goes in one call."""

    drafts: ClassVar[bool] = False
    """Whether ``draft()`` gives a faster variant (the app then uses it for the first screenful)."""

    @abstractmethod
    def translate_sentences(self, sentences: Sequence[str]) -> list[str]:
        """Translates ``sentences`` in as few underlying calls as possible."""

    def translate_marked(self, sentences: Sequence[str]) -> list[str]:
        """Marked English (``reader.engines.marked``): unknown words wrapped, for engines
        that know them (Apertium). Plain English is valid marked text, so by default this
        is ``translate_sentences``."""
        return self.translate_sentences(sentences)

    def draft(self) -> SentenceEngine | None:
        """A faster, rougher variant for the first screenful (its own version, so its
        English is cached and labelled apart), or None when the engine has none."""
        return None

    def translate_blocks(self, blocks: Sequence[Block]) -> list[tuple[str, ...]]:
        flat = [s.text for b in blocks for s in b.sentences]
        english = iter(self.translate_sentences(flat) if flat else [])
        return [tuple(next(english) for _ in b.sentences) for b in blocks]
