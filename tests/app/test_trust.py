"""English you can trust, in the app: terms marked in the English, unknown words dimmed,
and --no-enforce showing the raw English (real Apertium)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.app.app import ReaderApp
from reader.app.messages import EnglishArrived
from reader.article import load
from tests.support.app import of_type, settle
from tests.support.paths import SEED

pytestmark = pytest.mark.needs_apertium


async def _english_and_marks(enforce: bool):
    app = ReaderApp(
        load(SEED), "apertium", remember=False, extract=False, enforce=enforce, statuses=False
    )
    messages: list = []
    async with app.run_test(size=(160, 48), message_hook=messages.append) as pilot:
        await settle(app, pilot)
        english = {t.index: t for m in of_type(messages, EnglishArrived) for t in m.chunk}
        marks = [(b, m) for b, block in app.view.marks.items() for m in block if m.lang == "en"]
        await pilot.press("q")
    return english, marks


async def test_enforced_terms_are_marked_and_unknown_words_dimmed(data_dir: Path) -> None:
    english, marks = await _english_and_marks(enforce=True)
    kinds = {m.kind for _, m in marks}
    assert {"term", "unknown"} <= kinds
    text = {i: t.text for i, t in english.items()}
    unknown = [text[b][m.start : m.end] for b, m in marks if m.kind == "unknown"]
    assert "dépens" in unknown  # French Apertium did not know, dimmed
    statuses = {s.status for t in english.values() for ts in t.terms for s in ts}
    assert "enforced" in statuses
    assert any("tariffs" in t.text for t in english.values())


async def test_no_enforce_shows_the_raw_english(data_dir: Path) -> None:
    english, _ = await _english_and_marks(enforce=False)
    statuses = {s.status for t in english.values() for ts in t.terms for s in ts}
    assert "enforced" not in statuses
    assert not any("tariffs" in t.text for t in english.values())
