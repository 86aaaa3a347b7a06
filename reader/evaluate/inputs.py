"""What eval reads: an article and its reference block for block, or two files of aligned
lines (``--lines``: one sentence per line, as MT test sets come)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from reader import article as article_model
from reader.article import Article, make_block
from reader.errors import InputError
from reader.textio import decode_text, read_bytes


def load_reference(article: Article, path: Path) -> list[str]:
    """The reference's blocks; it must follow the article block for block."""
    reference = article_model.load(path)
    if len(reference.blocks) != len(article.blocks):
        raise InputError(
            f"{path}: has {len(reference.blocks)} blocks but the article has "
            f"{len(article.blocks)}; it must follow the article block for block"
        )
    return [b.text for b in reference.blocks]


def read_lines(path: str | Path) -> list[str]:
    """The lines of a text file (decoded, cleaned, without the final newline's empty line)."""
    data, name = read_bytes(path)
    text = decode_text(data, name).text
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not any(line.strip() for line in lines):
        raise InputError(f"{name}: has no text")
    return [" ".join(line.split()) for line in lines]


def lines_article(path: str | Path) -> Article:
    """One block per line, in order, with no title or heading guessing (a test set's
    first line is a sentence like the others); an empty line is an empty block."""
    lines = read_lines(path)
    blocks = tuple(make_block(i, "paragraph", line) for i, line in enumerate(lines))
    key = hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()[:16]
    source = "<stdin>" if str(path) == "-" else str(path)
    return Article(source, None if source == "<stdin>" else Path(path), blocks, key)


def lines_reference(article: Article, path: Path) -> list[str]:
    """The reference lines, aligned with the article's lines."""
    lines = read_lines(path)
    if len(lines) != len(article.blocks):
        raise InputError(
            f"{path}: has {len(lines)} lines but {article.source} has {len(article.blocks)}; "
            "with --lines they must be aligned line for line"
        )
    return lines
