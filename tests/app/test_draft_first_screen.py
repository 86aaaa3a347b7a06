"""The first screenful through the engine's draft (Argos: greedy), upgraded once all is done."""

from __future__ import annotations

from pathlib import Path

from reader.app.app import ReaderApp
from reader.app.messages import EnglishArrived, TranslationDone
from reader.app.schedule import Schedule
from reader.article import load
from tests.support.app import of_type, settle
from tests.support.paths import SEED


def test_schedule_says_which_chunk_comes_first_after_a_jump() -> None:
    schedule = Schedule([2] * 40, first=4)
    assert schedule.take() and schedule.last_was_first
    assert schedule.take() and not schedule.last_was_first
    schedule.focus_on(30)
    assert schedule.take()[0] == 30 and schedule.last_was_first
    assert schedule.take() and not schedule.last_was_first


async def test_first_screen_is_drafted_then_upgraded(
    installed_standin: Path, data_dir: Path
) -> None:
    article = load(SEED)
    app = ReaderApp(article, "argos", remember=False, extract=False, statuses=False)
    messages: list = []
    async with app.run_test(size=(160, 48), message_hook=messages.append) as pilot:
        await settle(app, pilot)
        chunks = [m.chunk for m in of_type(messages, EnglishArrived)]
        assert of_type(messages, TranslationDone)
        await pilot.press("q")
    first, last = chunks[0], chunks[-1]
    assert all(t.version.endswith("greedy") for t in first)
    assert {t.index for t in last} == {t.index for t in first}  # the same blocks, again
    assert not any(t.version.endswith("greedy") for t in last)
    final = {t.index: t for chunk in chunks for t in chunk}  # what the screen holds at the end
    assert len(final) == len(article.blocks)
    assert not any(t.version.endswith("greedy") for t in final.values())
