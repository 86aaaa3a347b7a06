"""The glossary panel in the app: open/close, sections, filter, select, highlight, n/N, marked terms."""

from __future__ import annotations

from textual.widgets import Input, Static

from reader.app.widgets.glossary_panel import GlossaryPanel
from tests.app_support import make_app, settle


def app_without_extraction():
    app = make_app()
    app.extract = False  # curated entries only: fast and deterministic
    return app


async def test_panel_opens_closed_at_start_and_selects_otan(data_dir):
    app = app_without_extraction()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(app, pilot)
        assert not app.query(GlossaryPanel)  # closed (not even mounted) at start
        await pilot.press("g")
        await pilot.pause()
        panel = app.query_one(GlossaryPanel)
        assert panel.has_class("-open") and panel.display
        assert panel.region.width > 30 and panel.tree.region.height > 10  # on screen
        sections = [str(section.label) for section in panel.tree.root.children]
        assert sections[0].startswith("People") and any(
            s.startswith("Organisations") for s in sections
        )
        leaves = [
            leaf.label.plain for section in panel.tree.root.children for leaf in section.children
        ]
        assert "OTAN → NATO  4" in leaves
        await pilot.press("slash", "o", "t", "a", "n")
        await pilot.pause()
        assert panel.query_one(Input).value == "otan"
        labels = [
            str(leaf.label) for section in panel.tree.root.children for leaf in section.children
        ]
        assert labels and all("OTAN" in label for label in labels)
        await pilot.press("enter")  # leave the filter for the entries, the cursor on the first
        await pilot.press("enter")
        await pilot.pause()
        assert app.selected_key == "organisations:OTAN"
        first = app.glossary.occurrences["organisations:OTAN"][0].block
        assert app.view.current == first
        hits = [
            m for ms in app.view.marks.values() for m in ms if m.component == "article-view--hit"
        ]
        assert {m.lang for m in hits} == {"fr", "en"}  # highlighted in both languages
        definition = str(panel.query_one("#definition", Static).render())
        assert "North Atlantic Treaty Organization" in definition
        blocks = [o.block for o in app.glossary.occurrences["organisations:OTAN"]]
        await pilot.press("n")
        assert app.occurrence == 1 and app.view.current == blocks[1]
        await pilot.press("N", "N")
        assert app.occurrence == len(blocks) - 1 and app.view.current == blocks[-1]
        await pilot.press("g")
        await pilot.pause()
        assert not panel.has_class("-open") and app.view.has_focus


async def test_marked_term_opens_its_entry_by_keyboard_and_mouse(data_dir):
    app = app_without_extraction()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(app, pilot)
        view = app.view
        assert any(m.component == "article-view--term" for ms in view.marks.values() for m in ms)
        await pilot.press("t")  # first term of the title block: Trump
        await pilot.pause()
        panel = app.query_one(GlossaryPanel)
        assert panel.has_class("-open") and app.selected_key == "people:Trump" and view.has_focus
        # the mouse: click on « Poutine » in the title
        mark = next(m for m in view.marks[0] if m.key == "people:Poutine" and m.lang == "fr")
        await pilot.click(view.__class__, offset=(view.styles.padding.left + mark.start, 0))
        await pilot.pause()
        assert app.selected_key == "people:Poutine"
        assert "Vladimir Putin" in str(panel.query_one("#definition", Static).render())


async def test_next_occurrence_without_selection_is_a_notice(data_dir):
    app = app_without_extraction()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("n")
        assert any("glossary" in n.message for n in app._notifications)
