"""Sound files for cards: named by what decides their sound, made once, kept in the data folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.speech import SpeechError
from reader.speech.engine import EspeakEngine
from reader.speech.media import FOLDER, audio_for, media_name
from reader.speech.wav import split

pytestmark = [pytest.mark.slow, pytest.mark.needs_espeak]


class Counting(EspeakEngine):
    """espeak-ng, counting the sounds it makes."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.made = 0

    def wav(self, text: str, language: str = "fr") -> bytes:
        self.made += 1
        return super().wav(text, language)


def test_the_same_text_is_one_file_made_once(data_dir: Path) -> None:
    engine = Counting()
    first = audio_for("Le 2e tour.", engine)
    again = audio_for("  Le 2e tour. ", engine)  # the same words said
    assert first == again and engine.made == 1
    assert first.path.parent == data_dir / FOLDER and list(first.path.parent.iterdir()) == [
        first.path
    ]
    assert first.name.startswith("reader-") and first.name.endswith(".wav")
    assert first.sound == f"[sound:{first.name}]"
    assert split(first.path.read_bytes())[0].rate == 22050


def test_the_name_depends_on_the_words_and_the_voice_not_the_spelling(tmp_path: Path) -> None:
    base = audio_for("Le deuxième tour.", Counting(), tmp_path)
    assert audio_for("Le 2e tour.", Counting(), tmp_path).name == base.name
    assert audio_for("Le deuxième tour.", Counting(rate=200), tmp_path).name != base.name
    assert audio_for("Le deuxième tour.", Counting(voice="fr-be"), tmp_path).name != base.name
    assert media_name("a", "espeak-ng 1.51") != media_name("b", "espeak-ng 1.51")


def test_a_damaged_file_is_made_again(tmp_path: Path) -> None:
    engine = Counting()
    media = audio_for("Bonjour.", engine, tmp_path)
    media.path.write_bytes(b"RIFF half a file")
    assert audio_for("Bonjour.", engine, tmp_path) == media and engine.made == 2
    split(media.path.read_bytes())


def test_failures_are_one_line(tmp_path: Path) -> None:
    with pytest.raises(SpeechError, match="nothing to say"):
        audio_for("  ", Counting(), tmp_path)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    with pytest.raises(SpeechError, match=f"cannot keep speech audio in {blocker}"):
        audio_for("Bonjour.", Counting(), blocker / "speech")


def test_anki_imports_the_sound_once_however_often_it_is_exported(tmp_path: Path) -> None:
    """The hook phase 2's ``vocab export --audio`` uses: ``media.path`` in genanki's
    media_files, ``media.sound`` in a field; two exports, one file in Anki's media."""
    import genanki
    from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest

    model = genanki.Model(
        1607392319,
        "reader speech test",
        fields=[{"name": "French"}, {"name": "Sound"}],
        templates=[{"name": "Card", "qfmt": "{{French}} {{Sound}}", "afmt": "{{FrontSide}}"}],
    )
    collection = Collection(str(tmp_path / "collection.anki2"))
    try:
        for export in range(2):
            media = audio_for("Le 2e tour.", Counting(), tmp_path / "media")
            deck = genanki.Deck(2059400110, "reader speech test")
            deck.add_note(genanki.Note(model, ["Le 2e tour.", media.sound], guid="speech-1"))
            package = tmp_path / f"deck{export}.apkg"
            genanki.Package(deck, media_files=[str(media.path)]).write_to_file(str(package))
            collection.import_anki_package(
                ImportAnkiPackageRequest(
                    package_path=str(package), options=ImportAnkiPackageOptions()
                )
            )
        in_anki = sorted(Path(collection.media.dir()).iterdir())
        assert [p.name for p in in_anki] == [media.name]
        assert in_anki[0].read_bytes() == media.path.read_bytes()
        (note_id,) = collection.find_notes("")
        assert collection.get_note(note_id)["Sound"] == media.sound
    finally:
        collection.close()
