"""Playing: the engine's sound reaches the player, a stop ends both processes and their
children, and a player that cannot play is « no audio device », never a silent nothing."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from reader.settings import SpeechSettings
from reader.speech import NoAudioDevice, Speech, SpeechError
from reader.speech.player import find_player
from reader.speech.wav import split
from tests.speech.support import LONG, alive, failing, make_stub, no_audio_device_here, wait_for

pytestmark = [pytest.mark.slow, pytest.mark.needs_espeak]

SENTENCE = "Le président a déclaré que l'OTAN paiera 100 %."


def speech_with(player: str, **settings) -> Speech:
    return Speech(SpeechSettings(player=player, **settings))


def test_the_sound_reaches_the_player_and_both_ends_are_told(tmp_path: Path) -> None:
    stub = make_stub(tmp_path / "stub")
    events: list[str] = []
    playback = speech_with(stub.command).say(
        SENTENCE,
        on_start=lambda p: events.append(f"start {p.first_byte_at is not None}"),
        on_end=lambda p: events.append(f"end {p.error} {p.stopped}"),
    )
    playback.wait(timeout=30)
    assert events == ["start True", "end None False"]
    fmt, samples = split(stub.received.read_bytes())
    assert (fmt.rate, fmt.channels) == (22050, 1)
    assert 2 < len(samples) / (2 * fmt.rate) < 10
    assert playback.requested_at < playback.first_byte_at < playback.ended_at
    assert playback.latency is not None and playback.latency > 0


def test_what_is_played_is_the_normalised_text(tmp_path: Path) -> None:
    stub = make_stub(tmp_path / "stub")
    speech = speech_with(stub.command)
    speech.say("Au XXIe siècle.").wait(timeout=30)
    _, played = split(stub.received.read_bytes())
    _, words = split(speech.engine.wav("Au vingt-et-unième siècle."))
    assert played == words


def test_stop_ends_the_player_and_its_children(tmp_path: Path) -> None:
    stub = make_stub(tmp_path / "stub", then=LONG)
    ended = []
    playback = speech_with(stub.command).say(SENTENCE, on_end=ended.append)
    wait_for(stub.child)
    child = int(stub.child.read_text())
    assert alive(child, grace=0) and not playback.done
    playback.stop()
    playback.wait(timeout=10)  # a stopped playback is no error
    assert ended == [playback] and playback.stopped and playback.error is None
    assert not alive(child), "the player's child outlived the stop"


def test_a_new_request_stops_the_one_playing(tmp_path: Path) -> None:
    stub = make_stub(tmp_path / "stub", then=LONG)
    speech = speech_with(stub.command)
    first = speech.say("Première phrase.")
    wait_for(stub.child)
    child = int(stub.child.read_text())
    second = speech.say("Deuxième phrase.")
    first.wait(timeout=10)
    assert first.stopped and not alive(child)
    assert speech.playing is second
    assert speech.stop() and second.stopped
    second.wait(timeout=10)
    assert speech.playing is None and not speech.stop()


def test_a_player_that_fails_is_no_audio_device_with_its_complaint(tmp_path: Path) -> None:
    stub = make_stub(tmp_path / "stub", then=failing("cannot open the sound card"))
    ended = []
    playback = speech_with(stub.command).say(SENTENCE, on_end=ended.append)
    with pytest.raises(
        NoAudioDevice, match=r"^no audio device: player: cannot open the sound card$"
    ):
        playback.wait(timeout=30)
    assert ended == [playback] and isinstance(playback.error, NoAudioDevice)


def test_an_unknown_voice_fails_the_playback_with_the_voices_there_are(tmp_path: Path) -> None:
    stub = make_stub(tmp_path / "stub")
    playback = speech_with(stub.command, voice="xx-nowhere").say(SENTENCE)
    with pytest.raises(SpeechError, match="no voice 'xx-nowhere'.*fr-fr"):
        playback.wait(timeout=30)


def test_no_player_at_all_is_said_before_anything_starts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "bin"
    folder.mkdir()
    (folder / "espeak-ng").symlink_to(shutil.which("espeak-ng"))
    monkeypatch.setenv("PATH", str(folder))
    with pytest.raises(NoAudioDevice, match="^no audio device: no player found .*alsa-utils"):
        Speech(SpeechSettings()).say(SENTENCE)
    with pytest.raises(NoAudioDevice, match="READER_SPEECH_PLAYER.*not installed"):
        speech_with("nowhere-player -x").say(SENTENCE)


def test_nothing_to_say_is_an_error() -> None:
    with pytest.raises(SpeechError, match="nothing to say"):
        Speech().say(" \n ")


@pytest.mark.skipif(shutil.which("aplay") is None, reason="aplay is not installed (alsa-utils)")
def test_aplay_to_the_null_device_plays() -> None:
    playback = speech_with("aplay -D null -q").say(SENTENCE)
    playback.wait(timeout=30)
    assert playback.error is None and playback.first_byte_at is not None


@pytest.mark.skipif(no_audio_device_here() is None, reason="this machine may have an audio device")
def test_the_default_player_on_this_machine_says_there_is_no_audio_device() -> None:
    speech = Speech(SpeechSettings())
    assert speech.player().name == "aplay"
    ended = []
    playback = speech.say(SENTENCE, on_end=ended.append)
    with pytest.raises(NoAudioDevice, match="^no audio device: aplay: audio open error"):
        playback.wait(timeout=30)
    assert ended == [playback]


def test_the_player_setting_is_split_like_a_shell_command(tmp_path: Path) -> None:
    player = find_player(f"{shutil.which('aplay') or shutil.which('sh')} -D 'a b'")
    assert player.command[1:] == ("-D", "a b") and player.source == "READER_SPEECH_PLAYER"
    assert os.path.isabs(player.command[0])
    with pytest.raises(NoAudioDevice, match="not a command line"):
        find_player("aplay -D 'unclosed")
