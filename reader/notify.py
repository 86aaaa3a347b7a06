"""How a part of the reader says something that is not an error: a notice callback.

A loader that can go on after a problem (a damaged cache, a glossary entry it cannot
read) takes ``notify: Notify | None`` and calls it with one line for people; the CLI
prints the line on stderr and the app shows it as a notification.
"""

from __future__ import annotations

from collections.abc import Callable

Notify = Callable[[str], None]
