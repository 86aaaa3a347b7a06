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
from dataclasses import dataclass
from pathlib import Path

from glossary.errors import GlossaryError
from glossary.match import key_of
from glossary.model import KINDS, Entry, Origin
from reader.article import companion_path
from reader.textio import clean_line

REQUIRED = ("fr", "en", "kind", "definition")
OPTIONAL_LISTS = ("aliases", "en_aliases")
OPTIONAL_TEXTS = ("definition", "en_adj", "en_plural", "sense")
OPTIONAL_FLAGS = ("the", "enforce")
FIELDS = frozenset((*REQUIRED, *OPTIONAL_LISTS, *OPTIONAL_TEXTS, *OPTIONAL_FLAGS))


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


@dataclass(frozen=True)
class GlossaryProblem:
    """Something wrong in a glossary file: the file, the line (when known) and what."""

    path: Path
    line: int | None
    what: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.what}" if self.line else f"{self.path}: {self.what}"


def parse_entries(
    text: str, where: str, origin: Origin, required: Sequence[str] = REQUIRED
) -> list[Entry]:
    """Entries of a glossary file's ``text``, or GlossaryError naming ``where`` and the line
    of the first problem (an article's glossary and the general one are all or nothing)."""
    entries, problems = parse_leniently(text, Path(where), origin, required)
    if problems:
        raise GlossaryError(str(problems[0]))
    return entries


def parse_leniently(
    text: str, path: Path, origin: Origin, required: Sequence[str] = REQUIRED
) -> tuple[list[Entry], list[GlossaryProblem]]:
    """The entries of ``text`` that are fine, and a problem for each one that is not.

    A TOML syntax error spoils only the ``[[entry]]`` it is in: the file is then read
    one entry at a time. A bad entry (a missing field, an unknown kind) and a repeat
    of an earlier entry's French are left out; the others are kept.
    """
    problems: list[GlossaryProblem] = []
    raws: list[tuple[int, object]] = []
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        for first, chunk in _chunks(text):
            raws.extend(_parse_chunk(chunk, first, path, problems))
    else:
        raws.extend(_entries_of(data, path, _entry_lines(text), problems, first=0))
    entries: list[tuple[int, Entry]] = []
    for line, raw in raws:
        try:
            entries.append((line, _entry(raw, origin, required)))
        except GlossaryError as exc:
            problems.append(GlossaryProblem(path, line or None, str(exc)))
    kept = _without_repeats(path, entries, problems)
    problems.sort(key=lambda p: p.line or 0)
    return kept, problems


def _chunks(text: str) -> list[tuple[int, str]]:
    """The text cut before each ``[[entry]]`` line: (first line number, text) pairs."""
    lines = text.splitlines(keepends=True)
    starts = [0] + [n - 1 for n in _entry_lines(text) if n > 1]
    bounds = [*starts, len(lines)]
    return [(a + 1, "".join(lines[a:b])) for a, b in zip(bounds, bounds[1:], strict=False)]


def _parse_chunk(
    chunk: str, first: int, path: Path, problems: list[GlossaryProblem]
) -> list[tuple[int, object]]:
    try:
        data = tomllib.loads(chunk)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        found = re.search(r"line (\d+)", message)
        if found:
            line = first + int(found.group(1)) - 1
        else:  # tomllib says "at end of document": the chunk's last line
            line = first + max(1, len(chunk.splitlines())) - 1
        what = f"malformed TOML ({message.split(' (at')[0]})"
        problems.append(GlossaryProblem(path, line, what))
        return []
    lines = [first + n - 1 for n in _entry_lines(chunk)]
    return _entries_of(data, path, lines, problems, first)


def _entries_of(
    data: dict[str, object],
    path: Path,
    lines: list[int],
    problems: list[GlossaryProblem],
    first: int,
) -> list[tuple[int, object]]:
    """The raw ``[[entry]]`` tables of parsed TOML, each with its line (0: unknown);
    ``first`` is the line the TOML starts at (0: the whole file)."""
    entries = data.get("entry", [])
    others = sorted(set(data) - {"entry"})
    if not isinstance(entries, list) or others:
        found = ", ".join(others or ["entry (not as [[entry]])"])
        problems.append(
            GlossaryProblem(path, first or None, f"expected only [[entry]] tables, found {found}")
        )
    if not isinstance(entries, list):
        return []
    return [(lines[i] if i < len(lines) else 0, raw) for i, raw in enumerate(entries)]


def _entry_lines(text: str) -> list[int]:
    return [
        n for n, line in enumerate(text.splitlines(), 1) if line.strip().startswith("[[entry]]")
    ]


def _without_repeats(
    path: Path, parsed: list[tuple[int, Entry]], problems: list[GlossaryProblem]
) -> list[Entry]:
    # Two entries for one French term would each count the same occurrences (QA 18):
    # the first one is kept.
    seen: dict[str, tuple[int, str]] = {}
    kept = []
    for line, entry in parsed:
        key = key_of(entry.fr)
        if key in seen:
            first_line, first = seen[key]
            problems.append(
                GlossaryProblem(
                    path,
                    line or None,
                    f"entry {entry.fr!r} repeats {first!r} from line {first_line}; "
                    "keep one (put other forms in its aliases)",
                )
            )
            continue
        seen[key] = (line, entry.fr)
        kept.append(entry)
    return kept


def _entry(raw: object, origin: Origin, required: Sequence[str]) -> Entry:
    """One entry, or GlossaryError saying what is wrong with it (the caller says where)."""
    if not isinstance(raw, dict):
        raise GlossaryError("each [[entry]] must be a table")
    label = clean_line(str(raw.get("fr", "?")))
    for key in required:
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise GlossaryError(f"entry {label!r} needs a non-empty text '{key}'")
    if "kind" not in required and "kind" not in raw:
        raw = {**raw, "kind": "other"}  # as ``reader terms add`` defaults it
    if raw["kind"] not in KINDS:
        raise GlossaryError(
            f"entry {label!r} has kind {raw['kind']!r}; use one of: {', '.join(KINDS)}"
        )
    unknown = set(raw) - FIELDS
    if unknown:
        raise GlossaryError(f"entry {label!r} has unknown field(s): {', '.join(sorted(unknown))}")
    lists = {}
    for key in OPTIONAL_LISTS:
        value = raw.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise GlossaryError(f"entry {label!r}: '{key}' must be a list of texts")
        lists[key] = tuple(clean_line(v) for v in value)
    for key in OPTIONAL_TEXTS:
        if not isinstance(raw.get(key, ""), str):
            raise GlossaryError(f"entry {label!r}: '{key}' must be a text")
    for key in OPTIONAL_FLAGS:
        if not isinstance(raw.get(key, False), bool):
            raise GlossaryError(f"entry {label!r}: '{key}' must be true or false")
    return Entry(
        clean_line(raw["fr"]),
        clean_line(raw["en"]),
        raw["kind"],
        clean_line(raw.get("definition", "")),
        lists["aliases"],
        lists["en_aliases"],
        origin,
        the=raw.get("the", False),
        bare=raw.get("the") is False,
        en_adj=clean_line(raw.get("en_adj", "")),
        en_plural=clean_line(raw.get("en_plural", "")),
        enforce=raw.get("enforce", True),
        sense=clean_line(raw.get("sense", "")),
    )
