"""What the screen shows when a sentence's English is the reader's: its ✎ mark and the
block's label, beside the engine's English of the other sentences (reference engine: stable)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from reader.app.app import ReaderApp
from reader.article import load
from reader.corrections.store import Corrections
from tests.support.paths import SEED


def seed_app() -> ReaderApp:
    # As tests/app/test_snapshots.py: a stable source name, the reference engine.
    article = dataclasses.replace(load(SEED), source="seeds/trump-poutine.fr.txt")
    return ReaderApp(article, "reference", remember=False, statuses=False)


async def translated(pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_your_english_is_marked(snap_compare, data_dir: Path) -> None:
    Corrections().add(
        "Mais ce qui se passe ensuite est bien plus significatif.",
        "But what comes next matters far more.",
    )
    assert snap_compare(
        seed_app(), press=["j", "j"], terminal_size=(120, 40), run_before=translated
    )
