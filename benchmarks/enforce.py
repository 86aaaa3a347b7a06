"""Glossary enforcement's cost, measured in one run, as ratios:

(a) Apertium on the seed: raw translation (terms marked) vs enforced translation
    (raw, then the sentences lacking terms sent again in one batch). Target ≤ 2.5×.
(b) The stand-in Argos model on the seed, the same two. Its English is gibberish, so
    nearly every stand-in is lost and the sentence falls back to raw: this times the
    plumbing (one extra batched call), not what a real model would cost.
(c) With ``--book``: Apertium on a ~1 MB text whose every sentence differs, translated
    in the app's chunks of 64 sentences — one persistent null-flush pipeline vs the
    old way, two ``apertium`` processes per chunk.
(d) With ``--newstest [FILE]``: Apertium on the first 1,000 lines of a news test set
    (default ``../shared/data/mt/newstest2013.fr.txt``, one sentence a line) with the
    general glossary: raw vs enforced, names included. Enforced as the session does by
    default (spaCy only if already loaded: here not), and with spaCy loaded beforehand
    (its load, seconds, is not counted: the app loads it in parallel for the glossary).

No cache anywhere: every run translates. Run:
.venv/bin/python -m benchmarks.enforce [--book] [--newstest [FILE]]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from benchmarks.common import ROOT, SEED, best_of, long_french_text, private_environment  # noqa: E402

HOME = private_environment()

from glossary.sources import article_entries  # noqa: E402
from reader.article import load, parse  # noqa: E402
from reader.translate import enforce  # noqa: E402
from reader.translation import translate_blocks  # noqa: E402

if TYPE_CHECKING:
    from collections.abc import Sequence

    from glossary.model import Entry
    from reader.article import Block
    from reader.engines.base import Engine
    from reader.translation import BlockTranslation


def _pass(
    engine: Engine,
    blocks: Sequence[Block],
    entries: Sequence[Entry],
    enforced: bool,
    policy: enforce.Policy = "if_ready",
) -> list[BlockTranslation]:
    raw = translate_blocks(engine, blocks)
    return enforce.apply(
        engine, blocks, raw, entries, None, mark_only=not enforced, nlp_policy=policy
    )


def _ratio(label: str, engine: Engine, repeats: int) -> None:
    article = load(SEED)
    entries = article_entries(article)
    _pass(engine, article.blocks, entries, True)  # start the pipeline / load the model
    raw = best_of(repeats, lambda: _pass(engine, article.blocks, entries, False))
    enforced = best_of(repeats, lambda: _pass(engine, article.blocks, entries, True))
    out = _pass(engine, article.blocks, entries, True)
    sent = sum(1 for b in out for ts in b.terms if any(t.status == "enforced" for t in ts))
    print(
        f"{label:<22} raw {raw * 1000:7.1f} ms   enforced {enforced * 1000:7.1f} ms   "
        f"{enforced / raw:4.2f}x (target <= 2.5x); {sent} sentences enforced"
    )


NEWSTEST = next(
    (
        up / "shared" / "data" / "mt" / "newstest2013.fr.txt"
        for up in (ROOT.parent, ROOT.parent.parent)  # the main checkout, or a worktree
        if (up / "shared" / "data" / "mt" / "newstest2013.fr.txt").is_file()
    ),
    ROOT.parent / "shared" / "data" / "mt" / "newstest2013.fr.txt",
)


def _newstest(path: Path) -> None:
    from glossary.general import load_general
    from reader.engines.apertium import ApertiumEngine
    from reader.evaluate import lines_article

    article = lines_article(path)
    blocks = article.blocks[:1000]
    entries = load_general()
    engine = ApertiumEngine()
    _pass(engine, blocks[:20], entries, True)  # start the pipeline
    raw = best_of(2, lambda: _pass(engine, blocks, entries, False))
    enforced = best_of(2, lambda: _pass(engine, blocks, entries, True))
    print(
        f"(d) newstest 1,000 lines  raw {raw:6.2f} s   enforced {enforced:6.2f} s   "
        f"{enforced / raw:4.2f}x (target <= 2.5x); spaCy not loaded (the session's default)"
    )
    from reader.nlp.analysis import load_model

    load_model()
    waited = best_of(2, lambda: _pass(engine, blocks, entries, True, "wait"))
    print(
        f"    with spaCy loaded     raw {raw:6.2f} s   enforced {waited:6.2f} s   "
        f"{waited / raw:4.2f}x (target <= 2.5x)"
    )
    engine.close()


def _book() -> None:
    from reader.engines.apertium import ApertiumEngine
    from reader.translation import translate_in_chunks

    article = parse(long_french_text(), "book.fr.txt")
    sentences = sum(len(b.sentences) for b in article.blocks)

    def chunked(per_chunk_processes: bool) -> tuple[float, int]:
        engine = ApertiumEngine()
        if (
            per_chunk_processes
        ):  # the old way: each chunk runs `apertium fr-es`, then `apertium spa-eng`
            engine._translate_raw = engine._translate_by_batch  # type: ignore[method-assign]
        start = time.perf_counter()
        for _ in translate_in_chunks(engine, article.blocks, None, chunk_sentences=64):
            pass
        engine.close()
        return time.perf_counter() - start, engine.spawns

    old, old_spawns = chunked(True)
    new, new_spawns = chunked(False)
    print(
        f"(c) book {len(article.blocks)} blocks, {sentences} sentences, chunks of 64: "
        f"two processes per chunk {old:6.1f} s ({old_spawns} spawns)   "
        f"persistent pipeline {new:6.1f} s ({new_spawns} spawn)   {old / new:4.2f}x faster"
    )


def main() -> None:
    from reader.engines import apertium

    print("seed, no cache, best of several runs")
    if apertium.available():
        engine = apertium.ApertiumEngine()
        _ratio("(a) apertium", engine, 5)
        engine.close()
    else:
        print("(a) apertium is not installed: skipped")
    from reader.engines import argos
    from reader.engines.argos_packages import install_file
    from tests.support.standin import build_standin_package

    install_file(build_standin_package(SEED, HOME / "build"))
    _ratio("(b) argos (stand-in)", argos.ArgosEngine(), 3)
    if "--book" in sys.argv and apertium.available():
        _book()
    if "--newstest" in sys.argv and apertium.available():
        at = sys.argv.index("--newstest")
        given = sys.argv[at + 1] if at + 1 < len(sys.argv) else ""
        path = Path(given) if given and not given.startswith("--") else NEWSTEST
        if path.is_file():
            _newstest(path)
        else:
            print(f"(d) {path}: no such file; skipped")


if __name__ == "__main__":
    main()
