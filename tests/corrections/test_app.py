"""E in the reading app: the reader's own English, marked, here and in another text."""

from __future__ import annotations

from pathlib import Path

from textual.notifications import Notify

from reader.app.lookups import make_request
from reader.app.messages import EnglishRevised, Notice
from reader.app.your_english import YourEnglishEditor
from reader.app.yours import YOURS_MARK
from tests.support.app import help_text, make_app, of_type, settle, view_text

SENTENCE = "Mais ce qui se passe ensuite est bien plus significatif."
ELSEWHERE = "mais ce qui se passe\u00a0ensuite est bien plus significatif."
YOURS = "But what comes next matters far more."


async def _type_yours(app, pilot, messages) -> None:
    """On block 2's third sentence: E, clear the line, type, Enter."""
    await pilot.press("j", "j", "right_square_bracket", "right_square_bracket")
    await pilot.press("right_square_bracket")
    assert app.main.article.blocks[2].sentences[2].text == SENTENCE
    await pilot.press("E")
    await pilot.pause()
    editor = app.screen
    assert isinstance(editor, YourEnglishEditor)
    machine = app.view.english[2].sentences[2]
    assert editor.target.shown == machine and editor.target.french == SENTENCE
    await pilot.press("ctrl+u", *YOURS, "enter")
    await settle(app, pilot)
    assert of_type(messages, EnglishRevised)


async def test_e_type_enter_shows_yours_marked_and_escape_keeps_it(data_dir: Path) -> None:
    messages: list = []
    app = make_app()
    async with app.run_test(size=(160, 48), message_hook=messages.append) as pilot:
        await settle(app, pilot)
        machine = app.view.english[2].sentences[2]
        await _type_yours(app, pilot, messages)
        block = app.view.english[2]
        assert block.sentences[2] == YOURS and block.is_yours(2)
        assert block.machine_english(2) == machine
        assert not block.is_yours(0) and not block.is_yours(1)
        assert f"reference · {YOURS_MARK}yours" in view_text(app)  # the block's engine label
        await pilot.press("e")  # English only: the block's English on consecutive lines
        await pilot.pause()
        assert f"{YOURS_MARK}{YOURS}" in " ".join(view_text(app).split())
        await pilot.press("b")
        assert any("wherever this French sentence" in m.text for m in of_type(messages, Notice))
        # m: the engine's English beside yours.
        await pilot.press("m")
        await pilot.pause()
        told = [m.notification for m in of_type(messages, Notify)]
        assert any(
            n.title == "reference and yours" and machine in n.message and YOURS in n.message
            for n in told
        ), told
        # The lookup's sentence pair carries yours.
        block_fr = app.main.article.blocks[2]
        at = block_fr.sentences[2].start
        assert make_request(block_fr, at, at + 4, app.view.english).english == YOURS
        # E then Escape changes nothing.
        await pilot.press("E")
        await pilot.pause()
        await pilot.press("ctrl+u", *"something else", "escape")
        await settle(app, pilot)
        assert app.view.english[2].sentences[2] == YOURS
        help_screen = " ".join((await help_text(app, pilot)).split())
        assert "E Your English (sentence)" in help_screen
        assert "m Engine's beside yours" in help_screen
        # An empty line gives the sentence back to the engine.
        await pilot.press("escape", "E")
        await pilot.pause()
        await pilot.press("ctrl+u", "enter")
        await settle(app, pilot)
        assert app.view.english[2].sentences[2] == machine and not app.view.english[2].yours


async def test_another_text_with_the_sentence_in_other_spacing_shows_yours(
    data_dir: Path, tmp_path: Path
) -> None:
    messages: list = []
    app = make_app()
    async with app.run_test(size=(160, 48), message_hook=messages.append) as pilot:
        await settle(app, pilot)
        await _type_yours(app, pilot, messages)
    other = tmp_path / "autre.fr.txt"
    other.write_text(f"Un autre texte\n\nIl pleut. {ELSEWHERE}\n", encoding="utf-8")
    (tmp_path / "autre.en.txt").write_text(
        "Another text\n\nIt rains. What happens then is significant.\n", encoding="utf-8"
    )
    app = make_app(path=other)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(app, pilot)
        block = app.view.english[1]
        assert block.sentences == ("It rains.", YOURS) and block.is_yours(1)
        assert f"It rains. {YOURS_MARK}{YOURS}" in " ".join(view_text(app).split())


def test_the_mark_shifts_offsets_both_ways() -> None:
    from reader.app import yours
    from reader.translation import BlockTranslation

    block = BlockTranslation(
        0, ("It rains.", "Mine.", "Not mine."), "apertium", "1", machine=(None, "Theirs.", None)
    )
    points = yours.insertions(block)
    assert points == (10,)
    drawn = yours.shown_text(block)
    assert drawn == f"It rains. {yours.YOURS_MARK}Mine. Not mine."
    # "Not" at 16 in the text is drawn at 18; a range ending at 15 ("Mine.") ends at 17.
    assert drawn[yours.shift(points, 16) :].startswith("Not")
    assert drawn[yours.shift(points, 10) : yours.shift(points, 15, end=True)] == "Mine."
    assert yours.sentence_ranges(block) == [(10, 17)]
    assert [yours.unshift(points, p) for p in (3, 10, 11, 12, 18)] == [3, 10, 10, 10, 16]


async def test_with_engine_none_yours_is_shown_beside_the_french(data_dir: Path) -> None:
    from reader.corrections.store import Corrections

    Corrections().add(ELSEWHERE, YOURS)
    app = make_app(engine="none")
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(app, pilot)
        assert app.view.english[2].is_yours(2)
        shown = view_text(app)
        assert f"none · {YOURS_MARK}yours" in shown and YOURS_MARK in shown
        assert app.view.columns is not None and app.view.columns.mode == "both"
        await pilot.press("e")
        await pilot.pause()
        assert f"{YOURS_MARK}{YOURS}" in " ".join(view_text(app).split())
