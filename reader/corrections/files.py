"""Corrections in and out: TMX 1.4, CSV and JSON.

TMX is written and read with the standard library (``xml.etree.ElementTree``): the
maintained TMX libraries are GPL or need a newer Python. On import:

- a document type declaration (``<!DOCTYPE``, and with it any ``<!ENTITY``) is refused
  before the tree is built: ElementTree does not fetch external entities, but it does
  expand internal ones (a "billion laughs" file would fill the memory);
- a unit gives a pair when it has a ``tuv`` whose ``xml:lang`` (or TMX 1.1's ``lang``)
  starts with ``fr`` and one starting with ``en``, in any case (``FR-FR``, ``en-GB``);
- a ``seg`` keeps its text: the codes of inline tags (``bpt``, ``ept``, ``ph``, ``it``,
  ``ut``, and the ``sub`` flows inside them) are dropped, the text after them kept; a
  ``hi`` (highlighted text, a term or a name) keeps its words;
- every text goes through the cleaner of text from outside (``reader.textio.clean``).

A file that is not what it says is one ``CorrectionsError`` and nothing is imported.
"""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path
from typing import Literal
from xml.parsers import expat

from reader.corrections.store import Correction, CorrectionsError
from reader.errors import InputError
from reader.textio import MAX_BYTES, clean, decode

Format = Literal["tmx", "csv", "json"]
FORMATS: tuple[Format, ...] = ("tmx", "csv", "json")

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_CODES = frozenset({"bpt", "ept", "ph", "it", "ut", "sub"})
"""Inline elements whose content is native code, not text (TMX 1.4 §3.4)."""
CSV_HEADER = ("fr", "en")


# ------------------------------------------------------------------ out


def dumps(corrections: Sequence[Correction], fmt: Format, tool_version: str = "") -> bytes:
    """``corrections`` as a file of format ``fmt``."""
    if fmt == "tmx":
        return to_tmx(corrections, tool_version)
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(CSV_HEADER)
        writer.writerows((c.fr, c.en) for c in corrections)
        return out.getvalue().encode()
    payload = {
        "corrections": [
            {"fr": c.fr, "en": c.en, "created": c.created, "updated": c.updated}
            for c in corrections
        ]
    }
    return (json.dumps(payload, ensure_ascii=False, indent=2) + "\n").encode()


def _tmx_date(iso: str) -> str:
    """TMX's date form (``20261208T034802Z``) of an ISO 8601 UTC time."""
    digits = iso[:19].replace("-", "").replace(":", "")
    return digits + "Z" if len(digits) == 15 else ""


def to_tmx(corrections: Sequence[Correction], tool_version: str = "") -> bytes:
    root = ET.Element("tmx", version="1.4")
    ET.SubElement(
        root,
        "header",
        {
            "creationtool": "bilingual-reader",
            "creationtoolversion": tool_version or "unknown",
            "segtype": "sentence",
            "o-tmf": "bilingual-reader",
            "adminlang": "en",
            "srclang": "fr",
            "datatype": "plaintext",
        },
    )
    body = ET.SubElement(root, "body")
    for c in corrections:
        dates = {
            name: value
            for name, value in (
                ("creationdate", _tmx_date(c.created)),
                ("changedate", _tmx_date(c.updated)),
            )
            if value
        }
        tu = ET.SubElement(body, "tu", dates)
        for lang, text in (("fr", c.fr), ("en", c.en)):
            tuv = ET.SubElement(tu, "tuv", {_XML_LANG: lang})
            ET.SubElement(tuv, "seg").text = text
    ET.indent(root)
    data: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return data + b"\n"


# ------------------------------------------------------------------ in


def read(path: Path) -> list[tuple[str, str]]:
    """The (French, English) pairs of a TMX, CSV or JSON file, told apart by their content
    (then by the extension); a file that cannot be read whole is an error."""
    name = str(path)
    try:
        if path.is_dir():
            raise CorrectionsError(f"{name}: is a folder, not a file")
        if path.stat().st_size > MAX_BYTES:
            raise CorrectionsError(f"{name}: too large (limit is {MAX_BYTES // 2**20} MiB)")
        data = path.read_bytes()
    except FileNotFoundError:
        raise CorrectionsError(f"{name}: no such file") from None
    except OSError as exc:
        raise CorrectionsError(f"{name}: cannot read ({exc.strerror or exc})") from exc
    return loads(data, name, detect(data, path.suffix))


def detect(data: bytes, suffix: str = "") -> Format:
    """XML by its start whatever the name; else by the extension; else by the first
    character (``<`` TMX, ``{`` or ``[`` JSON), and CSV for anything else."""
    head = data[:64].lstrip(b"\xef\xbb\xbf\xff\xfe\x00 \t\r\n").replace(b"\x00", b"")
    if head.startswith((b"<?xml", b"<tmx")):
        return "tmx"
    by_name: dict[str, Format] = {".tmx": "tmx", ".xml": "tmx", ".csv": "csv", ".json": "json"}
    if suffix.lower() in by_name:
        return by_name[suffix.lower()]
    if head.startswith(b"<"):
        return "tmx"
    return "json" if head.startswith((b"{", b"[")) else "csv"


def loads(data: bytes, name: str, fmt: Format) -> list[tuple[str, str]]:
    if fmt == "tmx":
        pairs = from_tmx(data, name)
    elif fmt == "json":
        pairs = _from_json(data, name)
    else:
        pairs = _from_csv(data, name)
    cleaned = [(one_line(fr), one_line(en)) for fr, en in pairs]
    return [(fr, en) for fr, en in cleaned if fr and en]


_BREAKS = re.compile(r"[ \t\n\r\v\f]+")


def one_line(text: str) -> str:
    """Text from outside as one line: ``reader.textio.clean`` (escape sequences, control
    characters and bidi overrides out), line breaks and runs of spaces as one space; the
    no-break spaces of French typography kept."""
    return _BREAKS.sub(" ", clean(text)).strip()


def refuse_declarations(data: bytes, name: str) -> None:
    """Refuses a document type declaration (and so any entity) before anything is parsed."""

    def refuse(*_: object) -> None:
        raise CorrectionsError(f"{name}: refused: the file declares a document type or entities")

    parser = expat.ParserCreate()
    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    try:
        parser.Parse(data, True)
    except expat.ExpatError as exc:
        raise CorrectionsError(f"{name}: not a TMX file (XML error: {exc})") from None


def from_tmx(data: bytes, name: str) -> list[tuple[str, str]]:
    refuse_declarations(data, name)
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise CorrectionsError(f"{name}: not a TMX file (XML error: {exc})") from None
    if _local(root.tag) != "tmx":
        raise CorrectionsError(f"{name}: not a TMX file (its root is <{_local(root.tag)}>)")
    pairs = []
    for tu in root.iter():
        if _local(tu.tag) != "tu":
            continue
        texts: dict[str, str] = {}
        for tuv in tu:
            if _local(tuv.tag) != "tuv":
                continue
            lang = (tuv.get(_XML_LANG) or tuv.get("lang") or "").lower()[:2]
            seg = next((e for e in tuv if _local(e.tag) == "seg"), None)
            if lang in ("fr", "en") and seg is not None and lang not in texts:
                texts[lang] = _seg_text(seg)
        if "fr" in texts and "en" in texts:
            pairs.append((texts["fr"], texts["en"]))
    return pairs


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _seg_text(element: ET.Element) -> str:
    """The text of a ``seg`` (or ``hi``): codes dropped, the text after them kept."""
    parts = [element.text or ""]
    for child in element:
        if _local(child.tag) not in _CODES:
            parts.append(_seg_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _text(data: bytes, name: str) -> str:
    try:
        return decode(data, name)
    except InputError as exc:
        raise CorrectionsError(str(exc)) from None


def _from_csv(data: bytes, name: str) -> list[tuple[str, str]]:
    text = _text(data, name)
    try:
        rows = list(csv.reader(io.StringIO(text)))
    except csv.Error as exc:
        raise CorrectionsError(f"{name}: not a CSV file ({exc})") from None
    pairs = []
    for number, row in enumerate(rows, 1):
        if not any(cell.strip() for cell in row):
            continue
        if number == 1 and tuple(c.strip().lower() for c in row[:2]) == CSV_HEADER:
            continue
        if len(row) < 2:
            raise CorrectionsError(
                f"{name}: line {number}: expected two columns, French and English"
            )
        pairs.append((row[0], row[1]))
    return pairs


def _from_json(data: bytes, name: str) -> list[tuple[str, str]]:
    try:
        payload = json.loads(_text(data, name))
    except json.JSONDecodeError as exc:
        raise CorrectionsError(f"{name}: not a JSON file ({exc})") from None
    items = payload.get("corrections") if isinstance(payload, dict) else payload
    if not isinstance(items, list):
        raise CorrectionsError(f'{name}: expected {{"corrections": [{{"fr", "en"}}, …]}}')
    pairs = []
    for number, item in enumerate(items, 1):
        if not (
            isinstance(item, dict)
            and isinstance(item.get("fr"), str)
            and isinstance(item.get("en"), str)
        ):
            raise CorrectionsError(f'{name}: correction {number} has no "fr" and "en" strings')
        pairs.append((item["fr"], item["en"]))
    return pairs
