"""The reader app driven with Pilot: every key, persistence, layout, engines, big texts."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from reader.app.app import ReaderApp
from reader.app.commands import reader_commands
from reader.app.messages import EngineChanged, TranslationFailed
from reader.app.screens.help import HelpScreen
from reader.app.widgets.article_view import PLACEHOLDER_HIDDEN, ArticleView
from reader.article import load, parse
from tests.support.app import (
    help_text,
    make_app,
    of_type,
    settle,
    status_text,
    view_text,
)
from tests.support.paths import ROOT

FR_TITLE = "Que se passe-t-il maintenant"
EN_TITLE = "What happens now that Trump"


async def test_modes_show_only_their_language(data_dir: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        both = view_text(app)
        assert FR_TITLE in both and EN_TITLE in both and "reference" in both
        await pilot.press("f")
        french = view_text(app)
        assert FR_TITLE in french and "Le président Donald Trump" in french
        assert (
            EN_TITLE not in french
            and "President Donald Trump" not in french
            and "reference" not in french
        )
        await pilot.press("e")
        english = view_text(app)
        assert EN_TITLE in english and "President Donald Trump" in english
        assert FR_TITLE not in english and "Le président" not in english
        await pilot.press("b")
        assert view_text(app) == both


async def test_moving_through_blocks(data_dir: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        view = app.view
        await pilot.press("j", "j", "down")
        assert view.current == 3
        await pilot.press("k", "up")
        assert view.current == 1
        await pilot.press("end")
        assert (
            view.current == len(app.article.blocks) - 1 and view.scroll_y == view.max_scroll_y > 0
        )
        await pilot.press("home")
        assert view.current == 0 and view.scroll_y == 0
        await pilot.press("pagedown")
        assert view.scroll_y > 0 and view.current > 0
        for _ in range(40):
            await pilot.press("j")
        assert view.current == len(app.article.blocks) - 1
        top = view.row_top(view.current)
        assert view.scroll_y <= top < view.scroll_y + view.scrollable_content_region.height
        assert status_text(app).startswith("block 20/20")


async def test_mouse_click_selects_a_block(data_dir: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        view = app.view
        target = 4
        await pilot.click(ArticleView, offset=(3, view.row_top(target) + 1))
        assert view.current == target


async def test_learner_mode_space_and_h(data_dir: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("space")
        text = view_text(app)
        assert PLACEHOLDER_HIDDEN in text and EN_TITLE not in text
        await pilot.press("space")
        assert EN_TITLE in view_text(app)
        await pilot.press("h")
        hidden = view_text(app)
        assert (
            "President Donald Trump" not in hidden and EN_TITLE not in hidden and FR_TITLE in hidden
        )
        await pilot.press("j", "j", "space")  # reveal the third block only
        revealed = view_text(app)
        assert "President Donald Trump" in revealed and EN_TITLE not in revealed
        await pilot.press("h")  # some English shows: h hides it all again
        assert "President Donald Trump" not in view_text(app)
        await pilot.press("h")  # all hidden: h shows it all
        assert EN_TITLE in view_text(app) and "President Donald Trump" in view_text(app)


async def test_sentence_stepping_highlights_both_languages(data_dir: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        view = app.view
        await pilot.press("j", "j", "right_square_bracket")
        assert view.current == 2 and view.sentence == 0
        row = view.row_top(2) - int(view.scroll_y)
        line = list(view.render_line(row))
        sentence = next(seg.style for seg in line if seg.text.startswith("Le président"))
        # Bold survives 256 and 16 colours, where backgrounds can merge; the tint is its own.
        assert sentence is not None and sentence.bold
        assert sentence.bgcolor is not None and sentence.bgcolor != line[0].style.bgcolor
        highlighted = "".join(
            seg.text
            for seg in line
            if seg.style and seg.style.bgcolor == sentence.bgcolor and seg.style.bold
        )
        assert (
            "Le président Donald Trump" in highlighted and "President Donald Trump" in highlighted
        )
        await pilot.press("right_square_bracket", "right_square_bracket", "right_square_bracket")
        assert view.sentence == 0  # three sentences: wraps around
        await pilot.press("left_square_bracket")
        assert view.sentence == 2
        await pilot.press("j")
        assert view.sentence is None


async def test_help_screen_lists_the_keys(data_dir: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        shown = await help_text(app, pilot)
        for words in (
            "Next sentence",
            "Hide all English",
            "Back to the text",
            "French",
            "Next occurrence",
            "Filter",
            "Command palette",
        ):
            assert words in shown
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_command_palette_actions(data_dir: Path) -> None:
    app = make_app(extract=False)
    messages: list = []
    async with app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
        await settle(app, pilot)
        commands = {c.title: c for c in reader_commands(app.main)}
        for title in ("Mode: English only", "Engine: none"):
            assert title in commands
        # Languages keep their capitals; "none" is not an engine to translate with
        assert commands["Mode: French and English"].help == "Show French and English"
        assert commands["Engine: none"].help == "French only, no English"
        # The palette itself: its provider finds the heading, Enter jumps there.
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "CommandPalette"
        await pilot.press(*"Jump to: La vision")
        await settle(app, pilot)  # the palette searches its providers in a worker
        await pilot.press("enter")
        await pilot.pause()
        assert app.view.current == 14 and app.view.scroll_y == app.view.row_top(14)
        commands["Mode: English only"].run()
        assert app.view.mode == "english"
        commands["Engine: none"].run()
        await settle(app, pilot)
        await settle(app, pilot)
        assert [m.name for m in of_type(messages, EngineChanged)] == ["reference", "none"]
        assert "English: none" in status_text(app) and "French only" in status_text(app)
        assert app.view.columns is not None and app.view.columns.mode == "french"


async def test_position_and_mode_are_remembered(data_dir: Path) -> None:
    app = make_app(remember=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("j", "j", "j", "f", "q")
    assert (data_dir / "library.sqlite3").is_file()  # positions live in the library database
    assert not (data_dir / "positions.json").exists()
    again = make_app(remember=True)
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(again, pilot)
        assert again.view.current == 3 and again.view.mode == "french"


async def test_a_position_that_cannot_be_saved_on_quitting_is_said_after_the_app(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """QA 2026-12-01 Q4: on a full disk the last save fails as the app quits; a notice would
    vanish with it, so the app keeps the reason for the command to print."""
    from reader.library.reading import ReadingPositions

    def full(self, key, position) -> None:
        raise OSError(28, "No space left on device")

    app = make_app(remember=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        monkeypatch.setattr(ReadingPositions, "put", full)
        await pilot.press("j", "q")
    assert app.farewell == [
        "the reading position was not saved: [Errno 28] No space left on device"
    ]


async def test_engine_failure_is_a_notice_not_a_crash(tmp_path: Path, data_dir: Path) -> None:
    lone = tmp_path / "lone.fr.txt"
    lone.write_text("Titre\nUn paragraphe assez long pour être un paragraphe.", encoding="utf-8")
    app = ReaderApp(load(lone), "reference", remember=False, extract=False, statuses=False)
    messages: list = []
    async with app.run_test(size=(100, 30), message_hook=messages.append) as pilot:
        await settle(app, pilot)
        failed = of_type(messages, TranslationFailed)
        assert len(failed) == 1 and "no reference translation" in failed[0].error
        assert "unavailable" in status_text(app)
        text = view_text(app)
        assert "Un paragraphe" in text and "(no translation)" in text and "…" not in text


async def test_narrow_terminal_stacks_and_survives_resizes(data_dir: Path) -> None:
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(app, pilot)
        view = app.view
        assert view.columns.stacked
        text = view_text(app)
        assert text.index("Que se passe") < text.index("What happens")  # French over English
        await pilot.resize_terminal(160, 48)
        await pilot.pause()
        assert not view.columns.stacked
        await pilot.resize_terminal(60, 20)
        await pilot.press("j", "e", "b", "end")
        assert view.columns.stacked and view.current == len(app.article.blocks) - 1


async def test_big_text_is_virtualised(tmp_path: Path, data_dir: Path) -> None:
    from tests.support.texts import long_french_text

    article = parse(long_french_text(), "long.fr.txt")
    app = ReaderApp(article, "none", remember=False, extract=False, statuses=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert len(article.blocks) > 2000
        assert len(app.main.query("*")) < 40  # a handful of widgets, not one per block
        await pilot.press("end")
        assert app.view.current == len(article.blocks) - 1
        assert "§" in view_text(app)


async def test_quitting_during_translation_is_clean(
    installed_standin: Path, data_dir: Path
) -> None:
    app = make_app("argos")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


@pytest.mark.slow
def test_start_up_imports_nothing_heavy_on_the_main_thread() -> None:
    """Runs the app in a fresh process; an import hook records which thread imports what."""
    import subprocess

    script = r"""
import sys, threading, asyncio
heavy = ("argostranslate", "stanza", "torch", "spacy", "ctranslate2")
seen = []
class Spy:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in heavy:
            seen.append((name, threading.current_thread() is threading.main_thread()))
        return None
sys.meta_path.insert(0, Spy())
from reader.app.app import ReaderApp
from reader.article import load
first_screen = []
class Probe(ReaderApp):
    def on_mount(self):
        super().on_mount()  # pushes the reading screen: record after its first refresh
        self.screen.call_after_refresh(lambda: first_screen.append(list(seen)))
async def main():
    app = Probe(load("seeds/trump-poutine.fr.txt"), "auto", remember=False)
    async with app.run_test() as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
print("before-first-screen", first_screen[0])
print("main-thread", [n for n, main in seen if main])
print("worker", sorted({n.split(".")[0] for n, main in seen if not main}))
asyncio.run(main())
""".replace("print(", "    print(").replace('\n    print("before', '\n    print("before')
    script = script.replace("asyncio.run(main())", "").rstrip() + "\nasyncio.run(main())\n"
    out = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=str(ROOT),
    )
    assert out.returncode == 0, out.stderr
    lines = dict(line.split(" ", 1) for line in out.stdout.strip().splitlines())
    assert lines["before-first-screen"] == "[]"
    assert lines["main-thread"] == "[]"
    assert "argostranslate" in lines["worker"]  # auto selection looked for a package, in the worker


async def test_without_colour_a_flagged_sentence_is_not_marked_as_a_term(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """QA 2026-12-01 Q21: under NO_COLOR both were a plain underline (the colour is dropped)."""
    from reader.app.marks import Mark

    def flags(style) -> tuple:
        return (style.bold, style.italic, style.underline, style.reverse, style.strike)

    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(extract=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view = app.view
        assert app.no_color
        failed = view.mark_style(Mark("en", 0, 1, "failed"))
        term = view.mark_style(Mark("en", 0, 1, "term"))
        unknown = view.mark_style(Mark("en", 0, 1, "unknown"))
        assert flags(failed) != flags(term) and flags(failed) != flags(unknown)
