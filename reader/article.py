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

Markdown (markdown-it tokens) and HTML (beautifulsoup4) give headings and paragraphs
from their markup; see ``markdown_units`` and ``html_units``. Whatever the format, the
text is cleaned of control characters first (``textio.clean``), and a file's companions
(reference translation, curated glossary) are found by ``companion_path``.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from reader import sentences as sentence_splitter
from reader.errors import InputError
from reader.textio import clean, decode_text, read_bytes

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

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
    """A loaded article: where it came from, its blocks, a key that identifies its text, and
    warnings about how it was read."""

    source: str
    path: Path | None
    blocks: tuple[Block, ...]
    key: str
    warnings: tuple[str, ...] = ()
    """Things the reader should be told, such as an unsure guess of the text encoding."""

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
    listed: bool = False
    """A list item: a paragraph, never the lede."""


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
    if (
        len(rest) >= 2
        and kinds[0] == "paragraph"
        and rest[0].hint != "heading"
        and not rest[0].listed
    ):
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

_SPACES = re.compile(r"[ \t\n\r\f\v]{2,}|[\t\n\r\f\v]")  # a lone space needs no change


def _collapse(text: str) -> str:
    """Collapses runs of ASCII whitespace; unlike str.split, keeps no-break spaces (2\u00a0%).

    Cleaned again because entities (&#27;) can decode to control characters."""
    return clean(_SPACES.sub(" ", text)).strip()


# Line breaks, pictures and raw HTML inline may stand between two words, so they leave a
# space; footnote marks and any other non-text token leave nothing.
_MD_SPACED_INLINE = frozenset({"image", "html_inline", "softbreak", "hardbreak"})
# Block containers whose content is not prose: tables and footnote definitions.
_MD_SKIPPED_BLOCKS = {"table_open": "table_close", "footnote_block_open": "footnote_block_close"}


@cache
def _md_parser() -> MarkdownIt:
    # Imported here, not at the top: only Markdown files need it, and start-up time counts.
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin
    from mdit_py_plugins.front_matter import front_matter_plugin

    return MarkdownIt("commonmark").enable("table").use(front_matter_plugin).use(footnote_plugin)


def _md_inline(children: list[Token] | None) -> str:
    """The prose of an inline token: emphasis and links lose their marks (markdown-it pairs
    them), pictures and footnote references go."""
    parts = []
    for child in children or ():
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in _MD_SPACED_INLINE:
            parts.append(" ")
    return _collapse("".join(parts))


def markdown_units(text: str) -> list[Unit]:
    """Headings and paragraphs (list items and quotes included) from Markdown tokens.

    Front matter, code, tables, footnote definitions and pictures are not prose and go.
    """
    units: list[Unit] = []
    skip_until: str | None = None
    hint: BlockKind | None = None
    lists = 0  # how deep in lists the tokens are
    for token in _md_parser().parse(text):
        if token.type in ("bullet_list_open", "ordered_list_open"):
            lists += 1
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            lists -= 1
        if skip_until is not None:
            if token.type == skip_until:
                skip_until = None
            continue
        if token.type in _MD_SKIPPED_BLOCKS:
            skip_until = _MD_SKIPPED_BLOCKS[token.type]
        elif token.type == "heading_open":
            hint = "heading"
        elif token.type == "paragraph_open":
            hint = "paragraph"
        elif token.type == "inline" and hint is not None:
            words = _md_inline(token.children)
            if words:
                # The first unit is the title whatever its kind (classify's rule).
                units.append(Unit(words, 0, 0, True, hint if units else None, lists > 0))
            hint = None
    return units


# ---------------------------------------------------------------- html

_HTML_BLOCKS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote", "figcaption", "div")
_HTML_OWNERS = ("p", "li", "blockquote", "figcaption")
"""Text inside these is taken with them, never again from a block inside them."""
_HTML_BLOCK_LEVEL = (
    *_HTML_BLOCKS,
    "section",
    "article",
    "main",
    "ul",
    "ol",
    "table",
    "pre",
    "figure",
    "dl",
    "form",
)


def html_units(text: str) -> list[Unit]:
    """Headings and paragraphs from HTML: p, li, blockquote, figcaption, and div leaves."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(text, "html.parser")
    for tag in soup(
        ["script", "style", "nav", "header", "footer", "aside", "noscript", "template"]
    ):
        tag.decompose()
    units: list[Unit] = []
    title_tag = soup.find("h1") or soup.find("title")
    if title_tag is not None:
        units.append(Unit(_collapse(title_tag.get_text(" ")), 0, 0, True))
    for tag in soup.find_all(_HTML_BLOCKS):
        if tag is title_tag or tag.find_parent(_HTML_OWNERS):
            continue
        # A div counts only as a leaf: a div holding blocks gives its text through them.
        if tag.name == "div" and tag.find(_HTML_BLOCK_LEVEL) is not None:
            continue
        words = _collapse(tag.get_text(" "))
        if not words:
            continue
        # The markup says what a block is; only a bare div is left to classify's rules.
        hint: BlockKind | None = (
            "heading" if tag.name[0] == "h" else None if tag.name == "div" else "paragraph"
        )
        units.append(Unit(words, 0, 0, True, hint))
    return [u for u in units if u.text]


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
    text: str,
    source: str = "<text>",
    path: Path | None = None,
    fmt: str | None = None,
    warnings: tuple[str, ...] = (),
) -> Article:
    """Builds an Article from decoded text (cleaned of anything that could drive a terminal)."""
    return _build(clean(text), source, path, fmt, warnings)


def _build(
    text: str, source: str, path: Path | None, fmt: str | None, warnings: tuple[str, ...]
) -> Article:
    fmt = fmt or detect_format(text, source)
    if not text.strip():
        raise InputError(f"{source}: has no text")
    units = {"html": html_units, "markdown": markdown_units}.get(fmt, text_units)(text)
    pairs = classify(units)
    if not pairs:
        raise InputError(f"{source}: has no readable text")
    blocks = tuple(make_block(i, kind, body) for i, (kind, body) in enumerate(pairs))
    key = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    return Article(source=source, path=path, blocks=blocks, key=key, warnings=warnings)


def from_blocks(
    pairs: Sequence[tuple[str, str]],
    source: str,
    path: Path | None = None,
    key: str | None = None,
) -> Article:
    """An Article from blocks already read and classified, as (kind, text) pairs: a text
    stored in the library or the chapters of a book. The same blocks come back whatever
    the classification rules become; sentences are split as for any article. ``key``
    defaults to a hash of the blocks."""
    blocks: list[Block] = []
    for kind, text in pairs:
        if kind not in BLOCK_KINDS:
            raise InputError(f"{source}: unknown block kind {kind!r}")
        body = clean(text)  # a no-op on text the reader read; stored text could be edited
        if body.strip():
            blocks.append(make_block(len(blocks), kind, body))
    if not blocks:
        raise InputError(f"{source}: has no readable text")
    if key is None:
        joined = "\n".join(f"{b.kind}\t{b.text}" for b in blocks)
        key = hashlib.sha256(joined.encode("utf-8")).hexdigest()[:16]
    return Article(source=source, path=path, blocks=tuple(blocks), key=key)


def load(source: str | Path) -> Article:
    """Reads, decodes and parses an article from a path or ``-`` (stdin)."""
    data, name = read_bytes(source)
    if not data:
        raise InputError(f"{name}: is empty")
    decoded = decode_text(data, name)  # already cleaned
    path = None if str(source) == "-" else Path(source)
    return _build(decoded.text, name, path, None, decoded.warnings)


# ---------------------------------------------------------------- companion files

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".xhtml")


def companion_path(article_path: Path | None, suffix: str) -> Path | None:
    """The file that goes with an article: ``NAME.fr.txt`` (or ``NAME.txt``, ``.md``,
    ``.html`` …, with or without ``.fr``) pairs with ``NAME`` + ``suffix``, for example
    ``.en.txt`` (the reference translation) or ``.glossary.toml`` (the curated glossary).
    None for stdin."""
    if article_path is None:
        return None
    stem = article_path.name
    for known in ARTICLE_SUFFIXES:
        if stem.lower().endswith(known):
            stem = stem[: -len(known)]
            break
    if stem.lower().endswith(".fr"):
        stem = stem[:-3]
    return article_path.with_name(f"{stem}{suffix}")
