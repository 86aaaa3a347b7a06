"""The vocabulary (``reader.learning.vocab``): SQLite in the data folder, examples per lemma,
exports (Anki checked by Anki)."""

from __future__ import annotations

import csv
import io
import json
import multiprocessing
import os
import time
from pathlib import Path

import pytest

from reader.learning.vocab import (
    VocabError,
    Vocabulary,
    anki_guid,
    marked,
    save_lookup,
    to_csv,
    to_json,
    write_anki,
)
from tests.support.cli import run_reader

VILLES = dict(
    word="villes",
    lemma="ville",
    english="city, town",
    source="FreeDict French–English",
    sentence="Les villes manquent de logements.",
    english_sentence="Cities lack housing.",
    title="Logement",
    path="/articles/logement.fr.txt",
)


def test_saving_a_lemma_again_adds_a_sentence(data_dir: Path) -> None:
    vocab = Vocabulary()
    vocab.save(**VILLES)
    again = vocab.save(
        **{
            **VILLES,
            "word": "ville",
            "sentence": "La ville vote.",
            "english_sentence": "The city votes.",
        }
    )
    assert [x.sentence for x in again.examples] == ["La ville vote.", VILLES["sentence"]]
    vocab.save(**VILLES)  # the same sentence again: no duplicate example
    entries = Vocabulary().entries()  # a new connection reads what was committed
    assert len(entries) == 1 and len(entries[0].examples) == 2
    first = entries[0].examples[-1]
    assert (first.word, first.english, first.title, first.path) == (
        "villes",
        "Cities lack housing.",
        "Logement",
        "/articles/logement.fr.txt",
    )
    assert first.saved[:4].isdigit() and entries[0].source == "FreeDict French–English"
    assert (data_dir / "vocabulary.sqlite3").is_file()


def _save_then_die(folder: str) -> None:
    os.environ["READER_DATA_DIR"] = folder
    Vocabulary().save(**VILLES)
    os._exit(9)  # no clean shutdown, no close: as if the machine lost power after the save


def test_a_crash_after_saving_loses_nothing(data_dir: Path) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    child = multiprocessing.get_context("spawn").Process(
        target=_save_then_die, args=(str(data_dir),)
    )
    child.start()
    child.join(60)
    assert child.exitcode == 9
    assert [e.lemma for e in Vocabulary().entries()] == ["ville"]


def test_a_damaged_file_is_set_aside_not_deleted(data_dir: Path) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "vocabulary.sqlite3").write_bytes(b"this is not a database at all" * 100)
    vocab = Vocabulary()
    assert vocab.save(**VILLES).lemma == "ville"
    assert vocab.notice and "moved to" in vocab.notice
    assert any(p.name.startswith("vocabulary.sqlite3.corrupt-") for p in data_dir.iterdir())


def test_remove_by_lemma_or_form(data_dir: Path) -> None:
    vocab = Vocabulary()
    vocab.save(**VILLES)
    vocab.save(**{**VILLES, "word": "grandes", "lemma": "grand", "sentence": "Les grandes villes."})
    assert vocab.remove("Villes") == ["ville"]  # the form it was saved from
    assert vocab.remove("grand") == ["grand"]
    assert vocab.entries() == []
    with pytest.raises(VocabError, match="no 'absent' in your vocabulary"):
        vocab.remove("absent")


def test_csv_and_json_exports_carry_every_field(data_dir: Path) -> None:
    vocab = Vocabulary()
    vocab.save(**VILLES)
    vocab.save(word="grève", lemma="grève", english="strike", source="typed")  # no sentence
    rows = list(csv.DictReader(io.StringIO(to_csv(vocab.entries()))))
    by_lemma = {r["lemma"]: r for r in rows}
    assert by_lemma["ville"]["english_sentence"] == "Cities lack housing."
    assert by_lemma["ville"]["path"] == "/articles/logement.fr.txt"
    assert by_lemma["grève"]["sentence"] == "" and by_lemma["grève"]["source"] == "typed"
    data = json.loads(to_json(vocab.entries()))
    assert {d["lemma"] for d in data} == {"ville", "grève"}
    assert next(d for d in data if d["lemma"] == "ville")["examples"][0]["title"] == "Logement"


def test_word_is_marked_in_html_sentence() -> None:
    assert (
        marked("Les <villes> & les villes.", "villes")
        == "Les &lt;<b>villes</b>&gt; &amp; les villes."
    )


def _import(collection_path, deck) -> None:
    from anki import import_export_pb2
    from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest

    col = Collection(str(collection_path))
    try:
        options = ImportAnkiPackageOptions(  # Anki's defaults: update what is newer
            update_notes=import_export_pb2.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER,
            update_notetypes=import_export_pb2.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER,
        )
        col.import_anki_package(ImportAnkiPackageRequest(package_path=str(deck), options=options))
    finally:
        col.close()


def _notes(collection_path) -> dict[str, dict[str, str]]:
    from anki.collection import Collection

    col = Collection(str(collection_path))
    try:
        notes = [col.get_note(nid) for nid in col.find_notes("")]
        return {n.guid: dict(n.items()) for n in notes}
    finally:
        col.close()


def test_anki_export_twice_updates_instead_of_duplicating(data_dir: Path, tmp_path: Path) -> None:
    vocab = Vocabulary()
    vocab.save(**VILLES)
    vocab.save(**{**VILLES, "word": "grandes", "lemma": "grand", "english": "big"})
    first, second = tmp_path / "one.apkg", tmp_path / "two.apkg"
    assert write_anki(vocab.entries(), first) == 2
    collection = tmp_path / "collection.anki2"
    _import(collection, first)
    vocab.save(
        **{
            **VILLES,
            "word": "ville",
            "sentence": "Une ville neuve.",
            "english_sentence": "A new town.",
        }
    )
    time.sleep(1.1)  # Anki compares note times in whole seconds; users export minutes apart
    write_anki(vocab.entries(), second)
    _import(collection, second)
    notes = _notes(collection)
    assert set(notes) == {anki_guid("ville"), anki_guid("grand")}  # two notes, stable GUIDs
    ville = notes[anki_guid("ville")]
    assert ville["Lemma"] == "ville" and ville["Word"] == "villes"
    assert ville["English"] == "city, town" and ville["Source"] == "FreeDict French–English"
    assert "Une <b>ville</b> neuve." in ville["French"]  # the new sentence arrived as an update
    assert "Les <b>villes</b> manquent de logements." in ville["French"]
    assert "Cities lack housing." in ville["EnglishSentence"]


def test_save_lookup_keeps_the_chosen_gloss_and_the_sentence_pair(data_dir: Path) -> None:
    from reader.lookup.service import Gloss, LookupResult

    result = LookupResult(
        word="votent",
        lemma="voter",
        pos="verb",
        morph="present, 3rd person plural",
        glosses=(Gloss("vote", "Apertium fr→es→en"),),
        sentence="Les députés votent la loi.",
        english="MPs vote on the law.",
    )
    saved = save_lookup(Vocabulary(), result, result.glosses[0], title="Assemblée", path="a.txt")
    assert (saved.lemma, saved.english, saved.source) == ("voter", "vote", "Apertium fr→es→en")
    assert saved.examples[0].english == "MPs vote on the law."
    typed = save_lookup(Vocabulary(), result, "cast a vote")
    assert (typed.english, typed.source) == ("cast a vote", "typed")


def test_saving_a_lookup_writes_the_vocabulary_and_no_status(data_dir: Path) -> None:
    """The status of a saved word is the reading screen's to write (one key, one status:
    tests/app/test_save_status.py); save_lookup keeps the vocabulary only."""
    from reader.learning.store import LearningStore
    from reader.lookup.service import Gloss, LookupResult

    store = LearningStore()
    store.set("voter", "known")
    result = LookupResult(
        word="frappent", lemma="frapper", pos="verb", morph="", glosses=(Gloss("x", "typed"),)
    )
    entry = save_lookup(Vocabulary(), result, "strike")
    assert (entry.lemma, entry.english) == ("frapper", "strike")
    assert [e.lemma for e in Vocabulary().entries()] == ["frapper"]
    assert store.statuses() == {"voter": "known"}


def test_an_anki_deck_that_cannot_be_written_names_the_target_and_leaves_nothing(
    data_dir: Path, tmp_path: Path
) -> None:
    vocab = Vocabulary()
    vocab.save(**VILLES)
    blocker = tmp_path / "file"
    blocker.write_text("a file, not a folder")
    from reader.store import OutputError

    with pytest.raises(OutputError, match=r"deck\.apkg: cannot write"):
        write_anki(vocab.entries(), blocker / "deck.apkg")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "file"]


def test_cli_list_export_remove(tmp_path: Path) -> None:
    env = {"READER_DATA_DIR": str(tmp_path / "data")}
    empty = run_reader("vocab", "list", env=env)
    assert empty.returncode == 0 and "empty" in empty.stderr
    Vocabulary(tmp_path / "data" / "vocabulary.sqlite3").save(**VILLES)
    listed = run_reader("vocab", "list", env=env)
    assert listed.returncode == 0 and "ville" in listed.stdout
    no_file = run_reader("vocab", "export", "--format", "anki", env=env)
    assert no_file.returncode == 1 and "-o FILE.apkg" in no_file.stderr
    deck = tmp_path / "vocab.apkg"
    done = run_reader("vocab", "export", "--format", "anki", "-o", str(deck), env=env)
    assert done.returncode == 0 and deck.is_file(), done.stderr
    as_json = run_reader("vocab", "export", "--format", "json", env=env)
    assert json.loads(as_json.stdout)[0]["lemma"] == "ville"
    removed = run_reader("vocab", "remove", "ville", env=env)
    assert removed.returncode == 0 and "removed ville" in removed.stderr
    again = run_reader("vocab", "remove", "ville", env=env)
    assert again.returncode == 1 and again.stderr.count("\n") == 1
