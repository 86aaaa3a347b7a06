"""Background work in the app, checked through the messages it posts and what the screen shows.

Workers talk to the screen only through ``reader.app.messages``; each test records them
with ``run_test(message_hook=...)`` and asserts on them and on the screen.
"""

from __future__ import annotations

import re
import threading
from pathlib import Path

import pytest

from reader.app.app import ReaderApp
from reader.app.commands import reader_commands
from reader.app.messages import (
    EngineChanged,
    EngineSwitchFailed,
    EnglishArrived,
    GlossaryReady,
    Notice,
    TranslationDone,
    TranslationFailed,
)
from reader.article import load, parse
from tests.support.app import of_type, settle, status_text, view_text
from tests.support.gates import GatedEngine, register, wait_until
from tests.support.paths import SEED

LONE_FR = "Titre du texte\n\nLe président a parlé de l'OTAN hier soir.\n\nIl a dit non.\n"


def lone_article(tmp_path: Path, glossary: str | None = None):
    path = tmp_path / "lone.fr.txt"
    path.write_text(LONE_FR, encoding="utf-8")
    if glossary is not None:
        (tmp_path / "lone.glossary.toml").write_text(glossary, encoding="utf-8")
    return load(path)


def book(paragraphs: int = 600):
    from tests.support.texts import long_french_text

    text = long_french_text(target_bytes=paragraphs * 300)
    return parse(text, "book.fr.txt")


async def test_a_failing_glossary_is_not_a_translation_failure(
    tmp_path: Path, data_dir: Path
) -> None:
    article = lone_article(tmp_path, glossary='[[entry]]\nfr = "OTAN\nen = "NATO"\n')
    app = ReaderApp(article, "apertium", remember=False, extract=False, statuses=False)
    messages: list = []
    async with app.run_test(size=(120, 30), message_hook=messages.append) as pilot:
        await settle(app, pilot)
        # A malformed curated file is said once, and the rest of the glossary goes on.
        said = [m for m in of_type(messages, Notice) if m.title == "Glossary"]
        assert len(said) == 1 and "curated glossary unreadable" in said[0].text
        assert not of_type(messages, TranslationFailed)
        assert of_type(messages, TranslationDone)
        status = status_text(app)
        assert "English: apertium" in status and "unavailable" not in status
        assert "The president" in view_text(app)


async def test_a_failed_engine_switch_keeps_the_english_shown(
    tmp_path: Path, data_dir: Path
) -> None:
    app = ReaderApp(
        lone_article(tmp_path), "apertium", remember=False, extract=False, statuses=False
    )
    messages: list = []
    async with app.run_test(size=(120, 30), message_hook=messages.append) as pilot:
        await settle(app, pilot)
        before = view_text(app)
        assert "The president" in before
        app.main.switch_engine("reference")  # no lone.en.txt beside the article
        await settle(app, pilot)
        failed = of_type(messages, EngineSwitchFailed)
        assert len(failed) == 1 and "no reference translation" in failed[0].error
        assert view_text(app) == before and "English: apertium" in status_text(app)
        assert [m.name for m in of_type(messages, EngineChanged)] == ["apertium"]


async def test_a_successful_switch_rebuilds_english_and_glossary(data_dir: Path) -> None:
    app = ReaderApp(load(SEED), "apertium", remember=False, extract=False, statuses=False)
    messages: list = []
    async with app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
        await settle(app, pilot)
        glossaries = len(of_type(messages, GlossaryReady))
        app.main.switch_engine("reference")
        await settle(app, pilot)
        await settle(app, pilot)
        assert [m.name for m in of_type(messages, EngineChanged)] == ["apertium", "reference"]
        assert "What happens now that Trump has turned on Putin?" in view_text(app)
        assert len(of_type(messages, GlossaryReady)) > glossaries  # rebuilt for the new engine
        assert "English: reference" in status_text(app)


async def test_the_palette_marks_engines_that_cannot_run(tmp_path: Path, data_dir: Path) -> None:
    app = ReaderApp(
        lone_article(tmp_path), "apertium", remember=False, extract=False, statuses=False
    )
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot, wait_for=("engines",))
        titles = [c.title for c in reader_commands(app.main)]
        assert "Engine: reference (unavailable)" in titles
        assert "Engine: apertium" in titles and "Engine: none" in titles


async def test_blocks_on_screen_get_their_english_first_after_a_jump(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The engine holds its first chunk until the screen has reacted to End: the very next
    chunk is the one on screen, whatever the machine's speed."""
    engine = GatedEngine()
    register(monkeypatch, engine)
    article = book()
    last = len(article.blocks) - 1
    app = ReaderApp(article, "gated", remember=False, extract=False, enforce=False, statuses=False)
    messages: list = []
    async with app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
        await wait_until(pilot, engine.entered.is_set)  # the top blocks are in the engine
        await pilot.press("end")
        await wait_until(pilot, lambda: last in app.view.visible_rows())
        await pilot.pause()  # the screen refocuses the schedule after the refresh
        engine.gate.set()
        await settle(app, pilot)
        chunks = [m.chunk for m in of_type(messages, EnglishArrived)]
    assert [t.index for t in chunks[0]][0] == 0  # the one in flight when End was pressed
    assert last in {t.index for t in chunks[1]}  # the first one taken after it
    assert len(chunks) < len(article.blocks) // 5  # far fewer calls than blocks
    order = {t.index for chunk in chunks for t in chunk}
    assert sorted(order) == list(range(len(article.blocks)))


async def test_the_glossary_panel_waits_for_the_translation(data_dir: Path) -> None:
    app = ReaderApp(book(), "apertium", remember=False, extract=True, statuses=False)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("g")
        await pilot.pause()
        from textual.widgets import Static

        note = str(app.main.panel.query_one("#definition", Static).render())
        assert "waiting for the translation" in note and not re.search(r"\b0 entries", note)
        await pilot.press("q")


async def test_quitting_does_not_wait_for_term_extraction(data_dir: Path) -> None:
    """spaCy runs in a daemon thread that exit never joins (thread workers would be joined)."""
    app = ReaderApp(book(3000), "none", remember=False, extract=True, statuses=False)
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(600):
            await pilot.pause(0.1)
            extracting = [t for t in threading.enumerate() if t.name == "reader-extract"]
            if extracting:
                break
        else:
            raise AssertionError("term extraction never started")
        await pilot.press("q")
    assert all(t.daemon for t in extracting)
    assert app.return_code == 0


async def test_an_unusable_data_folder_still_gives_english_and_notices(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be", encoding="utf-8")
    monkeypatch.setenv("READER_DATA_DIR", str(blocker))
    from textual.notifications import Notify

    app = ReaderApp(
        lone_article(tmp_path), "apertium", remember=True, extract=False, statuses=False
    )
    messages: list = []
    async with app.run_test(size=(120, 30), message_hook=messages.append) as pilot:
        await settle(app, pilot)
        await pilot.press("j", "q")
    told = " | ".join(m.notification.message for m in of_type(messages, Notify))
    assert "reading positions are off" in told and "without a cache" in told
    assert of_type(messages, TranslationDone) and not of_type(messages, TranslationFailed)
    assert blocker.read_text(encoding="utf-8").startswith("a file")
