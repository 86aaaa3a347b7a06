"""The status line: where the reader is, how much of the text they know, translation progress,
and the engine.

Its fields are reactives bound (``data_bind``) to the reading screen's, so nobody
pushes text into it. The place comes first and the engine label last, ellipsized:
on a narrow terminal the place survives, and each block carries its engine's name.
Drawn as one line of text: cheaper to mount than a composite ProgressBar.
"""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from reader.app.words import words_line

BAR_CELLS = 10


def progress_text(done: int, total: int) -> str:
    if total <= 0 or done >= total:
        return ""
    filled = BAR_CELLS * done // total
    return f"translating {'█' * filled}{'░' * (BAR_CELLS - filled)} {100 * done // total}%"


class StatusBar(Widget):
    """One line: place · % known · progress · English: engine."""

    DEFAULT_CSS = """
    StatusBar { height: 1; background: $panel; padding: 0 1; }
    """
    COMPONENT_CLASSES = {"status-bar--place", "status-bar--engine"}
    DEFAULT_CSS += """
    StatusBar > .status-bar--place { text-style: bold; }
    StatusBar > .status-bar--engine { color: $text-accent; }
    """

    place: reactive[str] = reactive("")
    engine: reactive[str] = reactive("English: starting…")
    done: reactive[int] = reactive(0)
    total: reactive[int] = reactive(0)
    known_share: reactive[float | None] = reactive(None)
    """The article's known tokens ÷ countable tokens (None until its words are counted)."""
    new_lemmas: reactive[int] = reactive(0)

    def render(self) -> Text:
        text = Text(no_wrap=True, overflow="ellipsis", end="")
        text.append(self.place, self.get_component_rich_style("status-bar--place"))
        words = words_line(self.known_share, self.new_lemmas)
        if words:
            text.append(" · " + words, self.get_component_rich_style("status-bar--place"))
        progress = progress_text(self.done, self.total)
        if progress:
            text.append("   " + progress)
        text.append("   ")
        text.append(self.engine, self.get_component_rich_style("status-bar--engine"))
        if self.size.width:
            text.truncate(self.size.width, overflow="ellipsis")
        return text
