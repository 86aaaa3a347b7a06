"""The command palette's reading commands (ctrl+p), as a Textual ``Provider``.

``reader_commands`` lists what the reading screen offers (modes, engines, the glossary,
learner mode, statistics, word marks, headings to jump to); ``ReaderCommands`` serves them
to the palette, whichever screen it was opened over.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

from reader.app.layout import MODE_NAMES
from reader.engines.select import CHOICES

if TYPE_CHECKING:
    from reader.app.screens.main import MainScreen


@dataclass(frozen=True)
class Command:
    """One palette entry: what it says, a line of help, and what it does."""

    title: str
    help: str
    run: Callable[[], object]


ENGINE_HELP = {
    "auto": "The best engine that works here",
    "reference": "The human translation beside the article",
    "none": "French only, no English",
}


def reader_commands(screen: MainScreen) -> list[Command]:
    """Every command of the reading ``screen``, in the order the palette lists them."""
    commands = [
        Command(f"Mode: {name}", f"Show {name}", partial(screen.action_mode, mode))
        for mode, name in MODE_NAMES.items()
    ]
    for engine in CHOICES:
        usable = engine == "auto" or screen.translator.available.get(engine, True)
        commands.append(
            Command(
                f"Engine: {engine}" + ("" if usable else " (unavailable)"),
                ENGINE_HELP.get(engine, f"Translate with {engine}")
                if usable
                else f"{engine} cannot run here",
                partial(screen.switch_engine, engine),
            )
        )
    commands += [
        Command("Glossary: open or close", "The article's names and terms", screen.action_glossary),
        Command(
            "Learner: hide or show all English",
            "Hide the English until revealed block by block",
            screen.view.action_hide_all,
        ),
    ]
    commands.append(
        Command(
            "Library: open",
            "Every text you added; Escape comes back here (L)",
            partial(screen.app.run_action, "app.library"),
        )
    )
    commands.append(
        Command(
            "Review: words you are learning",
            "Due cards in sentences from your library (R); Escape comes back here",
            partial(screen.app.run_action, "app.review"),
        )
    )
    commands += [  # found by what a reader would type: speak, hear, known (T33)
        Command(
            "Hear: speak the sentence or word aloud (p)",
            "French speech, offline (espeak-ng); Escape stops it",
            screen.action_speak,
        ),
        Command(
            "Known: mark every new word of this block known (M)",
            "Lute's mark page as read; z undoes it",
            screen.action_mark_block_known,
        ),
        Command(
            "Known: undo marking the block known (z)",
            "Once, right after M",
            screen.action_undo_block_known,
        ),
        Command(
            "Words: next word to learn (u)",
            "The next new or learning word; U the previous; 1-4, w, i set its status",
            partial(screen.action_next_new_word, 1),
        ),
    ]
    commands += [  # word statuses (reader.app.statuses)
        Command(
            "Statistics", "Known words over time, words read per day", screen.action_statistics
        ),
        Command(
            "Word marks: show or hide",
            "New and learning words marked in the French",
            screen.action_toggle_word_marks,
        ),
    ]
    commands += [
        Command(f"Jump to: {block.text}", "Heading", partial(screen.view.go_to, block.index, True))
        for block in screen.article.blocks
        if block.kind == "heading"
    ]
    return commands


class ReaderCommands(Provider):
    """The reading screen's commands in the palette (posting's ``commands.py`` pattern)."""

    def _commands(self) -> list[Command]:
        from reader.app.screens.main import MainScreen

        screens = reversed(self.app.screen_stack)  # a peek screen over the text: the peek
        main = next((s for s in screens if isinstance(s, MainScreen)), None)
        return reader_commands(main) if main is not None else []

    async def discover(self) -> Hits:
        for command in self._commands():
            yield DiscoveryHit(command.title, command.run, help=command.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in self._commands():
            score = matcher.match(command.title)
            if score > 0:
                yield Hit(score, matcher.highlight(command.title), command.run, help=command.help)
