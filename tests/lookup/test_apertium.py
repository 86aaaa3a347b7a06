"""Apertium's analyser and bilingual dictionaries through open lt-proc processes (real Apertium)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.lookup import apertium_bidix
from reader.lookup.apertium_bidix import (
    Analysis,
    Apertium,
    is_safe_word,
    parse_analysis,
    parse_stream,
    plain_lemma,
    tag_variants,
)

files = apertium_bidix.find_files()


def test_stream_format_parses_units_and_readings() -> None:
    units = parse_stream("^villes/ville<n><f><pl>$ ^xyz/*xyz$^./.<sent>$")
    assert units[0] == ["villes", "ville<n><f><pl>"]
    assert parse_analysis(units[0][1]) == Analysis("ville", ("n", "f", "pl"))
    assert parse_analysis(units[1][1]) is None  # unknown word
    assert parse_analysis("@banque<n>") is None  # unknown to a bilingual dictionary
    assert parse_analysis("de<pr>+le<det><def><m><sg>") == Analysis("de", ("pr",))


def test_english_lemmas_lose_tags_and_join_split_multiwords() -> None:
    assert plain_lemma("take<vblex># off") == "take off"
    assert plain_lemma("city<n><pl>") == "city"


def test_tag_variants_try_other_genders_then_the_category() -> None:
    variants = tag_variants(("n", "m", "pl"))
    assert variants[0] == ("n", "m", "pl")
    assert ("n", "mf", "pl") in variants and ("n", "f", "sg") in variants
    assert variants[-1] == ("n",)
    assert ("vblex", "m", "vblex") not in tag_variants(("vblex",))


def test_stream_syntax_never_reaches_lt_proc() -> None:
    for word in ("a^b", "x$", "a/b", "<n>", "a\\b", "mot\0", "", "x" * 80, "@banque"):
        assert not is_safe_word(word)
    for word in ("villes", "aujourd'hui", "porte-parole", "Maison Blanche", "l’OTAN"):
        assert is_safe_word(word)


@pytest.mark.needs_apertium
def test_analyser_gives_every_reading() -> None:
    apertium = Apertium(files)
    try:
        assert apertium.analyse("villes") == [Analysis("ville", ("n", "f", "pl"))]
        readings = apertium.analyse("annoncent")
        assert Analysis("annoncer", ("vblex", "pri", "p3", "pl")) in readings
        assert apertium.analyse("xyzzyq") == []
        assert apertium.analyse("a^b") == []  # refused before it is sent
        # the process survives many questions in a row and answers each one
        assert [len(apertium.analyse(w)) > 0 for w in ["maisons"] * 200] == [True] * 200
    finally:
        apertium.close()


@pytest.mark.needs_apertium
def test_bilingual_dictionaries_pivot_through_spanish() -> None:
    with_apertium = Apertium(files)
    try:
        pivots = with_apertium.translate(Analysis("ville", ("n", "f", "pl")))
        assert [(p.spanish, p.english) for p in pivots] == [("ciudad", ("city",))]
        # Spanish « soldado » is listed as mf: the m from French is retried with mf
        soldier = with_apertium.translate(Analysis("soldat", ("n", "m", "pl")))
        assert soldier and "soldier" in soldier[0].english
        verb = with_apertium.translate(Analysis("attaquer", ("vblex", "pp", "m", "sg")))
        assert verb and verb[0].english == ("attack",)
        # « le » the pronoun goes through Spanish « lo », whose English is a placeholder
        # its generator fills in ("prpers"), not a word to show (QA 2026-12-01-c C4)
        assert with_apertium.translate(Analysis("le", ("prn", "pro", "p3", "nt"))) == []
    finally:
        with_apertium.close()


@pytest.mark.needs_apertium
def test_close_ends_the_processes() -> None:
    apertium = Apertium(files)
    apertium.start()
    processes = [apertium._analyser, apertium._fr_es, apertium._es_en]
    apertium.close()
    assert all(p is not None and p._process.poll() is not None for p in processes)


def test_without_apertium_on_path_nothing_is_found(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    assert apertium_bidix.find_files() is None


@pytest.mark.needs_apertium
def test_many_words_in_one_question_read_as_each_alone() -> None:
    assert files is not None
    apertium = Apertium(files)
    words = ["à", "peu", "près", "allions", "xyzzyq", "Poutine", "l'homme", "yeux"]
    try:
        many = apertium.analyse_many(words)
        alone = {w: apertium.analyse(w) for w in words}
    finally:
        apertium.close()
    assert many["près"] == alone["près"] and many["allions"] == alone["allions"]
    assert many["xyzzyq"] == [] and many["Poutine"] == alone["Poutine"]
    assert "l'homme" not in many  # split in two by the analyser: asked alone
    assert many == {w: alone[w] for w in many}
