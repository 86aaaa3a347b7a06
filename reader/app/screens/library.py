"""The library screen: every text in the library in a table, to sort, filter, open, add
and remove.

It talks to its app through messages: ``OpenText(text_id)`` when the reader chooses a
text (Enter or a click), ``Closed`` on Escape. Adding runs in a thread worker (reading a
page or a book and the spaCy pass take seconds) that reports its steps with ``AddProgress``
(shown in the title line: "adding: reading pages 120/400") and its end with ``Added`` or
``AddFailed``. Sorting and filtering live in ``Rows``, a plain class beside the widget;
a new sort order reorders the table's rows in place (``DataTable.sort``, by the value
each ``Cell`` carries) rather than filling it again.
"""

from __future__ import annotations

import time
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from rich.text import Text as RichText
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Input, Static

from reader.errors import ReaderError
from reader.library.shelf import Library, NewText, Text, with_known

COLUMNS: tuple[tuple[str, str], ...] = (
    ("title", "Title"),
    ("kind", "Kind"),
    ("words", "Words"),
    ("read", "Read"),
    ("known", "Known"),
    ("opened", "Last opened"),
)
"""Column keys and labels, in display order; each is also a sort order."""
_TITLE_WIDTH = 60
_OTHER_COLUMNS = 48
"""What the columns after the title take (their widest cells and the cell padding): a
title is cut to the rest of the screen's width, so that every column shows at 60 columns."""


def title_width(screen_width: int) -> int:
    """The widest title shown: at most ``_TITLE_WIDTH``, at least 12 characters."""
    return max(12, min(_TITLE_WIDTH, screen_width - _OTHER_COLUMNS))


_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae"})


def folded(text: str) -> str:
    """Lower case without accents or ligatures: « Économie » → "economie", « Œuvre » →
    "oeuvre"; the filter matches and titles sort by it."""
    text = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def title_order(title: str) -> tuple[str, str]:
    """French order: by the letters first (« Économie » before « Zoo »), then accents."""
    return folded(title), title.casefold()


_SORT_KEYS: dict[str, Callable[[Text], Any]] = {
    "title": lambda t: title_order(t.title),
    "kind": lambda t: (t.kind, title_order(t.title)),
    "words": lambda t: t.words,
    "read": lambda t: t.read,
    "known": lambda t: (t.known is not None, t.known or 0.0),
    "opened": lambda t: (t.opened is not None, t.opened or 0.0),
}
_DESCENDING_FIRST = frozenset({"words", "read", "known", "opened"})
"""Numbers and dates sort the largest (the latest) first; text sorts A to Z."""


class Cell(RichText):
    """A cell: its text as shown (never read as markup: a title may hold "[draft]") and
    the value it sorts by."""

    def __init__(self, shown: str, order: Any) -> None:
        super().__init__(shown)
        self.order = order


def cells(text: Text, width: int = _TITLE_WIDTH) -> tuple[Cell, ...]:
    """A text's row, in ``COLUMNS`` order; its title cut to ``width``."""
    title = text.title if len(text.title) <= width else text.title[: width - 1] + "…"
    shown = (
        title,
        text.kind,
        f"{text.words:,}",
        f"{round(100 * text.read)} %",
        "—" if text.known is None else f"{round(100 * text.known)} %",
        "—" if text.opened is None else time.strftime("%Y-%m-%d", time.localtime(text.opened)),
    )
    return tuple(
        Cell(value, _SORT_KEYS[key](text)) for value, (key, _) in zip(shown, COLUMNS, strict=True)
    )


@dataclass
class Rows:
    """The texts as the table shows them: filtered by ``query``, sorted by ``column``."""

    texts: Sequence[Text]
    column: str | None = None
    """None: the library's own order (the last opened first)."""
    descending: bool = False
    query: str = ""

    def sort_by(self, column: str) -> None:
        """Sorts by ``column``; the same column again reverses the order."""
        if column == self.column:
            self.descending = not self.descending
        else:
            self.column, self.descending = column, column in _DESCENDING_FIRST

    def shown(self) -> list[Text]:
        needle = folded(self.query).strip()  # « greve » finds « Grève »
        kept = [
            t
            for t in self.texts
            if not needle or needle in folded(f"{t.title} {t.author} {t.kind} {t.source}")
        ]
        if self.column is not None:
            kept.sort(key=_SORT_KEYS[self.column], reverse=self.descending)
        return kept


class ConfirmRemove(ModalScreen[bool]):
    """Asks before a text leaves the library."""

    DEFAULT_CSS = """
    ConfirmRemove { align: center middle; }
    ConfirmRemove > Static { width: 70; max-width: 90%; border: thick $error; background: $surface; padding: 1 2; }
    """
    BINDINGS = [
        Binding("y", "answer(True)", "Remove"),
        Binding("n,escape", "answer(False)", "Keep"),
    ]

    def __init__(self, title: str) -> None:
        super().__init__()
        self.text_title = title

    def compose(self) -> ComposeResult:
        yield Static(
            f"Remove « {self.text_title} » from the library?\n\n"
            "Its English in the translation cache and your vocabulary stay.\n\n"
            "[b]y[/b] remove   [b]n[/b] keep",
            markup=True,
        )

    def action_answer(self, remove: bool) -> None:
        self.dismiss(remove)


class LibraryScreen(Screen[None]):
    """The texts of the library; Enter opens one (the app handles ``OpenText``)."""

    DEFAULT_CSS = """
    LibraryScreen { layout: vertical; }
    LibraryScreen #library-title { height: 1; background: $panel; color: $text-muted; padding: 0 1; }
    LibraryScreen DataTable { height: 1fr; }
    LibraryScreen #library-keys { height: 1; background: $panel; color: $text-muted; padding: 0 1; }
    LibraryScreen #library-empty { padding: 1 2; color: $text-muted; }
    """
    AUTO_FOCUS = "DataTable"  # before the first frame (a focus() in on_mount redraws it all)
    BINDINGS = [
        Binding("slash", "filter", "Filter", key_display="/"),
        Binding("s", "sort_next", "Sort"),
        Binding("a", "add", "Add"),
        Binding("d,delete", "remove", "Remove", key_display="d"),
        Binding("escape", "close", "Back"),
        # Over the table's own home/end, which only scroll: these move to a text.
        Binding("home", "first", "First text", show=False, priority=True),
        Binding("end", "last", "Last text", show=False, priority=True),
        Binding("question_mark", "help", "Help", key_display="?"),
    ]

    @dataclass
    class OpenText(Message):
        """The reader chose a text to read."""

        text_id: int

    class Closed(Message):
        """The reader left the library screen (Escape)."""

    @dataclass
    class Added(Message, bubble=False):
        """The worker added a text (or, already there, updated it)."""

        text: Text
        updated: bool
        source: str = ""
        warning: str | None = None
        """Why the text may not be French (said as a warning: d removes it)."""

    @dataclass
    class AddProgress(Message, bubble=False):
        """How far the worker got: a step ("reading", "analysing", "storing"), done of total."""

        step: str
        done: int
        total: int

    @dataclass
    class AddFailed(Message, bubble=False):
        """The worker could not add a text: one line for the reader."""

        error: str

    def __init__(
        self,
        library: Library,
        selected: int | None = None,
        back: bool = True,
        known: Callable[[], Mapping[str, float]] | None = None,
    ) -> None:
        super().__init__()
        self.library = library
        self.back = back
        """Whether there is a text under the screen for Escape to go back to (the app's
        first screen has none: there Escape does nothing, q quits)."""
        self._known_shares = known
        """Each article's share of known words by key (computed from the statuses)."""
        self.rows = Rows(self._texts())
        self.selected = selected
        self._title_width = _TITLE_WIDTH

    def _texts(self) -> list[Text]:
        """The library's texts, each with its % known from the word statuses."""
        shares = self._known_shares() if self._known_shares is not None else {}
        return with_known(self.library.texts(), shares)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("", id="library-title")
            table: DataTable[Cell] = DataTable(cursor_type="row", zebra_stripes=True)
            for key, label in COLUMNS:
                table.add_column(label, key=key)
            # Filled before it is mounted: the first frame shows the rows (measured: filling
            # it in on_mount drew the whole table twice).
            self._title_width = title_width(self.app.size.width)
            for text in self.rows.shown():
                table.add_row(*cells(text, self._title_width), key=str(text.id))
            yield table
            empty = (
                "The library is empty: press a to add a file (text, .epub, .pdf, .srt, .vtt)"
                " or a web page."
            )
            if self.back:  # over a text that is not in it (T27: "Library: 0 texts" said no more)
                empty += (
                    " The text you are reading is not in it: press a and give its path to keep"
                    " it here; Escape goes back to it."
                )
            yield Static(empty, id="library-empty")
        yield Static(self.keys(), id="library-keys")

    def keys(self) -> str:
        """The keys, from the screen's own bindings: the footer line. (Textual's Footer
        cost this screen a sixth of its start-up, measured by benchmarks/library.py.)"""
        bindings = [
            b
            for b in self.BINDINGS
            if isinstance(b, Binding) and b.show and (self.back or b.action != "close")
        ]
        shown = [(b.key_display or b.key, b.description) for b in bindings]
        keys = [("enter", "Open"), *shown, ("q", "Quit")]
        return "  ".join(f"{key} {what}" for key, what in keys)

    def key_groups(self) -> list[tuple[str, list[Binding]]]:
        """What ``?`` lists here: the library's keys, then the app's."""
        own = [b for b in self.BINDINGS if isinstance(b, Binding) and b.action != "help"]
        if not self.back:
            own = [b for b in own if b.action != "close"]
        table = [
            Binding("enter", "open", "Open the text"),
            Binding("up", "", "Previous/next text", key_display="↑/↓"),
            *own,
        ]
        app = [
            Binding("question_mark", "help", "This help", key_display="?"),
            Binding("q", "quit", "Quit"),
            Binding("ctrl+p", "command_palette", "Command palette"),
        ]
        return [("Library", table), ("App", app)]

    def action_help(self) -> None:
        from reader.app.screens.help import HelpScreen

        if self.query(Input):
            return  # a box is open: "?" is typed into it
        self.app.push_screen(HelpScreen(self.key_groups()))

    def action_first(self) -> None:
        if isinstance(self.focused, Input):
            self.focused.action_home()  # in a box, the caret's key as ever
        elif self.table.row_count:
            self.table.move_cursor(row=0)

    def action_last(self) -> None:
        if isinstance(self.focused, Input):
            self.focused.action_end()
        elif self.table.row_count:
            self.table.move_cursor(row=self.table.row_count - 1)

    @property
    def table(self) -> DataTable[Cell]:
        return self.query_one(DataTable)

    def on_resize(self) -> None:
        if title_width(self.app.size.width) != self._title_width:
            self.refill()  # the titles cut to the new width

    def on_mount(self) -> None:
        if self.library.notice:
            self.notify(self.library.notice, severity="warning")
        table = self.table
        if self.selected is not None and str(self.selected) in table.rows:
            table.move_cursor(row=table.get_row_index(str(self.selected)))
        self._caption()

    # ------------------------------------------------------------ the table

    def refill(self, select: int | None = None) -> None:
        """Shows ``rows`` again, the cursor on text ``select`` (else where it was)."""
        table = self.table
        current = select if select is not None else self.current_id()
        shown = self.rows.shown()
        table.clear()
        for column in table.columns.values():  # widths from the new rows: a narrower
            column.content_width = column.label.cell_len  # screen shrinks the title column
        self._title_width = title_width(self.app.size.width)
        for text in shown:
            table.add_row(*cells(text, self._title_width), key=str(text.id))
        ids = [t.id for t in shown]
        if current in ids:
            table.move_cursor(row=ids.index(current))
        self._caption()

    def _caption(self) -> None:
        shown, total = self.table.row_count, len(self.rows.texts)
        order = ""
        if self.rows.column is not None:
            label = dict(COLUMNS)[self.rows.column]
            order = f" · sorted by {label.lower()} {'↓' if self.rows.descending else '↑'}"
        what = f"{shown} of {total}" if self.rows.query.strip() else f"{total}"
        self.query_one("#library-title", Static).update(
            f"Library: {what} text{'s' * (total != 1)}{order}"
        )
        self.query_one("#library-empty").display = total == 0

    def current_id(self) -> int | None:
        table = self.table
        if table.row_count == 0:
            return None
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return int(row_key.value) if row_key.value is not None else None

    def reload(self, select: int | None = None) -> None:
        self.rows.texts = self._texts()
        self.refill(select)

    @on(DataTable.RowSelected)
    def _open(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
            self.post_message(self.OpenText(int(event.row_key.value)))

    @on(DataTable.HeaderSelected)
    def _sort_by_header(self, event: DataTable.HeaderSelected) -> None:
        if event.column_key.value is not None:
            self.sort_by(event.column_key.value)

    def action_sort_next(self) -> None:
        """Sorts by the next column (s again: the one after)."""
        keys = [key for key, _ in COLUMNS]
        column = self.rows.column
        self.sort_by(keys[(keys.index(column) + 1) % len(keys)] if column in keys else keys[0])

    def sort_by(self, column: str) -> None:
        """Sorts by ``column`` (again: the other way), the cursor staying on its text."""
        current = self.current_id()
        self.rows.sort_by(column)
        table = self.table
        table.sort(column, key=lambda cell: cell.order, reverse=self.rows.descending)
        if current is not None:
            table.move_cursor(row=table.get_row_index(str(current)))
        self._caption()

    def action_close(self) -> None:
        boxes = self.query(Input)
        if boxes:
            self._close_box(boxes.first())
        elif self.back:
            self.post_message(self.Closed())
        else:
            self.notify("This is the first screen: Enter opens a text, q quits.", timeout=4)

    # ------------------------------------------------------------ filter and add boxes

    _BOXES = {
        "filter": "filter: title, author, kind or source",
        "add": "add: a file path or an http(s) URL, then Enter",
    }

    def _open_box(self, name: str) -> None:
        """Shows the filter or add box above the table (mounted when asked for: the
        screen opens faster without them)."""
        found = self.query(f"#{name}")
        box = found.first() if found else Input(placeholder=self._BOXES[name], id=name)
        if not found:
            self.mount(box, before=self.table)
        box.focus()

    def _close_box(self, box: Input) -> None:
        if box.id == "filter" and self.rows.query:
            self.rows.query = ""
            self.refill()
        box.remove()
        self.table.focus()

    def action_filter(self) -> None:
        self._open_box("filter")

    @on(Input.Changed, "#filter")
    def _filter(self, event: Input.Changed) -> None:
        self.rows.query = event.value
        self.refill()

    @on(Input.Submitted, "#filter")
    def _filter_done(self) -> None:
        """Enter in the filter opens the text the cursor is on (the first that matches,
        unless the reader moved): filter, then read (T27)."""
        self.table.focus()
        text_id = self.current_id()
        if text_id is not None:
            self.post_message(self.OpenText(text_id))

    # ------------------------------------------------------------ remove

    def action_remove(self) -> None:
        text_id = self.current_id()
        if text_id is None:
            return
        text = next(t for t in self.rows.texts if t.id == text_id)

        def answered(remove: bool | None) -> None:
            if not remove:
                return
            try:
                self.library.remove(text_id)
            except ReaderError as exc:
                self.notify(str(exc), severity="error")
                return
            self.notify(f"removed « {text.title} »")
            self.reload()

        self.app.push_screen(ConfirmRemove(text.title), answered)

    # ------------------------------------------------------------ add

    def action_add(self) -> None:
        self._open_box("add")

    @on(Input.Submitted, "#add")
    def _add_submitted(self, event: Input.Submitted) -> None:
        source = event.value.strip()
        self._close_box(event.input)
        if source:
            self.notify(f"adding {source}…")
            self._add(source)

    @work(group="library-add", exit_on_error=False)
    async def _add(self, source: str) -> None:
        """In a daemon thread (``reader.app.background``): q while a page is being fetched
        quits at once rather than when the fetch ends (T39)."""
        from reader.app.background import in_daemon
        from reader.learning.french import not_french
        from reader.library.sources import add_source

        warned: list[str] = []

        def check(new: NewText) -> None:
            text = "\n".join(b.text for b in new.article.blocks)
            why = not_french(text, f"« {new.title or new.source} »")
            if why is not None:
                warned.append(f"{why}; added all the same (d removes it)")

        shown: list[tuple[str, int]] = []

        def progress(step: str, done: int, total: int) -> None:
            percent = 100 * done // max(1, total)
            if not shown or shown[-1] != (step, percent):  # a message a percent, not a page
                shown.append((step, percent))
                self.post_message(self.AddProgress(step, done, total))

        try:
            text, updated = await in_daemon(
                lambda: add_source(self.library, source, progress=progress, check=check),
                "reader-add",
            )
        except ReaderError as exc:
            self.post_message(self.AddFailed(str(exc)))
            return
        except Exception as exc:  # a notice, never a traceback over the screen
            self.post_message(self.AddFailed(f"unexpected error: {type(exc).__name__}: {exc}"))
            return
        self.post_message(self.Added(text, updated, source, warned[0] if warned else None))

    @on(Added)
    def _added(self, event: Added) -> None:
        from reader.library.sources import added_message

        self.notify(added_message(event.text, event.updated, event.source), markup=False)
        if event.warning:
            self.notify(event.warning, severity="warning", timeout=10, markup=False)
        self.reload(event.text.id)

    @on(AddProgress)
    def _add_progress(self, event: AddProgress) -> None:
        step = {"reading": "reading pages", "analysing": "analysing"}.get(event.step, event.step)
        count = f" {event.done}/{event.total}" if event.step != "storing" else "…"
        self.query_one("#library-title", Static).update(f"adding: {step}{count}")

    @on(AddFailed)
    def _add_failed(self, event: AddFailed) -> None:
        self._caption()
        self.notify(event.error, severity="error", timeout=8)
