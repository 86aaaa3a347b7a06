"""Which glossary entries keep words out of the count (trial row T12): the people, places
and organisations named in the text, never the general glossary's common nouns of those
kinds (« maire », « député », « syndicats »): those are words to learn, counted and
markable."""

from __future__ import annotations

import re
from pathlib import Path

from glossary.general import load_general
from glossary.model import Entry
from reader.article import parse
from reader.learning.counts import article_names, count_words, name_spans
from reader.nlp.analysis import Token

TEXT = (
    "La maire d'arrondissement a reçu le député, le préfet et les syndicats. "
    "Le ministre de l'Intérieur et Emmanuel Macron sont venus du Conseil constitutionnel."
)


def tokens(text: str) -> list[Token]:
    """Each word a noun whose lemma is its lower case (no spaCy: the spans are tested)."""
    return [
        Token(m.group(0), m.start(), m.end(), m.group(0).lower(), "NOUN")
        for m in re.finditer(r"\w+", text)
    ]


def named(text: str, spans: list[tuple[int, int]]) -> list[str]:
    return [text[a:b] for a, b in spans]


def test_the_general_glossarys_common_nouns_are_not_names() -> None:
    article = parse(TEXT, "t")
    block = next(b for b in article.blocks if "maire" in b.text)
    spans = name_spans(article.blocks, load_general()).get(block.index, [])
    out = named(block.text, spans)
    for word in ("maire", "député", "préfet", "syndicats", "ministre"):
        assert not any(word in name for name in out), (word, out)
    assert "Intérieur" in out  # the capitalised word of « ministre de l'Intérieur »
    counted = count_words("t", [tokens(block.text)], {0: spans}).lemmas
    assert {"maire", "député", "préfet", "syndicats", "ministre"} <= set(counted)
    assert "intérieur" not in counted


def test_capitalised_entries_are_names_wherever_they_occur() -> None:
    entries = [
        Entry("Emmanuel Macron", "Emmanuel Macron", "people", origin="general"),
        Entry("Conseil constitutionnel", "Constitutional Council", "organisations"),
        Entry("maire", "mayor", "people", origin="general"),
    ]
    article = parse(TEXT, "t")
    block = next(b for b in article.blocks if "Macron" in b.text)
    out = named(block.text, name_spans(article.blocks, entries)[block.index])
    assert "Emmanuel Macron" in out and "Conseil constitutionnel" in out
    assert not any("maire" in name.lower() for name in out)


def test_a_sentence_starting_with_the_office_keeps_it_a_word(data_dir: Path) -> None:
    article = parse("Maire depuis 2020, elle a parlé longtemps aux habitants.", "t")
    assert article_names(article) == {}  # « Maire », capitalised by the sentence only


def test_the_trials_offices_are_counted_in_a_real_analysis(data_dir: Path) -> None:
    """The real pass (spaCy) and the real glossary stack: « maire » can be marked."""
    from reader.learning.counts import words_of

    article = parse(
        "La maire d'arrondissement a reçu le député et le préfet. "
        "Le sénateur et le procureur sont venus aussi.",
        "t",
    )
    lemmas = set(words_of(article).lemmas)
    assert {"maire", "député", "préfet", "sénateur", "procureur"} <= lemmas
