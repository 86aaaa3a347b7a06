"""Engines through the real code: reference file, Apertium where installed, and Argos
on the stand-in CTranslate2 package (real model file, real tokenizer)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.article import load, parse
from reader.cache import Cache
from reader.engines import argos
from reader.engines.none import NoneEngine
from reader.engines.reference import ReferenceEngine
from reader.engines.select import select
from reader.errors import EngineError
from reader.translation import translate_blocks, translate_in_chunks
from tests.support.paths import SEED


def test_reference_aligns_sentences() -> None:
    article = load(SEED)
    english = translate_blocks(ReferenceEngine(article), article.blocks)
    assert english[0].text == "What happens now that Trump has turned on Putin?"
    assert all(
        len(e.sentences) == len(b.sentences) for b, e in zip(article.blocks, english, strict=True)
    )
    assert all(e.engine == "reference" and e.version.startswith("sha256:") for e in english)
    assert "Patriot missiles" in english[9].text and "NATO" in english[9].text


def test_reference_missing_and_misaligned(tmp_path: Path) -> None:
    lone = tmp_path / "lone.fr.txt"
    lone.write_text("Titre\nUn paragraphe.", encoding="utf-8")
    with pytest.raises(EngineError, match="no reference translation"):
        ReferenceEngine(load(lone))
    (tmp_path / "lone.en.txt").write_text(
        "Title\nOne paragraph.\nAnother one too many.", encoding="utf-8"
    )
    with pytest.raises(EngineError, match="block for block"):
        ReferenceEngine(load(lone))


def test_none_engine_gives_empty_english() -> None:
    article = parse("Titre\nUn paragraphe. Deux phrases.", "x.txt")
    english = translate_blocks(NoneEngine(), article.blocks)
    assert [e.sentences for e in english] == [("",), ("", "")]
    assert english[0].engine == "none"


@pytest.mark.needs_apertium
def test_apertium_translates_sentence_for_sentence(data_dir: Path) -> None:
    from reader.engines.apertium import ApertiumEngine

    article = load(SEED)
    english = translate_blocks(ApertiumEngine(), article.blocks, Cache())
    assert all(
        len(e.sentences) == len(b.sentences) for b, e in zip(article.blocks, english, strict=True)
    )
    assert "Putin" in english[0].text and all(e.engine == "apertium" for e in english)
    assert "NBC News" in english[9].text
    assert (
        english[0].version.startswith("apertium-fr-es ")
        and "apertium-eng-spa" in english[0].version
    )


class CountingTranslator:
    """Wraps the real CTranslate2 translator to count batch calls."""

    def __init__(self, real) -> None:
        self.real, self.calls = real, 0

    def translate_batch(self, *args, **kwargs):
        self.calls += 1
        return self.real.translate_batch(*args, **kwargs)


def test_argos_standin_batches_the_whole_article(installed_standin: Path, data_dir: Path) -> None:
    article = load(SEED)
    engine = argos.ArgosEngine()
    assert engine.version == "translate-fr_en-standin 0.0.1-standin"
    counter = CountingTranslator(engine._load())
    engine._translator = counter
    english = translate_blocks(engine, article.blocks, Cache())
    sentences = sum(len(b.sentences) for b in article.blocks)
    # One engine pass: sorted by length, one CTranslate2 call per batch of batch_size.
    assert sentences > 30 and counter.calls == -(-sentences // engine.batch_size)
    assert all(
        len(e.sentences) == len(b.sentences) for b, e in zip(article.blocks, english, strict=True)
    )
    assert all(e.engine == "argos" for e in english)
    assert any(s for e in english for s in e.sentences)  # gibberish, but real model output


def test_second_run_is_served_from_cache_without_loading(
    installed_standin: Path, data_dir: Path
) -> None:
    article = load(SEED)
    first = translate_blocks(argos.ArgosEngine(), article.blocks, Cache())
    loads_before = argos.loads
    engine = argos.ArgosEngine()
    second = translate_blocks(engine, article.blocks, Cache())
    assert second == first
    assert not engine.loaded and argos.loads == loads_before


def test_chunks_follow_the_requested_order(installed_standin: Path, data_dir: Path) -> None:
    article = load(SEED)
    order = [article.blocks[i] for i in (9, 10, 0, 1)]
    chunks = list(translate_in_chunks(argos.ArgosEngine(), order, Cache(), chunk_sentences=3))
    assert [t.index for chunk in chunks for t in chunk] == [9, 10, 0, 1]
    assert len(chunks) >= 2


def test_auto_prefers_argos_when_installed(installed_standin: Path) -> None:
    selection = select("auto", load(SEED))
    assert selection.engine.name == "argos" and "installed" in selection.reason


def test_unknown_engine_is_a_clear_error() -> None:
    with pytest.raises(EngineError, match="unknown engine"):
        select("babel", load(SEED))


# ---------------------------------------------------------------- Apertium: marks, typography, one pipeline


def _apertium_blocks(*sentences: str):
    from reader.engines.apertium import ApertiumEngine

    article = parse("Titre\n" + "\n".join(sentences), "x.txt")
    engine = ApertiumEngine()
    try:
        return translate_blocks(engine, article.blocks)[1:]
    finally:
        engine.close()


@pytest.mark.needs_apertium
def test_apertium_unknown_words_lose_their_marks_and_keep_their_spans() -> None:
    [block] = _apertium_blocks("Trump a appris à ses dépens la cruauté de Poutine.")
    english = block.sentences[0]
    assert not set("*@#") & set(english)
    unknown = [english[a:b] for a, b in block.sentence_unknown(0)]
    assert "dépens" in unknown
    assert "Trump" not in unknown  # a name passed through is not an unknown word


@pytest.mark.needs_apertium
def test_apertium_spanish_leaking_through_the_pivot_is_unknown() -> None:
    [block] = _apertium_blocks("L’article met en lumière le remarquable tournant de Trump.")
    unknown = [block.sentences[0][a:b] for a, b in block.sentence_unknown(0)]
    assert unknown == ["aventajada"]


@pytest.mark.needs_apertium
def test_apertium_english_typography() -> None:
    [question, quote] = _apertium_blocks(
        "Que se passe-t-il maintenant que Trump a rejeté Poutine ?",
        "Il en avait assez des « absurdités » de Poutine : voilà !",
    )
    assert question.sentences[0].endswith("Putin?")
    english = quote.sentences[0]
    assert "“absurdities”" in english and "«" not in english and "»" not in english
    assert " :" not in english and " !" not in english


@pytest.mark.needs_apertium
def test_apertium_phrases_starting_a_sentence_are_not_in_capitals() -> None:
    """Apertium writes a multiword unit that starts a sentence in capitals ("THANKS TO
    him", "REGARDING Galileo"); acronyms and a French headline in capitals stay."""
    blocks = _apertium_blocks(
        "Grâce à lui, tout va bien.",
        "Quant à la Galilée, elle est belle.",
        "En raison de cela, l'ONU a dit non.",
        "LA FRANCE GAGNE.",
    )
    english = [b.sentences[0] for b in blocks]
    assert english[0].startswith("Thanks to him"), english
    assert english[1].startswith("Regarding Galileo"), english
    assert english[2].startswith("Because of this") and "UN" in english[2], english
    assert english[3] == "FRANCE WINS.", english


def test_apertium_keeps_acronyms_in_capitals_at_the_start(monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.engines import apertium

    units = {"ACCORDING TO NATO": (("ACCORDING TO", False), ("NATO", True))}
    monkeypatch.setattr(apertium, "_english_units", lambda text: units.get(text, ()))
    assert apertium.finish("ACCORDING TO NATO, no.", "Selon l'OTAN, non.") == (
        "According to NATO, no."
    )
    # The French's own capitals stay (« ONU DÉMENT »); so does what cannot be analysed.
    assert apertium.finish("UN DENIES.", "ONU DÉMENT.") == "UN DENIES."
    assert apertium.finish("AROUND us.", "Autour de nous.") == "AROUND us."


@pytest.mark.needs_apertium
def test_apertium_knows_words_written_with_a_ligature() -> None:
    """« cœur », « œuvres », « sœur »: Apertium's dictionary spells them with "oe" and
    left them in French; a word it does not know either comes back as written."""
    [heart, works] = _apertium_blocks("Le cœur de la ville.", "Les œuvres et le bœuf.")
    assert heart.sentences[0] == "The heart of the city.", heart.sentences
    english = works.sentences[0]
    assert "works" in english and "œuvres" not in english, english
    assert [english[a:b] for a, b in works.sentence_unknown(0)] == ["bœuf"], english
    from reader.engines.apertium import ApertiumEngine

    engine = ApertiumEngine()
    try:
        assert engine.analyse_words(["Cœur"]) == {"Cœur": frozenset({"n"})}  # the analyser too
    finally:
        engine.close()


@pytest.mark.needs_apertium
def test_apertium_literal_marks_in_the_french_stay() -> None:
    [block] = _apertium_blocks("Suivez #paix et @home sur le réseau, 5*4.")
    english = block.sentences[0]
    assert "#" in english and "@" in english and "5*4" in english


@pytest.mark.needs_apertium
def test_apertium_one_pipeline_for_many_chunks_and_closed_with_the_engine() -> None:
    from reader.engines.apertium import ApertiumEngine

    article = load(SEED)
    engine = ApertiumEngine()
    chunks = list(translate_in_chunks(engine, article.blocks, None, chunk_sentences=4))
    assert len(chunks) > 5 and engine.spawns == 1
    process = engine._pipeline._proc
    engine.close()
    assert process.poll() is not None


@pytest.mark.needs_apertium
def test_apertium_pipeline_and_batch_fallback_agree() -> None:
    from reader.engines.apertium import ApertiumEngine, finish

    sentences = [s.text for b in load(SEED).blocks for s in b.sentences]
    engine = ApertiumEngine()
    try:
        piped = engine.translate_marked(sentences)
        batched = [
            finish(e, s)
            for e, s in zip(engine._translate_by_batch(sentences), sentences, strict=True)
        ]
    finally:
        engine.close()
    assert piped == batched
