"""Anki packages: the one writer of decks (genanki), used by the glossary and vocabulary
exports, and the reader of the notes in a user's deck or collection (``reader known
import``).

Writing: the package is built in memory and written through ``store.write_output``, so
the target holds the old deck or the new one, never half, no temporary file is left
beside it, and a failure is one line naming the target. Ids are stable (``stable_id``, ``guid``) so exporting again updates notes.

Reading: an ``.apkg`` or ``.colpkg`` is a zip holding the collection, an SQLite file:
``collection.anki21b`` (zstd-compressed, Anki 2.1.50 and later), or ``collection.anki21``
/ ``collection.anki2`` (older exports and genanki). Newer packages also carry a
``collection.anki2`` that only says "please update Anki": the newest collection inside
wins. Nothing in the package is trusted: sizes are capped, the collection is read from a
private temporary copy, read-only.
"""

from __future__ import annotations

import hashlib
import io
import json
import sqlite3
import tempfile
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.errors import ReaderError

COLLECTIONS = ("collection.anki21b", "collection.anki21", "collection.anki2")
"""Collection files in a package, newest format first."""
MAX_COLLECTION = 1024**3
"""What a collection may unpack to: a large collection with scheduling is a few hundred MB."""


class AnkiError(ReaderError):
    """A file is not an Anki package this reader can read, or a field is not in it."""


def stable_id(text: str) -> int:
    """A model or deck id that stays the same from one export to the next."""
    return int(hashlib.sha256(text.encode("utf-8")).hexdigest()[:8], 16) + (1 << 30)


def guid(*parts: str) -> str:
    """A note's GUID from what identifies it, so a second export updates the note."""
    import genanki

    guid: str = genanki.guid_for(*parts)
    return guid


def package_bytes(deck: Any, media: Sequence[Path] = ()) -> bytes:
    """A genanki deck as the bytes of an .apkg, with ``media`` (files its notes name by
    their file name, as ``[sound:NAME]``; a file named twice is packed once)."""
    import genanki

    buffer = io.BytesIO()
    files = [str(path) for path in dict.fromkeys(media)]
    genanki.Package(deck, media_files=files).write_to_file(buffer)
    return buffer.getvalue()


def write_deck(deck: Any, path: Path, media: Sequence[Path] = ()) -> int:
    """Writes a genanki deck (and its ``media``) to ``path`` as every export is written
    (``store.write_output``: atomic; a failure is one OutputError naming ``path``);
    returns its number of notes."""
    from reader.store import write_output

    write_output(path, package_bytes(deck, media))
    return len(deck.notes)


# ------------------------------------------------------------------ reading


@dataclass(frozen=True)
class Note:
    """A note of a deck: its fields by name, in order."""

    fields: tuple[tuple[str, str], ...]

    def field(self, name: str | None) -> str | None:
        """The named field (any case), the first one when ``name`` is None, or None."""
        if name is None:
            return self.fields[0][1] if self.fields else None
        wanted = name.casefold()
        return next((value for key, value in self.fields if key.casefold() == wanted), None)


def read_notes(path: Path) -> list[Note]:
    """Every note of an Anki package (.apkg, .colpkg), fields named by their note type."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            member = next((n for n in COLLECTIONS if n in names), None)
            if member is None:
                raise AnkiError(f"{path}: not an Anki package (no collection inside)")
            info = archive.getinfo(member)
            if info.file_size > MAX_COLLECTION:
                raise AnkiError(f"{path}: refused, the collection unpacks to more than 1 GiB")
            data = archive.read(member)
    except (zipfile.BadZipFile, OSError) as exc:
        raise AnkiError(f"{path}: not an Anki package ({exc})") from exc
    if member.endswith("b"):
        data = _unzstd(data, path)
    return _notes_of(data, path)


def _unzstd(data: bytes, path: Path) -> bytes:
    try:
        from compression import zstd  # type: ignore[import-not-found]  # Python 3.14+
    except ImportError:
        from backports import zstd
    try:
        decompressor = zstd.ZstdDecompressor()
        out: bytes = decompressor.decompress(data, max_length=MAX_COLLECTION + 1)
    except zstd.ZstdError as exc:
        raise AnkiError(f"{path}: the collection inside is damaged ({exc})") from exc
    if len(out) > MAX_COLLECTION or not decompressor.eof:
        raise AnkiError(f"{path}: refused, the collection unpacks to more than 1 GiB")
    return out


def _notes_of(data: bytes, path: Path) -> list[Note]:
    with tempfile.TemporaryDirectory(prefix="reader-anki-") as folder:
        copy = Path(folder) / "collection.sqlite3"
        copy.write_bytes(data)
        try:
            db = sqlite3.connect(f"{copy.as_uri()}?mode=ro", uri=True)
            try:
                names = _field_names(db)
                rows = db.execute("SELECT mid, flds FROM notes ORDER BY id").fetchall()
            finally:
                db.close()
        except sqlite3.DatabaseError as exc:
            raise AnkiError(f"{path}: the collection inside cannot be read ({exc})") from exc
    notes = []
    for model, fields in rows:
        values = str(fields).split("\x1f")
        labels = names.get(int(model), ())
        notes.append(
            Note(
                tuple(
                    (labels[i] if i < len(labels) else f"Field {i + 1}", value)
                    for i, value in enumerate(values)
                )
            )
        )
    return notes


def _field_names(db: sqlite3.Connection) -> dict[int, Sequence[str]]:
    """Field names by note type: the ``fields`` table (current schema) or ``col.models``."""
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    names: dict[int, list[str]] = {}
    if "fields" in tables:
        for model, _, name in db.execute("SELECT ntid, ord, name FROM fields ORDER BY ntid, ord"):
            names.setdefault(int(model), []).append(str(name))
        return dict(names)
    row = db.execute("SELECT models FROM col").fetchone()
    try:
        models = json.loads(row[0]) if row and row[0] else {}
    except ValueError:
        return {}
    for key, model in models.items():
        fields = sorted(model.get("flds", []), key=lambda f: f.get("ord", 0))
        names[int(key)] = [str(f.get("name", "")) for f in fields]
    return dict(names)
