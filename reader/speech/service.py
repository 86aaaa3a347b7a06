"""``Speech``: what the app and the commands hold to speak French. It normalises the text,
makes its sound with the engine the settings choose, and plays it, one text at a time: a
new request stops the one playing.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

from reader.settings import SpeechSettings
from reader.speech import player as players
from reader.speech.engine import Engine, engine_for
from reader.speech.errors import SpeechError
from reader.speech.media import Media, audio_for
from reader.speech.normalise import normalise
from reader.speech.playback import Callback, Playback


class Speech:
    """Speaks French: ``say`` plays (and stops what was playing), ``wav`` gives the sound,
    ``audio_for`` gives a card's sound file. Safe to use from several threads."""

    def __init__(
        self, settings: SpeechSettings | None = None, engine: Engine | None = None
    ) -> None:
        self.settings = settings or SpeechSettings()
        self.engine = engine or engine_for(self.settings)
        self._lock = threading.Lock()
        self._current: Playback | None = None

    @staticmethod
    def said(text: str) -> str:
        """The words the engine is given for ``text``; SpeechError when there are none."""
        said = normalise(text)
        if not said:
            raise SpeechError("nothing to say: the text is empty")
        return said

    def wav(self, text: str) -> bytes:
        """The sound of ``text`` as a WAV file (22.05 kHz mono with espeak-ng)."""
        return self.engine.wav(self.said(text))

    def audio_for(self, text: str, folder: Path | None = None) -> Media:
        """A card's sound file for ``text`` (see ``reader.speech.media``)."""
        return audio_for(text, self.engine, folder)

    def player(self) -> players.Player:
        """The player the settings choose or PATH offers; NoAudioDevice when there is none."""
        return players.find_player(self.settings.player)

    def say(
        self, text: str, *, on_start: Callback | None = None, on_end: Callback | None = None
    ) -> Playback:
        """Starts playing ``text`` and returns at once, after stopping what was playing.

        Raises SpeechError (NoAudioDevice: no player) when it cannot start; a player that
        finds no device ends the playback with that error instead (``on_end``, ``wait``).
        """
        requested_at = time.perf_counter()
        said = self.said(text)
        with self._lock:
            if self._current is not None:
                self._current.stop()
            self._current = None
            self._current = Playback(
                self.engine,
                self.player(),
                said,
                on_start=on_start,
                on_end=on_end,
                requested_at=requested_at,
            )
            return self._current

    def stop(self) -> bool:
        """Stops what is playing; False when nothing was."""
        with self._lock:
            current, self._current = self._current, None
        if current is None or current.done:
            return False
        current.stop()
        return True

    @property
    def playing(self) -> Playback | None:
        """The playback under way, if any."""
        current = self._current
        return current if current is not None and not current.done else None
