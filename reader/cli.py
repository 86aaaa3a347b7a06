"""The ``reader`` command: argument handling only; the work lives in the modules it calls.

``reader [PATH]`` opens the app; the subcommands live in ``reader/commands/``, one
module per group, and are registered here. Exit codes: 0 success, 1 bad input or
failed operation (one line on stderr), 2 usage.
"""

from __future__ import annotations

import difflib
import os
import sys
from importlib import metadata
from typing import Annotated

import typer

from reader.commands import glossary as glossary_cmd
from reader.commands import models as models_cmd
from reader.commands import translate as translate_cmd
from reader.commands.common import DEFAULT_ARTICLE, EngineChoice, EngineOption, err
from reader.errors import InputError, ReaderError

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
    engine: EngineOption = EngineChoice.auto,
) -> None:
    """Open the reader app (the default command)."""
    from reader import article as article_model

    article = article_model.load(path or DEFAULT_ARTICLE)
    if path == "-" or not sys.stdin.isatty():
        _keys_from_terminal()
    from reader.app.app import ReaderApp

    ReaderApp(article, engine.value).run()


def _keys_from_terminal() -> None:
    """After the article came through stdin, the app reads its keys from the terminal."""
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


app.command()(translate_cmd.translate)
app.command()(glossary_cmd.glossary)
app.add_typer(models_cmd.app, name="models")


def _commands() -> set[str]:
    """The top-level command names, from Typer's own registry."""
    group = typer.main.get_command(app)
    return set(getattr(group, "commands", {}))


_OPTIONS = {"--help", "-h", "--version", "--install-completion", "--show-completion"}


def _route(args: list[str]) -> list[str]:
    """``reader [PATH]`` means ``reader open [PATH]``; a near-miss of a command is a usage error."""
    commands = _commands()
    if args and (args[0] in commands or args[0] in _OPTIONS):
        return args
    if args and not os.path.exists(args[0]) and args[0] != "-" and not args[0].startswith("-"):
        close = difflib.get_close_matches(args[0], sorted(commands), n=1, cutoff=0.75)
        if close:
            err.print(f"reader: no command or file {args[0]!r}; did you mean: reader {close[0]}?")
            raise SystemExit(2)
    return ["open", *args]


def main(argv: list[str] | None = None) -> None:
    """Entry point: routes, then turns every failure into one line and an exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        # Typer's standalone mode prints usage errors itself and exits 2.
        app(args=_route(args), prog_name="reader")
    except ReaderError as exc:
        err.print(f"reader: error: {exc}")
        raise SystemExit(1) from None
    except KeyboardInterrupt:
        err.print("reader: interrupted")
        raise SystemExit(130) from None
    except BrokenPipeError:
        # `reader translate x | head -1`: the reader of the pipe is done; so are we.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise SystemExit(0) from None
    except Exception as exc:  # the last line of defence: no traceback reaches a user
        from reader.settings import current

        if current().debug:
            raise
        err.print(
            f"reader: unexpected error: {type(exc).__name__}: {exc} (set READER_DEBUG=1 for details)"
        )
        raise SystemExit(1) from None


if __name__ == "__main__":
    main()
