"""``reader eval --corrections``: the reader's own English as a personal test set.

Every correction (``reader.corrections``) is one segment: its French is translated by
each engine available here (or the one asked for), raw and with glossary enforcement,
with the reader's English left out of the translation (``session.yours = False``), and
scored against the reader's English with the same chrF, chrF++ and BLEU as
``reader eval`` (``reader.evaluate.scores``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from reader.article import from_blocks
from reader.corrections.store import Corrections
from reader.engines import select
from reader.errors import InputError
from reader.evaluate.scores import corpus_scores
from reader.session import TranslationSession

MACHINE_ENGINES = tuple(name for name in select.ENGINES if name not in ("reference", "none"))


def score_engines(
    engine: str = "auto",
    *,
    spacy: bool = True,
    notify: Callable[[str], None] | None = None,
) -> dict[str, object]:
    """Per engine: corpus scores of its raw and its enforced English against the reader's."""
    corrections = Corrections().all()
    if not corrections:
        raise InputError(
            "no corrections to score against yet: press E on a sentence in the app, "
            "or reader corrections add FR EN"
        )
    article = from_blocks([("paragraph", c.fr) for c in corrections], "<your corrections>")
    references = [c.en for c in corrections]
    names = [engine] if engine != "auto" else list(MACHINE_ENGINES)
    if engine in ("reference", "none"):
        raise InputError(f"engine {engine} gives no machine English to score")
    rows: list[dict[str, object]] = []
    policy: Literal["wait", "off"] = "wait" if spacy else "off"
    for name in names:
        if not select.available(name, article):
            continue
        with TranslationSession(article, name, notify=notify) as session:
            if session.engine.name != name:
                continue  # it failed to load and another stood in: scored on its own turn
            session.yours, session.nlp_policy = False, policy
            session.enforce = False
            raw = session.translate(article.blocks)
            session.enforce = True
            enforced = session.translate(article.blocks)
            label = session.engine.label
        rows.append(
            {
                "engine": name,
                "label": label,
                "raw": corpus_scores([t.text for t in raw], references),
                "enforced": corpus_scores([t.text for t in enforced], references),
            }
        )
    if not rows:
        raise InputError("no machine engine can run here (reader doctor says how to get one)")
    return {"source": "your corrections", "segments": len(corrections), "engines": rows}
