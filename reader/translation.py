"""Translating an article's blocks through an engine and the cache.

Sentence engines get one batched call per chunk of blocks for the sentences the
cache does not hold; a fully cached chunk never touches the engine (so a second
run never loads the model).

Engines that know which words they did not translate (Apertium) return *marked*
English (``reader.engines.marked``); the cache keeps it marked, under the engine's
``cache_version`` where it has one, and ``BlockTranslation`` carries the spans.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from reader.article import Block
from reader.cache import Cache
from reader.engines import marked
from reader.engines.base import Engine, SentenceEngine

TermStatus = Literal["enforced", "kept", "failed"]
Origin = Literal["engine", "yours"]
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
    - ``machine[i]``: where sentence i's English is the reader's own (``with_yours``),
      the engine's English it stands in for; None where the English is the engine's.
      Empty when no sentence of the block is the reader's.
    """

    index: int
    sentences: tuple[str, ...]
    engine: str
    version: str
    terms: tuple[tuple[TermSpan, ...], ...] = ()
    unknown: tuple[tuple[Span, ...], ...] = ()
    machine: tuple[str | None, ...] = ()

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

    def is_yours(self, i: int) -> bool:
        """Whether sentence i's English is the reader's own."""
        return i < len(self.machine) and self.machine[i] is not None

    def origin(self, i: int) -> Origin:
        return "yours" if self.is_yours(i) else "engine"

    def machine_english(self, i: int) -> str:
        """The engine's English of sentence i (under the reader's own, where they gave one)."""
        machine = self.machine[i] if i < len(self.machine) else None
        return machine if machine is not None else self.sentences[i]

    @property
    def yours(self) -> int:
        """How many sentences hold the reader's own English."""
        return sum(1 for m in self.machine if m is not None)

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


def with_yours(
    blocks: Sequence[Block], english: Sequence[BlockTranslation], yours: Mapping[str, str]
) -> list[BlockTranslation]:
    """``english`` with the reader's own English (``yours``, by French sentence) in place of
    the engine's, after enforcement: nothing rewrites it. Its sentences carry no glossary
    terms and no unknown words (those were the engine's), and ``machine`` keeps the
    engine's English. A block the engine gave as one unit (the reference engine, where its
    sentence counts differ) keeps that unit on its first sentence unless that one is yours."""
    if not yours:
        return list(english)
    out = []
    for block, t in zip(blocks, english, strict=True):
        mine = [yours.get(s.text) for s in block.sentences]
        if all(m is None for m in mine) or len(mine) != len(t.sentences):
            out.append(t)
            continue
        sentences = list(t.sentences)
        terms = [t.sentence_terms(i) for i in range(len(mine))] if t.terms else []
        unknown = [t.sentence_unknown(i) for i in range(len(mine))] if t.unknown else []
        machine: list[str | None] = [None] * len(mine)
        for i, en in enumerate(mine):
            if en is None:
                continue
            machine[i], sentences[i] = sentences[i], en
            if terms:
                terms[i] = ()
            if unknown:
                unknown[i] = ()
        out.append(
            dataclasses.replace(
                t,
                sentences=tuple(sentences),
                terms=tuple(terms),
                unknown=tuple(unknown),
                machine=tuple(machine),
            )
        )
    return out
