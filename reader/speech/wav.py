"""WAV bytes: the header of a stream whose length was unknown when it started, made whole.

A speech engine writing to a pipe (``espeak-ng --stdout``) cannot know how long its sound
will be, so its header gives a placeholder length; players read on to the end of the pipe,
but a file must say its real length, so ``complete`` writes the header again.
"""

from __future__ import annotations

import io
import struct
import wave
from dataclasses import dataclass

from reader.speech.errors import SpeechError


@dataclass(frozen=True)
class Format:
    """How the samples are laid out."""

    channels: int
    rate: int
    sample_width: int
    """Bytes per sample."""


def split(data: bytes) -> tuple[Format, bytes]:
    """The format and the samples of WAV bytes, reading the chunks rather than trusting the
    data chunk's length (which a stream leaves as a placeholder)."""
    if len(data) < 12 or data[:4] != b"RIFF" or data[8:12] != b"WAVE":
        raise SpeechError("the speech engine did not give WAV sound")
    pos, fmt = 12, None
    while pos + 8 <= len(data):
        name, size = data[pos : pos + 4], struct.unpack_from("<I", data, pos + 4)[0]
        body = pos + 8
        if name == b"fmt " and size >= 16:
            _, channels, rate, _, _, bits = struct.unpack_from("<HHIIHH", data, body)
            fmt = Format(channels, rate, bits // 8)
        elif name == b"data":
            if fmt is None:
                break
            samples = data[body : body + size]
            return fmt, samples[: len(samples) - len(samples) % (fmt.channels * fmt.sample_width)]
        pos = body + size + size % 2
    raise SpeechError("the speech engine's WAV sound has no format or no samples")


def join(fmt: Format, samples: bytes) -> bytes:
    """Samples as a WAV file with a true header."""
    out = io.BytesIO()
    with wave.open(out, "wb") as writer:
        writer.setnchannels(fmt.channels)
        writer.setsampwidth(fmt.sample_width)
        writer.setframerate(fmt.rate)
        writer.writeframes(samples)
    return out.getvalue()


def complete(data: bytes) -> bytes:
    """A streamed WAV as a file: the same sound, with its real length in the header."""
    return join(*split(data))


def silence(seconds: float, rate: int = 22050) -> bytes:
    """A mono 16-bit WAV of silence (what ``reader doctor`` plays to test a device)."""
    return join(Format(1, rate, 2), bytes(2 * round(seconds * rate)))


def duration(data: bytes) -> float:
    """Seconds of sound in WAV bytes."""
    fmt, samples = split(data)
    return len(samples) / (fmt.rate * fmt.channels * fmt.sample_width)
