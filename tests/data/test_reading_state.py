"""A text's reading state has one owner: the library database, by article key."""

from __future__ import annotations

from pathlib import Path

from reader.data import locations
from reader.library.reading import ReadingPositions
from reader.library.shelf import Library, with_known
from reader.store import Position
from tests.library.conftest import store


def test_positions_round_trip_for_texts_in_the_library_and_outside(data_dir: Path) -> None:
    with Library() as library:
        text = store(library, "Le chat\n\nLe chat dort.\n", "/texts/chat.txt")
        library.save_position(text.key, Position(1, "french"))
        library.save_position("not-in-the-library", Position(7, "english"))
        library.set_read(text.id, 0.5)
    with Library() as again:
        assert again.position(text.key) == Position(1, "french")
        assert again.position("not-in-the-library") == Position(7, "english")
        assert again.position("never-seen") is None
        assert again.text(text.id).read == 0.5
        assert [t.id for t in again.texts()] == [text.id]  # an outside key is no text
    assert not (data_dir / locations.LEGACY_POSITIONS).exists()


def test_share_read_alone_is_no_position(data_dir: Path) -> None:
    with Library() as library:
        text = store(library, "Le chat\n\nLe chat dort.\n", "/texts/chat.txt")
        library.set_read(text.id, 0.5)
        library.mark_opened(text.id, 5.0)
        assert library.position(text.key) is None
        assert library.text(text.id).opened == 5.0


def test_reading_positions_open_the_library_only_when_used(data_dir: Path) -> None:
    opened: list[Library] = []

    def library() -> Library:
        if not opened:
            opened.append(Library())
        return opened[0]

    positions = ReadingPositions(library)
    assert not opened
    positions.put("k1", Position(3, "both"))
    assert positions.get("k1") == Position(3, "both")
    opened[0].close()
    nothing = ReadingPositions(lambda: None)
    assert nothing.get("k1") is None and nothing.notice


def test_known_is_filled_from_shares_by_key(data_dir: Path) -> None:
    with Library() as library:
        a = store(library, "Le chat\n\nLe chat dort.\n", "/texts/a.txt")
        b = store(library, "La maison\n\nLa maison est grande.\n", "/texts/b.txt")
        filled = {t.id: t.known for t in with_known(library.texts(), {a.key: 0.75})}
    assert filled == {a.id: 0.75, b.id: None}


def test_old_positions_json_entries_outside_the_library_are_kept(data_dir: Path) -> None:
    data_dir.mkdir()
    (data_dir / locations.LEGACY_POSITIONS).write_text(
        '{"bundled-key": {"block": 4, "mode": "french", "at": 100}, "bad": 3}', encoding="utf-8"
    )
    with Library() as library:  # no library yet: made, and the positions moved in
        assert library.position("bundled-key") == Position(4, "french")
        assert library.position("bad") is None
    assert not (data_dir / locations.LEGACY_POSITIONS).exists()
    [kept] = list((data_dir / "backups").glob(f"*/{locations.LEGACY_POSITIONS}"))
    assert "bundled-key" in kept.read_text(encoding="utf-8")
