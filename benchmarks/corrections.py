"""Your English's cost, measured in one run (issue 21), as ratios:

(a) Finding a correction: with 10,000 corrections stored, the median time of one
    sentence's lookup (``Corrections.english_for([sentence])``: open, one indexed query,
    close), over many lookups of sentences that have one and sentences that do not.
    Target ≤ 1 ms. Also the per-sentence time of the batched lookup the session makes
    (every sentence of the seed in one query).
(b) Translating the seed through the session (``TranslationSession.translate``, the one
    path every English goes through) with the tiny stand-in Argos model, as
    ``benchmarks/translate.py`` uses, from a warm cache, with enforcement: with the
    10,000 corrections stored (ten of them the seed's own sentences), against the same
    session with the lookup off altogether (``session.yours = False``, stricter than an
    empty store). Runs alternate; best of several each. Target ≤ 1.05×.

Run: .venv/bin/python -m benchmarks.corrections
"""

from __future__ import annotations

import statistics
import time

from benchmarks.common import SEED, private_environment  # noqa: E402

HOME = private_environment()

from reader.article import Article, load  # noqa: E402
from reader.corrections.store import Corrections  # noqa: E402
from reader.engines.argos_packages import install_file  # noqa: E402
from reader.session import TranslationSession  # noqa: E402
from tests.support.standin import build_standin_package  # noqa: E402

STORED = 10_000
LOOKUPS = 2_000
ROUNDS = 15


def fill(store: Corrections, seed_sentences: list[str]) -> None:
    """10,000 corrections: made-up French sentences, and ten of the seed's own."""
    pairs = [
        (f"La phrase numéro {n} dit que le conseil {n % 97} a voté {n} fois.", f"Sentence {n}.")
        for n in range(STORED - 10)
    ]
    pairs += [(fr, f"My English {n}.") for n, fr in enumerate(seed_sentences[:10])]
    store.add_many(pairs)
    assert len(store.all()) == STORED


def lookups(store: Corrections, seed_sentences: list[str]) -> tuple[float, float]:
    """(median ms of one sentence's lookup, ms per sentence of the batched lookup)."""
    probes = [
        f"La phrase numéro {n} dit que le conseil {n % 97} a voté {n} fois."
        for n in range(0, STORED - 10, 10)
    ]
    probes += seed_sentences  # found (the first ten) and not found (the rest)
    times = []
    for n in range(LOOKUPS):
        sentence = probes[n % len(probes)]
        start = time.perf_counter()
        store.english_for([sentence])
        times.append(time.perf_counter() - start)
    batched = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        found = store.english_for(seed_sentences)
        batched.append(time.perf_counter() - start)
    assert len(found) >= 10
    return statistics.median(times) * 1000, min(batched) * 1000 / len(seed_sentences)


def translating(article: Article) -> tuple[float, float]:
    """(best seconds without the lookup, best seconds with 10,000 corrections stored)."""
    with TranslationSession(article, "argos") as session:
        assert session.engine.name == "argos"
        session.translate(article.blocks)  # model load and a warm cache, outside the timings
        english = session.translate(article.blocks)
        assert sum(b.yours for b in english) == 10
        without: list[float] = []
        with_: list[float] = []
        for _ in range(ROUNDS):
            for yours, times in ((False, without), (True, with_)):
                session.yours = yours
                start = time.perf_counter()
                session.translate(article.blocks)
                times.append(time.perf_counter() - start)
    return min(without), min(with_)


def main() -> None:
    install_file(build_standin_package(SEED, HOME / "build"))
    article = load(SEED)
    seed_sentences = [s.text for b in article.blocks for s in b.sentences]
    store = Corrections()
    fill(store, seed_sentences)
    one, per_sentence = lookups(store, seed_sentences)
    without, with_ = translating(article)
    print(
        f"{STORED:,} corrections stored; seed: {len(article.blocks)} blocks, {len(seed_sentences)} sentences"
    )
    print(
        f"(a) one sentence's lookup, median of {LOOKUPS:,}: {one:.3f} ms (target <= 1 ms); "
        f"batched, per sentence: {per_sentence:.4f} ms"
    )
    print(
        f"(b) translating the seed (stand-in Argos, warm cache, enforced), best of {ROUNDS}: "
        f"without the lookup {without * 1000:.1f} ms, with {STORED:,} corrections "
        f"{with_ * 1000:.1f} ms: {with_ / without:.3f}x (target <= 1.05x)"
    )


if __name__ == "__main__":
    main()
