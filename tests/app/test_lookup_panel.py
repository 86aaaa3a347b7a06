"""The lookup panel widget on its own: renders a real lookup, chooses glosses, posts its messages."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Input, Static

from reader.app.widgets.lookup_panel import TYPED, LookupPanel
from reader.lookup.render import NOTHING_FOUND
from reader.lookup.service import LookupService
from tests.support.paths import SEED


class PanelApp(App[None]):
    """A screen of text above the panel, recording the panel's messages."""

    def __init__(self) -> None:
        super().__init__()
        self.messages: list = []

    def compose(self) -> ComposeResult:
        yield Static("\n".join(f"row {n}" for n in range(40)), id="text")
        yield LookupPanel()

    def on_lookup_panel_add_to_glossary(self, message: LookupPanel.AddToGlossary) -> None:
        self.messages.append(message)

    def on_lookup_panel_save_to_vocabulary(self, message: LookupPanel.SaveToVocabulary) -> None:
        self.messages.append(message)

    def on_lookup_panel_closed(self, message: LookupPanel.Closed) -> None:
        self.messages.append(message)


@pytest.fixture(scope="module")
def results():
    from reader.article import load

    with LookupService(load(SEED)) as service:
        sentence = "Les grandes villes manquent de logements."
        yield (
            service.lookup("villes", sentence, english="Big cities lack housing."),
            service.lookup("zorglubique", "Un mot zorglubique.", english="A zorglubic word."),
        )


def panel_text(app: PanelApp) -> str:
    return str(app.query_one("#lookup", Static).render())


async def test_panel_shows_lemma_glosses_sources_and_sentence_pair(results):
    villes, _ = results
    app = PanelApp()
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
        await pilot.pause()
        saved = app.messages[-1]
        assert isinstance(saved, LookupPanel.SaveToVocabulary)
        assert saved.gloss == villes.glosses[1 % len(villes.glosses)]
        await pilot.press("a")
        await pilot.pause()
        field = app.query_one("#english", Input)
        assert field.has_focus and field.value
        field.value = "township"
        await pilot.press("enter")
        await pilot.pause()
        added = app.messages[-1]
        assert isinstance(added, LookupPanel.AddToGlossary)
        assert (added.french, added.english, added.source) == ("ville", "township", TYPED)
        await pilot.press("escape")
        await pilot.pause()
        assert not panel.display and isinstance(app.messages[-1], LookupPanel.Closed)


async def test_panel_says_when_no_source_knows_the_word(results):
    _, unknown = results
    app = PanelApp()
    async with app.run_test(size=(100, 40)) as pilot:
        panel = app.query_one(LookupPanel)
        panel.show(unknown)
        await pilot.pause()
        shown = panel_text(app)
        assert NOTHING_FOUND in shown
        assert "Un mot zorglubique." in shown and "A zorglubic word." in shown
        assert panel.chosen is None
