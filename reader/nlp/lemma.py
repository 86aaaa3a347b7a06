"""The lemma of a token in its sentence: the one place that decides it.

The article's analysis (``reader.nlp.analysis``) runs spaCy, then ``reader.nlp.lemmas``
puts the closed classes right from its table and asks ``decide`` for every other token.
Whatever counts or files a word by its lemma reads the analysis's tokens: the status keys,
``reader words``, the library's forms index (``reader find --lemma``), and the lookup of
a word in the text; a lookup of a word in a sentence of its own runs the same analysis.

spaCy reads the word in its sentence (which part of speech, which tense); its small
model's lemmas come from rules and a lookup table, and invent words (« grève » → grèv,
« japonaise » → japonaiser, « saura » → saurer). Apertium's French analyser lists every
reading its dictionary knows, with dictionary lemmas and irregular verbs (« allions » →
aller, « mourut » → mourir). So:

- the lemma is that of Apertium's reading of spaCy's part of speech that best fits spaCy's
  morphology (tense, person, number, gender), more frequent lemmas first on a tie
  (« ouvre »: ouvrir before ouvrer);
- a participle used as an adjective, which Apertium reads as a verb only, takes the
  adjective's lemma, the masculine singular (« connues » → connu);
- when Apertium has no reading of spaCy's part of speech, spaCy's lemma stands if a
  dictionary knows it (Apertium, spaCy's own tables, the frequency list): a gap in
  Apertium's dictionary (« le tournant »); if none does, the tagger slipped (« couraient »
  as a noun, « mourut » as an adjective) and Apertium's best reading gives the lemma and
  the part of speech;
- a word Apertium does not know keeps spaCy's lemma (with the lemmatizer's own fixes),
  but a « noun » spaCy's tables know only as a form of an adjective is that adjective
  (« des sources concordantes » → concordant);
- a finite verb form right after a subject pronoun, or an object pronoun tagged as one
  (« qui en fait son témoin »), is a verb.

Lemmas spell the ligature œ (« yeux » → œil), as learners' dictionaries do.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Protocol

from reader.apertium import Analysis, Apertium, ApertiumUnavailable, find_files

if TYPE_CHECKING:
    from reader.nlp.token import Token

OPEN = ("NOUN", "VERB", "AUX", "ADJ", "ADV")
"""spaCy's parts of speech whose lemma this module decides."""
TAGS: Mapping[str, frozenset[str]] = {
    "NOUN": frozenset({"n"}),
    "VERB": frozenset({"vblex", "vbser", "vbhaver", "vbmod"}),
    "AUX": frozenset({"vbser", "vbhaver", "vbmod", "vblex"}),
    "ADJ": frozenset({"adj"}),
    "ADV": frozenset({"adv", "preadv"}),
}
"""Apertium's categories for each of spaCy's parts of speech."""
POS_OF_TAG = {
    "n": "NOUN",
    "vblex": "VERB",
    "vbser": "VERB",
    "vbhaver": "VERB",
    "vbmod": "VERB",
    "adj": "ADJ",
    "adv": "ADV",
    "preadv": "ADV",
}
"""spaCy's part of speech for an Apertium reading of an open class."""
_MEMO_MAX = 200_000


class Readings(Protocol):
    """Apertium's readings of a form (empty when it does not know it)."""

    def __call__(self, form: str) -> Sequence[Analysis]: ...


class Lexicon(Protocol):
    """spaCy's lemmatizer tables (``analysis.Lexicon``)."""

    def headword(self, form: str, pos: str) -> str: ...

    def lookup(self, form: str) -> tuple[str, ...]: ...


# ------------------------------------------------------------------ the analyser


class _Analyser:
    """One ``lt-proc`` for the whole process, its answers kept per form (a text repeats
    its words; a question costs a fraction of a millisecond, a remembered one nothing)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._apertium: Apertium | None = None
        self._checked = False
        self._memo: dict[str, tuple[Analysis, ...]] = {}

    def _get(self) -> Apertium | None:
        with self._lock:
            if not self._checked:
                self._checked = True
                files = find_files()
                self._apertium = Apertium(files) if files is not None else None
            return self._apertium

    @property
    def available(self) -> bool:
        return self._get() is not None

    def prime(self, forms: Iterable[str]) -> None:
        """Asks Apertium about every form not asked yet, in one question (a text's words)."""
        new = [f for f in dict.fromkeys(forms) if f not in self._memo]
        apertium = self._get() if new else None
        if apertium is None:
            return
        spelled = {f.replace("œ", "oe").replace("Œ", "Oe"): f for f in new}
        try:
            found = apertium.analyse_many(list(spelled))
        except ApertiumUnavailable:
            with self._lock:
                self._apertium = None
            return
        if len(self._memo) + len(found) > _MEMO_MAX:
            self._memo.clear()
        for asked, readings in found.items():
            self._memo[spelled[asked]] = tuple(readings)

    def forget(self) -> None:
        """Drops the answers kept (the lemma benchmark times a text met for the first time)."""
        self._memo.clear()

    def __call__(self, form: str) -> tuple[Analysis, ...]:
        found = self._memo.get(form)
        if found is not None:
            return found
        apertium = self._get()
        if apertium is None:
            return ()
        try:
            found = tuple(apertium.analyse(form.replace("œ", "oe").replace("Œ", "Oe")))
        except ApertiumUnavailable:
            with self._lock:
                self._apertium = None  # stopped answering: spaCy's lemmas from now on
            return ()
        if len(self._memo) > _MEMO_MAX:
            self._memo.clear()
        self._memo[form] = found
        return found


analyser = _Analyser()
"""Apertium's French analyser as the analysis uses it (absent when not installed)."""


@lru_cache(maxsize=1)
def frequency_ranks() -> dict[str, int]:
    """The frequency list's rank of each lemma (``reader/learning/data/fr-lemmas.tsv``,
    read as data: the list is derived from this analysis, so it sits above it)."""
    try:
        path = resources.files("reader") / "learning" / "data" / "fr-lemmas.tsv"
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return {}
    words = (line.split("\t", 1)[0] for line in lines if line and not line.startswith("#"))
    return {word: i for i, word in enumerate(words, 1)}


# ------------------------------------------------------------------ deciding


def decide(
    token: Token,
    readings: Sequence[Analysis],
    lexicon: Lexicon,
    before: Sequence[Token] = (),
    after: Token | None = None,
    ranks: Mapping[str, int] | None = None,
) -> Token:
    """``token`` (spaCy's reading, closed classes already put right) with its lemma, and
    where spaCy's part of speech is impossible its part of speech, decided from Apertium's
    ``readings`` of the form and the tokens ``before`` it in its sentence (decided
    already); see the module docstring. ``ranks``: the frequency list's ranks."""
    ranks = frequency_ranks() if ranks is None else ranks
    if token.pos in ("PROPN", "X") or token.entity:
        return _name(token, readings, ranks, before, after)
    if token.pos not in OPEN:
        return _closed(token, readings, ranks)
    if not readings:
        return _unknown(token, lexicon, before)
    token = _verb_in_context(token, readings, before, after)
    fitting = [r for r in readings if r.pos in TAGS[token.pos]]
    participles = [r for r in readings if r.pos in TAGS["VERB"] and "pp" in r.tags]
    if token.pos == "ADJ" and not fitting and participles:
        # A participle as an adjective (« des menus variés »): the adjective's lemma.
        adjective = _masculine_singular(token.text, _best(participles, token, ranks))
        return replace(token, lemma=ligature(adjective, token.text))
    if fitting:
        best = _best(fitting, token, ranks)
        if best.pos == "n" and "f" in best.tags:
            return replace(token, lemma=ligature(_feminine_noun(token.text, best), token.text))
        return replace(token, lemma=ligature(best.lemma.lower(), token.text))
    same = [r for r in readings if r.lemma.lower() == token.lemma and r.pos in POS_OF_TAG]
    if same:  # the lemma is right, the part of speech is not (« clairs » as a verb)
        best = _best(same, token, ranks)
        return replace(token, lemma=ligature(token.lemma, token.text), pos=POS_OF_TAG[best.pos])
    if token.lemma and _known(token.lemma, token.pos, lexicon, ranks):
        return replace(token, lemma=ligature(token.lemma, token.text))  # a gap in Apertium
    other = [r for r in readings if r.pos in POS_OF_TAG]
    if not other:
        return replace(token, lemma=ligature(token.lemma, token.text))
    best = _best(other, token, ranks)
    return replace(token, lemma=ligature(best.lemma.lower(), token.text), pos=POS_OF_TAG[best.pos])


def _unknown(token: Token, lexicon: Lexicon, before: Sequence[Token]) -> Token:
    """A word Apertium does not know keeps spaCy's lemma; but a « noun » (not right after a
    determiner) that spaCy's tables know as a form of an adjective and of no noun is that
    adjective (« des sources concordantes » → concordant, « édifiantes » → édifiant), or the
    verb when that headword is an infinitive."""
    key = token.text.lower()
    if token.pos == "NOUN" and not (before and before[-1].pos == "DET"):
        adjective = lexicon.headword(key, "ADJ")
        if adjective and adjective != key and not lexicon.headword(key, "NOUN"):
            verb = lexicon.headword(adjective, "VERB") == adjective
            pos = "VERB" if verb else "ADJ"
            return replace(token, lemma=ligature(adjective, token.text), pos=pos)
    return replace(token, lemma=ligature(token.lemma, token.text))


_SUBJECTS = frozenset("je j' tu il elle on ils elles ne n' se s' me m' te t' qui y".split())
"""Words a noun or an adjective never follows, a finite verb often does (« il part »)."""
_FINITE = frozenset({"pri", "pii", "ifi", "fti", "cni", "prs", "pis"})
_OBJECTS = frozenset("le la les l' lui leur en nous vous".split())
"""Object pronouns: tagged as such, the word after them is a verb (« qui le capture »)."""


def _verb_in_context(
    token: Token,
    readings: Sequence[Analysis],
    before: Sequence[Token],
    after: Token | None,
) -> Token:
    """A noun, adjective or adverb of spaCy's that is a verb: a finite form right after a subject
    or object pronoun (« il part », « qui compte », « se plonge »); a participle tagged as
    an adjective that Apertium does not know as one (« déployées », « connues ») or that
    follows an auxiliary (« est fermée »): an adjective Apertium knows stays one (« une
    porte ouverte » → ouvert); a participle right after an auxiliary (« ils sont
    partis »). A noun right after a noun that Apertium knows as an
    adjective is one (« la rive droite » → droit)."""
    if token.pos not in ("NOUN", "ADJ", "ADV"):
        return token
    verbs = [r for r in readings if r.pos in TAGS["VERB"]]
    previous = before[-1].text.lower().replace("’", "'") if before else ""
    finite = any(_FINITE & set(r.tags) for r in verbs)
    if previous in _SUBJECTS and finite:
        return replace(token, pos="VERB")
    if previous in _OBJECTS and before[-1].pos == "PRON" and finite:
        return replace(token, pos="VERB")  # « qui le capture », « qui en fait »
    adjective = any(r.pos == "adj" for r in readings)
    if any("pp" in r.tags for r in verbs):
        auxiliary = [t.pos == "AUX" or t.lemma in ("être", "avoir") for t in before[-3:]]
        complement = after is not None and after.pos in ("ADP", "DET", "NUM", "ADV")
        if token.pos == "ADJ" and (any(auxiliary) or (not adjective and complement)):
            return replace(token, pos="VERB")
        if token.pos in ("NOUN", "ADV") and auxiliary and auxiliary[-1]:
            return replace(token, pos="VERB")  # « ils sont partis »
    after_noun = bool(before) and before[-1].pos in ("NOUN", "PROPN")
    if token.pos == "NOUN" and after_noun:
        number = {"Sing": "sg", "Plur": "pl"}.get(before[-1].feature("Number"), "")
        if any(
            "p3" in r.tags and _FINITE & set(r.tags) and (not number or number in r.tags)
            for r in verbs
        ):
            return replace(token, pos="VERB")  # « l'église date du XIIe siècle »
    if token.pos == "NOUN" and not any(r.pos == "n" for r in readings):
        determined = bool(before) and before[-1].pos in ("DET", "ADP", "NUM")
        if not determined and any("pp" in r.tags for r in verbs):
            return replace(token, pos="VERB")  # « des bataillons dits de marche »
    if token.pos == "NOUN" and adjective and after_noun:
        return replace(token, pos="ADJ")  # « la rive droite », « une cour souveraine »
    determiner = bool(before) and before[-1].pos == "DET"
    if token.pos == "NOUN" and adjective and determiner and after and after.pos == "NOUN":
        return replace(token, pos="ADJ")  # « une vieille ferme »
    return token


def _name(
    token: Token,
    readings: Sequence[Analysis],
    ranks: Mapping[str, int],
    before: Sequence[Token],
    after: Token | None,
) -> Token:
    """A token spaCy calls a name (PROPN, or one word of an entity): a word on its own
    that Apertium reads only as common words is one (« asseyez », « cieux », « Grève »
    opening a title); one that spaCy's entities call a person, place or organisation
    only as a plural or a verb form, which names are not (« Messieurs »): « Rose »,
    acronyms and words of longer names (« Monte-Cristo », « Jeff Sessions ») stay names."""
    text = token.text
    beside = [t for t in (before[-1] if before else None, after) if t is not None]
    alone = not any(t.pos == "PROPN" or t.entity for t in beside)
    common = [r for r in readings if r.pos in POS_OF_TAG]
    inflected = all("pl" in r.tags or r.pos in TAGS["VERB"] for r in common)
    if (
        not common
        or any(r.pos == "np" for r in readings)
        or (len(text) > 1 and text.isupper())
        or not alone
        or (text[:1].isupper() and token.entity and not inflected)
    ):
        return token
    best = _best(common, token, ranks)
    return replace(
        token,
        lemma=ligature(best.lemma.lower(), text),
        pos=POS_OF_TAG[best.pos],
        entity="",
        entity_start=False,
    )


CLOSED_TAGS: Mapping[str, frozenset[str]] = {
    "ADP": frozenset({"pr"}),
    "DET": frozenset({"det", "predet"}),
    "PRON": frozenset({"prn", "rel"}),
    "CCONJ": frozenset({"cnjcoo"}),
    "SCONJ": frozenset({"cnjsub", "cnjadv", "rel"}),
    "INTJ": frozenset({"ij"}),
}


def _closed(token: Token, readings: Sequence[Analysis], ranks: Mapping[str, int]) -> Token:
    """A function word the table does not know: Apertium's reading of its part of speech
    gives the lemma (« durant » the preposition, not durer); without one, spaCy's lemma
    stands when Apertium reads the form so too; when none of its readings has that lemma
    (« puis » → pouvoir, « a » → à), Apertium's best reading decides, and a verb is a verb
    (« a » → avoir)."""
    wanted = CLOSED_TAGS.get(token.pos)
    if not readings or not token.lemma or wanted is None:
        return token
    fitting = [r for r in readings if r.pos in wanted]
    if fitting:
        if any(r.lemma.lower() == token.lemma for r in fitting):
            return token
        return replace(token, lemma=_best(fitting, token, ranks).lemma.lower())
    if any(r.lemma.lower() == token.lemma for r in readings):
        return token
    best = _best(readings, token, ranks)
    pos = POS_OF_TAG.get(best.pos, token.pos) if best.pos in TAGS["VERB"] else token.pos
    return replace(token, lemma=best.lemma.lower(), pos=pos)


def _known(lemma: str, pos: str, lexicon: Lexicon, ranks: Mapping[str, int]) -> bool:
    """Whether a dictionary knows ``lemma`` as a word of ``pos``: spaCy's tables (a
    headword of that part of speech), Apertium (a reading of it as its own lemma) or the
    frequency list. A « lemma » Apertium reads only as a form of another noun or
    adjective (« haute » → haut, « grosse » → gros) is no lemma, whatever the others say."""
    readings = [r for r in analyser(lemma) if r.lemma.lower() == lemma]
    if readings:  # Apertium knows the word: it says which part of speech it is
        return any(r.pos in TAGS.get(pos, ()) for r in readings)
    readings = list(analyser(lemma))
    if any(r.pos in ("n", "adj") for r in readings):
        return False
    return lexicon.headword(lemma, pos) == lemma or lemma in ranks


def _best(readings: Sequence[Analysis], token: Token, ranks: Mapping[str, int]) -> Analysis:
    """The reading whose person, number and gender best fit spaCy's morphology; then the
    more frequent lemma; then the one whose tense fits; then Apertium's order. Tense comes
    after frequency: the small model guesses it from its own lemma (« nous allions » as a
    present, of allier), and two lemmas sharing a form rarely differ in tense only."""
    wanted = spacy_tags(token.morph)
    tense = {t for t in wanted if t in _TENSES}

    def key(pair: tuple[int, Analysis]) -> tuple[int, int, int, int]:
        i, reading = pair
        return (
            -_fit(reading, wanted - tense),
            ranks.get(reading.lemma.lower(), 10**9),
            -_fit(reading, tense),
            i,
        )

    return min(enumerate(readings), key=key)[1]


_TENSES = frozenset({"inf", "pri", "prs", "pii", "ifi", "fti", "cni", "pis", "imp", "pp", "pprs"})


def _fit(reading: Analysis, wanted: set[str]) -> int:
    score = 0
    for tag in reading.tags[1:]:
        if (
            tag in wanted
            or (tag == "mf" and wanted & {"m", "f"})
            or (tag == "sp" and wanted & {"sg", "pl"})
        ):
            score += 1
    return score


def features(morph: str) -> dict[str, str]:
    """spaCy's morphology string as a mapping (``Number=Plur|Person=3`` → {...})."""
    return dict(part.split("=", 1) for part in morph.split("|") if "=" in part)


def spacy_tags(morph: str | Mapping[str, str]) -> set[str]:
    """spaCy's features in Apertium's spelling (``Tense=Fut`` → fti), so the two compare."""
    f = features(morph) if isinstance(morph, str) else morph
    tags = {
        {"Sing": "sg", "Plur": "pl"}.get(f.get("Number", ""), ""),
        {"Masc": "m", "Fem": "f"}.get(f.get("Gender", ""), ""),
        {"1": "p1", "2": "p2", "3": "p3"}.get(f.get("Person", ""), ""),
        _tense(f),
    }
    return {t for t in tags if t}


def _tense(f: Mapping[str, str]) -> str:
    form, mood, tense = f.get("VerbForm", ""), f.get("Mood", ""), f.get("Tense", "")
    if form == "Inf":
        return "inf"
    if form == "Part":
        return "pprs" if tense == "Pres" else "pp"
    if mood == "Cnd":
        return "cni"
    if mood == "Imp":
        return "imp"
    if mood == "Sub":
        return "pis" if tense == "Imp" else "prs"
    return {"Pres": "pri", "Imp": "pii", "Past": "ifi", "Fut": "fti"}.get(tense, "")


def _masculine_singular(form: str, reading: Analysis) -> str:
    """The masculine singular of a participle (« variées » → varié): the lemma of a
    participle used as an adjective."""
    word = form.lower()
    tags = set(reading.tags)
    if "f" in tags and "pl" in tags and word.endswith("es"):
        return word[:-2]
    if "f" in tags and "sg" in tags and word.endswith("e"):
        return word[:-1]
    if "m" in tags and "pl" in tags and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _feminine_noun(form: str, reading: Analysis) -> str:
    """A feminine noun is its own lemma (« serveuses » → serveuse, « veuves » → veuve),
    where Apertium gives the masculine of the same stem (serveur, veuf); « mesdames »
    (madame) and other lemmas of another shape stay Apertium's."""
    lemma, word = reading.lemma.lower(), form.lower()
    singular = word[:-1] if "pl" in reading.tags and word.endswith("s") else word
    if singular != lemma and len(lemma) > 3 and singular.startswith(lemma[:-2]):
        return singular
    return lemma


_OE = re.compile(r"^oe|oeu")


def ligature(lemma: str, form: str = "") -> str:
    """One spelling of œ in lemmas: Apertium and spaCy write « oeil », « coeur »; a form
    written with œ keeps it; else « oe » at the start of a word or before « u » is œ
    (œil, œuvre, cœur, sœur, vœu), not in « coexister » or « moelle »."""
    if "oe" not in lemma:
        return lemma
    if "œ" in form.lower():
        return lemma.replace("oe", "œ")
    return _OE.sub(lambda m: "œ" + m.group(0)[2:], lemma)
