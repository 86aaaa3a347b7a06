"""Loading glossary files: TOML lists of ``[[entry]]`` tables.

An article's own glossary sits beside it (``NAME.fr.txt`` pairs with
``NAME.glossary.toml``); the general news glossary and the user's glossary use
the same format:

    [[entry]]
    fr = "OTAN"
    en = "NATO"
    kind = "organisations"
    definition = "The North Atlantic Treaty Organization, the Western military alliance."
    aliases = ["Organisation du traité de l’Atlantique nord"]
    en_aliases = []
    the = false        # English takes "the" in running text (the ECB; but NATO)
    en_adj = ""        # adjectival English where it differs (Russie → "Russian")
    en_plural = ""     # English for a plural occurrence, if not the regular plural (MPs)
    enforce = true     # false: mark and gloss, never overwrite the engine's English
    sense = ""         # a one-word term's one usual sense (why it may be enforced)

Errors name the file and the line of the offending entry; two entries with the
same French (up to case, accents, elision and plural) are refused.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from pathlib import Path

from glossary.errors import GlossaryError
from glossary.match import key_of
from glossary.model import KINDS, Entry, Origin
from reader.article import companion_path

REQUIRED = ("fr", "en", "kind", "definition")
OPTIONAL_LISTS = ("aliases", "en_aliases")
OPTIONAL_TEXTS = ("definition", "en_adj", "en_plural", "sense")
OPTIONAL_FLAGS = ("the", "enforce")
FIELDS = frozenset((*REQUIRED, *OPTIONAL_LISTS, *OPTIONAL_TEXTS, *OPTIONAL_FLAGS))


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]+")


def clean_text(text: str) -> str:
    """One line of text: control characters (which could drive the terminal) become spaces."""
    return " ".join(_CONTROL.sub(" ", text).split())


def glossary_path(article_path: Path | None) -> Path | None:
    """Where the curated glossary of an article would be (None for stdin)."""
    return companion_path(article_path, ".glossary.toml")


def read_text(path: Path) -> str:
    """A glossary file's text, or a one-line error naming it."""
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise GlossaryError(f"{path}: not UTF-8 text ({exc.reason})") from exc
    except OSError as exc:
        raise GlossaryError(f"{path}: cannot read ({exc.strerror or exc})") from exc


def load_curated(path: Path) -> list[Entry]:
    """An article's glossary file: every field but the optional ones required."""
    return parse_entries(read_text(path), str(path), "curated")


def parse_entries(
    text: str, where: str, origin: Origin, required: Sequence[str] = REQUIRED
) -> list[Entry]:
    """Entries of a glossary file's ``text``; ``where`` names the file in errors."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = re.search(r"line (\d+)", str(exc))
        if line:
            at = f":{line.group(1)}"
        else:  # tomllib says "at end of document": the last line
            at = f":{max(1, len(text.splitlines()))}" if "end of document" in str(exc) else ""
        raise GlossaryError(f"{where}{at}: malformed TOML ({str(exc).split(' (at')[0]})") from exc
    entries = data.get("entry", [])
    if not isinstance(entries, list) or set(data) - {"entry"}:
        raise GlossaryError(
            f"{where}: expected only [[entry]] tables, found {', '.join(sorted(data)) or 'nothing'}"
        )
    lines = _entry_lines(text)
    parsed = []
    for i, raw in enumerate(entries):
        line = lines[i] if i < len(lines) else 0
        parsed.append((line, _entry(f"{where}:{line}", raw, origin, required)))
    _refuse_duplicates(where, parsed)
    return [entry for _, entry in parsed]


def _entry_lines(text: str) -> list[int]:
    return [
        n for n, line in enumerate(text.splitlines(), 1) if line.strip().startswith("[[entry]]")
    ]


def _refuse_duplicates(where: str, parsed: list[tuple[int, Entry]]) -> None:
    # Two entries for one French term would each count the same occurrences (QA 18).
    seen: dict[str, tuple[int, str]] = {}
    for line, entry in parsed:
        key = key_of(entry.fr)
        if key in seen:
            first_line, first = seen[key]
            raise GlossaryError(
                f"{where}:{line}: entry {entry.fr!r} repeats {first!r} from line {first_line}; "
                "keep one (put other forms in its aliases)"
            )
        seen[key] = (line, entry.fr)


def _entry(where: str, raw: object, origin: Origin, required: Sequence[str]) -> Entry:
    if not isinstance(raw, dict):
        raise GlossaryError(f"{where}: each [[entry]] must be a table")
    label = clean_text(str(raw.get("fr", "?")))
    for key in required:
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise GlossaryError(f"{where}: entry {label!r} needs a non-empty text '{key}'")
    if raw["kind"] not in KINDS:
        raise GlossaryError(
            f"{where}: entry {label!r} has kind {raw['kind']!r}; use one of: {', '.join(KINDS)}"
        )
    unknown = set(raw) - FIELDS
    if unknown:
        raise GlossaryError(
            f"{where}: entry {label!r} has unknown field(s): {', '.join(sorted(unknown))}"
        )
    lists = {}
    for key in OPTIONAL_LISTS:
        value = raw.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise GlossaryError(f"{where}: entry {label!r}: '{key}' must be a list of texts")
        lists[key] = tuple(clean_text(v) for v in value)
    for key in OPTIONAL_TEXTS:
        if not isinstance(raw.get(key, ""), str):
            raise GlossaryError(f"{where}: entry {label!r}: '{key}' must be a text")
    for key in OPTIONAL_FLAGS:
        if not isinstance(raw.get(key, False), bool):
            raise GlossaryError(f"{where}: entry {label!r}: '{key}' must be true or false")
    return Entry(
        clean_text(raw["fr"]),
        clean_text(raw["en"]),
        raw["kind"],
        clean_text(raw.get("definition", "")),
        lists["aliases"],
        lists["en_aliases"],
        origin,
        the=raw.get("the", False),
        bare=raw.get("the") is False,
        en_adj=clean_text(raw.get("en_adj", "")),
        en_plural=clean_text(raw.get("en_plural", "")),
        enforce=raw.get("enforce", True),
        sense=clean_text(raw.get("sense", "")),
    )
