"""``reader speak`` as a user runs it: a WAV file, playing, and one-line errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.article import load
from reader.commands.speak import speak
from reader.errors import InputError
from reader.speech import Speech, SpeechError
from reader.speech.wav import split
from tests.speech.support import make_stub, no_audio_device_here, read_wav, rms
from tests.support.cli import one_line_error, run_reader
from tests.support.paths import SEED

pytestmark = [pytest.mark.slow, pytest.mark.needs_espeak]

SENTENCE = "Le président a déclaré que l'OTAN paiera 100 %."


def test_speak_writes_a_wav_whose_length_and_loudness_are_speech(tmp_path: Path) -> None:
    out = tmp_path / "out.wav"
    done = run_reader("speak", SENTENCE, "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stderr.startswith(f"reader: wrote {out} (")
    reader, samples = read_wav(out.read_bytes())
    assert (reader.getframerate(), reader.getnchannels(), reader.getsampwidth()) == (22050, 1, 2)
    assert 2 < reader.getnframes() / reader.getframerate() < 10
    assert rms(samples) > 1000
    assert not list(tmp_path.glob(".out.wav.*"))  # written atomically: no temporary left


def test_print_shows_the_words_said() -> None:
    done = run_reader("speak", "Au XXIe siècle, 100 %.", "--print")
    assert done.returncode == 0 and done.stdout == "Au vingt-et-unième siècle, 100 pour cent.\n"


def test_a_sentence_of_an_article_is_played(tmp_path: Path) -> None:
    stub = make_stub(tmp_path / "stub")
    env = {"READER_SPEECH_PLAYER": stub.command}
    done = run_reader("speak", str(SEED), "--block", "3", "--sentence", "2", env=env)
    assert done.returncode == 0, done.stderr
    sentence = load(SEED).blocks[2].sentences[1].text
    assert split(stub.received.read_bytes())[1] == split(Speech().wav(sentence))[1]


def test_out_of_range_is_one_line() -> None:
    line = one_line_error(run_reader("speak", str(SEED), "--block", "300"))
    assert line == "reader: error: --block 300: the text has 20 blocks (1 to 20)"


@pytest.mark.parametrize(
    ("what", "options", "message"),
    [
        (SEED, {"block": 0}, "--block 0: the text has 20 blocks (1 to 20)"),
        (SEED, {"block": 3, "sentence": 9}, "--sentence 9: block 3 has 3 sentences (1 to 3)"),
        (SEED, {"sentence": 0}, "--sentence 0: the text has 40 sentences (1 to 40)"),
        ("Une phrase.", {"sentence": 2}, "--sentence 2: the text has 1 sentence"),
        ("Une phrase.", {"block": 2}, "--block 2: the text has 1 block"),
    ],
)
def test_blocks_and_sentences_count_from_one(what, options, message: str) -> None:
    with pytest.raises(InputError) as caught:
        speak(str(what), **options)
    assert str(caught.value) == message


def test_a_file_name_that_is_not_there_is_not_read_aloud(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="article.txt: no such file"):
        speak(str(tmp_path / "article.txt"))


def test_a_target_that_cannot_be_a_file_is_refused_before_speaking(tmp_path: Path) -> None:
    target = tmp_path / ("x" * 300 + ".wav")  # a name too long for the file system
    with pytest.raises(InputError, match=f"^{target}: cannot write \\(File name too long\\)$"):
        speak("Bonjour.", output=target)
    with pytest.raises(InputError, match="is a folder"):
        speak("Bonjour.", output=tmp_path)


def test_a_write_failure_names_the_target(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    import reader.store

    def full_disk(path, data) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(reader.store, "atomic_write", full_disk)
    target = tmp_path / "bonjour.wav"
    with pytest.raises(SpeechError, match=f"^cannot write {target}: No space left on device$"):
        speak("Bonjour.", output=target)
    assert not target.exists()


def test_a_failing_player_is_one_line(tmp_path: Path) -> None:
    stub = make_stub(tmp_path / "stub", then="echo 'no card' >&2; exit 1")
    done = run_reader("speak", "Bonjour.", env={"READER_SPEECH_PLAYER": stub.command})
    assert one_line_error(done) == "reader: error: no audio device: player: no card"


@pytest.mark.skipif(no_audio_device_here() is None, reason="this machine may have an audio device")
def test_on_this_machine_speaking_says_there_is_no_audio_device() -> None:
    line = one_line_error(run_reader("speak", SENTENCE))
    assert line.startswith("reader: error: no audio device: aplay: ")
