"""Rendering a translated article for the CLI: Rich text, Markdown or JSON."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence

from rich.console import Console
from rich.table import Table
from rich.text import Text

from reader.article import Article
from reader.translation import BlockTranslation

TWO_COLUMNS_MIN_WIDTH = 100
_STYLE = {"title": "bold", "heading": "bold underline", "lede": "italic", "paragraph": ""}


def labels(english: Sequence[BlockTranslation]) -> str:
    """Whose English it is: the engines' labels, then how many sentences are the reader's."""
    text = ", ".join(sorted({en.label for en in english}))
    yours = sum(en.yours for en in english)
    if yours:
        text += f"; yours in {yours} sentence{'s' * (yours != 1)}"
    return text


def to_json(article: Article, english: Sequence[BlockTranslation]) -> str:
    blocks = []
    for block, en in zip(article.blocks, english, strict=True):
        blocks.append(
            {
                "index": block.index,
                "kind": block.kind,
                "fr": block.text,
                "en": en.text,
                "engine": en.engine,
                "engine_version": en.version,
                "sentences": [
                    _sentence_json(s.text, e, en, i)
                    for i, (s, e) in enumerate(zip(block.sentences, en.sentences, strict=True))
                ],
            }
        )
    doc = {"source": article.source, "title": article.title, "blocks": blocks}
    return json.dumps(doc, ensure_ascii=False, indent=2)


def _sentence_json(fr: str, en: str, block: BlockTranslation, i: int) -> dict[str, object]:
    """One sentence: its French, English, glossary terms and unknown words (offsets in ``en``),
    and whose English it is: ``origin`` "engine" (the block's engine) or "yours" (the
    reader's own, with the engine's English it stands in for as ``engine_en``)."""
    sentence: dict[str, object] = {
        "fr": fr,
        "en": en,
        "origin": block.origin(i),
        "terms": [
            {"key": t.key, "start": t.start, "end": t.end, "status": t.status}
            for t in block.sentence_terms(i)
        ],
        "unknown": [[a, b] for a, b in block.sentence_unknown(i)],
    }
    if block.is_yours(i):
        sentence["engine_en"] = block.machine_english(i)
    return sentence


# Backslash escapes are CommonMark's way to say "this character is text". Inline: what
# opens emphasis, code, links, HTML and entities. At the start of a line: what opens a
# heading, a list item or a thematic break (« # 1 au classement », « 1. Premier point »).
_MARKDOWN_INLINE = re.compile(r"([\\`*_\[\]<>&~])")
_MARKDOWN_LINE_START = re.compile(r"^(?:([#+-])|(\d{1,9})([.)])(?=\s|$))")


def markdown_text(text: str) -> str:
    """``text`` as Markdown that renders as exactly that text (one line, as blocks are)."""
    text = _MARKDOWN_INLINE.sub(r"\\\1", text)
    return _MARKDOWN_LINE_START.sub(
        lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", text, count=1
    )


def to_markdown(article: Article, english: Sequence[BlockTranslation]) -> str:
    lines: list[str] = []
    for block, en in zip(article.blocks, english, strict=True):
        mark = {"title": "# ", "heading": "## "}.get(block.kind, "")
        lines.append(f"{mark}{markdown_text(block.text)}")
        lines.append("")
        if en.text:
            lines.append(f"> {mark}{markdown_text(en.text)}")
            lines.append("")
    lines.append(f"*English: {markdown_text(labels(english))}*")
    return "\n".join(lines) + "\n"


def print_text(console: Console, article: Article, english: Sequence[BlockTranslation]) -> None:
    """Two columns when the terminal is wide enough, French over English otherwise."""
    label = labels(english)
    if console.width >= TWO_COLUMNS_MIN_WIDTH:
        table = Table(
            show_header=True,
            header_style="bold",
            expand=True,
            show_lines=False,
            box=None,
            padding=(0, 2, 1, 0),
        )
        table.add_column("Français", ratio=1)
        table.add_column(f"English ({label})", ratio=1)
        for block, en in zip(article.blocks, english, strict=True):
            style = _STYLE[block.kind]
            table.add_row(Text(block.text, style=style), english_text(en, style))
        console.print(table)
    else:
        for block, en in zip(article.blocks, english, strict=True):
            style = _STYLE[block.kind]
            console.print(Text(block.text, style=style))
            if en.text:
                console.print(english_text(en, f"{style} cyan".strip()))
            console.print()
    console.print(Text(f"English: {label}", style="dim"))


YOURS_MARK = "✎ "
"""Before a sentence whose English is the reader's own, on a terminal (not in a pipe)."""


def english_text(en: BlockTranslation, style: str = "") -> Text:
    """A block's English for the terminal: glossary terms underlined, unknown words dimmed,
    the reader's own English after ``YOURS_MARK`` and in italics."""
    text = Text(style=style)
    for i, sentence in enumerate(en.sentences):
        if not sentence:
            continue
        if len(text):
            text.append(" ")
        if en.is_yours(i):
            text.append(YOURS_MARK + sentence, "italic")
            continue
        offset = len(text)
        text.append(sentence)
        for a, b in en.sentence_unknown(i):
            text.stylize("dim", offset + a, offset + b)
        for term in en.sentence_terms(i):
            if term.start is not None and term.end is not None:
                text.stylize("underline", offset + term.start, offset + term.end)
    return text


def to_plain(article: Article, english: Sequence[BlockTranslation]) -> str:
    """For a pipe or a file: each block's French, then its English, unwrapped."""
    lines: list[str] = []
    for block, en in zip(article.blocks, english, strict=True):
        lines.append(block.text)
        if en.text:
            lines.append(en.text)
        lines.append("")
    lines.append(f"English: {labels(english)}")
    return "\n".join(lines) + "\n"
