"""Machine guesses for extracted terms (the engine's English for a term alone): marked as
guesses, and not shown as English when they cannot be a term's English (QA 2026-12-01 Q13)."""

from __future__ import annotations

from collections.abc import Sequence

from glossary.extract import Candidate
from reader.engines.base import SentenceEngine
from reader.translate.glossary_build import extracted_entries, implausible_guess

GUESSES = {
    "Integra": "It integrates",
    "place de Mai": "it situates of May",
    "EU": "Had",
    "Autriche": "Austria",
    "OTAN": "NATO",
    "Mai": "May",
    "taux directeur": "Key interest rate",
    "Serbes": "Serbian",
}


class Dictionary(SentenceEngine):
    """Translates each term with ``GUESSES``, as an engine translating it alone would."""

    name = "dictionary"

    @property
    def version(self) -> str:
        return "1"

    def translate_sentences(self, sentences: Sequence[str]) -> list[str]:
        return [GUESSES[s] for s in sentences]


def test_verb_phrases_pronouns_and_lost_acronyms_are_not_english() -> None:
    assert implausible_guess("Integra", "It integrates")
    assert implausible_guess("place de Mai", "it situates of May")
    assert implausible_guess("EU", "Had")
    assert implausible_guess("lui", "Him")
    for french in ("Autriche", "OTAN", "Mai", "taux directeur"):
        assert implausible_guess(french, GUESSES[french]) == "", french


def test_junk_guesses_keep_the_term_without_english_and_say_why() -> None:
    candidates = [Candidate(fr, "places", 2, (fr,)) for fr in GUESSES]
    entries = {e.fr: e for e in extracted_entries(candidates, Dictionary())}
    for junk in ("Integra", "place de Mai", "EU"):
        entry = entries[junk]
        assert entry.en == "" and entry.origin == "extracted", junk
        assert f"“{GUESSES[junk]}” not used" in entry.en_note
    kept = entries["Autriche"]
    assert (kept.en, kept.origin) == ("Austria", "machine guess")
    assert entries["taux directeur"].en == "key interest rate"  # follows the French case
