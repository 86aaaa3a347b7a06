"""A phrase looked up as one unit (issue 22): FreeDict's multi-word headwords and
Apertium's multi-word units, without spaCy (the caller gives the canonical phrase)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.lookup.render import as_text
from reader.lookup.service import APERTIUM_SOURCE, FREEDICT_SOURCE, LookupService

SENTENCE = "La réunion a eu lieu hier."


@pytest.fixture(scope="module")
def service() -> Iterator[LookupService]:
    with LookupService() as bare:
        yield bare


@pytest.mark.needs_freedict
def test_freedict_knows_the_phrase_as_a_headword(service: LookupService) -> None:
    result = service.lookup_phrase("avoir lieu", "a eu lieu", SENTENCE, 11)
    assert (result.word, result.lemma, result.pos) == ("a eu lieu", "avoir lieu", "phrase")
    assert SENTENCE[result.start : result.end] == "a eu lieu"
    freedict = [g.text for g in result.glosses if g.source == FREEDICT_SOURCE]
    assert freedict and "happen" in freedict[0]
    assert as_text(result).plain.startswith("a eu lieu  →  avoir lieu  ·  phrase")


@pytest.mark.needs_apertium
def test_apertium_multiword_units_are_glossed_through_spanish(service: LookupService) -> None:
    result = service.lookup_phrase("au fur et à mesure", "au fur et à mesure")
    apertium = [g for g in result.glosses if g.source.startswith(APERTIUM_SOURCE)]
    assert [g.text for g in apertium] == ["little by little"]
    assert "« poco a poco »" in apertium[0].source


def test_a_phrase_no_source_knows_has_no_gloss(service: LookupService) -> None:
    result = service.lookup_phrase("zorglub bidule", "zorglub bidule")
    assert result.glosses == () and result.lemma == "zorglub bidule"


@pytest.mark.needs_apertium
def test_a_word_inside_an_apertium_multiword_unit_names_the_phrase(service: LookupService) -> None:
    sentence = "Face à la crise, c'est tout à fait normal."
    result = service.lookup("fait", sentence, start=sentence.index("fait"), quick=True)
    assert [(p.text, p.source) for p in result.phrases] == [("tout à fait", "definitely")]
    assert "In the phrase « tout à fait »  definitely" in as_text(result).plain
    first = service.lookup("Face", sentence, start=0, quick=True)
    assert [p.text for p in first.phrases] == ["face à"]  # lower case, as a phrase is kept
    outside = service.lookup("crise", sentence, start=sentence.index("crise"), quick=True)
    assert outside.phrases == ()


@pytest.mark.needs_freedict
def test_reader_lookup_of_several_words_looks_the_phrase_up(tmp_path: Path) -> None:
    import json

    from tests.support.cli import run_reader

    env = {"READER_DATA_DIR": str(tmp_path / "data")}
    done = run_reader("lookup", "Avoir lieu", "--format", "json", env=env)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert (data["word"], data["lemma"], data["pos"]) == ("Avoir lieu", "avoir lieu", "phrase")
    assert data["glosses"][0]["source"] == FREEDICT_SOURCE
