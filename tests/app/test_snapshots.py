"""What the screen shows: the modes and learner mode at 120×40, stacked at 60×20, a tall
block at 40×15 and a marked occurrence with the glossary open."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from reader.app.app import ReaderApp
from reader.article import load
from tests.support.paths import SEED


def seed_app() -> ReaderApp:
    # A stable source name, so the title bar reads the same in any clone.
    article = dataclasses.replace(load(SEED), source="seeds/trump-poutine.fr.txt")
    return ReaderApp(article, "reference", remember=False, statuses=False)


async def translated(pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.parametrize(
    "keys",
    [["b"], ["f"], ["e"], ["h", "j", "j", "space"]],
    ids=["both", "french", "english", "learner"],
)
def test_modes(snap_compare, data_dir: Path, keys) -> None:
    assert snap_compare(seed_app(), press=keys, terminal_size=(120, 40), run_before=translated)


def test_stacked_narrow(snap_compare, data_dir: Path) -> None:
    assert snap_compare(
        seed_app(),
        press=["j", "right_square_bracket"],
        terminal_size=(60, 20),
        run_before=translated,
    )


def test_tall_block_opens_at_its_top(snap_compare, data_dir: Path) -> None:
    """40x15: the lede is taller than the screen; j shows its first line, not its last."""
    assert snap_compare(seed_app(), press=["j"], terminal_size=(40, 15), run_before=translated)


def test_current_occurrence_is_marked(snap_compare, data_dir: Path) -> None:
    """The selected entry's occurrences are highlighted; the one n went to is reversed."""
    assert snap_compare(
        seed_app(),
        press=["slash", "o", "t", "a", "n", "enter", "enter", "n"],
        terminal_size=(160, 48),
        run_before=translated,
    )


def test_lookup_panel_open(snap_compare, data_dir: Path) -> None:
    """l on « semble »: the panel under the text (lemma, glosses with their sources, the
    sentence pair), the word cursor on the word and its row still on screen."""
    from tests.support.app import lookups_settled

    article = dataclasses.replace(load(SEED), source="seeds/trump-poutine.fr.txt")
    app = ReaderApp(article, "reference", remember=False, extract=False, statuses=False)

    async def look_up(pilot) -> None:
        await translated(pilot)
        await pilot.press("j", "j", *["right"] * 5, "l")
        await lookups_settled(pilot.app, pilot)

    assert snap_compare(app, terminal_size=(120, 40), run_before=look_up)


def test_words_marked_by_status(snap_compare, data_dir: Path, tmp_path: Path) -> None:
    """New words coloured, learning 1–4 graded (1 and 2 bold), known and ignored plain, the
    name « Trump » plain; the cursor (reversed) on a learning word in the current sentence."""
    from reader.learning.store import LearningStore
    from tests.support.statuses import short_article

    article = dataclasses.replace(short_article(tmp_path), source="chats.fr.txt")
    LearningStore().set_many(
        {"chat": "learning-1", "dormir": "learning-2", "soleil": "learning-3"}
        | {"chien": "learning-4", "le": "known", "voir": "ignored", "et": "known"}
    )
    app = ReaderApp(article, "none", remember=False, extract=False)
    assert snap_compare(
        app, press=["j", "right", "right"], terminal_size=(70, 12), run_before=translated
    )
