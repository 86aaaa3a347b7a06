"""Phrases in the reading app (issue 22): shift+→ selects words, the word keys give the
phrase a status, it is marked over its words (their own marks stay), counted once in
% known, and looked up as a unit. The analysis is written by hand into the data folder's
cache (as ``tests/support/statuses.py`` does), so no test waits for spaCy."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.style import Style
from textual.notifications import Notify

from reader.article import Article, load
from reader.learning.store import LearningStore
from reader.nlp.analysis import Token
from tests.support.app import make_app, of_type, settle, status_text
from tests.support.lookups import quick_lookups

TEXT = """Les rencontres
La réunion a eu lieu hier. Les élections auront lieu en mai.
"""
TOKENS = {  # form: (lemma, pos, morph), as spaCy and reader.nlp.lemmas give them
    "Les": ("le", "DET", ""),
    "rencontres": ("rencontre", "NOUN", ""),
    "La": ("le", "DET", ""),
    "réunion": ("réunion", "NOUN", ""),
    "a": ("avoir", "AUX", ""),
    "eu": ("avoir", "VERB", "VerbForm=Part"),
    "lieu": ("lieu", "NOUN", ""),
    "hier": ("hier", "ADV", ""),
    ".": (".", "PUNCT", ""),
    "élections": ("élection", "NOUN", ""),
    "auront": ("avoir", "VERB", ""),
    "en": ("en", "ADP", ""),
    "mai": ("mai", "NOUN", ""),
}
PARAGRAPH = 1
COUNTABLE = 14  # les rencontres; la réunion a eu lieu hier, les élections auront lieu en mai


@pytest.fixture
def article(tmp_path: Path, data_dir: Path) -> Article:
    import re

    from reader.nlp.cache import AnalysisCache

    path = tmp_path / "rencontres.fr.txt"
    path.write_text(TEXT, encoding="utf-8")
    loaded = load(path)
    analysis = [
        [
            Token(m.group(), m.start(), m.end(), *TOKENS[m.group()][:2], morph=TOKENS[m.group()][2])
            for m in re.finditer(r"\w+|[^\w\s]", block.text)
        ]
        for block in loaded.blocks
    ]
    AnalysisCache().put(loaded, analysis)
    return loaded


def style_of(app, block: int, form: str) -> Style:
    """The style the view draws the first ``form`` of block ``block``'s first line with."""
    view = app.view
    line = view.render_line(view.row_top(block) - int(view.scroll_y))
    at = line.text.index(f" {form}") + 1 if f" {form}" in line.text else line.text.index(form)
    x = 0
    for segment in line:
        if x <= at < x + segment.cell_length:
            return segment.style or Style()
        x += segment.cell_length
    raise AssertionError(f"{form!r} is not on the line {line.text!r}")


def told(messages) -> str:
    return " | ".join(m.notification.message for m in of_type(messages, Notify))


async def test_shift_right_selects_two_words_and_a_status_key_marks_the_phrase(
    article: Article,
) -> None:
    LearningStore().set("lieu", "learning-2")
    app = make_app("none", article.path, statuses=True)
    messages: list = []
    async with app.run_test(size=(100, 24), message_hook=messages.append) as pilot:
        await settle(app, pilot)
        view = app.view
        new = view.get_component_rich_style("article-view--new", partial=True)
        learning_2 = view.get_component_rich_style("article-view--learning-2", partial=True)
        await pilot.press("j", "right", "right", "right", "right")  # La réunion a eu

        def tinted(form: str, beside: str) -> bool:
            return (
                style_of(app, PARAGRAPH, form).bgcolor != style_of(app, PARAGRAPH, beside).bgcolor
            )

        assert not tinted("auront", "élections")  # no phrase yet
        await pilot.press("shift+right")  # « eu lieu »
        a, b = view.selection_span()
        assert article.blocks[PARAGRAPH].text[a:b] == "eu lieu"
        assert style_of(app, PARAGRAPH, "eu").reverse  # the selection shows
        await pilot.press("1")
        assert "Phrase « avoir lieu » (2× in this text): learning 1" in told(messages)
        assert view.selection_span() is None  # the selection gives way to the phrase's mark
        # Both occurrences, « a eu lieu » and « auront lieu », are tinted (the words beside
        # them in their sentences are not), over the words' own colours.
        assert tinted("a", "hier") and tinted("auront", "élections")
        assert not tinted("réunion", "hier") and not tinted("en", "élections")
        assert style_of(app, PARAGRAPH, "auront").color == new.color
        assert style_of(app, PARAGRAPH, "lieu").color == learning_2.color
        # One unit each: 5 words are 2 units; known, they are 2 of 14 - 5 + 2.
        await pilot.press("shift+left", "w")
        assert "Phrase « avoir lieu » (2× in this text): known" in told(messages)
        assert f"{2 / (COUNTABLE - 5 + 2):.1%} known" in status_text(app)
        await pilot.press("q")
    assert LearningStore().statuses() == {"lieu": "learning-2", "avoir lieu": "known"}


async def test_a_selection_is_looked_up_as_its_phrase(
    article: Article, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.app.messages import LookupReady
    from reader.app.widgets.lookup_panel import LookupPanel

    quick_lookups(monkeypatch)
    LearningStore().set("avoir lieu", "learning-3")
    app = make_app("none", article.path, statuses=True)
    messages: list = []
    async with app.run_test(size=(100, 30), message_hook=messages.append) as pilot:
        await settle(app, pilot)
        await pilot.press("j", *["right"] * 9, "shift+right", "l")  # « auront lieu »
        for _ in range(500):
            await pilot.pause(0.02)
            if of_type(messages, LookupReady):
                break
        panel = app.main.query_one(LookupPanel)
        assert panel.result is not None
        assert (panel.result.word, panel.result.lemma) == ("auront lieu", "avoir lieu")
        assert "Phrase « avoir lieu »: learning 3 · 2× here" in panel.word_status
        await pilot.press("4")  # the panel has focus: the same keys, on the phrase
        assert "Phrase « avoir lieu »: learning 4" in panel.word_status
        await pilot.press("escape", "q")
    assert LearningStore().statuses() == {"avoir lieu": "learning-4"}


async def test_saving_a_selected_phrase_makes_it_learning_1_in_the_text(
    article: Article, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.app.messages import LookupReady
    from reader.app.widgets.lookup_panel import LookupPanel
    from reader.learning.vocab import Vocabulary

    quick_lookups(monkeypatch)
    app = make_app("none", article.path, statuses=True)
    messages: list = []
    async with app.run_test(size=(100, 30), message_hook=messages.append) as pilot:
        await settle(app, pilot)
        await pilot.press("j", "right", "right", "right", "shift+right", "shift+right", "l")
        for _ in range(500):
            await pilot.pause(0.02)
            if of_type(messages, LookupReady):
                break
        panel = app.main.query_one(LookupPanel)
        assert "Phrase « avoir lieu »: new · 2× here" in panel.word_status
        before = style_of(app, PARAGRAPH, "auront").bgcolor
        await pilot.press("s")
        for _ in range(500):
            await pilot.pause(0.02)
            if "learning 1" in panel.word_status:
                break
        assert "Phrase « avoir lieu »: learning 1" in panel.word_status
        assert style_of(app, PARAGRAPH, "auront").bgcolor != before  # now tinted
        await pilot.press("escape", "q")
    assert LearningStore().statuses() == {"avoir lieu": "learning-1"}
    assert [e.lemma for e in Vocabulary().entries()] == ["avoir lieu"]


async def test_a_selection_stays_in_its_paragraph_and_plain_arrows_drop_it(
    article: Article,
) -> None:
    app = make_app("none", article.path, statuses=True)
    messages: list = []
    async with app.run_test(size=(100, 24), message_hook=messages.append) as pilot:
        await settle(app, pilot)
        view = app.view
        await pilot.press("j", *["right"] * 12, "shift+right")  # « mai », the last word
        assert "A selection stays within its paragraph." in told(messages)
        assert view.selection_span() is None
        await pilot.press("shift+left", "shift+left")
        a, b = view.selection_span()
        assert article.blocks[PARAGRAPH].text[a:b] == "lieu en mai"
        await pilot.press("left")
        assert view.selection_span() is None and view.word_span() is not None
        await pilot.press("q")
