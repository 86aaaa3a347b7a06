"""Engines through the real code: reference file, Apertium where installed, and Argos
on the stand-in CTranslate2 package (real model file, real tokenizer)."""

from __future__ import annotations

import shutil

import pytest

from reader.article import load, parse
from reader.cache import Cache
from reader.engines import argos
from reader.engines.none import NoneEngine
from reader.engines.reference import ReferenceEngine
from reader.engines.select import select
from reader.errors import EngineError
from reader.translation import translate_blocks, translate_in_chunks
from tests.conftest import SEED


def test_reference_aligns_sentences():
    article = load(SEED)
    english = translate_blocks(ReferenceEngine(article), article.blocks)
    assert english[0].text == "What happens now that Trump has turned on Putin?"
    assert all(
        len(e.sentences) == len(b.sentences) for b, e in zip(article.blocks, english, strict=True)
    )
    assert all(e.engine == "reference" and e.version.startswith("sha256:") for e in english)
    assert "Patriot missiles" in english[9].text and "NATO" in english[9].text


def test_reference_missing_and_misaligned(tmp_path):
    lone = tmp_path / "lone.fr.txt"
    lone.write_text("Titre\nUn paragraphe.", encoding="utf-8")
    with pytest.raises(EngineError, match="no reference translation"):
        ReferenceEngine(load(lone))
    (tmp_path / "lone.en.txt").write_text(
        "Title\nOne paragraph.\nAnother one too many.", encoding="utf-8"
    )
    with pytest.raises(EngineError, match="block for block"):
        ReferenceEngine(load(lone))


def test_none_engine_gives_empty_english():
    article = parse("Titre\nUn paragraphe. Deux phrases.", "x.txt")
    english = translate_blocks(NoneEngine(), article.blocks)
    assert [e.sentences for e in english] == [("",), ("", "")]
    assert english[0].engine == "none"


@pytest.mark.skipif(
    shutil.which("apertium") is None, reason="apertium is not installed (CI installs it)"
)
def test_apertium_translates_sentence_for_sentence(data_dir):
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

    def __init__(self, real):
        self.real, self.calls = real, 0

    def translate_batch(self, *args, **kwargs):
        self.calls += 1
        return self.real.translate_batch(*args, **kwargs)


def test_argos_standin_batches_the_whole_article(installed_standin, data_dir):
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


def test_second_run_is_served_from_cache_without_loading(installed_standin, data_dir):
    article = load(SEED)
    first = translate_blocks(argos.ArgosEngine(), article.blocks, Cache())
    loads_before = argos.loads
    engine = argos.ArgosEngine()
    second = translate_blocks(engine, article.blocks, Cache())
    assert second == first
    assert not engine.loaded and argos.loads == loads_before


def test_chunks_follow_the_requested_order(installed_standin, data_dir):
    article = load(SEED)
    order = [article.blocks[i] for i in (9, 10, 0, 1)]
    chunks = list(translate_in_chunks(argos.ArgosEngine(), order, Cache(), chunk_sentences=3))
    assert [t.index for chunk in chunks for t in chunk] == [9, 10, 0, 1]
    assert len(chunks) >= 2


def test_auto_prefers_argos_when_installed(installed_standin):
    selection = select("auto", load(SEED))
    assert selection.engine.name == "argos" and "installed" in selection.reason


def test_unknown_engine_is_a_clear_error():
    with pytest.raises(EngineError, match="unknown engine"):
        select("babel", load(SEED))
