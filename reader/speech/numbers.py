"""French numbers in words, and Roman numerals: what the normaliser writes out where the
engine would read digits wrongly (ordinals, feminine forms, Roman numerals).

Spelling follows the 1990 rules: every part of a compound number is joined by hyphens
(« vingt-et-unième », « deux-cent-trois »), except the nouns million and milliard.
"""

from __future__ import annotations

import re

_UNITS = (
    "zéro un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze "
    "seize dix-sept dix-huit dix-neuf"
).split()
_TENS = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}


def _below_100(n: int) -> str:
    if n < 20:
        return _UNITS[n]
    tens, unit = divmod(n, 10)
    if tens in (7, 9):  # soixante-dix…, quatre-vingt-dix…: 60 or 80 plus 10 to 19
        base = "soixante" if tens == 7 else "quatre-vingt"
        joiner = "-et-" if n == 71 else "-"
        return f"{base}{joiner}{_UNITS[10 + unit]}"
    base = "quatre-vingt" if tens == 8 else _TENS[tens]
    if unit == 0:
        return "quatre-vingts" if tens == 8 else base
    joiner = "-et-" if unit == 1 and tens != 8 else "-"
    return f"{base}{joiner}{_UNITS[unit]}"


def _below_1000(n: int) -> str:
    hundreds, rest = divmod(n, 100)
    if hundreds == 0:
        return _below_100(rest)
    head = "cent" if hundreds == 1 else f"{_UNITS[hundreds]}-cent"
    if rest == 0:
        return head if hundreds == 1 else head + "s"
    return f"{head}-{_below_100(rest)}"


def _invariable(words: str) -> str:
    """Vingt and cent take no s before mille (« quatre-vingt-mille », « deux-cent-mille »)."""
    return words[:-1] if words.endswith(("vingts", "cents")) else words


def cardinal(n: int, feminine: bool = False) -> str:
    """``n`` in words: 21 → « vingt-et-un » (feminine: « vingt-et-une »), 2000 → « deux-mille »."""
    if n < 0:
        return "moins " + cardinal(-n, feminine)
    if n >= 10**12:
        raise ValueError(f"{n} is too large to be said in words here")
    parts: list[str] = []
    for size, noun in ((10**9, "milliard"), (10**6, "million")):
        count, n = divmod(n, size)
        if count:
            parts.append(f"{cardinal(count)} {noun}{'s' * (count > 1)}")
    thousands, n = divmod(n, 1000)
    words: list[str] = []
    if thousands:
        words.append("mille" if thousands == 1 else _invariable(_below_1000(thousands)) + "-mille")
    if n or not (words or parts):
        words.append(_below_1000(n))
    if words:
        parts.append("-".join(words))
    said = " ".join(parts)
    if feminine and (said == "un" or said.endswith("-un")):
        said += "e"
    return said


def ordinal(n: int, feminine: bool = False) -> str:
    """``n`` as an ordinal: 1 → « premier » (« première »), 21 → « vingt-et-unième »."""
    if n < 1:
        raise ValueError(f"no ordinal for {n}")
    if n == 1:
        return "première" if feminine else "premier"
    words = cardinal(n)
    if words.endswith(("vingts", "cents")) or words.endswith(("millions", "milliards")):
        words = words[:-1]
    if words.endswith("cinq"):
        return words + "uième"
    if words.endswith("neuf"):
        return words[:-1] + "vième"
    if words.endswith("e"):
        return words[:-1] + "ième"
    return words + "ième"


_ROMAN = re.compile(r"M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def roman(numeral: str) -> int | None:
    """The value of a well-formed Roman numeral in capitals (``XIV`` → 14), else None."""
    if not numeral or not _ROMAN.fullmatch(numeral):
        return None
    values = [_ROMAN_VALUES[c] for c in numeral]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
