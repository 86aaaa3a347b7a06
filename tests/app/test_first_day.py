"""Small things a new user meets on the first day (trial row T27)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Label

from reader.app.app import ReaderApp
from reader.article import from_blocks


async def test_a_text_from_stdin_shows_its_title_not_its_key(data_dir: Path) -> None:
    article = from_blocks(
        [("title", "Un titre lu sur stdin"), ("paragraph", "Le chat dort.")], "stdin:9ee1fffe0123"
    )
    app = ReaderApp(article, "none", remember=False, extract=False, statuses=False)
    async with app.run_test(size=(100, 20)) as pilot:
        await pilot.pause()
        bar = str(app.screen.query_one("#title-bar", Label).render())
        assert "Un titre lu sur stdin (from stdin)" in bar and "9ee1" not in bar
        assert "9ee1" not in app.sub_title


async def test_the_palette_finds_speak_hear_and_known(data_dir: Path) -> None:
    """Trial row T33: the palette found nothing for "speak", "hear", "known"."""
    from textual.command import Hit

    from reader.app.commands import ReaderCommands, reader_commands
    from tests.support.app import make_app, settle

    app = make_app(extract=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        titles = [c.title for c in reader_commands(app.main)]
        provider = ReaderCommands(app.screen)
        for query, key in (("speak", "(p)"), ("hear", "(p)"), ("known", "(M)"), ("learn", "(u)")):
            found = [h async for h in provider.search(query) if isinstance(h, Hit)]
            assert any(key in str(h.text) for h in found), (query, titles)


@pytest.mark.slow
@pytest.mark.needs_apertium
def test_a_glossary_typo_is_said_once_by_reader_translate(tmp_path: Path) -> None:
    """Trial row T27: one reader translate printed the typo's notice twice."""
    from tests.support.cli import run_reader
    from tests.support.paths import ROOT

    data = tmp_path / "data"
    data.mkdir()
    (data / "glossary.toml").write_text(
        '[[entry]]\nfr = "grève"\nen = "strike"\nkind = "bogus"\n', encoding="utf-8"
    )
    done = run_reader(
        "translate",
        str(ROOT / "tests" / "fixtures" / "sommet-bruxelles.fr.txt"),
        "-e",
        "apertium",
        env={"READER_DATA_DIR": str(data)},
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.count("has kind 'bogus'") == 1, done.stderr
