"""The article view: one row per block, French beside English, virtualised.

Only the lines on screen are rendered (Textual's line API), so a whole book
scrolls as smoothly as a short article. The view owns the reading keys.
"""

from __future__ import annotations

import itertools
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.app.layout import GUTTER, Columns, RowLayout, Span, layout_row, offsets
from reader.article import Article, Block

if TYPE_CHECKING:  # keeps sqlite3 and the cache out of start-up
    from reader.translation import BlockTranslation

PLACEHOLDER_PENDING = "…"
PLACEHOLDER_HIDDEN = "· · ·  (space reveals the English)"


@dataclass(frozen=True)
class English:
    """A block's English as shown: the text, its sentence spans and the engine label."""

    text: str
    sentences: tuple[Span, ...]
    label: str

    @classmethod
    def of(cls, translation: BlockTranslation) -> English:
        spans: list[Span] = []
        parts: list[str] = []
        pos = 0
        for sentence in translation.sentences:
            if parts and sentence:
                pos += 1
            spans.append((pos, pos + len(sentence)))
            if sentence:
                parts.append(sentence)
                pos += len(sentence)
        return cls(" ".join(parts), tuple(spans), translation.label)


@dataclass(frozen=True)
class Mark:
    """A styled range in a block's French (``lang='fr'``) or English text."""

    lang: str
    start: int
    end: int
    component: str
    key: str = ""
    """What the range stands for (a glossary entry's key), for clicks."""


class ArticleView(ScrollView, can_focus=True):
    """Rows of French and English with a current block and, within it, a current sentence."""

    COMPONENT_CLASSES = {
        "article-view--title",
        "article-view--heading",
        "article-view--lede",
        "article-view--english",
        "article-view--stacked-english",
        "article-view--current",
        "article-view--sentence",
        "article-view--label",
        "article-view--placeholder",
        "article-view--term",
        "article-view--hit",
    }
    DEFAULT_CSS = """
    ArticleView { background: $surface; }
    ArticleView > .article-view--title { text-style: bold; }
    ArticleView > .article-view--heading { text-style: bold; color: $accent; }
    ArticleView > .article-view--lede { text-style: italic; }
    ArticleView > .article-view--english { }
    ArticleView > .article-view--stacked-english { color: $text-primary; }
    ArticleView > .article-view--current { background: $primary 12%; }
    ArticleView > .article-view--sentence { background: $secondary 45%; }
    ArticleView > .article-view--label { color: $text-disabled; text-style: italic; }
    ArticleView > .article-view--placeholder { color: $text-muted; }
    ArticleView > .article-view--term { text-style: underline; }
    ArticleView > .article-view--hit { background: $warning 45%; text-style: bold underline; }
    """
    BINDINGS = [
        Binding("down,j", "move(1)", "Next", show=True, key_display="j/↓"),
        Binding("up,k", "move(-1)", "Previous", show=True, key_display="k/↑"),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("home", "edge(0)", "Top", show=False),
        Binding("end", "edge(1)", "Bottom", show=False),
        Binding("space", "toggle_english", "Reveal", show=True),
        Binding("h", "hide_all", "Hide English", show=False),
        Binding("t", "next_term", "Next term", show=False),
        Binding(
            "right_square_bracket", "sentence(1)", "Next sentence", show=False, key_display="]"
        ),
        Binding(
            "left_square_bracket", "sentence(-1)", "Previous sentence", show=False, key_display="["
        ),
    ]

    mode: reactive[str] = reactive("both")
    current: reactive[int] = reactive(0)
    sentence: reactive[int | None] = reactive(None)

    class CurrentChanged(Message):
        """The current block changed (the app saves the reading position)."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    class MarkClicked(Message):
        """A marked range (a glossary term) was clicked."""

        def __init__(self, key: str) -> None:
            super().__init__()
            self.key = key

    def __init__(self, article: Article, **kwargs) -> None:
        super().__init__(**kwargs)
        self.article = article
        self.english: dict[int, English] = {}
        self.hidden: set[int] = set()
        self.marks: dict[int, list[Mark]] = {}
        self._columns: Columns | None = None
        self._rows: list[RowLayout] = []
        self._offsets: list[int] = [0]
        self._term = -1  # which of the current block's terms `t` last opened

    # ------------------------------------------------------------ data in

    def set_english(self, translations: Iterable[BlockTranslation]) -> None:
        changed = []
        for t in translations:
            self.english[t.index] = English.of(t)
            changed.append(t.index)
        self._relayout(changed)

    def english_texts(self) -> dict[int, str]:
        """The English shown so far, by block index."""
        return {index: english.text for index, english in self.english.items()}

    def clear_english(self) -> None:
        self.english.clear()
        self._relayout(None)

    def set_marks(self, marks: dict[int, list[Mark]]) -> None:
        self.marks = marks
        self.refresh()

    # ------------------------------------------------------------ layout

    def _en_text(self, index: int) -> str | None:
        if index in self.hidden:
            return PLACEHOLDER_HIDDEN
        english = self.english.get(index)
        return english.text if english is not None else PLACEHOLDER_PENDING

    def _relayout(self, indices: Iterable[int] | None) -> None:
        """Lays out every row (``None``) or just ``indices``, keeping the reader's place."""
        width = self.scrollable_content_region.width or self.size.width
        if width <= 0:
            return
        columns = Columns.for_width(width, self.mode)
        anchor = self._anchor()
        blocks = self.article.blocks
        if indices is None or columns != self._columns or len(self._rows) != len(blocks):
            self._columns = columns
            self._rows = [layout_row(b.text, self._en_text(b.index), columns) for b in blocks]
        else:
            for i in indices:
                self._rows[i] = layout_row(blocks[i].text, self._en_text(i), columns)
        self._offsets = offsets(self._rows)
        self.virtual_size = Size(width, self._offsets[-1])
        self._restore(anchor)
        self.refresh()

    def _anchor(self) -> tuple[int, int] | None:
        if not self._rows:
            return None
        y = int(self.scroll_y)
        row = self.row_at(y)
        return row, y - self._offsets[row]

    def _restore(self, anchor: tuple[int, int] | None) -> None:
        if anchor is None:
            return
        row, within = anchor
        if row < len(self._rows):
            target = self._offsets[row] + min(within, self._rows[row].height - 1)
            self.set_scroll(None, target)

    def row_at(self, y: int) -> int:
        """The index of the block drawn at virtual line ``y``."""
        return max(0, min(len(self._rows) - 1, bisect_right(self._offsets, y) - 1))

    def row_top(self, index: int) -> int:
        return self._offsets[index] if index < len(self._offsets) else 0

    def on_resize(self, event: events.Resize) -> None:
        self._relayout(None)

    def watch_mode(self, mode: str) -> None:
        self._relayout(None)
        self.call_after_refresh(self.scroll_to_current, animate=False)

    def watch_current(self, index: int) -> None:
        self.sentence = None
        self.refresh()
        self.post_message(self.CurrentChanged(index))

    def watch_sentence(self) -> None:
        self.refresh()

    # ------------------------------------------------------------ rendering

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.size.width
        virtual_y = y + scroll_y
        columns = self._columns
        if columns is None or not self._rows or virtual_y >= self._offsets[-1]:
            return Strip.blank(width, self.rich_style)
        index = self.row_at(virtual_y)
        line = virtual_y - self._offsets[index]
        strip = Strip(self._row_line(index, line, columns), width)
        return strip.crop(scroll_x, scroll_x + width).extend_cell_length(width, self._base(index))

    def _base(self, index: int) -> Style:
        if index == self.current:
            # Not partial: Textual blends the translucent background over ours.
            return self.rich_style + self.get_component_rich_style(
                "article-view--current", partial=False
            )
        return self.rich_style

    def _row_line(self, index: int, line: int, columns: Columns) -> list[Segment]:
        row = self._rows[index]
        base = self._base(index)
        block = self.article.blocks[index]
        if line == row.height - 1:
            return self._separator(index, columns, base)
        if columns.mode == "both" and not columns.stacked:
            left = self._cell(block, "fr", row.fr, line, columns.fr_width, base)
            right = self._cell(block, "en", row.en, line, columns.en_width, base)
            return [*left, Segment(" " * GUTTER, base), *right]
        if columns.mode == "english" or (columns.stacked and line >= len(row.fr)):
            offset = len(row.fr) if columns.mode == "both" else 0
            return self._cell(block, "en", row.en, line - offset, columns.width, base)
        return self._cell(block, "fr", row.fr, line, columns.width, base)

    def _separator(self, index: int, columns: Columns, base: Style) -> list[Segment]:
        english = self.english.get(index)
        if columns.mode == "french" or english is None or not english.label:
            return [Segment(" " * columns.width, base)]
        label = english.label.split(" ", 1)[0]  # the name; the version is in the status bar
        style = base + self.get_component_rich_style("article-view--label", partial=True)
        return [
            Segment(" " * max(0, columns.width - len(label) - 1), base),
            Segment(label, style),
            Segment(" ", base),
        ]

    def _cell(
        self, block: Block, lang: str, lines: list[Span], line: int, width: int, base: Style
    ) -> list[Segment]:
        if line < 0 or line >= len(lines):
            return [Segment(" " * width, base)]
        start, end = lines[line]
        if lang == "fr":
            text = block.text
            sentence_spans = [(s.start, s.end) for s in block.sentences]
        else:
            english = self.english.get(block.index)
            placeholder = english is None or block.index in self.hidden
            text = self._en_text(block.index) or ""
            sentence_spans = list(english.sentences) if english and not placeholder else []
            if placeholder:
                style = base + self.get_component_rich_style(
                    "article-view--placeholder", partial=True
                )
                piece = text[start:end]
                return [Segment(piece, style), Segment(" " * max(0, width - len(piece)), base)]
        kind_style = base + self._kind_style(block, lang)
        ranges: list[tuple[int, int, Style]] = []
        if (
            block.index == self.current
            and self.sentence is not None
            and self.sentence < len(sentence_spans)
        ):
            a, b = sentence_spans[self.sentence]
            ranges.append((a, b, self._overlay("article-view--sentence")))
        for mark in self.marks.get(block.index, ()):
            if mark.lang == lang:
                ranges.append((mark.start, mark.end, self._overlay(mark.component)))
        segments = _styled(text, start, end, kind_style, ranges)
        used = sum(s.cell_length for s in segments)
        segments.append(Segment(" " * max(0, width - used), base))
        return segments

    def _overlay(self, component: str) -> Style:
        """A range style; its background (if any) blended, its colour left to the text's own."""
        full = self.get_component_rich_style(component, partial=False)
        partial = self.get_component_rich_style(component, partial=True)
        return partial + Style(bgcolor=full.bgcolor) if partial.bgcolor is not None else partial

    def _kind_style(self, block: Block, lang: str) -> Style:
        style = Style()
        if lang == "en":
            # Stacked, the English sits under the French: a colour tells them apart.
            stacked = self._columns is not None and self._columns.stacked
            style = self.get_component_rich_style(
                "article-view--stacked-english" if stacked else "article-view--english",
                partial=True,
            )
        component = {
            "title": "article-view--title",
            "heading": "article-view--heading",
            "lede": "article-view--lede",
        }.get(block.kind)
        return (
            style + self.get_component_rich_style(component, partial=True) if component else style
        )

    # ------------------------------------------------------------ actions

    def scroll_to_current(self, animate: bool = False) -> None:
        if not self._rows:
            return
        top = self.row_top(self.current)
        bottom = top + self._rows[self.current].height
        height = self.scrollable_content_region.height
        if top < self.scroll_y:
            self.scroll_to(y=top, animate=animate)
        elif bottom > self.scroll_y + height:
            self.scroll_to(
                y=max(top, bottom - height) if bottom - top > height else bottom - height,
                animate=animate,
            )

    def go_to(self, index: int, top: bool = False) -> None:
        """Makes block ``index`` current and brings it on screen (to the top if asked)."""
        self.current = max(0, min(len(self.article.blocks) - 1, index))
        if top:
            self.scroll_to(y=self.row_top(self.current), animate=False)
        else:
            self.scroll_to_current()

    def action_move(self, step: int) -> None:
        self.go_to(self.current + step)

    def action_page(self, direction: int) -> None:
        height = max(1, self.scrollable_content_region.height - 1)
        target = max(0, min(self.max_scroll_y, int(self.scroll_y) + direction * height))
        self.scroll_to(y=target, animate=False)
        self.current = self.row_at(target)

    def action_edge(self, end: int) -> None:
        if end:
            self.scroll_end(animate=False)
            self.current = len(self.article.blocks) - 1
        else:
            self.scroll_home(animate=False)
            self.current = 0

    def action_toggle_english(self) -> None:
        self.hidden.symmetric_difference_update({self.current})
        self._relayout([self.current])

    def action_hide_all(self) -> None:
        """Learner mode: hide all English, or show it all again if some is hidden."""
        if self.hidden:
            self.hidden.clear()
        else:
            self.hidden = {b.index for b in self.article.blocks}
        self._relayout(None)

    def action_sentence(self, step: int) -> None:
        count = len(self.article.blocks[self.current].sentences)
        if self.sentence is None:
            self.sentence = 0 if step > 0 else count - 1
        else:
            self.sentence = (self.sentence + step) % count

    def action_next_term(self) -> None:
        """Keyboard selection of a marked term: steps through the current block's terms."""
        keys = list(
            dict.fromkeys(
                m.key
                for m in sorted(
                    self.marks.get(self.current, ()), key=lambda m: (m.lang != "fr", m.start)
                )
                if m.key
            )
        )
        if not keys:
            self.notify("No glossary term in this block.", timeout=3)
            return
        self._term = (self._term + 1) % len(keys)
        self.post_message(self.MarkClicked(keys[self._term]))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or not self._rows:
            return
        index = self.row_at(int(self.scroll_y) + offset.y)
        key = self._mark_at(index, int(self.scroll_y) + offset.y - self.row_top(index), offset.x)
        self.current = index
        if key:
            self.post_message(self.MarkClicked(key))

    def _mark_at(self, index: int, line: int, x: int) -> str | None:
        """The mark under a click, if any (French or English cell)."""
        columns, row = self._columns, self._rows[index]
        if columns is None:
            return None
        lang, spans, column_x = "fr", row.fr, x
        if columns.mode == "english":
            lang, spans = "en", row.en
        elif columns.mode == "both" and not columns.stacked and x >= columns.fr_width + GUTTER:
            lang, spans, column_x = "en", row.en, x - columns.fr_width - GUTTER
        elif columns.stacked and line >= len(row.fr):
            lang, spans, line = "en", row.en, line - len(row.fr)
        if not 0 <= line < len(spans):
            return None
        char = spans[line][0] + column_x
        for mark in self.marks.get(index, ()):
            if mark.lang == lang and mark.key and mark.start <= char < mark.end:
                return mark.key
        return None


def _styled(
    text: str, start: int, end: int, base: Style, ranges: list[tuple[int, int, Style]]
) -> list[Segment]:
    """Segments for ``text[start:end]`` with ``ranges`` layered over ``base``."""
    cuts = {start, end}
    for a, b, _ in ranges:
        if a < end and b > start:
            cuts.update((max(a, start), min(b, end)))
    points = sorted(cuts)
    segments = []
    for a, b in itertools.pairwise(points):
        style = base
        for ra, rb, extra in ranges:
            if ra <= a and b <= rb:
                style += extra
        segments.append(Segment(text[a:b], style))
    return segments
