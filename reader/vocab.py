"""Moved to ``reader.learning.vocab``. This module re-exports it for the modules that still
import it from here (the app's lookups, ``reader doctor``); remove it once they import
``reader.learning.vocab``."""

from reader.learning.vocab import (
    ANKI_DECK_ID,
    ANKI_GUID_NAMESPACE,
    ANKI_MODEL_ID,
    CSV_FIELDS,
    FILE_NAME,
    Example,
    VocabEntry,
    VocabError,
    Vocabulary,
    anki_guid,
    marked,
    save_lookup,
    to_csv,
    to_json,
    write_anki,
)

__all__ = [
    "ANKI_DECK_ID",
    "ANKI_GUID_NAMESPACE",
    "ANKI_MODEL_ID",
    "CSV_FIELDS",
    "FILE_NAME",
    "Example",
    "VocabEntry",
    "VocabError",
    "Vocabulary",
    "anki_guid",
    "marked",
    "save_lookup",
    "to_csv",
    "to_json",
    "write_anki",
]
