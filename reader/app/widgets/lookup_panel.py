"""The word lookup panel: a ``LookupResult`` shown under the text, with its glosses to choose from.

Self-contained: the app gives it a result (``show``) and handles the messages it posts.
Keys while it has focus: ``↑``/``↓`` choose a gloss, ``a`` adds the word (or term) to
the user's glossary with the chosen English, which can be edited first (Enter
confirms), ``s`` saves it to the vocabulary, Escape closes. It docks at the bottom
with a bounded height, so the row being read stays visible above it.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Input, Static

from reader.lookup.render import as_text
from reader.lookup.service import Gloss, LookupResult

TYPED = "typed"
"""The source of an English the user typed rather than chose."""


class LookupPanel(Vertical, can_focus=True):
    """Hidden until ``show``; see the module docstring for its keys and messages."""

    DEFAULT_CSS = """
    LookupPanel { dock: bottom; height: auto; max-height: 45%; display: none;
                  border-top: tall $primary; background: $panel; padding: 0 1; }
    LookupPanel.-open { display: block; }
    LookupPanel:focus-within { border-top: tall $accent; }
    LookupPanel > VerticalScroll { height: auto; max-height: 100%; }
    LookupPanel > #english { display: none; }
    LookupPanel.-typing > #english { display: block; }
    """
    BINDINGS = [
        Binding("up", "choose(-1)", "Previous gloss", show=False),
        Binding("down", "choose(1)", "Next gloss", show=False),
        Binding("a", "add", "Add to my glossary"),
        Binding("s", "save", "Save to vocabulary"),
        Binding("escape", "close", "Close lookup"),
    ]

    class AddToGlossary(Message):
        """The user wants ``french`` → ``english`` in their own glossary."""

        def __init__(self, result: LookupResult, french: str, english: str, source: str) -> None:
            super().__init__()
            self.result = result
            self.french = french
            self.english = english
            self.source = source

    class SaveToVocabulary(Message):
        """The user saves the looked-up word with the chosen gloss (None: no gloss known)."""

        def __init__(self, result: LookupResult, gloss: Gloss | None) -> None:
            super().__init__()
            self.result = result
            self.gloss = gloss

    class Closed(Message):
        """The panel was closed (Escape): the app gives focus back to the text."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.result: LookupResult | None = None
        self.selected = 0

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static("", id="lookup")
        yield Input(
            placeholder="English for your glossary (Enter adds, Escape cancels)", id="english"
        )

    # ------------------------------------------------------------ showing

    def show(self, result: LookupResult) -> None:
        """Opens the panel on ``result`` (the first gloss chosen)."""
        self.result = result
        self.selected = 0
        self.remove_class("-typing")
        self.add_class("-open")
        self._render_result()

    def show_loading(self, word: str) -> None:
        """Opens the panel while the first lookup loads its data in a worker."""
        self.result = None
        self.add_class("-open")
        self.query_one("#lookup", Static).update(f"Looking up « {word} »… (loading dictionaries)")

    @property
    def is_open(self) -> bool:
        return self.has_class("-open")

    @property
    def chosen(self) -> Gloss | None:
        if self.result is None or not self.result.glosses:
            return None
        return self.result.glosses[self.selected]

    def _render_result(self) -> None:
        if self.result is not None:
            selected = self.selected if self.result.glosses else None
            self.query_one("#lookup", Static).update(
                as_text(self.result, selected, notes=True, compact=True)
            )

    # ------------------------------------------------------------ actions

    def action_choose(self, delta: int) -> None:
        if self.result is not None and self.result.glosses:
            self.selected = (self.selected + delta) % len(self.result.glosses)
            self._render_result()

    def action_add(self) -> None:
        """Opens the English box, filled with the chosen gloss's first sense."""
        if self.result is None:
            return
        field = self.query_one("#english", Input)
        field.value = self.chosen.text.split(";")[0].split(",")[0].strip() if self.chosen else ""
        self.add_class("-typing")
        field.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        english = event.value.strip()
        self.remove_class("-typing")
        self.focus()
        if self.result is None or not english:
            return
        chosen = self.chosen
        source = chosen.source if chosen and english in chosen.text else TYPED
        french = self.result.term or self.result.lemma or self.result.word
        self.post_message(self.AddToGlossary(self.result, french, english, source))

    def action_save(self) -> None:
        if self.result is not None:
            self.post_message(self.SaveToVocabulary(self.result, self.chosen))

    def action_close(self) -> None:
        if self.has_class("-typing"):
            self.remove_class("-typing")
            self.focus()
            return
        self.remove_class("-open")
        self.post_message(self.Closed())
