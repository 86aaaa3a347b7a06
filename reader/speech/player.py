"""Players: the command that plays a WAV read on its stdin, and how to tell that there is no
audio device (the player fails to open one) from a sound that played.

The first of pw-play (PipeWire), paplay (PulseAudio) and aplay (ALSA) found on PATH plays,
unless ``READER_SPEECH_PLAYER`` names a command (``aplay -D null`` plays to nowhere, for
tests). A player that cannot open a device exits non-zero and says why on stderr; that is
what ``failure`` turns into « no audio device: … ».
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from reader.speech import wav
from reader.speech.errors import NoAudioDevice
from reader.speech.processes import end, spawn

PLAYERS: tuple[tuple[str, ...], ...] = (("pw-play", "-"), ("paplay",), ("aplay", "-q"))
"""The players looked for, in order, each with the arguments that make it read stdin."""
PLAYER_HINT = (
    "install pipewire-bin (pw-play), pulseaudio-utils (paplay) or alsa-utils (aplay), "
    "or set READER_SPEECH_PLAYER"
)
_SOURCE_POSITION = re.compile(r"\b[\w.]+:\d+:(?:\(\w+\))? *")
"""« main:831: » in « aplay: main:831: audio open error: … »: where in aplay, not why."""


@dataclass(frozen=True)
class Player:
    """A command that plays the WAV on its stdin, and where it came from."""

    command: tuple[str, ...]
    source: str
    """« READER_SPEECH_PLAYER » or « found on PATH »."""

    @property
    def name(self) -> str:
        return Path(self.command[0]).name

    def __str__(self) -> str:
        return shlex.join([self.name, *self.command[1:]])


def find_player(setting: str | None, which: Callable[[str], str | None] = shutil.which) -> Player:
    """The player the setting names, or the first found on PATH; NoAudioDevice when none."""
    if setting is not None:
        try:
            command = shlex.split(setting)
        except ValueError as exc:
            raise NoAudioDevice(f"READER_SPEECH_PLAYER is not a command line ({exc})") from None
        found = which(command[0]) if command else None
        if found is None:
            raise NoAudioDevice(f"the player {setting!r} (READER_SPEECH_PLAYER) is not installed")
        return Player((found, *command[1:]), "READER_SPEECH_PLAYER")
    for name, *args in PLAYERS:
        found = which(name)
        if found is not None:
            return Player((found, *args), "found on PATH")
    raise NoAudioDevice(f"no player found ({', '.join(p[0] for p in PLAYERS)}): {PLAYER_HINT}")


def start(player: Player, stderr: IO[bytes]) -> subprocess.Popen[bytes]:
    """The player, started and waiting for WAV bytes on its stdin. Its complaints go to
    ``stderr`` (a file: a pipe nobody reads while it plays could fill and stall it), and
    what it might print on stdout nowhere."""
    try:
        return spawn(player.command, stdout=subprocess.DEVNULL, stderr=stderr)
    except OSError as exc:
        raise NoAudioDevice(f"{player.name} cannot be started ({exc.strerror or exc})") from exc


def failure(player: Player, code: int, stderr: bytes) -> NoAudioDevice:
    """A player's non-zero exit as one line: its last complaint, without source positions."""
    lines = [
        _SOURCE_POSITION.sub("", line).strip()
        for line in stderr.decode("utf-8", "replace").splitlines()
    ]
    lines = [line for line in lines if line]
    why = lines[-1] if lines else f"exited with status {code}"
    if not why.startswith(player.name):
        why = f"{player.name}: {why}"
    return NoAudioDevice(why)


def probe(player: Player, timeout: float = 5.0) -> None:
    """Plays 50 ms of silence; NoAudioDevice when the player cannot (``reader doctor``)."""
    with tempfile.TemporaryFile() as stderr:
        process = start(player, stderr)
        try:
            process.communicate(wav.silence(0.05), timeout=timeout)
        except subprocess.TimeoutExpired:
            raise NoAudioDevice(
                f"{player.name} did not finish playing 50 ms of silence in {timeout:g} s"
            ) from None
        except OSError:  # it closed its stdin early: it has failed, as its status says
            process.wait()
        finally:
            end(process)
        if process.returncode != 0:
            stderr.seek(0)
            raise failure(player, process.returncode, stderr.read())
