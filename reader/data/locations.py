"""Every file of the data folder, named once.

The folder itself is ``reader.store.data_dir()`` (``READER_DATA_DIR`` or the platform's
user data folder). What is in it:

- ``library.sqlite3``: the texts, their blocks and sentences, and each text's reading
  state (position, mode, share read, last opened), kept by article key;
- ``learning.sqlite3``: word statuses and their history, blocks read, each article's
  lemma counts (for % known), review cards and their log;
- ``vocabulary.sqlite3``: saved words and their example sentences;
- ``corrections.sqlite3``: your own English for sentences (``reader corrections``);
- ``glossary.toml``: the reader's own glossary (``reader terms``);
- ``cache.sqlite3`` and ``analysis.sqlite3``: the translation and analysis caches (they
  can be deleted: they are rebuilt);
- ``backups/``: copies of the databases (``reader data backup``);
- ``positions.json``: where release 0.1.0 kept reading positions; moved into the library
  database (and this file into ``backups/``) the first time a later release opens it.
"""

from __future__ import annotations

from pathlib import Path

LIBRARY = "library.sqlite3"
LEARNING = "learning.sqlite3"
VOCABULARY = "vocabulary.sqlite3"
CORRECTIONS = "corrections.sqlite3"
GLOSSARY = "glossary.toml"
TRANSLATION_CACHE = "cache.sqlite3"
ANALYSIS_CACHE = "analysis.sqlite3"
BACKUPS = "backups"
LEGACY_POSITIONS = "positions.json"

USER_DATABASES = (LIBRARY, LEARNING, VOCABULARY, CORRECTIONS)
"""What the reader made, in SQLite: backed up, exported."""
CACHES = (TRANSLATION_CACHE, ANALYSIS_CACHE)
"""Rebuilt when lost: neither backed up nor exported."""
USER_FILES = (GLOSSARY,)
"""What the reader made, in other files: backed up (and exported) with the databases."""


def folder() -> Path:
    """The data folder (created if needed); OSError when it cannot be."""
    from reader.store import data_dir

    return data_dir()


def path(name: str, base: Path | None = None) -> Path:
    """The file ``name`` (one of the names above) in ``base`` or the data folder."""
    return (base if base is not None else folder()) / name


def backups(base: Path | None = None) -> Path:
    return path(BACKUPS, base)
