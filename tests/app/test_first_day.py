"""Small things a new user meets on the first day (trial row T27)."""

from __future__ import annotations

from textual.widgets import Label

from reader.app.app import ReaderApp
from reader.article import from_blocks


async def test_a_text_from_stdin_shows_its_title_not_its_key(data_dir):
    article = from_blocks(
        [("title", "Un titre lu sur stdin"), ("paragraph", "Le chat dort.")], "stdin:9ee1fffe0123"
    )
    app = ReaderApp(article, "none", remember=False, extract=False, statuses=False)
    async with app.run_test(size=(100, 20)) as pilot:
        await pilot.pause()
        bar = str(app.screen.query_one("#title-bar", Label).render())
        assert "Un titre lu sur stdin (from stdin)" in bar and "9ee1" not in bar
        assert "9ee1" not in app.sub_title
