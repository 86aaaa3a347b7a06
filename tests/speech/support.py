"""Stand-in players for speech tests, and reading the WAV they received."""

from __future__ import annotations

import array
import io
import math
import shlex
import shutil
import subprocess
import sys
import time
import wave
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Stub:
    """A player that records the bytes it is given in ``received``; ``command`` is what
    READER_SPEECH_PLAYER would say."""

    folder: Path

    @property
    def command(self) -> str:
        return shlex.quote(str(self.folder / "player"))

    @property
    def received(self) -> Path:
        return self.folder / "received.wav"

    def release(self) -> None:
        """Lets a ``GATED`` stub end."""
        (self.folder / "go").touch()

    @property
    def child(self) -> Path:
        """Where a ``LONG`` stub writes the pid of its child (a long sleep)."""
        return self.folder / "child"


def make_stub(folder: Path, *, then: str = "exit 0") -> Stub:
    """A shell-script player that records its stdin, then runs ``then``: by default it exits
    0; ``LONG`` plays on (a child sleeping, whose pid it writes, that must die with it);
    ``failing(...)`` exits 1 with a complaint."""
    folder.mkdir(parents=True, exist_ok=True)
    script = folder / "player"
    script.write_text(
        f'#!/bin/sh\ncat > "{folder}/received.wav"\n{then.format(folder=folder)}\n',
        encoding="utf-8",
    )
    script.chmod(0o755)
    return Stub(folder)


LONG = 'sleep 600 & echo $! > "{folder}/child.tmp"; mv "{folder}/child.tmp" "{folder}/child"; wait'


GATED = 'while [ ! -e "{folder}/go" ]; do sleep 0.01; done'
"""Plays on, after reading all its sound, until the test calls ``Stub.release``."""


def failing(complaint: str) -> str:
    return f"echo {shlex.quote(complaint)} >&2; exit 1"


def wait_for(path: Path, timeout: float = 10.0) -> None:
    """Until ``path`` exists (a stub has got that far), or fails after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not path.exists():
        assert time.monotonic() < deadline, f"{path} never appeared"
        time.sleep(0.005)


def no_audio_device_here() -> str | None:
    """Why this machine is known to have no audio device (aplay only, and ``aplay -l``
    finds no sound card), or None when it may have one."""
    if shutil.which("aplay") is None or shutil.which("pw-play") or shutil.which("paplay"):
        return None
    listed = subprocess.run(["aplay", "-l"], capture_output=True, text=True, timeout=30)
    return "aplay -l: no soundcards" if "no soundcards found" in listed.stderr else None


def alive(pid: int, grace: float = 2.0) -> bool:
    """True if ``pid`` still runs after ``grace`` seconds (a process sent KILL takes a moment
    to end; a zombie waiting for its parent counts as ended)."""
    deadline = time.monotonic() + grace
    while _running(pid) and time.monotonic() < deadline:
        time.sleep(0.005)
    return _running(pid)


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"


def rms(samples: array.array) -> float:
    """Root mean square of 16-bit samples (audioop is gone in Python 3.13)."""
    return math.sqrt(sum(x * x for x in samples) / max(1, len(samples)))


def read_wav(data: bytes) -> tuple[wave.Wave_read, array.array]:
    reader = wave.open(io.BytesIO(data))
    samples = array.array("h", reader.readframes(reader.getnframes()))
    if sys.byteorder == "big":
        samples.byteswap()
    return reader, samples
