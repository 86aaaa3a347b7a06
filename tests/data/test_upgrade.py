"""Upgrades lose nothing: the data folder release 0.1.0 wrote opens with this release,
every item of ``expected.json`` found; a migration that fails leaves the file as it was."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from glossary import user
from reader.data import backups, locations, schemas
from reader.data.database import DataError, Migration, Schema, open_database, version_of
from reader.learning.store import LearningStore
from reader.learning.vocab import Vocabulary
from reader.library.shelf import Library
from reader.store import Position


def test_the_0_1_0_folder_opens_with_every_item(old_data: Path, expected: dict[str, Any]) -> None:
    assert (old_data / locations.LEGACY_POSITIONS).is_file()
    with Library() as library:
        texts = {t.id: t for t in library.texts()}
        assert [(t["id"], t["title"], t["source"]) for t in expected["texts"]] == [
            (i, texts[i].title, texts[i].source) for i in sorted(texts)
        ]
        where = expected["position"]
        first = texts[where["text_id"]]
        # the reading state's one owner: the library database, by article key
        assert library.position(first.key) == Position(where["block"], where["mode"])
        assert first.read == expected["read"]
        assert first.opened == 1765180800.0
        assert library.last_opened() == first
        assert first.known is None  # never stored: computed from the statuses
        assert library.article(first.id).key == first.key
    store = LearningStore()
    assert store.statuses() == expected["statuses"]
    assert [c.new for c in store.history() if c.lemma == "guerre"] == expected["history_of_guerre"]
    for lemma, saved in expected["vocabulary"].items():
        [entry] = [e for e in Vocabulary().entries() if e.lemma == lemma]
        assert entry.english == saved["english"]
        assert saved["sentence"] in [x.sentence for x in entry.examples]
    mine = {e.fr: e for e in user.load()}
    for fr, term in expected["glossary"].items():
        assert (mine[fr].en, mine[fr].kind) == (term["english"], term["kind"])


def test_the_upgrade_sets_versions_backs_up_first_and_moves_positions_aside(
    old_data: Path,
) -> None:
    assert version_of(old_data / locations.LIBRARY) == 1
    assert version_of(old_data / locations.LEARNING) == 0
    Library().close()
    LearningStore().statuses()
    Vocabulary().entries()
    assert version_of(old_data / locations.LIBRARY) == schemas.LIBRARY.version == 3
    assert version_of(old_data / locations.LEARNING) == schemas.LEARNING.version
    assert version_of(old_data / locations.VOCABULARY) == schemas.VOCABULARY.version
    made = {b.why: b for b in backups.every(old_data)}
    assert set(made) == {
        "before-library-v3",
        f"before-learning-v{schemas.LEARNING.version}",
        "before-vocabulary-v1",
    }
    # the library as 0.1.0 left it, and the positions file, are kept in its backup
    before = made["before-library-v3"]
    assert set(before.files) == {locations.LIBRARY, locations.LEGACY_POSITIONS}
    assert version_of(before.path / locations.LIBRARY) == 1
    assert not (old_data / locations.LEGACY_POSITIONS).exists()
    # opened again: nothing to migrate, no new backup
    Library().close()
    LearningStore().statuses()
    assert len(backups.every(old_data)) == 3


def _dump(path: Path) -> list[str]:
    db = sqlite3.connect(path)
    try:
        return [*db.iterdump(), str(db.execute("PRAGMA user_version").fetchone()[0])]
    finally:
        db.close()


def test_a_failing_migration_leaves_the_file_as_it_was_and_says_so(old_data: Path) -> None:
    path = old_data / locations.LIBRARY
    before = _dump(path)

    def broken(db: sqlite3.Connection, context: object) -> None:
        db.execute("CREATE TABLE half_done (x)")
        db.execute("UPDATE texts SET title = 'changed'")
        raise ValueError("a step that fails")

    failing = Schema(
        path.name,
        "library",
        (*schemas.LIBRARY.migrations, Migration(4, "fails", broken)),
    )
    with pytest.raises(DataError) as caught:
        open_database(path, failing)
    message = str(caught.value)
    assert "\n" not in message
    assert "from version 1 to 4 failed (a step that fails)" in message
    assert "the file is as it was" in message and "backups" in message
    assert _dump(path) == before
    assert (old_data / locations.LEGACY_POSITIONS).is_file()  # not moved: nothing done


def test_a_file_from_a_newer_release_is_refused_untouched(data_dir: Path) -> None:
    data_dir.mkdir()
    path = data_dir / locations.LEARNING
    db = sqlite3.connect(path)
    db.execute("PRAGMA user_version = 99")
    db.close()
    with pytest.raises(DataError, match="written by a newer reader"):
        open_database(path, schemas.LEARNING)
    assert version_of(path) == 99


def test_a_fresh_folder_makes_no_backup_and_a_wal_file(data_dir: Path) -> None:
    LearningStore().set("chat", "known")
    assert backups.every(data_dir) == []
    db = sqlite3.connect(data_dir / locations.LEARNING)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.close()


def test_migrations_are_numbered_in_order() -> None:
    with pytest.raises(ValueError, match="numbered"):
        Schema("x.sqlite3", "x", (Migration(2, "skips one", "SELECT 1"),))
