"""Loose text made into paragraphs, so the HTML reader sees every paragraph of a page.

The HTML reader (``reader.article.html_units``) reads a container's text only through
the blocks inside it, and a ``<br>`` as a space. Many sites put text beside blocks, or
separate paragraphs with two ``<br>``; this gives each such run its own ``<p>``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bs4 import BeautifulSoup, Tag

BLOCK_LEVEL = frozenset(
    "address article aside blockquote dd div dl dt fieldset figure footer form h1 h2 h3 h4 h5 "
    "h6 header hr li main nav ol p pre section table ul".split()
)
_INLINE = frozenset(
    "a abbr b bdi bdo cite code data dfn em i kbd mark q s samp small span strong sub sup "
    "time u var font br img wbr".split()
)


def loose_text_to_paragraphs(root: BeautifulSoup | Tag) -> None:
    """Text beside blocks in a container, and lines separated by two ``<br>``, become
    ``<p>`` elements (in place)."""
    from bs4 import BeautifulSoup as Soup

    maker = root if isinstance(root, Soup) else Soup("", "html.parser")
    for tag in [root, *root.find_all(True)]:
        if tag.decomposed or tag.name in _INLINE or tag.name in ("pre", "table", "ul", "ol"):
            continue
        children = list(tag.children)
        blocks = any(getattr(c, "name", None) in BLOCK_LEVEL for c in children)
        if not blocks and not _double_break(children):
            continue
        runs = _runs(children)
        if tag.name == "p":  # a p cannot hold p: its pieces go before it, in order
            for run in runs:
                _wrap(maker, run, before=tag)
            tag.decompose()
        else:
            for run in runs:
                _wrap(maker, run, before=run[0])


def _double_break(children: list[Any]) -> bool:
    seen = 0
    for child in children:
        name = getattr(child, "name", None)
        if name == "br":
            seen += 1
            if seen == 2:
                return True
        elif name is not None or str(child).strip():
            seen = 0
    return False


def _runs(children: list[Any]) -> list[list[Any]]:
    """Consecutive inline children with text, cut at blocks and at double line breaks."""
    runs: list[list[Any]] = [[]]
    breaks = 0
    for child in children:
        name = getattr(child, "name", None)
        if name in BLOCK_LEVEL:
            runs.append([])
            breaks = 0
        elif name == "br":
            breaks += 1
            if breaks == 2:
                runs.append([])
            child.extract()
        elif name is None and not str(child).strip():
            runs[-1].append(child)
        else:
            breaks = 0
            runs[-1].append(child)
    return [run for run in runs if any(_has_text(node) for node in run)]


def _has_text(node: Any) -> bool:
    from bs4 import Comment

    if isinstance(node, Comment):
        return False
    return bool((node.get_text() if hasattr(node, "get_text") else str(node)).strip())


def _wrap(maker: BeautifulSoup, run: list[Any], before: Any) -> None:
    para = maker.new_tag("p")
    before.insert_before(para)
    for node in run:
        para.append(node.extract())
