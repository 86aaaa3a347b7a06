"""The selected glossary entry and which of its occurrences n/N went to: pure, no Textual.

The reading screen holds one ``Selection``; the glossary it is read against changes
(curated entries first, extracted ones later), so every method is given the entry's
French occurrences of the moment. Block numbers are the article's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from glossary.model import Occurrence


@dataclass
class Selection:
    """An entry chosen in the panel or the text, and its current French occurrence."""

    key: str | None = None
    number: int | None = None
    """The index of the occurrence n/N (or a click) went to; None until there is one."""

    def choose(
        self, key: str, occurrences: Sequence[Occurrence], *, jump: bool, block: int
    ) -> int | None:
        """Selects ``key``. With ``jump``, its first occurrence is current and its block is
        returned (to go there); without, the first occurrence in ``block`` is current (the
        reader clicked or stepped onto the term there), or none when the block has none."""
        self.key = key
        if jump:
            self.number = 0 if occurrences else None
            return occurrences[0].block if occurrences else None
        self.number = next((i for i, o in enumerate(occurrences) if o.block == block), None)
        return None

    def step(self, occurrences: Sequence[Occurrence], step: int, block: int) -> int | None:
        """The next (``step`` 1) or previous (-1) occurrence becomes current; its block is
        returned. Without a current one, the first at or after ``block`` (or the last)."""
        if not occurrences:
            return None
        if self.number is None or self.number >= len(occurrences):
            after = [i for i, o in enumerate(occurrences) if o.block >= block]
            self.number = (after[0] if after else 0) if step > 0 else len(occurrences) - 1
        else:
            self.number = (self.number + step) % len(occurrences)
        return occurrences[self.number].block

    def label(self, french: str, occurrences: Sequence[Occurrence], block: int) -> str:
        """``OTAN: occurrence 2/5``; the number is ``–`` away from the current occurrence's
        block (after Home, j…), so no stale number is shown. Empty without occurrences."""
        if not occurrences:
            return ""
        at = self.number
        here = at is not None and at < len(occurrences) and occurrences[at].block == block
        number = f"{at + 1}" if here and at is not None else "–"
        return f"{french}: occurrence {number}/{len(occurrences)}"
