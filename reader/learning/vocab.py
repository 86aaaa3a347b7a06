"""The user's vocabulary: words saved from lookups, with their sentences, in SQLite.

(Moved from ``reader/vocab.py``, which re-exports it for now.)

One row per lemma (the English chosen and where it came from) and one per example
sentence (the form met, the French sentence, its aligned English, the article's
title and path, the date). Saving a lemma again adds the new sentence as another
example. Every save is one transaction on a file in the data folder, so a crash
loses nothing already saved; a file SQLite cannot read is set aside (kept, renamed)
and a new one started.

Exports: JSON, CSV (one row per example) and an Anki deck whose note GUIDs come from
the lemma (``genanki.guid_for``), so exporting again updates cards instead of
adding duplicates. With a ``Speech`` (``--audio``), each card also plays its sentences
and its word: WAV files named by a hash of what is said (``reader.speech.media``), so
exporting again adds no new media.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
import sqlite3
import threading
from collections.abc import Sequence
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from reader.data import locations, schemas
from reader.data.database import transaction
from reader.errors import ReaderError
from reader.learning.database import Database

if TYPE_CHECKING:
    from reader.lookup.service import Gloss, LookupResult
    from reader.speech import Speech

FILE_NAME = locations.VOCABULARY
ANKI_MODEL_ID = 1_786_204_417
ANKI_DECK_ID = 1_786_204_418
ANKI_FIELDS = (
    "Word",
    "Lemma",
    "English",
    "Source",
    "French",
    "EnglishSentence",
    "Article",
    "WordAudio",
    "FrenchAudio",
)
"""The note type's fields; the audio ones hold ``[sound:…]`` (``--audio``) or nothing."""
ANKI_GUID_NAMESPACE = "bilingual-reader vocabulary"
"""Prefixes the lemma in ``guid_for``, so a vocabulary note never takes the GUID of a
glossary note for the same French word."""
CSV_FIELDS = (
    "word",
    "lemma",
    "english",
    "source",
    "sentence",
    "english_sentence",
    "title",
    "path",
    "date",
)

_lock = threading.Lock()


class VocabError(ReaderError):
    """The vocabulary cannot be read or written, or a word is not in it."""


@dataclass(frozen=True)
class Example:
    """One sentence a word was saved from."""

    word: str
    sentence: str
    english: str
    title: str
    path: str
    saved: str


@dataclass(frozen=True)
class VocabEntry:
    """A saved lemma with the English chosen for it and its example sentences, newest first."""

    lemma: str
    word: str
    english: str
    source: str
    created: str
    updated: str
    examples: tuple[Example, ...] = ()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Vocabulary(Database):
    """The vocabulary file; every method opens, works in one transaction, and closes."""

    SCHEMA = schemas.VOCABULARY
    error = VocabError

    def save(
        self,
        *,
        word: str,
        lemma: str,
        english: str,
        source: str,
        sentence: str = "",
        english_sentence: str = "",
        title: str = "",
        path: str = "",
    ) -> VocabEntry:
        """Adds ``lemma`` (or, when saved before, another example sentence for it)."""
        lemma, word = lemma.strip() or word.strip(), word.strip()
        if not lemma:
            raise VocabError("nothing to save: the word is empty")
        now = _now()
        with _lock, closing(self._connect()) as db:
            try:
                with transaction(db):  # the word and its example, or neither
                    db.execute(
                        "INSERT INTO words VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(lemma) DO UPDATE SET"
                        " english = CASE WHEN excluded.english != '' THEN excluded.english ELSE english END,"
                        " source = CASE WHEN excluded.english != '' THEN excluded.source ELSE source END,"
                        " updated = excluded.updated",
                        (lemma, word, english.strip(), source.strip(), now, now),
                    )
                    if sentence.strip():
                        db.execute(
                            "INSERT OR IGNORE INTO examples"
                            " (lemma, word, sentence, english, title, path, saved)"
                            " VALUES (?, ?, ?, ?, ?, ?, ?)",
                            (
                                lemma,
                                word,
                                sentence.strip(),
                                english_sentence.strip(),
                                title,
                                path,
                                now,
                            ),
                        )
            except sqlite3.Error as exc:
                raise VocabError(f"{self.path}: cannot save ({exc})") from exc
            return self._entry(db, lemma)

    def entries(self) -> list[VocabEntry]:
        """Every saved lemma, most recently saved first."""
        if not self.path.exists():
            return []
        with closing(self._connect()) as db:
            lemmas = [
                r[0] for r in db.execute("SELECT lemma FROM words ORDER BY updated DESC, lemma")
            ]
            return [self._entry(db, lemma) for lemma in lemmas]

    def remove(self, word: str) -> list[str]:
        """Removes the lemma ``word``, or the lemma saved from the form ``word``; returns lemmas."""
        from glossary.match import fold

        wanted = fold(word.strip())
        with _lock, closing(self._connect()) as db:
            rows = db.execute(
                "SELECT lemma, word FROM words UNION SELECT lemma, word FROM examples"
            ).fetchall()
            doomed = sorted({lemma for lemma, form in rows if wanted in (fold(lemma), fold(form))})
            if not doomed:
                raise VocabError(f"no {word!r} in your vocabulary (see: reader vocab list)")
            with transaction(db):
                db.executemany("DELETE FROM words WHERE lemma = ?", [(lemma,) for lemma in doomed])
            return doomed

    @staticmethod
    def _entry(db: sqlite3.Connection, lemma: str) -> VocabEntry:
        row = db.execute(
            "SELECT lemma, word, english, source, created, updated FROM words WHERE lemma = ?",
            (lemma,),
        ).fetchone()
        examples = tuple(
            Example(*r)
            for r in db.execute(
                "SELECT word, sentence, english, title, path, saved FROM examples"
                " WHERE lemma = ? ORDER BY saved DESC, id DESC",
                (lemma,),
            )
        )
        lemma, word, english, source, created, updated = row
        return VocabEntry(lemma, word, english, source, created, updated, examples)


def save_lookup(
    vocabulary: Vocabulary,
    result: LookupResult,
    choice: Gloss | str,
    *,
    title: str = "",
    path: str = "",
) -> VocabEntry:
    """Saves a lookup (``s`` in the lookup panel) with the gloss the user chose or typed.

    The vocabulary only: the word's status (a saved new word becomes "learning-1") is the
    reading screen's to set, through the same path as the status keys and under the same
    lemma (``reader.app.statuses.WordStatuses.saved``), so that one key writes one status.
    """
    english, source = (choice, "typed") if isinstance(choice, str) else (choice.text, choice.source)
    return vocabulary.save(
        word=result.term or result.word,
        lemma=result.term or result.lemma,
        english=english,
        source=source,
        sentence=result.sentence,
        english_sentence=result.english,
        title=title,
        path=path,
    )


# ------------------------------------------------------------------ exports


def _rows(entries: Sequence[VocabEntry]) -> list[dict[str, str]]:
    rows = []
    for e in entries:
        base = {"word": e.word, "lemma": e.lemma, "english": e.english, "source": e.source}
        for x in e.examples or (None,):
            rows.append(
                {
                    **base,
                    "word": x.word if x else e.word,
                    "sentence": x.sentence if x else "",
                    "english_sentence": x.english if x else "",
                    "title": x.title if x else "",
                    "path": x.path if x else "",
                    "date": (x.saved if x else e.updated)[:10],
                }
            )
    return rows


def to_csv(entries: Sequence[VocabEntry]) -> str:
    """One row per example sentence (a word without one gets a row of its own)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS)
    writer.writeheader()
    writer.writerows(_rows(entries))
    return out.getvalue()


def to_json(entries: Sequence[VocabEntry]) -> str:
    data = [
        {
            "word": e.word,
            "lemma": e.lemma,
            "english": e.english,
            "source": e.source,
            "created": e.created,
            "updated": e.updated,
            "examples": [
                {
                    "word": x.word,
                    "sentence": x.sentence,
                    "english": x.english,
                    "title": x.title,
                    "path": x.path,
                    "date": x.saved,
                }
                for x in e.examples
            ],
        }
        for e in entries
    ]
    return json.dumps(data, ensure_ascii=False, indent=2)


def marked(sentence: str, word: str) -> str:
    """The sentence as HTML with ``word`` in bold (first occurrence, any case)."""
    escaped = html.escape(sentence)
    if not word:
        return escaped
    pattern = re.compile(rf"(?<!\w){re.escape(html.escape(word))}(?!\w)", re.IGNORECASE)
    return pattern.sub(lambda m: f"<b>{m.group(0)}</b>", escaped, count=1)


def anki_guid(lemma: str) -> str:
    from reader.anki import guid

    return guid(ANKI_GUID_NAMESPACE, lemma)


def write_anki(entries: Sequence[VocabEntry], target: Path, speech: Speech | None = None) -> int:
    """Writes an Anki deck, one note per lemma; returns the number of notes. With
    ``speech``, the notes' audio fields play their sentences and their word (the form met,
    bold on the card), and the sound files go into the deck; without, they are empty (one
    note type either way, so a deck can gain its audio on a later export)."""
    import genanki

    media: list[Path] = []

    def sound(text: str) -> str:
        if speech is None or not text.strip():
            return ""
        made = speech.audio_for(text)  # a SpeechError (no espeak-ng) before anything is written
        media.append(made.path)
        return made.sound

    model = genanki.Model(
        ANKI_MODEL_ID,
        "Bilingual reader vocabulary",
        fields=[{"name": n} for n in ANKI_FIELDS],
        templates=[
            {
                "name": "French → English",
                "qfmt": "{{French}} {{FrenchAudio}}<br><br><b>{{Word}}</b> {{WordAudio}} "
                "({{Lemma}})",
                "afmt": "{{FrontSide}}<hr id=answer><b>{{English}}</b> <small>({{Source}})</small>"
                "<br><br>{{EnglishSentence}}<br><small>{{Article}}</small>",
            }
        ],
    )
    deck = genanki.Deck(ANKI_DECK_ID, "Bilingual reader vocabulary")
    for e in entries:
        examples = e.examples
        deck.add_note(
            genanki.Note(
                model=model,
                fields=[
                    html.escape(e.word),
                    html.escape(e.lemma),
                    html.escape(e.english),
                    html.escape(e.source),
                    "<br>".join(marked(x.sentence, x.word) for x in examples),
                    "<br>".join(html.escape(x.english) for x in examples),
                    "<br>".join(dict.fromkeys(html.escape(x.title or x.path) for x in examples)),
                    sound(e.word),
                    "".join(sound(x.sentence) for x in examples),
                ],
                guid=anki_guid(e.lemma),
            )
        )
    from reader.anki import write_deck

    return write_deck(deck, target, media)  # an unwritable target is one OutputError naming it
