"""Helpers for app tests: building the app, waiting for translation, reading the screen."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TypeVar

from textual.pilot import Pilot

from reader.app.app import ReaderApp
from reader.article import load
from tests.support.paths import SEED

T = TypeVar("T")


def make_app(
    engine: str = "reference",
    path: Path = SEED,
    remember: bool = False,
    extract: bool = False,
    statuses: bool = False,
) -> ReaderApp:
    """The app on ``path``. Term extraction and word statuses (spaCy, seconds) are off unless
    the test checks them."""
    return ReaderApp(load(path), engine, remember=remember, extract=extract, statuses=statuses)


def status_text(app: ReaderApp) -> str:
    """The status line as drawn."""
    from reader.app.widgets.status_bar import StatusBar

    return str(app.main.query_one(StatusBar).render())


def of_type(messages: Sequence[object], kind: type[T]) -> list[T]:
    return [m for m in messages if isinstance(m, kind)]


SLOW_WORKERS = frozenset({"lookup-warm", "lookup-prefetch", "engines"})
"""Workers most tests do not check, left running (as harlequin's ``wait_for_workers`` skips
its slow loader): spaCy's lookup warm-up, and the survey of engines for the palette."""


async def settle(
    app: ReaderApp, pilot: Pilot[None], *, wait_for: Iterable[str] = (), timeout: float = 300
) -> None:
    """Waits until the translation is done and the glossary built (or failed), every worker
    they started is done, and the screen is up to date; the slow workers only when named
    in ``wait_for``. The work starts after the first refresh, so it is waited for by what
    it leaves (the run complete, the glossary final), not only by the workers running."""
    import time

    skip = SLOW_WORKERS - set(wait_for)
    main = app.main
    deadline = time.monotonic() + timeout
    while True:
        await pilot.pause()
        busy = [w for w in app.workers if not w.is_finished and w.name not in skip]
        if busy:
            await app.workers.wait_for_complete(busy)
        elif main.translator.complete.is_set() and main.glossaries.final:
            await pilot.pause()
            return
        if time.monotonic() > deadline:
            raise AssertionError("the translation or the glossary never finished")


def view_text(app: ReaderApp) -> str:
    """The article view's visible text, line by line, as a person would read it."""
    view = app.view
    return "\n".join(view.render_line(y).text.rstrip() for y in range(view.size.height))


def screen_text(app: ReaderApp) -> str:
    """Everything on the screen as plain text (from the same SVG a screenshot saves)."""
    import html
    import re

    svg = app.export_screenshot()
    lines = re.findall(r"<text[^>]*>(.*?)</text>", svg)
    return html.unescape(" ".join(lines)).replace("\xa0", " ")


async def help_text(app: ReaderApp, pilot: Pilot[None]) -> str:
    """Presses ``?``; the help screen's text (checked to be the screen on top)."""
    from reader.app.screens.help import HelpScreen

    await pilot.press("question_mark")
    await pilot.pause()
    assert isinstance(app.screen, HelpScreen)
    return screen_text(app)


async def lookups_settled(app: ReaderApp, pilot: Pilot[None], timeout: float = 120) -> None:
    """Waits until every lookup source is loaded and the last lookup (and what it started:
    a glossary rebuild, a save) is done, so the panel shows the full answer."""
    import time

    deadline = time.monotonic() + timeout
    main = app.main
    while time.monotonic() < deadline:
        await settle(app, pilot, wait_for=("lookup-warm", "lookup-prefetch"))
        panel = main.lookup_panel
        if panel is None or panel.final:
            await pilot.pause()
            return
    raise AssertionError("lookups did not settle")
