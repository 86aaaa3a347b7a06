"""The ``reader`` command: argument handling only; the work lives in the modules it calls.

``reader [PATH]`` opens the app directly; everything else goes to the Typer
application in ``reader/commands/root.py``, where the subcommands (one module per
group in ``reader/commands/``) are registered. Exit codes: 0 success, 1 bad input or
failed operation (one line on stderr), 2 usage.
"""

from __future__ import annotations

import difflib
import os
import sys

from reader.errors import ReaderError

_OPTIONS = {"--help", "-h", "--version", "--install-completion", "--show-completion"}


def _route(args: list[str]) -> list[str]:
    """``reader [PATH]`` means ``reader open [PATH]``; a near-miss of a command is a usage error."""
    from reader.commands.root import command_names

    commands = command_names()
    if args and (args[0] in commands or args[0] in _OPTIONS):
        return args
    if args and not os.path.exists(args[0]) and args[0] != "-" and not args[0].startswith("-"):
        close = difflib.get_close_matches(args[0], sorted(commands), n=1, cutoff=0.75)
        if close:
            _say(f"reader: no command or file {args[0]!r}; did you mean: reader {close[0]}?")
            raise SystemExit(2)
    return ["open", *args]


def _read_only_hint(said: str) -> str:
    """SQLite says "unable to open database file" or "attempt to write a readonly
    database" where the data folder is read-only: the user is told what it means (T32)."""
    if not any(w in said for w in ("unable to open database file", "readonly database")):
        return ""
    try:
        from reader.store import data_dir

        folder = data_dir()
    except (ReaderError, OSError):
        return ""
    if os.access(folder, os.W_OK):
        return ""
    return f" — the data folder {folder} is read-only; make it writable (chmod u+w) or set READER_DATA_DIR"


def _say(line: str) -> None:
    """One line on stderr, without Rich markup (so ``[draft]`` in a file name survives)."""
    from reader.commands.common import err

    err.print(line)


def _fast_open(args: list[str]) -> tuple[str | None, str] | None:
    """``reader``, ``reader PATH`` or ``reader PATH -e NAME``: (path, engine), or None when
    the arguments need the full command line parser."""
    from reader.engines.select import CHOICES

    path, engine, rest = None, "auto", list(args)
    if rest and (rest[0] == "-" or not rest[0].startswith("-")):
        if not (rest[0] == "-" or os.path.exists(rest[0])):
            return None
        path = rest.pop(0)
    if rest[:1] in (["-e"], ["--engine"]) and len(rest) == 2 and rest[1] in CHOICES:
        engine, rest = rest[1], []
    return (path, engine) if not rest else None


def main(argv: list[str] | None = None) -> None:
    """Entry point: routes, then turns every failure into one line and an exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        fast = _fast_open(args)
        if fast is not None:
            # The app's own start-up path skips building the command line parser:
            # measured, Typer and Click are a sixth of the reader's start-up imports.
            from reader.commands.open import open_article

            open_article(*fast)
            return
        from reader.commands.root import app

        # Typer's standalone mode prints usage errors itself and exits 2.
        app(args=_route(args), prog_name="reader")
    except ReaderError as exc:
        _say(f"reader: error: {exc}{_read_only_hint(str(exc))}")
        raise SystemExit(1) from None
    except KeyboardInterrupt:
        _say("reader: interrupted")
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
        _say(
            f"reader: unexpected error: {type(exc).__name__}: {exc} (set READER_DEBUG=1 for details)"
        )
        raise SystemExit(1) from None


if __name__ == "__main__":
    main()
