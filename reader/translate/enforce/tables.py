"""Word tables of enforcement: the stand-ins the engine translates predictably, and the
French and English function words the rules of ``french`` and ``standins`` look at."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class StandIn:
    """A French word the engine translates predictably, and the English it becomes."""

    singular: str
    plural: str
    english: tuple[str, ...]  # English forms to look for, longest first


def _noun(sg: str, pl: str, en: str, en_pl: str) -> StandIn:
    return StandIn(sg, pl, (en_pl, en))


# Checked through Apertium fr→es→en: each comes out as its English, in number.
NOUNS = {
    "m": (
        _noun("perroquet", "perroquets", "parrot", "parrots"),
        _noun("pingouin", "pingouins", "penguin", "penguins"),
        _noun("zèbre", "zèbres", "zebra", "zebras"),
        _noun("violon", "violons", "violin", "violins"),
        _noun("champignon", "champignons", "mushroom", "mushrooms"),
        _noun("pinceau", "pinceaux", "paintbrush", "paintbrushes"),
    ),
    "f": (
        _noun("banane", "bananes", "banana", "bananas"),
        _noun("carotte", "carottes", "carrot", "carrots"),
        _noun("guitare", "guitares", "guitar", "guitars"),
        _noun("grenouille", "grenouilles", "frog", "frogs"),
        _noun("baleine", "baleines", "whale", "whales"),
        _noun("fraise", "fraises", "strawberry", "strawberries"),
    ),
}
ADJECTIVES = (
    StandIn("cubique", "cubiques", ("cubic",)),
    StandIn("sphérique", "sphériques", ("spherical",)),
    StandIn("volcanique", "volcaniques", ("volcanic",)),
    StandIn("polaire", "polaires", ("polar",)),
)
NAMES = tuple(
    StandIn(n, n, (n,))
    for n in ("Zorvek", "Kralvon", "Blorvak", "Quendrix", "Vultaro", "Drimmel", "Pessarin")
)
ALL_STAND_INS = (*NOUNS["m"], *NOUNS["f"], *ADJECTIVES, *NAMES)

FEMININE_ENDINGS = (
    "ion", "té", "ade", "ure", "ie", "ique", "ance", "ence", "ette", "elle", "esse", "ée",
    "ise", "ine", "aine", "oire", "euse", "trice", "ode", "ude", "ite", "ière", "tte", "rie", "sse",
)  # fmt: skip
MASCULINE_DETERMINERS = {
    "le",
    "un",
    "ce",
    "cet",
    "du",
    "au",
    "son",
    "mon",
    "ton",
    "notre",
    "votre",
}
FEMININE_DETERMINERS = {"la", "une", "cette", "sa", "ma", "ta"}
FUNCTION_WORDS = {
    *MASCULINE_DETERMINERS, *FEMININE_DETERMINERS, "les", "des", "aux", "ces", "ses", "mes",
    "tes", "leur", "leurs", "nos", "vos", "de", "à", "en", "et", "ou", "sur", "dans", "par",
    "pour", "avec", "sans", "entre", "vers", "chez", "contre", "sous", "plus", "très", "d", "l",
    "qu", "que", "nouvelle", "nouveau", "nouveaux", "nouvelles", "grand", "grande", "petit",
    "petite", "premier", "première", "dernier", "dernière", "seul", "seule", "autre", "toute",
    "tout", "tous", "toutes", "même", "aucun", "aucune", "chaque", "quelque", "quelques", "deux",
    "trois", "plusieurs", "certains", "certaines", "ne", "pas", "est", "sont", "a", "ont", "y",
}  # fmt: skip
PLURAL_DETERMINERS = {
    "les", "des", "ces", "mes", "tes", "ses", "nos", "vos", "leurs", "aux", "plusieurs",
    "quelques", "certains", "certaines", "divers", "diverses", "nombreux", "nombreuses",
    "deux", "trois", "quatre", "cinq", "six", "dix", "cent", "mille", "tous", "toutes",
}  # fmt: skip
SINGULAR_DETERMINERS = {
    "le", "la", "l", "un", "une", "ce", "cet", "cette", "du", "au", "mon", "ton", "son",
    "ma", "ta", "sa", "notre", "votre", "leur", "chaque", "quel", "quelle",
}  # fmt: skip
ELIDED = re.compile(r"(?<!\w)(l|d|qu|jusqu|lorsqu|puisqu)['’]\s*$", re.IGNORECASE)
SHORT_BEFORE_VOWEL = {"cet": "ce", "nouvel": "nouveau", "bel": "beau", "vieil": "vieux"}

ADJECTIVAL_ENDINGS = ("al", "ic", "ical", "an", "ian", "ese", "ish", "ary", "ive", "ous")
NAME_THE_HEADS = {
    "house", "states", "kingdom", "union", "nations", "bank", "commission", "council",
    "parliament", "court", "ministry", "senate", "assembly", "republic", "office", "department",
    "fund", "agency", "forces", "emirates", "alliance", "organization", "organisation", "party",
    "army", "navy", "government", "treasury", "reserve", "front", "guard", "netherlands",
    "philippines", "kremlin", "pentagon", "vatican", "hague", "élysée", "elysee",
}  # fmt: skip
AN_LETTERS = "AEFHILMNORSX"  # letter names that start with a vowel sound: an FBI, an MP
