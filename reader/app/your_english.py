"""``E``: the reader's own English for the current sentence, and ``m``: the engine's beside it.

``YourEnglish`` is a plain controller beside the reading screen (as ``Speaker`` is): it
says which sentence ``E`` edits, builds the one-line editor (``YourEnglishEditor``, a
small modal screen: Enter saves, Escape cancels, an empty line gives the sentence back
to the engine), and saves in a daemon thread: the correction goes to the corrections
file (``reader.corrections``), then every block of this text holding that French sentence
is translated again through the session, which puts the reader's English in
(``reader.session``), and comes back as ``EnglishRevised``. Other texts get it when they
are translated.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from reader.app.background import in_daemon
from reader.app.messages import EnglishRevised, Notice
from reader.article import Article
from reader.errors import ReaderError

if TYPE_CHECKING:
    from reader.app.translator import Translator
    from reader.translation import BlockTranslation

TITLE = "Your English"


@dataclass(frozen=True)
class Target:
    """The sentence ``E`` edits: block ``block``, sentence ``sentence``, its French, the
    English shown, the engine's English, and whether the shown one is the reader's."""

    block: int
    sentence: int
    french: str
    shown: str
    machine: str
    engine: str
    is_yours: bool


class YourEnglishEditor(ModalScreen[str | None]):
    """One line, filled with the English shown: Enter gives it back, Escape gives None."""

    DEFAULT_CSS = """
    YourEnglishEditor {
        align: center bottom;
        background: $background 40%;
        & > Vertical {
            width: 100%;
            height: auto;
            padding: 0 1;
            border-top: heavy $accent;
            background: $surface;
        }
        & .your-english--french { color: $text; text-style: bold; }
        & .your-english--machine { color: $text-muted; }
        & .your-english--hint { color: $text-muted; text-style: italic; }
    }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel", show=False)]

    def __init__(self, target: Target) -> None:
        super().__init__()
        self.target = target

    def compose(self) -> ComposeResult:
        target = self.target
        with Vertical():
            yield Static(Text(target.french), classes="your-english--french")
            if target.machine:
                yield Static(
                    Text(f"{target.engine}: {target.machine}"), classes="your-english--machine"
                )
            yield Input(
                value=target.shown,
                placeholder="Your English for this sentence",
                id="your-english",
                select_on_focus=False,
            )
            yield Static(
                "Enter saves (used wherever this French sentence appears) · Escape cancels · "
                "an empty line gives the sentence back to the engine",
                classes="your-english--hint",
            )

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class YourEnglish:
    """Which sentence ``E`` edits, and saving what the reader typed."""

    def __init__(
        self, article: Article, translator: Translator, post: Callable[[Message], object]
    ) -> None:
        self.article = article
        self.translator = translator
        self._post = post

    def target(
        self, block: int, sentence: int | None, english: BlockTranslation | None, engine: str
    ) -> Target | None:
        """The sentence of ``block`` that ``[``/``]`` chose (else its first)."""
        sentences = self.article.blocks[block].sentences
        if not sentences:
            return None
        i = sentence if sentence is not None and sentence < len(sentences) else 0
        shown = machine = ""
        mine = False
        if english is not None and i < len(english.sentences):
            shown, machine, mine = (
                english.sentences[i],
                english.machine_english(i),
                english.is_yours(i),
            )
            engine = english.engine
        return Target(block, i, sentences[i].text, shown, machine, engine, mine)

    def machine_note(self, target: Target) -> tuple[str, str]:
        """What ``m`` says: (title, text): the engine's English beside the reader's."""
        if not target.is_yours:
            return TITLE, "This sentence's English is the engine's; E gives it yours."
        machine = target.machine or "(no English)"
        return f"{target.engine} and yours", f"{target.engine}: {machine}\nYours: {target.shown}"

    async def save(self, target: Target, typed: str) -> None:
        """Keeps (or, empty, removes) the reader's English, then shows it in this text."""
        from reader.corrections.files import one_line

        english = one_line(typed)
        if english == target.shown and target.is_yours:
            return  # yours, unchanged
        if not english and not target.is_yours:
            return  # an empty line where the English was the engine's already
        try:
            chunk = await in_daemon(lambda: self._keep(target.french, english), "reader-yours")
        except ReaderError as exc:
            self._post(Notice(f"not saved: {exc}", TITLE))
            return
        if chunk:
            self._post(EnglishRevised(chunk, self.translator.generation))
        if english:
            said = "Yours, wherever this French sentence appears (m: the engine's beside it)."
        else:
            said = "The engine's English again for this sentence."
        self._post(Notice(said, TITLE))

    def _keep(self, french: str, english: str) -> list[BlockTranslation]:
        from reader.corrections.key import key
        from reader.corrections.store import Corrections

        store = Corrections()
        if english:
            store.add(french, english)
        else:
            store.remove(french)
        session = self.translator.session
        if session is None:  # nothing shown yet: the run to come puts it in
            return []
        wanted = key(french)
        holding = [
            b for b in self.article.blocks if any(key(s.text) == wanted for s in b.sentences)
        ]
        return session.translate(holding)
