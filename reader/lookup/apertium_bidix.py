"""Apertium's analyser and bilingual dictionaries: the code lives in ``reader.apertium``, one
layer below the text analysis (``reader.nlp.lemma`` asks the same analyser for a word's
readings); the lookup's names are kept here."""

from __future__ import annotations

from reader.apertium import (
    FIRST_MODE,
    INSTALL_HINT,
    SECOND_MODES,
    Analysis,
    Apertium,
    ApertiumFiles,
    ApertiumUnavailable,
    LtProc,
    Pivot,
    find_files,
    is_safe_word,
    modes_dirs,
    parse_analysis,
    parse_stream,
    plain_lemma,
    tag_variants,
)

__all__ = [
    "FIRST_MODE",
    "INSTALL_HINT",
    "SECOND_MODES",
    "Analysis",
    "Apertium",
    "ApertiumFiles",
    "ApertiumUnavailable",
    "LtProc",
    "Pivot",
    "find_files",
    "is_safe_word",
    "modes_dirs",
    "parse_analysis",
    "parse_stream",
    "plain_lemma",
    "tag_variants",
]
