"""Reviews per day and true retention (the share of reviews passed) in the statistics,
``reader stats`` and the statistics screen; grades taken back do not count."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual.app import App
from textual.widgets import Sparkline, Static

from reader.app.screens.stats import StatsScreen
from reader.learning.stats import statistics
from reader.learning.store import LearningStore
from reader.review.cards import Rating
from tests.review.conftest import T0


def test_reviews_per_day_and_retention(store) -> None:
    LearningStore(store.path).set_many({"frapper": "learning-1", "lieu": "learning-1"})
    store.sync(T0)
    store.grade("frapper", Rating.Again, T0)
    store.grade("frapper", Rating.Good, T0 + timedelta(minutes=1))
    store.grade("lieu", Rating.Hard, T0 + timedelta(days=1))
    undone = store.grade("lieu", Rating.Again, T0 + timedelta(days=1, minutes=6))
    store.undo(undone.log_id)
    result = statistics(LearningStore(store.path), today=(T0 + timedelta(days=2)).date())
    assert result.reviews_by_day == (("2026-01-05", 2), ("2026-01-06", 1), ("2026-01-07", 0))
    assert (result.reviews, result.passed) == (3, 2)
    data = result.to_json()
    assert data["retention"] == round(2 / 3, 4) and data["reviews"] == 3
    assert data["reviews_by_day"][0] == {"day": "2026-01-05", "reviews": 2}


def test_no_reviews_yet(data_dir: Path) -> None:
    result = statistics(LearningStore())
    assert result.reviews_by_day == () and result.retention is None


async def test_the_screen_shows_reviews_and_retention(store) -> None:
    LearningStore(store.path).set("frapper", "learning-1")
    store.sync(T0)
    store.grade("frapper", Rating.Good, T0)
    result = statistics(LearningStore(store.path), today=T0.date())

    class Host(App[None]):
        def on_mount(self) -> None:
            self.push_screen(StatsScreen(result))

    app = Host()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert list(screen.query_one("#reviews", Sparkline).data or []) == [1]
        line = str(screen.query_one("#retention", Static).render())
        assert line == "True retention: 100% of 1 reviews passed"
