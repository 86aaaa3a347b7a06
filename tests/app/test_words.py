"""The word statuses' arithmetic for the reading screen (reader/app/words.py): which word the
cursor means, where u/U go, the marks drawn and the texts shown. Pure: no spaCy, no Textual."""

from __future__ import annotations

from rich.text import Text

from reader.app.cursor import WordCursor
from reader.app.marks import Mark
from reader.app.words import block_marks, jump, meant_word, status_line, with_line, words_line
from reader.article import parse
from reader.learning.counts import count_words
from reader.learning.marks import StatusMarks
from tests.support.statuses import TEXT, tokens_of

ARTICLE = parse(TEXT, "chats.fr.txt")
ANALYSIS = [tokens_of(b.text) for b in ARTICLE.blocks]


def marks(statuses: dict[str, str] | None = None) -> StatusMarks:
    return StatusMarks(count_words("chats", ANALYSIS), statuses or {})


def span_of(block: int, form: str) -> tuple[int, int]:
    start = ARTICLE.blocks[block].text.index(form)
    return start, start + len(form)


def meant(m: StatusMarks, block: int, form: str) -> str | None:
    word = meant_word(m, ARTICLE.blocks[block].text, block, span_of(block, form))
    return word.lemma if word is not None else None


def test_the_cursor_means_the_word_not_the_elided_article_or_a_name() -> None:
    m = marks()
    assert meant(m, 2, "d’armes") == "arme" and meant(m, 2, "n’a") == "avoir"
    assert meant(m, 1, "chats") == "chat" and meant(m, 1, "Trump") is None


def test_u_and_U_go_to_words_that_are_new_or_learning_across_blocks() -> None:
    known = dict.fromkeys(["le", "chat", "dormir", "au", "soleil", "voir", "et", "chien"], "known")
    m = marks(known | {"un": "known", "il": "known", "ne": "known", "pas": "learning-2"})
    cursor = WordCursor(ARTICLE)

    def form(target: tuple[int, int] | None) -> str:
        assert target is not None
        block, word = target
        a, b = cursor.words(block)[word]
        return ARTICLE.blocks[block].text[a:b]

    first = jump(m, cursor, 1, span_of(1, "Les"), 1)
    assert first is not None and first[0] == 2 and form(first) == "n’a"
    second = jump(m, cursor, 2, span_of(2, "n’a"), 1)
    assert form(second) == "pas"  # learning 2
    # « d’armes »: « de » is new, but the cursor there means « arme », which is new too
    assert form(jump(m, cursor, 2, span_of(2, "pas"), 1)) == "d’armes"
    assert form(jump(m, cursor, 2, span_of(2, "d’armes"), 1)) == "ville"  # « La »: le is known
    assert form(jump(m, cursor, 3, span_of(3, "ville"), -1)) == "d’armes"
    m.update("arme", "known")  # then « d’armes » means a known word: passed over
    assert form(jump(m, cursor, 2, span_of(2, "pas"), 1)) == "ville"
    m.update("arme", "new")
    assert jump(m, cursor, 1, span_of(1, "Les"), -1) is None  # the title is all known
    # without a cursor: from the start of the block (or of its sentence)
    assert form(jump(m, cursor, 2, None, 1)) == "n’a"
    assert form(jump(m, cursor, 2, None, 1, start=14)) == "n’a"
    assert form(jump(m, cursor, 2, None, -1)) == "d’armes"


def test_the_marks_drawn_are_the_new_and_learning_words_with_their_status() -> None:
    m = marks({"chat": "learning-3", "le": "known", "dormir": "ignored"})
    assert block_marks(m.spans(0)) == (Mark("fr", 4, 9, "learning-3"),)
    assert [mark.kind for mark in block_marks(m.spans(2))][:3] == ["new", "learning-3", "new"]


def test_the_status_line_and_the_panel_say_what_is_known() -> None:
    assert words_line(None, 0) == ""
    assert words_line(0.3125, 217) == "31.2% known · 217 new words"
    assert words_line(1.0, 1) == "100.0% known · 1 new word"
    assert status_line("chat", "learning-2", "top 5k").startswith(
        "Status of « chat »: learning 2 · top 5k · 1–4 learning"
    )
    assert "still being read" in status_line(None, None, None)
    assert "Not a word to learn" in status_line(None, "", None)


def test_the_status_goes_under_the_lookups_headline() -> None:
    text = Text("chats → chat\nsleeps")
    assert with_line(text, Text("status")).plain == "chats → chat\nstatus\nsleeps"
    assert with_line(Text("chats"), Text("status")).plain == "chats\nstatus"
