"""French sentence splitting: rules, and a property that nothing is lost or reordered."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.sentences import split, split_spans


def test_abbreviations_and_initials():
    assert split("M. Dupont est là. Mme Martin aussi. J. Biden aussi.") == [
        "M. Dupont est là.",
        "Mme Martin aussi.",
        "J. Biden aussi.",
    ]


def test_guillemets_are_not_split_inside():
    assert split("Il dit : « Non. Jamais. » Puis il part.") == [
        "Il dit : « Non. Jamais. »",
        "Puis il part.",
    ]
    assert split("« C'est fini. » Il part.") == ["« C'est fini. »", "Il part."]


def test_lowercase_after_question_mark_continues():
    assert split("Que faire ? demanda-t-il. Rien !") == ["Que faire ? demanda-t-il.", "Rien !"]


def test_numbers_centuries_and_ellipsis():
    assert split(
        "Au XXIe siècle, tout change... Vraiment. Il coûte 3.5 euros. Puis 2022 arriva."
    ) == ["Au XXIe siècle, tout change...", "Vraiment.", "Il coûte 3.5 euros.", "Puis 2022 arriva."]
    assert split("Vraiment… Non. Et… non.") == ["Vraiment…", "Non.", "Et… non."]


def test_straight_quotes():
    text = "\"Nous envoyons des armes à l'OTAN, et l'OTAN les paie\", a déclaré le président. Il semble."
    assert len(split(text)) == 2


ALPHABET = st.sampled_from(list("abcdeéèàçôABCÉÀ «»“”\"'().!?…,:;-– \n0123456789M"))


@settings(max_examples=300, deadline=None)
@given(st.text(ALPHABET, max_size=200))
def test_spans_keep_every_character_in_order(text):
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
