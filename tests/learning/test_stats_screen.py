"""The statistics screen on its own, in a tiny App: the charts get the series, the captions
and the article table say the numbers, escape closes it."""

from __future__ import annotations

from textual.app import App
from textual.widgets import DataTable, Sparkline, Static

from reader.app.screens.stats import StatsScreen
from reader.learning.stats import ArticleShare, Statistics

STATS = Statistics(
    known_by_day=(("2026-11-29", 100), ("2026-11-30", 140), ("2026-12-01", 180)),
    words_by_day=(("2026-11-30", 420), ("2026-12-01", 0)),
    articles=(ArticleShare("k", "Trump et Poutine", "seed.fr.txt", 779, 623, "2026-12-01T08:00"),),
    known=180,
    learning=12,
    ignored=3,
)


class Host(App[None]):
    def on_mount(self) -> None:
        self.push_screen(StatsScreen(STATS))


async def test_the_screen_draws_the_series_and_the_articles() -> None:
    app = Host()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StatsScreen)
        assert list(screen.query_one("#known", Sparkline).data or []) == [100, 140, 180]
        assert list(screen.query_one("#read", Sparkline).data or []) == [420, 0]
        caption = str(screen.query_one("#known-caption", Static).render())
        assert "2026-11-29 → 2026-12-01" in caption and "now 180 known" in caption
        table = screen.query_one("#articles", DataTable)
        assert table.row_count == 1
        assert table.get_row_at(0) == ["Trump et Poutine", "779", "80%", "2026-12-01"]
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, StatsScreen)


async def test_an_empty_history_says_so() -> None:
    empty = Statistics((), (), (), 0, 0, 0)

    class Empty(App[None]):
        def on_mount(self) -> None:
            self.push_screen(StatsScreen(empty))

    app = Empty()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "nothing yet" in str(app.screen.query_one("#read-caption", Static).render())
        assert app.screen.query_one("#articles", DataTable).row_count == 0
