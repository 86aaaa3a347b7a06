"""Translating an article's blocks through an engine and the cache.

Sentence engines get one batched call per chunk of blocks for the sentences the
cache does not hold; a fully cached chunk never touches the engine (so a second
run never loads the model).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from reader.article import Block
from reader.cache import Cache
from reader.engines.base import Engine, SentenceEngine


@dataclass(frozen=True)
class BlockTranslation:
    """The English of one block, sentence for sentence, with the engine that produced it."""

    index: int
    sentences: tuple[str, ...]
    engine: str
    version: str

    @property
    def text(self) -> str:
        return " ".join(s for s in self.sentences if s)

    @property
    def spans(self) -> tuple[tuple[int, int], ...]:
        """Where each sentence lies in ``text`` (empty sentences get an empty span)."""
        spans, pos, joined = [], 0, False
        for sentence in self.sentences:
            if joined and sentence:
                pos += 1
            spans.append((pos, pos + len(sentence)))
            if sentence:
                pos, joined = pos + len(sentence), True
        return tuple(spans)

    @property
    def label(self) -> str:
        return f"{self.engine} {self.version}".strip()


def translate_blocks(
    engine: Engine, blocks: Sequence[Block], cache: Cache | None = None
) -> list[BlockTranslation]:
    """English for ``blocks``; at most one engine call for all of them."""
    if cache is not None and isinstance(engine, SentenceEngine):
        english = _through_cache(engine, blocks, cache)
    else:
        english = engine.translate_blocks(blocks)
    version = engine.version
    return [
        BlockTranslation(b.index, tuple(e), engine.name, version)
        for b, e in zip(blocks, english, strict=True)
    ]


def translate_in_chunks(
    engine: Engine, blocks: Sequence[Block], cache: Cache | None = None, chunk_sentences: int = 64
) -> Iterator[list[BlockTranslation]]:
    """Yields translations chunk by chunk in the given block order (the app puts visible blocks first)."""
    chunk: list[Block] = []
    size = 0
    for block in blocks:
        chunk.append(block)
        size += len(block.sentences)
        if size >= chunk_sentences:
            yield translate_blocks(engine, chunk, cache)
            chunk, size = [], 0
    if chunk:
        yield translate_blocks(engine, chunk, cache)


def translate_sentences_cached(
    engine: SentenceEngine, sentences: Sequence[str], cache: Cache
) -> list[str]:
    """English for ``sentences``: the cache first, one engine call for all that it lacks."""
    version = engine.version
    known = cache.get_many(engine.name, version, sentences)
    missing = [s for s in dict.fromkeys(sentences) if s not in known]
    if missing:
        fresh = engine.translate_sentences(missing)
        cache.put_many(engine.name, version, zip(missing, fresh, strict=True))
        known.update(zip(missing, fresh, strict=True))
    return [known[s] for s in sentences]


def _through_cache(
    engine: SentenceEngine, blocks: Sequence[Block], cache: Cache
) -> list[tuple[str, ...]]:
    english = iter(
        translate_sentences_cached(engine, [s.text for b in blocks for s in b.sentences], cache)
    )
    return [tuple(next(english) for _ in b.sentences) for b in blocks]
