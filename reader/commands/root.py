"""The ``reader`` Typer application: the root command and the registry of subcommands.

Imported only when the command line needs parsing; ``reader [PATH]`` opens the app
without it (see ``reader.cli``).
"""

from __future__ import annotations

from importlib import metadata
from typing import Annotated

import typer

from reader.commands import corrections as corrections_cmd
from reader.commands import data as data_cmd
from reader.commands import doctor as doctor_cmd
from reader.commands import eval as eval_cmd
from reader.commands import glossary as glossary_cmd
from reader.commands import known as known_cmd
from reader.commands import library as library_cmd
from reader.commands import lookup as lookup_cmd
from reader.commands import models as models_cmd
from reader.commands import review as review_cmd
from reader.commands import speak as speak_cmd
from reader.commands import stats as stats_cmd
from reader.commands import terms as terms_cmd
from reader.commands import translate as translate_cmd
from reader.commands import vocab as vocab_cmd
from reader.commands import words as words_cmd
from reader.commands.common import EngineChoice, EngineOption
from reader.commands.open import open_article

app = typer.Typer(
    help="Read French articles beside an offline English translation, with a glossary.",
    no_args_is_help=False,
    pretty_exceptions_enable=False,
    add_completion=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        try:
            version = metadata.version("bilingual-reader")
        except metadata.PackageNotFoundError:
            version = "unknown"
        print(f"reader {version}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Read French articles beside an offline English translation, with a glossary."""


@app.command("open")
def open_app(
    path: Annotated[
        str | None,
        typer.Argument(help="French article (.txt, .md, .html) or - for stdin.", metavar="PATH"),
    ] = None,
    engine: EngineOption = EngineChoice("auto"),
    enforce: Annotated[
        bool,
        typer.Option(
            "--enforce/--no-enforce", help="Put the glossaries' English into machine English."
        ),
    ] = True,
) -> None:
    """Open the reader app (the default command)."""
    open_article(path, engine.value, enforce)


app.command()(translate_cmd.translate)
app.command()(glossary_cmd.glossary)
app.command("eval")(eval_cmd.eval_command)
app.add_typer(models_cmd.app, name="models")
app.add_typer(terms_cmd.app, name="terms")
app.command()(lookup_cmd.lookup)
app.add_typer(vocab_cmd.app, name="vocab")
app.add_typer(lookup_cmd.dictionaries_app, name="dictionaries")
app.command()(words_cmd.words)
app.add_typer(known_cmd.app, name="known")
app.command()(stats_cmd.stats)
app.add_typer(review_cmd.app, name="review")
app.command()(doctor_cmd.doctor)
app.add_typer(data_cmd.app, name="data")
app.command()(speak_cmd.speak)
app.command()(library_cmd.add)
app.command("library")(library_cmd.library)
app.command()(library_cmd.show)
app.command()(library_cmd.remove)
app.command()(library_cmd.find)
app.add_typer(corrections_cmd.app, name="corrections")


def command_names() -> set[str]:
    """The top-level command names, from Typer's own registry."""
    group = typer.main.get_command(app)
    return set(getattr(group, "commands", {}))
