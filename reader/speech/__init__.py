"""Speech: French said aloud offline, played or written as WAV, and sound files for cards.

- ``Speech`` (service.py): the object the app and the commands hold; ``say`` plays a text
  (stopping the one playing) and returns a ``Playback`` (playback.py) with start and end
  callbacks and ``stop()``; ``wav`` gives the sound; ``audio_for`` a card's sound file.
- normalise.py: numbers, abbreviations and symbols written out as a French reader says them.
- engine.py: the ``Engine`` interface and espeak-ng; player.py: pw-play, paplay or aplay
  (or ``READER_SPEECH_PLAYER``), and telling « no audio device » from a sound that played.
- media.py: card sound files named by a hash of what decides their sound.

Settings (read in ``reader.settings``): ``READER_SPEECH_VOICE``, ``READER_SPEECH_RATE``,
``READER_SPEECH_PLAYER``. Every failure is a ``SpeechError`` (a ReaderError); a missing
player or device is its subclass ``NoAudioDevice``, whose message starts « no audio device: ».
"""

from reader.speech.errors import NoAudioDevice, SpeechError
from reader.speech.media import Media
from reader.speech.normalise import normalise, utterance
from reader.speech.playback import Playback
from reader.speech.service import Speech

__all__ = [
    "Media",
    "NoAudioDevice",
    "Playback",
    "Speech",
    "SpeechError",
    "normalise",
    "utterance",
]
