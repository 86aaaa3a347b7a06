"""The lookup panel widget on its own: renders a real lookup, chooses glosses, adds to the
user's glossary and saves to the vocabulary in its own workers, and posts what it did."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Input, Static

from glossary import user
from reader.app.widgets.lookup_panel import LookupPanel
from reader.article import load
from reader.learning.vocab import Vocabulary
from reader.lookup.render import NOTHING_FOUND
from reader.lookup.service import LookupService
from tests.support.paths import SEED


class PanelApp(App[None]):
    """A screen of text above the panel, recording the panel's messages."""

    def __init__(self, service: LookupService) -> None:
        super().__init__()
        self.service = service
        self.messages: list = []

    def compose(self) -> ComposeResult:
        yield Static("\n".join(f"row {n}" for n in range(40)), id="text")
        yield LookupPanel(self.service, load(SEED))

    def on_lookup_panel_term_added(self, message: LookupPanel.TermAdded) -> None:
        self.messages.append(message)

    def on_lookup_panel_word_saved(self, message: LookupPanel.WordSaved) -> None:
        self.messages.append(message)

    def on_lookup_panel_closed(self, message: LookupPanel.Closed) -> None:
        self.messages.append(message)


@pytest.fixture(scope="module")
def service() -> Iterator[LookupService]:
    with LookupService(load(SEED)) as service:
        yield service


@pytest.fixture(scope="module")
def results(service: LookupService):
    sentence = "Les grandes villes manquent de logements."
    return (
        service.lookup("villes", sentence, english="Big cities lack housing."),
        service.lookup("zorglubique", "Un mot zorglubique.", english="A zorglubic word."),
        service.lookup("à", "Il parle à sa sœur.", start=9, english="He talks to his sister."),
    )


def panel_text(app: PanelApp) -> str:
    return str(app.query_one("#lookup", Static).render())


async def test_panel_shows_lemma_glosses_sources_and_sentence_pair(
    results, service: LookupService, data_dir: Path
) -> None:
    villes, *_ = results
    app = PanelApp(service)
    async with app.run_test(size=(100, 40)) as pilot:
        panel = app.query_one(LookupPanel)
        assert not panel.display  # hidden until a lookup
        panel.show(villes)
        panel.focus()
        await pilot.pause()
        assert panel.display and panel.region.height <= 40 * 0.45 + 1
        assert app.query_one("#text").region.height > 20  # the text stays visible above
        shown = panel_text(app)
        assert "villes" in shown and "ville" in shown and "noun, feminine plural" in shown
        for gloss in villes.glosses:
            assert gloss.text in shown and gloss.source in shown
        assert "Les grandes villes manquent de logements." in shown
        assert "Big cities lack housing." in shown
        await pilot.press("down", "s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        saved = app.messages[-1]
        assert isinstance(saved, LookupPanel.WordSaved) and saved.entry.lemma == "ville"
        chosen = villes.glosses[1 % len(villes.glosses)]
        assert [e.english for e in Vocabulary().entries()] == [chosen.text]
        await pilot.press("a")
        await pilot.pause()
        field = app.query_one("#english", Input)
        assert field.has_focus and field.value
        field.value = "township"
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        added = app.messages[-1]
        assert isinstance(added, LookupPanel.TermAdded)
        assert (added.entry.fr, added.entry.en) == ("ville", "township")
        assert [(e.fr, e.en) for e in user.load()] == [("ville", "township")]
        await pilot.press("escape")
        await pilot.pause()
        assert not panel.display and isinstance(app.messages[-1], LookupPanel.Closed)


async def test_panel_says_when_no_source_knows_the_word(results, service: LookupService) -> None:
    _, unknown, _ = results
    app = PanelApp(service)
    async with app.run_test(size=(100, 40)) as pilot:
        panel = app.query_one(LookupPanel)
        panel.show(unknown)
        await pilot.pause()
        shown = panel_text(app)
        assert NOTHING_FOUND in shown
        assert "Un mot zorglubique." in shown and "A zorglubic word." in shown
        assert panel.chosen is None


async def test_a_on_a_function_word_asks_first(
    results, service: LookupService, data_dir: Path
) -> None:
    """QA 2026-12-01 Q11: one key and Enter put « à » → "at" into every article."""
    *_, preposition = results
    assert preposition.pos == "preposition" and preposition.function_word
    app = PanelApp(service)
    async with app.run_test(size=(100, 40)) as pilot:
        panel = app.query_one(LookupPanel)
        panel.show(preposition)
        panel.focus()
        await pilot.press("a")
        await pilot.pause()
        field = app.query_one("#english", Input)
        assert not field.has_focus and "would replace its English in every article" in (
            panel_text(app)
        )
        await pilot.press("a")  # asked, and confirmed
        await pilot.pause()
        assert field.has_focus
        await pilot.press("escape")
    assert not [m for m in app.messages if isinstance(m, LookupPanel.TermAdded)]
    assert user.load() == []
