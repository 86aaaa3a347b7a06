"""Reading bytes from a file or stdin and decoding them to NFC text.

UTF-8 (with or without BOM) is tried strictly first; anything else goes to
charset-normalizer, which tells Windows-1252 from Latin-1 and friends.
"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

from reader.errors import InputError

MAX_BYTES = 20 * 1024 * 1024
"""Large enough for a long book; beyond this the file is refused rather than read whole."""

_BINARY_SNIFF = 8192


def read_bytes(source: str | Path) -> tuple[bytes, str]:
    """Reads ``source`` (a path, or ``-`` for stdin); returns the bytes and a display name."""
    if str(source) == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        name = "<stdin>"
    else:
        path = Path(source)
        name = str(path)
        if not path.exists():
            raise InputError(f"{name}: no such file")
        if path.is_dir():
            raise InputError(f"{name}: is a folder, not a text file")
        try:
            size = path.stat().st_size
            if size > MAX_BYTES:
                raise InputError(
                    f"{name}: too large ({size // (1024 * 1024)} MiB; limit is {MAX_BYTES // (1024 * 1024)} MiB)"
                )
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from exc
    if len(data) > MAX_BYTES:
        raise InputError(f"{name}: too large (limit is {MAX_BYTES // (1024 * 1024)} MiB)")
    return data, name


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first block mean it is not text."""
    head = data[:_BINARY_SNIFF]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return bool(head) and controls / len(head) > 0.05


def decode(data: bytes, name: str) -> str:
    """Decodes to NFC text with Unix newlines, or raises InputError."""
    if looks_binary(data):
        raise InputError(f"{name}: looks like a binary file, not text")
    if data.startswith(b"\xef\xbb\xbf"):
        text = data[3:].decode("utf-8", errors="strict")
    else:
        try:
            text = data.decode("utf-8", errors="strict")
        except UnicodeDecodeError:
            text = _detect(data, name)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def _detect(data: bytes, name: str) -> str:
    from charset_normalizer import from_bytes

    # Western European encodings first: a French text that is not UTF-8 is
    # almost always Windows-1252 or Latin-1.
    best = from_bytes(data, cp_isolation=["cp1252", "latin_1", "iso8859_15", "mac_roman"]).best()
    if best is None:
        best = from_bytes(data).best()
    if best is None:
        raise InputError(f"{name}: cannot tell the text encoding; save it as UTF-8")
    return str(best)


def read_text(source: str | Path) -> tuple[str, str]:
    """Reads and decodes ``source``; returns (text, display name)."""
    data, name = read_bytes(source)
    return decode(data, name), name
