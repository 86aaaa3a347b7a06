"""``reader known import``: word lists, CSV columns and Anki decks written by the real Anki
backend (the ``anki`` package): the current format (zstd inside), the legacy one and a
whole collection (.colpkg); each entry lemmatised, HTML and media references taken out."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.anki import AnkiError, read_notes
from reader.errors import InputError
from reader.learning.imports import lemmas_of, plain, read_entries

NOTES = [
    ("<b>maison</b>", "house"),
    ("les chats&nbsp;", "the cats"),
    ("frappé [sound:frappe.mp3]", "hit"),
    ("{{c1::chien}} qui aboie", "dog"),
]


def make_decks(folder) -> dict[str, object]:
    """A collection with NOTES in a French deck (Basic note type: Front, Back), exported
    by Anki itself as a current .apkg, a legacy .apkg and a .colpkg."""
    from anki.collection import Collection, DeckIdLimit, ExportAnkiPackageOptions

    col = Collection(str(folder / "collection.anki2"))
    try:
        deck = col.decks.id("Français")
        model = col.models.by_name("Basic")
        for front, back in NOTES:
            note = col.new_note(model)
            note["Front"], note["Back"] = front, back
            col.add_note(note, deck)
        decks = {}
        for name, legacy in (("current.apkg", False), ("legacy.apkg", True)):
            decks[name] = folder / name
            col.export_anki_package(
                out_path=str(decks[name]),
                options=ExportAnkiPackageOptions(
                    with_scheduling=False, with_media=False, legacy=legacy
                ),
                limit=DeckIdLimit(deck),
            )
        decks["all.colpkg"] = folder / "all.colpkg"
        col.export_collection_package(str(decks["all.colpkg"]), include_media=False, legacy=False)
        return decks
    finally:
        col.close()


@pytest.fixture(scope="module")
def decks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    return make_decks(tmp_path_factory.mktemp("anki"))


@pytest.mark.parametrize("name", ["current.apkg", "legacy.apkg", "all.colpkg"])
def test_anki_packages_give_each_notes_first_field(decks: dict[str, object], name: str) -> None:
    import zipfile

    inside = zipfile.ZipFile(decks[name]).namelist()
    assert ("collection.anki21b" in inside) == (name != "legacy.apkg")  # both formats tested
    assert read_entries(decks[name]) == [
        "maison",
        "les chats",
        "frappé",
        "chien qui aboie",
    ]
    with pytest.raises(InputError, match="the back field of .*: not French words"):
        read_entries(decks[name], field="back")  # "house", "the cats", "hit", "dog"
    with pytest.raises(InputError, match="--column is for CSV files"):
        read_entries(decks[name], column="2")


def test_a_missing_field_names_the_ones_there(decks: dict[str, object]) -> None:
    with pytest.raises(InputError, match="no field 'Verso'.*Back, Front"):
        read_entries(decks["current.apkg"], field="Verso")


def test_a_file_that_is_no_package_is_refused(tmp_path: Path) -> None:
    fake = tmp_path / "deck.apkg"
    fake.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(AnkiError, match="not an Anki package"):
        read_notes(fake)


def test_entries_are_lemmatised_and_names_numbers_give_nothing() -> None:
    assert lemmas_of(["Maisons", "les chats", "ils frappent", "Emmanuel Macron", "1914"]) == [
        "maison",
        "le",
        "chat",
        "il",
        "frapper",
    ]


def test_word_lists_and_csv_columns(tmp_path: Path) -> None:
    words = tmp_path / "words.txt"
    words.write_text("# my words\nmaison\n\nchats\n", encoding="utf-8")
    assert read_entries(words) == ["maison", "chats"]
    table = tmp_path / "words.csv"
    table.write_text("english,french\nhouse,maison\ncats,chats\n", encoding="utf-8")
    assert read_entries(table, column="french") == ["maison", "chats"]
    assert read_entries(table, column="2") == ["maison", "chats"]  # the header row skipped
    with pytest.raises(InputError, match="no column 'fr'"):
        read_entries(table, column="fr")


def test_without_column_the_french_column_is_taken_and_said(tmp_path: Path) -> None:
    """Trial row T19: the header and the English column were imported as French lemmas."""
    table = tmp_path / "deck.csv"
    table.write_text(
        "english,french\nhouse,maison\nthe dog,le chien\ncats,chats\nto hit,frapper\n",
        encoding="utf-8",
    )
    said: list[str] = []
    assert read_entries(table, notify=said.append) == ["maison", "le chien", "chats", "frapper"]
    assert said == [
        "took column 2 (french): 100% of its entries are French words, the first row is its "
        "header; --column chooses another"
    ]
    with pytest.raises(InputError, match="column 'english' of deck.csv: not French words"):
        read_entries(table, column="english")
    with pytest.raises(InputError, match="column '1' of deck.csv: not French words"):
        read_entries(table, column="1")
    tsv = tmp_path / "deck.tsv"
    tsv.write_text("maison\thouse\nchien\tdog\nchats\tcats\n", encoding="utf-8")
    assert read_entries(tsv) == ["maison", "chien", "chats"]  # never the second field too


def test_an_english_word_list_or_csv_is_refused(tmp_path: Path) -> None:
    words = tmp_path / "words.txt"
    words.write_text("house\nthe dog\nstreet\nto eat\n", encoding="utf-8")
    with pytest.raises(InputError, match="words.txt: not French words"):
        read_entries(words)
    table = tmp_path / "english.csv"
    table.write_text("house,home\ndog,hound\n", encoding="utf-8")
    with pytest.raises(InputError, match="no column of english.csv holds French words"):
        read_entries(table)


def test_html_in_a_field_is_plain_text() -> None:
    assert plain("<div>la&nbsp;<i>maison</i></div><br>[sound:a.mp3]") == "la maison"
