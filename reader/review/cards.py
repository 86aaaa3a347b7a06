"""The scheduler: py-fsrs (FSRS-6), never a hand-written one, and what a card's key is.

A card's key is a lemma (« frapper ») or a phrase (« avoir lieu ») as the statuses keep
it (``reader.learning.store.normal``); its id is fixed, derived from the key, so the same
word has the same card id in every data folder and run (FSRS's ``ReviewLog`` refers to it).
"""

from __future__ import annotations

import hashlib
from datetime import timedelta
from typing import Literal

from fsrs import Card, Rating, Scheduler

Kind = Literal["word", "phrase"]
GRADES: dict[str, Rating] = {
    "again": Rating.Again,
    "hard": Rating.Hard,
    "good": Rating.Good,
    "easy": Rating.Easy,
}
"""The four grades by name, as the CLI takes them; keys 1–4 on the screen."""
GRADE_NAMES: dict[Rating, str] = {rating: name for name, rating in GRADES.items()}


def card_id(key: str) -> int:
    """A fixed id for the card of ``key``: 53 bits of its SHA-256, so it is the same in
    every run and data folder, fits SQLite's INTEGER and survives a JSON round trip."""
    digest = hashlib.sha256(key.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") >> 11


def kind_of(key: str) -> Kind:
    """A key of several words is a phrase."""
    return "phrase" if len(key.split()) > 1 else "word"


def scheduler(*, fuzz: bool = True) -> Scheduler:
    """FSRS-6 with its default parameters (desired retention 0.9). ``fuzz`` off gives the
    same intervals every time (tests)."""
    return Scheduler(enable_fuzzing=fuzz)


def interval(delta: timedelta) -> str:
    """An interval as the grade keys show it: 1m, 10m, 5h, 3d, 2.5mo, 1.2y."""
    seconds = max(0.0, delta.total_seconds())
    minutes = seconds / 60
    if minutes < 60:
        return f"{max(1, round(minutes))}m"
    hours = minutes / 60
    if hours < 24:
        return f"{round(hours)}h"
    days = hours / 24
    if days < 30:
        return f"{round(days)}d"
    if days < 365:
        return f"{days / 30:.1f}mo"
    return f"{days / 365:.1f}y"


__all__ = ["Card", "GRADES", "GRADE_NAMES", "Kind", "Rating", "card_id", "interval", "scheduler"]
