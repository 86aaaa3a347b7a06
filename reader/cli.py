"""The ``reader`` command: argument handling only; the work lives in the modules it calls.

``reader [PATH]`` opens the app; ``translate``, ``glossary`` and ``models`` are subcommands.
Exit codes: 0 success, 1 bad input or failed operation (one line on stderr), 2 usage.
"""

from __future__ import annotations

import io
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from reader.errors import ReaderError

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
DEFAULT_ARTICLE = SEEDS / "trump-poutine.fr.txt"

app = typer.Typer(
    help="Read French articles beside an offline English translation, with a glossary.",
    no_args_is_help=False,
    pretty_exceptions_enable=False,
    add_completion=True,
)
models_app = typer.Typer(
    help="Manage Argos Translate model packages.", pretty_exceptions_enable=False
)
app.add_typer(models_app, name="models")

err = Console(stderr=True, highlight=False, soft_wrap=True)


class Engine(str, Enum):
    auto = "auto"
    argos = "argos"
    apertium = "apertium"
    reference = "reference"
    none = "none"


class Format(str, Enum):
    text = "text"
    markdown = "markdown"
    json = "json"


EngineOption = Annotated[
    Engine,
    typer.Option("--engine", "-e", help="Translation engine; auto picks the best available."),
]


@app.command("open")
def open_app(
    path: Annotated[
        str | None, typer.Argument(help="French article (.txt, .md, .html) or - for stdin.")
    ] = None,
    engine: EngineOption = Engine.auto,
) -> None:
    """Open the reader app (the default command)."""
    from reader import article as article_model

    article = article_model.load(path or DEFAULT_ARTICLE)
    from reader.app.app import ReaderApp

    ReaderApp(article, engine.value).run()


@app.command()
def translate(
    path: Annotated[str, typer.Argument(help="French article (.txt, .md, .html) or - for stdin.")],
    engine: EngineOption = Engine.auto,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.text,
) -> None:
    """Print the article with its English, block by block."""
    from reader import article as article_model
    from reader import output
    from reader.cache import Cache
    from reader.engines.select import select
    from reader.translation import translate_blocks

    article = article_model.load(path)
    selection = select(engine.value, article)
    cache = Cache()
    if cache.notice:
        err.print(f"reader: notice: {cache.notice}")
    if engine is Engine.auto:
        err.print(f"reader: {selection.reason}")
    try:
        english = translate_blocks(selection.engine, article.blocks, cache)
    finally:
        selection.engine.close()
        cache.close()
    if fmt is Format.json:
        sys.stdout.write(output.to_json(article, english) + "\n")
    elif fmt is Format.markdown:
        sys.stdout.write(output.to_markdown(article, english))
    else:
        output.print_text(Console(highlight=False), article, english)


class GlossaryFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    anki = "anki"


@app.command()
def glossary(
    path: Annotated[str, typer.Argument(help="French article (.txt, .md, .html) or - for stdin.")],
    fmt: Annotated[
        GlossaryFormat, typer.Option("--format", "-f", help="Output format.")
    ] = GlossaryFormat.table,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write to FILE instead of stdout (anki: the .apkg)."),
    ] = None,
    engine: EngineOption = Engine.auto,
    extract: Annotated[
        bool, typer.Option("--extract/--no-extract", help="Add entities and terms found by spaCy.")
    ] = True,
) -> None:
    """List the article's names and terms with English, definitions and occurrences."""
    from glossary import build as glossary_build
    from glossary import export
    from glossary.extract import extract as run_extraction
    from reader import article as article_model
    from reader.cache import Cache
    from reader.engines.select import select
    from reader.store import atomic_write
    from reader.translation import translate_blocks

    article = article_model.load(path)
    selection = select(engine.value, article)
    if engine is Engine.auto:
        err.print(f"reader: {selection.reason}")
    cache = Cache()
    try:
        candidates = run_extraction(article.blocks) if extract else []
        english = translate_blocks(selection.engine, article.blocks, cache)
        result = glossary_build.build(
            article,
            candidates,
            selection.engine,
            cache,
            {t.index: t.text for t in english if t.text},
        )
    finally:
        selection.engine.close()
        cache.close()
    if fmt is GlossaryFormat.anki:
        target = output or Path(f"{Path(article.source).name.split('.')[0] or 'glossary'}.apkg")
        count = export.write_anki(result, article, {t.index: t.sentences for t in english}, target)
        err.print(f"reader: wrote {count} cards to {target}")
        return
    if fmt is GlossaryFormat.table and not output:
        Console(highlight=False).print(export.to_table(result))
        return
    if fmt is GlossaryFormat.table:
        console = Console(highlight=False, record=True, file=io.StringIO(), width=120)
        console.print(export.to_table(result))
        text = console.export_text()
    else:
        text = (
            export.to_json(result) + "\n" if fmt is GlossaryFormat.json else export.to_csv(result)
        )
    if output:
        atomic_write(output, text.encode("utf-8"))
    else:
        sys.stdout.write(text)


@models_app.command("list")
def models_list() -> None:
    """List installed Argos packages."""
    from rich.table import Table

    from reader import packages as models

    packages = models.installed()
    console = Console(highlight=False)
    if not packages:
        console.print(
            f"No Argos packages installed in {models.packages_dir()}. Install one: reader models install"
        )
        return
    table = Table("name", "pair", "version", "folder")
    for p in packages:
        table.add_row(p.name, f"{p.from_code}→{p.to_code}", p.version, str(p.path))
    console.print(table)


@models_app.command("install")
def models_install(
    file: Annotated[
        Path | None,
        typer.Option("--file", help="Install a local .argosmodel instead of downloading."),
    ] = None,
) -> None:
    """Install the French→English package from the Argos index, or a local file."""
    from reader import packages as models

    if file is not None:
        info = models.install_file(file)
    else:
        from rich.progress import BarColumn, DownloadColumn, Progress, TransferSpeedColumn

        with Progress(
            "[progress.description]{task.description}",
            BarColumn(),
            DownloadColumn(),
            TransferSpeedColumn(),
            console=err,
            transient=True,
        ) as bar:
            task = bar.add_task("Downloading fr→en", total=None)
            info = models.install_from_index(
                progress=lambda done, total: bar.update(task, completed=done, total=total)
            )
    Console(highlight=False).print(
        f"Installed {info.name} ({info.from_code}→{info.to_code} {info.version}) in {info.path}"
    )


@models_app.command("remove")
def models_remove(
    name: Annotated[str, typer.Argument(help="Package folder name, or a pair such as fr-en.")],
) -> None:
    """Remove an installed package."""
    from reader import packages as models

    info = models.remove(name)
    Console(highlight=False).print(f"Removed {info.name}")


_TOP_LEVEL = {
    "open",
    "translate",
    "glossary",
    "models",
    "--help",
    "-h",
    "--install-completion",
    "--show-completion",
}


def main(argv: list[str] | None = None) -> None:
    """Entry point: ``reader [PATH]`` means ``reader open [PATH]``; errors become one line."""
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] not in _TOP_LEVEL:
        args = ["open", *args]
    try:
        # Typer's standalone mode prints usage errors itself and exits 2.
        app(args=args, prog_name="reader")
    except ReaderError as exc:
        err.print(f"reader: error: {exc}")
        raise SystemExit(1) from None
    except KeyboardInterrupt:
        err.print("reader: interrupted")
        raise SystemExit(130) from None
    except Exception as exc:  # the last line of defence: no traceback reaches a user
        if os.environ.get("READER_DEBUG"):
            raise
        err.print(
            f"reader: unexpected error: {type(exc).__name__}: {exc} (set READER_DEBUG=1 for details)"
        )
        raise SystemExit(1) from None


if __name__ == "__main__":
    main()
