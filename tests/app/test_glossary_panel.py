"""The glossary panel in the app: open/close, sections, filter, select, highlight, n/N, marked terms."""

from __future__ import annotations

from pathlib import Path

from textual.notifications import Notify
from textual.widgets import Input, Static

from reader.app.app import ReaderApp
from reader.app.widgets.article_view import MARGIN
from reader.app.widgets.glossary_panel import GlossaryPanel
from tests.support.app import make_app, of_type, settle, status_text


def app_without_extraction() -> ReaderApp:
    return make_app(extract=False)  # curated entries only: fast and deterministic


async def test_panel_opens_closed_at_start_and_selects_otan(data_dir: Path) -> None:
    app = app_without_extraction()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(app, pilot)
        assert not any(panel.display for panel in app.main.query(GlossaryPanel))  # closed at start
        await pilot.press("g")
        await pilot.pause()
        panel = app.main.query_one(GlossaryPanel)
        assert panel.has_class("-open") and panel.display
        assert panel.region.width > 30 and panel.entry_tree.region.height > 10  # on screen
        sections = [str(section.label) for section in panel.entry_tree.root.children]
        assert sections[0].startswith("People") and any(
            s.startswith("Organisations") for s in sections
        )
        leaves = [
            leaf.label.plain
            for section in panel.entry_tree.root.children
            for leaf in section.children
        ]
        assert "OTAN → NATO  4" in leaves
        await pilot.press("slash", "o", "t", "a", "n")
        await pilot.pause()
        assert panel.query_one(Input).value == "otan"
        labels = [
            str(leaf.label)
            for section in panel.entry_tree.root.children
            for leaf in section.children
        ]
        assert labels and all("OTAN" in label for label in labels)
        await pilot.press("enter")  # leave the filter for the entries, the cursor on the first
        await pilot.press("enter")
        await pilot.pause()
        assert app.main.selection.key == "organisations:OTAN"
        first = app.main.glossary.occurrences["organisations:OTAN"][0].block
        assert app.view.current == first
        hits = [m for ms in app.view.marks.values() for m in ms if m.kind == "hit"]
        assert {m.lang for m in hits} == {"fr", "en"}  # highlighted in both languages
        definition = str(panel.query_one("#definition", Static).render())
        assert "North Atlantic Treaty Organization" in definition
        blocks = [o.block for o in app.main.glossary.occurrences["organisations:OTAN"]]
        await pilot.press("n")
        assert app.main.selection.number == 1 and app.view.current == blocks[1]
        assert "OTAN: occurrence 2/4" in status_text(app)
        current = [m for m in app.view.marks[blocks[1]] if m.kind == "current"]
        assert len(current) == 1 and current[0].key == "organisations:OTAN"
        await pilot.press("N", "N")
        assert app.main.selection.number == len(blocks) - 1 and app.view.current == blocks[-1]
        assert "OTAN: occurrence 4/4" in status_text(app)
        await pilot.press("g")
        await pilot.pause()
        assert not panel.has_class("-open") and app.view.has_focus


async def test_marked_term_opens_its_entry_by_keyboard_and_mouse(data_dir: Path) -> None:
    app = app_without_extraction()
    async with app.run_test(size=(200, 48)) as pilot:
        await settle(app, pilot)
        view = app.view
        assert any(m.kind == "term" for ms in view.marks.values() for m in ms)
        await pilot.press("t")  # first term of the title block: Trump
        await pilot.pause()
        panel = app.main.query_one(GlossaryPanel)
        assert (
            panel.has_class("-open") and app.main.selection.key == "people:Trump" and view.has_focus
        )
        # QA 2026-12-01 Q18: the title holds Trump's first occurrence, so not "–/23"
        assert "Trump: occurrence 1/" in status_text(app)
        # the mouse: click on « Poutine » in the title (on its first line at this width)
        mark = next(m for m in view.marks[0] if m.key == "people:Poutine" and m.lang == "fr")
        await pilot.click(view.__class__, offset=(MARGIN + mark.start, 0))
        await pilot.pause()
        assert app.main.selection.key == "people:Poutine"
        assert "Vladimir Putin" in str(panel.query_one("#definition", Static).render())
        assert "Poutine: occurrence 1/" in status_text(app)


async def test_next_occurrence_without_selection_is_a_notice(data_dir: Path) -> None:
    app = app_without_extraction()
    messages: list = []
    async with app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
        await settle(app, pilot)
        await pilot.press("n")
        await pilot.pause()
        told = [m.notification.message for m in of_type(messages, Notify)]
        assert any("Choose a glossary entry first" in text for text in told)


async def test_slash_from_the_text_filters_and_escape_returns(data_dir: Path) -> None:
    """`/` typed in the text opens the panel on its filter; Escape goes back to the text; an
    entry opened from the text clears the filter and puts the tree cursor on it."""
    app = app_without_extraction()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", "o", "t", "a", "n")
        panel = app.main.panel
        assert panel.is_open and panel.query_one(Input).value == "otan"
        assert app.view.current == 0  # o, t, a, n were typed, not run as reading keys
        await pilot.press("escape")
        assert app.view.has_focus
        app.view.go_to(16)
        await pilot.press("t")
        await pilot.pause()
        await pilot.pause()
        assert app.main.selection.key == "people:Trump"
        assert panel.query_one(Input).value == ""
        assert (
            panel.entry_tree.cursor_node is not None
            and panel.entry_tree.cursor_node.data == "people:Trump"
        )


async def test_narrow_screen_panel_covers_the_text_and_escape_closes_it(data_dir: Path) -> None:
    app = app_without_extraction()
    async with app.run_test(size=(40, 15)) as pilot:
        await settle(app, pilot)
        await pilot.press("g")
        await pilot.pause()
        panel = app.main.panel
        assert panel.is_open and panel.region.width >= 38
        labels = [
            leaf.label for section in panel.entry_tree.root.children for leaf in section.children
        ]
        assert all(label.cell_len <= panel.entry_tree.region.width for label in labels)
        await pilot.press("j")  # moves in the entries
        await pilot.press("escape")
        assert not panel.is_open and app.view.has_focus


def test_the_panel_marks_a_machine_guess_as_the_exports_do() -> None:
    """QA 2026-12-01 Q13: a guess looked exactly like a vetted entry."""
    from glossary.model import Entry
    from reader.app.widgets.glossary_panel import entry_label

    guess = Entry("Autriche", "Austria", "places", origin="machine guess")
    assert entry_label(guess, 1).plain.endswith("1 ·guess")
    assert entry_label(Entry("Autriche", "Austria", "places"), 1).plain.endswith("Austria  1")
