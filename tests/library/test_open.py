"""``reader`` with no path: the bundled article while the library holds nothing else, the
library screen once the reader added a text; a library that cannot be used is said, and
reading goes on."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reader.app.app import ReaderApp
from reader.app.text_link import read_share, source_of
from reader.commands import open as open_command
from reader.library.shelf import Library, library_path
from tests.library.conftest import store
from tests.support.paths import SEED


def test_no_library_file_is_created_by_opening_the_app(data_dir: Path) -> None:
    assert open_command._library() == (None, None)
    assert not library_path().exists()


def test_the_bundled_article_alone_does_not_count_as_the_readers_own(library: Library) -> None:
    store(library, SEED.read_text(encoding="utf-8"), str(open_command.DEFAULT_ARTICLE.resolve()))
    assert not open_command.has_own_texts(library)
    store(library, "Un texte\n\nÀ moi.\n", "/t/moi.txt")
    assert open_command.has_own_texts(library)


def test_the_share_read_is_the_position_in_the_text() -> None:
    assert read_share(0, 11) == 0.0
    assert read_share(5, 11) == 0.5
    assert read_share(10, 11) == read_share(12, 11) == 1.0
    assert read_share(0, 1) == 0.0  # a text of one block


@pytest.fixture
def runs(monkeypatch: pytest.MonkeyPatch) -> list[ReaderApp]:
    """``open_article`` builds the app; it is kept here instead of run."""
    apps: list[ReaderApp] = []
    monkeypatch.setattr(ReaderApp, "run", lambda self: apps.append(self))
    monkeypatch.setattr(open_command, "_keys_from_terminal", lambda: None)
    return apps


def test_a_fresh_machine_opens_the_bundled_article(data_dir: Path, runs: list[ReaderApp]) -> None:
    open_command.open_article(None, "none")
    (app,) = runs
    assert app.article is not None and app.article.path == open_command.DEFAULT_ARTICLE
    assert app.library_flow.library is None and not library_path().exists()


def test_with_texts_of_its_own_the_library_comes_first(
    library: Library, runs: list[ReaderApp], tmp_path: Path
) -> None:
    store(library, "Un texte\n\nÀ moi.\n", str(tmp_path / "moi.txt"))
    open_command.open_article(None, "none")
    (app,) = runs
    assert app.article is None and app.library_flow.library is not None
    open_command.open_article(str(SEED), "none")  # a path: that text, the library beside it
    assert runs[1].article is not None and runs[1].library_flow.library is not None


def test_a_library_written_by_a_newer_reader_is_not_used_and_said(
    data_dir: Path, runs: list[ReaderApp]
) -> None:
    library_path().parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(library_path()) as db:
        db.execute("PRAGMA user_version = 99")
    open_command.open_article(None, "none")
    (app,) = runs
    assert app.article is not None and app.library_flow.library is None
    assert "newer reader" in (app.library_flow.problem or "")


# ---------------------------------------------------------------- the first day (T16)


def main(args: list[str]) -> int:
    """The real command line, in this process; its exit code."""
    from reader.cli import main as reader_main

    try:
        reader_main(args)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    return 0


def test_reader_book_epub_adds_the_book_says_so_and_opens_it(
    data_dir: Path, runs: list[ReaderApp], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.library.books import TITLE, sample_book

    book = sample_book(tmp_path)
    main([str(book)])
    (app,) = runs
    said = capsys.readouterr().err
    assert f"added #1: {TITLE} (book, " in said and "kept in your library" in said
    assert app.article is not None and app.article.title == TITLE
    with Library() as library:  # the reading screen is that library text: progress follows
        assert library.count() == 1 and library.by_source(source_of(app.article)) is not None
    main([str(book)])  # again: the same text, updated, not a second one
    assert "updated #1" in capsys.readouterr().err
    with Library() as library:
        assert library.count() == 1


def test_reader_url_adds_the_page_and_opens_it(
    data_dir: Path, runs: list[ReaderApp], capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.library.pages import TITLE, serving

    with serving() as site:
        main([f"{site}/article"])
    (app,) = runs
    assert "added #1: " in capsys.readouterr().err
    assert app.article is not None and app.article.title == TITLE
    with Library() as library:
        found = library.by_source(source_of(app.article))
    assert found is not None and found.id == 1


def test_reader_id_and_reader_open_id_open_a_library_text(
    library: Library, runs: list[ReaderApp], capsys: pytest.CaptureFixture[str]
) -> None:

    store(library, "Un texte\n\nÀ moi, rien qu'à moi.\n", "/t/moi.txt")
    main(["1"])
    main(["open", "1"])
    assert [a.article.title for a in runs if a.article is not None] == ["Un texte", "Un texte"]
    assert main(["7"]) == 1
    assert "no text 7 in the library" in capsys.readouterr().err


def test_reader_words_of_a_library_text_and_of_a_book(
    library: Library, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.library.books import sample_book

    store(library, "Un texte\n\nLes chats dorment au soleil.\n", "/t/chats.txt")
    main(["words", "1", "--format", "json"])
    lemmas = {r["lemma"] for r in __import__("json").loads(capsys.readouterr().out)["lemmas"]}
    assert {"chat", "dormir", "soleil"} <= lemmas
    main(["words", str(sample_book(tmp_path)), "--format", "json"])
    lemmas = {r["lemma"] for r in __import__("json").loads(capsys.readouterr().out)["lemmas"]}
    assert {"vigie", "pilote"} <= lemmas


def test_a_pdf_goes_through_reader_add(
    data_dir: Path, runs: list[ReaderApp], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``reader report.pdf`` says what ``reader add report.pdf`` says (the PDF import,
    when it lands, serves both)."""

    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + bytes(range(256)) * 8)
    if main(["add", str(pdf)]) == 0:
        return  # PDF support has landed: nothing left to compare
    add_said = capsys.readouterr().err.strip().splitlines()[-1]
    assert main([str(pdf)]) == 1
    said = capsys.readouterr().err.strip().splitlines()
    assert said[0] == f"reader: reading {pdf} into your library…"  # through reader add
    assert said[-1] == add_said
