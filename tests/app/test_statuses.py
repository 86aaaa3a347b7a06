"""Word statuses in the reading app: the marks, the word keys, % known in the status line,
the lookup panel's status, blocks read, the statistics screen, two windows at once.

The article is short and its analysis is in the data folder's cache (tests/support/
statuses.py), as for a text read before: only the tests that check the analysis wait for
spaCy, on a short text."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from rich.style import Style
from textual.notifications import Notify

from reader.app.messages import StatusesFailed, StatusesReady
from reader.article import Article
from reader.learning.store import LearningStore
from tests.support.app import make_app, of_type, settle, status_text
from tests.support.statuses import short_article

TITLE, CATS, DOG, TOWN = 0, 1, 2, 3  # the article's blocks
COUNTABLE = 27  # its words to learn (« Trump » is a name)


@pytest.fixture
def article(tmp_path: Path, data_dir: Path) -> Article:
    return short_article(tmp_path)


def app_on(article: Article, **options):
    options.setdefault("statuses", True)
    return make_app("none", article.path, **options)


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


def component(app, status: str) -> Style:
    return app.view.get_component_rich_style(f"article-view--{status}", partial=True)


def told(messages) -> str:
    return " | ".join(m.notification.message for m in of_type(messages, Notify))


async def test_words_are_marked_by_status_once_the_statuses_are_in(article: Article) -> None:
    store = LearningStore()
    store.set_many({"chat": "learning-1", "dormir": "known", "voir": "ignored", "au": "learning-4"})
    app = app_on(article)
    messages: list = []
    async with app.run_test(size=(100, 24), message_hook=messages.append) as pilot:
        assert "known" not in status_text(app)  # the first screen did not wait for them
        await settle(app, pilot)
        assert of_type(messages, StatusesReady)
        # dormir: 3 of the 26 words left once « voit » (voir, ignored) is out (T18)
        assert "11.5% known · 14 new words" in status_text(app)
        new, learning_1 = component(app, "new"), component(app, "learning-1")
        assert new.color is not None and learning_1.bold and learning_1.color != new.color
        assert style_of(app, CATS, "Les").color == new.color
        assert style_of(app, CATS, "chats").color == learning_1.color
        assert style_of(app, CATS, "au").color == component(app, "learning-4").color
        plain = style_of(app, CATS, "dorment").color
        assert plain not in (new.color, learning_1.color)
        assert style_of(app, CATS, "voit").color == style_of(app, CATS, "Trump").color == plain
        await pilot.press("v")  # marks off, then on again
        assert style_of(app, CATS, "chats").color == plain
        assert "11.5% known" in status_text(app)  # what is known stays said
        await pilot.press("v")
        assert style_of(app, CATS, "chats").color == learning_1.color


async def test_keys_set_the_cursor_words_status_and_quitting_keeps_every_change(
    article: Article,
) -> None:
    app = app_on(article)
    messages: list = []
    async with app.run_test(size=(100, 24), message_hook=messages.append) as pilot:
        await settle(app, pilot)
        assert "0.0% known · 18 new words" in status_text(app)
        await pilot.press("j", "right", "right", "w")  # « chats »: chat known
        assert "14.8% known · 17 new words" in status_text(app)
        assert style_of(app, TITLE, "chats").color != component(app, "new").color
        await pilot.press("right", "3")  # « dorment »: learning 3
        assert style_of(app, CATS, "dorment").color == component(app, "learning-3").color
        assert "16 new words" in status_text(app)
        await pilot.press("right", "i", "right", "4", "0")  # au ignored; soleil 4, then new
        await pilot.press("right", "w")  # « Trump »: a name
        assert "« Trump » is not a word to learn" in told(messages)
        await pilot.press("q")
    assert LearningStore().statuses() == {"chat": "known", "dormir": "learning-3", "au": "ignored"}


async def test_u_jumps_to_the_next_new_word_and_M_marks_the_rest_of_a_block_known(
    article: Article,
) -> None:
    LearningStore().set_many(dict.fromkeys(["le", "chat", "dormir"], "known"))
    app = app_on(article)
    messages: list = []
    async with app.run_test(size=(100, 24), message_hook=messages.append) as pilot:
        await settle(app, pilot)
        view = app.view

        def cursor_word() -> str:
            a, b = view.word_span()
            return app.article.blocks[view.current].text[a:b]

        await pilot.press("u")
        assert (view.current, cursor_word()) == (CATS, "au")  # the title is all known
        await pilot.press("u", "u", "u", "u")  # soleil, voit, et, chiens
        assert (view.current, cursor_word()) == (CATS, "chiens")  # « Trump », « les » passed
        await pilot.press("u")
        assert (view.current, cursor_word()) == (DOG, "Un")  # on into the next block
        await pilot.press("U")
        assert (view.current, cursor_word()) == (CATS, "chiens")
        before = status_text(app)
        await pilot.press("M")  # au, soleil, voir, et, chien
        assert "5 new words of this block now known" in told(messages)
        assert "63.0% known" in status_text(app)  # le 5, chat 4, dormir 3 and those 5, of 27
        await pilot.press("z")
        assert status_text(app) == before and "5 words new again" in told(messages)
        await pilot.press("z")
        assert "Nothing to undo" in told(messages)
        await pilot.press("q")
    assert LearningStore().statuses() == dict.fromkeys(["le", "chat", "dormir"], "known")


async def test_blocks_moved_past_count_as_read_and_S_shows_the_statistics(article: Article) -> None:
    from reader.app.screens.stats import StatsScreen

    app = app_on(article)
    async with app.run_test(size=(100, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("j", "j", "k", "j", "right", "w")  # title and the cats' block read
        await pilot.press("S")
        for _ in range(100):
            await pilot.pause(0.02)
            if isinstance(app.screen, StatsScreen):
                break
        assert isinstance(app.screen, StatsScreen)
        statistics = app.screen.statistics
        assert statistics.known == 1  # the change made just before is counted
        today = datetime.now(UTC).date().isoformat()
        assert statistics.words_by_day == ((today, 3 + 11),)  # words to learn: Trump is not
        await pilot.press("escape", "q")


async def test_the_lookup_panel_shows_and_sets_the_words_status(article: Article) -> None:
    from reader.app.messages import LookupReady
    from reader.app.widgets.lookup_panel import LookupPanel

    LearningStore().set("chat", "learning-1")
    app = app_on(article)
    messages: list = []
    async with app.run_test(size=(100, 30), message_hook=messages.append) as pilot:
        await settle(app, pilot)

        async def looked_up(*keys: str) -> LookupPanel:
            count = len(of_type(messages, LookupReady))
            await pilot.press(*keys)
            for _ in range(500):
                await pilot.pause(0.02)
                if len(of_type(messages, LookupReady)) > count:
                    break
            await pilot.pause()
            return app.main.query_one(LookupPanel)

        panel = await looked_up("j", "right", "right", "l")  # « chats »
        assert "Status of « chat »: learning 1 · top" in panel.word_status
        await pilot.press("2")  # the panel has focus: the same keys
        assert "learning 2" in panel.word_status
        assert style_of(app, CATS, "chats").color == component(app, "learning-2").color
        panel = await looked_up("right")  # → in the panel: « dorment », looked up
        assert "« dormir »: new" in panel.word_status
        await pilot.press("s")  # saved: a new word is now learning 1, in the text too
        for _ in range(200):
            await pilot.pause(0.02)
            if "learning 1" in panel.word_status:
                break
        assert style_of(app, CATS, "dorment").color == component(app, "learning-1").color
        await pilot.press("escape", "q")
    assert LearningStore().statuses() == {"chat": "learning-2", "dormir": "learning-1"}


async def test_without_a_usable_data_folder_the_text_reads_and_the_keys_say_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.support.statuses import TEXT

    path = tmp_path / "chats.fr.txt"
    path.write_text(TEXT, encoding="utf-8")
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be", encoding="utf-8")
    monkeypatch.setenv("READER_DATA_DIR", str(blocker))
    app = make_app("none", path, statuses=True)
    messages: list = []
    async with app.run_test(size=(100, 24), message_hook=messages.append) as pilot:
        await settle(app, pilot)
        assert of_type(messages, StatusesFailed)
        await pilot.press("j", "right", "w", "u")
        assert "No word statuses" in told(messages) and "known" not in status_text(app)
        await pilot.press("q")
    assert app.return_code == 0


@pytest.mark.parametrize("extract", [True, False], ids=["with-extraction", "alone"])
async def test_spacy_reads_the_text_once_for_the_glossary_and_the_statuses(
    tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch, extract: bool
) -> None:
    """No analysis in the cache: with extraction on, its pass is the statuses' pass too;
    with extraction off, the statuses run the pass themselves. The pass is then cached."""
    import reader.nlp.analysis
    from reader.app.messages import GlossaryReady
    from reader.nlp.cache import AnalysisCache
    from tests.support.statuses import TEXT

    passes = []  # every spaCy pass over the text reads its first block
    tokens_of = reader.nlp.analysis.tokens_of

    def counted(doc, text):
        if text == TEXT.splitlines()[0]:
            passes.append(text)
        return tokens_of(doc, text)

    monkeypatch.setattr(reader.nlp.analysis, "tokens_of", counted)
    path = tmp_path / "chats.fr.txt"
    path.write_text(TEXT, encoding="utf-8")
    app = make_app("none", path, statuses=True, extract=extract)
    messages: list = []
    async with app.run_test(size=(100, 24), message_hook=messages.append) as pilot:
        await settle(app, pilot)
        await pilot.press("q")
    assert of_type(messages, StatusesReady) and len(passes) == 1
    assert [m.final for m in of_type(messages, GlossaryReady)][-1]
    assert AnalysisCache().get(app.article) is not None  # the next opening reads it back
    marks = of_type(messages, StatusesReady)[0].marks
    assert "chat" in marks.words.lemmas and marks.countable > 20


async def test_two_windows_marking_words_at_once_lose_nothing(article: Article) -> None:
    """Two sessions' writers (each its own store, as two processes have) write at once."""
    import asyncio
    import threading

    from reader.app.analysis import SharedAnalysis
    from reader.app.statuses import WordStatuses

    async def session() -> WordStatuses:
        posted: list = []
        statuses = WordStatuses(article, SharedAnalysis(article), posted.append)
        translated = asyncio.Event()
        await statuses.load(lambda: translated)  # the analysis is cached: no spaCy
        (ready,) = of_type(posted, StatusesReady)
        statuses.ready(ready.marks)
        return statuses

    first, second = await session(), await session()
    lemmas = [f"mot{n}" for n in range(40)]
    start = threading.Barrier(2)

    def mark(statuses: WordStatuses, status: str) -> None:
        start.wait()
        for lemma in lemmas:
            assert statuses.editor is not None
            statuses.editor.set(lemma, status)

    threads = [
        threading.Thread(target=mark, args=(first, "known")),
        threading.Thread(target=mark, args=(second, "learning-2")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    first.close()
    second.close()
    store = LearningStore()
    assert set(store.statuses()) == set(lemmas)
    history = store.history()
    assert len(history) == len({(c.lemma, c.new) for c in history})  # no change written twice
    for lemma in lemmas:  # each lemma's history is a chain: no write lost or overwritten
        changes = [c for c in history if c.lemma == lemma]
        assert len(changes) == 2 and changes[0].old == "new"  # one change from each window
        assert all(a.new == b.old for a, b in zip(changes, changes[1:], strict=False))
        assert changes[-1].new == store.statuses()[lemma]


async def test_the_word_keys_are_in_the_help_which_fits_40_lines_and_in_the_palette(
    data_dir: Path,
) -> None:
    from textual.containers import VerticalScroll

    from reader.app.commands import reader_commands
    from tests.support.app import help_text

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        titles = [c.title for c in reader_commands(app.main)]
        assert "Statistics" in titles and "Word marks: show or hide" in titles
        shown = await help_text(app, pilot)
        for words in ("Learning, 1 (least) to 4", "Known / ignored / new", "word to learn"):
            assert words in shown, words
        for keys in ("1–4", "w/i/0", "u/U", "M/z"):
            assert keys in shown, keys
        assert app.screen.query_one(VerticalScroll).max_scroll_y == 0  # all of it in sight


async def test_the_statistics_table_fits_the_screen_with_a_long_title() -> None:
    from textual.app import App
    from textual.widgets import DataTable

    from reader.app.screens.stats import StatsScreen
    from reader.learning.stats import ArticleShare, Statistics

    title = "Que se passe-t-il maintenant que Trump a rejeté Poutine ? Une longue analyse"
    day = (("2026-12-01", 3),)
    share = ArticleShare("a", title, "a.fr.txt", 779, 646, "2026-12-01T10:00:00")
    statistics = Statistics(day, day, (share,), known=3, learning=0, ignored=0)
    app = App()
    async with app.run_test(size=(120, 30)) as pilot:
        await app.push_screen(StatsScreen(statistics))
        await pilot.pause()
        table = app.screen.query_one("#articles", DataTable)
        assert table.max_scroll_x == 0  # every column shows: no sideways scrolling
        row = table.get_row_at(0)
        assert row[3] == "2026-12-01" and row[0].startswith("Que se passe-t-il") and "…" in row[0]
