"""Translating an article's blocks through an engine and the cache.

Sentence engines get one batched call per chunk of blocks for the sentences the
cache does not hold; a fully cached chunk never touches the engine (so a second
run never loads the model).

Engines that know which words they did not translate (Apertium) return *marked*
English (``reader.engines.marked``); the cache keeps it marked, under the engine's
``cache_version`` where it has one, and ``BlockTranslation`` carries the spans.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from reader.article import Block
from reader.cache import Cache
from reader.engines import marked
from reader.engines.base import Engine, SentenceEngine

TermStatus = Literal["enforced", "kept", "failed"]
Span = tuple[int, int]


@dataclass(frozen=True)
class TermSpan:
    """A glossary term in one sentence's English.

    ``key`` is the entry's key (``kind:fr``); ``start:end`` are character offsets in
    that sentence's English. ``status``: ``enforced`` (the glossary's English was
    put in by enforcement), ``kept`` (the engine's own English already had it),
    ``failed`` (the English lacks it; ``start`` and ``end`` are then None, since
    there is no English word to point at: show the sentence as unsure).
    """

    key: str
    start: int | None
    end: int | None
    status: TermStatus


@dataclass(frozen=True)
class BlockTranslation:
    """The English of one block, sentence for sentence, with the engine that produced it.

    Per-sentence metadata, aligned with ``sentences`` (empty tuples where not computed,
    e.g. the reference and none engines):

    - ``terms[i]``: the glossary terms of sentence i's French, as ``TermSpan`` s in
      sentence i's English, ordered by position (failed ones last). Render enforced
      and kept terms styled and linked to their entry (by ``key``), failed ones in
      a warning style.
    - ``unknown[i]``: ``(start, end)`` spans of words the engine did not know
      (untranslated French, Spanish leaking through Apertium's pivot), in sentence
      i's English; render them dimmed. Names passed through are not listed.
    """

    index: int
    sentences: tuple[str, ...]
    engine: str
    version: str
    terms: tuple[tuple[TermSpan, ...], ...] = ()
    unknown: tuple[tuple[Span, ...], ...] = ()

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

    def sentence_terms(self, i: int) -> tuple[TermSpan, ...]:
        return self.terms[i] if i < len(self.terms) else ()

    def sentence_unknown(self, i: int) -> tuple[Span, ...]:
        return self.unknown[i] if i < len(self.unknown) else ()

    @property
    def flagged(self) -> int:
        """How many sentences have a failed term."""
        return sum(1 for ts in self.terms if any(t.status == "failed" for t in ts))


def cache_version(engine: Engine) -> str:
    """The version that keys an engine's cache entries (``Engine.cache_version``)."""
    return engine.cache_version


def translate_marked(engine: SentenceEngine, sentences: Sequence[str]) -> list[str]:
    """Marked English for ``sentences`` (``SentenceEngine.translate_marked``)."""
    return engine.translate_marked(sentences)


def translate_blocks(
    engine: Engine, blocks: Sequence[Block], cache: Cache | None = None
) -> list[BlockTranslation]:
    """English for ``blocks``; at most one engine call for all of them."""
    if isinstance(engine, SentenceEngine):
        flat = [s.text for b in blocks for s in b.sentences]
        if cache is not None:
            marked_english = translate_marked_cached(engine, flat, cache)
        else:
            marked_english = translate_marked(engine, flat) if flat else []
        parsed = iter([marked.parse(m) for m in marked_english])
        out = []
        for b in blocks:
            these = [next(parsed) for _ in b.sentences]
            out.append(
                BlockTranslation(
                    b.index,
                    tuple(p.text for p in these),
                    engine.name,
                    engine.version,
                    unknown=tuple(p.unknown for p in these),
                )
            )
        return out
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


def translate_marked_cached(
    engine: SentenceEngine, sentences: Sequence[str], cache: Cache | None
) -> list[str]:
    """Marked English for ``sentences``: the cache first, one engine call for all that it lacks.

    Keyed by the exact text sent, so a sentence with protected glossary terms is a
    different key from the raw sentence.
    """
    if cache is None:
        return translate_marked(engine, list(sentences)) if sentences else []
    version = cache_version(engine)
    known = cache.get_many(engine.name, version, sentences)
    missing = [s for s in dict.fromkeys(sentences) if s not in known]
    if missing:
        fresh = translate_marked(engine, missing)
        cache.put_many(engine.name, version, zip(missing, fresh, strict=True))
        known.update(zip(missing, fresh, strict=True))
    return [known[s] for s in sentences]


def translate_sentences_cached(
    engine: SentenceEngine, sentences: Sequence[str], cache: Cache
) -> list[str]:
    """Plain English for ``sentences``: the cache first, one engine call for all that it lacks."""
    return [marked.strip(m) for m in translate_marked_cached(engine, sentences, cache)]
