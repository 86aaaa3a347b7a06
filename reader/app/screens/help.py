"""The help screen: every key of the app and the article view, from their own bindings."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

INTRO = (
    "Read the French, check the English. The English of each block is labelled with the engine "
    "that produced it. j and k scroll through a block taller than the screen before moving on. "
    "Click a block to make it current, a French word to look it up (also l or Enter); "
    "the command palette (ctrl+p) lists every action."
)


KeyGroups = list[tuple[str, list[Binding]]]


def bindings(items: Iterable[object]) -> list[Binding]:
    """The ``Binding`` s of a ``BINDINGS`` list (which may also hold plain tuples)."""
    return [b for b in items if isinstance(b, Binding)]


def reader_key_groups(app_bindings: Sequence[object] = ()) -> KeyGroups:
    """The reader's keys, grouped as the help shows them, from the widgets' own bindings."""
    from reader.app.screens.main import MainScreen
    from reader.app.widgets.article_view import ArticleView
    from reader.app.widgets.glossary_panel import GlossaryPanel
    from reader.app.widgets.lookup_panel import LookupPanel

    # Pairs of keys share a row: the help fits a 40-line terminal.
    reading = [b for b in bindings(ArticleView.BINDINGS) if not b.action.startswith("word(")]
    reading.insert(-1, Binding("right", "word(1)", "Next/previous word", key_display="→/←"))
    screen = [b for b in bindings(MainScreen.BINDINGS) if not b.action.startswith("word_in")]
    screen, words = _word_keys(screen)
    return [
        ("Reading", reading),
        (
            "Lookup",
            [
                Binding("up", "choose(-1)", "Choose a gloss", key_display="↑/↓"),
                *(b for b in bindings(LookupPanel.BINDINGS) if b.show),
                Binding("right", "word_in_panel(1)", "Next/previous word", key_display="→/←"),
                # Out of the footer (the panel's library lines say it), listed here.
                *(b for b in bindings(LookupPanel.BINDINGS) if b.action == "peek"),
            ],
        ),
        ("Words", words),
        ("Screen", screen),
        (
            "Glossary",
            [
                *bindings(GlossaryPanel.BINDINGS),
                Binding("enter", "select", "Show entry in the text"),
                Binding("tab", "focus", "Next: filter, entries, text"),
            ],
        ),
        (
            "App",
            [*bindings(app_bindings), Binding("ctrl+p", "command_palette", "Command palette")],
        ),
    ]


def _word_keys(screen: list[Binding]) -> tuple[list[Binding], list[Binding]]:
    """The screen's keys without the word keys, and the word keys in shared rows
    (1–4, w/i/0, u/U, M/z): the help fits a 40-line terminal."""
    from reader.app.statuses import WORD_ACTIONS

    words = {b.key: b for b in screen if b.action.split("(")[0] in WORD_ACTIONS}
    rows = [
        Binding("1", "", "Learning, 1 (least) to 4", key_display="1–4"),
        Binding("w", "", "Known / ignored / new", key_display="w/i/0"),
        Binding("u", "", "Next/prev. word to learn", key_display="u/U"),
        Binding("M", "", "Mark block known / undo", key_display="M/z"),
    ]
    joined = {"1", "2", "3", "4", "w", "i", "0", "u", "U", "M", "z"}
    rows += [b for key, b in words.items() if key not in joined]
    return [b for b in screen if b.key not in words], rows


def keys_table(groups: Iterable[tuple[str, Iterable[Binding]]], padding: int = 2) -> Table:
    table = Table(box=None, show_header=False, padding=(0, padding), pad_edge=padding > 1)
    table.add_column(style="bold", no_wrap=True)  # narrow columns wrap the descriptions
    table.add_column()
    for number, (title, bindings) in enumerate(groups):
        if number:  # a blank line between groups, none after the last: a 40-line screen
            table.add_row("", "")
        table.add_row(f"[u]{title}[/u]", "")
        for b in bindings:
            if b.description:
                table.add_row(b.key_display or b.key.replace("_", " "), b.description)
    return table


def keys_columns(groups: KeyGroups, count: int = 2) -> Table:
    """The groups in ``count`` columns, each group in the shortest column so far (by rows):
    three fit a 40-line terminal."""
    columns: list[KeyGroups] = [[] for _ in range(count)]
    rows = [0] * count
    for group in groups:
        shortest = rows.index(min(rows))
        columns[shortest].append(group)
        rows[shortest] += len(group[1]) + 2  # its title and the blank line after it
    grid = Table.grid(padding=(0, 2), expand=True)
    for _ in columns:
        grid.add_column(ratio=1)  # equal widths: a column's long line wraps in its own column
    grid.add_row(*(keys_table(column, padding=1) for column in columns))
    return grid


class HelpScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
        & > VerticalScroll {
            width: 120;
            max-width: 95%;
            height: 90%;
            border: thick $primary;
            background: $surface;
            padding: 1 2;
        }
    }
    """
    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close help")]

    def __init__(self, groups: KeyGroups) -> None:
        super().__init__()
        self.groups = groups

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static("[b]Bilingual reader — keys[/b]\n")
            yield Static(INTRO + "\n")
            # Columns where they fit; one below, so no key or action is cut.
            width = self.app.size.width
            count = 3 if width >= 120 else 2 if width >= 100 else 1
            yield Static(keys_columns(self.groups, count) if count > 1 else keys_table(self.groups))
            yield Static("[dim]escape closes this screen[/dim]")
