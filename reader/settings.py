"""The reader's settings: every ``READER_*`` environment variable, read in one place.

- ``READER_DATA_DIR``: the data folder (cache, reading positions); default: the platform's.
- ``READER_BEAM_SIZE`` (4): Argos beam size; 1 is faster and a little worse.
- ``READER_THREADS`` (cores, at most 4): CTranslate2 intra-op threads.
- ``READER_BATCH_SIZE`` (32): sentences per CTranslate2 batch.
- ``READER_BACKUPS`` (7): how many backups of the data folder are kept (``backups/``).
- ``READER_DEBUG``: set to anything to let unexpected errors show their traceback.
- ``READER_SPEECH_VOICE`` (fr-fr): the espeak-ng voice French is spoken with (fr-be, fr-ch…).
- ``READER_SPEECH_RATE`` (160): words a minute, 80 to 450 (espeak-ng's own default is 175).
- ``READER_SPEECH_PLAYER``: the command that plays a WAV read from its stdin, such as
  ``aplay -D null``; default: the first of pw-play, paplay, aplay found on PATH.
- ``READER_REVIEW_NEW_PER_DAY`` (10): new cards the review offers a day (0: none).
- ``READER_REVIEW_MODE`` (cloze): ``cloze`` blanks the word in its sentence (recall the
  French); ``recognition`` shows it in bold (recall the English).
- ``READER_REVIEW_KNOWN_DAYS`` (60): an interval past this many days offers "mark known?".

Only this module reads them: ``current()`` returns them as a frozen value, which callers
pass on (``ArgosEngine(settings=...)``), so nothing else looks at the environment. It is
not memoised, because tests point ``READER_DATA_DIR`` at a fresh folder for each test.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path


def _positive(env: Mapping[str, str], name: str, default: int) -> int:
    try:
        return max(1, int(env.get(name, default)))
    except ValueError:
        return default


@dataclass(frozen=True)
class ArgosSettings:
    """How the Argos engine runs its CTranslate2 model."""

    beam_size: int = 4
    threads: int = 1
    batch_size: int = 8


SPEECH_RATES = (80, 450)
"""The rates espeak-ng accepts, in words a minute; a setting outside is brought inside."""


@dataclass(frozen=True)
class SpeechSettings:
    """How French is spoken: the engine's voice and rate, and the player's command."""

    voice: str = "fr-fr"
    rate: int = 160
    """A little slower than espeak-ng's 175, for learners listening to a sentence."""
    player: str | None = None
    """A command line (split like a shell's) that plays a WAV from stdin; None: look on PATH."""

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> SpeechSettings:
        low, high = SPEECH_RATES
        try:
            rate = min(high, max(low, int(env.get("READER_SPEECH_RATE", cls.rate))))
        except ValueError:
            rate = cls.rate
        return cls(
            voice=env.get("READER_SPEECH_VOICE", "").strip() or cls.voice,
            rate=rate,
            player=env.get("READER_SPEECH_PLAYER", "").strip() or None,
        )


REVIEW_MODES = ("cloze", "recognition")


@dataclass(frozen=True)
class ReviewSettings:
    """How the review screen asks: new cards a day, cloze or recognition, when to offer
    "mark known?"."""

    new_per_day: int = 10
    mode: str = "cloze"
    known_days: int = 60

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> ReviewSettings:
        try:
            new = max(0, int(env.get("READER_REVIEW_NEW_PER_DAY", cls.new_per_day)))
        except ValueError:
            new = cls.new_per_day
        mode = env.get("READER_REVIEW_MODE", "").strip().lower()
        return cls(
            new_per_day=new,
            mode=mode if mode in REVIEW_MODES else cls.mode,
            known_days=_positive(env, "READER_REVIEW_KNOWN_DAYS", cls.known_days),
        )


@dataclass(frozen=True)
class Settings:
    """Everything the environment can change, as plain values."""

    data_dir: Path | None = None
    argos: ArgosSettings = ArgosSettings()
    debug: bool = False
    freedict_dir: Path | None = None
    """Where to look for FreeDict's fra-eng files instead of the system's folders."""
    freedict_url: str | None = None
    """Where ``reader dictionaries install`` downloads FreeDict from, instead of its release."""
    speech: SpeechSettings = SpeechSettings()
    backups: int = 7
    """How many backups of the databases ``backups/`` keeps (the oldest go first)."""
    review: ReviewSettings = ReviewSettings()
    subtitle_pause: float = 2.0
    """Seconds of silence that end a paragraph of subtitles (READER_SUBTITLE_PAUSE)."""

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if env is None else env
        folder = env.get("READER_DATA_DIR")
        return cls(
            data_dir=Path(folder) if folder else None,
            argos=ArgosSettings(
                beam_size=_positive(env, "READER_BEAM_SIZE", 4),
                threads=_positive(env, "READER_THREADS", min(4, os.cpu_count() or 1)),
                batch_size=_positive(env, "READER_BATCH_SIZE", 8),
            ),
            debug=bool(env.get("READER_DEBUG")),
            freedict_dir=Path(env["READER_FREEDICT_DIR"])
            if env.get("READER_FREEDICT_DIR")
            else None,
            freedict_url=env.get("READER_FREEDICT_URL") or None,
            speech=SpeechSettings.from_env(env),
            backups=_positive(env, "READER_BACKUPS", 7),
            review=ReviewSettings.from_env(env),
            subtitle_pause=_seconds(env, "READER_SUBTITLE_PAUSE", 2.0),
        )


def _seconds(env: Mapping[str, str], name: str, default: float) -> float:
    try:
        value = float(env.get(name, default))
    except ValueError:
        return default
    return value if 0 <= value < 3600 else default


def current() -> Settings:
    """The settings from the environment as it is now."""
    return Settings.from_env()
