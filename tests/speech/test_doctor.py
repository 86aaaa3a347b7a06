"""``reader doctor``'s speech section: the engine and voices, the player, the audio device."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader import doctor
from tests.speech.support import failing, make_stub, no_audio_device_here


def rows() -> dict[str, doctor.Check]:
    found = {row.name: row for row in doctor.speech()}
    assert {row.area for row in found.values()} == {"speech"}
    return found


def test_with_nothing_installed_it_says_how_to_get_each_part(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    found = rows()
    assert not found["espeak-ng"].ok and found["espeak-ng"].detail == "not installed"
    assert "apt install espeak-ng" in found["espeak-ng"].how
    player = found["audio player"]
    assert not player.ok and player.detail == "none of pw-play, paplay, aplay"
    assert "alsa-utils (aplay)" in player.how and "READER_SPEECH_PLAYER" in player.how
    assert "audio device" not in found  # nothing to try it with


@pytest.mark.slow
@pytest.mark.needs_espeak
def test_with_a_player_that_plays_everything_is_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stub = make_stub(tmp_path / "stub")
    monkeypatch.setenv("READER_SPEECH_PLAYER", stub.command)
    monkeypatch.setenv("READER_SPEECH_RATE", "120")
    found = rows()
    assert all(row.ok for row in found.values()), found
    assert "French voices: fr-fr" in found["espeak-ng"].detail
    assert found["speech voice"].detail == "fr-fr at 120 words a minute"
    assert found["audio player"].detail.endswith("(READER_SPEECH_PLAYER)")
    assert found["audio device"].detail == "player played 50 ms of silence"
    assert stub.received.read_bytes()[:4] == b"RIFF"


@pytest.mark.slow
@pytest.mark.needs_espeak
def test_a_player_that_fails_and_a_voice_that_is_not_there_are_shown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stub = make_stub(tmp_path / "stub", then=failing("no sound card"))
    monkeypatch.setenv("READER_SPEECH_PLAYER", stub.command)
    monkeypatch.setenv("READER_SPEECH_VOICE", "xx-nowhere")
    found = rows()
    assert found["espeak-ng"].ok
    assert not found["speech voice"].ok and "xx-nowhere" in found["speech voice"].detail
    device = found["audio device"]
    assert not device.ok and device.detail == "no audio device: player: no sound card"
    assert "-o FILE.wav" in device.how


@pytest.mark.slow
@pytest.mark.skipif(no_audio_device_here() is None, reason="this machine may have an audio device")
def test_on_this_machine_the_default_player_finds_no_device() -> None:
    found = rows()
    assert found["audio player"].detail.startswith("aplay -q (found on PATH)")
    assert not found["audio device"].ok
    assert found["audio device"].detail.startswith("no audio device: aplay: audio open error")


def test_the_speech_rows_are_part_of_the_report() -> None:
    assert doctor.CHECKS[-1] is doctor.speech
