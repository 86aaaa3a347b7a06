"""Statistics from the learning file: known lemmas over time (from the history), words read
per day, each article's % known recomputed from today's statuses."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from reader.learning.stats import statistics
from reader.learning.store import LearningStore


def test_series_fill_every_day_and_articles_follow_the_statuses(data_dir: Path) -> None:
    store = LearningStore()
    store.set_many({"chat": "known", "chien": "known", "dormir": "learning-1"})
    store.set("chien", "learning-2")  # a known word forgotten: one fewer known
    today = datetime.now(UTC).date()
    store.record_read("a", 0, 30, date(2026, 11, 28))
    store.record_read("a", 1, 12, date(2026, 11, 30))
    store.record_article("a", "Les chats", "a.fr.txt", 20, {"chat": 4, "chien": 2, "voir": 4})
    store.record_article("b", "Les chiens", "b.fr.txt", 5, {"chien": 5})
    result = statistics(store, today=today)
    assert (result.known, result.learning, result.ignored) == (1, 2, 0)
    assert result.known_by_day[-1] == (today.isoformat(), 1)
    assert result.words_by_day[:3] == (
        ("2026-11-28", 30),
        ("2026-11-29", 0),
        ("2026-11-30", 12),
    )
    shares = {a.article: a for a in result.articles}
    assert (shares["a"].known, shares["a"].countable, shares["a"].share) == (4, 10, 0.4)
    assert shares["b"].known == 0
    store.set("chien", "known")  # no text analysed again: the stored counts answer
    again = {a.article: a.share for a in statistics(store, today=today).articles}
    assert again == {"a": 0.6, "b": 1.0}
    data = result.to_json()
    assert set(data) == {
        "known",
        "learning",
        "ignored",
        "known_by_day",
        "words_by_day",
        "reviews_by_day",
        "reviews",
        "retention",
        "articles",
    }


def test_nothing_yet(data_dir: Path) -> None:
    result = statistics(LearningStore())
    assert result.known_by_day == () and result.words_by_day == () and result.articles == ()


def test_an_articles_share_leaves_its_ignored_words_out(data_dir: Path) -> None:
    store = LearningStore()
    store.record_article("a", "Les chats", "a.fr.txt", 10, {"le": 4, "chat": 3, "voir": 3})
    store.set_many({"le": "ignored", "chat": "known"})
    (share,) = statistics(store).articles
    assert (share.known, share.ignored, share.countable) == (3, 4, 10)
    assert share.share == 0.5  # 3 known of the 6 words not ignored


def test_the_sparkline_starts_from_zero() -> None:
    """Trial row T35: one day of 128 known lemmas was drawn as the lowest bar."""
    from reader.commands.stats import spark

    assert spark([128]) == "█"
    assert spark([0, 64, 128]) == "▁▄█"
    assert spark([0, 0]) == "▁▁"
    assert spark([]) == ""


def test_the_help_of_reader_stats_does_not_break_a_sentence() -> None:
    """Trial row T27: ``reader stats -h`` wrapped mid-sentence (a docstring's line break)."""
    from tests.support.cli import run_reader

    done = run_reader("stats", "-h", env={"COLUMNS": "200"})
    lines = [line.strip() for line in done.stdout.splitlines()]
    paragraphs = [line for line in lines if line and not line.startswith(("Usage", "╭", "│", "╰"))]
    assert all(p.endswith((".", ":")) for p in paragraphs), paragraphs


def test_tokens_and_lemmas_go_by_two_names(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Trial row T6: "303 new words" (lemmas) and "779 words to learn" (tokens) for one
    article: the statistics now call tokens running words."""
    from reader.cli import main

    store = LearningStore()
    store.record_article("a", "Les chats", "a.fr.txt", 10, {"chat": 4, "chien": 2, "voir": 4})
    try:
        main(["stats"])
    except SystemExit as exit_:
        assert not exit_.code
    out = capsys.readouterr().out
    assert "running words" in out and "words to learn" not in out
