"""Speech in the app (issue 17): ``p`` says the sentence or the word, highlighted while it
plays; a new ``p`` or Escape stops it; no audio device is one notice. The player is a stub
chosen by READER_SPEECH_PLAYER (tests/speech/support.py), or this machine's own."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from textual.notifications import Notify
from textual.pilot import Pilot

from reader.app.app import ReaderApp
from reader.app.marks import Mark
from reader.app.speaking import SpeechEnded, SpeechStarted, Spoken, to_say
from reader.app.widgets.article_view import SPEAKING_BAR, ArticleView
from reader.article import load
from reader.speech.wav import split
from tests.speech.support import GATED, LONG, alive, make_stub, no_audio_device_here
from tests.support.app import make_app, of_type, settle
from tests.support.gates import wait_until
from tests.support.lookups import quick_lookups
from tests.support.paths import SEED

LEDE = 1
"""« L’article met en lumière le remarquable tournant de Trump contre Poutine… »"""
PRESIDENT = 2
"""A paragraph of three sentences: « Le président Donald Trump semble avoir appris… »"""


def drawn_as_spoken(view: ArticleView) -> tuple[int, str]:
    """How many lines on screen have ``♫`` in the margin, and the text drawn in the
    ``speaking`` style (its tint and italic)."""
    tint = view.mark_style(Mark("fr", 0, 1, "speaking")).bgcolor
    lines, text = 0, []
    for y in range(view.size.height):
        strip = list(view.render_line(y))
        lines += strip[0].text == SPEAKING_BAR
        spoken = (
            s.text for s in strip[1:] if s.style and s.style.italic and s.style.bgcolor == tint
        )
        text.append("".join(spoken).strip())
    return lines, " ".join(t for t in text if t)


@asynccontextmanager
async def reading(
    monkeypatch: pytest.MonkeyPatch, player: str | None
) -> AsyncIterator[tuple[ReaderApp, Pilot, list]]:
    """The app on the seed, its translation done, speaking with ``player`` (None: this
    machine's own); the messages it handled."""
    if player is None:
        monkeypatch.delenv("READER_SPEECH_PLAYER", raising=False)
    else:
        monkeypatch.setenv("READER_SPEECH_PLAYER", player)
    app = make_app()
    messages: list = []
    async with app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
        await settle(app, pilot)
        yield app, pilot, messages


def sentence(index: int, number: int) -> Spoken:
    block = load(SEED).blocks[index]
    s = block.sentences[number]
    return Spoken(s.text, index, s.start, s.end)


def test_what_p_says() -> None:
    block = load(SEED).blocks[PRESIDENT]
    first, second = block.sentences[0], block.sentences[1]
    assert to_say(block, None, None) == sentence(PRESIDENT, 0)
    assert to_say(block, 1, None) == sentence(PRESIDENT, 1)
    word = (second.start, second.start + 3)
    assert to_say(block, 1, word) == Spoken(block.text[word[0] : word[1]], PRESIDENT, *word)
    # The lookup panel's word: highlighted in the cursor's word; elsewhere, said alone.
    assert to_say(block, 0, word, block.text[word[0] : word[1]]) == to_say(block, 1, word)
    assert to_say(block, 0, word, block.text[word[0] + 1 : word[1]]) == Spoken(
        block.text[word[0] + 1 : word[1]], PRESIDENT, word[0] + 1, word[1]
    )
    assert to_say(block, 0, word, "OTAN") == Spoken("OTAN")
    assert to_say(block, 0, None, "OTAN") == Spoken("OTAN")
    assert Spoken("OTAN").highlight is None
    assert sentence(PRESIDENT, 0).highlight == (
        PRESIDENT,
        Mark("fr", first.start, first.end, "speaking"),
    )


@pytest.mark.slow
@pytest.mark.needs_espeak
async def test_p_highlights_the_sentence_while_it_plays_and_clears_it_at_the_end(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stub = make_stub(tmp_path / "stub", then=GATED)
    async with reading(monkeypatch, stub.command) as (app, pilot, messages):
        view = app.view
        await pilot.press("j", "j", "right_square_bracket", "right_square_bracket", "p")
        await wait_until(pilot, lambda: of_type(messages, SpeechStarted))
        await pilot.pause()
        expected = sentence(PRESIDENT, 1)
        (started,) = of_type(messages, SpeechStarted)
        assert started.spoken == expected
        assert view.speaking == expected.highlight
        lines, text = drawn_as_spoken(view)
        assert lines >= 1 and text == expected.text
        assert view.sentence == 1  # the selection is untouched
        assert not of_type(messages, SpeechEnded)  # the stub plays on until released
        stub.release()
        await wait_until(pilot, lambda: of_type(messages, SpeechEnded))
        await pilot.pause()
        (ended,) = of_type(messages, SpeechEnded)
        assert (ended.number, ended.error, ended.stopped) == (started.number, None, False)
        assert view.speaking is None and drawn_as_spoken(view) == (0, "")
        assert not of_type(messages, Notify)
    fmt, samples = split(stub.received.read_bytes())
    assert fmt.rate == 22050 and len(samples) > fmt.rate  # more than half a second of sound


@pytest.mark.slow
@pytest.mark.needs_espeak
async def test_a_new_p_stops_the_first_and_escape_stops_the_second(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stub = make_stub(tmp_path / "stub", then=LONG)
    async with reading(monkeypatch, stub.command) as (app, pilot, messages):
        view = app.view
        await pilot.press("j", "j", "p")
        await wait_until(pilot, lambda: of_type(messages, SpeechStarted))
        assert view.speaking == sentence(PRESIDENT, 0).highlight
        # On the word cursor, p says the word: the sentence stops.
        await pilot.press("right", "p")
        await wait_until(pilot, lambda: len(of_type(messages, SpeechStarted)) == 2)
        await wait_until(pilot, lambda: of_type(messages, SpeechEnded))
        await pilot.pause()
        first, second = of_type(messages, SpeechStarted)
        assert second.spoken.text == "Le" and second.number > first.number
        (stopped,) = of_type(messages, SpeechEnded)
        assert stopped.number == first.number and stopped.stopped and stopped.error is None
        assert view.speaking == second.spoken.highlight
        assert drawn_as_spoken(view)[1] == "Le"
        # Escape stops the speech, and only that: the glossary panel keeps the focus.
        await pilot.press("g")
        await pilot.pause()
        focused = app.focused
        assert focused is not None and focused is not view
        await pilot.press("escape")
        await wait_until(pilot, lambda: len(of_type(messages, SpeechEnded)) == 2)
        await pilot.pause()
        assert of_type(messages, SpeechEnded)[1].stopped
        assert view.speaking is None and app.focused is focused
        await pilot.press("escape")  # nothing is said now: Escape goes back to the text
        await pilot.pause()
        assert app.focused is view
        assert not of_type(messages, Notify)


@pytest.mark.slow
@pytest.mark.needs_espeak
@pytest.mark.skipif(no_audio_device_here() is None, reason="this machine may have an audio device")
async def test_without_an_audio_device_p_is_one_notice(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """This machine's own default: aplay, which finds no sound card."""
    async with reading(monkeypatch, None) as (app, pilot, messages):
        await pilot.press("p")
        await wait_until(pilot, lambda: of_type(messages, Notify))
        await pilot.pause()
        (ended,) = of_type(messages, SpeechEnded)
        assert ended.error is not None and ended.error.startswith("no audio device: aplay: ")
        notices = [m.notification for m in of_type(messages, Notify)]
        assert [(n.message, n.title) for n in notices] == [(ended.error, "Speech")]
        assert app.view.speaking is None


async def test_the_help_lists_p_and_still_fits_a_40_line_terminal(data_dir: Path) -> None:
    from textual.containers import VerticalScroll

    from reader.app.screens.help import HelpScreen
    from tests.support.app import screen_text

    app = make_app("none")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert re.search(r"(^|\s)p\s+Hear the sentence or word", screen_text(app))
        assert app.screen.query_one(VerticalScroll).max_scroll_y == 0


@pytest.mark.slow
@pytest.mark.needs_espeak
async def test_in_the_lookup_panel_p_says_the_word(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """« L’article » looked up is « article »: p there says the panel's word, not the
    cursor's, highlighted where it is in the text."""
    from reader.app.messages import LookupReady
    from reader.app.widgets.lookup_panel import LookupPanel

    quick_lookups(monkeypatch)
    stub = make_stub(tmp_path / "stub")
    async with reading(monkeypatch, stub.command) as (app, pilot, messages):
        await pilot.press("j", "right", "l")
        await wait_until(pilot, lambda: of_type(messages, LookupReady))
        await pilot.pause()
        panel = app.main.query_one(LookupPanel)
        assert panel.has_focus and panel.result is not None and panel.result.word == "article"
        await pilot.press("p")
        await wait_until(pilot, lambda: of_type(messages, SpeechEnded))
        (started,) = of_type(messages, SpeechStarted)
        assert started.spoken == Spoken("article", LEDE, 2, 9)
        assert app.article.blocks[LEDE].text.startswith("L’article")
        (ended,) = of_type(messages, SpeechEnded)
        assert ended.error is None and not ended.stopped


@pytest.mark.slow
@pytest.mark.needs_espeak
async def test_quitting_while_speaking_leaves_no_sound_playing(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stub = make_stub(tmp_path / "stub", then=LONG)
    async with reading(monkeypatch, stub.command) as (app, pilot, messages):
        await pilot.press("p")
        await wait_until(pilot, lambda: stub.child.exists())
        child = int(stub.child.read_text())
        assert alive(child, grace=0)
        await pilot.press("q")
    assert app.return_code == 0
    assert not alive(child), "the player's child outlived the app"


@pytest.mark.slow
@pytest.mark.needs_espeak
async def test_each_p_without_a_sound_card_is_not_another_notice(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Trial row T24: each p stacked another identical "no audio device" notice."""
    from tests.speech.support import failing

    stub = make_stub(tmp_path / "stub", then=failing("cannot open the sound card"))
    async with reading(monkeypatch, stub.command) as (app, pilot, messages):
        for times in (1, 2, 3):
            await pilot.press("p")
            await wait_until(pilot, lambda n=times: len(of_type(messages, SpeechEnded)) == n)
            await pilot.pause()
        ended = of_type(messages, SpeechEnded)
        assert all(e.error and "cannot open the sound card" in e.error for e in ended)
        notices = [m.notification for m in of_type(messages, Notify)]
        assert [n.title for n in notices] == ["Speech"]
