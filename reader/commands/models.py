"""``reader models list | install [--file PATH] | remove NAME``: Argos packages."""

from __future__ import annotations

from contextlib import nullcontext
from pathlib import Path
from typing import Annotated

import typer

from reader.commands.common import download_progress, err

app = typer.Typer(help="Manage Argos Translate model packages.", pretty_exceptions_enable=False)


@app.command("list")
def models_list() -> None:
    """List installed Argos packages."""
    from rich.console import Console
    from rich.table import Table

    from reader.engines import argos_packages as packages

    found = packages.installed()
    console = Console(highlight=False)
    if not found:
        console.print(
            f"No Argos packages installed in {packages.packages_dir()}. Install one: reader models install",
            markup=False,
        )
        return
    table = Table("name", "pair", "version", "folder")
    for p in found:
        table.add_row(p.name, f"{p.from_code}→{p.to_code}", p.version, str(p.path))
    console.print(table)


@app.command("install")
def models_install(
    file: Annotated[
        Path | None,
        typer.Option(
            "--file",
            help="Install a local .argosmodel instead of downloading.",
            metavar="PATH",
            # Checked here, as one line and exit 1 (Typer's own check is a usage error, exit 2).
            readable=False,
        ),
    ] = None,
) -> None:
    """Install the French→English package from the Argos index, or a local file."""
    from rich.console import Console

    from reader.engines import argos_packages as packages

    if file is not None:
        _check_readable(file)
        info = packages.install_file(file)
    else:
        # A progress bar only on a terminal: elsewhere Rich leaves an empty line behind.
        bar = download_progress("Downloading fr→en") if err.is_terminal else None
        with bar or nullcontext(None) as progress:
            info = packages.install_from_index(progress=progress)
    Console(highlight=False).print(
        f"Installed {info.name} ({info.from_code}→{info.to_code} {info.version}) in {info.path}",
        markup=False,
    )


@app.command("remove")
def models_remove(
    name: Annotated[
        str, typer.Argument(help="Package folder name, or a pair such as fr-en.", metavar="NAME")
    ],
) -> None:
    """Remove an installed package."""
    from rich.console import Console

    from reader.engines import argos_packages as packages

    info = packages.remove(name)
    Console(highlight=False).print(f"Removed {info.name}", markup=False)


def _check_readable(file: Path) -> None:
    """A package file that exists but cannot be read is said as such (the zip check
    alone would call it "not a zip archive")."""
    from reader.errors import ModelPackageError

    if not file.is_file():
        return  # install_file says "no such file"
    try:
        with open(file, "rb"):
            pass
    except OSError as exc:
        raise ModelPackageError(f"{file}: cannot read ({exc.strerror or exc})") from exc
