"""The ``none`` engine: French only, no English."""

from __future__ import annotations

from collections.abc import Sequence

from reader.article import Block
from reader.engines.base import Engine


class NoneEngine(Engine):
    name = "none"
    gives_english = False

    @property
    def version(self) -> str:
        return ""

    def translate_blocks(self, blocks: Sequence[Block]) -> list[tuple[str, ...]]:
        return [tuple("" for _ in b.sentences) for b in blocks]
