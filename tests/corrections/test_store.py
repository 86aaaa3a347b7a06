"""The corrections store: one key for every spelling of a French sentence."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reader.corrections.key import key
from reader.corrections.store import SCHEMA, Corrections, CorrectionsError


@pytest.mark.parametrize(
    "other",
    [
        "L'armée  russe a frappé Kiev\u00a0: « c'est fini ».",  # straight apostrophe, two spaces
        "L\u02bcarmée russe a frappé Kiev\u202f: «\u202fc’est fini\u202f».",  # ʼ, narrow spaces
        'l’armée russe a frappé Kiev : "c’est fini".',  # lower-case first letter, " quotes
        "  L’armée russe a frappé Kiev : “c’est fini”.\n",  # curly quotes, spaces at the ends
        "L’arme\u0301e russe a frappé Kiev : « c’est fini ».",  # é as e + combining accent
    ],
)
def test_every_spelling_of_one_sentence_is_one_key(other: str) -> None:
    assert key(other) == key("L’armée russe a frappé Kiev : « c’est fini ».")


@pytest.mark.parametrize(
    "different",
    [
        "L’armée russe a frappé Kyiv : « c’est fini ».",
        "L’armée russe a frappé Kiev : « c’est fini » !",
        "L’ARMÉE russe a frappé Kiev : « c’est fini ».",  # only the first letter is folded
    ],
)
def test_other_sentences_keep_other_keys(different: str) -> None:
    assert key(different) != key("L’armée russe a frappé Kiev : « c’est fini ».")


def test_add_find_replace_remove(data_dir: Path) -> None:
    store = Corrections()
    assert store.english_for(["Il pleut."]) == {}
    assert not (data_dir / "corrections.sqlite3").exists(), "a lookup creates no file"
    store.add("Il pleut\u202f!", "It is raining!")
    found = store.english_for(["il pleut !", "Il pleut!", "Il neige."])
    assert found == {"il pleut !": "It is raining!", "Il pleut!": "It is raining!"}
    store.add("il pleut!", "It's pouring!")  # the same key: changed, not added
    assert [(c.fr, c.en) for c in store.all()] == [("il pleut!", "It's pouring!")]
    removed = store.remove("Il pleut !")
    assert removed is not None and removed.en == "It's pouring!"
    assert store.all() == [] and store.remove("Il pleut !") is None


def test_empty_french_or_english_is_refused_and_nothing_kept(data_dir: Path) -> None:
    store = Corrections()
    with pytest.raises(CorrectionsError):
        store.add_many([("Il pleut.", "It rains."), ("Il neige.", "  ")])
    assert store.all() == []
    with pytest.raises(CorrectionsError):
        store.add(" \u00a0", "Nothing.")


def test_the_lookup_is_one_indexed_query(data_dir: Path) -> None:
    Corrections().add("Il pleut.", "It rains.")
    db = sqlite3.connect(data_dir / "corrections.sqlite3")
    plan = " ".join(
        str(row[-1])
        for row in db.execute(
            "EXPLAIN QUERY PLAN SELECT key, en FROM corrections WHERE key IN (?, ?)", ("a", "b")
        )
    )
    assert "USING PRIMARY KEY" in plan and "SCAN" not in plan, plan
    assert "CREATE TABLE IF NOT EXISTS corrections" in SCHEMA


def test_a_damaged_file_is_set_aside(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "corrections.sqlite3").write_bytes(b"not a database at all" * 100)
    store = Corrections()
    store.add("Il pleut.", "It rains.")
    assert store.notice is not None and "damaged" in store.notice
    assert store.english_for(["Il pleut."]) == {"Il pleut.": "It rains."}
