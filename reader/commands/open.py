"""Opening the app on an article: shared by ``reader open`` and the fast path of
``reader [PATH]``, which skips the command line parser. Light imports only."""

from __future__ import annotations

import os
import sys
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent.parent / "seeds"
DEFAULT_ARTICLE = SEEDS / "trump-poutine.fr.txt"


def open_article(path: str | None, engine: str, enforce: bool = True) -> None:
    """Loads the article (stdin for ``-``), then runs the app on it."""
    from reader import article as article_model

    article = article_model.load(path or DEFAULT_ARTICLE)
    for warning in article.warnings:  # said before the app takes the screen
        sys.stderr.write(f"reader: warning: {warning}\n")
    if path == "-" or not sys.stdin.isatty():
        _keys_from_terminal()
    from reader.app.app import ReaderApp

    ReaderApp(article, engine, enforce=enforce).run()


def _keys_from_terminal() -> None:
    """After the article came through stdin, the app reads its keys from the terminal."""
    from reader.errors import InputError

    try:
        tty = os.open("/dev/tty", os.O_RDWR)
    except OSError:
        raise InputError(
            "stdin held the article and there is no terminal to read keys from; "
            "use: reader translate - (no app)"
        ) from None
    os.dup2(tty, 0)
    os.close(tty)
    sys.stdin = open(0, encoding="utf-8", closefd=False)  # noqa: SIM115 - lives as long as the app
