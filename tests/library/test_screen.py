"""The library screen on its own, in a tiny app: the texts in a table, sorted by any
column, filtered with /, opened with Enter (a message for the app), removed after a
question, added by path with errors as notices."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import App
from textual.widgets import DataTable, Input, Static

from reader.app.screens.library import COLUMNS, ConfirmRemove, LibraryScreen, Rows, cells
from reader.library.shelf import Library
from tests.library.conftest import store


class Host(App[None]):
    def __init__(self, library: Library, selected: int | None = None) -> None:
        super().__init__()
        self.library = library
        self.selected = selected

    def on_mount(self) -> None:
        self.push_screen(LibraryScreen(self.library, self.selected))


@pytest.fixture
def shelf(library: Library) -> Library:
    store(library, "Le chat\n\nLe chat dort au soleil. Il rêve.\n", "/t/chat.txt")
    store(library, "Une maison\n\nLa maison est grande et claire.\n", "/t/maison.txt")
    store(
        library,
        "Au port\n\nLes bateaux rentrent au port le soir, chargés de poissons.\n",
        "/t/port.txt",
        "web page",
    )
    library.mark_opened(1, when=2000.0)
    library.set_read(3, 0.5)
    return library


def shown_titles(app: App) -> list[str]:
    table = app.screen.query_one(DataTable)
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


async def test_the_table_lists_the_texts_the_last_opened_first_and_opens_one(
    shelf: Library,
) -> None:
    messages: list = []
    app = Host(shelf, selected=2)
    async with app.run_test(message_hook=messages.append) as pilot:
        await pilot.pause()
        assert shown_titles(app) == ["Le chat", "Au port", "Une maison"]
        table = app.screen.query_one(DataTable)
        assert [str(c.label) for c in table.columns.values()] == [label for _, label in COLUMNS]
        assert list(map(str, table.get_row_at(1))) == [
            "Au port",
            "web page",
            "12",
            "50 %",
            "—",
            "—",
        ]
        assert table.cursor_row == 2  # the text asked for is selected
        await pilot.press("enter")
        await pilot.pause()
    # The hook sees a message at each node it reaches: the screen, then the app.
    opened = {id(m): m for m in messages if isinstance(m, LibraryScreen.OpenText)}
    assert [m.text_id for m in opened.values()] == [2]


async def test_sorting_by_columns_and_filtering(shelf: Library) -> None:
    app = Host(shelf)
    async with app.run_test() as pilot:
        await pilot.press("s")  # title, A to Z
        assert shown_titles(app) == ["Au port", "Le chat", "Une maison"]
        await pilot.press("s")  # kind (then title)
        assert shown_titles(app) == ["Le chat", "Une maison", "Au port"]
        await pilot.press("s")  # words, the most first: 12, 9, 8
        assert shown_titles(app) == ["Au port", "Le chat", "Une maison"]
        await pilot.press("slash", "m", "a", "i")
        assert shown_titles(app) == ["Une maison"]
        await pilot.press("escape")  # closes the filter, all come back
        assert shown_titles(app) == ["Au port", "Le chat", "Une maison"]
        assert not app.screen.query("#filter")
        keys = str(app.screen.query_one("#library-keys", Static).render())
        assert keys == "enter Open  / Filter  s Sort  a Add  d Remove  escape Back  ? Help  q Quit"


def test_every_column_sorts_both_ways(shelf: Library) -> None:
    texts = shelf.texts()
    for key, _ in COLUMNS:
        rows = Rows(texts)
        rows.sort_by(key)
        first = [getattr(t, key) for t in rows.shown()]
        rows.sort_by(key)
        assert [getattr(t, key) for t in rows.shown()] == first[::-1]
        assert len(set(map(str, first))) > 1 or key == "known"  # the order was tested
    rows = Rows(texts)
    rows.sort_by("read")
    assert [t.title for t in rows.shown()][0] == "Au port"  # the most read first
    assert str(cells(texts[0])[5]) == "1970-01-01"  # opened at 2000 s after the epoch


async def test_removing_asks_first(shelf: Library) -> None:
    app = Host(shelf)
    async with app.run_test() as pilot:
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmRemove)
        await pilot.press("n")
        assert shelf.count() == 3 and shown_titles(app)[0] == "Le chat"
        await pilot.press("d", "y")
        await pilot.pause()
        assert shelf.count() == 2
        assert shown_titles(app) == ["Au port", "Une maison"]


async def test_adding_a_path_and_a_failure_as_a_notice(shelf: Library, tmp_path: Path) -> None:
    path = tmp_path / "lune.txt"
    path.write_text("La lune\n\nLa lune brille sur la mer.\n", encoding="utf-8")
    messages: list = []
    app = Host(shelf)
    async with app.run_test(message_hook=messages.append) as pilot:
        await pilot.press("a")
        box = app.screen.query_one("#add", Input)
        box.value = str(path)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        assert str(table.get_row_at(table.cursor_row)[0]) == "La lune"  # added and selected
        await pilot.press("a")
        app.screen.query_one("#add", Input).value = str(tmp_path / "absent.txt")
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
    failed = [m for m in messages if isinstance(m, LibraryScreen.AddFailed)]
    assert len(failed) == 1 and "no such file" in failed[0].error
    assert shelf.count() == 4


async def test_an_empty_library_says_how_to_add(library: Library) -> None:
    app = Host(library)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert app.screen.query_one("#library-empty").display
        assert shown_titles(app) == []
        await pilot.press("enter", "d")  # nothing to open or remove: nothing happens
        assert isinstance(app.screen, LibraryScreen)


async def test_a_title_is_shown_as_written_never_as_markup(library: Library) -> None:
    store(library, "[bold]Brouillon[/] [sic]\n\nUn texte entre [crochets].\n", "/t/crochets.txt")
    app = Host(library)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert shown_titles(app) == ["[bold]Brouillon[/] [sic]"]


async def test_a_click_on_a_column_header_sorts_by_it(shelf: Library) -> None:
    app = Host(shelf)
    async with app.run_test(size=(120, 20)) as pilot:
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        words = list(table.columns).index(next(k for k in table.columns if k.value == "words"))
        x = sum(c.get_render_width(table) for c in list(table.columns.values())[:words]) + 2
        await pilot.click(DataTable, offset=(x, 0))
        await pilot.pause()
        assert shown_titles(app) == ["Au port", "Le chat", "Une maison"]  # 12, 9, 8 words
        await pilot.click(DataTable, offset=(x, 0))
        await pilot.pause()
        assert shown_titles(app) == ["Une maison", "Le chat", "Au port"]


async def test_every_column_shows_on_a_narrow_screen(shelf: Library) -> None:
    from tests.support.app import screen_text

    store(shelf, "Un titre bien plus long que l'écran\n\nUn texte.\n", "/t/long.txt")
    app = Host(shelf)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        shown = screen_text(app)
        assert "Last opened" in shown and "Un titre bi…" in shown
        await pilot.resize_terminal(120, 20)
        await pilot.pause()
        assert "Un titre bien plus long que l'écran" in screen_text(app)  # room again


def test_filter_and_title_sort_fold_accents_and_case(library: Library) -> None:
    """Trial row T14: « greve » finds « Grève »; « Économie » sorts before « Zoo »."""
    for title, name in (
        ("Zoo de Vincennes", "zoo"),
        ("Économie : la croissance ralentit", "eco"),
        ("Grève à la SNCF", "greve"),
        ("Œuvres complètes", "oeuvres"),
        ("eau et forêts", "eau"),
    ):
        store(library, f"{title}\n\nUn texte court.\n", f"/t/{name}.txt")
    rows = Rows(library.texts())
    rows.sort_by("title")
    assert [t.title for t in rows.shown()] == [
        "eau et forêts",
        "Économie : la croissance ralentit",
        "Grève à la SNCF",
        "Œuvres complètes",
        "Zoo de Vincennes",
    ]
    rows.query = "greve"
    assert [t.title for t in rows.shown()] == ["Grève à la SNCF"]
    rows.query = "OEUVRE"
    assert [t.title for t in rows.shown()] == ["Œuvres complètes"]
    rows.query = "ÉCONOMIE"
    assert [t.title for t in rows.shown()] == ["Économie : la croissance ralentit"]


async def test_home_and_end_move_to_the_first_and_last_text(shelf: Library) -> None:
    app = Host(shelf, selected=2)
    async with app.run_test() as pilot:
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        await pilot.press("end")
        assert table.cursor_row == 2
        await pilot.press("home")
        assert table.cursor_row == 0
        await pilot.press("slash", "c", "h", "home", "x")  # in the filter box: the caret
        assert app.screen.query_one("#filter", Input).value == "xch"


async def test_the_title_column_narrows_with_the_screen(shelf: Library) -> None:
    """Trial row T15: from 160 columns to 60, every column shows again."""
    from tests.support.app import screen_text

    store(
        shelf, "Un titre bien plus long que l'écran, et encore plus long\n\nUn texte.\n", "/t/l.txt"
    )
    app = Host(shelf)
    async with app.run_test(size=(160, 20)) as pilot:
        await pilot.pause()
        assert "Un titre bien plus long que l'écran, et encore plus long" in screen_text(app)
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        shown = screen_text(app)
        assert "Last opened" in shown and "Un titre bi…" in shown


async def test_adding_a_text_that_is_not_french_warns(library: Library, tmp_path: Path) -> None:
    from textual.notifications import Notify

    path = tmp_path / "railway.txt"
    path.write_text(
        "The railway\n\nThe railway came to the town in 1850, and with it came new "
        "industries, new people and new ideas for the farmers of the valley.\n",
        encoding="utf-8",
    )
    messages: list = []
    app = Host(library)
    async with app.run_test(message_hook=messages.append) as pilot:
        await pilot.press("a")
        app.screen.query_one("#add", Input).value = str(path)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
    said = [m.notification for m in messages if isinstance(m, Notify)]
    warnings = [n.message for n in said if n.severity == "warning"]
    assert len(warnings) == 1 and "« The railway » does not look French" in warnings[0]
    assert library.count() == 1  # added all the same: the reader chose to


async def test_enter_in_the_filter_opens_the_text_found(shelf: Library) -> None:
    """Trial row T27: Enter in the filter only moved the focus."""
    messages: list = []
    app = Host(shelf)
    async with app.run_test(message_hook=messages.append) as pilot:
        await pilot.press("slash", "p", "o", "r", "t", "enter")
        await pilot.pause()
    opened = {id(m): m for m in messages if isinstance(m, LibraryScreen.OpenText)}
    assert [m.text_id for m in opened.values()] == [3]  # « Au port »
