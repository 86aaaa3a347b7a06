"""The cards and the log: which lemmas are cards, FSRS's intervals (fuzzing off, a fixed
clock), undo, the new cards a day, and grading that never touches a status."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from reader.learning.store import LearningStore
from reader.learning.vocab import Vocabulary
from reader.review.cards import GRADES, Rating, card_id, interval, kind_of
from reader.review.store import ReviewError, ReviewStore
from tests.review.conftest import T0

GOLDEN = {
    # FSRS-6 default parameters, no fuzz, each grade given when the card falls due.
    ("good",) * 5: [
        "0:10:00",
        "2 days, 0:00:00",
        "11 days, 0:00:00",
        "46 days, 0:00:00",
        "163 days, 0:00:00",
    ],
    ("again", "good", "good", "good", "again", "good"): [
        "0:01:00",
        "0:10:00",
        "1 day, 0:00:00",
        "2 days, 0:00:00",
        "0:10:00",
        "1 day, 0:00:00",
    ],
    ("easy",) * 3: ["8 days, 0:00:00", "66 days, 0:00:00", "397 days, 0:00:00"],
    ("hard",) * 2: ["0:05:30", "0:05:30"],
}


def learning(store: ReviewStore, **statuses: str) -> None:
    LearningStore(store.path).set_many(statuses)
    store.sync(T0)


@pytest.mark.parametrize("grades", list(GOLDEN))
def test_golden_interval_sequences(store: ReviewStore, grades) -> None:
    learning(store, frapper="learning-1")
    now, seen = T0, []
    for name in grades:
        after = store.grade("frapper", GRADES[name], now).after
        seen.append(str(after.card.due - now))
        now = after.card.due
    assert seen == GOLDEN[grades]
    card = store.card("frapper")
    assert card is not None and card.reps == len(grades)
    assert card.lapses == (1 if grades[4:5] == ("again",) else 0)  # "again" on a review card
    assert [row[1] for row in store.log()] == [int(GRADES[g]) for g in grades]


def test_which_lemmas_are_cards(store: ReviewStore) -> None:
    Vocabulary(store.path.parent / "vocabulary.sqlite3").save(
        word="paysannes", lemma="paysan", english="farmer", source="test", sentence="Les paysannes."
    )
    Vocabulary(store.path.parent / "vocabulary.sqlite3").save(
        word="Macron", lemma="Macron", english="", source="test"
    )
    learning(
        store,
        frapper="learning-1",
        **{"avoir lieu": "learning-2", "2024": "learning-1"},
        sommet="known",
        chercher="ignored",
    )
    keys = {card.key: card.kind for card in store.cards()}
    assert keys == {"frapper": "word", "avoir lieu": "phrase", "paysan": "word"}
    assert {c.key: c.status for c in store.cards()}["paysan"] == "new"
    # Known takes a card out of the queue, with its schedule kept; learning puts it back.
    store.grade("frapper", Rating.Good, T0)
    learning(store, frapper="known")
    assert "frapper" not in {c.key for c in store.cards()}
    learning(store, frapper="learning-3")
    back = store.card("frapper")
    assert back is not None and back.active and back.reps == 1
    # A saved word marked ignored is out too.
    learning(store, paysan="ignored")
    assert "paysan" not in {c.key for c in store.cards()}


def test_card_ids_are_fixed_and_grading_keeps_the_status(
    store: ReviewStore, tmp_path: Path
) -> None:
    learning(store, frapper="learning-2")
    card = store.card("frapper")
    assert card is not None and card.id == card_id("frapper") == card_id("frapper")
    other = ReviewStore(tmp_path / "other.sqlite3")
    LearningStore(other.path).set("frapper", "learning-1")
    other.sync(T0)
    assert other.card("frapper").id == card.id  # the same in another data folder
    for rating in (Rating.Easy, Rating.Easy, Rating.Easy):
        store.grade("frapper", rating, T0 + timedelta(days=400))
    assert LearningStore(store.path).status("frapper") == "learning-2"
    assert kind_of("mettre fin à") == "phrase" and kind_of("lieu") == "word"


def test_new_cards_a_day_and_the_queue_order(store: ReviewStore) -> None:
    learning(store, **{f"mot{letter}": "learning-1" for letter in "abcde"})
    assert store.counts(3, T0).due == 3 and store.counts(3, T0).new_left == 3
    first = store.queue(3, T0)
    assert [c.key for c in first] == ["mota", "motb", "motc"]
    store.grade("mota", Rating.Good, T0)
    counts = store.counts(3, T0)
    assert (counts.due, counts.new_left, counts.new_waiting) == (2, 2, 2)
    # Ten minutes on, the reviewed card is due again, before the new ones.
    later = T0 + timedelta(minutes=11)
    assert [c.key for c in store.queue(3, later)][:1] == ["mota"]
    # The next day: three new ones again.
    assert store.counts(3, T0 + timedelta(days=1)).new_left == 3
    assert store.next_due(T0) == T0 + timedelta(minutes=10)


def test_undo_restores_the_card_and_keeps_the_log(store: ReviewStore) -> None:
    learning(store, frapper="learning-1")
    store.grade("frapper", Rating.Good, T0)
    second = store.grade("frapper", Rating.Easy, T0 + timedelta(minutes=10))
    card = store.undo(second.log_id, T0 + timedelta(minutes=11))
    assert card.card.due == T0 + timedelta(minutes=10) and card.reps == 1
    assert [r[1] for r in store.log()] == [int(Rating.Good)]
    with pytest.raises(ReviewError):
        store.undo(second.log_id)  # once only
    first_id = second.log_id - 1
    store.grade("frapper", Rating.Good, T0 + timedelta(minutes=12))
    with pytest.raises(ReviewError, match="graded again"):
        store.undo(first_id)


def test_preview_changes_nothing(store: ReviewStore) -> None:
    learning(store, frapper="learning-1")
    card = store.card("frapper")
    preview = store.preview(card, T0)
    assert [interval(preview[r]) for r in Rating] == ["1m", "6m", "10m", "8d"]
    assert store.card("frapper") == card and store.log() == []


def test_no_card(store: ReviewStore) -> None:
    with pytest.raises(ReviewError, match="has no card"):
        store.grade("inconnu", Rating.Good, T0)


def test_reader_review_opens_the_app_on_the_review_screen(monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.cli import main

    calls = []
    monkeypatch.setattr(
        "reader.commands.open.open_article", lambda *args, **kw: calls.append((args, kw))
    )
    with pytest.raises(SystemExit) as done:  # Typer's standalone mode exits
        main(["review"])
    assert done.value.code == 0
    assert calls == [((None, "auto"), {"review": True})]


def test_review_settings() -> None:
    from reader.settings import ReviewSettings, Settings

    assert Settings.from_env({}).review == ReviewSettings(10, "cloze", 60)
    chosen = Settings.from_env(
        {
            "READER_REVIEW_NEW_PER_DAY": "0",
            "READER_REVIEW_MODE": "Recognition",
            "READER_REVIEW_KNOWN_DAYS": "30",
        }
    ).review
    assert chosen == ReviewSettings(0, "recognition", 30)
    bad = Settings.from_env(
        {
            "READER_REVIEW_NEW_PER_DAY": "many",
            "READER_REVIEW_MODE": "typing",
            "READER_REVIEW_KNOWN_DAYS": "-3",
        }
    ).review
    assert bad == ReviewSettings(10, "cloze", 1)
