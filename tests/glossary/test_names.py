"""Names never translated: which capitalised words are put back verbatim, decided from the
engine's English of each word alone, its analyser's reading and spaCy's tags (given
here by hand, so these tests need neither Apertium nor spaCy)."""

from __future__ import annotations

import pytest

from reader.engines.marked import unknown
from reader.nlp.analysis import Token
from reader.translate.enforce import names, nlp


def _spans(
    sentence: str,
    english: str,
    alone: dict[str, str],
    kinds: dict[str, frozenset[str]] | None,
    tokens: list[Token] | None = None,
    covered: tuple[tuple[int, int], ...] = (),
    leftovers: tuple[str, ...] | list[str] = (),
) -> list[str]:
    """What comes back verbatim; ``leftovers``: words of ``english`` the engine marked unknown."""
    marked_unknown = [(english.index(w), english.index(w) + len(w)) for w in leftovers]
    out: list[str] = []
    for candidate in names.candidates(sentence, english, covered, marked_unknown):
        out += [sentence[a:b] for a, b in names.judge(candidate, alone, kinds, tokens)]
    return out


def test_words_the_pivot_translated_come_back() -> None:
    sentence = "Selon lui, Enrique Pena Nieto a gagné à Dallas."
    english = "According to him, Enrique Sorrow Grandson has won to You tiled."
    alone = {"Enrique": "Enrique", "Pena": unknown("Sorrow"), "Nieto": unknown("Grandson"),
             "Dallas": "You tiled", "Selon": "According to"}  # fmt: skip
    kinds = {"Enrique": frozenset(), "Pena": frozenset(), "Nieto": frozenset(),
             "Dallas": frozenset({"vblex"}), "Selon": frozenset({"pr"})}  # fmt: skip
    # Two of three words unknown to the analyser: a foreign name, all of it verbatim.
    assert _spans(sentence, english, alone, kinds) == ["Enrique Pena Nieto", "Dallas"]


def test_names_the_engine_knows_keep_its_english() -> None:
    sentence = "Il est allé de Londres en Allemagne, puis à Bordeaux et à Kyoto."
    english = "It has gone from London in Germany, afterwards to Burdeos and to Kioto."
    alone = {"Londres": "London", "Allemagne": "Germany", "Bordeaux": unknown("Burdeos"),
             "Kyoto": unknown("Kioto")}  # fmt: skip
    kinds = {w: frozenset({"np:loc"}) for w in alone}
    # London and Germany are English names; Burdeos and Kioto the pivot's leftovers.
    leftovers = ("Burdeos", "Kioto")
    assert _spans(sentence, english, alone, kinds, leftovers=leftovers) == ["Bordeaux", "Kyoto"]
    siberia = {"Sibérie": unknown("Siberia")}
    assert (
        _spans(
            "Il vit en Sibérie.",
            "It lives in Siberia.",
            siberia,
            {"Sibérie": frozenset({"np:loc"})},
        )
        == []
    )


def test_a_capitalised_word_at_the_start_is_not_a_name_by_itself() -> None:
    alone = {"Voyagez": "Travel", "Palas": "Shovels"}
    kinds = {"Voyagez": frozenset({"vblex"}), "Palas": frozenset({"n"})}
    assert _spans("Voyagez en hauteur.", "Travel in height.", alone, kinds) == []
    assert _spans("Palas a dit non.", "Shovels has said no.", alone, kinds) == []
    # spaCy may say it is one: a proper noun, a person.
    tags = [Token("Palas", 0, 5, "palas", "PROPN", "PER"), Token("a", 6, 7, "avoir", "AUX")]
    assert _spans("Palas a dit non.", "Shovels has said no.", alone, kinds, tags) == ["Palas"]
    verb = [Token("Voyagez", 0, 7, "voyager", "PROPN", "LOC")]
    assert _spans("Voyagez en hauteur.", "Travel in height.", alone, kinds, verb) == []


def test_capitalised_particles_and_people() -> None:
    kinds = {"Bruno": frozenset({"np:ant"}), "Maire": frozenset({"n"}), "Moines": frozenset({"n"})}
    alone = {"Bruno": "Bruno", "Maire": "Mayor", "Moines": "Friars"}
    assert _spans("Il a vu Bruno Le Maire.", "It has seen Bruno The Mayor.", alone, kinds) == [
        "Bruno Le Maire"
    ]
    assert _spans("Il vit à Des Moines.", "It lives to Of the Friars.", alone, kinds) == [
        "Des Moines"
    ]
    # A title before a name is no name; a surname after a first name is (spaCy's PER).
    blanc = {"Laurent": frozenset({"np:ant"}), "Blanc": frozenset({"adj", "n"})}
    tags = [
        Token("Laurent", 3, 10, "laurent", "PROPN", "PER"),
        Token("Blanc", 11, 16, "blanc", "ADJ", "PER"),
    ]
    sentence = "Et Laurent Blanc part."
    assert _spans(sentence, "And Laurent White leaves.", {"Blanc": "White"}, blanc, tags) == [
        "Laurent Blanc"
    ]
    # Without spaCy too: a capitalised common word right after a first name is a surname.
    assert _spans(sentence, "And Laurent White leaves.", {"Blanc": "White"}, blanc) == [
        "Laurent Blanc"
    ]


def test_a_surname_after_a_first_name_without_spacy() -> None:
    """The analyser's first names (``np:ant``) say the next capitalised word is a surname,
    even when the first name starts the sentence; not after an article, not a place."""
    kinds = {
        "Chantal": frozenset({"np:ant"}),
        "Rouleau": frozenset({"n"}),
        "Carlos": frozenset({"np:ant"}),
        "Morales": frozenset({"adj", "n"}),
        "Pierre": frozenset({"np:ant", "n"}),
        "Noire": frozenset({"adj"}),
        "Paris": frozenset({"np:loc"}),
        "Match": frozenset({"n"}),
    }
    alone = {"Rouleau": "Roll", "Morales": "Moral", "Pierre": "Pierre", "Noire": "Black"}
    english = "Chantal Roll has said it."
    assert _spans("Chantal Rouleau l'a dit.", english, alone, kinds) == ["Rouleau"]
    assert _spans("Il cite Carlos Morales.", "It cites Carlos Moral.", alone, kinds) == [
        "Carlos Morales"
    ]
    # « la Pierre Noire »: an article before it, so no first name, and no surname after it.
    assert _spans("Il voit la Pierre Noire.", "It sees the Stone Black.", alone, kinds) == []
    # A place before it is no first name (« Paris Match »).
    assert _spans("Il lit Paris Match.", "It reads Paris Game.", alone, kinds) == []


def test_a_short_quotation_or_bracket_names_something() -> None:
    """« la série "Dallas" », « Arecibo (Puerto Rico) »: a word after an opening quote or
    bracket of a few words is no clause's first word, so no spaCy is needed to keep it;
    a long quotation still opens a clause."""
    kinds = {
        "Dallas": frozenset({"vblex"}),
        "Puerto": frozenset(),
        "Rico": frozenset(),
        "Partez": frozenset({"vblex"}),
    }
    alone = {"Dallas": "You tiled", "Puerto": unknown("Port"), "Rico": "Rico", "Partez": "Go"}
    english = 'In the series "You tiled", it played.'
    assert _spans('Dans la série "Dallas", il jouait.', english, alone, kinds) == ["Dallas"]
    assert _spans("À Arecibo (Puerto Rico).", "To Arecibo (Port Rico).", alone, kinds) == [
        "Puerto Rico"
    ]
    long = 'Il a dit : "Partez vite, tout de suite, sans rien dire", puis rien.'
    assert (
        _spans(long, 'He said: "Go quickly, right now, without saying anything".', alone, kinds)
        == []
    )


def test_a_name_in_another_language() -> None:
    """A particle French does not have (« del »), or a French word right beside a word the
    analyser does not know (« Huffington Post », « Grand Junction »): all of it verbatim.
    Not a French noun before an unknown word (« Université Harvard »), nor across a particle."""
    kinds = {
        "Valle": frozenset(),
        "Bravo": frozenset({"ij"}),
        "Huffington": frozenset(),
        "Post": frozenset({"n"}),
        "Grand": frozenset({"adj"}),
        "Junction": frozenset(),
        "Université": frozenset({"n"}),
        "Harvard": frozenset(),
        "Monts": frozenset(),
        "Géants": frozenset({"n", "adj"}),
    }
    alone = {"Valle": unknown("Valley"), "Post": "Put", "Grand": "Big", "Université": "University",
             "Géants": "Giants", "Monts": unknown("Monts")}  # fmt: skip
    assert _spans(
        "Il vit à Valle del Bravo.", "It lives to Valley of the Bravo.", alone, kinds
    ) == ["Valle del Bravo"]
    assert _spans("Selon le Huffington Post, non.", "According to the Huffington Put, no.",
                  alone, kinds) == ["Huffington Post"]  # fmt: skip
    assert _spans("La police de Grand Junction.", "The police of Big Junction.", alone, kinds) == [
        "Grand Junction"
    ]
    assert _spans("À l'Université Harvard.", "To the University Harvard.", alone, kinds) == []
    # « Monts » is a name the English has; « Géants », past a particle, is the engine's.
    assert _spans("Dans les Monts des Géants.", "In the Monts of the Giants.", alone, kinds) == [
        "Monts"
    ]


def test_a_glossary_term_is_no_candidate_and_english_spellings_pass() -> None:
    sentence = "Il parle à l'OTAN et à YouTube."
    covered = [(sentence.index("OTAN"), sentence.index("OTAN") + 4)]
    alone = {"YouTube": "Youtube"}
    assert _spans(sentence, "He speaks to NATO and to Youtube.", alone, {}, None, covered) == [
        "YouTube"
    ]
    # The engine's spelling of the same name is kept (Mubarak for « Moubarak »).
    assert _spans("Sous Moubarak.", "Under Mubarak.", {"Moubarak": "Mubarak"}, {}) == []
    assert names.english("Québec", {"Québec": unknown("Quebec")}) == "Quebec"


def test_spacy_is_used_only_when_the_policy_lets_it(monkeypatch: pytest.MonkeyPatch) -> None:
    assert nlp.tokens(["Il part."], "off") is None
    monkeypatch.setattr(nlp, "ready", lambda: False)
    assert nlp.tokens(["Il part."], "if_ready") is None  # never waits for the model


def test_a_common_word_the_engine_respells_as_a_name_asks_spacy() -> None:
    """« Rose » → "Rosa": only spaCy can say whether it is a person, so the sentence goes
    to spaCy even when nothing else in it would (« Evo Morales » is a foreign name)."""
    sentence = "Hier, Rose et Pierre ont vu Evo Morales."
    english = "Yesterday, Rosa and Pierre have seen Evo Moral."
    kinds = {"Rose": frozenset({"adj", "n"}), "Evo": frozenset(), "Morales": frozenset({"adj", "n"}),
             "Pierre": frozenset({"np:ant", "n"}), "Hier": frozenset({"adv"})}  # fmt: skip
    alone = {"Rose": "Rosa", "Evo": "Evo", "Morales": "Moral", "Pierre": "Pierre",
             "Hier": "Yesterday"}  # fmt: skip
    found = names.candidates(sentence, english, [])
    rose = next(c for c in found if c.words[0][0] == "Rose")
    assert names.needs_tags(rose, alone, kinds)
    morales = next(c for c in found if c.words[0][0] == "Evo")
    assert not names.needs_tags(morales, alone, kinds)  # a foreign name: no spaCy needed
    # A common noun the engine translates (« Bourse » → "Stock exchange") needs no spaCy.
    found = names.candidates("Il parle à la Bourse.", "He speaks to the Stock exchange.", [])
    bourse = next(c for c in found if c.words[0][0] == "Bourse")
    assert not names.needs_tags(bourse, {"Bourse": "Stock exchange"}, {"Bourse": frozenset({"n"})})


def test_after_an_article_a_respelt_word_is_no_person() -> None:
    """French gives people's names no article: « la Rose » is a thing even if spaCy tags a
    person there, and the sentence is not sent to spaCy for it."""
    sentence = "Il a vu la Rose des vents."
    english = "He has seen the Rosa of the winds."
    kinds = {"Rose": frozenset({"adj", "n"})}
    alone = {"Rose": "Rosa"}
    tags = [Token("Rose", 11, 15, "rose", "PROPN", "PER")]
    assert _spans(sentence, english, alone, kinds, tags) == []
    (rose,) = [c for c in names.candidates(sentence, english, []) if c.words[0][0] == "Rose"]
    assert not names.needs_tags(rose, alone, kinds)
    # Without the article, spaCy's person stands (« Hier, Rose est venue »).
    tags = [Token("Rose", 6, 10, "rose", "PROPN", "PER")]
    assert _spans("Hier, Rose est venue.", "Yesterday, Rosa has come.", alone, kinds, tags) == [
        "Rose"
    ]
