"""The library inside the reading app, driven with Pilot: the first screen, texts opened
from the library screen, ``L`` and back, progress, the lookup panel's "In your library"
lines and the peek (``o``) that keeps both reading positions.

Lookups here answer without dictionaries (``tests.support.lookups.QuickLookups``: the
word, its lower case as its lemma, as ``tests.library.conftest.store`` indexes it): what is tested is the library's
part of the panel, not the dictionaries (tests/app/test_lookup.py tests those).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.notifications import Notify
from textual.widgets import DataTable

from reader.app.app import ReaderApp
from reader.app.screens.library import LibraryScreen
from reader.app.screens.main import MainScreen
from reader.app.screens.peek import PeekScreen
from reader.app.text_link import read_share
from reader.app.widgets.library_hits import LibraryHits
from reader.app.widgets.lookup_panel import LookupPanel
from reader.article import load
from reader.library.shelf import Library, Text
from tests.library.conftest import store
from tests.support.app import of_type, screen_text, settle
from tests.support.gates import GatedEngine, register, wait_until
from tests.support.lookups import quick_lookups

VOYAGE = (
    "Le voyage\n\nNous partons tôt le matin.\n\nLa route longe la mer.\n\n"
    "À midi, nous prenons le train pour Lyon.\n\nLe soir tombe sur la ville.\n\n"
    "Nous dormons à l'hôtel.\n"
)
GARE = (
    "La gare\n\nLa gare est vide à l'aube.\n\nUn chien dort sur le quai.\n\n"
    "Le chef de gare siffle.\n\nIl est sept heures. Le train entre en gare sans bruit.\n\n"
    "Les voyageurs montent.\n"
)
TRAIN_IN_GARE = (4, 1)
"""(block, sentence) of « Le train entre en gare sans bruit. »"""


@pytest.fixture
def shelf(library: Library, tmp_path: Path) -> tuple[Library, Text, Text]:
    """Two texts on disk and in the library (« train » in both)."""
    texts = []
    for name, body in (("voyage.txt", VOYAGE), ("gare.txt", GARE)):
        path = tmp_path / name
        path.write_text(body, encoding="utf-8")
        texts.append(store(library, body, str(path.resolve())))
    return library, texts[0], texts[1]


@pytest.fixture
def lookups(monkeypatch: pytest.MonkeyPatch) -> None:
    quick_lookups(monkeypatch)


@pytest.fixture
def english(monkeypatch: pytest.MonkeyPatch) -> GatedEngine:
    """The ``gated`` engine, open: English as ``EN(<french>)``, kept in the cache."""
    engine = GatedEngine()
    engine.gate.set()
    register(monkeypatch, engine)
    return engine


def app_reading(
    text: Text, library: Library, remember: bool = False, statuses: bool = False
) -> ReaderApp:
    """The app as ``reader FILE`` opens it, on a library text's file (no English engine;
    word statuses, which run spaCy, only when asked)."""
    return ReaderApp(
        load(Path(text.source)),
        "none",
        remember=remember,
        extract=False,
        library=library,
        statuses=statuses,
    )


def on_screen(app: ReaderApp) -> str:
    """The screen's text, runs of spaces as one."""
    return " ".join(screen_text(app).split())


def choose(app: ReaderApp, text_id: int) -> None:
    table = app.screen.query_one(DataTable)
    table.move_cursor(row=table.get_row_index(str(text_id)))


def read_column(app: ReaderApp, text_id: int) -> str:
    table = app.screen.query_one(DataTable)
    return str(table.get_row(str(text_id))[3])


async def look_up(app: ReaderApp, pilot, block: int, word: str) -> LibraryHits:
    """Puts the word cursor on ``word`` in ``block``, presses l, waits for the library lines."""
    view = app.view
    view.go_to(block)
    at = view.article.blocks[block].text.index(word)
    view.word = next(i for i, (a, b) in enumerate(view.words(block)) if a <= at < b)
    await pilot.press("l")
    await wait_until(pilot, lambda: bool(app.main.query(LibraryHits)))
    hits = app.main.query_one(LibraryHits)
    await wait_until(pilot, lambda: hits.has_class("-shown") and hits.hits is not None)
    return hits


async def test_a_word_in_two_texts_shows_the_other_and_a_peek_keeps_both_positions(
    shelf: tuple[Library, Text, Text], english: GatedEngine, lookups: None
) -> None:
    """The issue's Done-when: after reading two texts, looking up a word that occurs in both
    shows the other text's sentence (with its English, cached when it was read); opening
    it and coming back keeps both positions."""
    library, voyage, gare = shelf
    app = ReaderApp(None, "gated", remember=True, extract=False, library=library)
    messages: list = []
    async with app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        choose(app, gare.id)
        await pilot.press("enter")  # La gare: read it to block 2
        await pilot.pause()
        await settle(app, pilot)
        assert app.main.article.key == gare.key
        assert library.text(gare.id).opened is not None
        await pilot.press("j", "j")
        assert app.view.current == 2
        await pilot.press("L")  # the library over it, La gare's share read up to date
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert read_column(app, gare.id) == f"{round(100 * read_share(2, 6))} %"
        choose(app, voyage.id)
        await pilot.press("enter")  # Le voyage replaces it
        await pilot.pause()
        await settle(app, pilot)
        reading = app.main
        assert reading.article.key == voyage.key and app.screen is reading
        assert [s for s in app.screen_stack if isinstance(s, MainScreen)] == [reading]
        await pilot.press("j", "j", "j")
        hits = await look_up(app, pilot, 3, "train")
        assert reading.view.current == 3
        await pilot.pause()
        shown = on_screen(app)
        assert "In your library: 1 sentence in 1 text" in shown
        assert "« La gare » Le train entre en gare sans bruit." in shown
        assert "EN(Le train entre en gare sans bruit.)" in shown  # cached when La gare was read
        assert hits.hits is not None and hits.hits.first[0].text == gare.id
        # On the panel's edge as well, for a screen too short to show the lines.
        assert reading.query_one(LookupPanel).border_title == (
            "In your library: 1 sentence in 1 text (o)"
        )

        await pilot.press("o")  # the panel has focus: peek
        await pilot.pause()
        peek = app.screen
        assert isinstance(peek, PeekScreen) and peek.article.key == gare.key
        await wait_until(pilot, lambda: peek.view.current == TRAIN_IN_GARE[0])
        assert peek.view.sentence == TRAIN_IN_GARE[1]
        assert "Peek: « La gare » · Escape/q: back to « Le voyage »" in on_screen(app)
        await pilot.press("j")  # reading on in the peek
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is reading and reading.view.current == 3  # where it was
        assert not any(isinstance(s, PeekScreen) for s in app.screen_stack)
        await pilot.press("q")
    peeked = {
        (m.hit.text, m.hit.block, m.hit.sentence) for m in of_type(messages, LibraryHits.Peek)
    }
    assert peeked == {(gare.id, *TRAIN_IN_GARE)}
    # Both places kept: a peek is a glance, La gare's saved position and share read stay.
    assert library.position(voyage.key).block == 3
    assert library.position(gare.key).block == 2
    assert library.text(voyage.id).read == read_share(3, 6)
    assert library.text(gare.id).read == read_share(2, 6)
    # The last text read is Le voyage: a peek does not count as opening a text.
    assert library.last_opened().id == voyage.id


async def test_escape_on_the_library_comes_back_to_the_text_as_it_was(
    shelf: tuple[Library, Text, Text],
) -> None:
    library, voyage, _gare = shelf
    app = app_reading(voyage, library, remember=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        reading = app.screen
        await pilot.press("j", "j")
        await pilot.press("L")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        table = app.screen.query_one(DataTable)
        assert table.get_row_at(table.cursor_row)[0].plain == "Le voyage"  # the text read
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is reading and app.view.current == 2
        await pilot.press("L")
        await pilot.pause()
        await pilot.press("enter")  # the text already open: back to it, not a new screen
        await pilot.pause()
        assert app.screen is reading and app.view.current == 2


async def test_a_file_opened_by_path_is_its_library_text(shelf: tuple[Library, Text, Text]) -> None:
    """``reader voyage.txt``, in the library: opened, and its share read follows."""
    library, voyage, _gare = shelf
    app = app_reading(voyage, library, remember=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        assert app.main.library_link is not None and app.main.library_link.text_id == voyage.id
        await pilot.press("end")
        await pilot.press("q")
    text = library.text(voyage.id)
    assert text.opened is not None and text.read == 1.0


async def test_the_app_opens_on_the_library_with_the_last_text_read_selected(
    shelf: tuple[Library, Text, Text],
) -> None:
    library, voyage, gare = shelf
    library.mark_opened(voyage.id, when=1000.0)
    library.mark_opened(gare.id, when=2000.0)
    app = ReaderApp(None, "none", remember=False, extract=False, library=library)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        assert table.get_row_at(table.cursor_row)[0].plain == "La gare"
        keys = screen_text(app)
        assert "? Help" in keys and "q Quit" in keys and "escape Back" not in keys
        await pilot.press("escape")  # trial row T17: the first screen; Escape never quits
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, LibraryScreen)
        await pilot.press("question_mark")  # the library's keys, not the reading keys
        await pilot.pause()
        shown = screen_text(app)
        assert "Filter" in shown and "Sort" in shown and "Look up" not in shown
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0 and not app.is_running


async def test_l_without_a_library_starts_an_empty_one(data_dir: Path) -> None:
    from tests.support.paths import SEED

    app = ReaderApp(load(SEED), "none", remember=False, extract=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("L")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert app.screen.query_one("#library-empty").display
        # T27: the text open is not in the library: said, with how to keep it there
        assert "The text you are reading is not in it" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)


async def test_no_other_text_holding_the_word_is_said_and_o_says_so(
    shelf: tuple[Library, Text, Text], lookups: None
) -> None:
    library, voyage, _gare = shelf
    messages: list = []
    app = app_reading(voyage, library)
    async with app.run_test(size=(100, 30), message_hook=messages.append) as pilot:
        await settle(app, pilot)
        hits = await look_up(app, pilot, 2, "longe")
        assert "In your library: no other text has « longe »." in on_screen(app)
        assert hits.hits is not None and hits.hits.sentences == 0
        assert app.main.query_one(LookupPanel).border_title is None
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen) and not isinstance(app.screen, PeekScreen)
    told = [m.notification.message for m in of_type(messages, Notify)]
    assert "No other text of your library has this word." in told


async def test_a_library_that_cannot_be_used_is_a_notice_and_reading_goes_on(
    data_dir: Path,
) -> None:
    from tests.support.paths import SEED

    messages: list = []
    app = ReaderApp(
        load(SEED), "none", remember=False, extract=False, library_problem="it is locked"
    )
    async with app.run_test(size=(100, 30), message_hook=messages.append) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, MainScreen)
    told = [m.notification.message for m in of_type(messages, Notify)]
    assert "library not used: it is locked" in told


async def test_the_library_screen_computes_the_share_known_from_the_word_statuses(
    shelf: tuple[Library, Text, Text],
) -> None:
    """% known is never stored: the library screen computes it from the statuses and
    each article's lemma counts (recorded when its marks were computed)."""
    from reader.learning.store import LearningStore

    library, voyage, gare = shelf
    learning = LearningStore()
    learning.record_article(
        gare.key, gare.title, gare.source, 20, {"gare": 4, "quai": 1, "chien": 3}
    )
    learning.set("gare", "known")
    learning.set("quai", "known")
    app = ReaderApp(None, "none", remember=False, extract=False, library=library, learning=learning)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        known = {t.id: t.known for t in app.screen.rows.texts}
        learning.set("chien", "known")
        app.screen.reload()
        again = {t.id: t.known for t in app.screen.rows.texts}
    assert known == {gare.id: 5 / 8, voyage.id: None}  # voyage: never opened
    assert again[gare.id] == 1.0
    assert library.text(gare.id).known is None  # nothing stored


async def test_the_share_known_follows_the_word_statuses_of_the_text_read(
    shelf: tuple[Library, Text, Text],
) -> None:
    """With the statuses computed (spaCy on a short text), the library's % known is theirs."""
    from reader.app.messages import StatusesReady
    from reader.learning.store import LearningStore

    library, _voyage, gare = shelf
    LearningStore().set("gare", "known")
    messages: list = []
    app = app_reading(gare, library, statuses=True)
    async with app.run_test(size=(100, 30), message_hook=messages.append) as pilot:
        await settle(app, pilot)
        (ready,) = of_type(messages, StatusesReady)
        assert app.library_flow.known_shares()[gare.key] == ready.marks.known_share > 0
        await pilot.press("q")


def test_the_count_says_when_it_stopped_counting() -> None:
    from reader.app.widgets.library_hits import count_line
    from reader.library.shelf import Hits

    assert count_line("de", Hits(10_000, 310, (), capped=True)).plain.startswith(
        "In your library: 10,000+ sentences in 310+ texts"
    )
    assert count_line("train", Hits(1, 1, ())).plain.startswith(
        "In your library: 1 sentence in 1 text "
    )


async def test_a_click_on_a_sentence_opens_that_one(
    shelf: tuple[Library, Text, Text], lookups: None, tmp_path: Path
) -> None:
    from reader.app.widgets.library_hits import HitLine

    library, voyage, gare = shelf
    quai = store(library, "Le quai\n\nLe dernier train part à minuit.\n", str(tmp_path / "q.txt"))
    messages: list = []
    app = app_reading(voyage, library)
    async with app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
        await settle(app, pilot)
        await look_up(app, pilot, 3, "train")
        assert "In your library: 2 sentences in 2 texts" in on_screen(app)
        lines = list(app.main.query(HitLine))
        assert [line.hit.text for line in lines[:2]] == [gare.id, quai.id]
        assert not lines[2].display  # two hits: the third line is hidden
        await pilot.click(lines[1])
        await pilot.pause()
        assert isinstance(app.screen, PeekScreen) and app.screen.article.key == quai.key
        await pilot.press("q")  # q in a peek goes back; it does not quit
        await pilot.pause()
        assert app.screen.article.key == voyage.key and app.is_running


async def test_a_text_chosen_in_the_library_replaces_the_one_the_app_began_on(
    shelf: tuple[Library, Text, Text],
) -> None:
    library, voyage, gare = shelf
    app = app_reading(voyage, library, remember=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        first = app.main
        await pilot.press("j", "L")
        await pilot.pause()
        choose(app, gare.id)
        await pilot.press("enter")
        await pilot.pause()
        await settle(app, pilot)
        assert app.main.article.key == gare.key and app.screen is app.main
        # The app's first screen stays under it (Textual cannot replace it), stopped.
        assert app.library_flow.reading_screens() == [app.main]
        assert not [w for w in app.workers if w.node is first and not w.is_finished]
        await pilot.press("L")
        await pilot.pause()
        choose(app, voyage.id)
        await pilot.press("enter")  # and back: at its saved position
        await pilot.pause()
        await settle(app, pilot)
        assert app.main.article.key == voyage.key
        await wait_until(pilot, lambda: app.view.current == 1)


async def test_the_help_lists_l_and_o_and_still_fits_a_40_line_terminal(data_dir: Path) -> None:
    import re

    from textual.containers import VerticalScroll

    from reader.app.screens.help import HelpScreen
    from tests.support.paths import SEED

    app = ReaderApp(load(SEED), "none", remember=False, extract=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        shown = on_screen(app)
        assert re.search(r"(^|\s)L Library", shown) and "o Peek at the other text" in shown
        keys = app.screen.query_one(VerticalScroll)
        assert keys.virtual_size.height <= keys.scrollable_content_region.height  # no scrolling
