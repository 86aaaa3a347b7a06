"""The review screen, driven with Pilot: ``R`` from the library screen, the first due
card's blank, reveal, grade (the due count drops by one), ``o`` to the text and Escape
back, undo, practice, and nothing due."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader.app.app import ReaderApp
from reader.app.screens.library import LibraryScreen
from reader.app.screens.peek import PeekScreen
from reader.app.screens.review import ReviewScreen
from reader.learning.store import LearningStore
from reader.library.shelf import Library
from reader.review.sentences import BLANK
from reader.review.store import ReviewStore
from tests.review.conftest import shelve
from tests.review.test_sentences import LEMMAS, TEXT
from tests.support.app import screen_text, settle
from tests.support.gates import wait_until
from tests.support.lookups import quick_lookups


@pytest.fixture
def reviewing(data_dir: Path, library: Library, monkeypatch: pytest.MonkeyPatch) -> Library:
    quick_lookups(monkeypatch)
    monkeypatch.setenv("READER_REVIEW_NEW_PER_DAY", "10")
    shelve(library, TEXT, str(data_dir / "frappes.txt"), LEMMAS)
    LearningStore(data_dir / "learning.sqlite3").set_many(
        {"frapper": "learning-1", "avoir lieu": "learning-2", "tempête": "known"}
    )
    return library


def shown(app: ReaderApp) -> str:
    """The screen's text, spaces collapsed (the screenshot splits styled runs)."""
    return " ".join(screen_text(app).split())


def header(app: ReaderApp) -> str:
    screen = app.screen
    assert isinstance(screen, ReviewScreen)
    return screen.header


async def test_r_reveal_grade_open_and_back(reviewing: Library) -> None:
    app = ReaderApp(None, "none", remember=False, extract=False, statuses=False, library=reviewing)
    async with app.run_test(size=(110, 32)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        await pilot.press("R")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert "2 due · 10 new left today" in header(app)
        text = shown(app)
        assert "La réunion a _____ _____ hier." in text  # « avoir lieu » first (by key)
        assert "eu lieu" not in text
        await pilot.press("space")
        await wait_until(pilot, lambda: "noun" in shown(app))  # the lookup's answer
        text = shown(app)
        assert "La réunion a eu lieu hier." in text and "avoir lieu" in text
        assert "« Les frappes », block 3" in text
        assert "1 Again 1m" in text and "3 Good 10m" in text and "4 Easy 8d" in text
        await pilot.press("3")
        await pilot.pause()
        assert "1 due · 9 new left today" in header(app)
        assert f"La tempête {BLANK} la côte." in shown(app)
        await pilot.press("o")  # the text, at that sentence
        await pilot.pause()
        assert isinstance(app.screen, PeekScreen)
        assert app.screen.view.current == 1
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert f"La tempête {BLANK} la côte." in shown(app)
        await pilot.press("space", "1")
        await pilot.pause()
        assert "Nothing due. The next card is due in 1m" in shown(app)
        await pilot.press("z")  # the last grade taken back: the card is shown again
        await pilot.pause()
        assert "1 due · 9 new left today" in header(app)
        assert "grade of « frapper » undone" in shown(app)
    store = ReviewStore(reviewing.path.parent / "learning.sqlite3")
    assert [(c.key, c.reps) for c in sorted(store.cards(), key=lambda c: c.key)] == [
        ("avoir lieu", 1),
        ("frapper", 0),
    ]
    assert LearningStore(store.path).status("avoir lieu") == "learning-2"


async def test_practice_changes_no_schedule(reviewing: Library) -> None:
    app = ReaderApp(None, "none", remember=False, extract=False, statuses=False, library=reviewing)
    store = ReviewStore(reviewing.path.parent / "learning.sqlite3")
    async with app.run_test(size=(110, 32)) as pilot:
        await pilot.press("R")
        await pilot.pause()
        for _ in range(2):
            await pilot.press("space", "3")
        await pilot.pause()
        assert "Nothing due" in shown(app) and "P: practise" in shown(app)
        before = store.cards()
        await pilot.press("P")
        await pilot.pause()
        assert "Practice · 1 learning word left" in header(app)
        await pilot.press("space", "1", "space", "4")
        await pilot.pause()
        assert "Practice done" in shown(app)
        assert store.cards() == before and len(store.log()) == 2


async def test_r_and_the_palette_from_the_reading_screen(reviewing: Library) -> None:
    from reader.article import load
    from tests.support.paths import SEED

    app = ReaderApp(load(SEED), "none", remember=False, extract=False, statuses=False)
    async with app.run_test(size=(110, 32)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Review: words")
        await settle(app, pilot)  # the palette searches its providers in a worker
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ReviewScreen))
        assert "2 due" in header(app)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.main
        await pilot.press("R")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)


class SaidSpeech:
    """Stands in for ``reader.speech.Speech``: records what it is asked to say."""

    said: list[str] = []

    def __init__(self, *args, **kwargs) -> None:
        pass

    def say(self, text, *, on_start, on_end) -> None:
        SaidSpeech.said.append(text)
        raise __import__("reader.speech", fromlist=["SpeechError"]).SpeechError("no player here")

    def stop(self) -> bool:
        return False


async def test_recognition_mode_p_says_the_sentence_and_mark_known(
    reviewing: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("READER_REVIEW_MODE", "recognition")
    monkeypatch.setenv("READER_REVIEW_KNOWN_DAYS", "5")
    monkeypatch.setattr("reader.speech.Speech", SaidSpeech)
    SaidSpeech.said = []
    app = ReaderApp(None, "none", remember=False, extract=False, statuses=False, library=reviewing)
    async with app.run_test(size=(110, 32)) as pilot:
        await pilot.press("R")
        await pilot.pause()
        assert "La réunion a eu lieu hier." in shown(app)  # the words in bold, not blanked
        await pilot.press("p")
        await wait_until(pilot, lambda: SaidSpeech.said == ["La réunion a eu lieu hier."])
        await pilot.press("space", "4")  # Easy: 8 days, past the 5-day threshold
        await pilot.pause()
        # 8 days and FSRS's fuzz (on in the app): a few days either way.
        assert re.search(r"« avoir lieu » comes back in \d+d: k marks it known", shown(app))
        assert "1 due" in header(app)
        await pilot.press("k")
        await pilot.pause()
        assert "« avoir lieu » is known: out of the review" in shown(app)
    learning = LearningStore(reviewing.path.parent / "learning.sqlite3")
    assert learning.status("avoir lieu") == "known"
    store = ReviewStore(learning.path)
    assert [card.key for card in store.cards()] == ["frapper"]
