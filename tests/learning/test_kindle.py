"""``reader vocab import``: a Kindle ``vocab.db`` (Kindle's own schema) with French and
English lookups brings the French words in with their sentences, as learning words; a
second import adds nothing; a known word stays known. ``My Clippings.txt``: each French
book's highlights become one library text; notes, bookmarks and English books do not."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.support.cli import run_in_process as run

# The Vocabulary Builder's schema as a Kindle writes it (system/vocabulary/vocab.db).
KINDLE_SCHEMA = """
CREATE TABLE WORDS (id TEXT PRIMARY KEY NOT NULL, word TEXT, stem TEXT, lang TEXT,
    category INTEGER DEFAULT 0, timestamp INTEGER DEFAULT 0, profileid TEXT);
CREATE INDEX wordprofileid ON WORDS (profileid);
CREATE TABLE LOOKUPS (id TEXT PRIMARY KEY NOT NULL, word_key TEXT, book_key TEXT,
    dict_key TEXT, pos TEXT, usage TEXT, timestamp INTEGER DEFAULT 0);
CREATE INDEX lookupwordkey ON LOOKUPS (word_key);
CREATE INDEX lookupbookkey ON LOOKUPS (book_key);
CREATE TABLE BOOK_INFO (id TEXT PRIMARY KEY NOT NULL, asin TEXT, guid TEXT, lang TEXT,
    title TEXT, authors TEXT);
CREATE TABLE DICT_INFO (id TEXT PRIMARY KEY NOT NULL, asin TEXT, langin TEXT, langout TEXT);
CREATE TABLE METADATA (id TEXT PRIMARY KEY NOT NULL, dsname TEXT, sscnt INTEGER,
    profileid TEXT);
CREATE TABLE VERSION (id TEXT PRIMARY KEY NOT NULL, dsname TEXT, value INTEGER);
"""

LOOKUPS = [  # (word, stem, lang, usage, book)
    ("maisons", "maison", "fr", "Les maisons du village étaient blanches.", "b1"),
    ("courait", "courir", "fr", "Le chien courait dans le jardin.", "b1"),
    ("chien", "chien", "fr", "Un chien aboyait au loin.", "b1"),
    ("gaudy", "gaudy", "en", "The room was gaudy and loud.", "b2"),
    ("whisper", "whisper", "en", "She heard a whisper.", "b2"),
]


def kindle_db(path: Path) -> Path:
    db = sqlite3.connect(path)
    db.executescript(KINDLE_SCHEMA)
    db.execute(
        "INSERT INTO BOOK_INFO VALUES ('b1', 'B00X', 'g1', 'fr', 'Le Village\x1b[31m', 'Anne Auteur')"
    )
    db.execute("INSERT INTO BOOK_INFO VALUES ('b2', 'B00Y', 'g2', 'en', 'A Novel', 'Someone')")
    for n, (word, stem, lang, usage, book) in enumerate(LOOKUPS):
        key = f"{lang}:{stem}"
        db.execute(
            "INSERT OR IGNORE INTO WORDS VALUES (?, ?, ?, ?, 0, ?, '')", (key, word, stem, lang, n)
        )
        db.execute(
            "INSERT INTO LOOKUPS VALUES (?, ?, ?, 'dict', '0', ?, ?)",
            (f"{book}:{n}", key, book, usage, 1_700_000_000_000 + n),
        )
    db.commit()
    db.close()
    return path


def vocabulary(capsys: pytest.CaptureFixture[str]) -> dict[str, dict]:
    code, out, _ = run(capsys, "vocab", "export", "--format", "json")
    assert code == 0
    return {e["lemma"]: e for e in json.loads(out)}


def test_french_lookups_become_learning_words_with_their_sentences(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from reader.learning.store import LearningStore

    LearningStore().set("chien", "known")
    path = kindle_db(tmp_path / "vocab.db")
    code, _, err = run(capsys, "vocab", "import", str(path))
    assert code == 0, err
    assert err.strip() == (
        "reader: vocab.db: 3 French words, 3 new in your vocabulary, 3 new sentences, "
        "2 set to learning-1; 2 lookups in other languages skipped (en 2)"
    )
    saved = vocabulary(capsys)
    assert set(saved) == {"maison", "courir", "chien"}
    maison = saved["maison"]
    assert maison["word"] == "maisons" and maison["source"] == "kindle"
    assert [x["sentence"] for x in maison["examples"]] == [
        "Les maisons du village étaient blanches."
    ]
    assert maison["examples"][0]["title"] == "Le Village"  # the escape sequence is gone
    statuses = LearningStore().statuses()
    assert statuses["maison"] == statuses["courir"] == "learning-1"
    assert statuses["chien"] == "known"  # never downgraded
    assert "gaudy" not in statuses and "whisper" not in statuses

    code, _, err = run(capsys, "vocab", "import", str(path))
    assert code == 0
    assert "0 new in your vocabulary, 0 new sentences, 0 set to learning-1" in err
    again = vocabulary(capsys)
    assert again == saved  # nothing added, nothing touched


def test_a_file_that_is_not_a_kindle_database_is_refused_in_one_line(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "other.db"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE notes (x TEXT)")
    db.commit()
    db.close()
    code, _, err = run(capsys, "vocab", "import", str(path))
    assert code == 1 and err.count("\n") == 1 and "not a Kindle vocabulary file" in err


CLIPPINGS = """\ufeffLe Village (Anne Auteur)
- Votre surlignement sur la page 3 | emplacement 40-42 | Ajouté le lundi 1 janvier 2024 10:00:00

Les maisons du village étaient blanches et le ciel était bleu.
==========
Le Village (Anne Auteur)
- Votre note sur la page 3 | emplacement 42 | Ajouté le lundi 1 janvier 2024 10:01:00

à relire
==========
Le Village (Anne Auteur)
- Votre signet sur la page 5 | emplacement 70 | Ajouté le lundi 1 janvier 2024 10:02:00


==========
\ufeffLe Village (Anne Auteur)
- Your Highlight on page 9 | Location 120-121 | Added on Tuesday, 2 January 2024 09:00:00

Le chien courait dans le jardin.
==========
\ufeffLe Village (Anne Auteur)
- Your Highlight on page 9 | Location 120-123 | Added on Tuesday, 2 January 2024 09:00:30

Le chien courait dans le jardin. Il ne revint jamais.
==========
A Novel (Someone)
- Your Highlight on page 1 | Location 5-6 | Added on Tuesday, 2 January 2024 09:05:00

The room was gaudy and loud, and the music was too.
==========
"""


def test_highlights_of_a_french_book_become_one_library_text(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "My Clippings.txt"
    path.write_text(CLIPPINGS, encoding="utf-8")
    code, _, err = run(capsys, "vocab", "import", str(path))
    assert code == 0, err
    assert "added #1: Highlights: Le Village" in err
    assert "1 French book with highlights; 1 in other languages skipped" in err
    code, out, _ = run(capsys, "show", "1", "--format", "json")
    stored = json.loads(out)
    assert stored["kind"] == "highlights" and stored["title"] == "Highlights: Le Village"
    assert [b["fr"] for b in stored["blocks"]] == [
        "Highlights: Le Village",
        "Les maisons du village étaient blanches et le ciel était bleu.",
        "Le chien courait dans le jardin. Il ne revint jamais.",  # the extended highlight
    ]
    code, _, err = run(capsys, "vocab", "import", str(path))
    assert code == 0 and "updated #1: Highlights: Le Village" in err
    code, out, _ = run(capsys, "library", "--format", "json")
    assert len(json.loads(out)["texts"]) == 1
