"""Speech engines: text in, WAV sound out, whole or as it is made.

``Engine`` is the interface; ``EspeakEngine`` (espeak-ng, found on PATH) is the one there is.
Another engine (a Piper voice file, say) would be another subclass whose ``stream`` starts
its process and whose ``identity`` names its model, and ``engine_for`` would choose it from
a setting. Engines say the text as given: normalising it (``reader.speech.normalise``) is
the caller's business, so that a WAV file and the sound played say the same words.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import threading
from abc import ABC, abstractmethod
from collections.abc import Iterator
from functools import cache
from types import TracebackType

from reader.settings import SpeechSettings
from reader.speech import wav
from reader.speech.errors import SpeechError
from reader.speech.processes import end, signal_group, spawn

ESPEAK = "espeak-ng"
ESPEAK_HINT = "apt install espeak-ng (or your system's espeak-ng package)"
_READ_SIZE = 1 << 16


class Synthesis(ABC):
    """Sound being made: WAV bytes as they come (the header first), then the end."""

    @abstractmethod
    def read(self) -> bytes:
        """The next bytes, as soon as there are some; b"" at the end. Raises SpeechError
        when the engine failed (at the end, or at once when it could not start)."""

    @abstractmethod
    def stop(self) -> None:
        """Stops making sound now, from any thread: ``read`` then soon returns b""."""

    @abstractmethod
    def close(self) -> None:
        """Stops if need be and lets the engine go (its process reaped, its pipes closed);
        from the thread that reads; safe to call more than once."""

    def chunks(self) -> Iterator[bytes]:
        while chunk := self.read():
            yield chunk

    def __enter__(self) -> Synthesis:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class Engine(ABC):
    """Says text in a language, as WAV sound."""

    @abstractmethod
    def identity(self) -> str:
        """Everything that changes the sound besides the text (engine, version, voice, rate):
        the same text and identity give the same sound, so media can be named by them."""

    @abstractmethod
    def stream(self, text: str, language: str = "fr") -> Synthesis:
        """Starts saying ``text``: the sound can be read while it is being made."""

    def wav(self, text: str, language: str = "fr") -> bytes:
        """The whole sound of ``text``, as a WAV file with its true length."""
        with self.stream(text, language) as synthesis:
            data = b"".join(synthesis.chunks())
        return wav.complete(data)


class EspeakSynthesis(Synthesis):
    """An ``espeak-ng --stdout`` process reading the text on stdin (so a text starting with
    « - » is not an option, and a long one is not limited by the command line)."""

    def __init__(self, command: list[str], text: str, voice: str) -> None:
        self.voice = voice
        try:
            self._process = spawn(command)
        except OSError as exc:
            raise SpeechError(f"{ESPEAK} cannot be started ({exc.strerror or exc})") from exc
        self._closed = False
        # A writer of its own: a long text fills the pipe while espeak-ng waits for its
        # sound to be read.
        threading.Thread(target=self._write, args=(text.encode("utf-8"),), daemon=True).start()

    def _write(self, data: bytes) -> None:
        stdin = self._process.stdin
        assert stdin is not None
        try:
            stdin.write(data)
            stdin.close()
        except (OSError, ValueError):
            pass  # the engine was stopped or failed; read() says why

    def read(self) -> bytes:
        stdout = self._process.stdout
        if self._closed or stdout is None:
            return b""
        try:
            chunk = os.read(stdout.fileno(), _READ_SIZE)
        except (OSError, ValueError):
            return b""
        if chunk:
            return chunk
        code = self._process.wait()
        if code != 0 and not self._closed:
            raise espeak_failure(self._error_output(), code, self.voice)
        return b""

    def _error_output(self) -> str:
        stderr = self._process.stderr
        try:
            return stderr.read().decode("utf-8", "replace") if stderr else ""
        except (OSError, ValueError):
            return ""

    def stop(self) -> None:
        self._closed = True
        signal_group(self._process, signal.SIGKILL)  # it has nothing to tidy up

    def close(self) -> None:
        self._closed = True
        end(self._process, grace=0.1)


def espeak_failure(stderr: str, code: int, voice: str) -> SpeechError:
    """espeak-ng's complaint as one line that says what to do."""
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    if any("mbrola" in line.lower() for line in lines):
        return SpeechError(
            f"the voice {voice!r} needs MBROLA and its voice file, which are not installed "
            "(apt install mbrola and the voice's package, or choose fr-fr)"
        )
    if any("voice does not exist" in line for line in lines):
        return SpeechError(
            f"{ESPEAK} has no voice {voice!r} (READER_SPEECH_VOICE); "
            f"French voices here: {', '.join(french_voices()) or 'none'}"
        )
    why = lines[0] if lines else f"exit status {code}"
    return SpeechError(f"{ESPEAK} failed with the voice {voice!r}: {why}")


def find_espeak() -> str:
    """espeak-ng's path, or a SpeechError saying how to install it."""
    found = shutil.which(ESPEAK)
    if found is None:
        raise SpeechError(f"{ESPEAK} is not installed: {ESPEAK_HINT}")
    return found


def _run(*args: str) -> str:
    try:
        done = subprocess.run(
            [find_espeak(), *args], capture_output=True, timeout=30, stdin=subprocess.DEVNULL
        )
    except (OSError, subprocess.SubprocessError) as exc:
        raise SpeechError(f"{ESPEAK} does not run ({exc})") from exc
    return done.stdout.decode("utf-8", "replace")


@cache
def espeak_version(path: str) -> str:
    """« 1.51 » from « eSpeak NG text-to-speech: 1.51  Data at: … » (one run per path)."""
    words = _run("--version").split()
    return next((w for w in words if w[:1].isdigit()), "unknown")


def french_voices() -> list[str]:
    """The French voices espeak-ng has by itself (fr-fr, fr-be, fr-ch…); MBROLA voices,
    which need other packages, are left out."""
    voices: list[str] = []
    for line in _run("--voices=fr").splitlines()[1:]:
        fields = line.split()
        if len(fields) >= 5 and not fields[4].startswith("mb/") and fields[1] not in voices:
            voices.append(fields[1])
    return voices


class EspeakEngine(Engine):
    """espeak-ng: robotic but clear, offline, in about 40 ms for a sentence."""

    def __init__(self, voice: str = "fr-fr", rate: int = 160) -> None:
        self.voice = voice
        self.rate = rate

    def identity(self) -> str:
        return f"{ESPEAK} {espeak_version(find_espeak())} voice={self.voice} rate={self.rate}"

    def command(self, language: str = "fr") -> list[str]:
        """The command line that reads UTF-8 text on stdin and writes WAV to stdout."""
        voice = self.voice if language == "fr" else language
        return [find_espeak(), "-v", voice, "-s", str(self.rate), "-b", "1", "--stdout"]

    def stream(self, text: str, language: str = "fr") -> Synthesis:
        command = self.command(language)
        return EspeakSynthesis(command, text, voice=command[2])


def engine_for(settings: SpeechSettings) -> Engine:
    """The engine the settings choose (espeak-ng, the only one so far)."""
    return EspeakEngine(settings.voice, settings.rate)
