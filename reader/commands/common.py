"""What the commands share: the stderr console, the engine option, printing notices.

Terminal safety, second line: titles, authors, lemmas, sentences are cleaned when they
are read (``reader.textio.clean_line``), and whatever the commands print goes through
the same filter again: the consoles here take every control character out of the text
they draw (Rich's own styling is added after, so colours stay), and ``write_out`` and
``json_out`` do the same for raw output. A database written by an older reader, or
edited by hand, cannot drive the terminal either.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import (
    Console,
    ConsoleOptions,
    ConsoleRenderable,
    RenderHook,
    RenderResult,
)
from rich.measure import Measurement
from rich.segment import Segment

if TYPE_CHECKING:
    from rich.table import Table

    from reader.article import Article

from reader.engines.select import CHOICES
from reader.textio import clean


class _Cleaned:
    """Draws the renderable it wraps with every control character taken out of its text
    (Rich's own control segments, such as a status line's cursor moves, stay)."""

    def __init__(self, inner: ConsoleRenderable) -> None:
        self.inner = inner

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for segment in console.render(self.inner, options):
            if segment.control or not segment.text:
                yield segment
            else:
                yield Segment(clean(segment.text), segment.style)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.inner)


class _CleanHook(RenderHook):
    def process_renderables(self, renderables: list[ConsoleRenderable]) -> list[ConsoleRenderable]:
        return [_Cleaned(r) for r in renderables]


def safe_console(*, stderr: bool = False, markup: bool = False, **options: object) -> Console:
    """A console whose output no stored text can drive: no Rich markup unless asked (a
    title may hold ``[link=…]``), no highlighting, every control character filtered."""
    console = Console(stderr=stderr, highlight=False, markup=markup, **options)  # type: ignore[arg-type]
    console.push_render_hook(_CleanHook())
    return console


def one_line_table(
    console: Console,
    names: tuple[str, ...],
    rows: Sequence[Sequence[str]],
    cut: dict[int, int],
    right: tuple[str, ...] = (),
) -> Table:
    """A table of one line per row at the console's width (T7): the columns not in
    ``cut`` keep their width; those in it (index → share) share what is left, cut with "…"."""
    from rich.table import Table

    widths = [max(len(name), *(len(r[i]) for r in rows)) for i, name in enumerate(names)]
    fixed = sum(w + 3 for i, w in enumerate(widths) if i not in cut)
    left = console.width - 1 - fixed - 3 * len(cut)
    total = sum(cut.values())
    given = {i: max(6, min(widths[i], left * share // total)) for i, share in cut.items()}
    spare = left - sum(given.values())
    for i in sorted(cut, key=lambda i: -cut[i]):  # what a short column leaves, to the others
        extra = max(0, min(spare, widths[i] - given[i]))
        given[i] += extra
        spare -= extra
    table = Table()
    for i, name in enumerate(names):
        table.add_column(
            name,
            no_wrap=True,
            overflow="ellipsis",
            width=given.get(i),
            justify="right" if name in right else "left",
        )
    for row in rows:
        table.add_row(*row)
    return table


def write_out(text: str) -> None:
    """Raw output (CSV, plain text) on stdout, through the same filter."""
    sys.stdout.write(clean(text))


def json_out(document: object) -> None:
    """A JSON document on stdout, every string in it cleaned first (``ensure_ascii=False``
    would write a C1 control such as U+009B as it is)."""
    sys.stdout.write(json.dumps(_cleaned(document), ensure_ascii=False, indent=2) + "\n")


def _cleaned(value: object) -> object:
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, dict):
        return {_cleaned(k): _cleaned(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_cleaned(v) for v in value]
    return value


err = safe_console(stderr=True, soft_wrap=True)
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


def load_article(path: str) -> Article:  # imported lazily: keeps --help instant
    """Loads an article and says, on stderr, what the loader was unsure of (encoding).
    A number that is no file is a library text (``reader words 3``); a book (``.epub``)
    is read as ``reader add`` reads it, without adding it."""
    from reader import article as article_model
    from reader.commands.arguments import library_id
    from reader.errors import InputError

    text_id = library_id(path)
    if text_id is not None:
        from reader.library.shelf import Library, library_path

        if not library_path().is_file():
            raise InputError(f"{path}: no such file, and no library yet")
        with Library() as library:
            return library.article(text_id)
    if path.lower().endswith(".epub") and Path(path).is_file():
        from reader.library.sources import read_source

        return read_source(path).article
    article = article_model.load(path)
    for warning in article.warnings:
        notice(f"warning: {warning}")
    return article
