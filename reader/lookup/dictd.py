"""A reader for dictionaries in the dictd format (FreeDict's ``NAME.index`` + ``NAME.dict.dz``).

The ``.index`` is text, one line per headword: ``headword TAB offset TAB length``, the
numbers in dictd's base64 (``A``–``Z``, ``a``–``z``, ``0``–``9``, ``+``, ``/``, most
significant digit first). The ``.dict.dz`` is dictzip: gzip with a random-access
table in the header, so plain gzip reads it whole. FreeDict's French–English data is
400 kB unpacked and decompresses in a few milliseconds (measured: 2–3 ms), so the
whole file is read once instead of chunk by chunk; a plain ``.dict`` is read as is.
"""

from __future__ import annotations

import gzip
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_B64_VALUE = {c: i for i, c in enumerate(B64)}
MAX_DATA = 256 * 1024**2
"""A dictionary's unpacked text; FreeDict's largest are well below this."""


class DictdError(ValueError):
    """The files are not a readable dictd dictionary (the message names the file and line)."""


def decode_number(text: str) -> int:
    """dictd's base64 number: ``"B"`` is 1, ``"BA"`` is 64."""
    if not text:
        raise ValueError("empty number")
    value = 0
    for char in text:
        value = value * 64 + _B64_VALUE[char]  # KeyError for a character outside the alphabet
    return value


def encode_number(value: int) -> str:
    """The inverse of ``decode_number`` (used to write dictionaries in tests and tools)."""
    if value < 0:
        raise ValueError("negative number")
    digits = ""
    while True:
        value, rest = divmod(value, 64)
        digits = B64[rest] + digits
        if value == 0:
            return digits


def index_key(headword: str) -> str:
    """How dictd's index spells a headword: lower case, letters, digits and single spaces.

    ``abat-jour`` → ``abatjour``; ``taxe d'octroi`` → ``taxe doctroi``. Accents are kept.
    """
    kept = "".join(c for c in headword.lower() if c.isalnum() or c.isspace())
    return " ".join(kept.split())


@dataclass(frozen=True)
class Definition:
    """One entry: its headword as printed, part of speech (``n, fem``), and its senses."""

    headword: str
    pos: str
    senses: tuple[str, ...]

    @property
    def english(self) -> str:
        """The senses on one line: ``accord, agreement; chord; concord``."""
        return "; ".join(self.senses)


_HEAD = re.compile(r"^(?P<head>.+?)(?:\s+/[^/]*/)?(?:\s+<(?P<pos>[^>]*)>)?\s*$")
_NUMBERED = re.compile(r"^\s*\d+\.\s*")


def parse_definition(text: str) -> Definition:
    """FreeDict's layout: ``headword /ipa/ <pos>`` then senses, numbered or not."""
    lines = [line.rstrip() for line in text.strip("\n").splitlines()]
    first = lines[0] if lines else ""
    match = _HEAD.match(first)
    headword = match.group("head").strip() if match else first.strip()
    pos = (match.group("pos") or "").strip() if match else ""
    senses = tuple(
        _NUMBERED.sub("", line).strip() for line in lines[1:] if _NUMBERED.sub("", line).strip()
    )
    return Definition(headword, pos, senses)


class DictdDictionary:
    """A dictd dictionary, loaded whole on first use; ``lookup`` is then a dict access."""

    def __init__(self, index: Path, data: Path) -> None:
        self.index_path = index
        self.data_path = data
        self._index: dict[str, list[tuple[int, int]]] | None = None
        self._data: bytes | None = None

    def load(self) -> DictdDictionary:
        """Reads both files now (raises DictdError, naming the file, when one is damaged)."""
        if self._index is None:
            self._index = read_index(self.index_path)
        if self._data is None:
            self._data = read_data(self.data_path)
        return self

    def __len__(self) -> int:
        return sum(1 for key in self.load()._index or {} if not key.startswith("00database"))

    def headwords(self) -> Iterator[str]:
        return (key for key in self.load()._index or {} if not key.startswith("00database"))

    def info(self, name: str) -> str:
        """A ``00-database-NAME`` header entry (``short``, ``url``, ``info``), or ``""``."""
        return "\n".join(self._texts("00database" + name)).strip()

    def lookup(self, word: str) -> list[Definition]:
        """Every entry for ``word`` (case, hyphens and apostrophes do not matter)."""
        key = index_key(word)
        if not key or key.startswith("00database"):
            return []
        return [parse_definition(text) for text in self._texts(key)]

    def _texts(self, key: str) -> list[str]:
        self.load()
        assert self._index is not None and self._data is not None
        texts = []
        for offset, length in self._index.get(key, ()):
            chunk = self._data[offset : offset + length]
            texts.append(chunk.decode("utf-8", errors="replace"))
        return texts


def read_index(path: Path) -> dict[str, list[tuple[int, int]]]:
    """``index_key(headword)`` → [(offset, length)], in file order."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise DictdError(f"{path}: not UTF-8 text ({exc.reason})") from exc
    except OSError as exc:
        raise DictdError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    entries: dict[str, list[tuple[int, int]]] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        parts = line.split("\t")
        if len(parts) < 3:
            raise DictdError(f"{path}:{number}: expected 'headword TAB offset TAB length'")
        try:
            offset, length = decode_number(parts[1]), decode_number(parts[2])
        except (KeyError, ValueError):
            raise DictdError(f"{path}:{number}: offset or length is not dictd base64") from None
        entries.setdefault(index_key(parts[0]), []).append((offset, length))
    if not entries:
        raise DictdError(f"{path}: empty index")
    return entries


def read_data(path: Path) -> bytes:
    """The whole text of a ``.dict.dz`` (dictzip/gzip) or ``.dict`` file."""
    try:
        if path.name.endswith(".dz") or path.name.endswith(".gz"):
            with gzip.open(path, "rb") as handle:
                data = handle.read(MAX_DATA + 1)
        else:
            with open(path, "rb") as handle:
                data = handle.read(MAX_DATA + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise DictdError(f"{path}: cannot read ({getattr(exc, 'strerror', None) or exc})") from exc
    if len(data) > MAX_DATA:
        raise DictdError(f"{path}: larger than {MAX_DATA // 1024**2} MiB unpacked")
    return data


def write(folder: Path, name: str, entries: list[tuple[str, str]], compress: bool = True) -> Path:
    """Writes a dictd dictionary ``NAME.index`` + ``NAME.dict(.dz)``; returns the index path.

    For tests and tools: ``entries`` are (headword, definition text) pairs. The
    compressed file is plain gzip, which dictzip readers accept.
    """
    body = bytearray()
    lines = []
    for headword, text in entries:
        chunk = text.encode("utf-8")
        lines.append(
            f"{index_key(headword)}\t{encode_number(len(body))}\t{encode_number(len(chunk))}"
        )
        body += chunk
    folder.mkdir(parents=True, exist_ok=True)
    index = folder / f"{name}.index"
    # sorted by headword as dictd wants; entries of one headword keep their order
    ordered = sorted(lines, key=lambda line: line.split("\t", 1)[0])
    index.write_text("\n".join(ordered) + "\n", encoding="utf-8")
    if compress:
        (folder / f"{name}.dict.dz").write_bytes(gzip.compress(bytes(body)))
    else:
        (folder / f"{name}.dict").write_bytes(bytes(body))
    return index
