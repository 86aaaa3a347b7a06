"""Anki export checked the way a learner meets it: the .apkg imported into a fresh
collection with Anki's own library (the ``anki`` package), then exported and
imported again to prove notes are updated, never duplicated."""

from __future__ import annotations

import html
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from glossary import export
from glossary.errors import GlossaryError
from reader.article import load
from reader.engines.apertium import ApertiumEngine
from reader.translate import glossary_build as build
from tests.support.cli import run_reader

GLOSSARY = """
[[entry]]
fr = "OTAN"
en = "{nato}"
kind = "organisations"
definition = "R&D <spending> & the \\"Alliance\\""

[[entry]]
fr = "Kiev"
en = "Kyiv"
kind = "places"
definition = "Capital of Ukraine."
"""


def write_article(folder, nato="NATO"):
    article = folder / "a.fr.txt"
    article.write_text(
        "Titre\nJean de La Fontaine parle de l’OTAN à Kiev et du capital de crédibilité.\n",
        encoding="utf-8",
    )
    (folder / "a.glossary.toml").write_text(GLOSSARY.format(nato=nato), encoding="utf-8")
    return load(article)


def make_glossary(article, engine):
    candidates = [
        build.Candidate("Jean de La Fontaine", "people", 1, ("Jean de La Fontaine",)),
        build.Candidate("capital de crédibilité", "other", 1, ("capital de crédibilité",)),
    ]
    return build.build(article, candidates, engine)


def import_deck(collection_path, deck):
    from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest

    col = Collection(str(collection_path))
    try:
        # Default options, as Anki's own import dialog: update notes when newer.
        result = col.import_anki_package(
            ImportAnkiPackageRequest(package_path=str(deck), options=ImportAnkiPackageOptions())
        )
        notes = [col.get_note(i) for i in col.find_notes("")]
        return result.log, {n["French"]: n for n in notes}
    finally:
        col.close()


@pytest.fixture
def apertium() -> Iterator[ApertiumEngine]:
    from reader.engines.apertium import ApertiumEngine

    engine = ApertiumEngine()
    yield engine
    engine.close()


def test_deck_imports_into_anki_and_a_second_export_updates(
    tmp_path: Path, data_dir: Path, apertium: ApertiumEngine
) -> None:
    deck, collection = tmp_path / "deck.apkg", tmp_path / "collection.anki2"
    article = write_article(tmp_path)
    glossary = make_glossary(article, apertium)
    count = export.write_anki(glossary, article, {}, deck)
    log, notes = import_deck(collection, deck)
    assert len(log.new) == count == len(notes) == 4
    otan = notes["OTAN"]
    assert otan["English"] == "NATO" and otan["Warning"] == ""
    assert otan["Definition"] == html.escape('R&D <spending> & the "Alliance"')
    assert "<b>OTAN</b>" in otan["ExampleFR"] and otan["Source"] == "the article&#x27;s glossary"
    name = notes["Jean de La Fontaine"]
    assert name["English"] == "Jean de La Fontaine" and "machine_guess" not in name.tags
    guess = notes["capital de crédibilité"]
    assert guess["English"] and "not checked" in guess["Warning"] and "machine_guess" in guess.tags
    assert all(n["Warning"] == "" for fr, n in notes.items() if fr != "capital de crédibilité")

    time.sleep(1.1)  # Anki updates a note only when the new one is newer, to the second
    article = write_article(tmp_path, nato="North Atlantic Treaty Organization")
    export.write_anki(make_glossary(article, apertium), article, {}, deck)
    log, again = import_deck(collection, deck)
    assert len(again) == 4 and not log.new and log.updated  # same notes, updated
    assert again["OTAN"]["English"] == "North Atlantic Treaty Organization"
    assert {n.guid for n in again.values()} == {n.guid for n in notes.values()}


def test_a_deck_without_english_is_refused_and_nothing_written(
    tmp_path: Path, data_dir: Path
) -> None:
    article = tmp_path / "x.fr.txt"
    article.write_text("Titre\nUn texte sans terme connu.\n", encoding="utf-8")
    glossary = build.build(load(article), [build.Candidate("texte", "other", 1, ("texte",))])
    deck = tmp_path / "x.apkg"
    with pytest.raises(GlossaryError, match="no cards; nothing written"):
        export.write_anki(glossary, load(article), {}, deck)
    assert not deck.exists() and not list(tmp_path.glob("*.tmp")) and not list(tmp_path.glob(".x*"))


def test_cli_refuses_an_empty_deck_and_says_what_it_left_out(tmp_path: Path) -> None:
    article = tmp_path / "x.fr.txt"
    article.write_text("Titre\nUn texte sans terme connu.\n", encoding="utf-8")
    env = {"READER_DATA_DIR": str(tmp_path / "data")}
    deck = tmp_path / "d.apkg"
    done = run_reader(
        "glossary",
        str(article),
        "-e",
        "none",
        "--no-extract",
        "-f",
        "anki",
        "-o",
        str(deck),
        env=env,
    )
    assert done.returncode == 1 and "nothing written" in done.stderr and not deck.exists()
    article.write_text("Titre\nLa BCE et Jean Dupont à Francfort.\n", encoding="utf-8")
    done = run_reader(
        "glossary", str(article), "-e", "none", "-f", "anki", "-o", str(deck), env=env
    )
    assert done.returncode == 0, done.stderr
    assert "wrote 3 cards" in done.stderr and "no English example sentence" in done.stderr
