"""The marks the app draws for new and learning words, % known and new lemmas, kept up to
date one status change at a time (a pure class: no spaCy, no Textual)."""

from __future__ import annotations

from pathlib import Path

from reader.learning.counts import count_words, known_share, new_lemmas
from reader.learning.marks import StatusMarks, StatusSpan
from reader.nlp.analysis import Token


def tok(text: str, start: int, lemma: str, pos: str = "NOUN", entity: str = "") -> Token:
    return Token(text, start, start + len(text), lemma, pos, entity)


# « Les chats dorment. Trump voit les chats. » and « Un chat dort à Kiev. »
ANALYSIS = [
    [
        tok("Les", 0, "le", "DET"),
        tok("chats", 4, "chat"),
        tok("dorment", 10, "dormir", "VERB"),
        tok(".", 17, ".", "PUNCT"),
        tok("Trump", 19, "Trump", "PROPN", "PER"),
        tok("voit", 25, "voir", "VERB"),
        tok("les", 30, "le", "DET"),
        tok("chats", 34, "chat"),
        tok(".", 39, ".", "PUNCT"),
    ],
    [
        tok("Un", 0, "un", "DET"),
        tok("chat", 3, "chat"),
        tok("dort", 8, "dormir", "VERB"),
        tok("à", 13, "à", "ADP"),
        tok("Kiev", 15, "Kiev", "NOUN"),  # a name the tagger missed: the glossary knows it
        tok("3", 20, "3", "NUM"),
    ],
]
NAMES = {1: [(15, 19)]}


def words():
    return count_words("test", ANALYSIS, NAMES)


def test_forms_are_grouped_by_lemma_and_names_numbers_punctuation_left_out() -> None:
    w = words()
    assert w.tokens == 13 and w.countable == 10  # Trump, Kiev and 3 are tokens, not words
    assert set(w.lemmas) == {"le", "chat", "dormir", "voir", "un", "à"}
    assert list(w.lemmas["chat"].forms) == ["chats", "chat"] and w.lemmas["chat"].count == 3
    assert list(w.lemmas["dormir"].forms) == ["dorment", "dort"]


def test_known_share_is_known_tokens_over_countable_tokens() -> None:
    w = words()
    assert known_share(w, {}) == 0.0
    assert known_share(w, {"chat": "known", "le": "known"}) == 5 / 10
    assert known_share(w, {"chat": "learning-2"}) == 0.0
    assert new_lemmas(w, {"chat": "learning-2", "le": "ignored"}) == 4


def test_new_and_learning_words_are_marked_known_and_ignored_are_not() -> None:
    marks = StatusMarks(words(), {"le": "known", "voir": "ignored", "dormir": "learning-3"})
    assert marks.spans(0) == (
        StatusSpan(4, 9, "new", "chat"),
        StatusSpan(10, 17, "learning-3", "dormir"),
        StatusSpan(34, 39, "new", "chat"),
    )
    assert [s.lemma for s in marks.spans(1)] == ["un", "chat", "dormir", "à"]


def test_a_change_updates_only_what_it_touches_and_matches_a_recount() -> None:
    w = words()
    statuses = {"le": "known"}
    marks = StatusMarks(w, statuses)
    assert marks.spans(0) and marks.spans(1)
    assert marks.update("voir", "known") == {0}  # only block 0 has « voit »
    assert marks.update("chat", "known") == {0, 1}
    assert marks.update("chat", "known") == frozenset()  # no change
    assert marks.update("Kiev", "known") == frozenset()  # not a word of this article
    statuses |= {"voir": "known", "chat": "known"}
    assert marks.known_share == known_share(w, statuses) == 6 / 10
    assert marks.new_lemmas == new_lemmas(w, statuses) == 3
    assert [s.lemma for s in marks.spans(0)] == ["dormir"]
    marks.update("chat", "new")
    assert marks.known == 3 and marks.new_lemmas == 4
    assert [s.lemma for s in marks.spans(1)] == ["un", "chat", "dormir", "à"]


def test_the_word_under_the_cursor_has_the_lemma_statuses_use() -> None:
    marks = StatusMarks(words(), {})
    assert marks.word_at(0, 6).lemma == "chat"  # inside « chats »
    assert marks.word_at(0, 20) is None  # « Trump »: a name
    assert marks.word_at(1, 15) is None and marks.word_at(7, 0) is None


def test_jumps_to_the_next_and_previous_new_or_learning_word() -> None:
    marks = StatusMarks(words(), {"chat": "known", "le": "known", "dormir": "learning-1"})
    first = marks.next_word(0, -1, 1)
    assert first is not None and (first.block, first.start) == (0, 10)  # « dorment »
    after = marks.next_word(0, 10, 1)
    assert after is not None and after.lemma == "voir"
    assert marks.next_word(0, 25, 1).block == 1  # on into the next block: « Un »
    back = marks.next_word(1, 0, -1)
    assert back is not None and (back.block, back.lemma) == (0, "voir")
    assert marks.next_word(0, 10, -1) is None


def test_the_blocks_still_new_lemmas_are_what_mark_block_known_sets() -> None:
    marks = StatusMarks(words(), {"chat": "learning-1"})
    assert marks.still_new(0) == ["le", "dormir", "voir"]
    marks.update_many((lemma, "known") for lemma in marks.still_new(0))
    assert marks.still_new(0) == [] and [s.lemma for s in marks.spans(0)] == ["chat", "chat"]


def test_the_editor_saves_each_change_and_undoes_mark_block_known(data_dir: Path) -> None:
    from reader.learning.marks import StatusEditor
    from reader.learning.store import LearningStore

    store = LearningStore()
    store.set("dormir", "learning-2")
    marks = StatusMarks(words(), store.statuses())
    editor = StatusEditor(marks, store)
    assert editor.set("voir", "known") == {0}
    assert editor.mark_block_known(1) == {0, 1}  # un, chat, à (dormir is learning)
    assert store.statuses() == {
        "dormir": "learning-2",
        "voir": "known",
        "un": "known",
        "chat": "known",
        "à": "known",
    }
    assert editor.can_undo and editor.undo() == {0, 1}
    assert not editor.can_undo and editor.undo() == frozenset()
    assert store.statuses() == {"dormir": "learning-2", "voir": "known"}
    assert marks.known == 1 and marks.status("chat") == "new"
    assert [(c.lemma, c.old, c.new) for c in store.history()][-3:] == [
        ("un", "known", "new"),
        ("chat", "known", "new"),
        ("à", "known", "new"),
    ]


def test_the_editor_changes_the_marks_at_once_and_hands_the_writes_over() -> None:
    """The app's way: the marks first (the screen repaints them), the saving in its thread."""
    from reader.learning.marks import StatusEditor

    saved: list[dict[str, str]] = []
    marks = StatusMarks(words(), {"dormir": "learning-2"})
    editor = StatusEditor(marks, save=saved.append)
    assert editor.set("Chat", "known") == {0, 1} and marks.status("chat") == "known"
    assert editor.mark_block_known(1) == {1}  # un, à (chat is known, dormir learning)
    editor.set("un", "learning-1")  # set again after M: undo leaves it
    assert editor.undo() == {1} and marks.status("à") == "new"
    assert marks.status("un") == "learning-1"
    assert saved == [
        {"chat": "known"},
        {"un": "known", "à": "known"},
        {"un": "learning-1"},
        {"à": "new"},
    ]


def test_marks_for_an_article_leave_the_glossarys_names_out_and_keep_it_for_stats(
    data_dir: Path,
) -> None:
    from reader.article import parse
    from reader.learning.marks import for_article
    from reader.learning.stats import article_shares
    from reader.learning.store import LearningStore

    article = parse("Titre\nLes chats dorment à Kiev.\n", "chats.fr.txt")
    analysis = [
        [tok("Titre", 0, "titre")],
        [
            tok("Les", 0, "le", "DET"),
            tok("chats", 4, "chat"),
            tok("dorment", 10, "dormir", "VERB"),
            tok("à", 18, "à", "ADP"),
            tok("Kiev", 20, "kiev"),  # tagged as a noun; the general glossary knows the place
        ],
    ]
    store = LearningStore()
    store.set("chat", "known")
    marks = for_article(article, analysis, store)
    assert "kiev" not in marks.words.lemmas and marks.countable == 5
    assert marks.known_share == 1 / 5
    [shares] = article_shares(store)
    assert (shares.title, shares.countable, shares.known) == ("Titre", 5, 1)


def test_ignored_words_are_left_out_of_the_share_known() -> None:
    """Trial row T18: « known set le ignored » left "0 % known"; a text whose every word
    is known or ignored never reached 100 %."""
    w = words()  # 10 countable tokens: le ×2, chat ×3, dormir ×2, voir, un, à
    assert w.lemmas["le"].count == 2
    assert known_share(w, {"le": "ignored"}) == 0.0
    assert known_share(w, {"le": "ignored", "chat": "known"}) == 3 / (10 - 2)
    everything = {lemma: "known" for lemma in w.lemmas} | {"le": "ignored", "à": "ignored"}
    assert known_share(w, everything) == 1.0
    marks = StatusMarks(w, {"chat": "known"})
    assert marks.known_share == 3 / 10
    marks.update("le", "ignored")
    assert marks.known_share == 3 / 8
    marks.update("le", "new")
    assert marks.known_share == 3 / 10


def test_a_text_of_ignored_words_only_is_wholly_known() -> None:
    w = words()
    assert known_share(w, {lemma: "ignored" for lemma in w.lemmas}) == 1.0


def test_ordinals_in_digits_are_numbers_not_words_to_learn() -> None:
    """Trial row T35: « 1er », « 2e » were counted while « XXIe » was not."""
    analysis = [
        [
            tok("le", 0, "le", "DET"),
            tok("1er", 3, "1er", "ADJ"),
            tok("et", 7, "et", "CCONJ"),
            tok("2e", 10, "2e", "ADJ"),
            tok("tours", 13, "tour"),
        ]
    ]
    w = count_words("t", analysis)
    assert set(w.lemmas) == {"le", "et", "tour"} and w.tokens == 5
