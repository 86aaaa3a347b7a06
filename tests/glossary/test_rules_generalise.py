"""Rules that hold on news they were not tuned on (issue 21): the engine's English names
stand (exonyms, multi-word names), a name is put back only where the engine lost it and
never for its typography alone, words in capitals are no names by their capitals alone,
places translated as common words come back in English, « violation » is no rape, and
enforcement says which rule or entry changed each sentence (a trace).

The name tests give the engine's English and its analyser's readings by hand (neither
Apertium nor spaCy needed); those marked needs_apertium go through the real engine."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary.general import follows_the_rule, load_general
from glossary.model import Entry
from reader.article import parse
from reader.cache import Cache
from reader.engines.marked import unknown
from reader.nlp.analysis import Token
from reader.translate import enforce
from reader.translate.enforce import names
from reader.translate.enforce.apply import _left_to_names, _present
from reader.translation import translate_blocks


def _lost(sentence, english):
    """The candidates after a sentence's first word (that one is any capitalised word)."""
    return [c for c in names.candidates(sentence, english, ()) if not c.initial]


def _spans(
    sentence: str,
    english: str,
    alone: dict[str, str],
    kinds: dict[str, frozenset[str]] | None,
    tokens: list[Token] | None = None,
) -> list[str]:
    out: list[str] = []
    for candidate in names.candidates(sentence, english, ()):
        out += [sentence[a:b] for a, b in names.judge(candidate, alone, kinds, tokens)]
    return out


# ---------------------------------------------------------------- the engine's English names stand


def test_an_exonym_the_engine_gave_stands() -> None:
    # « Varsovie » → Warsaw, « Le Caire » → Cairo: no candidate at all, nothing put back.
    sentence = "Il est allé de Varsovie au Caire, puis Le Caire a voté."
    english = "He has gone from Warsaw to Cairo, afterwards Cairo has voted."
    assert _lost("Il est allé à Varsovie hier.", "He went to Warsaw yesterday.") == []
    alone = {"Varsovie": "Warsaw", "Caire": "Cairo", "Le": "The"}
    kinds = {"Varsovie": frozenset({"np:loc"}), "Caire": frozenset(), "Le": frozenset({"det"})}
    assert _spans(sentence, english, alone, kinds) == []


def test_an_english_name_the_engine_gave_alone_stands_even_unlisted_spelling() -> None:
    # The engine's English of the word alone is a known English name: it stands.
    sentence = "Ils vivent près de l'Oural aujourd'hui."
    english = "They live near the Ural today."
    alone = {"Oural": unknown("Ural")}
    kinds = {"Oural": frozenset({"np:loc"})}
    assert _spans(sentence, english, alone, kinds) == []


def test_multi_word_names_the_engine_gave_stand() -> None:
    for sentence, english in [
        ("Il vit dans le Dakota du Nord depuis mars.", "He lives in North Dakota since March."),
        ("Elle vit en Nouvelle-Galles du Sud.", "She lives in New South Wales."),
        ("Il est au Pays de Galles.", "He is in Wales."),
    ]:
        assert _lost(sentence, english) == [], sentence


def test_peoples_stand_and_are_never_put_back() -> None:
    # « Hongrois » → Hungarians: kept; the table's peoples only keep the engine's English.
    assert _lost("Selon les Hongrois, non.", "According to the Hungarians, no.") == []
    assert "Hongrois" not in names.restorable() and "Varsovie" in names.restorable()


# ---------------------------------------------------------------- places lost as common words


def test_places_translated_as_common_words_come_back_in_english() -> None:
    sentence = "Il a grandi à Bruges et à Cologne, puis a vécu à Grasse, à Tours et à Vienne."
    english = (
        "It has grown in Witches and to Colony, afterwards has lived to Fat, Torres and to Avenges."
    )
    alone = {"Bruges": "Witches", "Cologne": "Colony", "Grasse": "Fat", "Tours": "Torres",
             "Vienne": "Avenges"}  # fmt: skip
    kinds = {"Bruges": frozenset({"n"}), "Cologne": frozenset({"n"}), "Grasse": frozenset({"adj"}),
             "Tours": frozenset({"n"}), "Vienne": frozenset({"vblex"})}  # fmt: skip
    spans = _spans(sentence, english, alone, kinds)
    assert spans == ["Bruges", "Cologne", "Grasse", "Tours", "Vienne"]
    assert [names.english(s, alone) for s in spans] == [
        "Bruges",
        "Cologne",
        "Grasse",
        "Tours",
        "Vienna",
    ]
    rules = [
        rule
        for c in names.candidates(sentence, english, ())
        for _, rule in names.judge_rules(c, alone, kinds, None)
    ]
    assert set(rules) == {"name: a known place"}


def test_a_sentences_first_word_is_not_taken_for_a_listed_town() -> None:
    # « Tours » first in a sentence may be the common noun: left to the other rules.
    sentence = "Tours de magie et jeux."
    candidates = names.candidates(sentence, "Towers of magic and games.", ())
    assert all(
        not names.judge(c, {"Tours": "Towers"}, {"Tours": frozenset({"n"})}, None)
        for c in candidates
    )


# ---------------------------------------------------------------- capitals, typography


def test_words_in_capitals_that_are_common_words_are_no_names() -> None:
    kinds = {"DÉTENIR": frozenset({"vblex"}), "CETTE": frozenset({"det"}),
             "IDEE": frozenset({"n"}), "UMP": frozenset({"np:al"}), "EELV": frozenset(),
             "CE": frozenset({"det"}), "DE": frozenset({"pr"})}  # fmt: skip
    assert names.shouted("DÉTENIR", kinds) and names.shouted("CETTE", kinds)
    assert not names.shouted("UMP", kinds) and not names.shouted("EELV", kinds)
    # A short word in capitals alone may be an acronym (« le logo CE »); in a stretch of
    # capitals it is a headline's word.
    assert not names.shouted("CE", kinds) and names.shouted("CE", kinds, stretch=True)
    sentence = "On ne peut pas DÉTENIR de brevets, dit l'UMP."
    english = "It can not DETAIN diplomas, says the UMP."
    alone = {"DÉTENIR": "DETAIN", "UMP": "UMP"}
    assert _spans(sentence, english, alone, kinds) == []
    headline = "Il écrit POUR CETTE IDEE DE EELV."
    shout = "He writes FOR THIS CONTRIVE OF EELV."
    kinds_h = {**kinds, "POUR": frozenset({"pr"})}
    # Only the acronym is a name (and the English has it: nothing is put back).
    assert _spans(headline, shout, {"EELV": "EELV"}, kinds_h) == ["EELV"]


def test_a_french_closed_class_word_is_never_part_of_a_foreign_name() -> None:
    sentence = "LOL LOL LOL Cet article arrive tard !"
    english = "LOL LOL LOL This article arrives late!"
    alone = {"LOL": "LOL", "Cet": "This"}
    kinds = {"LOL": frozenset(), "Cet": frozenset({"det"})}
    # « LOL LOL » is a name in another language (the English has it); « Cet » is French.
    assert _spans(sentence, english, alone, kinds) == ["LOL LOL"]


def test_putting_a_name_back_never_changes_typography_alone() -> None:
    for name, english in [
        ("Tel-Aviv", "He lives in Tel Aviv."),
        ("Val-d’Oise", "The inhabitants of Val-d'Oise."),
        ("Côte d'Ivoire", "In Côte d’Ivoire."),
    ]:
        entry = Entry(name, name, "people", origin=enforce.NAME_ORIGIN, the=True)
        assert _present(entry, english) == 1, name
    entry = Entry("Tel-Aviv", "Tel-Aviv", "people", origin=enforce.NAME_ORIGIN, the=True)
    assert _present(entry, "He lives in Tel Avivo.") == 0


# ---------------------------------------------------------------- the general glossary


def test_violation_is_enforced_in_its_news_sense_and_eurozone_is_the_english() -> None:
    by_fr = {e.fr: e for e in load_general()}
    violation = by_fr["violation"]
    assert violation.enforce and violation.sense and follows_the_rule(violation)
    assert violation.en == "violation"
    euro = by_fr["zone euro"]
    assert euro.en == "eurozone" and "euro area" in euro.en_aliases


def test_entries_more_often_worse_than_better_are_only_marked() -> None:
    by_fr = {e.fr: e for e in load_general()}
    for fr in ("Assemblée générale", "procès", "PIB", "extrême droite"):
        assert not by_fr[fr].enforce and follows_the_rule(by_fr[fr]), fr


# ---------------------------------------------------------------- through Apertium


def _apertium_run(texts, entries, trace=None):
    from reader.engines.apertium import ApertiumEngine

    article = parse("Titre\n" + "\n".join(texts), "x.txt")
    engine = ApertiumEngine()
    try:
        raw = translate_blocks(engine, article.blocks, Cache())
        out = enforce.apply(
            engine, article.blocks, raw, entries, Cache(), nlp_policy="off", trace=trace
        )
    finally:
        engine.close()
    return raw, out


@pytest.mark.needs_apertium
def test_t13_places_and_t29_violation_through_apertium(data_dir: Path) -> None:
    trace: enforce.Trace = {}
    texts = [
        "Il est né à Vienne, a grandi à Bruges et à Cologne, puis a vécu à Grasse et à Tours.",
        "Il est allé à Varsovie puis dans le Dakota du Nord.",
        "Des violations graves des droits humains.",
    ]
    raw, out = _apertium_run(texts, load_general(), trace)
    places, exonyms, violation = (b.sentences[0] for b in out[1:])
    for name in ("Vienna", "Bruges", "Cologne", "Grasse", "Tours"):
        assert name in places, places
    for wrong in ("Witches", "Colony", "Fat", "Torres", "Avenges"):
        assert wrong not in places, places
    assert exonyms == raw[2].sentences[0]  # Warsaw, North Dakota: nothing to put back
    assert "violations" in violation and "rape" not in violation, violation
    # The trace says what changed each sentence, and only the changed ones.
    assert trace[(1, 0)] >= {"name: a known place"}
    assert (2, 0) not in trace
    assert "general «violation»" in trace[(3, 0)]


# ---------------------------------------------------------------- general terms left to the names


def _found(french, fr):
    from glossary.match import Found

    entry = next(e for e in load_general() if e.fr == fr)
    start = french.index(french_word := _occurrence(french, entry))
    return Found(entry, start, start + len(french_word))


def _occurrence(french, entry):
    from glossary.match import PrefixIndex, sentence_occurrences

    block = parse("Titre\n" + french, "x.txt").blocks[1]
    found = sentence_occurrences([entry], block, PrefixIndex([entry]))[0]
    assert found, french
    return french[found[0].start : found[0].end]


def test_a_name_in_the_plural_a_longer_name_and_acronyms_are_left_to_the_names() -> None:
    cases = {
        ("Les Suisses n'y auraient plus rien à dire.", "Suisse"): True,  # its people
        ("Le Crédit Suisse a perdu.", "Suisse"): True,  # part of a longer name
        ("La Suisse a voté.", "Suisse"): False,
        ("Les Etats-Unis votent.", "États-Unis"): False,  # no plural: the name itself
        ("J'admire M.", "M."): True,  # no name after the title
        ("Selon Dennis M. Walcott, non.", "M."): True,  # an initial
        ("Selon M. Walcott, non.", "M."): False,
    }
    for (french, fr), left in cases.items():
        assert _left_to_names(_found(french, fr), french) is left, french


def test_an_acronym_english_shares_stays_as_written() -> None:
    from reader.translate.enforce.french import occurrence_english

    entry = next(e for e in load_general() if e.fr == "États-Unis")
    assert occurrence_english(entry, "USA", False, "Il vit aux ") == "USA"
    assert occurrence_english(entry, "États-Unis", False, "Il vit aux ") == "United States"


# ---------------------------------------------------------------- a street's name is never translated


def test_a_streets_name_comes_back_whole_even_in_a_near_spelling() -> None:
    sentence = "Nous étions à Paris, rue des Francs-Bourgeois, dimanche."
    english = "We were in Paris, street of the Frank-Bourgeoisie, Sunday."
    alone = {"Francs-Bourgeois": "Frank-Bourgeoisie"}
    kinds = {"Francs-Bourgeois": frozenset({"n"})}
    # "Frank-Bourgeoisie" would pass for another spelling of a name; after « rue des » it is not.
    assert _spans(sentence, english, alone, kinds) == ["Francs-Bourgeois"]
    rules = [
        rule
        for c in names.candidates(sentence, english, ())
        for _, rule in names.judge_rules(c, alone, kinds, None)
    ]
    assert rules == ["name: a street"]


def test_a_capitalised_street_word_starts_the_name_after_a_town() -> None:
    sentence = "Allez à Paris Rue des Francs Bourgeois le dimanche."
    english = "Go to Paris Street of the Frank Bourgeoisie the Sunday."
    alone = {"Paris": "Paris", "Rue": "Street", "Francs": "Frank", "Bourgeois": "Bourgeoisie"}
    kinds = {"Paris": frozenset({"np:loc"}), "Rue": frozenset({"n"}),
             "Francs": frozenset({"n"}), "Bourgeois": frozenset({"n", "adj"})}  # fmt: skip
    spans = _spans(sentence, english, alone, kinds)
    assert spans[-1] == "Rue des Francs Bourgeois"
    assert all(s in english for s in spans[:-1])  # the town before it is judged on its own


def test_common_words_after_another_noun_are_not_a_street() -> None:
    sentence = "Il parle de la Cour des Comptes et de la Place des Vosges."
    english = "It speaks of the Court of the Accounts and of the Square of the Vosges."
    alone = {"Cour": "Court", "Comptes": "Accounts", "Place": "Square", "Vosges": "Vosges"}
    kinds = {"Cour": frozenset({"n"}), "Comptes": frozenset({"n"}), "Place": frozenset({"n"}),
             "Vosges": frozenset({"np:loc"})}  # fmt: skip
    candidates = names.candidates(sentence, english, ())
    assert candidates  # « Cour des Comptes » and « Place » were lost: judged, but as no street
    assert not any(names.street(c) for c in candidates)
    rules = [rule for c in candidates for _, rule in names.judge_rules(c, alone, kinds, None)]
    assert "name: a street" not in rules


def test_a_people_the_pivot_only_respelt_keeps_its_name_an_adjective_translated_does_not() -> None:
    sentence = "Il dit que les Bretons et les Travaillistes sont de grands voyageurs."
    english = "It says that the Bretones and the Laboristas are big travellers."
    alone = {"Bretons": unknown("Bretones"), "Travaillistes": unknown("Laboristas")}
    kinds = {"Bretons": frozenset({"n", "adj"}), "Travaillistes": frozenset({"n", "adj"})}
    # The raw English marks both leftovers unknown: neither counts as the engine's name.
    lost = [(english.index(w), english.index(w) + len(w)) for w in ("Bretones", "Laboristas")]
    spans = [
        sentence[a:b]
        for c in names.candidates(sentence, english, (), lost)
        for (a, b), _ in names.judge_rules(c, alone, kinds, None)
    ]
    assert spans == ["Bretons"]


def test_an_adjective_in_a_title_stays_the_engines_even_respelt() -> None:
    sentence = "Il a vu l'Agent des Délits Patrimoniaux hier."
    english = "It has seen the Agent of the Crimes Patrimoniales yesterday."
    alone = {"Agent": "Agent", "Délits": "Crimes", "Patrimoniaux": unknown("Patrimoniales")}
    kinds = {"Agent": frozenset({"n"}), "Délits": frozenset({"n"}),
             "Patrimoniaux": frozenset({"adj"})}  # fmt: skip
    lost = [(english.index("Patrimoniales"), english.index("Patrimoniales") + 13)]
    rules = [
        rule
        for c in names.candidates(sentence, english, (), lost)
        for _, rule in names.judge_rules(c, alone, kinds, None)
    ]
    assert "name: the pivot's leftover" not in rules


# ---------------------------------------------------------------- news titles are names


def test_a_news_title_after_its_article_is_a_name_not_the_world_cup() -> None:
    def rules(sentence, english):
        return [
            (sentence[a:b], rule)
            for c in names.candidates(sentence, english, ())
            for (a, b), rule in names.judge_rules(c, {}, {}, None)
        ]

    assert rules("Qui a peur, se demande le Monde ?", "Who has fear, asks the World?") == [
        ("Monde", "name: a newspaper")
    ]
    assert ("Valeurs Actuelles", "name: a newspaper") in rules(
        "Il lit Minute ou Valeurs Actuelles.", "It reads Minute or Current Values."
    )
    assert rules("Il a gagné la coupe du Monde.", "It won the cup of the World.") == []
