"""The library database: texts stored with exactly their blocks, updated by source,
removed, their progress recorded; a damaged file set aside; a failed add leaves nothing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reader.article import load
from reader.library.shelf import Library, LibraryError, NewText
from tests.library.conftest import store
from tests.support.paths import FIXTURES, SEED

TEXT = "Le chat et le chien\n\nLe chat dort. Il aime le soleil.\n\nLe chien court au parc.\n"


def test_a_stored_text_opens_with_exactly_its_blocks_and_key_after_its_file_is_gone(
    library: Library, tmp_path: Path
) -> None:
    path = tmp_path / "inflation.fr.txt"
    path.write_text((FIXTURES / "inflation-zone-euro.fr.txt").read_text(encoding="utf-8"))
    original = load(path)
    text = store(library, path.read_text(encoding="utf-8"), str(path))
    path.unlink()
    again = library.article(text.id)
    assert [(b.kind, b.text) for b in again.blocks] == [(b.kind, b.text) for b in original.blocks]
    assert [b.sentences for b in again.blocks] == [b.sentences for b in original.blocks]
    assert again.key == original.key  # reading positions are kept by this key
    assert again.path is None  # the file moved: no companion files to look for


def test_adding_the_same_source_again_updates_it(library: Library) -> None:
    first = store(library, TEXT, "/texts/a.txt")
    library.set_read(first.id, 0.5)
    second = store(library, TEXT.replace("chien", "loup"), "/texts/a.txt")
    assert second.id == first.id and library.count() == 1
    assert second.title == "Le chat et le loup"
    assert second.read == 0.5 and second.added == first.added
    assert [h.fr for h in library.find("loup")] == ["Le chat et le loup", "Le loup court au parc."]
    assert library.find("chien") == []  # the old sentences left the index


def test_listing_progress_and_removal(library: Library) -> None:
    a = store(library, TEXT, "/texts/a.txt")
    b = store(library, "La maison\n\nLa maison est grande.\n", "/texts/b.txt")
    assert [t.id for t in library.texts()] == [b.id, a.id]  # the last added first
    library.mark_opened(a.id, when=1000.0)
    assert [t.id for t in library.texts()] == [a.id, b.id]  # then the last opened
    assert library.last_opened() == library.text(a.id)
    library.set_read(a.id, 1.7)
    listed = library.text(a.id)
    assert (listed.read, listed.known, listed.opened) == (1.0, None, 1000.0)  # % known: computed
    assert listed.words == 5 + 7 + 5  # counted by hand
    removed = library.remove(a.id)
    assert removed.title == "Le chat et le chien"
    assert [t.id for t in library.texts()] == [b.id]
    assert library.find("chat") == []
    with pytest.raises(LibraryError, match="no text"):
        library.article(a.id)
    with pytest.raises(LibraryError, match="no text"):
        library.set_read(a.id, 0.1)


def test_a_failed_add_leaves_nothing(library: Library) -> None:
    article = load(SEED)
    new = NewText("/texts/seed.txt", "article", article.title, "", "", article)
    rows = [object()]  # not a sentence row: the insert fails inside the transaction
    with pytest.raises(AttributeError):
        library.add(new, rows, {})  # type: ignore[arg-type]
    assert library.count() == 0
    assert library.by_source("/texts/seed.txt") is None


def test_a_damaged_library_is_set_aside_with_a_notice(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    damaged = data_dir / "library.sqlite3"
    damaged.write_bytes(b"this is not a database" * 100)
    shelf = Library()
    try:
        assert shelf.notice is not None and "unreadable" in shelf.notice
        assert shelf.count() == 0
        aside = [p for p in data_dir.iterdir() if p.name.startswith("library.sqlite3.corrupt-")]
        assert len(aside) == 1 and aside[0].read_bytes() == b"this is not a database" * 100
    finally:
        shelf.close()


def test_the_database_is_in_wal_mode(library: Library) -> None:
    store(library, TEXT, "/texts/a.txt")
    with sqlite3.connect(library.path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
