"""The errors of speech: one family, so the CLI prints one line and the app one notice."""

from __future__ import annotations

from reader.errors import ReaderError


class SpeechError(ReaderError):
    """Speech cannot be made or played: no engine, an unknown voice, a failed write."""


class NoAudioDevice(SpeechError):
    """Nothing can play sound here: no player, or the player found no device. The message
    starts with « no audio device: »; writing a WAV file still works."""

    def __init__(self, why: str) -> None:
        super().__init__(f"no audio device: {why}")
