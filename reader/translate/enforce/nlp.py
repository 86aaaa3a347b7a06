"""spaCy for enforcement, only where a decision needs it, and never at any price.

Two decisions need more than the words: whether a term is used as a noun (« une
réforme jamais entreprise » is a participle, « mesure législative » an adjective), and
whether a capitalised word the engine translated is a person's name (« Bruno Le Maire »,
« Laurent Blanc »). Only the sentences holding such a case are analysed (the shared
pass, ``reader.nlp.analysis``): a few in a hundred on news.

Loading spaCy's model takes seconds (7 to 8 s measured on this machine, against 0.1 s
for Apertium's English of a screenful), so the caller chooses (``Policy``): ``wait``
loads it when first needed (``reader eval``); ``if_ready`` never starts it: only where
spaCy is already in this process (the app's glossary pass loads it alongside the first
screenful) does it wait for it, and then at most ``PATIENCE`` — the first screenful is
never held up, later chunks get its verdicts; ``off`` never uses it. Without it the
rules fall back on the words around and on the engine's own analysis (see ``grammar``
and ``names``).
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Sequence
from typing import Literal

from reader.article import make_block
from reader.errors import ReaderError
from reader.nlp.analysis import Token, analyse

Policy = Literal["wait", "if_ready", "off"]
PATIENCE = 0.5
"""Seconds ``if_ready`` waits for spaCy's tokens (a loaded model gives a few sentences
in well under that; a model still loading does not)."""


def ready() -> bool:
    """Whether spaCy is in this process at all (someone loaded it, or is loading it)."""
    return "spacy" in sys.modules


def _analyse(texts: Sequence[str]) -> list[list[Token]] | None:
    try:
        return analyse([make_block(i, "paragraph", t) for i, t in enumerate(texts)])
    except ReaderError:
        return None  # the model is not installed: the rules serve


def tokens(texts: Sequence[str], policy: Policy) -> list[list[Token]] | None:
    """spaCy's tokens of each text (offsets in it), or None when spaCy is not to be used."""
    if policy == "off" or not texts:
        return None
    if policy == "wait":
        return _analyse(texts)
    if not ready():
        return None
    found: list[list[list[Token]] | None] = []
    worker = threading.Thread(
        target=lambda: found.append(_analyse(texts)), name="enforce-spacy", daemon=True
    )
    worker.start()
    worker.join(PATIENCE)  # a model still loading finishes in the background, for later
    return found[0] if found else None
