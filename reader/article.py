"""The article model: loading a French text and splitting it into blocks and sentences.

Data flows one way: file → Article → engine → cache → app. This module is pure
apart from reading the file.

Plain text rules (documented in the README):
- the first non-empty line is the title; a later line that only repeats it is dropped;
- each non-empty line is a block, unless the file is hard-wrapped (most lines
  break near the same width), in which case blank-line separated chunks are;
- a heading is a short unit (≤ 100 characters, ≤ 15 words) with no closing
  punctuation (. , ; : » " …) that is followed by a longer unit;
- the lede is the first paragraph straight after the title when it stands apart
  (a blank line, a heading or a title repeat follows it) and more paragraphs follow.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from reader import sentences as sentence_splitter
from reader.errors import InputError
from reader.textio import read_text

BlockKind = Literal["title", "lede", "heading", "paragraph"]
BLOCK_KINDS: tuple[BlockKind, ...] = ("title", "lede", "heading", "paragraph")


@dataclass(frozen=True)
class Sentence:
    """A sentence of a block: ``text == block.text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Block:
    """One title, lede, heading or paragraph, with its sentences."""

    index: int
    kind: BlockKind
    text: str
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True)
class Article:
    """A loaded article: where it came from, its blocks, and a key that identifies its text."""

    source: str
    path: Path | None
    blocks: tuple[Block, ...]
    key: str

    @property
    def title(self) -> str:
        return next((b.text for b in self.blocks if b.kind == "title"), "")


@dataclass(frozen=True)
class Unit:
    """A raw piece of the source before classification: its text and span in the source."""

    text: str
    start: int
    end: int
    blank_after: bool = False
    hint: BlockKind | None = None


def make_block(index: int, kind: BlockKind, text: str) -> Block:
    spans = sentence_splitter.split_spans(text)
    return Block(index, kind, text, tuple(Sentence(a, b, text[a:b]) for a, b in spans))


# ---------------------------------------------------------------- plain text

_HEADING_MAX_CHARS = 100
_HEADING_MAX_WORDS = 15
_NOT_HEADING_END = '.,;:»"”…)'


def text_units(text: str) -> list[Unit]:
    """Splits plain text into units: lines, or blank-line chunks if hard-wrapped."""
    lines: list[tuple[int, int]] = []
    pos = 0
    for raw in text.split("\n"):
        lines.append((pos, pos + len(raw)))
        pos += len(raw) + 1
    if _hard_wrapped([text[a:b] for a, b in lines]):
        return _chunk_units(text, lines)
    units: list[Unit] = []
    for i, (a, b) in enumerate(lines):
        line = text[a:b]
        if not line.strip():
            continue
        lead = len(line) - len(line.lstrip())
        blank_after = i + 1 < len(lines) and not text[slice(*lines[i + 1])].strip()
        units.append(Unit(line.strip(), a + lead, a + lead + len(line.strip()), blank_after))
    return units


def _hard_wrapped(lines: list[str]) -> bool:
    """True when lines that run on into the next line all break near one width."""
    if max((len(line.rstrip()) for line in lines), default=0) > 100:
        return False
    continued = [len(a.rstrip()) for a, b in itertools.pairwise(lines) if a.strip() and b.strip()]
    if len(continued) < 3:
        return False
    widest = max(continued)
    if widest < 40:  # short lines are verse, lists or dialogue, not a wrapped paragraph
        return False
    return sum(1 for n in continued if n >= widest - 20) / len(continued) >= 0.8


def _chunk_units(text: str, lines: list[tuple[int, int]]) -> list[Unit]:
    units: list[Unit] = []
    chunk: list[tuple[int, int]] = []
    for a, b in [*lines, (len(text), len(text))]:
        if text[a:b].strip():
            chunk.append((a, b))
            continue
        if chunk:
            joined = " ".join(text[x:y].strip() for x, y in chunk)
            units.append(Unit(joined, chunk[0][0], chunk[-1][1], blank_after=True))
            chunk = []
    return units


def _looks_like_heading(unit: Unit, following: Unit | None) -> bool:
    t = unit.text
    return (
        following is not None
        and len(t) <= _HEADING_MAX_CHARS
        and len(t.split()) <= _HEADING_MAX_WORDS
        and t[-1] not in _NOT_HEADING_END
        and len(following.text) > len(t)
    )


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def classify(units: list[Unit]) -> list[tuple[BlockKind, str]]:
    """Turns units into (kind, text) pairs; units carrying a hint keep it."""
    if not units:
        return []
    title = units[0]
    out: list[tuple[BlockKind, str]] = [("title", title.text)]
    rest = [u for u in units[1:] if not _same(u.text, title.text)]
    kinds: list[BlockKind] = []
    for i, unit in enumerate(rest):
        following = rest[i + 1] if i + 1 < len(rest) else None
        if unit.hint is not None:
            kinds.append(unit.hint)
        elif _looks_like_heading(unit, following):
            kinds.append("heading")
        else:
            kinds.append("paragraph")
    if len(rest) >= 2 and kinds[0] == "paragraph" and rest[0].hint is None:
        original_next = (
            units[units.index(rest[0]) + 1] if units.index(rest[0]) + 1 < len(units) else None
        )
        stands_apart = rest[0].blank_after or (
            original_next is not None
            and (_same(original_next.text, title.text) or kinds[1] == "heading")
        )
        if stands_apart and kinds[1:].count("paragraph") >= 1:
            kinds[0] = "lede"
    out.extend((kind, unit.text) for kind, unit in zip(kinds, rest, strict=True))
    return out


# ---------------------------------------------------------------- markdown / html

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(\S(?:.*?\S)?)\1")


def _md_inline(text: str) -> str:
    text = _MD_LINK.sub(r"\1", text)
    return _MD_EMPHASIS.sub(r"\2", text).strip()


def markdown_units(text: str) -> list[Unit]:
    units: list[Unit] = []
    para: list[str] = []

    def flush() -> None:
        if para:
            units.append(Unit(_md_inline(" ".join(para)), 0, 0, blank_after=True))
            para.clear()

    for line in text.split("\n"):
        stripped = line.strip()
        match = _MD_HEADING.match(stripped)
        if match:
            flush()
            level = len(match.group(1))
            hint: BlockKind = "title" if level == 1 and not units else "heading"
            units.append(Unit(_md_inline(match.group(2)), 0, 0, True, hint if units else None))
        elif not stripped or re.fullmatch(r"[-*_]{3,}", stripped):
            flush()
        else:
            para.append(
                stripped.lstrip("> ").lstrip("-*+ ") if stripped[:1] in ">-*+" else stripped
            )
    flush()
    return [u for u in units if u.text]


def html_units(text: str) -> list[Unit]:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(text, "html.parser")
    for tag in soup(["script", "style", "nav", "header", "footer", "aside", "noscript"]):
        tag.decompose()
    units: list[Unit] = []
    title_tag = soup.find("h1") or soup.find("title")
    if title_tag is not None:
        units.append(Unit(" ".join(title_tag.get_text(" ").split()), 0, 0, True))
    for tag in soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote"]):
        if tag is title_tag or tag.find_parent(["p", "li", "blockquote"]):
            continue
        words = " ".join(tag.get_text(" ").split())
        if not words:
            continue
        hint: BlockKind | None = "heading" if tag.name.startswith("h") else None
        units.append(Unit(words, 0, 0, True, hint))
    return units


# ---------------------------------------------------------------- entry points


def detect_format(text: str, name: str) -> str:
    suffix = Path(name).suffix.lower()
    if suffix in (".html", ".htm", ".xhtml"):
        return "html"
    if suffix in (".md", ".markdown"):
        return "markdown"
    if suffix in (".txt", ""):
        head = text.lstrip()[:500].lower()
        if name == "<stdin>" and (
            head.startswith("<!doctype html") or head.startswith("<html") or "<p>" in head
        ):
            return "html"
        if name == "<stdin>" and head.startswith("# "):
            return "markdown"
    return "text"


def parse(
    text: str, source: str = "<text>", path: Path | None = None, fmt: str | None = None
) -> Article:
    """Builds an Article from decoded text."""
    fmt = fmt or detect_format(text, source)
    if not text.strip():
        raise InputError(f"{source}: is empty")
    units = {"html": html_units, "markdown": markdown_units}.get(fmt, text_units)(text)
    pairs = classify(units)
    if not pairs:
        raise InputError(f"{source}: has no readable text")
    blocks = tuple(make_block(i, kind, body) for i, (kind, body) in enumerate(pairs))
    key = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    return Article(source=source, path=path, blocks=blocks, key=key)


def load(source: str | Path) -> Article:
    """Reads, decodes and parses an article from a path or ``-`` (stdin)."""
    text, name = read_text(source)
    path = None if str(source) == "-" else Path(source)
    return parse(text, name, path)
