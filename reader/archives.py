"""The checks every archive a user installs goes through (Argos packages, dictionaries):
no empty or overfull archive, no absolute or escaping member name, a cap on what it unpacks
to. Each installer adds the checks of its own format (links, zip bombs, file types)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path, PurePosixPath

from reader.errors import ReaderError


def check_names(
    archive: Path, names: Sequence[str], *, folder: str, most: int, error: type[ReaderError]
) -> list[PurePosixPath]:
    """The members' names as relative POSIX paths; raises ``error`` for an empty archive,
    more than ``most`` members, an absolute path, or a ``..`` escaping the ``folder``."""
    if not names:
        raise error(f"{archive}: empty archive")
    if len(names) > most:
        raise error(f"{archive}: too many files ({len(names)})")
    paths = []
    for name in names:
        pure = PurePosixPath(name.replace("\\", "/"))
        if name.startswith(("/", "\\")) or pure.is_absolute() or (len(name) > 1 and name[1] == ":"):
            raise error(f"{archive}: refused, absolute path in archive: {name}")
        if ".." in pure.parts:
            raise error(f"{archive}: refused, path escapes the {folder}: {name}")
        paths.append(pure)
    return paths


def check_unpacked(archive: Path, total: int, limit: int, error: type[ReaderError]) -> None:
    """Refuses an archive whose members add up to more than ``limit`` bytes."""
    if total > limit:
        raise error(
            f"{archive}: refused, unpacks to {total // 1024**2} MiB (limit {limit // 1024**2} MiB)"
        )
