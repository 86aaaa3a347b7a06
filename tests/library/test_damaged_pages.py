"""Random bytes over pages inside ``library.sqlite3`` (not at its head, which opening
checks): every query says so in one line, the CLI exits 1, the app gives a notice and
goes on (trial row T36; it crashed with a traceback and exited 0)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from reader.app.app import ReaderApp
from reader.app.screens.library import LibraryScreen
from reader.library.shelf import Library, LibraryError, library_path
from tests.library.conftest import store

PARAGRAPH = " ".join(f"Le train numéro {i} part de la gare à l'heure prévue." for i in range(200))


@pytest.fixture
def damaged(data_dir: Path) -> None:
    library = Library()
    for n in range(6):
        store(library, f"Texte {n}\n\n{PARAGRAPH}\n\n{PARAGRAPH}\n", f"/t/{n}.txt")
    library.close()  # checkpointed: the pages are in the file itself
    rng = random.Random(7)
    pages = library_path().stat().st_size // 4096
    with open(library_path(), "r+b") as f:
        for page in range(40, pages - 3, 3):
            f.seek(page * 4096)
            f.write(bytes(rng.randrange(256) for _ in range(4096)))


def test_every_query_on_a_damaged_page_is_a_library_error(damaged: None) -> None:
    library = Library()
    assert library.count() == 6  # the texts table is whole: the library opens
    failures = 0
    for text_id in range(1, 7):
        try:
            library.article(text_id)
        except LibraryError as exc:
            failures += 1
            assert "\n" not in str(exc)
    with pytest.raises(LibraryError, match="is damaged"):
        library.find("train")
    assert failures  # the damage was reached


def test_the_cli_says_it_in_one_line(damaged: None, capsys: pytest.CaptureFixture[str]) -> None:
    from reader.cli import main

    with pytest.raises(SystemExit) as exit_:
        main(["find", "train"])
    assert exit_.value.code == 1
    said = capsys.readouterr().err
    assert said.startswith("reader: error: the library ") and "is damaged" in said
    assert "unexpected" not in said and said.count("\n") == 1


@pytest.mark.slow
async def test_opening_a_damaged_text_in_the_app_is_a_notice(damaged: None) -> None:
    from textual.notifications import Notify

    library = Library()
    messages: list = []
    app = ReaderApp(None, "none", remember=False, extract=False, library=library)
    async with app.run_test(size=(100, 30), message_hook=messages.append) as pilot:
        await pilot.pause()
        for _ in range(6):  # Enter on every text: each opens or is a notice
            if not isinstance(app.screen, LibraryScreen):
                await pilot.press("L")
                await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            await pilot.press("down")
        assert app.is_running
    notices = [m.notification.message for m in messages if isinstance(m, Notify)]
    assert any("is damaged" in n for n in notices)
