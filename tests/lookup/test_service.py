"""LookupService with the real sources: spaCy in context, Apertium, FreeDict and the glossaries."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.article import load
from reader.lookup import morph
from reader.lookup.render import NOTHING_FOUND, PROPER_NOTE, as_text
from reader.lookup.service import APERTIUM_SOURCE, FREEDICT_SOURCE, LookupService, printable
from tests.support.paths import SEED


@pytest.fixture(scope="module")
def service() -> Iterator[LookupService]:
    with LookupService(load(SEED)) as warm:
        warm.warm()
        yield warm


def test_plain_words_for_apertium_tags() -> None:
    assert morph.describe_tags(("vblex", "pri", "p3", "pl")) == (
        "verb",
        "present, 3rd person plural",
    )
    assert morph.describe_tags(("n", "f", "pl")) == ("noun", "feminine plural")
    assert morph.describe_tags(("vblex", "pp", "m", "sg")) == (
        "verb",
        "past participle, masculine singular",
    )
    assert morph.describe_tags(("np", "ant", "m", "sg"))[0] == "proper noun"


def test_context_decides_between_readings(service: LookupService) -> None:
    verb = service.lookup("porte", "Il porte un lourd sac sur le dos.")
    noun = service.lookup("porte", "La porte de la mairie est fermée.")
    assert (verb.lemma, verb.pos) == ("porter", "verb")
    assert verb.morph == "present, 3rd person singular"
    assert (noun.lemma, noun.pos) == ("porte", "noun")


@pytest.mark.needs_apertium
def test_a_noun_apertium_knows_only_as_a_verb_is_the_noun(service: LookupService) -> None:
    """QA 2026-12-01-c C2: « le tournant » was "tourner · verb, gerund" (Apertium's only
    readings), though spaCy reads a noun; the verb's glosses are still the nearest."""
    found = service.lookup("tournant", "Que se passe-t-il après le remarquable tournant de Trump ?")
    assert (found.lemma, found.pos) == ("tournant", "noun")
    assert any("turn" in g.text for g in found.glosses)
    verb = service.lookup("tournant", "Il est parti en tournant la tête.")
    assert (verb.lemma, verb.pos) == ("tourner", "verb")


@pytest.mark.needs_apertium
@pytest.mark.needs_freedict
def test_glosses_name_their_sources_dictionary_before_apertium(service: LookupService) -> None:
    result = service.lookup("villes", "Les villes manquent de logements.")
    assert result.lemma == "ville" and result.description == "noun, feminine plural"
    sources = [g.source for g in result.glosses]
    assert sources[0] == FREEDICT_SOURCE and "city" in result.glosses[0].text
    assert any(s.startswith(APERTIUM_SOURCE) and "ciudad" in s for s in sources)
    assert (result.sentence[result.start : result.end]) == "villes"


def test_article_glossary_comes_first_and_terms_win_over_words(service: LookupService) -> None:
    sentence = "La Maison Blanche a répondu mardi."
    result = service.lookup("Blanche", sentence, start=sentence.index("Blanche"))
    assert result.term == "Maison Blanche"
    assert sentence[result.start : result.end] == "Maison Blanche"
    assert result.glosses[0].text == "White House"
    assert result.glosses[0].source.endswith("glossary")
    assert result.glossary[0].entry.fr == "Maison Blanche"
    otan = service.lookup("l’OTAN", "Le Kremlin critique l’OTAN.")
    assert otan.word == "OTAN" and otan.glosses[0].text == "NATO"
    assert otan.to_json()["glossary"][0]["en"] == "NATO"


def test_a_hyphenated_entry_that_is_the_word_is_not_a_wider_term(service: LookupService) -> None:
    result = service.lookup("États-Unis", "Les États-Unis ont voté.")
    assert result.term is None and result.proper
    assert result.glosses[0].text == "United States" and result.start == 4


def test_proper_nouns_say_so(service: LookupService) -> None:
    result = service.lookup("Castaner", "Hier, Castaner a parlé aux journalistes.")
    assert result.proper and result.pos == "proper noun"
    assert PROPER_NOTE in as_text(result).plain


def test_an_office_of_the_general_glossary_is_a_word_not_a_name(service: LookupService) -> None:
    """Trial row T12: « maire » is filed under people in the general glossary, in lower
    case: a common noun, which can be saved and marked."""
    result = service.lookup("maire", "La maire d'arrondissement a parlé.")
    assert not result.proper and result.pos == "noun"
    assert result.lemma == "maire"


def test_unknown_word_says_so_and_keeps_the_sentence_pair(service: LookupService) -> None:
    result = service.lookup(
        "zorglubique", "Un mot zorglubique ici.", english="A zorglubic word here."
    )
    assert result.glosses == ()
    shown = as_text(result).plain
    assert NOTHING_FOUND in shown
    assert "Un mot zorglubique ici." in shown and "A zorglubic word here." in shown


def test_lookups_from_threads_agree_with_one_thread(service: LookupService) -> None:
    words = [("villes", None), ("porte", "Il porte un sac."), ("grandes", None), ("OTAN", None)] * 5
    expected = [service.lookup(w, s).to_json() for w, s in words]
    found: list = [None] * len(words)

    def work(i: int) -> None:
        found[i] = service.lookup(*words[i]).to_json()

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(words))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert found == expected


@pytest.mark.needs_apertium
def test_quick_lookups_answer_from_apertium_until_spacy_has_read_the_sentence() -> None:
    sentence = "Les syndicats dénoncent la réforme."
    with LookupService() as fresh:
        early = fresh.lookup("dénoncent", sentence, quick=True)
        assert not fresh.warmed and early.analyser == "Apertium"
        assert (early.lemma, early.pos) == ("dénoncer", "verb")
        fresh.warm()
        # Warm, but this sentence is unread: a quick answer still skips spaCy (a click in a
        # new sentence answers at once; the app then asks for the full answer).
        assert fresh.lookup("dénoncent", sentence, quick=True).analyser == "Apertium"
        full = fresh.lookup("dénoncent", sentence)
        assert fresh.warmed and full.analyser == "spaCy + Apertium"
        again = fresh.lookup("syndicats", sentence, quick=True)  # read now: spaCy at once
        assert again.analyser == "spaCy + Apertium" and fresh.parsed(sentence)


def test_missing_sources_are_skipped_with_how_to_add_them(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no apertium, no lt-proc
    monkeypatch.setenv("READER_FREEDICT_DIR", str(tmp_path / "nowhere"))
    with LookupService() as bare:
        result = bare.lookup("élections", "Les élections auront lieu en mai.")
    assert result.lemma == "élection" and result.pos == "noun"  # spaCy alone
    notes = " ".join(result.notes)
    assert "apt install dict-freedict-fra-eng" in notes and "reader dictionaries install" in notes
    assert "apt install apertium" in notes
    assert not any(g.source.startswith(("FreeDict", "Apertium")) for g in result.glosses)


def test_text_from_files_cannot_drive_the_terminal() -> None:
    assert printable("city\x1b[31m red\x07") == "city [31m red "
    assert printable("ligne\nsuivante") == "ligne\nsuivante"


def test_what_no_source_knows_and_is_not_french_is_unknown(service: LookupService) -> None:
    """QA 2026-12-01 Q19: 習近平 was "adjective, masculine plural", xyzzyqq a proper noun
    "usually kept as it is in English"; a capitalised unknown word may still be a name."""
    for word, sentence in (("習近平", "Il a reçu 習近平 hier."), ("xyzzyqq", "")):
        result = service.lookup(word, sentence or None)
        assert (result.pos, result.morph, result.proper) == ("", "", False), word
        shown = as_text(result).plain
        assert NOTHING_FOUND in shown and PROPER_NOTE not in shown
    name = service.lookup("Kowalski", "Le ministre Kowalski a parlé.")
    assert name.proper and PROPER_NOTE in as_text(name).plain


def test_a_sentence_read_ahead_makes_its_lookups_full_at_once(service: LookupService) -> None:
    sentence = "Les cheminots manifestent devant la gare."
    assert not service.parsed(sentence)
    service.prefetch(sentence)
    assert service.parsed(sentence)
    assert service.lookup("cheminots", sentence, quick=True).analyser.startswith("spaCy")
