"""What the commands share: the stderr console, the engine option, printing notices."""

from __future__ import annotations

from enum import Enum
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


def notice(message: str) -> None:
    err.print(f"reader: {message}")


def load_article(path: str):  # -> reader.article.Article (imported lazily: keeps --help instant)
    """Loads an article and says, on stderr, what the loader was unsure of (encoding)."""
    from reader import article as article_model

    article = article_model.load(path)
    for warning in article.warnings:
        notice(f"warning: {warning}")
    return article
