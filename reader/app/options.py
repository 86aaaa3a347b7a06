"""How the reader was asked to read: the command line's choices, handed to the reading screen."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ReadingOptions:
    """``reader open``'s options, as the reading screen uses them."""

    engine: str = "auto"
    """The engine asked for (``auto``: the best available); the session knows which runs."""
    enforce: bool = True
    """Glossary enforcement of machine English (``--no-enforce``: the raw English)."""
    extract: bool = True
    """Term extraction with spaCy for the glossary panel (tests turn it off)."""
    remember: bool = True
    """Reading positions are restored and saved."""
    statuses: bool = True
    """Word statuses: the words marked by status, % known, blocks read (tests turn it off)."""
