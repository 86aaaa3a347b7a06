"""Adding a PDF from the library screen: the worker reports its steps (pages read, blocks
analysed, storing) as ``AddProgress`` messages, shown in the title line, then ``Added``."""

from __future__ import annotations

from textual.widgets import Input, Static

from reader.app.screens.library import LibraryScreen
from tests.library import pdfs
from tests.library.test_screen import Host


async def test_adding_a_pdf_reports_its_progress(library, tmp_path):
    path = pdfs.two_columns(tmp_path / "gazette.pdf")
    messages: list = []
    app = Host(library)
    async with app.run_test(message_hook=messages.append) as pilot:
        await pilot.press("a")
        app.screen.query_one("#add", Input).value = str(path)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        title = app.screen.query_one("#library-title", Static)
        assert str(title.render()) == "Library: 1 text"  # the caption is back
    steps = [
        (m.step, m.done, m.total) for m in messages if isinstance(m, LibraryScreen.AddProgress)
    ]
    assert steps[:2] == [("reading", 1, 2), ("reading", 2, 2)]
    assert ("analysing", 5, 5) in steps and steps[-1] == ("storing", 0, 1)
    added = [m for m in messages if isinstance(m, LibraryScreen.Added)]
    assert [(m.text.title, m.text.kind) for m in added] == [("Un budget pour les écoles", "pdf")]
