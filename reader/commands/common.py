"""What the commands share: the stderr console, the engine option, printing notices."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from reader.engines.select import CHOICES

err = Console(stderr=True, highlight=False, soft_wrap=True, markup=False)
"""Errors and notices: no Rich markup, so ``[draft]`` in a file name survives."""

EngineChoice = Enum("EngineChoice", {name: name for name in CHOICES}, type=str)  # type: ignore[misc]
"""The ``--engine`` choices, derived from the engine registry."""

EngineOption = Annotated[
    EngineChoice,
    typer.Option("--engine", "-e", help="Translation engine; auto picks the best available."),
]

PathArgument = Annotated[
    str,
    typer.Argument(help="French article (.txt, .md, .html) or - for stdin.", metavar="PATH"),
]


OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output", "-o", help="Write to FILE instead of stdout (anki: required).", metavar="FILE"
    ),
]


def check_output(output: Path | None, fmt: str) -> None:
    """Refuses, before any work, an output that cannot be written as a file."""
    from reader.errors import InputError

    if output is None:
        if fmt == "anki":
            raise InputError("an Anki deck is a file: give one with -o FILE.apkg")
        return
    try:
        if output.is_dir() or str(output).endswith(("/", "\\")):
            raise InputError(f"{output} is a folder; give a file name")
        if not output.parent.is_dir():
            raise InputError(f"{output.parent} does not exist")
    except OSError as exc:  # a name too long for the file system, a loop of links…
        raise InputError(f"{output}: cannot write ({exc.strerror or exc})") from None


@contextmanager
def download_progress(title: str) -> Iterator[Callable[[int, int | None], None]]:
    """A progress bar on stderr for a download; yields the callback the download calls."""
    from rich.progress import BarColumn, DownloadColumn, Progress, TransferSpeedColumn

    with Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        DownloadColumn(),
        TransferSpeedColumn(),
        console=err,
        transient=True,
    ) as bar:
        task = bar.add_task(title, total=None)
        yield lambda done, total: bar.update(task, completed=done, total=total)


def notice(message: str) -> None:
    err.print(f"reader: {message}")


def load_article(path: str):  # -> reader.article.Article (imported lazily: keeps --help instant)
    """Loads an article and says, on stderr, what the loader was unsure of (encoding)."""
    from reader import article as article_model

    article = article_model.load(path)
    for warning in article.warnings:
        notice(f"warning: {warning}")
    return article
