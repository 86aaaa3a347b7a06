"""What ``reader doctor`` says about speech: the engine and its French voices, the player,
and whether that player finds an audio device (it is asked to play 50 ms of silence)."""

from __future__ import annotations

import shutil
from dataclasses import dataclass

from reader.settings import SpeechSettings
from reader.speech import player as players
from reader.speech.engine import ESPEAK, ESPEAK_HINT, EspeakEngine, espeak_version, french_voices
from reader.speech.errors import SpeechError

DEVICE_HINT = (
    "connect speakers or headphones (aplay -l lists sound cards) or start PipeWire or "
    "PulseAudio; without one, reader speak TEXT -o FILE.wav still writes the sound"
)


@dataclass(frozen=True)
class Finding:
    """One row of the report."""

    name: str
    ok: bool
    detail: str
    how: str = ""


def engine(settings: SpeechSettings) -> list[Finding]:
    """espeak-ng, its French voices, and the voice and rate chosen (said once to try it)."""
    path = shutil.which(ESPEAK)
    if path is None:
        return [Finding(ESPEAK, False, "not installed", ESPEAK_HINT)]
    try:
        found = Finding(
            ESPEAK,
            True,
            f"{path} {espeak_version(path)}; French voices: {', '.join(french_voices()) or 'none'}",
        )
        EspeakEngine(settings.voice, settings.rate).wav("oui")
    except SpeechError as exc:
        return [
            Finding(ESPEAK, True, path),
            Finding("speech voice", False, str(exc), "set READER_SPEECH_VOICE to fr-fr"),
        ]
    chosen = f"{settings.voice} at {settings.rate} words a minute"
    return [found, Finding("speech voice", True, chosen)]


def playback(settings: SpeechSettings) -> list[Finding]:
    """The player, and whether it plays 50 ms of silence."""
    names = [name for name, *_ in players.PLAYERS]
    if settings.player is None and not any(shutil.which(name) for name in names):
        return [Finding("audio player", False, f"none of {', '.join(names)}", players.PLAYER_HINT)]
    try:
        player = players.find_player(settings.player)
    except SpeechError as exc:
        how = "set READER_SPEECH_PLAYER to an installed player, or unset it"
        return [Finding("audio player", False, str(exc), how)]
    found = Finding("audio player", True, f"{player} ({player.source})")
    try:
        players.probe(player)
    except SpeechError as exc:
        return [found, Finding("audio device", False, str(exc), DEVICE_HINT)]
    return [found, Finding("audio device", True, f"{player.name} played 50 ms of silence")]


def findings(settings: SpeechSettings) -> list[Finding]:
    return engine(settings) + playback(settings)
