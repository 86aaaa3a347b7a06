"""The espeak-ng engine: a whole WAV or a stream, French voices, and its failures in one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.speech import SpeechError
from reader.speech.engine import EspeakEngine, espeak_failure, french_voices
from reader.speech.wav import complete, duration, silence, split
from tests.speech.support import read_wav, rms

SENTENCE = "Le président a déclaré que l'OTAN paiera cent pour cent."


@pytest.mark.slow
@pytest.mark.needs_espeak
def test_a_sentence_is_a_plausible_spoken_wav() -> None:
    reader, samples = read_wav(EspeakEngine().wav(SENTENCE))
    assert (reader.getframerate(), reader.getnchannels(), reader.getsampwidth()) == (22050, 1, 2)
    assert 2 < reader.getnframes() / 22050 < 10
    windows = [samples[i : i + 441] for i in range(0, len(samples) - 441, 441)]  # 20 ms
    voiced = sum(rms(w) > 300 for w in windows) / len(windows)
    assert rms(samples) > 1000 and 0.4 < voiced < 1, (rms(samples), voiced)


@pytest.mark.slow
@pytest.mark.needs_espeak
def test_a_stream_starts_with_a_placeholder_header_that_complete_makes_true() -> None:
    with EspeakEngine().stream("Bonjour à tous.") as synthesis:
        chunks = list(synthesis.chunks())
    streamed = b"".join(chunks)
    assert chunks[0][:4] == b"RIFF" and int.from_bytes(streamed[4:8], "little") > len(streamed)
    whole = complete(streamed)
    reader, samples = read_wav(whole)
    assert reader.getnframes() == len(samples) > 22050 // 2
    assert split(whole)[1] == split(streamed)[1]


@pytest.mark.slow
@pytest.mark.needs_espeak
def test_text_starting_with_a_dash_is_text_not_an_option() -> None:
    assert duration(EspeakEngine().wav("-v xx moins cinq")) > 0.5


@pytest.mark.slow
@pytest.mark.needs_espeak
def test_rate_and_voice_change_the_sound_and_the_identity() -> None:
    slow, fast = EspeakEngine(rate=100), EspeakEngine(rate=300)
    assert duration(slow.wav(SENTENCE)) > 2 * duration(fast.wav(SENTENCE))
    assert slow.identity() != fast.identity()
    assert EspeakEngine("fr-be").identity().startswith("espeak-ng 1.")
    assert {"fr-fr", "fr-be"} <= set(french_voices())


@pytest.mark.slow
@pytest.mark.needs_espeak
def test_an_unknown_voice_is_one_line_naming_the_french_voices() -> None:
    with pytest.raises(SpeechError) as caught:
        EspeakEngine("xx-nowhere").wav("Bonjour.")
    message = str(caught.value)
    assert "no voice 'xx-nowhere' (READER_SPEECH_VOICE)" in message and "fr-fr" in message
    assert "\n" not in message


def test_mbrola_voices_say_what_they_need() -> None:
    error = espeak_failure("mbrola executable was not found. Please install MBROLA!\n", 1, "mb-fr1")
    assert "needs MBROLA" in str(error) and "fr-fr" in str(error)
    assert "exit status 3" in str(espeak_failure("", 3, "fr-fr"))


def test_without_espeak_the_error_says_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(SpeechError, match="^espeak-ng is not installed: apt install espeak-ng"):
        EspeakEngine().wav("Bonjour.")


def test_bytes_that_are_not_wav_are_an_error() -> None:
    with pytest.raises(SpeechError, match="did not give WAV"):
        split(b"hello, this is not a sound")
    fmt, samples = split(silence(0.5))
    assert (fmt.rate, fmt.channels, len(samples)) == (22050, 1, 22050)
