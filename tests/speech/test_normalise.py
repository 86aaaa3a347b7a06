"""French text as it is read aloud: text → normalised text, numbers in words, and (with
espeak-ng) phonemes showing that the engine reads the result as a French reader would."""

from __future__ import annotations

import re
import subprocess

import pytest

from reader.speech.normalise import normalise, utterance
from reader.speech.numbers import cardinal, ordinal, roman

NBSP, NNBSP = "\u00a0", "\u202f"

CASES = [
    # The four.
    ("Au XXIe siècle", "Au vingt-et-unième siècle"),
    ("l'OTAN paiera 100 %.", "l'OTAN paiera 100 pour cent."),
    ("3,5 milliards", "3,5 milliards"),  # espeak-ng reads it right: left alone
    ("M. Macron a parlé.", "Monsieur Macron a parlé."),
    ("Il a payé 100 %. M. Dupont est venu.", "Il a payé 100 pour cent. Monsieur Dupont est venu."),
    # Ordinals and Roman numerals.
    ("Louis XIV", "Louis quatorze"),
    ("Jean-Paul II et Charles V", "Jean-Paul deux et Charles cinq"),
    ("chapitre III", "chapitre trois"),
    ("le 1er janvier 2025", "le premier janvier 2025"),
    ("la 1re fois, la 1ère place", "la première fois, la première place"),
    ("le 2e tour, le 5ème, la 2nde", "le deuxième tour, le cinquième, la seconde"),
    (
        "le XIXe siècle, la Ve République, François Ier",
        "le dix-neuvième siècle, la cinquième République, François premier",
    ),
    ("le XVIᵉ arrondissement, le 1ᵉʳ mai", "le seizième arrondissement, le premier mai"),
    # Grouped thousands, with any space.
    (f"1{NBSP}000 euros", "1000 euros"),
    (f"1{NNBSP}000{NNBSP}000 d'habitants", "1000000 d'habitants"),
    ("2 500 habitants", "2500 habitants"),
    # Percentages, money, units.
    (f"12,5{NNBSP}% des voix", "12,5 pour cent des voix"),
    ("12 €", "12 euros"),
    ("1 €, 3,50 € et 0,99 €", "1 euro, 3 euros 50 et 99 centimes"),
    ("5 $ ou $5", "5 dollars ou 5 dollars"),
    ("12 M€ et 5 Md€", "12 millions d'euros et 5 milliards d'euros"),
    ("3 milliards €", "3 milliards d'euros"),
    ("30 °C", "30 degrés Celsius"),
    ("-5 °C la nuit", "moins 5 degrés Celsius la nuit"),
    ("\u22123 % sur un an, +2 %", "moins 3 pour cent sur un an, plus 2 pour cent"),
    (
        "10 km à 130 km/h, 50 m², 1,5 km",
        "10 kilomètres à 130 kilomètres par heure, 50 mètres carrés, 1,5 kilomètre",
    ),
    ("3 t de blé, 5 MW, 12 Go", "3 tonnes de blé, 5 mégawatts, 12 gigaoctets"),
    # Times and dates, ranges.
    ("à 14h30", "à 14 heures 30"),
    ("à 9 h 05, à 14:30, à 18h", "à 9 heures 5, à 14 heures 30, à 18 heures"),
    ("à 21h, à 1 h", "à vingt-et-une heures, à une heure"),
    ("de 14h à 16h, 14h-16h", "de 14 heures à 16 heures, 14 heures à 16 heures"),
    ("2020-2024", "2020 à 2024"),
    ("1914--1918, décision n° 2010-626", "1914 à 1918, décision numéro 2010-626"),
    ("10–12 ans, 3-1 au score", "10 à 12 ans, 3 à 1 au score"),
    ("le 12/05/2025 et le 2025-05-01", "le 12 mai 2025 et le premier mai 2025"),
    ("en 1998", "en 1998"),
    # Abbreviations and symbols.
    ("MM. Dupont et Durand", "Messieurs Dupont et Durand"),
    ("M. le ministre", "Monsieur le ministre"),
    ("Mme Dupont, Mmes, Dr Martin", "Mme Dupont, Mesdames, Dr Martin"),
    ("Me Dupond-Moretti", "Maître Dupond-Moretti"),
    ("n° 5, nº 6", "numéro 5, numéro 6"),
    ("etc.", "etc."),
    (
        "p. ex. le pain, cf. page 3, c.-à-d. ici",
        "par exemple le pain, confère page 3, c'est-à-dire ici",
    ),
    ("en 52 av. J.-C.", "en 52 avant Jésus-Christ"),
    ("Dupont & Cie", "Dupont et compagnie"),
    ("1/2 litre, les 3/4, ½", "un demi litre, les trois quarts, un demi"),
    ("21 personnes, 11 personnes", "vingt-et-une personnes, 11 personnes"),
    # Acronyms French spells out, and those it says as words.
    ("la BCE, l'UE, le PIB", "la B C E, l'U E, le P I B"),
    ("l'OTAN, l'ONU, le SMIC", "l'OTAN, l'ONU, le SMIC"),
    # What must not change.
    ("Le chat, Ces gens, Vers midi, Des mots", "Le chat, Ces gens, Vers midi, Des mots"),
    ("Génération X, vitamine C, le XV de France", "Génération X, vitamine C, le XV de France"),
    ("les 2 s'opposent, Covid-19", "les 2 s'opposent, Covid-19"),
]


@pytest.mark.parametrize(("text", "said"), CASES, ids=[c[0] for c in CASES])
def test_french_is_written_as_it_is_said(text, said) -> None:
    assert normalise(text) == said


def test_there_are_at_least_twenty_cases() -> None:
    assert len(CASES) >= 20


def test_control_characters_and_line_breaks_do_not_reach_the_engine() -> None:
    assert normalise("Bonjour\x1b[31m\nà tous\t!") == "Bonjour à tous !"
    assert normalise("  \n ") == ""


def test_an_utterance_pauses_after_a_title() -> None:
    assert (
        utterance(["Le titre", "Une phrase.", "  ", "« Fin »"]) == "Le titre. Une phrase. « Fin »"
    )


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (0, "zéro"),
        (1, "un"),
        (17, "dix-sept"),
        (21, "vingt-et-un"),
        (71, "soixante-et-onze"),
        (80, "quatre-vingts"),
        (81, "quatre-vingt-un"),
        (99, "quatre-vingt-dix-neuf"),
        (200, "deux-cents"),
        (201, "deux-cent-un"),
        (1000, "mille"),
        (80000, "quatre-vingt-mille"),
        (200000, "deux-cent-mille"),
        (1998, "mille-neuf-cent-quatre-vingt-dix-huit"),
        (2_000_000, "deux millions"),
        (1_500_000_000, "un milliard cinq-cents millions"),
        (-5, "moins cinq"),
    ],
)
def test_cardinals(n: int, words: str) -> None:
    assert cardinal(n) == words


def test_feminine_cardinals_and_ordinals() -> None:
    assert [cardinal(n, feminine=True) for n in (1, 21, 81, 11)] == [
        "une",
        "vingt-et-une",
        "quatre-vingt-une",
        "onze",
    ]
    assert [ordinal(n) for n in (1, 2, 5, 9, 21, 80, 100, 1000)] == [
        "premier",
        "deuxième",
        "cinquième",
        "neuvième",
        "vingt-et-unième",
        "quatre-vingtième",
        "centième",
        "millième",
    ]
    assert ordinal(1, feminine=True) == "première"


def test_roman_numerals_must_be_well_formed() -> None:
    assert [roman(s) for s in ("XIV", "XXI", "MCMXCVIII", "IIII", "IC", "", "xiv")] == [
        14,
        21,
        1998,
        None,
        None,
        None,
        None,
    ]


# ---------------------------------------------------------------- what espeak-ng makes of it


def phonemes(text: str) -> str:
    """espeak-ng's phonemes for ``text``, without stress marks, pauses and spaces."""
    done = subprocess.run(
        ["espeak-ng", "-v", "fr-fr", "-q", "-x"], input=text.encode(), capture_output=True
    )
    assert done.returncode == 0, done.stderr
    return re.sub(r"[',\s_!|:;\-]", "", done.stdout.decode())


PHONEMES = [
    # text, what espeak-ng must say once normalised, what it says without normalising
    ("XXIe siècle", "vE~teynjEm", "iksgzi"),  # vingt-et-unième / « iksgzi »
    ("Louis XIV", "lwikatOrz", "romE~"),  # quatorze / « quatorze romain »
    ("à 14h30", "katOrzWrtrA~t", "aS"),  # quatorze heures trente / « hache »
    ("M. Macron", "m@sjYmakrO~", "Em"),  # monsieur / the letter M
    ("MM. Dupont", "mesjY", "milimEtr"),  # messieurs / « millimètres »
    (f"1{NBSP}000", "mil", "zero"),  # mille / « un zéro zéro zéro »
    ("-5 °C", "mwE~sE~kd@gresElsjys", "d@grese"),  # moins cinq degrés Celsius / « degrés C »
    ("21 h", "vE~teynWr", "vE~teW~"),  # vingt-et-une heures / « vingt-et-un hache »
    ("la BCE", "labese@", "labs"),  # bé-cé-e / « bs »
    ("le 2e tour", "dYzjEm", "dY@"),  # deuxième / « deux e »
]


@pytest.mark.slow
@pytest.mark.needs_espeak
@pytest.mark.parametrize(("text", "said", "wrong"), PHONEMES, ids=[p[0] for p in PHONEMES])
def test_espeak_says_the_normalised_text_right_and_the_raw_text_wrong(text, said, wrong) -> None:
    assert said in phonemes(normalise(text))
    assert wrong in phonemes(text) and wrong not in phonemes(normalise(text))


@pytest.mark.slow
@pytest.mark.needs_espeak
@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("100 %", "cent pour cent"),
        ("1 000 000", "un million"),
        ("le 1er janvier", "le premier janvier"),
        ("Mme Dupont", "madame Dupont"),
        (
            "Le président a déclaré que l'OTAN paiera 100 %.",
            "Le président a déclaré que l'OTAN paiera cent pour cent.",
        ),
    ],
)
def test_what_is_left_to_espeak_it_reads_as_the_words(text: str, words: str) -> None:
    assert phonemes(normalise(text)) == phonemes(words)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # Trial row T22: law articles, pages, « 24h/24 », marks.
        ("l'article 49-3", "l'article 49 3"),
        ("art. L. 123-4 du code", "article L 123 4 du code"),
        ("voir p. 45", "voir page 45"),
        ("pp. 45-50", "pages 45 à 50"),
        ("ouvert 24h/24 et 7j/7", "ouvert 24 heures sur 24 et 7 jours sur 7"),
        ("une note de 15/20", "une note de 15 sur 20"),
        ("le 12/10/2025", "le 12 octobre 2025"),  # a date stays a date
        # Trial row T8: addresses and phone numbers.
        (
            "écrivez à jean.dupont@exemple.fr.",
            "écrivez à jean point dupont arobase exemple point fr.",
        ),
        (
            "sur https://www.exemple.fr/page-2 ou www.lemonde.fr.",
            "sur www point exemple point fr slash page tiret 2 ou www point lemonde point fr.",
        ),
        (
            "appelez le 01 23 45 67 89",
            "appelez le zéro un, vingt-trois, quarante-cinq, soixante-sept, quatre-vingt-neuf",
        ),
        (
            "le 06.12.34.56.78",
            "le zéro six, douze, trente-quatre, cinquante-six, soixante-dix-huit",
        ),
    ],
)
def test_articles_pages_marks_addresses_and_phone_numbers(text: str, said: str) -> None:
    assert normalise(text) == said
