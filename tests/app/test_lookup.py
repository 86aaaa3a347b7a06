"""Word lookup in the app, driven with Pilot: the word cursor, the lookup panel and what it
saves, checked on the screen, in the messages and in the files a newcomer would use next
(the user's glossary in another article, the Anki export of the vocabulary)."""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

import pytest
from textual.widgets import Input
from textual.worker import Worker

from reader.app.messages import EnglishRevised, LookupReady
from reader.app.widgets.article_view import MARGIN, ArticleView
from reader.app.widgets.lookup_panel import LookupPanel
from reader.lookup.service import APERTIUM_SOURCE, FREEDICT_SOURCE
from tests.support.app import help_text, lookups_settled, make_app, of_type, screen_text, settle
from tests.support.cli import run_reader
from tests.support.gates import gated_lookups, wait_until

LEDE = 1
"""« L’article met en lumière le remarquable tournant de Trump contre Poutine… »"""
PRESIDENT = 2
"""« Le président Donald Trump semble avoir appris à ses dépens… »"""


def sent(messages: list, kind: type) -> list:
    """Messages of ``kind``, once each (a bubbling message is seen by every widget it passes)."""
    return list({id(m): m for m in of_type(messages, kind)}.values())


def word_under_cursor(view: ArticleView) -> str:
    span = view.word_span()
    assert span is not None
    return view.article.blocks[view.current].text[span[0] : span[1]]


def cursor_cells(view: ArticleView) -> list[str]:
    """The text drawn in the word cursor's style (reversed and underlined) on screen."""
    found = []
    for y in range(view.size.height):
        for segment in view.render_line(y):
            style = segment.style
            if style is not None and style.reverse and style.underline and segment.text.strip():
                found.append(segment.text)
    return found


def put_cursor(view: ArticleView, index: int, needle: str) -> int:
    """Puts the word cursor on the word holding ``needle`` in block ``index``; its offset."""
    view.go_to(index)
    at = view.article.blocks[index].text.index(needle)
    view.word = next(i for i, (a, b) in enumerate(view.words(index)) if a <= at < b)
    return at


def panel_text(app) -> str:
    from textual.widgets import Static

    return str(app.main.query_one(LookupPanel).query_one("#lookup", Static).render())


def current_row_visible(view: ArticleView) -> bool:
    top = view.row_top(view.current)
    return view.scroll_y <= top < view.scroll_y + view.scrollable_content_region.height


async def looked_up(app, pilot, *keys: str) -> LookupPanel:
    await pilot.press(*keys)
    await lookups_settled(app, pilot)
    return app.main.query_one(LookupPanel)


async def test_arrows_move_a_word_cursor_drawn_on_the_word(data_dir: Path) -> None:
    app = make_app(extract=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        view = app.view
        await pilot.press("j", "right")
        assert word_under_cursor(view) == "L’article" and cursor_cells(view) == ["L’article"]
        await pilot.press("right", "right")
        assert word_under_cursor(view) == "en" and cursor_cells(view) == ["en"]
        await pilot.press("left")
        assert word_under_cursor(view) == "met" and view.sentence == 0
        # ] carries the cursor into the next sentence; [ back
        await pilot.press("right_square_bracket")
        assert view.sentence == 1 and word_under_cursor(view) == "Que"
        await pilot.press("left")  # back over the sentence boundary: the sentence follows
        assert word_under_cursor(view) == "ukrainien" and view.sentence == 0
        # past the block's first word: the previous block's last word (the title's)
        view.word = 0
        await pilot.press("left")
        assert view.current == 0 and word_under_cursor(view) == "Poutine"
        await pilot.press("right")
        assert view.current == LEDE and word_under_cursor(view) == "L’article"
        await pilot.press("j")  # another block: no cursor until an arrow, l or a click
        assert view.word is None and cursor_cells(view) == []


async def test_l_opens_the_lookup_and_escape_closes_it_keeping_the_row(data_dir: Path) -> None:
    app = make_app(extract=False)
    messages: list = []
    async with app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
        await settle(app, pilot)
        view = app.view
        view.go_to(PRESIDENT)
        await pilot.press(*["right"] * 5)
        assert word_under_cursor(view) == "semble"
        panel = await looked_up(app, pilot, "l")
        assert [(m.index, m.start) for m in sent(messages, ArticleView.LookupRequested)] == [
            (PRESIDENT, view.word_span()[0])
        ]
        # looked up in a worker (the UI thread only shows the answer)
        workers = {m.worker.name for m in sent(messages, Worker.StateChanged)}
        assert {"lookup", "lookup-warm"} <= workers
        result = sent(messages, LookupReady)[-1].result
        assert (result.word, result.lemma, result.pos) == ("semble", "sembler", "verb")
        assert any("seem" in g.text for g in result.glosses)
        shown = panel_text(app)
        assert "sembler" in shown and "seem" in shown
        assert FREEDICT_SOURCE in shown and APERTIUM_SOURCE in shown
        assert "Le président Donald Trump semble avoir appris à ses dépens" in shown
        assert "President Donald Trump seems to have learned the hard way" in shown
        assert panel.is_open and panel.has_focus
        assert panel.region.height <= 0.45 * app.screen.region.height + 1
        assert current_row_visible(view) and view.region.bottom <= panel.region.y
        # ↓ chooses the next gloss
        await pilot.press("down")
        assert panel.chosen == result.glosses[1]
        await pilot.press("escape")
        await pilot.pause()
        assert sent(messages, LookupPanel.Closed)
        assert not panel.is_open and view.has_focus and current_row_visible(view)
        assert word_under_cursor(view) == "semble"  # the cursor stays where it was


async def test_enter_looks_up_and_a_glossary_term_wins_over_its_word(data_dir: Path) -> None:
    app = make_app(extract=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        view = app.view
        block = next(b for b in app.article.blocks if "arsenaux nucléaires" in b.text)
        put_cursor(view, block.index, "nucléaires")
        await pilot.pause()
        panel = await looked_up(app, pilot, "enter")
        assert panel.result.term == "arsenaux nucléaires"
        assert panel.result.glosses[0].text == "nuclear arsenals"
        assert "glossary term" in panel_text(app)


async def test_click_on_a_french_word_looks_it_up(data_dir: Path) -> None:
    app = make_app(extract=False)
    messages: list = []
    async with app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
        await settle(app, pilot)
        view = app.view
        text = app.article.blocks[PRESIDENT].text
        spans = view._rows[PRESIDENT].fr
        line = next(i for i, (a, b) in enumerate(spans) if "prédécesseurs" in text[a:b])
        x = text.index("prédécesseurs") - spans[line][0] + 4
        await pilot.click(ArticleView, offset=(MARGIN + x, view.row_top(PRESIDENT) + line))
        await lookups_settled(app, pilot)
        assert view.current == PRESIDENT and word_under_cursor(view) == "prédécesseurs"
        assert sent(messages, ArticleView.LookupRequested)
        result = sent(messages, LookupReady)[-1].result
        assert (result.word, result.lemma) == ("prédécesseurs", "prédécesseur")
        assert "predecessor" in panel_text(app)
        # a click in the English column moves the block but looks nothing up
        requested = len(sent(messages, ArticleView.LookupRequested))
        en_x = view.columns.fr_width + 5
        await pilot.click(ArticleView, offset=(MARGIN + en_x, view.row_top(PRESIDENT + 1)))
        await pilot.pause()
        assert len(sent(messages, ArticleView.LookupRequested)) == requested


async def test_a_adds_to_my_glossary_and_another_article_marks_it(
    data_dir: Path, tmp_path: Path
) -> None:
    app = make_app(extract=False)
    messages: list = []
    async with app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
        await settle(app, pilot)
        view = app.view
        start = put_cursor(view, PRESIDENT, "idolâtrie")
        assert word_under_cursor(view) == "l’idolâtrie"  # the lookup drops the elision
        assert not any(m.start == start for m in view.marks.get(PRESIDENT, ()))
        panel = await looked_up(app, pilot, "l")
        await pilot.press("a")
        english = panel.query_one("#english", Input)
        # no offline source knows it: the box is empty, for the reader's own English
        assert english.has_focus and english.value == "" and not panel.result.glosses
        await pilot.press(*"idolizing", "enter")
        await lookups_settled(app, pilot)
        added = sent(messages, LookupPanel.TermAdded)
        assert [(m.entry.fr, m.entry.en) for m in added] == [("idolâtrie", "idolizing")]
        # the open article is marked at once, and the lookup shows the user's gloss first
        assert any(m.start == start and m.kind == "term" for m in view.marks[PRESIDENT])
        assert panel.result.glosses[0].text == "idolizing"
        assert panel.result.glosses[0].source == "your glossary"
    other = tmp_path / "autre.fr.txt"
    other.write_text("Un culte\nL’idolâtrie des foules ne dure jamais.\n", encoding="utf-8")
    second = make_app("none", path=other, extract=False)
    async with second.run_test(size=(120, 40)) as pilot:
        await settle(second, pilot)
        text = second.article.blocks[1].text
        marks = second.view.marks.get(1, [])
        assert [text[m.start : m.end] for m in marks if m.lang == "fr"] == ["idolâtrie"]
        underlined = [
            seg.text
            for y in range(second.view.size.height)
            for seg in second.view.render_line(y)
            if seg.style is not None and seg.style.underline
        ]
        assert "idolâtrie" in underlined


@pytest.mark.slow
async def test_s_saves_the_word_and_the_anki_export_has_its_sentence_pair(
    data_dir: Path, tmp_path: Path
) -> None:
    app = make_app(extract=False)
    messages: list = []
    async with app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
        await settle(app, pilot)
        view = app.view
        view.go_to(PRESIDENT)
        await pilot.press(*["right"] * 5)
        await looked_up(app, pilot, "l")
        await pilot.press("s")
        await lookups_settled(app, pilot)
        saved = sent(messages, LookupPanel.WordSaved)
        assert [m.entry.lemma for m in saved] == ["sembler"]
    deck = tmp_path / "vocab.apkg"
    done = run_reader(
        "vocab",
        "export",
        "--format",
        "anki",
        "-o",
        str(deck),
        env={"READER_DATA_DIR": str(data_dir)},
    )
    assert done.returncode == 0, done.stderr
    fields = anki_fields(deck)
    assert len(fields) == 1
    note = fields[0]
    assert "sembler" in note and "semble" in note
    assert "Le président Donald Trump <b>semble</b> avoir appris" in note
    assert "President Donald Trump seems to have learned the hard way" in note


def anki_fields(deck) -> list[str]:
    """The notes' fields in an .apkg (a zip holding an Anki SQLite collection)."""
    folder = deck.with_suffix("")
    with zipfile.ZipFile(deck) as archive:
        archive.extract("collection.anki2", folder)
    with sqlite3.connect(folder / "collection.anki2") as db:
        return [row[0] for row in db.execute("SELECT flds FROM notes")]


async def test_keys_are_in_the_footer_and_the_help(data_dir: Path) -> None:
    app = make_app(extract=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert "l Look up" in screen_text(app).replace("  ", " ")
        await pilot.resize_terminal(120, 40)
        shown = await help_text(app, pilot)
        for words in ("Next/previous word", "Look up", "Choose a gloss", "Add to my glossary"):
            assert words in shown, words
        assert "Save to vocabulary" in shown


async def test_a_word_in_an_unread_sentence_answers_at_once_then_is_refined(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Once spaCy is loaded, a click in a sentence it has not read gets Apertium's answer
    first (instant) and spaCy's reading right after, replacing it. The background read of
    the sentence (the prefetch the click starts) is held until the quick answer is shown,
    so it cannot win the race."""
    gated = gated_lookups(monkeypatch)
    app = make_app(extract=False)
    messages: list = []
    async with app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
        await settle(app, pilot)
        gated.gate.set()  # the first lookup's sentence: read freely
        await looked_up(app, pilot, "j", "right", "l")  # the first lookup loads spaCy
        assert app.main.lookups is not None and app.main.lookups.warmed
        gated.gate.clear()
        before = len(of_type(messages, LookupReady))
        view = app.view
        text = app.article.blocks[PRESIDENT].text
        spans = view._rows[PRESIDENT].fr
        line = next(i for i, (a, b) in enumerate(spans) if "prédécesseurs" in text[a:b])
        x = text.index("prédécesseurs") - spans[line][0] + 4
        await pilot.click(ArticleView, offset=(MARGIN + x, view.row_top(PRESIDENT) + line))
        await wait_until(pilot, lambda: len(of_type(messages, LookupReady)) > before)
        gated.gate.set()
        await lookups_settled(app, pilot)
        answers = of_type(messages, LookupReady)[before:]
        await pilot.press("q")
    sentence = answers[0].result.sentence
    assert sentence.startswith("Le président Donald Trump") and sentence in gated.prefetched
    assert answers[0].quick and answers[-1].quick is False
    assert answers[-1].result.analyser == "spaCy + Apertium"
    assert answers[0].result.word == answers[-1].result.word == "prédécesseurs"


@pytest.mark.needs_apertium
async def test_a_term_added_is_enforced_in_the_english_shown_without_moving_the_reader(
    data_dir: Path, tmp_path: Path
) -> None:
    """Issue 14, item 4: ``a`` re-enforces the blocks already shown, in the background; a
    term added from the command line while the app runs is used from the next open."""
    path = tmp_path / "lone.fr.txt"
    path.write_text(
        "Titre du texte\n\nLe président a parlé de l'OTAN hier soir.\n\nIl a dit non.\n",
        encoding="utf-8",
    )
    app = make_app("apertium", path=path)
    messages: list = []
    async with app.run_test(size=(120, 30), message_hook=messages.append) as pilot:
        await settle(app, pilot)
        view = app.view
        assert "chairman" not in view.english[1].text.lower()
        put_cursor(view, 1, "président")
        place = (view.current, view.scroll_y)
        await looked_up(app, pilot, "l")
        await pilot.press("a", *"chairman", "enter")
        await lookups_settled(app, pilot)
        revised = sent(messages, EnglishRevised)
        assert [t.index for m in revised for t in m.chunk] == [1]  # only the block holding it
        assert "chairman" in view.english[1].text.lower()
        assert any(t.status == "enforced" for ts in view.english[1].terms for t in ts)
        assert (view.current, view.scroll_y) == place
        from glossary import user

        user.add("soir", "evening")  # `reader terms add` while the app runs
        await pilot.press("q")
    again = make_app("apertium", path=path)
    async with again.run_test(size=(120, 30)) as pilot:
        await settle(again, pilot)
        english = again.view.english[1].text.lower()
    assert "chairman" in english and "evening" in english
