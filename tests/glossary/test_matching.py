"""Matching the French of an entry: accents distinguish words, capitals may drop them, and
no term is found inside a hyphenated compound (trial Q3, Q2)."""

from __future__ import annotations

import pytest

from glossary.match import find
from glossary.model import Entry


def _found(entry: Entry, text: str) -> list[str]:
    return [text[o.start : o.end] for o in find([entry], [(0, text)])[entry.key]]


@pytest.mark.parametrize(
    ("form", "text", "expected"),
    [
        ("pêche", "Il a commis un péché.", []),
        ("côte", "Il est à côté de la maison. Sa cote baisse. La côte.", ["côte"]),
        ("à", "Il a un chat à la maison.", ["à"]),
        ("retraite", "Le premier astronaute retraité ; sa retraite.", ["retraite"]),
        ("épargne", "Le village a été épargné ; l'épargne.", ["épargne"]),
        ("enquête", "La police a enquêté ; une enquête.", ["enquête"]),
        ("relaxe", "je suis bien relaxé ; la relaxe.", ["relaxe"]),
        ("parlé", "L'OTAN parle.", []),
    ],
)
def test_lowercase_words_keep_their_accents(form: str, text: str, expected) -> None:
    assert _found(Entry(form, "x", "other"), text) == expected


def test_capitals_may_drop_their_accents() -> None:
    us = Entry("États-Unis", "United States", "places")
    assert _found(us, "ETATS-UNIS, Etats-Unis et États-Unis") == [
        "ETATS-UNIS",
        "Etats-Unis",
        "États-Unis",
    ]
    elysee = Entry("Élysée", "Élysée", "organisations")
    assert _found(elysee, "l'Elysée et l’ELYSEE") == ["Elysée", "ELYSEE"]
    chief = Entry("chef d'État", "head of state", "people")
    assert _found(chief, "le chef d'Etat malien") == ["chef d'Etat"]


def test_no_term_inside_a_hyphenated_compound() -> None:
    trial = Entry("procès", "trial", "other")
    assert _found(trial, "dûment enregistrées sur procès-verbal") == []
    assert _found(trial, "le procès s'ouvre, pas un procès-verbal") == ["procès"]
    ceasefire = Entry("cessez-le-feu", "ceasefire", "military")
    assert _found(ceasefire, "un cessez-le-feu") == ["cessez-le-feu"]


def test_case_and_elision_still_do_not_matter() -> None:
    nato = Entry("OTAN", "NATO", "organisations")
    assert _found(nato, "l’OTAN et l'Otan") == ["OTAN", "Otan"]
