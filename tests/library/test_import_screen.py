"""Adding a PDF from the library screen: the worker reports its steps (pages read, blocks
analysed, storing) as ``AddProgress`` messages, shown in the title line, then ``Added``."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Static

from reader.app.screens.library import LibraryScreen
from tests.library import pdfs
from tests.library.test_screen import Host


async def test_adding_a_pdf_reports_its_progress(library, tmp_path: Path) -> None:
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


async def test_subtitles_show_their_start_times_in_the_margin(library, tmp_path: Path) -> None:
    """Subtitles opened from the library show each paragraph's start time dim, left of it;
    a click still lands on the word under it."""
    from reader.app.app import ReaderApp
    from reader.app.widgets.article_view import MARGIN, ArticleView
    from reader.library.sources import add_source
    from tests.library.test_in_app import choose
    from tests.support.app import settle, view_text

    path = tmp_path / "film.srt"
    path.write_text(
        "1\n00:00:01,000 --> 00:00:02,000\nBonjour.\n\n"
        "2\n01:02:03,500 --> 01:02:05,000\nAu revoir, Marie.\n",
        encoding="utf-8",
    )
    text, _ = add_source(library, str(path))
    app = ReaderApp(None, "none", remember=False, extract=False, library=library)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        choose(app, text.id)
        await pilot.press("enter")
        await pilot.pause()
        await settle(app, pilot)
        view = app.view
        assert view.margin_labels == {1: "0:01", 2: "1:02:03"}
        lines = [line for line in view_text(app).splitlines() if line.strip()]
        assert any(line.startswith("   0:01 ") and "Bonjour." in line for line in lines)
        assert any(line.startswith("1:02:03 ") and "Au revoir" in line for line in lines)
        row = view.row_top(2) - int(view.scroll_y)
        await pilot.click(ArticleView, offset=(view.label_width + MARGIN + 1, row))
        await pilot.pause()
        assert view.current == 2 and view.word == 0  # « Au », not a cell of the margin
