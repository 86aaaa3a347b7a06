"""Reading bytes from a file or stdin and decoding them to clean NFC text.

Decoding order:
- a byte-order mark names the encoding (UTF-8, UTF-16 or UTF-32, LE or BE);
- strict UTF-8;
- mostly UTF-8 with a few stray bytes (a paste from a Windows program): the
  stray bytes are read as Windows-1252, with a warning;
- otherwise a Western single-byte encoding, chosen by which one turns the
  non-ASCII bytes into characters a French text uses; Windows-1252 wins ties.
  A warning says when that choice is unsure. charset-normalizer is the last
  resort for texts in no Western encoding.

Text from files must never drive the terminal, so every decoded text goes
through ``clean``: whole escape sequences, C0/C1 control characters other than tab
and newline, and bidi overrides are removed, and tabs are expanded to spaces.
``clean_line`` is the same for one-line texts: glossary fields, terms typed by the user,
and every piece of metadata a file or a page brings (titles, authors, site names, dates,
descriptions from EPUB metadata, ``<title>``, ``<meta>``, Open Graph, JSON-LD); the CLI
passes what it prints of stored text through it again (``reader.commands.common``).
"""

from __future__ import annotations

import codecs
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from reader.errors import InputError

MAX_BYTES = 20 * 1024 * 1024
"""Large enough for a long book; beyond this the file is refused rather than read whole."""

TAB_SIZE = 8

_BINARY_SNIFF = 8192
_TEXT_CONTROLS = frozenset((7, 9, 10, 11, 12, 13, 27))

_BOMS = (  # UTF-32 first: its little-endian mark starts with UTF-16's.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Whole escape sequences go, so "\x1b[31mROUGE" leaves "ROUGE" rather than "[31mROUGE":
# CSI (ESC [ or U+009B), OSC/DCS/PM/APC/SOS strings up to BEL or ST within one line,
# then two- and three-byte ESC sequences. Any control left after that goes too.
_ESCAPES = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
    r"|(?:\x1b[\]P^_X]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c\n]{0,4096}(?:\x07|\x1b\\|\x9c)"
    r"|\x1b[ -/]*[0-~]"
)
# Bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) reorder what a
# terminal draws after them, beyond the text they came with; the marks U+200E/U+200F
# reorder nothing and stay, as does right-to-left text itself.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_LINE_CONTROLS = re.compile(r"[\x0b\x0c]")  # vertical tab and form feed separate lines
_ANY_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

_WESTERN = ("cp1252", "iso8859_15", "mac_roman", "cp850")
_PRIOR = 0.5
_FRENCH = frozenset("àâäæçéèêëîïôöœùûüÿÀÂÄÆÇÉÈÊËÎÏÔÖŒÙÛÜŸ«»‘’“”–—…•€°§©®™\u00a0\u202f")
_FRENCH_CAPITALS = frozenset("ÀÂÄÆÇÉÈÊËÎÏÔÖŒÙÛÜŸ")
_ASCII = bytes(range(128))


@dataclass(frozen=True)
class Decoded:
    """Decoded text, the encoding it was read as, and warnings worth showing the reader."""

    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


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
    # ESC and BEL are left out: a short text full of escape sequences is still text, and
    # clean() takes them out.
    controls = sum(1 for b in head if b < 32 and b not in _TEXT_CONTROLS)
    return bool(head) and controls / len(head) > 0.05


def clean(text: str, keep_tabs: bool = False) -> str:
    """Removes what could drive a terminal or reorder its lines (escape sequences whole,
    control characters, bidi overrides), makes newlines Unix ones and expands tabs
    (``keep_tabs``: a tab-separated table keeps them); keeps no-break spaces and every
    other character."""
    if _ANY_CONTROL.search(text) is not None:  # one quick scan; most texts have none
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        text = _ESCAPES.sub("", text)
        text = _LINE_CONTROLS.sub("\n", text)
        text = _CONTROLS.sub("", text)
    return text.expandtabs(TAB_SIZE) if "\t" in text and not keep_tabs else text


def clean_line(text: str) -> str:
    """``clean`` for a one-line text: runs of whitespace (newlines too) become one space.
    Metadata from outside (a title, an author, a date) goes through this when it is read."""
    return " ".join(clean(text).split())


def decode_text(data: bytes, name: str, keep_tabs: bool = False) -> Decoded:
    """Decodes to clean NFC text with Unix newlines, or raises InputError."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(f"{name}: starts as {encoding} but is not ({exc.reason})") from exc
            return _finish(Decoded(text, encoding), keep_tabs)
    utf16 = _bomless_utf16(data)
    if utf16 is not None:
        return _finish(utf16, keep_tabs)
    if looks_binary(data):
        raise InputError(f"{name}: looks like a binary file, not text")
    try:
        return _finish(Decoded(data.decode("utf-8"), "utf-8"), keep_tabs)
    except UnicodeDecodeError:
        pass
    return _finish(_mostly_utf8(data, name) or _western(data, name), keep_tabs)


def decode(data: bytes, name: str) -> str:
    """Decodes to clean NFC text with Unix newlines, or raises InputError."""
    return decode_text(data, name).text


def _finish(decoded: Decoded, keep_tabs: bool = False) -> Decoded:
    text = clean(unicodedata.normalize("NFC", decoded.text), keep_tabs)
    return Decoded(text, decoded.encoding, decoded.warnings)


def _bomless_utf16(data: bytes) -> Decoded | None:
    """UTF-16 without a mark: NULs in every other byte of mostly-ASCII text."""
    head = data[:_BINARY_SNIFF]
    if len(head) < 16 or len(head) % 2:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    half = len(head) // 2
    for encoding, nuls, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if nuls > 0.6 * half and other == 0:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                return None
            # Binary data can have that pattern too; text is mostly printable.
            sample = text[:1000]
            printable = sum(1 for c in sample if c.isprintable() or c in "\t\n\r")
            return Decoded(text, encoding) if printable >= 0.95 * len(sample) else None
    return None


def _cp1252_bytes(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start : error.end]
    return bad.decode("cp1252", errors="replace"), error.end


codecs.register_error("reader-cp1252", _cp1252_bytes)


def _mostly_utf8(data: bytes, name: str) -> Decoded | None:
    """UTF-8 with stray Windows-1252 bytes, as a terminal's printf or a copy-paste makes."""
    probe = data.decode("utf-8", errors="replace")  # one U+FFFD per stray byte
    stray = probe.count("\ufffd")
    ascii_count = len(data) - len(_high_bytes(data))
    sequences = len(probe) - ascii_count - stray  # characters that were good UTF-8
    if sequences < max(1, stray):
        return None
    text = data.decode("utf-8", errors="reader-cp1252")
    return Decoded(
        text,
        "utf-8+cp1252",
        (
            f"{name}: mostly UTF-8, but {stray} byte(s) are not; "
            "they were read as Windows-1252 (save the file as UTF-8 to be sure)",
        ),
    )


def _high_bytes(data: bytes) -> bytes:
    return data.translate(None, _ASCII)


def _western(data: bytes, name: str) -> Decoded:
    """The Western single-byte encoding whose reading of the high bytes looks most French."""
    counts = Counter(_high_bytes(data))
    scored = []
    for rank, encoding in enumerate(_WESTERN):
        oddness = _oddness(counts, encoding)
        if oddness is not None:
            # The rank is a prior: a French text that is not UTF-8 is most often
            # Windows-1252, so another encoding must read clearly better to win.
            scored.append((oddness + _PRIOR * rank, oddness, encoding))
    scored.sort()
    if not scored or min(odd for _, odd, _ in scored) > 0.5 * counts.total():
        return _any_encoding(data, name)
    score, oddness, encoding = scored[0]
    text = data.decode(encoding)
    close = any(s - score < 1 and data.decode(other) != text for s, _, other in scored[1:])
    if oddness >= 1 or close:
        unsure = (
            f"{name}: not UTF-8; read as {_LABELS[encoding]}, but some characters may be wrong "
            "(save the file as UTF-8 to be sure)",
        )
        return Decoded(text, encoding, unsure)
    return Decoded(text, encoding)


_LABELS = {
    "cp1252": "Windows-1252",
    "iso8859_15": "ISO-8859-15",
    "mac_roman": "Mac Roman",
    "cp850": "DOS code page 850",
}


def _oddness(counts: Counter[int], encoding: str) -> float | None:
    """How un-French the high bytes read in ``encoding`` (None: not valid in it)."""
    score = 0.0
    for byte, count in counts.items():
        try:
            char = bytes([byte]).decode(encoding)
        except UnicodeDecodeError:
            return None
        if char in _FRENCH_CAPITALS:  # capitals with accents are rare inside French words
            score += 0.1 * count
        elif char in _FRENCH:
            continue
        elif char.isalpha() and "\u00c0" <= char <= "\u00ff":  # a Western name (España)
            score += 0.3 * count
        else:
            score += count
    return score


def _any_encoding(data: bytes, name: str) -> Decoded:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(f"{name}: cannot tell the text encoding; save it as UTF-8")
    return Decoded(
        str(best),
        best.encoding,
        (
            f"{name}: not UTF-8; read as {best.encoding}, a guess (save the file as UTF-8 to be sure)",
        ),
    )


def read_decoded(source: str | Path, keep_tabs: bool = False) -> tuple[Decoded, str]:
    """Reads and decodes ``source``; returns the decoded text and the display name."""
    data, name = read_bytes(source)
    return decode_text(data, name, keep_tabs), name


def read_text(source: str | Path, keep_tabs: bool = False) -> tuple[str, str]:
    """Reads and decodes ``source``; returns (text, display name). ``keep_tabs``: a
    tab-separated table (``reader known import``) keeps its tabs."""
    decoded, name = read_decoded(source, keep_tabs)
    return decoded.text, name
