"""Corrections to spaCy's lemmas and parts of speech where the small French model slips.

The counting of words by lemma (statuses, % known) is only as good as the lemmas. The
small model gets French function words wrong in ways a learner notices at once: « Entre »
(the preposition) as the verb "entrer", « Elle » as "lui", « tu » as a number. Those words
form a closed class, so a table says what they are. For the open classes a verb form
whose "lemma" is not an infinitive (« frappe » → "frappe" as VERB) is lemmatised again
by the lemmatizer's own rules for verbs.

Elided forms (l', d', qu', j', n', s', c', jusqu', lorsqu', puisqu') get the full
word as lemma; « s' » before « il(s) » is « si ». The table gives learner-facing
lemmas (« elle », « leur »), not the treebank's conventions (UD: elle → lui).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Protocol

from reader.nlp.lemma import Readings, decide

if TYPE_CHECKING:
    from reader.nlp.token import Token

CLOSED = frozenset({"DET", "PRON", "ADP", "CCONJ", "SCONJ"})
"""spaCy's closed-class parts of speech: their lemma comes from the table below."""

_WORDS: dict[str, tuple[str, str, tuple[str, ...]]] = {}
"""form → (lemma, part of speech when spaCy's is impossible, parts of speech it can have)."""


def _add(lemma: str, pos: str, forms: str, also: tuple[str, ...] = ()) -> None:
    for form in forms.split():
        _WORDS[form] = (lemma, pos, (pos, *also))


# Determiners (and the object pronouns that share their forms).
_add("le", "DET", "le la les l'", ("PRON",))
_add("un", "DET", "un une", ("PRON", "NUM"))
_add("ce", "DET", "ce cet cette ces", ("PRON",))
_add("mon", "DET", "mon ma mes")
_add("ton", "DET", "ton ta tes")
_add("son", "DET", "son sa ses")
_add("notre", "DET", "notre nos")
_add("votre", "DET", "votre vos")
_add("leur", "DET", "leur leurs", ("PRON",))
_add("quel", "DET", "quel quelle quels quelles", ("PRON", "ADJ"))
_add("aucun", "DET", "aucun aucune", ("PRON",))
_add("quelque", "DET", "quelque quelques quelqu'")
_add("chaque", "DET", "chaque")
_add("plusieurs", "DET", "plusieurs", ("PRON",))
# Personal, reflexive and relative pronouns.
_add("je", "PRON", "je j'")
_add("tu", "PRON", "tu")
_add("il", "PRON", "il ils")
_add("elle", "PRON", "elle elles")
_add("on", "PRON", "on")
_add("nous", "PRON", "nous")
_add("vous", "PRON", "vous")
_add("me", "PRON", "me m'")
_add("te", "PRON", "te t'")
_add("se", "PRON", "se s'")
_add("lui", "PRON", "lui")
_add("eux", "PRON", "eux")
_add("moi", "PRON", "moi")
_add("toi", "PRON", "toi")
_add("soi", "PRON", "soi")
_add("y", "PRON", "y")
_add("en", "ADP", "en", ("PRON",))
_add("qui", "PRON", "qui")
_add("que", "SCONJ", "que qu'", ("PRON", "ADV"))
_add("quoi", "PRON", "quoi")
_add("dont", "PRON", "dont")
_add("lequel", "PRON", "lequel laquelle lesquels lesquelles")
_add("auquel", "PRON", "auquel auxquels auxquelles")
_add("duquel", "PRON", "duquel desquels desquelles")
_add("celui", "PRON", "celui celle ceux celles")
_add("cela", "PRON", "cela")
_add("ceci", "PRON", "ceci")
_add("ça", "PRON", "ça")
_add("ce", "PRON", "c'", ("DET",))
# Prepositions, their contractions with the article, and conjunctions.
_add("de", "ADP", "de d' du des", ("DET",))
_add("à", "ADP", "à au aux")
_add("dans", "ADP", "dans")
_add("par", "ADP", "par")
_add("pour", "ADP", "pour")
_add("sur", "ADP", "sur")
_add("sous", "ADP", "sous")
_add("avec", "ADP", "avec")
_add("sans", "ADP", "sans")
_add("entre", "ADP", "entre")
_add("vers", "ADP", "vers")
_add("chez", "ADP", "chez")
_add("contre", "ADP", "contre")
_add("depuis", "ADP", "depuis")
_add("pendant", "ADP", "pendant")
_add("selon", "ADP", "selon")
_add("parmi", "ADP", "parmi")
_add("malgré", "ADP", "malgré")
_add("jusque", "ADP", "jusque jusqu'")
_add("dès", "ADP", "dès")
_add("et", "CCONJ", "et")
_add("ou", "CCONJ", "ou")
_add("mais", "CCONJ", "mais")
_add("ni", "CCONJ", "ni")
_add("car", "CCONJ", "car")
_add("si", "SCONJ", "si", ("ADV",))
_add("lorsque", "SCONJ", "lorsque lorsqu'")
_add("puisque", "SCONJ", "puisque puisqu'")
_add("quoique", "SCONJ", "quoique quoiqu'")
_add("quand", "SCONJ", "quand", ("ADV",))
_add("comme", "SCONJ", "comme", ("ADV", "ADP"))
_add("ne", "ADV", "ne n'")

ALWAYS = frozenset(
    "je j' tu il ils elle elles me m' te t' se s' ne n' qu' l' d' c' jusqu' lorsqu' "
    "puisqu' quoiqu' quelqu' du au aux des nous vous lui eux".split()
)
"""Forms that are function words whatever spaCy's part of speech: their table entry wins."""

_OPEN = frozenset({"NOUN", "VERB", "AUX", "ADJ"})
_VERB_ONLY_ENDINGS = ("ent", "ez", "ait", "aient", "èrent")
"""Endings no French noun or adjective the lemmatizer knows as a headword takes as a form
of itself: a « NOUN » ending so (« prennent », « arrêtez ») is a verb the tagger missed."""

_INFINITIVE_ENDINGS = ("er", "ir", "re", "oir")
_FINITE_ENDINGS = {
    "er": ("e", "ent", "ait", "aient", "era", "eront"),  # remonte, remontent, remontait
    "ir": ("it", "issent", "issait", "issaient", "ira", "iront"),  # ralentit, ralentissent
}
"""Finite endings of -er and -ir verbs, none of them a participle (« armées », « ralenti »)."""


class Lexicon(Protocol):
    """The lemmatizer's own tables (``analysis.Lexicon`` reads them from the model)."""

    def headword(self, form: str, pos: str) -> str:
        """A headword of part of speech ``pos`` (NOUN, VERB, ADJ) for ``form``, or ""."""
        ...

    def lookup(self, form: str) -> tuple[str, ...]:
        """The lookup table's lemmas for ``form`` (whatever their part of speech)."""
        ...


def function_word(text: str) -> str | None:
    """The lemma of a French function word (« l' » → le, « elles » → elle), else None."""
    entry = _WORDS.get(word_key(text))
    return entry[0] if entry else None


def word_key(text: str) -> str:
    """The table's spelling of a form: lower case, straight apostrophe, no hyphen of
    inversion (« -t-il », « -ce »)."""
    return text.lower().replace("’", "'").removeprefix("-t-").lstrip("-")


def refine(
    tokens: Sequence[Token], lexicon: Lexicon | None = None, readings: Readings | None = None
) -> list[Token]:
    """``tokens`` with function words from the table; every other token's lemma decided by
    ``reader.nlp.lemma.decide`` from Apertium's ``readings`` of its form. Without
    Apertium (``readings`` None), verb lemmas and verbs tagged as nouns or adjectives are
    put right by the lemmatizer's own rules."""
    out: list[Token] = []
    prime = getattr(readings, "prime", None)
    if prime is not None:  # the analyser takes a block's words in one question
        prime(_forms(tokens))
    for i, token in enumerate(tokens):
        key = word_key(token.text)
        entry = _WORDS.get(key)
        if key == "s'" and i + 1 < len(tokens) and word_key(tokens[i + 1].text) in ("il", "ils"):
            token = replace(token, lemma="si", pos="SCONJ")  # « s'il »: si, not se
        elif entry is not None and (key in ALWAYS or token.pos in CLOSED or token.pos == "NUM"):
            lemma, default, allowed = entry
            pos = token.pos if token.pos in allowed else default
            if key == "des" and pos == "DET":
                lemma = "un"  # the plural of « un »; « des » as de + les is ADP
            token = replace(token, lemma=lemma, pos=pos)
        elif lexicon is not None and readings is not None:
            named = token.pos in ("PROPN", "X") or bool(token.entity)
            cased = token.text.replace("’", "'").removeprefix("-t-").lstrip("-")
            found = readings(cased if named else key)
            if not found and token.pos in _OPEN:  # Apertium does not know it: the rules
                token = _open_class(token, key, lexicon)
            following = tokens[i + 1] if i + 1 < len(tokens) else None
            token = decide(token, found, lexicon, out[-3:], following)
        elif lexicon is not None and token.pos in _OPEN:
            token = _open_class(token, key, lexicon)
        out.append(token)
    return out


def _forms(tokens: Sequence[Token]) -> list[str]:
    """The forms ``refine`` may ask the analyser about (as it spells them)."""
    forms = []
    for token in tokens:
        if any(c.isalpha() for c in token.text):
            forms.append(word_key(token.text))
            forms.append(token.text.replace("’", "'").removeprefix("-t-").lstrip("-"))
            forms.append(token.lemma)  # whether a dictionary knows spaCy's lemma
    return forms


def _open_class(token: Token, key: str, lexicon: Lexicon) -> Token:
    """A verb whose lemma is no infinitive the lemmatizer knows gets one (« frappe » →
    frapper); a noun or adjective that is really a verb becomes the verb (``_verb``)."""
    if token.pos in ("VERB", "AUX"):
        if lexicon.headword(token.lemma, "VERB") == token.lemma:
            return token  # already an infinitive the lemmatizer knows
        lemma = lexicon.headword(key, "VERB")
        return replace(token, lemma=lemma) if lemma else token
    verb = _verb(token, key, lexicon)
    return replace(token, lemma=verb, pos="VERB") if verb else token


def _verb(token: Token, key: str, lexicon: Lexicon) -> str:
    """The infinitive, when a word tagged noun or adjective is a verb, else "":
    - an ending only verbs have and no headword of the tagged part of speech (« prennent »);
    - an infinitive tagged as a noun (« années de convaincre »): not a known noun, and a
      conjugated form of it leads back to it;
    - a finite form tagged as an adjective (« le chômage remonte », « la croissance
      ralentit »): spaCy's own morphology says finite, or the word is a finite form of
      the -er or -ir verb the lookup table gives; participles (« forces armées ») are not.
    """
    if not key.isalpha():
        return ""
    if key.endswith(_VERB_ONLY_ENDINGS) and not lexicon.headword(key, token.pos):
        return lexicon.headword(key, "VERB")
    if token.pos == "NOUN":
        if token.feature("VerbForm") == "Inf" or _infinitive(key, lexicon):
            return key
        return ""
    if token.pos == "ADJ":
        if token.feature("VerbForm") == "Fin":
            return lexicon.headword(key, "VERB")
        for lemma in lexicon.lookup(key):
            if key in (lemma[:-2] + e for e in _FINITE_ENDINGS.get(lemma[-2:], ())):
                return lemma
    return ""


def _infinitive(word: str, lexicon: Lexicon) -> bool:
    if not word.endswith(_INFINITIVE_ENDINGS) or lexicon.headword(word, "NOUN") == word:
        return False
    stem = word[:-3] if word.endswith("oir") else word[:-2]
    forms = (stem + "ons", stem + "ez", stem + "u", stem + "é", stem + "it", stem + "issons")
    return any(word in lexicon.lookup(f) for f in forms)
