"""What the background work tells the reading screen, as typed Messages.

Workers never touch widgets: they post these to the screen, which updates the view,
the glossary panel and the status line on the UI thread. ``generation`` numbers a
translation run, so English from a run that was replaced (an engine switch) is dropped.
They do not bubble: the screen is their one reader.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from glossary.model import Glossary
    from reader.learning.marks import StatusMarks
    from reader.learning.stats import Statistics
    from reader.lookup.result import LookupResult
    from reader.session import EngineState
    from reader.translation import BlockTranslation


@dataclass
class EngineChanged(Message, bubble=False):
    """The engine producing the English is now ``state.name`` (``state.label`` with its
    version), chosen for ``state.reason``."""

    state: EngineState

    @property
    def name(self) -> str:
        return self.state.name


@dataclass
class EngineSwitchFailed(Message, bubble=False):
    """Switching to ``requested`` failed; the previous engine and its English stay."""

    requested: str
    error: str


@dataclass
class EnglishArrived(Message, bubble=False):
    """English for some blocks, in the order they were translated."""

    chunk: list[BlockTranslation]
    generation: int


@dataclass
class EnglishRevised(Message, bubble=False):
    """English again for blocks already shown (the glossary changed): it replaces theirs
    where the reader is, without counting towards the translation's progress."""

    chunk: list[BlockTranslation]
    generation: int


@dataclass
class TranslationDone(Message, bubble=False):
    """Every block of run ``generation`` has its English."""

    generation: int


@dataclass
class TranslationFailed(Message, bubble=False):
    """No English can be had (no engine, or the engine broke); the French stays readable."""

    error: str
    generation: int


@dataclass
class Notice(Message, bubble=False):
    """Something the reader should know (no cache, a fallback engine), said once."""

    text: str
    title: str = "Translation"


@dataclass
class GlossaryReady(Message, bubble=False):
    """A glossary to show; ``final`` False while extracted terms are still to come."""

    glossary: Glossary
    final: bool


@dataclass
class GlossaryFailed(Message, bubble=False):
    """Building the glossary failed; the English and the text are unaffected."""

    error: str


@dataclass
class LookupReady(Message, bubble=False):
    """A word's lookup; ``quick`` when spaCy was still loading (Apertium's answer only)."""

    result: LookupResult
    quick: bool


@dataclass
class LookupFailed(Message, bubble=False):
    """A lookup failed; the text is unaffected."""

    error: str


@dataclass
class LookupsWarmed(Message, bubble=False):
    """Every lookup source is loaded: lookups are instant and use the sentence."""


# ------------------------------------------------------------ word statuses


@dataclass
class StatusesReady(Message, bubble=False):
    """The article's marks under the stored statuses (spaCy's pass and the learning file)."""

    marks: StatusMarks


@dataclass
class StatusesFailed(Message, bubble=False):
    """No word statuses this session (spaCy's model missing, the learning file unusable)."""

    error: str


@dataclass
class LearningFailed(Message, bubble=False):
    """Writing or reading the learning file failed (a change is then not saved)."""

    error: str


@dataclass
class StatisticsReady(Message, bubble=False):
    """The statistics, read after every change made so far was saved (``S``)."""

    statistics: Statistics
