"""Loading curated glossaries: TOML files beside the article they belong to.

``NAME.fr.txt`` pairs with ``NAME.glossary.toml``, a list of ``[[entry]]`` tables:

    [[entry]]
    fr = "OTAN"
    en = "NATO"
    kind = "organisations"
    definition = "The North Atlantic Treaty Organization, the Western military alliance."
    aliases = ["Organisation du traité de l’Atlantique nord"]
    en_aliases = []

Errors name the file and the line of the offending entry.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from glossary.errors import GlossaryError
from glossary.model import KINDS, Entry
from reader.article import companion_path

REQUIRED = ("fr", "en", "kind", "definition")
OPTIONAL_LISTS = ("aliases", "en_aliases")


def glossary_path(article_path: Path | None) -> Path | None:
    """Where the curated glossary of an article would be (None for stdin)."""
    return companion_path(article_path, ".glossary.toml")


def load_curated(path: Path) -> list[Entry]:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise GlossaryError(f"{path}: not UTF-8 text ({exc.reason})") from exc
    except OSError as exc:
        raise GlossaryError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = re.search(r"line (\d+)", str(exc))
        if line:
            where = f":{line.group(1)}"
        else:  # tomllib says "at end of document": the last line
            where = f":{max(1, len(text.splitlines()))}" if "end of document" in str(exc) else ""
        raise GlossaryError(f"{path}{where}: malformed TOML ({str(exc).split(' (at')[0]})") from exc
    entries = data.get("entry", [])
    if not isinstance(entries, list) or set(data) - {"entry"}:
        raise GlossaryError(
            f"{path}: expected only [[entry]] tables, found {', '.join(sorted(data)) or 'nothing'}"
        )
    lines = _entry_lines(text)
    return [_entry(path, lines[i] if i < len(lines) else 0, raw) for i, raw in enumerate(entries)]


def _entry_lines(text: str) -> list[int]:
    return [
        n for n, line in enumerate(text.splitlines(), 1) if line.strip().startswith("[[entry]]")
    ]


def _entry(path: Path, line: int, raw: dict) -> Entry:
    where = f"{path}:{line}"
    label = raw.get("fr", "?")
    for key in REQUIRED:
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise GlossaryError(f"{where}: entry {label!r} needs a non-empty text '{key}'")
    if raw["kind"] not in KINDS:
        raise GlossaryError(
            f"{where}: entry {label!r} has kind {raw['kind']!r}; use one of: {', '.join(KINDS)}"
        )
    lists = {}
    for key in OPTIONAL_LISTS:
        value = raw.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise GlossaryError(f"{where}: entry {label!r}: '{key}' must be a list of texts")
        lists[key] = tuple(value)
    unknown = set(raw) - set(REQUIRED) - set(OPTIONAL_LISTS)
    if unknown:
        raise GlossaryError(
            f"{where}: entry {label!r} has unknown field(s): {', '.join(sorted(unknown))}"
        )
    return Entry(
        raw["fr"].strip(),
        raw["en"].strip(),
        raw["kind"],
        raw["definition"].strip(),
        lists["aliases"],
        lists["en_aliases"],
        "curated",
    )
