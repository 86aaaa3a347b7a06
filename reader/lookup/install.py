"""Installing FreeDict French→English for word lookup, and what ``reader dictionaries list``
and ``reader doctor`` say about the dictionaries.

Where FreeDict is looked for, and opening it, is ``reader.lookup.freedict`` (word lookup
needs it, and sits below this module).

``install`` fetches FreeDict's release archive (``.dictd.tar.xz``) for users without
the system package; nothing is downloaded otherwise. The archive is checked as model
archives are (no absolute paths, no ``..``, no links or devices, member and size
limits), only the dictionary's own files are copied out, the result is read back as
a dictionary, and only then is its folder renamed into place.
"""

from __future__ import annotations

import shutil
import tarfile
import tempfile
import urllib.parse
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from reader.archives import check_names, check_unpacked
from reader.errors import ReaderError
from reader.fetch import Progress
from reader.lookup.dictd import DictdError
from reader.lookup.freedict import (
    INSTALL_HINT,
    NAME,
    TITLE,
    DictionaryFiles,
    find_freedict,
    install_dir,
)

VERSION = "0.4.1"
URL = f"https://download.freedict.org/dictionaries/{NAME}/{VERSION}/freedict-{NAME}-{VERSION}.dictd.tar.xz"
"""FreeDict's release; ``READER_FREEDICT_URL`` overrides it (tests point it at 127.0.0.1)."""
MAX_DOWNLOAD = 64 * 1024**2
MAX_UNPACKED = 256 * 1024**2
MAX_MEMBERS = 500
_KEEP = ("COPYING", "README", "LICENSE")
"""Besides the dictionary itself, its licence and readme are kept."""


class DictionaryError(ReaderError):
    """A dictionary cannot be found, downloaded, checked or installed."""


# ------------------------------------------------------------------ install


def _check_members(archive: Path, members: list[tarfile.TarInfo]) -> None:
    names = [m.name for m in members]
    check_names(archive, names, folder="dictionary folder", most=MAX_MEMBERS, error=DictionaryError)
    for m in members:
        if not (m.isfile() or m.isdir()):
            raise DictionaryError(f"{archive}: refused, link or special file in archive: {m.name}")
    check_unpacked(archive, sum(max(m.size, 0) for m in members), MAX_UNPACKED, DictionaryError)


def _pick(archive: Path, members: list[tarfile.TarInfo]) -> tuple[tarfile.TarInfo, tarfile.TarInfo]:
    files = [m for m in members if m.isfile()]
    indexes = [m for m in files if m.name.endswith(".index")]
    if len(indexes) != 1:
        raise DictionaryError(f"{archive}: expected one .index file, found {len(indexes)}")
    stem = indexes[0].name[: -len(".index")]
    data = [m for m in files if m.name in (f"{stem}.dict.dz", f"{stem}.dict")]
    if not data:
        raise DictionaryError(f"{archive}: no {PurePosixPath(stem).name}.dict.dz beside its index")
    return indexes[0], data[0]


def _copy(tar: tarfile.TarFile, member: tarfile.TarInfo, target: Path) -> None:
    source = tar.extractfile(member)
    if source is None:
        raise DictionaryError(f"cannot read {member.name} from the archive")
    copied = 0
    with source, open(target, "wb") as out:
        while chunk := source.read(1 << 16):
            copied += len(chunk)
            if copied > MAX_UNPACKED:  # the header's size is not trusted alone
                raise DictionaryError(f"{member.name}: larger than {MAX_UNPACKED // 1024**2} MiB")
            out.write(chunk)


def install_file(archive: Path) -> DictionaryFiles:
    """Checks a FreeDict ``.dictd.tar.xz`` (or .tar.gz) and installs it atomically."""
    if not archive.is_file():
        raise DictionaryError(f"{archive}: no such file")
    final = install_dir()
    final.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{NAME}.", dir=final.parent))
    try:
        with tarfile.open(archive, "r:*") as tar:
            members = tar.getmembers()
            _check_members(archive, members)
            index, data = _pick(archive, members)
            suffix = ".dict.dz" if data.name.endswith(".dz") else ".dict"
            _copy(tar, index, staging / f"{NAME}.index")
            _copy(tar, data, staging / f"{NAME}{suffix}")
            for m in members:
                if m.isfile() and PurePosixPath(m.name).name in _KEEP:
                    _copy(tar, m, staging / PurePosixPath(m.name).name)
        files = DictionaryFiles(staging / f"{NAME}.index", staging / f"{NAME}{suffix}")
        _check_readable(archive, files)
        from reader.store import swap_folder

        swap_folder(staging, final, aside=final.with_name(f".{final.name}.old"))
    except (tarfile.TarError, EOFError, ValueError) as exc:
        raise DictionaryError(f"{archive}: not a readable dictionary archive ({exc})") from exc
    except OSError as exc:
        raise DictionaryError(f"{archive}: install failed: {exc.strerror or exc}") from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return DictionaryFiles(final / files.index.name, final / files.data.name)


def _check_readable(archive: Path, files: DictionaryFiles) -> None:
    """Reads the dictionary back: a sample of headwords must lead to their own entries."""
    from reader.lookup.dictd import index_key

    try:
        dictionary = files.open().load()
        sample = list(dictionary.headwords())[::97][:50]
        if not sample:
            raise DictdError("no entries")
        # FreeDict has the odd misspelt headword (sinsurger → « sˈinsurger »): a tenth may miss
        astray = [
            key
            for key in sample
            if not any(index_key(d.headword) == key for d in dictionary.lookup(key))
        ]
        if len(astray) > len(sample) // 10:
            raise DictdError(f"the entry for {astray[0]!r} is not where the index says")
    except DictdError as exc:
        raise DictionaryError(f"{archive}: the dictionary inside does not read ({exc})") from exc


def download(url: str, dest: Path, progress: Progress | None = None) -> Path:
    """Streams a FreeDict archive to ``dest`` (see ``reader.fetch``)."""
    from reader.fetch import download as fetch

    return fetch(
        url,
        dest,
        limit=MAX_DOWNLOAD,
        error=DictionaryError,
        progress=progress,
        hint="; with an archive already downloaded: reader dictionaries install --file PATH",
    )


def install_from_url(url: str | None = None, progress: Progress | None = None) -> DictionaryFiles:
    """Downloads FreeDict's release (or ``url``), then installs it as ``install_file`` does."""
    from reader.settings import current

    url = url or current().freedict_url or URL
    final = install_dir()
    final.parent.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=f".{NAME}.download.", dir=final.parent))
    try:
        name = PurePosixPath(urllib.parse.urlsplit(url).path).name or f"{NAME}.dictd.tar.xz"
        return install_file(download(url, folder / name, progress))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


# ------------------------------------------------------------------ listing


@dataclass(frozen=True)
class Status:
    """One dictionary source as ``reader dictionaries list`` and ``reader doctor`` show it."""

    name: str
    found: bool
    detail: str
    how: str = ""


def freedict_status() -> Status:
    files = find_freedict()
    if files is None:
        return Status(TITLE, False, "not found", INSTALL_HINT)
    try:
        dictionary = files.open().load()
    except DictdError as exc:
        return Status(TITLE, False, f"damaged: {exc}", INSTALL_HINT)
    return Status(TITLE, True, f"{len(dictionary)} headwords, {files.index.parent}")


def apertium_status() -> Status:
    from reader.lookup.apertium_bidix import INSTALL_HINT as APERTIUM_HINT
    from reader.lookup.apertium_bidix import find_files

    files = find_files()
    if files is None:
        return Status("Apertium fr→es→en bilingual dictionaries", False, "not found", APERTIUM_HINT)
    return Status(
        "Apertium fr→es→en bilingual dictionaries",
        True,
        f"{files.fr_es.name} + {files.es_en.name}, {files.fr_es.parent.parent}",
    )


def statuses() -> list[Status]:
    return [freedict_status(), apertium_status()]
