"""``reader vocab export --format anki --audio``: each card plays its sentences and its word;
the real Anki backend imports the sound files, and exporting again adds none."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from reader.learning.vocab import Vocabulary, anki_guid, write_anki
from reader.speech import Speech
from reader.speech.media import FOLDER
from tests.support.cli import one_line_error, run_reader

pytestmark = [pytest.mark.slow, pytest.mark.needs_espeak]

VILLES = dict(
    word="villes",
    lemma="ville",
    english="city, town",
    source="typed",
    sentence="Les villes manquent de 1 000 logements.",
    english_sentence="Cities lack 1,000 homes.",
    title="Logement",
    path="/articles/logement.fr.txt",
)
GRANDES = {**VILLES, "word": "grandes", "lemma": "grand", "english": "big"}
"""Saved from the same sentence: one sound file for both cards."""


def import_into(collection_path: Path, deck: Path) -> tuple[list[str], dict[str, dict[str, str]]]:
    """Imports ``deck`` as Anki's own dialog does; the collection's media files and notes."""
    from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest

    col = Collection(str(collection_path))
    try:
        col.import_anki_package(
            ImportAnkiPackageRequest(package_path=str(deck), options=ImportAnkiPackageOptions())
        )
        media = sorted(p.name for p in Path(col.media.dir()).iterdir())
        notes = [col.get_note(i) for i in col.find_notes("")]
        return media, {n.guid: dict(n.items()) for n in notes}
    finally:
        col.close()


def sounds(field: str) -> list[str]:
    """The file names a field's ``[sound:NAME]`` tags play."""
    return [part.split("]", 1)[0] for part in field.split("[sound:")[1:]]


def test_cards_play_their_sentence_and_word_and_a_second_export_adds_no_media(
    data_dir: Path, tmp_path: Path
) -> None:
    vocab = Vocabulary()
    vocab.save(**VILLES)
    vocab.save(**GRANDES)
    speech = Speech()
    first, second = tmp_path / "one.apkg", tmp_path / "two.apkg"
    assert write_anki(vocab.entries(), first, speech) == 2
    cached = {p.name: p.stat().st_mtime_ns for p in (data_dir / FOLDER).iterdir()}
    sentence = speech.audio_for(VILLES["sentence"])
    words = {w: speech.audio_for(w) for w in ("villes", "grandes")}
    assert set(cached) == {sentence.name, *(m.name for m in words.values())}  # 3, not 4

    collection = tmp_path / "collection.anki2"
    media, notes = import_into(collection, first)
    assert media == sorted(cached)
    for lemma, word in (("ville", "villes"), ("grand", "grandes")):
        note = notes[anki_guid(lemma)]
        assert sounds(note["FrenchAudio"]) == [sentence.name]
        assert sounds(note["WordAudio"]) == [words[word].name]
    in_anki = Path(str(collection).removesuffix(".anki2") + ".media")
    assert (in_anki / sentence.name).read_bytes() == sentence.path.read_bytes()

    # Again: the same files, made once (untouched), and Anki adds none.
    write_anki(vocab.entries(), second, speech)
    assert {p.name: p.stat().st_mtime_ns for p in (data_dir / FOLDER).iterdir()} == cached
    with zipfile.ZipFile(first) as one, zipfile.ZipFile(second) as two:
        assert one.read("media") == two.read("media")
    again, _ = import_into(collection, second)
    assert again == media


def test_without_audio_the_sound_fields_are_empty_and_nothing_is_made(
    data_dir: Path, tmp_path: Path
) -> None:
    vocab = Vocabulary()
    vocab.save(**VILLES)
    deck = tmp_path / "deck.apkg"
    write_anki(vocab.entries(), deck)
    media, notes = import_into(tmp_path / "collection.anki2", deck)
    note = notes[anki_guid("ville")]
    assert media == [] and note["WordAudio"] == note["FrenchAudio"] == ""
    assert not (data_dir / FOLDER).exists()


def test_the_command_line(tmp_path: Path) -> None:
    env = {"READER_DATA_DIR": str(tmp_path / "data")}
    (tmp_path / "data").mkdir()
    Vocabulary(tmp_path / "data" / "vocabulary.sqlite3").save(**VILLES)
    deck = tmp_path / "deck.apkg"
    done = run_reader("vocab", "export", "--format", "anki", "--audio", "-o", str(deck), env=env)
    assert done.returncode == 0, done.stderr
    assert "wrote 1 note with their sound" in done.stderr
    with zipfile.ZipFile(deck) as archive:
        assert len(archive.namelist()) == 2 + 2  # collection, media list, two sounds
    assert "--format anki" in one_line_error(
        run_reader("vocab", "export", "--format", "csv", "--audio", env=env)
    )
    no_espeak = {**env, "PATH": str(tmp_path / "empty")}
    error = one_line_error(
        run_reader("vocab", "export", "--format", "anki", "--audio", "-o", "x.apkg", env=no_espeak)
    )
    assert "cannot put sound on the cards: espeak-ng is not installed: apt install" in error
