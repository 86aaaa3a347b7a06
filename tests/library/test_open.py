"""``reader`` with no path: the bundled article while the library holds nothing else, the
library screen once the reader added a text; a library that cannot be used is said, and
reading goes on."""

from __future__ import annotations

import sqlite3

import pytest

from reader.app.app import ReaderApp
from reader.app.text_link import read_share
from reader.commands import open as open_command
from reader.library.shelf import library_path
from tests.library.conftest import store
from tests.support.paths import SEED


def test_no_library_file_is_created_by_opening_the_app(data_dir):
    assert open_command._library() == (None, None)
    assert not library_path().exists()


def test_the_bundled_article_alone_does_not_count_as_the_readers_own(library):
    store(library, SEED.read_text(encoding="utf-8"), str(open_command.DEFAULT_ARTICLE.resolve()))
    assert not open_command.has_own_texts(library)
    store(library, "Un texte\n\nÀ moi.\n", "/t/moi.txt")
    assert open_command.has_own_texts(library)


def test_the_share_read_is_the_position_in_the_text():
    assert read_share(0, 11) == 0.0
    assert read_share(5, 11) == 0.5
    assert read_share(10, 11) == read_share(12, 11) == 1.0
    assert read_share(0, 1) == 0.0  # a text of one block


@pytest.fixture
def runs(monkeypatch) -> list[ReaderApp]:
    """``open_article`` builds the app; it is kept here instead of run."""
    apps: list[ReaderApp] = []
    monkeypatch.setattr(ReaderApp, "run", lambda self: apps.append(self))
    monkeypatch.setattr(open_command, "_keys_from_terminal", lambda: None)
    return apps


def test_a_fresh_machine_opens_the_bundled_article(data_dir, runs):
    open_command.open_article(None, "none")
    (app,) = runs
    assert app.article is not None and app.article.path == open_command.DEFAULT_ARTICLE
    assert app.library_flow.library is None and not library_path().exists()


def test_with_texts_of_its_own_the_library_comes_first(library, runs, tmp_path):
    store(library, "Un texte\n\nÀ moi.\n", str(tmp_path / "moi.txt"))
    open_command.open_article(None, "none")
    (app,) = runs
    assert app.article is None and app.library_flow.library is not None
    open_command.open_article(str(SEED), "none")  # a path: that text, the library beside it
    assert runs[1].article is not None and runs[1].library_flow.library is not None


def test_a_library_written_by_a_newer_reader_is_not_used_and_said(data_dir, runs):
    library_path().parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(library_path()) as db:
        db.execute("PRAGMA user_version = 99")
    open_command.open_article(None, "none")
    (app,) = runs
    assert app.article is not None and app.library_flow.library is None
    assert "newer reader" in (app.library_flow.problem or "")
