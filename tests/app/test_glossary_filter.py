"""The glossary filter from the keyboard: Enter chooses the first match; help fits small screens."""

from __future__ import annotations

from pathlib import Path

from reader.app.app import ReaderApp
from reader.app.widgets.glossary_panel import GlossaryPanel
from reader.article import load
from tests.support.app import of_type, settle, status_text
from tests.support.paths import SEED


async def test_enter_in_the_filter_chooses_the_first_match(data_dir: Path) -> None:
    app = ReaderApp(load(SEED), "reference", remember=False, extract=False, statuses=False)
    messages: list = []
    async with app.run_test(size=(160, 48), message_hook=messages.append) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"otan", "enter")
        await pilot.pause()
        chosen = [m.key for m in of_type(messages, GlossaryPanel.EntrySelected)]
        assert chosen and chosen[-1].endswith(":OTAN")
        await pilot.press("n")
        await pilot.pause()
        assert "OTAN: occurrence" in status_text(app)


async def test_help_is_one_column_on_a_small_screen(data_dir: Path) -> None:
    """At 60x20 the keys table is one column, so no key or action is cut (QA N10)."""
    import io

    from rich.console import Console
    from rich.table import Table
    from textual.widgets import Static

    app = ReaderApp(load(SEED), "none", remember=False, extract=False, statuses=False)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        shown = []
        for static in app.screen.query(Static):
            renderable = static.content
            if isinstance(renderable, Table):
                console = Console(
                    width=static.content_region.width, file=io.StringIO(), record=True
                )
                console.print(renderable)
                shown.append(console.export_text())
        await pilot.press("escape")
    assert len(shown) == 1
    text = shown[0]
    assert "Previous" in text and "…" not in text
    assert all(len(line.rstrip()) <= 60 for line in text.splitlines())


async def test_a_malformed_curated_glossary_is_said_in_the_panel_and_the_rest_stays(
    tmp_path: Path, data_dir: Path
) -> None:
    """QA 17: the panel names the problem and still lists the other entries."""
    import shutil

    from textual.widgets import Static

    article = tmp_path / "syntax.fr.txt"
    shutil.copy(SEED, article)
    (tmp_path / "syntax.glossary.toml").write_text('[[entry]]\nfr = "OTAN\nen = "NATO"\n')
    app = ReaderApp(load(article), "none", remember=False, extract=False, statuses=False)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(app, pilot)
        await pilot.press("g")
        await pilot.pause()
        panel = app.screen.query_one(GlossaryPanel)
        note = str(panel.query_one("#definition", Static).render())
        entries = [leaf for section in panel.entry_tree.root.children for leaf in section.children]
        await pilot.press("q")
    assert "curated glossary unreadable" in note and "syntax.glossary.toml" in note
    assert entries  # the general glossary's entries found in the text are still there


async def test_the_occurrence_number_goes_when_the_reader_moves_away(data_dir: Path) -> None:
    """QA N8: after n then Home, the status line no longer claims occurrence 2/N."""
    app = ReaderApp(load(SEED), "reference", remember=False, extract=False, statuses=False)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"kiev", "enter", "n")
        await pilot.pause()
        assert "Kiev: occurrence 2/" in status_text(app)
        app.screen.view.focus()
        await pilot.press("home")
        await pilot.pause()
        status = status_text(app)
        await pilot.press("q")
    assert "Kiev: occurrence –/" in status and "block 1/" in status
