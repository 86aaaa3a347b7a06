"""French sentence splitting: rules, and a property that nothing is lost or reordered."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.sentences import split, split_spans
from tests.support.boundaries import ours, paragraphs, pysbd_splitter, read_sentences, score
from tests.support.paths import FIXTURES


def test_abbreviations_and_initials() -> None:
    assert split("M. Dupont est là. Mme Martin aussi. J. Biden aussi.") == [
        "M. Dupont est là.",
        "Mme Martin aussi.",
        "J. Biden aussi.",
    ]


def test_guillemets_are_not_split_inside() -> None:
    assert split("Il dit : « Non. Jamais. » Puis il part.") == [
        "Il dit : « Non. Jamais. »",
        "Puis il part.",
    ]
    assert split("« C'est fini. » Il part.") == ["« C'est fini. »", "Il part."]


def test_lowercase_after_question_mark_continues() -> None:
    assert split("Que faire ? demanda-t-il. Rien !") == ["Que faire ? demanda-t-il.", "Rien !"]


def test_numbers_centuries_and_ellipsis() -> None:
    assert split(
        "Au XXIe siècle, tout change... Vraiment. Il coûte 3.5 euros. Puis 2022 arriva."
    ) == ["Au XXIe siècle, tout change...", "Vraiment.", "Il coûte 3.5 euros.", "Puis 2022 arriva."]
    assert split("Vraiment… Non. Et… non.") == ["Vraiment…", "Non.", "Et… non."]


def test_straight_quotes() -> None:
    text = "\"Nous envoyons des armes à l'OTAN, et l'OTAN les paie\", a déclaré le président. Il semble."
    assert len(split(text)) == 2


def test_hyphenated_initials_and_abbreviated_months() -> None:
    # QA row 30.
    assert split(
        "M. Dupont et Mme Martin ont rencontré J.-P. Sartre à 10 h 30. "
        "Le 1er janv. 2024, la S.N.C.F. a annoncé une grève. Le 3 févr. et le 4 déc. aussi. "
        "Rendez-vous le 2 sept. à midi. Ils étaient sept. Le lendemain, en oct. 2022."
    ) == [
        "M. Dupont et Mme Martin ont rencontré J.-P. Sartre à 10 h 30.",
        "Le 1er janv. 2024, la S.N.C.F. a annoncé une grève.",
        "Le 3 févr. et le 4 déc. aussi.",
        "Rendez-vous le 2 sept. à midi.",
        "Ils étaient sept.",
        "Le lendemain, en oct. 2022.",
    ]


def test_words_that_are_also_abbreviations_end_sentences_unless_a_number_follows() -> None:
    # QA 2026-12-01 Q14: « vol » is a theft or a flight as often as a volume.
    assert split("La police a enquêté sur le vol. Le juge a tranché.") == [
        "La police a enquêté sur le vol.",
        "Le juge a tranché.",
    ]
    assert split("Il aime l'art. Les musées aussi.") == ["Il aime l'art.", "Les musées aussi."]
    assert split("Voir le vol. 3 de la série et le Vol. II. Lisez l'art. L. 121-1 du code.") == [
        "Voir le vol. 3 de la série et le Vol. II.",
        "Lisez l'art. L. 121-1 du code.",
    ]
    assert split("L'ouvrage compte 2 vol. et un index.") == ["L'ouvrage compte 2 vol. et un index."]


def test_initials_and_titles_can_end_a_sentence() -> None:
    assert split("Le roi Dagobert I. Ils partent. Il faisait 9°C. On sort.") == [
        "Le roi Dagobert I.",
        "Ils partent.",
        "Il faisait 9°C.",
        "On sort.",
    ]
    # A title is an abbreviation only with its capital: « cap » is also a word.
    assert split("Il change de cap. Le Cap. Haddock arrive. Me Martin plaide.") == [
        "Il change de cap.",
        "Le Cap. Haddock arrive.",
        "Me Martin plaide.",
    ]
    assert split("Des pommes, etc. Puis (par ex.) Ainsi fut-il. Vol. 2 paru.") == [
        "Des pommes, etc.",
        "Puis (par ex.)",
        "Ainsi fut-il.",
        "Vol. 2 paru.",
    ]


def test_jesus_christ_ends_a_sentence_before_a_capital() -> None:
    assert split("Né en 493 av. J.-C. à Rome. Il meurt en 450 av. J.-C. Le temple reste.") == [
        "Né en 493 av. J.-C. à Rome.",
        "Il meurt en 450 av. J.-C.",
        "Le temple reste.",
    ]


def test_a_quote_that_never_closes_holds_nothing_back() -> None:
    assert split("« Tu es donc las ? Les interprétations varient. Puis tout change.") == [
        "« Tu es donc las ?",
        "Les interprétations varient.",
        "Puis tout change.",
    ]
    assert split('Il dit : " Je lui ai parlé. Nous attendons. Rien.') == [
        'Il dit : " Je lui ai parlé.',
        "Nous attendons.",
        "Rien.",
    ]
    # The closer of a quote opened before the text ends the sentence it follows.
    assert split("Et voilà. » Puis la suite. ( Rien.") == [
        "Et voilà. »",
        "Puis la suite.",
        "( Rien.",
    ]


def test_straight_quote_pairs_with_french_spacing() -> None:
    text = (
        'Sur ce point : " Il s\'agit de contrebandiers. "L\'ambiguïté de cette question", '
        'disent-ils. Il a dit : "Non. Jamais." Puis il part.'
    )
    assert split(text) == [
        "Sur ce point : \" Il s'agit de contrebandiers.",
        '"L\'ambiguïté de cette question", disent-ils.',
        'Il a dit : "Non. Jamais."',
        "Puis il part.",
    ]


def test_elision_marks_are_not_ends() -> None:
    assert split("Il écrit (...) Les universités doivent [...] Rien. Fin.") == [
        "Il écrit (...) Les universités doivent [...] Rien.",
        "Fin.",
    ]


def test_lower_case_start_after_a_full_stop() -> None:
    assert split("Une espèce des Hylidae. il ne s'agit pas d'un camping. c'est-à-dire rien.") == [
        "Une espèce des Hylidae.",
        "il ne s'agit pas d'un camping.",
        "c'est-à-dire rien.",
    ]
    # Not after an abbreviation, an ellipsis, a number or a closing quote.
    for text in (
        "Voir p. ex. la suite.",
        "Il hésite... puis repart.",
        "En 2003. il part.",
        "Il a dit « c'est fini. » et il est parti.",
    ):
        assert split(text) == [text]


def test_f1_at_least_pysbds_on_a_treebank() -> None:
    # UD French-GSD dev sentences (CC BY-SA 4.0), copied with their attribution header.
    sentences = read_sentences(FIXTURES / "ud-fr-gsd-dev.sentences.txt")
    reference = pysbd_splitter()
    for half in (sentences[0::2], sentences[1::2]):
        data = paragraphs(half)
        assert len(data) > 150
        assert score(data, ours()).f1 >= score(data, reference).f1


ALPHABET = st.sampled_from(list("abcdeéèàçôABCÉÀ «»“”\"'().!?…,:;-– \n0123456789M"))


@settings(max_examples=300, deadline=None)
@given(st.text(ALPHABET, max_size=200))
def test_spans_keep_every_character_in_order(text) -> None:
    spans = split_spans(text)
    pos = 0
    for start, end in spans:
        assert pos <= start < end <= len(text)
        assert text[pos:start].strip() == ""  # only whitespace between sentences
        assert not text[start].isspace() and not text[end - 1].isspace()
        pos = end
    assert text[pos:].strip() == ""
    # nothing but whitespace is dropped, and the order is the text's
    assert "".join(text[a:b] for a, b in spans).replace(" ", "").replace("\n", "") == "".join(
        text.split()
    )
