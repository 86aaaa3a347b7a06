"""spaCy for enforcement, only where a decision needs it, and never at any price.

Two decisions need more than the words: whether a term is used as a noun (« une
réforme jamais entreprise » is a participle, « mesure législative » an adjective), and
whether a capitalised word the engine translated is a person's name (« Bruno Le Maire »,
« Laurent Blanc »). Only the sentences holding such a case are analysed (the shared
pass, ``reader.nlp.analysis``): a few in a hundred on news.

Loading spaCy's model takes seconds (7 to 8 s measured on this machine, against 0.1 s
for Apertium's English of a screenful), so the caller chooses (``Policy``): ``wait``
loads it when first needed (``reader eval``); ``if_ready`` uses it only where this
process has loaded it already — in the app the glossary's term extraction loads it in
parallel, so the first screenful is never held up and later chunks get its verdicts;
``off`` never uses it. Without it the rules fall back on the words around and on the
engine's own analysis (see ``grammar`` and ``names``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from reader.article import make_block
from reader.errors import ReaderError
from reader.nlp.analysis import Token, analyse, load_model

Policy = Literal["wait", "if_ready", "off"]


def ready() -> bool:
    """Whether spaCy's model is loaded in this process."""
    return load_model.cache_info().currsize > 0


def tokens(texts: Sequence[str], policy: Policy) -> list[list[Token]] | None:
    """spaCy's tokens of each text (offsets in it), or None when spaCy is not to be used."""
    if policy == "off" or not texts:
        return None
    if policy == "if_ready" and not ready():
        return None
    try:
        return analyse([make_block(i, "paragraph", t) for i, t in enumerate(texts)])
    except ReaderError:
        return None  # the model is not installed: the rules serve
