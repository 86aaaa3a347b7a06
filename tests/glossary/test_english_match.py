"""The English-side matcher: English plural rules, irregular plurals from en_aliases, names."""

from __future__ import annotations

import pytest

from glossary import english
from glossary.model import Entry, Glossary
from reader.translate.glossary_build import add_english_occurrences


@pytest.mark.parametrize(
    ("word", "plural"),
    [
        ("deal", "deals"),
        ("tax", "taxes"),
        ("policy", "policies"),
        ("day", "days"),
        ("church", "churches"),
    ],
)
def test_regular_plurals(word: str, plural: str) -> None:
    assert english.plural(word) == plural
    assert english.singular(plural) == word


def test_singular_leaves_non_plurals_alone() -> None:
    assert english.singular("crisis") == "crisis"
    assert english.singular("boss") == "boss"
    assert english.singular("status") == "status"


def _texts(entry: Entry, text: str, strict: bool = False) -> list[str]:
    return [text[a:b] for a, b in english.spans(entry, text, strict)]


def test_deal_matches_deals_which_french_rules_missed() -> None:
    deal = Entry("accord", "deal", "diplomacy and politics", en_aliases=("agreement",))
    text = "Two deals and one Deal, an agreement, no dealer, no ideal."
    assert _texts(deal, text) == ["deals", "Deal", "agreement"]
    assert _texts(deal, text, strict=True) == ["deals", "Deal"]


def test_head_of_a_phrase_is_inflected() -> None:
    strike = Entry("frappe de drone", "drone strike", "military")
    assert _texts(strike, "new drone strikes, one drone-strike") == [
        "drone strikes",
        "drone-strike",
    ]
    rule = Entry("règle d’origine", "rule of origin", "economy")
    assert _texts(rule, "the rules of origin apply") == ["rules of origin"]


def test_es_and_ies_plurals() -> None:
    tax = Entry("taxe", "tax", "economy")
    policy = Entry("politique", "monetary policy", "economy")
    assert _texts(tax, "new taxes") == ["taxes"]
    assert _texts(policy, "their monetary policies") == ["monetary policies"]


def test_irregular_plural_from_en_aliases() -> None:
    child = Entry("enfant", "child", "other", en_aliases=("children",))
    assert _texts(child, "two children and a child") == ["children", "child"]
    assert _texts(child, "two children", strict=True) == []
    # -is → -es is regular now: "financial crisises" was put in for « crises financières ».
    assert english.plural("crisis") == "crises"
    crisis = Entry("crise", "crisis", "economy")
    assert _texts(crisis, "two crises", strict=True) == ["crises"]


def test_a_name_only_matches_capitalised_text() -> None:
    turkey = Entry("Turquie", "Turkey", "places")
    assert _texts(turkey, "Turkey sells turkey") == ["Turkey"]


def test_inflect_a_phrase() -> None:
    assert english.inflect("drone strikes", False) == "drone strike"
    assert english.inflect("peace deal", True) == "peace deals"
    assert english.inflect("right of way", True) == "rights of way"
    assert english.inflect("MP", True) == "MPs" and english.inflect("MPs", False) == "MP"


def test_glossary_english_occurrences_follow_english_rules() -> None:
    deal = Entry("accord", "deal", "diplomacy and politics")
    glossary = Glossary("x", [deal])
    add_english_occurrences(glossary, {3: "Both deals failed."})
    [occurrence] = glossary.en_occurrences[deal.key]
    assert (occurrence.block, occurrence.start, occurrence.end) == (3, 5, 10)


def test_an_english_form_in_lower_case_is_found_in_lower_case() -> None:
    """ "MP" is a name-like main English, but its form "deputies" is a common noun: the
    engine's "the deputies" carries « députés »; "Putin" (every form capitalised) still
    needs its capital; ``any_case`` looks at no capital at all ("prime minister")."""
    mp = Entry("député", "MP", "people", en_aliases=("MPs", "deputy", "deputies"))
    assert english.spans(mp, "the deputies voted", exact_case=True) == [(4, 12)]
    putin = Entry("Poutine", "Putin", "people")
    assert english.spans(putin, "putin and Putin") == [(10, 15)]
    pm = Entry("Premier ministre", "Prime Minister", "people")
    assert english.spans(pm, "the prime minister", exact_case=True) == []
    assert english.spans(pm, "the prime minister", exact_case=True, any_case=True) == [(4, 18)]
