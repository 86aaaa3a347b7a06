"""French text as it is read aloud: numbers, abbreviations and symbols written out the way a
French reader says them, before the text reaches a speech engine.

Only what espeak-ng reads wrongly, or what an engine cannot know, is rewritten; checked
with ``espeak-ng -v fr-fr -q -x`` (its phonemes) against the words spelled out. Left as
they are, because espeak-ng reads them right: cardinal numbers and years (« 1998 »,
« 3,5 milliards »), « Mme », « Dr », « etc. », « 5 $ ». Rewritten, because it does not:

- ordinals: « 2e », « XXIe » (« vingt-et-unième »), « 1re », « Ier »; Roman numerals after
  a name or a word such as chapitre (« Louis XIV » → « Louis quatorze »);
- thousands grouped with no-break spaces (« 1 000 »), negative numbers (« -5 »), ranges
  (« 2020-2024 » → « 2020 à 2024 »), times (« 14h30 »), numeric dates, simple fractions;
- symbols and units after a number: « % », « € » (« 3,50 € » → « 3 euros 50 »), « M€ »,
  « °C », « km/h », « m² », « h », « min », « t »…, in the singular below 2;
- abbreviations: « M. », « MM. », « Me », « n° », « p. ex. », « cf. », « c.-à-d. », « J.-C. »;
- « un » made « une » before a few feminine nouns (« 21 h » → « vingt-et-une heures »);
- acronyms French spells letter by letter that espeak-ng reads as a word (« UE », « PIB »);
- law articles (« l'article 49-3 », « art. L. 123-4 »: not ranges, nor Roman numerals),
  pages (« p. 45 »), « 24h/24 », « 7j/7 », marks (« 15/20 »);
- e-mail and web addresses piece by piece (« point », « arobase », « slash »), and French
  phone numbers in pairs (« 01 23 45 67 89 » → « zéro un, vingt-trois… »).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from reader.speech.numbers import cardinal, ordinal, roman
from reader.textio import clean

Rule = Callable[[str], str]

_CHARACTERS = str.maketrans(
    {
        **dict.fromkeys("\u00a0\u202f\u2007\u2009\u200a\t\r\n", " "),
        **dict.fromkeys("\u2212\u2010\u2011", "-"),
        **{"ᵉ": "e", "ʳ": "r", "ᵈ": "d", "º": "°"},
    }
)
"""Spaces of every width as one space, minus signs and hyphens as « - », superscript
letters (XXIᵉ, 1ᵉʳ) as letters, the ordinal indicator (nº) as a degree sign (n°)."""
_NUMBER = r"\d+(?:,\d+)?"
_ALONE = r"(?<![\w,.])"
"""Not inside a word or another number."""
_END = r"(?![\w²³])"

_MONTHS = (
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"
).split()


def _sub(pattern: str, replace: str | Callable[[re.Match[str]], str]) -> Rule:
    compiled = re.compile(pattern)
    return lambda text: compiled.sub(replace, text)


def _value(number: str) -> float:
    return float(number.replace(",", "."))


def _plural(number: str, singular: str, plural: str) -> str:
    """French agreement: plural from 2 (« 1,5 kilomètre », « 2 kilomètres »)."""
    return singular if abs(_value(number)) < 2 else plural


# ---------------------------------------------------------------- dates, times, ranges


def _date(day: str, month: str, year: str) -> str | None:
    d, m = int(day), int(month)
    if not (1 <= m <= 12 and 1 <= d <= 31):
        return None
    return f"{'1er' if d == 1 else d} {_MONTHS[m - 1]} {year}"


def _numeric_date(match: re.Match[str]) -> str:
    return _date(match["d"], match["m"], match["y"]) or match[0]


def _time(match: re.Match[str]) -> str:
    hours, minutes = int(match["h"]), match["min"] or match["min2"]
    said = f"{hours} {'heure' if hours < 2 else 'heures'}"
    return f"{said} {int(minutes)}" if minutes and int(minutes) else said


# ---------------------------------------------------------------- money, units

_CURRENCIES = {
    "€": ("euro", "euros", "centimes"),
    "$": ("dollar", "dollars", "cents"),
    "£": ("livre", "livres", "pence"),
}
_SCALES = {"k": "mille", "M": "million", "Md": "milliard", "Mds": "milliard", "Mrd": "milliard"}


def _of(currency: str) -> str:
    """« d'euros », « de dollars »: after millions and milliards."""
    return f"d'{currency}" if currency[0] in "aeiou" else f"de {currency}"


def _money_scaled(match: re.Match[str]) -> str:
    number, scale, currency = match["n"], _SCALES[match["scale"]], _CURRENCIES[match["cur"]][1]
    if scale == "mille":
        return f"{number} mille {currency}"
    return f"{number} {_plural(number, scale, scale + 's')} {_of(currency)}"


def _money(match: re.Match[str]) -> str:
    whole, cents, (one, many, small) = match["n"], match["c"], _CURRENCIES[match["cur"]]
    if cents is None:
        return f"{whole} {_plural(whole, one, many)}"
    cents = cents.ljust(2, "0")
    if int(whole) == 0:
        return f"{int(cents)} {small}"
    return (
        f"{whole} {_plural(whole, one, many)} {int(cents)}"
        if int(cents)
        else (f"{whole} {_plural(whole, one, many)}")
    )


_UNITS: dict[str, tuple[str, str]] = {
    "km/h": ("kilomètre par heure", "kilomètres par heure"),
    "m/s": ("mètre par seconde", "mètres par seconde"),
    "km²": ("kilomètre carré", "kilomètres carrés"),
    "m²": ("mètre carré", "mètres carrés"),
    "m³": ("mètre cube", "mètres cubes"),
    "°C": ("degré Celsius", "degrés Celsius"),
    "°F": ("degré Fahrenheit", "degrés Fahrenheit"),
    "°": ("degré", "degrés"),
    "km": ("kilomètre", "kilomètres"),
    "cm": ("centimètre", "centimètres"),
    "mm": ("millimètre", "millimètres"),
    "m": ("mètre", "mètres"),
    "kg": ("kilo", "kilos"),
    "mg": ("milligramme", "milligrammes"),
    "g": ("gramme", "grammes"),
    "t": ("tonne", "tonnes"),
    "l": ("litre", "litres"),
    "L": ("litre", "litres"),
    "cl": ("centilitre", "centilitres"),
    "ml": ("millilitre", "millilitres"),
    "ha": ("hectare", "hectares"),
    "h": ("heure", "heures"),
    "min": ("minute", "minutes"),
    "s": ("seconde", "secondes"),
    "kWh": ("kilowattheure", "kilowattheures"),
    "MWh": ("mégawattheure", "mégawattheures"),
    "GWh": ("gigawattheure", "gigawattheures"),
    "TWh": ("térawattheure", "térawattheures"),
    "kW": ("kilowatt", "kilowatts"),
    "MW": ("mégawatt", "mégawatts"),
    "GW": ("gigawatt", "gigawatts"),
    "ko": ("kilooctet", "kilooctets"),
    "Mo": ("mégaoctet", "mégaoctets"),
    "Go": ("gigaoctet", "gigaoctets"),
    "To": ("téraoctet", "téraoctets"),
    "%": ("pour cent", "pour cent"),
    "‰": ("pour mille", "pour mille"),
}
_UNIT_PATTERN = "|".join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True))


def _unit(match: re.Match[str]) -> str:
    one, many = _UNITS[match["unit"].replace(" ", "")]
    return f"{match['n']} {_plural(match['n'], one, many)}"


# ---------------------------------------------------------------- ordinals, Roman numerals

_ORDINAL_SUFFIX = r"(?P<suffix>ère|ere|er|re|ème|eme|è|e|nde|nd)(?P<s>s?)"


def _ordinal_words(value: int, suffix: str) -> str | None:
    if suffix in ("nd", "nde"):
        return None if value != 2 else ("seconde" if suffix == "nde" else "second")
    if suffix in ("er", "re", "ère", "ere"):
        return None if value != 1 else ordinal(1, feminine=suffix != "er")
    return ordinal(value)


def _digit_ordinal(match: re.Match[str]) -> str:
    said = _ordinal_words(int(match["n"]), match["suffix"])
    return match[0] if said is None else said + match["s"]


def _roman_ordinal(match: re.Match[str]) -> str:
    numeral = match["n"]
    value = roman(numeral)
    # Le, Ce, De, Me are words, not 50th, 100th, 500th, 1000th.
    if value is None or numeral in ("L", "C", "D", "M"):
        return match[0]
    said = _ordinal_words(value, match["suffix"])
    return match[0] if said is None else said + match["s"]


_SOVEREIGNS = frozenset(
    "Louis Henri Charles Philippe François Jean Pie Paul Léon Benoît Grégoire Clément Innocent "
    "Napoléon Guillaume Frédéric Édouard Alexandre Nicolas Pierre Georges Élisabeth Richard "
    "Mohammed Hassan Juan Felipe Carlos".split()
)
_NUMBERED = frozenset(
    "chapitre tome acte livre titre partie volume scène annexe article section".split()
)


def _roman_cardinal(match: re.Match[str]) -> str:
    before, numeral = match["before"], match["n"]
    value = roman(numeral)
    counted = before.lower() in _NUMBERED
    # After any capitalised name a numeral of two letters or more (Louis XIV, Jean-Paul II);
    # a single letter only after a sovereign's name or a word that numbers parts
    # (Charles V, chapitre X): « Génération X » and « vitamine C » stay letters.
    named = before[:1].isupper() and (len(numeral) > 1 or before.split("-")[-1] in _SOVEREIGNS)
    if value is None or not (counted or named) or (not counted and set(numeral) - set("IVX")):
        return match[0]
    return f"{before} {cardinal(value)}"


# ---------------------------------------------------------------- words, acronyms

_FEMININE = (
    "heures? minutes? secondes? tonnes? fois personnes? semaines? années? journées? nuits? "
    "voix victimes? femmes? filles? pages? places? villes? régions? entreprises? voitures? "
    "maisons? écoles? lois? mesures? questions? étapes? éditions? saisons? fermes?"
).split()


def _feminine(match: re.Match[str]) -> str:
    said = cardinal(int(match["n"]), feminine=True)
    return f"{said} {match['noun']}" if said.endswith("une") else match[0]


_SPELLED = frozenset("PIB OMS IVG OCDE UMP UDI OGM ONG RER PMA BTP".split())
_WORDS_IN_CAPITALS = frozenset("OU AU EU AI EAU OUI".split())
_ONSETS = frozenset("BL BR CH CL CR DR FL FR GL GR PH PL PR SC SK SL SM SN SP ST TH TR VR".split())
_VOWELS = set("AEIOUY")


def _acronym(match: re.Match[str]) -> str:
    word = match[0]
    if not set(word) - set("IVX"):  # a Roman numeral (le XV de France): not letters
        return word
    spelled = (
        word in _SPELLED
        or (set(word) <= _VOWELS and len(word) <= 3 and word not in _WORDS_IN_CAPITALS)
        or not set(word) & _VOWELS
        or (word[0] not in _VOWELS and word[1] not in _VOWELS and word[:2] not in _ONSETS)
    )
    return " ".join(word) if spelled else word


_FRACTIONS = {
    "1/2": "un demi",
    "1/3": "un tiers",
    "2/3": "deux tiers",
    "1/4": "un quart",
    "3/4": "trois quarts",
    "½": "un demi",
    "⅓": "un tiers",
    "⅔": "deux tiers",
    "¼": "un quart",
    "¾": "trois quarts",
}

_CAPITAL = r"[A-ZÀ-ÖØ-Þ]"
_NAME = rf"{_CAPITAL}[a-zà-öø-ÿ]+"


def _phone(match: re.Match[str]) -> str:
    """« 01 23 45 67 89 » as French speakers say it: in pairs, « zéro un, vingt-trois… »."""
    pairs = re.findall(r"\d\d", match[0])
    return ", ".join(
        f"zéro {cardinal(int(p[1]))}" if p[0] == "0" else cardinal(int(p)) for p in pairs
    )


_SPOKEN_ADDRESS = str.maketrans(
    {".": " point ", "@": " arobase ", "/": " slash ", "-": " tiret ", "_": " tiret bas "}
)


def _address(match: re.Match[str]) -> str:
    """An e-mail address or a URL, said: « jean point dupont arobase exemple point fr »."""
    address = re.sub(r"^https?://", "", match[0]).rstrip("/")
    return " ".join(address.translate(_SPOKEN_ADDRESS).split())


RULES: tuple[Rule, ...] = (
    # E-mail addresses and web addresses, said piece by piece (before any number rule).
    _sub(r"(?<![\w.])[\w.+-]+@[\w-]+(?:\.[\w-]+)+", _address),
    _sub(r"\b(?:https?://|www\.)[^\s«»\"]+?(?=[.,;:!?)»]*(?:\s|$))", _address),
    # French phone numbers: five pairs (01 23 45 67 89, 06.12.34.56.78).
    _sub(rf"{_ALONE}0\d(?:([ .])\d\d)(?:\1\d\d){{3}}(?![\d.])", _phone),
    # A double hyphen stands for a dash (1914--1918).
    _sub(r"(?<=\S)--(?=\S)", " – "),
    # Law articles: « l'article 49-3 », « art. L. 123-4 »: numbers, not ranges; the code's
    # letter a letter, not a Roman numeral.
    _sub(r"\bart\.(?= ?(?:[LRDA]\.? ?)?\d)", "article"),
    _sub(r"\b(?P<a>articles?) (?P<code>[LRDA])\.? ?(?=\d)", r"\g<a> \g<code> "),
    _sub(
        r"\b(?P<a>articles? (?:[LRDA] )?)(?P<n>\d+(?:-\d+)+)",
        lambda m: m["a"] + m["n"].replace("-", " "),
    ),
    # Pages: p. 45, pp. 45-50.
    _sub(r"\bpp\. ?(?=\d)", "pages "),
    _sub(r"\bp\. ?(?=\d)", "page "),
    # « 24h/24 », « 7j/7 »: around the clock, every day.
    _sub(rf"{_ALONE}(\d+) ?h ?/ ?(\d+){_END}", r"\1 heures sur \2"),
    _sub(rf"{_ALONE}(\d+) ?j ?/ ?(\d+){_END}", r"\1 jours sur \2"),
    # Numbers: n° 2010-626 is one, not a range.
    _sub(r"\b[nN]° ?(?=\d)", "numéro "),
    # Thousands grouped by (no-break) spaces: one number (2 500 000).
    _sub(rf"{_ALONE}\d{{1,3}}(?: \d{{3}})+(?![\d])", lambda m: m[0].replace(" ", "")),
    # Numeric dates: 12/05/2025, 2025-05-12.
    _sub(rf"{_ALONE}(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})/(?P<y>\d{{4}}){_END}", _numeric_date),
    _sub(rf"{_ALONE}(?P<y>\d{{4}})-(?P<m>\d{{2}})-(?P<d>\d{{2}}){_END}", _numeric_date),
    # Marks: 15/20, 7,5/10.
    _sub(rf"{_ALONE}(?P<a>{_NUMBER})/(?P<b>10|20|100)(?![\w/])", r"\g<a> sur \g<b>"),
    # Times: 14h30, 14 h 30, 14:30; a range of them (14h-16h).
    _sub(
        rf"{_ALONE}(?P<h>[01]?\d|2[0-3]) ?(?:h ?(?P<min>[0-5]\d)?|:(?=\d\d)(?P<min2>[0-5]\d))"
        rf"(?=[\s.,;:!?)»\-–]|$)",
        _time,
    ),
    _sub(r"(heures?(?: \d+)?) ?[-–] ?(?=\d)", r"\1 à "),
    # Ranges: 2020-2024, 10–12 ans.
    _sub(rf"(?<!numéro ){_ALONE}({_NUMBER})(?:-| ?– ?)(?=\d)", r"\1 à "),
    # Signs: -5 °C, +3 %.
    _sub(r"(?<![\w)])-(?=\d)", "moins "),
    _sub(r"(?<![\w)])\+(?=\d)", "plus "),
    # Money: $5 → 5 $; 12 M€; 3,50 €; millions €.
    _sub(r"(?P<cur>[€$£]) ?(?=\d)(?P<n>" + _NUMBER + ")", r"\g<n> \g<cur>"),
    _sub(
        rf"{_ALONE}(?P<n>{_NUMBER}) ?(?P<scale>k|Mds|Md|Mrd|M) ?(?P<cur>[€$£])",
        _money_scaled,
    ),
    _sub(r"\b(millions?|milliards?) ?([€$£])", lambda m: f"{m[1]} {_of(_CURRENCIES[m[2]][1])}"),
    _sub(rf"{_ALONE}(?P<n>\d+)(?:,(?P<c>\d{{1,2}}))? ?(?P<cur>[€$£])", _money),
    # Units and percentages after a number.
    _sub(rf"{_ALONE}(?P<n>{_NUMBER}) ?(?P<unit>{_UNIT_PATTERN}|° C|° F)(?![\w²³/'’])", _unit),
    # Ordinals: 2e, 1re, 2nde, XXIe, Ier.
    _sub(rf"{_ALONE}(?P<n>\d+){_ORDINAL_SUFFIX}\b", _digit_ordinal),
    _sub(rf"\b(?P<n>[IVXLCDM]+){_ORDINAL_SUFFIX}\b", _roman_ordinal),
    # Roman numerals as numbers: Louis XIV, Jean-Paul II, chapitre III.
    _sub(
        rf"(?P<before>\b{_NAME}(?:-{_NAME})*|\b(?:{'|'.join(_NUMBERED)})) "
        r"(?P<n>[IVXLCDM]+)\b(?![-'’])(?!\.? ?\d)",  # « article L 123 »: a code's letter
        _roman_cardinal,
    ),
    # Abbreviations.
    # M. and MM. before a name or a title (M. Macron, M. le ministre, M. de Villepin).
    _sub(r"\bMM\.(?= +\w)", "Messieurs"),
    _sub(r"\bM\.(?= +\w)", "Monsieur"),
    _sub(r"\bMe(?= +[A-ZÀ-Þ][a-zà-ÿ])", "Maître"),
    _sub(r"\bMgr\b\.?", "Monseigneur"),
    _sub(r"\bMmes\b", "Mesdames"),
    _sub(r"\bMlles\b", "mesdemoiselles"),
    _sub(r"\bp\. ?ex\.", "par exemple"),
    _sub(r"\bcf\.", "confère"),
    _sub(r"\bc\.?-à-d\.?", "c'est-à-dire"),
    _sub(r"\bav\. ?J\.-C\.", "avant Jésus-Christ"),
    _sub(r"\bapr\. ?J\.-C\.", "après Jésus-Christ"),
    _sub(r"\bJ\.-C\.", "Jésus-Christ"),
    _sub(r"\benv\.(?= ?\d)", "environ"),
    _sub(r"\bCie\b", "compagnie"),
    _sub(r"\bSte?(?=[- ][A-ZÀ-Þ])", lambda m: "sainte" if m[0] == "Ste" else "saint"),
    _sub(r"&", " et "),
    _sub(r"§ ?", "paragraphe "),
    # Fractions.
    _sub(r"(?<![\d/])(?:[1-3]/[2-4])(?![\d/])|[½⅓⅔¼¾]", lambda m: _FRACTIONS.get(m[0], m[0])),
    # « une » before feminine nouns: 1 heure, 21 personnes.
    _sub(rf"{_ALONE}(?P<n>\d*1) (?P<noun>{'|'.join(_FEMININE)})\b", _feminine),
    # Acronyms spelled letter by letter: UE, BCE, PIB.
    _sub(r"(?<![\w-])[A-Z]{2,5}(?![\w-])", _acronym),
    _sub(r" {2,}", " "),
)


def normalise(text: str) -> str:
    """``text`` as it is said aloud (see the module docstring), on one line."""
    said = clean(text).translate(_CHARACTERS)
    for rule in RULES:
        said = rule(said)
    return said.strip()


_CLOSING = '.!?…:;»"”)'


def utterance(parts: Iterable[str]) -> str:
    """Blocks or sentences as one text to say, each ending in punctuation so that the
    engine pauses after it (a title or heading has none)."""
    said = [part.strip() for part in parts if part.strip()]
    return " ".join(part if part.endswith(tuple(_CLOSING)) else part + "." for part in said)
