"""Glossary enforcement, a step of translation: machine English that uses the glossary's
English for its terms and keeps names as they are. The algorithm is in ``apply``; the
French facts it reads in ``french``, ``grammar`` and ``tables``; stand-ins in ``standins``;
names in ``names``; when spaCy is asked in ``nlp``; the checks of a result in ``checks``."""

from glossary.match import Found, PrefixIndex, is_name, sentence_occurrences
from reader.translate.enforce.apply import NAME_ORIGIN, Trace, apply, enforceable, entry_label
from reader.translate.enforce.french import (
    entry_plural,
    french_plural,
    occurrence_english,
    occurrence_plural,
    takes_the,
    used_as_adjective,
)
from reader.translate.enforce.nlp import Policy
from reader.translate.enforce.standins import Protected, insert, protect, splice
from reader.translate.enforce.tables import ADJECTIVES, ALL_STAND_INS, NAMES, NOUNS, StandIn

__all__ = [
    "ADJECTIVES",
    "ALL_STAND_INS",
    "NAMES",
    "NAME_ORIGIN",
    "NOUNS",
    "Found",
    "Policy",
    "PrefixIndex",
    "Protected",
    "StandIn",
    "Trace",
    "apply",
    "enforceable",
    "entry_label",
    "entry_plural",
    "french_plural",
    "insert",
    "is_name",
    "occurrence_english",
    "occurrence_plural",
    "protect",
    "sentence_occurrences",
    "splice",
    "takes_the",
    "used_as_adjective",
]
