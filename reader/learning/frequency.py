"""How common a French lemma is: its rank in a frequency list shipped with the reader.

``data/fr-lemmas.tsv`` lists lemmas most frequent first, derived from wordfreq's data
(CC BY-SA 4.0; see ``data/README.md`` and ``benchmarks/derive_frequency.py``). The rank
gives a word's frequency band (lookup panel, ``reader words``), the lemmas that
``reader known seed --top N`` marks known, and an article's difficulty.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

FILE_NAME = "fr-lemmas.tsv"
BANDS = ((1_000, "top 1k"), (2_000, "top 2k"), (5_000, "top 5k"), (10_000, "top 10k"))
"""Upper rank of each band, most common first; beyond the last: "rare"."""


@cache
def ranks() -> dict[str, int]:
    """Lemma → rank (1 is the most frequent)."""
    text = resources.files("reader.learning").joinpath("data", FILE_NAME).read_text("utf-8")
    found: dict[str, int] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            lemma = line.split("\t", 1)[0]
            found.setdefault(lemma, len(found) + 1)
    return found


def rank(lemma: str) -> int | None:
    """The lemma's rank, or None when it is not in the list (rare, or not French)."""
    return ranks().get(lemma)


def band(rank: int | None) -> str:
    """``top 1k`` … ``top 10k``, or ``rare``."""
    if rank is not None:
        for limit, name in BANDS:
            if rank <= limit:
                return name
    return "rare"


def top(n: int) -> list[str]:
    """The ``n`` most frequent lemmas, most frequent first."""
    return [lemma for lemma, r in ranks().items() if r <= n]
