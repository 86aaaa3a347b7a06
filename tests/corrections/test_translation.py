"""Your English ahead of every engine, never enforced over, in every text and in the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from glossary.model import Entry
from reader.article import from_blocks, load
from reader.corrections.store import Corrections
from reader.session import TranslationSession
from tests.support.cli import run_reader

SENTENCE = "Le Kremlin a répondu aux sanctions de Bruxelles."
ELSEWHERE = "le\u00a0Kremlin  a répondu aux sanctions de Bruxelles."  # another text's spelling
YOURS = "Moscow shrugged off the EU's sanctions."
TERM = Entry("sanctions", "penalties", "other")
"""A term enforcement puts into the engine's English; yours does not have it."""


def _article(tmp_path: Path, sentence=SENTENCE):
    path = tmp_path / "texte.fr.txt"
    path.write_text(f"Titre\n\nIl pleut. {sentence} Fin.\n", encoding="utf-8")
    (tmp_path / "texte.en.txt").write_text(
        "Title\n\nIt rains. The Kremlin answered Brussels. The end.\n", encoding="utf-8"
    )
    return load(path)


@pytest.mark.parametrize(
    "engine",
    [
        "none",
        "reference",
        pytest.param("apertium", marks=pytest.mark.needs_apertium),
        "argos",
    ],
)
def test_yours_stands_ahead_of_every_engine(
    engine: str, data_dir: Path, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    if engine == "argos":
        request.getfixturevalue("installed_standin")  # the stand-in model, installed once
    Corrections().add(SENTENCE, YOURS)
    article = _article(tmp_path, ELSEWHERE)
    with TranslationSession(article, engine, entries=[TERM]) as session:
        assert session.engine.name == engine
        block = session.translate(article.blocks)[1]
    assert block.sentences[1] == YOURS
    assert [block.origin(i) for i in range(3)] == ["engine", "yours", "engine"]
    assert block.sentence_terms(1) == () and block.sentence_unknown(1) == ()
    if engine != "none":
        assert block.sentences[0] and block.machine_english(1) != YOURS


@pytest.mark.needs_apertium
def test_enforcement_never_rewrites_yours(data_dir: Path, tmp_path: Path) -> None:
    article = _article(tmp_path)
    with TranslationSession(article, "apertium", entries=[TERM]) as session:
        machine = session.translate(article.blocks)[1]
    assert "penalties" in machine.sentences[1], "the term is enforced in the engine's English"
    Corrections().add(SENTENCE, YOURS)
    with TranslationSession(article, "apertium", entries=[TERM]) as session:
        block = session.translate(article.blocks)[1]
    assert block.sentences[1] == YOURS
    assert block.machine_english(1) == machine.sentences[1]
    assert block.sentences[0] == machine.sentences[0]  # the others keep the engine's English


def test_a_block_without_a_correction_is_untouched(data_dir: Path) -> None:
    Corrections().add("Autre chose.", "Something else.")
    article = from_blocks([("paragraph", "Il pleut. Il neige.")], "<t>")
    with TranslationSession(article, "none") as session:
        block = session.translate(article.blocks)[0]
    assert block.machine == () and block.yours == 0


def test_an_unusable_corrections_file_is_one_notice_and_the_engine_english(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "corrections.sqlite3").mkdir()  # a folder where the file should be
    article = from_blocks([("paragraph", "Il pleut.")], "<t>")
    with TranslationSession(article, "none") as session:
        session.translate(article.blocks)
        session.translate(article.blocks)
    assert len([n for n in session.notices if "without your English" in n]) == 1


@pytest.mark.slow
def test_reader_translate_prints_yours_and_json_says_origin(data_dir: Path, tmp_path: Path) -> None:
    env = {"READER_DATA_DIR": str(data_dir)}
    added = run_reader("corrections", "add", SENTENCE, YOURS, env=env)
    assert added.returncode == 0, added.stderr
    article = tmp_path / "autre.fr.txt"
    article.write_text(f"Un autre texte. {ELSEWHERE}\n", encoding="utf-8")
    text = run_reader("translate", str(article), "-e", "none", env=env)
    assert text.returncode == 0, text.stderr
    assert YOURS in text.stdout and "yours in 1 sentence" in text.stdout
    done = run_reader("translate", str(article), "-e", "reference", "--format", "json", env=env)
    assert done.returncode == 1  # no reference beside it: one line, as ever
    done = run_reader("translate", str(article), "-e", "none", "--format", "json", env=env)
    sentences = json.loads(done.stdout)["blocks"][0]["sentences"]
    assert [s["origin"] for s in sentences] == ["engine", "yours"]
    assert sentences[1]["en"] == YOURS and sentences[1]["engine_en"] == ""
