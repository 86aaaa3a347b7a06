"""Every sentence of the library searchable, by form and by lemma (the real spaCy pass),
and what the lookup panel will show: "In your library: N sentences in M texts"."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.library.shelf import Library, match_expression
from reader.library.sources import add_source
from tests.library.conftest import store

FIRST = "Le voyage\n\nIl allait à Lyon chaque été. Le train partait tôt.\n\nIl faisait beau.\n"
SECOND = "Le retour\n\nElle va à Paris demain. Les trains sont pleins.\n\nOn verra bien.\n"


@pytest.fixture
def two_texts(library: Library, tmp_path: Path) -> tuple[Library, int, int]:
    paths = []
    for name, text in (("voyage.txt", FIRST), ("retour.txt", SECOND)):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    first, _ = add_source(library, str(paths[0]))
    second, _ = add_source(library, str(paths[1]))
    return library, first.id, second.id


def test_a_word_in_two_texts_by_form_and_by_lemma(two_texts: tuple[Library, int, int]) -> None:
    library, first, second = two_texts
    assert [(h.text, h.fr) for h in library.find("à")] == [
        (first, "Il allait à Lyon chaque été."),
        (second, "Elle va à Paris demain."),
    ]
    assert [h.fr for h in library.find("train")] == ["Le train partait tôt."]  # the form only
    assert [(h.text, h.fr) for h in library.find("train", lemma=True)] == [
        (first, "Le train partait tôt."),
        (second, "Les trains sont pleins."),
    ]
    assert library.lemma_of("allait") == library.lemma_of("va") == "aller"
    assert [h.text for h in library.find("aller", lemma=True)] == [first, second]
    hit = library.find("partait")[0]
    assert (hit.title, hit.block, hit.sentence) == ("Le voyage", 1, 1)


def test_the_lookup_panel_counts_sentences_and_texts_and_can_leave_the_current_text_out(
    two_texts: tuple[Library, int, int],
) -> None:
    library, first, second = two_texts
    everywhere = library.hits("train", lemma=True)
    assert (everywhere.sentences, everywhere.texts) == (2, 2)
    elsewhere = library.hits("train", lemma=True, exclude=first)
    assert (elsewhere.sentences, elsewhere.texts) == (1, 1)
    assert [h.fr for h in elsewhere.first] == ["Les trains sont pleins."]
    assert library.hits("baleine").sentences == 0
    capped = library.hits("train", lemma=True, most=1)
    assert (capped.sentences, capped.capped) == (1, True)
    assert not everywhere.capped


def test_search_words_are_never_query_syntax(library: Library) -> None:
    store(library, 'Le titre\n\nUn "mot" AND OR NOT * ( ) : entre guillemets.\n', "/t.txt")
    for word in ('"', '"mot"', "AND", "*", "mot*", "(", "lemmas : x", "NEAR(a b)"):
        library.find(word)  # no sqlite3.OperationalError
    assert [h.fr for h in library.find('"mot"')] == [
        'Un "mot" AND OR NOT * ( ) : entre guillemets.'
    ]
    assert match_expression("fr", 'a"b') == 'fr : "a""b"'
