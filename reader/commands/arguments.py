"""What a command-line argument names, decided without importing anything heavy: both
``reader [PATH]`` (``reader.commands.open``, light imports only) and the commands that load
an article (``reader.commands.common``) ask it."""

from __future__ import annotations

import os
from enum import Enum


def library_id(path: str) -> int | None:
    """``reader 3``: the id of a library text, when ``path`` is a number and no such file."""
    if path.isdigit() and not os.path.exists(path) and len(path) <= 18:
        return int(path)
    return None


class ListFormat(str, Enum):
    """``--format`` of a command that lists: a table for people, JSON for scripts."""

    table = "table"
    json = "json"
