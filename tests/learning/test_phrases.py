"""Phrases: the canonical form, the matcher (inflections, gaps, contractions, sentence and
word bounds) and the counting of a phrase as one unit. The tokens are written by hand the
way spaCy's French model and ``reader.nlp.lemmas`` give them (checked on the real model
for these sentences), so these tests never load spaCy."""

from __future__ import annotations

import pytest

from reader.learning.counts import count_words, known_share
from reader.learning.phrases import (
    MAX_GAP,
    apertium_phrases,
    canonical,
    find,
    from_tokens,
    is_phrase,
    phrases_in,
    words,
)
from reader.nlp.analysis import Token

PART = "VerbForm=Part"


def sentence(*parts: tuple[str, ...]) -> list[Token]:
    """Tokens from (form, lemma, pos[, morph]) parts, one space apart except after an
    apostrophe and before punctuation."""
    tokens: list[Token] = []
    at = 0
    for part in parts:
        form, lemma, pos = part[:3]
        morph = part[3] if len(part) > 3 else ""
        if tokens and not tokens[-1].text.endswith("'") and pos != "PUNCT":
            at += 1
        tokens.append(Token(form, at, at + len(form), lemma, pos, morph=morph))
        at += len(form)
    return tokens


A_EU_LIEU = sentence(
    ("La", "le", "DET"),
    ("réunion", "réunion", "NOUN"),
    ("a", "avoir", "AUX"),
    ("eu", "avoir", "VERB", PART),
    ("lieu", "lieu", "NOUN"),
    ("hier", "hier", "ADV"),
    (".", ".", "PUNCT"),
    ("Les", "le", "DET"),
    ("élections", "élection", "NOUN"),
    ("auront", "avoir", "VERB"),
    ("lieu", "lieu", "NOUN"),
    ("en", "en", "ADP"),
    ("mai", "mai", "NOUN"),
    (".", ".", "PUNCT"),
)
N_AVAIT = sentence(
    ("Le", "le", "DET"),
    ("sommet", "sommet", "NOUN"),
    ("n'", "ne", "ADV"),
    ("avait", "avoir", "AUX"),
    ("eu", "avoir", "VERB", PART),
    ("lieu", "lieu", "NOUN"),
    (".", ".", "PUNCT"),
    ("Il", "il", "PRON"),
    ("n'", "ne", "ADV"),
    ("avait", "avoir", "AUX"),
    ("pas", "pas", "ADV"),
    ("encore", "encore", "ADV"),
    ("eu", "avoir", "VERB", PART),
    ("lieu", "lieu", "NOUN"),
    (".", ".", "PUNCT"),
)
MIS_FIN = sentence(
    ("Le", "le", "DET"),
    ("gouvernement", "gouvernement", "NOUN"),
    ("a", "avoir", "AUX"),
    ("mis", "mettre", "VERB", PART),
    ("fin", "fin", "NOUN"),
    ("à", "à", "ADP"),
    ("la", "le", "DET"),
    ("grève", "grève", "NOUN"),
    (".", ".", "PUNCT"),
    ("Ils", "il", "PRON"),
    ("mettront", "mettre", "VERB"),
    ("fin", "fin", "NOUN"),
    ("aux", "à", "ADP"),
    ("négociations", "négociation", "NOUN"),
    (".", ".", "PUNCT"),
)


def text_of(tokens: list[Token]) -> str:
    out = ""
    for t in tokens:
        out += " " * (t.start - len(out)) + t.text
    return out


def found(tokens: list[Token], *phrases: str) -> list[str]:
    """The French of each occurrence, as written."""
    text = text_of(tokens)
    return [text[o.start : o.end] for o in find([tokens], phrases)]


def test_a_phrase_is_two_words_or_more_and_is_kept_in_canonical_form() -> None:
    assert is_phrase("avoir lieu") and is_phrase("Mettre  fin à") and is_phrase("s’agir de")
    assert not is_phrase("lieu") and not is_phrase("aujourd'hui") and not is_phrase("s'agir")
    assert not is_phrase("12 000") and not is_phrase("   ")
    assert canonical("Mettre  FIN à") == "mettre fin à"
    assert canonical("S’ agir de") == "s'agir de"
    assert words("il s'agit de") == ["il", "s'", "agit", "de"]
    assert words("aujourd'hui même") == ["aujourd'hui", "même"]
    assert phrases_in({"lieu": "known", "avoir lieu": "learning-1"}) == ["avoir lieu"]


def test_inflected_forms_count_by_the_lemmas_of_their_words() -> None:
    assert found(A_EU_LIEU, "avoir lieu") == ["a eu lieu", "auront lieu"]
    assert found(N_AVAIT, "avoir lieu") == ["avait eu lieu", "avait pas encore eu lieu"]


def test_the_auxiliary_of_a_participle_is_taken_in_and_aux_is_a_plus_les() -> None:
    assert found(MIS_FIN, "mettre fin à") == ["a mis fin à", "mettront fin aux"]
    lemma_au = [
        t if t.text != "aux" else Token("aux", t.start, t.end, "au", "ADP") for t in MIS_FIN
    ]
    assert found(lemma_au, "mettre fin à") == ["a mis fin à", "mettront fin aux"]  # by its form
    occurrences = find([MIS_FIN], ["mettre fin à"])
    assert [o.form for o in occurrences] == ["a mis fin à", "mettront fin aux"]
    assert occurrences[0].tokens == (2, 3, 4, 5)  # a, mis, fin, à: one unit


def test_gap_words_are_adverbs_negation_auxiliaries_and_clitics_up_to_a_bound() -> None:
    ne_l_a_jamais = sentence(
        ("On", "on", "PRON"),
        ("ne", "ne", "ADV"),
        ("lui", "lui", "PRON"),
        ("a", "avoir", "AUX"),
        ("jamais", "jamais", "ADV"),
        ("vraiment", "vraiment", "ADV"),
        ("mis", "mettre", "VERB", PART),
        ("fin", "fin", "NOUN"),
        ("à", "à", "ADP"),
    )
    assert found(ne_l_a_jamais, "mettre fin à") == ["a jamais vraiment mis fin à"]
    adverbs = [("très", "très", "ADV")] * (MAX_GAP + 1)
    too_far = sentence(("auront", "avoir", "VERB"), *adverbs, ("lieu", "lieu", "NOUN"))
    assert found(too_far, "avoir lieu") == []
    just = sentence(("auront", "avoir", "VERB"), *adverbs[:MAX_GAP], ("lieu", "lieu", "NOUN"))
    assert found(just, "avoir lieu") == [text_of(just)]


def test_a_noun_determiner_or_preposition_between_the_words_breaks_the_phrase() -> None:
    il_y_a_un_lieu = sentence(
        ("Il", "il", "PRON"),
        ("y", "y", "PRON"),
        ("a", "avoir", "VERB"),
        ("un", "un", "DET"),
        ("lieu", "lieu", "NOUN"),
    )
    assert found(il_y_a_un_lieu, "avoir lieu") == []
    une_personne = sentence(
        ("auront", "avoir", "VERB"), ("personne", "personne", "NOUN"), ("lieu", "lieu", "NOUN")
    )
    assert found(une_personne, "avoir lieu") == []


def test_never_across_sentences_and_never_from_one_of_its_words_alone() -> None:
    across = sentence(
        ("Ils", "il", "PRON"),
        ("ont", "avoir", "VERB"),
        (".", ".", "PUNCT"),
        ("Lieu", "lieu", "NOUN"),
        ("choisi", "choisir", "VERB"),
    )
    assert found(across, "avoir lieu") == []
    alone = sentence(("Le", "le", "DET"), ("lieu", "lieu", "NOUN"), ("est", "être", "AUX"))
    assert found(alone, "avoir lieu") == []
    # Nor across blocks: the end of one and the start of the next.
    assert find([across[:2], across[3:]], ["avoir lieu"]) == []


def test_elided_and_contracted_words_and_forms() -> None:
    agit = sentence(
        ("Il", "il", "PRON"),
        ("ne", "ne", "ADV"),
        ("s'", "se", "PRON"),
        ("agissait", "agir", "VERB"),
        ("pas", "pas", "ADV"),
        ("du", "de", "ADP"),
        ("pain", "pain", "NOUN"),
    )
    assert found(agit, "s'agir de") == ["s'agissait pas du"]
    assert found(agit, "il s'agit de") == []  # a form matches only itself (« agit »)
    fur = sentence(
        ("Au", "à", "ADP"),
        ("fur", "fur", "NOUN"),
        ("et", "et", "CCONJ"),
        ("à", "à", "ADP"),
        ("mesure", "mesure", "NOUN"),
    )
    assert found(fur, "au fur et à mesure") == ["Au fur et à mesure"]


def test_overlapping_phrases_the_longer_wins_and_each_token_counts_once() -> None:
    assert found(MIS_FIN, "mettre fin à", "mettre fin") == ["a mis fin à", "mettront fin aux"]
    assert found(A_EU_LIEU, "avoir lieu", "eu lieu") == ["a eu lieu", "auront lieu"]


def test_a_selection_gives_its_canonical_phrase() -> None:
    assert from_tokens(A_EU_LIEU[2:5]) == "avoir lieu"  # a eu lieu
    assert from_tokens(N_AVAIT[8:14]) == "avoir lieu"  # n'avait pas encore eu lieu
    assert from_tokens(MIS_FIN[2:6]) == "mettre fin à"
    agit = sentence(("s'", "se", "PRON"), ("agit", "agir", "VERB"), ("de", "de", "ADP"))
    assert from_tokens(agit) == "s'agir de"
    tout = sentence(("tout", "tout", "ADV"), ("à", "à", "ADP"), ("fait", "fait", "NOUN"))
    assert from_tokens(tout) == "tout à fait"  # an adverb before no verb stays
    assert from_tokens(A_EU_LIEU[4:5]) == ""  # one word is no phrase
    name = sentence(("Donald", "donald", "PROPN"), ("Trump", "trump", "PROPN"))
    assert from_tokens(name) == ""  # names are not learnt


def test_a_phrase_is_one_unit_of_the_text_and_its_words_keep_their_counts() -> None:
    blocks = [A_EU_LIEU, N_AVAIT]
    plain = count_words("t", blocks)
    with_phrase = count_words("t", blocks, phrases=["avoir lieu", "lieu", "chat"])
    assert plain.lemmas["lieu"].count == with_phrase.lemmas["lieu"].count == 4
    entry = with_phrase.phrases["avoir lieu"]
    assert entry.count == 4 and entry.first == 0
    forms = ["a eu lieu", "auront lieu", "avait eu lieu", "avait pas encore eu lieu"]
    assert entry.forms == dict.fromkeys(forms, 1)
    # a eu lieu (3 words), auront lieu (2), avait eu lieu (3), avait … eu lieu (3 of 5):
    # eleven words are four units.
    assert with_phrase.countable == plain.countable - 11 + 4
    counts = with_phrase.counts()
    assert counts["avoir lieu"] == 4 and "lieu" not in counts
    assert plain.lemmas["avoir"].count == 7 and "avoir" not in counts  # every one inside
    statuses = {"avoir": "known", "lieu": "known"}
    assert known_share(with_phrase, statuses) < known_share(plain, statuses)
    known = known_share(with_phrase, {**statuses, "avoir lieu": "known"})
    assert known == 4 / with_phrase.countable
    later = plain.with_phrases(["avoir lieu"])
    assert later.counts() == counts and later.occurrences == with_phrase.occurrences


@pytest.mark.needs_apertium
def test_apertium_offers_the_multiword_units_of_a_text() -> None:
    texts = [
        "C'est tout à fait vrai, et de plus en plus clair.",
        "Ils cherchent à comprendre, tout à fait. Le Président Vladimir Poutine parle.",
    ]
    found = {s.phrase: s for s in apertium_phrases(texts)}
    assert found["tout à fait"].count == 2 and found["tout à fait"].first == 0
    assert found["chercher à"].forms == {"cherchent à": 1}  # a verb and its preposition
    assert "de plus en plus" in found
    assert not [p for p in found if "poutine" in p]  # names are no phrases to learn
    assert list(found)[0] == "tout à fait"  # the most frequent first


def test_the_marks_take_a_phrase_set_in_the_reader_in_at_once() -> None:
    from reader.learning.marks import StatusMarks

    words = count_words("t", [A_EU_LIEU])
    marks = StatusMarks(words, {"lieu": "known"})
    assert marks.known == 2 and marks.occurrences("avoir lieu") == 2  # looked for, not taken in
    assert marks.phrase_spans(0) == () and marks.countable == words.countable
    assert marks.update("avoir lieu", "learning-2") == {0}
    text = text_of(A_EU_LIEU)
    spans = [(text[s.start : s.end], s.status) for s in marks.phrase_spans(0)]
    assert spans == [("a eu lieu", "learning-2"), ("auront lieu", "learning-2")]
    assert marks.countable == words.countable - 5 + 2
    assert marks.known == 0  # « lieu » is known, but both stand inside the phrase now
    assert [s.lemma for s in marks.spans(0)][:3] == ["le", "réunion", "avoir"]  # words stay
    marks.update("avoir lieu", "known")
    assert marks.known == 2 and marks.phrase_spans(0) == ()  # known phrases are not tinted
    assert marks.update("mettre fin à", "known") == frozenset()  # not in this text
    assert marks.new_lemmas == len(words.lemmas) - 1  # phrases are not counted as new words


def test_a_phrase_added_later_meeting_one_found_already_is_decided_as_if_found_at_once() -> None:
    shorter = count_words("t", [MIS_FIN], phrases=["mettre fin"])
    assert [o.form for o in shorter.occurrences[0]] == ["a mis fin", "mettront fin"]
    longer = shorter.with_phrases(["mettre fin à"])  # meets both: the longer wins
    at_once = count_words("t", [MIS_FIN], phrases=["mettre fin", "mettre fin à"])
    assert longer.occurrences == at_once.occurrences and longer.counts() == at_once.counts()
    assert [o.phrase for o in longer.occurrences[0]] == ["mettre fin à"] * 2
    apart = count_words("t", [MIS_FIN], phrases=["mettre fin à"]).with_phrases(["la grève"])
    assert [o.form for o in apart.occurrences[0]] == ["a mis fin à", "la grève", "mettront fin aux"]


@pytest.mark.needs_freedict
@pytest.mark.needs_apertium
def test_a_phrase_is_glossed_from_freedict_then_apertium() -> None:
    from reader.learning.glosses import Glosser

    with Glosser() as glosser:
        assert glosser.gloss_phrase("avoir lieu") == "come about, happen, occur"
        assert glosser.gloss_phrase("prendre part à") == "participate, share, take part"
        assert glosser.gloss_phrase("tout à fait") == "definitely"  # Apertium's unit
        assert glosser.gloss_phrase("zorglub bidule") == ""
