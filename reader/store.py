"""The user's data folder, and writing its files atomically (the files are named in
``reader.data.locations``; reading positions are in the library database).

``READER_DATA_DIR`` (read by ``reader.settings``) overrides the platform folder (tests use it).
"""

from __future__ import annotations

import errno
import os
import secrets
import stat
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from reader.errors import ReaderError

APP_NAME = "bilingual-reader"


def data_dir() -> Path:
    from reader.settings import current

    path = current().data_dir
    if path is None:
        from platformdirs import user_data_dir

        path = Path(user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def atomic_write(path: Path, data: bytes) -> None:
    """Writes user data so that ``path`` holds either the old or the new content, never half.

    The folder is created if needed. A new file is private (0600); a file it replaces
    keeps its permissions."""
    path.parent.mkdir(parents=True, exist_ok=True)
    _replace(path, data, 0o600)


class OutputError(ReaderError):
    """A file the user asked for (``-o FILE``) cannot be written."""


def write_output(path: Path, data: bytes) -> None:
    """Writes an export the user asked for (``-o FILE``) atomically, with the usual
    permissions (0666 less the umask, as any program's output), never creating folders.

    Any failure is one OutputError naming ``path``, never the temporary file beside it."""
    try:
        _replace(path, data, 0o666)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from exc


def _replace(path: Path, data: bytes, mode: int) -> None:
    """Writes ``data`` to a temporary file beside ``path`` (created with ``mode``, less the
    umask, or with the permissions of the file it replaces), then renames it over ``path``."""
    try:
        keep: int | None = stat.S_IMODE(path.stat().st_mode)
    except OSError:
        keep = None
    fd, tmp = _temporary(path, mode)
    try:
        if keep is not None:
            os.chmod(tmp, keep)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _temporary(path: Path, mode: int) -> tuple[int, Path]:
    """A new file ``.NAME.XXXXXXXX.tmp`` beside ``path``, open for writing. (``tempfile``
    always makes 0600 files; an export must get the umask's mode.)"""
    for _ in range(100):
        tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode), tmp
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary file name", str(path.parent))


@contextmanager
def file_lock(path: Path) -> Iterator[None]:
    """Holds an exclusive lock on ``path``'s lock file (``NAME.lock`` beside it, kept) while
    the block runs: other processes (and threads) that take the same lock wait. Not
    reentrant: a thread that holds it must not take it again.

    For read-modify-write of a file several commands may edit at once (``reader terms
    add`` run in parallel). Raises OSError when the lock file cannot be created. Where
    there is no ``fcntl`` (Windows) it locks nothing: callers keep their thread lock."""
    lock = path.with_name(f"{path.name}.lock")
    with open(lock, "a+b") as handle:
        fcntl = _fcntl()
        if fcntl is not None:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            if fcntl is not None:
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _fcntl() -> ModuleType | None:
    try:
        import fcntl
    except ImportError:  # Windows
        return None
    return fcntl


def set_aside(path: Path) -> Path:
    """Moves a damaged file out of the way (kept for inspection) and returns its new name."""
    target = path.with_name(f"{path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}")
    os.replace(path, target)
    return target


def set_aside_or_fail(path: Path, damage: Exception, error: type[Exception]) -> Path:
    """``set_aside`` for a file found damaged (``damage``); where the folder refuses the
    move (read-only), raises ``error`` naming the file, which is then left as it is."""
    try:
        return set_aside(path)
    except OSError as exc:
        raise error(f"{path} is unreadable ({damage})") from exc


@dataclass(frozen=True)
class Position:
    """Where a reader was in an article, and which mode they used (kept by
    ``reader.library.shelf.Library.save_position``, by article key)."""

    block: int = 0
    mode: str = "both"


def swap_folder(new: Path, final: Path, aside: Path) -> None:
    """Makes folder ``new`` be ``final`` (a rename, so on the same file system): an existing
    ``final`` is moved to ``aside`` first, and deleted only once the new one is in place
    (put back if the rename fails)."""
    import shutil

    final.parent.mkdir(parents=True, exist_ok=True)
    old = None
    if final.exists():
        shutil.rmtree(aside, ignore_errors=True)
        final.rename(aside)
        old = aside
    try:
        new.rename(final)
    except OSError:
        if old is not None:
            old.rename(final)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
