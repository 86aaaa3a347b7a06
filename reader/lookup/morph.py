"""A word's dictionary form, part of speech and morphology, in plain words.

Two analysers, each optional: spaCy's ``fr_core_news_sm`` reads the word in its
sentence (context decides between « la porte » and « il porte »), and Apertium's
French analyser lists every reading its dictionary knows. When both answer, the
reading is Apertium's (its lemmas come from a dictionary, spaCy's from rules:
alone, spaCy turns « travaux » into « traval ») and spaCy picks which reading
fits the sentence. Morphology is then told in plain words: « verb, present, 3rd
person plural ».
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from reader.lookup.apertium_bidix import Analysis
from reader.nlp import lemma as nlp_lemma

POS_WORDS = {
    "n": "noun",
    "np": "proper noun",
    "adj": "adjective",
    "vblex": "verb",
    "vbser": "verb",
    "vbhaver": "verb",
    "vbmod": "modal verb",
    "adv": "adverb",
    "preadv": "adverb",
    "pr": "preposition",
    "det": "determiner",
    "predet": "determiner",
    "prn": "pronoun",
    "rel": "relative pronoun",
    "cnjcoo": "conjunction",
    "cnjsub": "conjunction",
    "cnjadv": "conjunction",
    "num": "number",
    "ij": "interjection",
}
SPACY_POS_WORDS = {
    "NOUN": "noun",
    "PROPN": "proper noun",
    "ADJ": "adjective",
    "VERB": "verb",
    "AUX": "auxiliary verb",
    "ADV": "adverb",
    "ADP": "preposition",
    "DET": "determiner",
    "PRON": "pronoun",
    "CCONJ": "conjunction",
    "SCONJ": "conjunction",
    "NUM": "number",
    "INTJ": "interjection",
}
SPACY_TO_APERTIUM = {
    "NOUN": {"n"},
    "PROPN": {"np"},
    "ADJ": {"adj"},
    "VERB": {"vblex", "vbser", "vbhaver", "vbmod"},
    "AUX": {"vbser", "vbhaver", "vbmod", "vblex"},
    "ADV": {"adv", "preadv"},
    "ADP": {"pr"},
    "DET": {"det", "predet"},
    "PRON": {"prn", "rel"},
    "CCONJ": {"cnjcoo"},
    "SCONJ": {"cnjsub", "cnjadv", "rel"},
    "NUM": {"num", "det"},
    "INTJ": {"ij"},
}
TENSES = {
    "inf": "infinitive",
    "pri": "present",
    "prs": "present subjunctive",
    "pii": "imperfect",
    "ifi": "simple past",
    "fti": "future",
    "cni": "conditional",
    "pis": "imperfect subjunctive",
    "imp": "imperative",
    "pp": "past participle",
    "pprs": "present participle",
    "ger": "gerund",
}
PERSONS = {"p1": "1st person", "p2": "2nd person", "p3": "3rd person"}
GENDERS = {"m": "masculine", "f": "feminine", "mf": "masculine or feminine", "nt": "neuter"}
NUMBERS = {"sg": "singular", "pl": "plural", "sp": "singular or plural"}
NAME_TAGS = {"ant": "a person", "cog": "a surname", "loc": "a place", "org": "an organisation"}
DEGREES = {"comp": "comparative", "sup": "superlative"}
PROPER_POS = "proper noun"


@dataclass(frozen=True)
class TokenInfo:
    """What spaCy says of the word in its sentence."""

    text: str
    lemma: str
    pos: str
    features: Mapping[str, str]
    decided: bool = False
    """The lemma is the text analysis's (``reader.nlp.lemma``): the reading must have it."""


@dataclass(frozen=True)
class Morphology:
    """The chosen reading: lemma, part of speech and morphology in plain words."""

    lemma: str
    pos: str
    morph: str
    proper: bool
    reading: Analysis | None
    """The Apertium reading chosen (None when Apertium did not know the word)."""
    readings: tuple[Analysis, ...] = ()
    """Every Apertium reading of the same lemma, the chosen one first (for glosses); with
    no reading chosen, because spaCy's reading fills a gap in Apertium's dictionary, the
    readings Apertium has (« tournant » the noun: those of tourner), for the nearest glosses."""
    analyser: str = ""
    """Which analysers decided: ``spaCy + Apertium``, ``spaCy`` or ``Apertium``."""

    @property
    def description(self) -> str:
        """``verb, present, 3rd person plural``."""
        return ", ".join(part for part in (self.pos, self.morph) if part)


def spacy_tags(info: TokenInfo) -> set[str]:
    """spaCy's features in Apertium's spelling, so the two can be compared."""
    return nlp_lemma.spacy_tags(info.features)


def _score(reading: Analysis, info: TokenInfo | None) -> int:
    if info is None:
        return 0
    score = 4 if reading.lemma.lower() == info.lemma.lower() else 0
    if reading.pos in SPACY_TO_APERTIUM.get(info.pos, ()):
        score += 3
    wanted = spacy_tags(info)
    for tag in reading.tags[1:]:
        if (
            tag in wanted
            or (tag == "mf" and wanted & {"m", "f"})
            or (tag == "sp" and wanted & {"sg", "pl"})
        ):
            score += 1
    return score


def choose(readings: Sequence[Analysis], info: TokenInfo | None) -> Analysis | None:
    """The reading that best fits spaCy's view of the word; on a tie the more frequent
    lemma, as the text's analysis decides (« ouvre » alone: ouvrir, not ouvrer), then
    Apertium's order."""
    if not readings:
        return None
    ranks = nlp_lemma.frequency_ranks()

    def key(pair: tuple[int, Analysis]) -> tuple[int, int, int]:
        i, reading = pair
        return (_score(reading, info), -ranks.get(reading.lemma.lower(), 10**9), -i)

    return max(enumerate(readings), key=key)[1]


def describe_tags(tags: Sequence[str]) -> tuple[str, str]:
    """Apertium tags → (part of speech, morphology): ``("verb", "present, 3rd person plural")``."""
    if not tags:
        return "", ""
    pos = POS_WORDS.get(tags[0], tags[0])
    rest = tags[1:]
    parts = [TENSES[t] for t in rest if t in TENSES]
    parts += [NAME_TAGS[t] for t in rest if t in NAME_TAGS]
    parts += [DEGREES[t] for t in rest if t in DEGREES]
    agreement = " ".join(
        table[t] for table in (PERSONS, GENDERS, NUMBERS) for t in rest if t in table
    )
    if agreement:
        parts.append(agreement)
    return pos, ", ".join(parts)


def describe_spacy(info: TokenInfo) -> tuple[str, str]:
    """spaCy's tag and features → (part of speech, morphology), in the same words."""
    pos = SPACY_POS_WORDS.get(info.pos, info.pos.lower())
    tags = spacy_tags(info)
    tense = next((t for t in tags if t in TENSES), "")
    order = [*PERSONS, *("m", "f"), *("sg", "pl")]
    agreement = " ".join({**PERSONS, **GENDERS, **NUMBERS}[t] for t in order if t in tags)
    return pos, ", ".join(p for p in (TENSES.get(tense, ""), agreement) if p)


def _a_gap_in_apertium(readings: Sequence[Analysis], info: TokenInfo) -> bool:
    """spaCy reads the word in its sentence as a noun, adjective, verb or adverb that none
    of Apertium's readings is: a gap in Apertium's dictionary (a participle used as a
    noun: « tournant », « dirigeant »), not a reading to overrule."""
    wanted = SPACY_TO_APERTIUM.get(info.pos, set()) if info.pos in CONTENT_POS else set()
    return bool(wanted) and not any(r.pos in wanted for r in readings)


CONTENT_POS = ("NOUN", "ADJ", "VERB", "ADV")


def decide(
    word: str, readings: Sequence[Analysis], info: TokenInfo | None, sentence_initial: bool
) -> Morphology:
    """Combines the two analysers' answers (either may be missing) into one Morphology."""
    readings = list(dict.fromkeys(Analysis(_cased(r.lemma, word, r.pos), r.tags) for r in readings))
    nearest: tuple[Analysis, ...] = ()
    if info is not None and info.decided:
        # One owner: the analysis's lemma; Apertium gives the readings of that lemma only.
        fitting = [r for r in readings if r.lemma.lower() == info.lemma.lower()]
        reading = choose(fitting, info)
        if reading is None:
            nearest = tuple(readings)
    else:
        reading = choose(readings, info)
    if reading is not None and info is not None and _a_gap_in_apertium(readings, info):
        reading, nearest = None, tuple(readings)  # « le tournant »: spaCy's noun stands
    analysers = " + ".join(
        name
        for name, present in (("spaCy", info is not None), ("Apertium", bool(readings)))
        if present
    )
    if reading is not None:
        pos, morph = describe_tags(reading.tags)
        same = [r for r in readings if r.lemma == reading.lemma and r != reading]
        return Morphology(
            reading.lemma, pos, morph, reading.pos == "np", reading, (reading, *same), analysers
        )
    if info is not None:
        pos, morph = describe_spacy(info)
        proper = info.pos == "PROPN" or (
            word[:1].isupper() and not sentence_initial and info.pos in ("NOUN", "X")
        )
        lemma = word if proper else _cased(info.lemma or word, word, "")
        return Morphology(
            lemma, PROPER_POS if proper else pos, morph, proper, None, nearest, analysers
        )
    proper = word[:1].isupper() and not sentence_initial
    return Morphology(
        word if proper else _cased(word, word, ""),
        PROPER_POS if proper else "",
        "",
        proper,
        None,
        (),
        "",
    )


def _cased(lemma: str, word: str, pos: str) -> str:
    """Lower case (« Les » → le), except names and acronyms (OTAN stays OTAN)."""
    if pos == "np" or (len(word) > 1 and word.isupper()):
        return lemma
    return nlp_lemma.ligature(lemma.lower(), word)  # œil, as the analysis spells it
