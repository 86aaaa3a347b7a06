"""A stand-in for the lookup service, for app tests of what surrounds a lookup (speech,
the library lines) rather than the dictionaries (tests/app/test_lookup.py tests those)."""

from __future__ import annotations

import pytest

from reader.lookup.result import LookupResult


class QuickLookups:
    """Stands in for ``LookupService``: every word is its own answer, at once (the panel
    without loading dictionaries, Apertium or spaCy); its lemma is its lower case, as
    ``tests.library.conftest.store`` indexes words."""

    warmed = True

    def __init__(self, *args: object, **kwargs: object) -> None:
        pass

    def warm(self) -> None:
        pass

    def parsed(self, sentence: str) -> bool:
        return True

    def prefetch(self, sentence: str) -> None:
        pass

    def refresh_glossaries(self) -> None:
        pass

    def close(self) -> None:
        pass

    def lookup(self, word: str, sentence: str, **kwargs: object) -> LookupResult:
        bare = word.split("’")[-1]  # as the service strips the elision
        return LookupResult(word=bare, lemma=bare.lower(), pos="noun", morph="", sentence=sentence)

    def lookup_phrase(
        self, phrase: str, form: str, sentence: str = "", *args: object
    ) -> LookupResult:
        return LookupResult(word=form, lemma=phrase, pos="phrase", morph="", sentence=sentence)


def quick_lookups(monkeypatch: pytest.MonkeyPatch) -> None:
    """The app makes ``QuickLookups`` instead of ``LookupService``, for one test."""
    monkeypatch.setattr("reader.lookup.service.LookupService", QuickLookups)
