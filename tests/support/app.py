"""Helpers for app tests: building the app, waiting for translation, reading the screen."""

from __future__ import annotations

from reader.app.app import ReaderApp
from reader.article import load
from tests.support.paths import SEED


def make_app(
    engine: str = "reference", path=SEED, remember: bool = False, extract: bool = False
) -> ReaderApp:
    """The app on ``path``. Term extraction (spaCy, seconds) is off unless the test checks it."""
    return ReaderApp(load(path), engine, remember=remember, extract=extract)


def status_text(app) -> str:
    """The status line as drawn."""
    from reader.app.widgets.status_bar import StatusBar

    return str(app.main.query_one(StatusBar).render())


def of_type(messages: list, kind: type) -> list:
    return [m for m in messages if isinstance(m, kind)]


async def settle(app, pilot) -> None:
    """Waits until the translation worker is done and the screen is up to date."""
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


def view_text(app) -> str:
    """The article view's visible text, line by line, as a person would read it."""
    view = app.view
    return "\n".join(view.render_line(y).text.rstrip() for y in range(view.size.height))


def screen_text(app) -> str:
    """Everything on the screen as plain text (from the same SVG a screenshot saves)."""
    import html
    import re

    svg = app.export_screenshot()
    lines = re.findall(r"<text[^>]*>(.*?)</text>", svg)
    return html.unescape(" ".join(lines)).replace("\xa0", " ")


async def lookups_settled(app, pilot, timeout: float = 120) -> None:
    """Waits until every lookup source is loaded and the last lookup (and what it started:
    a glossary rebuild, a save) is done, so the panel shows the full answer."""
    import time

    deadline = time.monotonic() + timeout
    main = app.main
    while time.monotonic() < deadline:
        await settle(app, pilot)
        if main.lookups_final:
            if not any(w.is_running for w in app.workers):
                await pilot.pause()
                return
    raise AssertionError("lookups did not settle")
