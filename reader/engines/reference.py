"""The ``reference`` engine: a human translation shipped beside the article.

``NAME.fr.txt`` (or ``NAME.txt``, ``.md``, ``.html``) pairs with ``NAME.en.txt``,
written block for block. Sentences are aligned one to one where the counts
match; otherwise the block's English goes with its first sentence.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

from reader import article as article_model
from reader.article import Article, Block, companion_path
from reader.engines.base import Engine
from reader.errors import EngineError, InputError


def reference_path(article_path: Path | None) -> Path | None:
    """Where the reference translation of an article would be, or None for stdin."""
    return companion_path(article_path, ".en.txt")


def available(article: Article) -> bool:
    path = reference_path(article.path)
    return path is not None and path.is_file()


class ReferenceEngine(Engine):
    name = "reference"

    def __init__(self, article: Article) -> None:
        path = reference_path(article.path)
        if path is None or not path.is_file():
            raise EngineError(f"no reference translation for {article.source} (expected {path})")
        try:
            english = article_model.load(path)
        except InputError as exc:
            raise EngineError(f"reference translation unusable: {exc}") from exc
        if len(english.blocks) != len(article.blocks):
            raise EngineError(
                f"{path}: has {len(english.blocks)} blocks but the article has "
                f"{len(article.blocks)}; it must follow the article block for block"
            )
        self._blocks = english.blocks
        self._version = "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()[:12]

    @property
    def version(self) -> str:
        return self._version

    def translate_blocks(self, blocks: Sequence[Block]) -> list[tuple[str, ...]]:
        return [align(b, self._blocks[b.index]) for b in blocks]


def align(french: Block, english: Block) -> tuple[str, ...]:
    ens = [s.text for s in english.sentences]
    count = len(french.sentences)
    if len(ens) == count:
        return tuple(ens)
    return (english.text,) + ("",) * (count - 1)
