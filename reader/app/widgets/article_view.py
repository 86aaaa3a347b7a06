"""The article view: one row per block, French beside English, virtualised.

Only the lines on screen are rendered (Textual's line API), so a whole book
scrolls as smoothly as a short article. The view owns the reading keys. Row
geometry comes from ``layout.cells``/``locate``, marks from ``reader.app.marks``;
the view only maps them to its component classes.

The current block is shown by a bar in the left margin as well as a background,
and the current sentence is bold as well as tinted: in 256 or 16 colours the
backgrounds can round to the same colour, the bar and the bold cannot. For the
same reason the word cursor (``→``/``←``, for lookups) is reversed and underlined.
The French being said aloud (``speaking``, issue 17) is tinted and italic, with ``♫`` in
the margin of its lines: under the marks and the cursor, which stay visible over it.
New and learning words (``word_marks``, issue 15) are coloured, never tinted, so every
other mark shows through them. The reader's own English (issue 21) is drawn after a ✎
(``reader.app.yours``), and the block's engine label says it holds theirs. Subtitles show
each block's start time dim in a margin of their own, left of the bar (``margin_labels``,
issue 23). Shift+→/← extend a selection of words from the word cursor (issue 22: a phrase
to look up or give a status), drawn reversed; a learning phrase is tinted over its words,
whose own marks stay visible inside.
"""

from __future__ import annotations

import itertools
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.app import yours
from reader.app.cursor import WordCursor
from reader.app.layout import (
    Columns,
    RowLayout,
    Span,
    cells,
    drawn,
    layout_row,
    locate,
    offsets,
    width_of,
)
from reader.app.marks import Mark
from reader.article import Article, Block

if TYPE_CHECKING:  # keeps sqlite3 and the cache out of start-up
    from reader.translation import BlockTranslation

PLACEHOLDER_PENDING = "…"
PLACEHOLDER_FAILED = "(no translation)"
PLACEHOLDER_HIDDEN = "· · ·  (space reveals the English)"
MARGIN = 1
"""Cells left of the text: the current block's bar."""
CURRENT_BAR = "▌"
SPEAKING_BAR = "♫"
"""The margin of the lines being said aloud (narrow in every terminal, unlike ♪)."""

_MOVE = Binding.Group("Move", compact=True)


class ArticleView(ScrollView, can_focus=True):
    """Rows of French and English with a current block and, within it, a current sentence."""

    COMPONENT_CLASSES = {
        "article-view--title",
        "article-view--heading",
        "article-view--lede",
        "article-view--english",
        "article-view--stacked-english",
        "article-view--current",
        "article-view--bar",
        "article-view--sentence",
        "article-view--label",
        "article-view--placeholder",
        "article-view--term",
        "article-view--hit",
        "article-view--current-hit",
        "article-view--failed",
        "article-view--unknown",
        "article-view--word",
        "article-view--speaking",
        "article-view--yours",
        # Word statuses (see DEFAULT_CSS)
        "article-view--new",
        "article-view--learning-1",
        "article-view--learning-2",
        "article-view--learning-3",
        "article-view--learning-4",
        "article-view--phrase",
        "article-view--selection",
    }
    DEFAULT_CSS = """
    ArticleView {
        background: $surface;
        padding: 0 1 0 0;
        & > .article-view--title { text-style: bold; }
        & > .article-view--heading { text-style: bold; color: $accent; }
        & > .article-view--lede { text-style: italic; }
        & > .article-view--english { }
        & > .article-view--stacked-english { color: $text-primary; }
        & > .article-view--current { background: $primary 12%; }
        & > .article-view--bar { color: $accent; }
        & > .article-view--sentence { background: $secondary 45%; text-style: bold; }
        & > .article-view--label { color: $text-disabled; text-style: italic; }
        & > .article-view--placeholder { color: $text-muted; }
        & > .article-view--term { text-style: underline; }
        & > .article-view--hit { background: $warning 45%; text-style: bold underline; }
        & > .article-view--current-hit { text-style: reverse bold; }
        & > .article-view--failed { text-style: underline; color: $error; }
        /* Without colour the error colour is a dim grey and the underline a term's: italic
           tells a flagged sentence apart (QA 2026-12-01 Q21). */
        &:nocolor > .article-view--failed { text-style: italic underline; color: $text; }
        & > .article-view--unknown { text-style: dim italic; }
        & > .article-view--word { text-style: reverse underline; }
        & > .article-view--speaking { background: $success 40%; text-style: bold italic; }
        /* The reader's own English: after its ✎ mark (the mark tells it in every palette and
           without colour), in the success colour where there is colour. */
        & > .article-view--yours { color: $text-success; }
        /* Word statuses: a colour for each, bold for the least familiar, never underline
           (terms) or reverse (the cursor) and no background (the sentence's and the hits'
           stay readable). The colours round to five distinct ones in 16 colours (bright
           blue, bright red, yellow, bright yellow, bright green); without colour, new
           words are italic and learning ones bold italic. */
        & > .article-view--new { color: $primary-lighten-2; }
        & > .article-view--learning-1 { color: $error-lighten-2; text-style: bold; }
        & > .article-view--learning-2 { color: $warning-darken-1; text-style: bold; }
        & > .article-view--learning-3 { color: $warning-lighten-2; }
        & > .article-view--learning-4 { color: $success-lighten-1; }
        &:nocolor > .article-view--new { text-style: italic; }
        &:nocolor > .article-view--learning-1, &:nocolor > .article-view--learning-2,
        &:nocolor > .article-view--learning-3, &:nocolor > .article-view--learning-4 {
            text-style: bold italic;
        }
        /* A learning phrase (issue 22): a tint over its words, whose colours show through;
           underlined where there is no colour. The selection is reversed, as the cursor. */
        & > .article-view--phrase { background: $accent 30%; }
        &:nocolor > .article-view--phrase { text-style: underline; }
        & > .article-view--selection { text-style: reverse; }
    }
    """
    BINDINGS = [
        # One footer label for both: the footer must fit 80 columns with l, g, ? and q.
        Binding("down,j", "move(1)", "Next", key_display="j/↓", group=_MOVE),
        Binding("up,k", "move(-1)", "Previous", key_display="k/↑", group=_MOVE),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("home", "edge(0)", "Top", show=False),
        Binding("end", "edge(1)", "Bottom", show=False),
        Binding("space", "toggle_english", "Hide/Reveal"),
        Binding("h", "hide_all", "Hide all English (again: show all)", show=False),
        Binding("t", "next_term", "Next term", show=False),
        Binding(
            "right_square_bracket", "sentence(1)", "Next sentence", show=False, key_display="]"
        ),
        Binding(
            "left_square_bracket", "sentence(-1)", "Previous sentence", show=False, key_display="["
        ),
        Binding("right", "word(1)", "Next word", show=False, key_display="→"),
        Binding("left", "word(-1)", "Previous word", show=False, key_display="←"),
        Binding("shift+right", "extend(1)", "Select words (a phrase)", show=False),
        Binding("shift+left", "extend(-1)", "Select words, backwards", show=False),
        Binding("l,enter", "lookup", "Look up", key_display="l"),
    ]

    mode: reactive[str] = reactive("both")
    current: reactive[int] = reactive(0)
    sentence: reactive[int | None] = reactive(None)
    word: reactive[int | None] = reactive(None)
    """The word cursor: an index into ``words(current)``, None until ←/→, l or a click."""
    without_english: reactive[bool] = reactive(False)
    """The engine gives no English (``none``): French only, at full width, whatever the mode."""
    speaking: reactive[tuple[int, Mark] | None] = reactive(None)
    """The French being said aloud: (block, a ``speaking`` mark), None when silent."""

    class CurrentChanged(Message):
        """The current block changed (the screen saves the reading position)."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    class LookupRequested(Message):
        """Look up the French word at ``start:end`` of block ``index`` (l, Enter or a click)."""

        def __init__(self, index: int, start: int, end: int) -> None:
            super().__init__()
            self.index = index
            self.start = start
            self.end = end

    class MarkClicked(Message):
        """A marked range (a glossary term) was clicked."""

        def __init__(self, key: str) -> None:
            super().__init__()
            self.key = key

    def __init__(
        self, article: Article, margin_labels: dict[int, str] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(**kwargs)
        self.article = article
        self.margin_labels = margin_labels or {}
        """A label by block (a subtitle's start time), shown dim left of its first line."""
        self.label_width = max(map(len, self.margin_labels.values()), default=-1) + 1
        self.english: dict[int, BlockTranslation] = {}
        self._yours: set[int] = set()
        """The blocks whose English holds the reader's own (``reader.app.yours``)."""
        self.hidden: set[int] = set()
        self.marks: dict[int, list[Mark]] = {}
        self.placeholder = PLACEHOLDER_PENDING
        self.columns: Columns | None = None
        self._rows: list[RowLayout] = []
        self._offsets: list[int] = [0]
        self._laid_width = 0
        self._pinned: int | None = None
        """A block kept at the top through re-layouts (a restored position) until the reader moves."""
        self._term = -1  # which of the current block's terms `t` last opened
        self.cursor = WordCursor(article)
        """Where the words are and where ←/→ go (the arithmetic; the view keeps the state)."""
        self.select_from: int | None = None
        """Where the selection of words (shift+→/←) started: a word of the current block."""
        self.word_marks: Callable[[int], Sequence[Mark]] = lambda index: ()
        """A block's word-status marks (its French), drawn over the sentence and under the
        glossary's marks and the cursor; the screen sets it once they are known."""

    # ------------------------------------------------------------ data in

    def set_english(self, translations: Iterable[BlockTranslation]) -> None:
        changed = []
        for t in translations:
            self.english[t.index] = t
            changed.append(t.index)
            if t.yours:
                self._yours.add(t.index)
            else:
                self._yours.discard(t.index)
        self._relayout(changed)  # all of them if the layout mode changed (your English, none)

    def english_texts(self) -> dict[int, str]:
        """The English shown so far, by block index."""
        return {index: t.text for index, t in self.english.items()}

    def set_placeholder(self, text: str) -> None:
        """What blocks without English show: pending (…) or no translation."""
        self.placeholder = text
        self._relayout(i for i in range(len(self.article.blocks)) if i not in self.english)

    def set_marks(self, marks: dict[int, list[Mark]]) -> None:
        self.marks = marks
        self.refresh()

    # ------------------------------------------------------------ layout

    @property
    def layout_mode(self) -> str:
        """The mode drawn: French only when the engine gives no English, unless the reader's
        own English is there for some sentence (it stands ahead of every engine)."""
        return "french" if self.without_english and not self._yours else self.mode

    def _en_text(self, index: int) -> str:
        if index in self.hidden:
            return PLACEHOLDER_HIDDEN
        english = self.english.get(index)
        return yours.shown_text(english) if english is not None else self.placeholder

    def _relayout(self, indices: Iterable[int] | None) -> None:
        """Lays out every row (``None``) or just ``indices``, keeping the reader's place."""
        # From the size set before the Resize event, not the region, which may lag behind it;
        # the scrollbar's cells are always kept, so its appearing never needs a second layout.
        width = self.size.width - self.styles.scrollbar_size_vertical - MARGIN - self.label_width
        if width <= 0:
            return
        columns = Columns.for_width(width, self.layout_mode)
        self._laid_width = self.size.width
        anchor = self._anchor()
        blocks = self.article.blocks
        if indices is None or columns != self.columns or len(self._rows) != len(blocks):
            self.columns = columns
            self._rows = [layout_row(b.text, self._en_text(b.index), columns) for b in blocks]
        else:
            for i in indices:
                self._rows[i] = layout_row(blocks[i].text, self._en_text(i), columns)
        self._offsets = offsets(self._rows)
        self.virtual_size = Size(width + MARGIN + self.label_width, self._offsets[-1])
        if self._pinned is not None:
            self.set_scroll(None, self.row_top(self._pinned))
            self.call_after_refresh(self._keep_pinned)
        else:
            self._restore(anchor)
        self.refresh()

    def _keep_pinned(self) -> None:
        # Textual may clamp the scroll to the old height before the new one is known.
        if self._pinned is not None and self._rows:
            self.set_scroll(None, self.row_top(self._pinned))

    def pin(self, index: int) -> None:
        """Keeps block ``index`` current and at the top while the English is laid out."""
        self.current = max(0, min(len(self.article.blocks) - 1, index))
        self._pinned = self.current
        if self._rows:
            self.set_scroll(None, self.row_top(self.current))

    def _unpin(self) -> None:
        self._pinned = None

    def on_mouse_scroll_down(self) -> None:
        self._unpin()

    def on_mouse_scroll_up(self) -> None:
        self._unpin()

    def _anchor(self) -> tuple[int, int] | None:
        """What to keep in place: the current block if it is on screen, else the top row."""
        if not self._rows:
            return None
        y = int(self.scroll_y)
        height = self.page_height
        top = self.row_top(self.current)
        if y - self._rows[self.current].height < top < y + height:
            return self.current, y - top
        row = self.row_at(y)
        return row, y - self._offsets[row]

    def _restore(self, anchor: tuple[int, int] | None) -> None:
        if anchor is None:
            return
        row, within = anchor
        if row < len(self._rows):
            target = self._offsets[row] + min(within, self._rows[row].height - 1)
            self.set_scroll(None, max(0, target))

    @property
    def page_height(self) -> int:
        """Lines of text on screen (from the size, which is current during a resize)."""
        return max(1, self.size.height - self.scrollbar_size_horizontal)

    def row_at(self, y: int) -> int:
        """The index of the block drawn at virtual line ``y``."""
        return max(0, min(len(self._rows) - 1, bisect_right(self._offsets, y) - 1))

    def row_top(self, index: int) -> int:
        return self._offsets[index] if index < len(self._offsets) else 0

    def visible_rows(self) -> range:
        """The blocks with at least one line on screen."""
        if not self._rows:
            return range(0)
        y = int(self.scroll_y)
        last = self.row_at(y + self.page_height - 1)
        return range(self.row_at(y), last + 1)

    def on_resize(self, event: events.Resize) -> None:
        self._relayout(None)
        self.call_after_refresh(self.scroll_to_current)

    def watch_mode(self, mode: str) -> None:
        self._relayout(None)
        self.call_after_refresh(self.scroll_to_current)

    def watch_without_english(self) -> None:
        self._relayout(None)
        self.call_after_refresh(self.scroll_to_current)

    def watch_current(self, index: int) -> None:
        self.select_from = None
        self.word = None
        self.sentence = None
        self._term = -1
        self.refresh()
        self.post_message(self.CurrentChanged(index))

    def watch_sentence(self, sentence: int | None) -> None:
        # The cursor follows [ and ] into the sentence (when there is a cursor).
        if self.word is not None and sentence is not None:
            if self.cursor.sentence_of(self.current, self.word) != sentence:
                first = self.cursor.first_in(self.current, sentence)
                if first is not None:
                    self.word = first
        self.refresh()

    def watch_word(self, word: int | None) -> None:
        if word is not None:
            sentence = self.cursor.sentence_of(self.current, word)
            if sentence is not None:
                self.sentence = sentence
            self.show_word()
        self.refresh()

    # ------------------------------------------------------------ rendering

    def render_line(self, y: int) -> Strip:
        if self.size.width != self._laid_width:
            # Not every size change sends a Resize (a sibling panel opening may not).
            self._relayout(None)
            self.call_after_refresh(self.scroll_to_current)
        scroll_x, scroll_y = self.scroll_offset
        width = self.size.width
        virtual_y = y + scroll_y
        columns = self.columns
        if columns is None or not self._rows or virtual_y >= self._offsets[-1]:
            return Strip.blank(width, self.rich_style)
        index = self.row_at(virtual_y)
        line = virtual_y - self._offsets[index]
        base = self._base(index)
        bar = (
            Segment(
                CURRENT_BAR,
                base + self.get_component_rich_style("article-view--bar", partial=True),
            )
            if index == self.current
            else Segment(" " * MARGIN, base)
        )
        if self._speaking_on(index, line, columns):
            bar_style = self.get_component_rich_style("article-view--bar", partial=True)
            bar = Segment(SPEAKING_BAR, base + bar_style)
        label = []
        if self.label_width:
            text = self.margin_labels.get(index, "") if line == 0 else ""
            label = [Segment(text.rjust(self.label_width - 1) + " ", base + Style(dim=True))]
        strip = Strip([*label, bar, *self._row_line(index, line, columns, base)], width)
        return strip.crop(scroll_x, scroll_x + width).extend_cell_length(width, base)

    def _base(self, index: int) -> Style:
        if index == self.current:
            # Not partial: Textual blends the translucent background over ours.
            return self.rich_style + self.get_component_rich_style(
                "article-view--current", partial=False
            )
        return self.rich_style

    def _row_line(self, index: int, line: int, columns: Columns, base: Style) -> list[Segment]:
        row = self._rows[index]
        block = self.article.blocks[index]
        shown = cells(columns, row, line)
        if not shown:
            return self._separator(index, columns, base)
        segments: list[Segment] = []
        x = 0
        for cell in shown:
            if cell.x > x:
                segments.append(Segment(" " * (cell.x - x), base))
            spans = row.fr if cell.lang == "fr" else row.en
            segments += self._cell(block, cell.lang, spans, cell.line, cell.width, base)
            x = cell.x + cell.width
        return segments

    def _separator(self, index: int, columns: Columns, base: Style) -> list[Segment]:
        english = self.english.get(index)
        if (
            columns.mode == "french"
            or english is None
            or not english.label
            or not english.text  # none's empty English, beside the reader's own elsewhere
            or index in self.hidden
        ):
            return [Segment(" " * columns.width, base)]
        label = english.label.split(" ", 1)[0]  # the name; the version is in the status bar
        if english.yours:
            label = f"{label} · {yours.YOURS_MARK}yours"
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
        english: BlockTranslation | None = None
        points: tuple[int, ...] = ()
        if lang == "fr":
            text = block.text
            sentence_spans = [(s.start, s.end) for s in block.sentences]
        else:
            english = self.english.get(block.index)
            text = self._en_text(block.index)
            if english is None or block.index in self.hidden:
                style = base + self.get_component_rich_style(
                    "article-view--placeholder", partial=True
                )
                piece = drawn(text[start:end])
                return [Segment(piece, style), Segment(" " * max(0, width - width_of(piece)), base)]
            points = yours.insertions(english)
            sentence_spans = [
                (yours.shift(points, a), yours.shift(points, b, end=True)) for a, b in english.spans
            ]
        kind_style = base + self._kind_style(block, lang)
        ranges: list[tuple[int, int, Style]] = []
        if english is not None and english.yours:
            mine = self._overlay("article-view--yours")
            ranges += [(a, b, mine) for a, b in yours.sentence_ranges(english)]
        if (
            block.index == self.current
            and self.sentence is not None
            and self.sentence < len(sentence_spans)
        ):
            a, b = sentence_spans[self.sentence]
            ranges.append((a, b, self._overlay("article-view--sentence")))
        speaking = self.speaking
        if lang == "fr" and speaking is not None and speaking[0] == block.index:
            ranges.append((speaking[1].start, speaking[1].end, self.mark_style(speaking[1])))
        if lang == "fr":  # only the marks on this line: a block may have a hundred
            for m in self.word_marks(block.index):
                if m.start < end and m.end > start:
                    ranges.append((m.start, m.end, self.mark_style(m)))
        for mark in self.marks.get(block.index, ()):
            if mark.lang == lang == "fr":
                ranges.append((mark.start, mark.end, self.mark_style(mark)))
            elif mark.lang == lang:  # English offsets are the text's: the marks of yours shift them
                a, b = yours.shift(points, mark.start), yours.shift(points, mark.end, end=True)
                ranges.append((a, b, self.mark_style(mark)))
        span = self.word_span() if lang == "fr" and block.index == self.current else None
        selected = self.selection_span() if span is not None else None
        if selected is not None:
            ranges.append((*selected, self._overlay("article-view--selection")))
        if span is not None:
            ranges.append((*span, self._overlay("article-view--word")))
        segments = _styled(text, start, end, kind_style, ranges)
        used = sum(s.cell_length for s in segments)
        segments.append(Segment(" " * max(0, width - used), base))
        return segments

    def _speaking_on(self, index: int, line: int, columns: Columns) -> bool:
        """Whether line ``line`` of block ``index`` shows some of the French said aloud."""
        speaking = self.speaking
        if speaking is None or speaking[0] != index:
            return False
        spans, mark = self._rows[index].fr, speaking[1]
        return any(
            cell.lang == "fr"
            and 0 <= cell.line < len(spans)
            and spans[cell.line][0] < mark.end
            and mark.start < spans[cell.line][1]
            for cell in cells(columns, self._rows[index], line)
        )

    def mark_style(self, mark: Mark) -> Style:
        """The style a mark's kind maps to (``article-view--<kind>``)."""
        kind = "current-hit" if mark.kind == "current" else mark.kind
        return self._overlay(f"article-view--{kind}")

    def _overlay(self, component: str) -> Style:
        """A range style; its background (if any) blended, its colour left to the text's own."""
        full = self.get_component_rich_style(component, partial=False)
        partial = self.get_component_rich_style(component, partial=True)
        return partial + Style(bgcolor=full.bgcolor) if partial.bgcolor is not None else partial

    def _kind_style(self, block: Block, lang: str) -> Style:
        style = Style()
        if lang == "en":
            # Stacked, the English sits under the French: a colour tells them apart.
            stacked = self.columns is not None and self.columns.stacked
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

    def scroll_to_current(self) -> None:
        """Brings the current block on screen; one taller than the screen shows its top."""
        if not self._rows:
            return
        top = self.row_top(self.current)
        bottom = top + self._rows[self.current].height
        height = self.page_height
        if top < self.scroll_y or bottom - top > height:
            # Reading inside a block taller than the screen: stay. A block that fits (after
            # a widening resize, say) shows from its top.
            inside = top <= self.scroll_y < bottom - 1 and bottom - top > height
            if not inside:
                self.scroll_to(y=top, animate=False)
        elif bottom > self.scroll_y + height:
            self.scroll_to(y=bottom - height, animate=False)
        self.show_word()

    def show_word(self) -> None:
        """Brings the word cursor's line on screen (in a block taller than the screen)."""
        span = self.word_span()
        if span is None or not self._rows or self.columns is None:
            return
        row = self._rows[self.current]
        line = next((i for i, (a, b) in enumerate(row.fr) if a <= span[0] < b), None)
        if line is None:
            return
        y = self.row_top(self.current) + line
        if y < self.scroll_y:
            self.scroll_to(y=y, animate=False)
        elif y >= self.scroll_y + self.page_height:
            self.scroll_to(y=y - self.page_height + 1, animate=False)

    def go_to(self, index: int, top: bool = False) -> None:
        """Makes block ``index`` current and brings it on screen (to the top if asked)."""
        self.current = max(0, min(len(self.article.blocks) - 1, index))
        self._unpin()
        if not self._rows:
            self._pinned = self.current  # laid out later: scroll there then
        elif top:
            self.scroll_to(y=self.row_top(self.current), animate=False)
        else:
            self.scroll_to_current()

    def action_move(self, step: int) -> None:
        """Next/previous block; within a block taller than the screen, scrolls it first."""
        self._unpin()
        if self._rows:
            height = self.page_height
            top = self.row_top(self.current)
            bottom = top + self._rows[self.current].height
            y = int(self.scroll_y)
            if step > 0 and top <= y + height and bottom > y + height:
                self.scroll_to(y=min(bottom - height, y + height - 2), animate=False)
                return
            if step < 0 and top < y < bottom:
                self.scroll_to(y=max(top, y - height + 2), animate=False)
                return
        self.go_to(self.current + step)
        if step < 0 and self._rows:
            # Moving back onto a tall block: show its end, where the reader came from.
            height = self.page_height
            top = self.row_top(self.current)
            bottom = top + self._rows[self.current].height
            if bottom - top > height:
                self.scroll_to(y=bottom - height, animate=False)

    def action_page(self, direction: int) -> None:
        """A screenful on; the current block is the first whose text starts on screen."""
        self._unpin()
        height = max(1, self.page_height - 1)
        target = max(0, min(self.max_scroll_y, int(self.scroll_y) + direction * height))
        self.scroll_to(y=target, animate=False)
        row = self.row_at(target)
        if self.row_top(row) < target and row + 1 < len(self._rows):
            if self.row_top(row + 1) < target + height:
                row += 1
        self.current = row

    def action_edge(self, end: int) -> None:
        self._unpin()
        if end:
            self.scroll_end(animate=False)
            self.current = len(self.article.blocks) - 1
        else:
            self.scroll_home(animate=False)
            self.current = 0

    def action_toggle_english(self) -> None:
        self.hidden.symmetric_difference_update({self.current})
        self._relayout([self.current])
        if self.layout_mode == "french":
            shown = "hidden" if self.current in self.hidden else "shown"
            self.notify(f"English of this block {shown} (not visible in French-only mode).")

    def action_hide_all(self) -> None:
        """Learner mode: hide all English when any shows; when all is hidden, show it all."""
        every = {b.index for b in self.article.blocks}
        self.hidden = set() if self.hidden >= every else every
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

    # ------------------------------------------------------------ the word cursor

    def words(self, index: int) -> list[Span]:
        """The words of block ``index`` (see ``WordCursor``)."""
        return self.cursor.words(index)

    def word_span(self) -> Span | None:
        """Where the word cursor is in the current block's French, if there is one."""
        return self.cursor.span(self.current, self.word) if self.article.blocks else None

    def action_word(self, step: int) -> None:
        """Moves the word cursor; past the block's first or last word, into the next block."""
        if self.layout_mode == "english":
            self.notify("The word cursor moves through the French: b or f shows it.", timeout=4)
            return
        self._unpin()
        target = self.cursor.step(self.current, self.word, self.sentence, step)
        if target is None:
            return
        block, word = target
        if block != self.current:
            self.go_to(block)
        self.select_from = None
        self.word = word

    def action_extend(self, step: int) -> None:
        """Shift+→/←: the selection grows (or shrinks) by a word from the cursor, within
        the block; without a cursor, it starts on the word → (or ←) would go to."""
        if self.layout_mode == "english":
            self.notify("Words are selected in the French: b or f shows it.", timeout=4)
            return
        if self.word is None:
            self.action_word(step)
            if self.word is None:
                return
        if self.select_from is None:
            self.select_from = self.word
        target = self.word + step
        if not 0 <= target < len(self.words(self.current)):
            self.notify("A selection stays within its paragraph.", timeout=3)
            return
        self.word = target
        self.refresh()

    def selection_span(self) -> Span | None:
        """The selected words (two or more) of the current block's French, if any."""
        anchor, word = self.select_from, self.word
        words = self.words(self.current) if self.article.blocks else []
        if anchor is None or word is None or anchor == word or anchor >= len(words):
            return None
        first, last = min(anchor, word), max(anchor, word)
        return words[first][0], words[last][1]

    def clear_selection(self) -> None:
        if self.select_from is not None:
            self.select_from = None
            self.refresh()

    def place_word(self, block: int, word: int) -> None:
        """Puts the word cursor on word ``word`` of block ``block`` (the jumps to new words)."""
        self._unpin()
        if block != self.current:
            self.go_to(block)
        self.select_from = None
        self.word = word

    def action_lookup(self) -> None:
        """Looks up the word under the cursor (the sentence's first word if there is none)."""
        if self.layout_mode == "english":
            self.notify("Words are looked up in the French: b or f shows it.", timeout=4)
            return
        selected = self.selection_span()
        if selected is not None:  # the selected words, as one phrase
            self.post_message(self.LookupRequested(self.current, *selected))
            return
        word = self.cursor.to_look_up(self.current, self.word, self.sentence)
        if word is None:
            return
        self.word = word
        span = self.word_span()
        if span is not None:
            self.post_message(self.LookupRequested(self.current, *span))

    def on_click(self, event: events.Click) -> None:
        self._unpin()
        offset = event.get_content_offset(self)
        if offset is None or not self._rows:
            return
        y = int(self.scroll_y) + offset.y
        index = self.row_at(y)
        point = self.char_at(index, y - self.row_top(index), offset.x - MARGIN - self.label_width)
        key = self.mark_at(index, *point) if point is not None else None
        self.current = index
        word = self.cursor.word_at(index, point[1]) if point and point[0] == "fr" else None
        if word is not None:
            self.select_from = None
            self.word = word
            self.post_message(self.LookupRequested(index, *self.words(index)[word]))
        if key:
            self.post_message(self.MarkClicked(key))

    def char_at(self, index: int, line: int, x: int) -> tuple[str, int] | None:
        """The language and character offset drawn at (``line``, ``x``) of block ``index``."""
        if self.columns is None:
            return None
        row = self._rows[index]
        point = locate(self.columns, row, line, x)
        if point is None:
            return None
        spans = row.fr if point.lang == "fr" else row.en
        char = spans[point.line][0] + point.column
        english = self.english.get(index)
        if point.lang == "en" and english is not None:
            char = yours.unshift(yours.insertions(english), char)
        return point.lang, char

    def mark_at(self, index: int, lang: str, char: int) -> str | None:
        """The key of the mark over character ``char`` of block ``index``'s ``lang``, if any."""
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
        segments.append(Segment(drawn(text[a:b]), style))
    return segments
