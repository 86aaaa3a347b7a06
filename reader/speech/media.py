"""Sound files for flash cards: one WAV per text, named by what decides its sound, kept in
the data folder so that exporting again neither speaks again nor adds a new media file.

The name is a hash of the normalised text and the engine's identity (engine, version,
voice, rate): Anki keeps one file per name, so the same sentence on two cards, or in two
exports, is one file; a new voice or rate makes new files.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from reader.speech import wav
from reader.speech.engine import Engine
from reader.speech.errors import SpeechError
from reader.speech.normalise import normalise
from reader.store import atomic_write, data_dir

FOLDER = "speech"
"""The cache's folder in the data folder."""


@dataclass(frozen=True)
class Media:
    """A sound file for a card: its name in Anki's media folder and where it is here."""

    name: str
    path: Path

    @property
    def sound(self) -> str:
        """The field text that plays it on an Anki card: ``[sound:NAME]``."""
        return f"[sound:{self.name}]"


def media_name(said: str, identity: str) -> str:
    """``reader-<hash>.wav`` for the words said and the engine that says them."""
    digest = hashlib.sha256(f"{identity}\n{said}".encode()).hexdigest()[:20]
    return f"reader-{digest}.wav"


def _whole(path: Path) -> bool:
    try:
        wav.split(path.read_bytes())
    except (OSError, SpeechError):
        return False
    return True


def audio_for(text: str, engine: Engine, folder: Path | None = None) -> Media:
    """The sound of ``text`` (normalised first) as a file in ``folder`` (default: the data
    folder's ``speech/``), made once: a later call with the same text finds it."""
    said = normalise(text)
    if not said:
        raise SpeechError("nothing to say: the text is empty")
    path = None
    try:
        folder = folder if folder is not None else data_dir() / FOLDER
        path = folder / media_name(said, engine.identity())
        if not _whole(path):  # missing, or not a WAV any more: made again
            atomic_write(path, engine.wav(said))
    except OSError as exc:
        where = path or folder or "the data folder"
        raise SpeechError(f"cannot keep speech audio in {where}: {exc.strerror or exc}") from exc
    return Media(path.name, path)
