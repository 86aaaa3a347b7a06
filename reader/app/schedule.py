"""Which blocks to translate next: those on screen first, then onwards in growing chunks.

The first chunk after a jump is small, so the blocks on screen get their English in
one quick engine call. After that, chunks grow as long as each engine call stays
quick, so a whole book takes a handful of calls with a fast engine (Apertium pays a
fixed start-up per call), while a slow one (Argos on a CPU) keeps small chunks and
the app stays responsive to the next jump. Thread-safe: the UI moves the focus while
a worker takes chunks.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

FIRST_SENTENCES = 24
MOST_SENTENCES = 16384
GROWTH = 16
QUICK_CALL = 1.0
"""Seconds: an engine call shorter than this lets the next chunk grow."""
SLOW_CALL = 3.0
"""Seconds: an engine call longer than this halves the next chunk."""


class Schedule:
    """The blocks still without English, taken in chunks from the focus onwards."""

    def __init__(
        self,
        sentences: Sequence[int],
        first: int = FIRST_SENTENCES,
        most: int = MOST_SENTENCES,
    ) -> None:
        self._sizes = [max(1, n) for n in sentences]
        self._pending = bytearray(b"\x01" * len(self._sizes))
        self._left = len(self._sizes)
        self._left_sentences = sum(self._sizes)
        self._first, self._most = first, most
        self._size = first
        self._focus = 0
        self._lock = threading.Lock()
        self.last_was_first = False
        """Whether the chunk ``take()`` gave last was the first after a jump (or the start)."""
        self._fresh = True

    @property
    def left(self) -> int:
        """Blocks not yet taken."""
        return self._left

    def focus_on(self, index: int) -> None:
        """The reader jumped: blocks from ``index`` onwards come next, in a small chunk first."""
        with self._lock:
            self._focus = max(0, min(len(self._sizes) - 1, index)) if self._sizes else 0
            self._size = self._first
            # Only a jump to blocks still without English starts a new first chunk.
            self._fresh = bool(self._sizes) and bool(self._pending[self._focus])

    def took(self, seconds: float, sentences: int) -> None:
        """How long the engine took for a chunk: quick calls let chunks grow, slow ones shrink."""
        with self._lock:
            if seconds < QUICK_CALL and sentences >= self._size // 2:
                self._size = min(self._most, self._size * GROWTH)
            elif seconds > SLOW_CALL:
                self._size = max(self._first, self._size // 2)

    def take(self) -> list[int]:
        """The next chunk of block indices (empty when all are taken), in reading order."""
        with self._lock:
            budget = self._size
            if self._size > self._first and self._left_sentences < 2 * budget:
                budget = self._left_sentences  # the rest in one go, not a small tail call
            chunk: list[int] = []
            start = self._focus
            while budget > 0 and self._left:
                i = self._pending.find(1, start)
                if i < 0:
                    if start == 0:
                        break
                    start = 0  # past the end: wrap round to the blocks above the focus
                    continue
                self._pending[i] = 0
                self._left -= 1
                self._left_sentences -= self._sizes[i]
                chunk.append(i)
                budget -= self._sizes[i]
                start = i + 1
            if chunk:
                self._focus = start if start < len(self._sizes) else 0
            self.last_was_first, self._fresh = (
                self._fresh and bool(chunk),
                self._fresh and not chunk,
            )
            return chunk

    def put_back(self, indices: Sequence[int]) -> None:
        """Blocks taken but not translated (the run stopped) are pending again."""
        with self._lock:
            for i in indices:
                if not self._pending[i]:
                    self._pending[i] = 1
                    self._left += 1
                    self._left_sentences += self._sizes[i]
