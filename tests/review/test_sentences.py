"""The sentence a card is shown in: from the library, another each time, blanked where
the card's words are; else the saved sentence; else the lemma alone."""

from __future__ import annotations

from pathlib import Path

from reader.learning.store import LearningStore
from reader.learning.vocab import Vocabulary
from reader.review.queue import Reviewer
from reader.review.sentences import BLANK, choose, find_spans, words
from reader.settings import ReviewSettings
from tests.review.conftest import T0, shelve

LEMMAS = {
    "frappe": "frapper",
    "frappaient": "frapper",
    "a": "avoir",
    "eu": "avoir",
    "avait": "avoir",
    "auront": "avoir",
}
TEXT = """Les frappes

La tempête frappe la côte. Les vagues frappaient les digues.

La réunion a eu lieu hier. Elle n'avait pas encore eu lieu lundi.
"""


def test_word_and_phrase_spans() -> None:
    sentence = "Elle n'avait pas encore eu lieu lundi."
    lemmas = {"n'": {"ne"}, "avait": {"avoir"}, "eu": {"avoir"}, "lieu": {"lieu"}}
    spans = find_spans(sentence, "avoir lieu", lemmas)
    assert [sentence[a:b] for a, b in spans] == ["eu", "lieu"]  # the tightest match
    assert find_spans("Rien ici.", "avoir lieu", lemmas) == ()
    assert [sentence[a:b] for a, b in find_spans(sentence, "lieu", lemmas)] == ["lieu"]
    contracted = "Ils ont mis fin aux combats."
    lemmas = {"mis": {"mettre"}, "fin": {"fin"}, "aux": {"à_le"}}
    spans = find_spans(contracted, "mettre fin à", lemmas)
    assert [contracted[a:b] for a, b in spans] == ["mis", "fin", "aux"]


def test_each_review_shows_another_sentence(store, library) -> None:
    shelve(library, TEXT, "/texts/one.txt", LEMMAS)
    shown: dict[tuple[int, int, int], float] = {}
    fronts = []
    for n in range(3):
        front = choose(library, "frapper", shown)
        assert front.place is not None
        shown[front.place] = float(n)
        fronts.append(front)
    assert [f.form for f in fronts[:2]] == ["frappe", "frappaient"]
    assert fronts[0].cloze == f"La tempête {BLANK} la côte."
    assert fronts[2].fr == fronts[0].fr  # all shown: the one shown longest ago
    phrase = choose(library, "avoir lieu", {})
    assert phrase.cloze == f"La réunion a {BLANK} {BLANK} hier." and phrase.form == "eu lieu"
    assert phrase.title == "Les frappes" and phrase.block == 2


def test_saved_sentence_then_lemma_alone(store, library, data_dir: Path) -> None:
    shelve(library, TEXT, "/texts/one.txt", LEMMAS)
    Vocabulary(data_dir / "vocabulary.sqlite3").save(
        word="digues",
        lemma="digue",
        english="dike",
        source="test",
        sentence="Les digues ont tenu.",
        english_sentence="The dikes held.",
        title="Ailleurs",
    )
    LearningStore(store.path).set_many({"digue": "learning-1", "tempêter": "learning-1"})
    reviewer = Reviewer(store, library, ReviewSettings())
    store.sync(T0)
    # « digues » is in the library, but its lemma there is « digues » (no spaCy here):
    # the saved sentence is the fallback.
    saved = reviewer.front(store.card("digue"), now=T0)
    assert (saved.cloze, saved.english, saved.text_id) == (
        f"Les {BLANK} ont tenu.",
        "The dikes held.",
        None,
    )
    alone = reviewer.front(store.card("tempêter"), now=T0)
    assert alone.fr == "" and alone.form == ""


def test_the_reviewer_records_what_it_showed(store, library) -> None:
    shelve(library, TEXT, "/texts/one.txt", LEMMAS)
    LearningStore(store.path).set("frapper", "learning-1")
    store.sync(T0)
    reviewer = Reviewer(store, library, ReviewSettings())
    first = reviewer.next(T0)
    second = reviewer.next(T0)
    assert first is not None and second is not None
    assert first.front.fr != second.front.fr
    assert len(store.shown(first.card.id)) == 2


def test_words_split_elisions_only() -> None:
    found = [form for _, _, form in words("L’homme qu'on voit aujourd'hui jusqu'à l'aube s'en va.")]
    assert found == [
        "l'",
        "homme",
        "qu'",
        "on",
        "voit",
        "aujourd'hui",
        "jusqu'",
        "à",
        "l'",
        "aube",
        "s'",
        "en",
        "va",
    ]
