"""Argos package management: list, install (online index or a local file) and remove.

Every archive is checked before it is extracted (by this module, atomically): a zip with one top
folder holding ``metadata.json``; no absolute paths, no ``..``, no links, nothing
that would land outside the packages folder, and a size limit. Nothing is
downloaded unless the user runs ``reader models install`` without ``--file``.
"""

from __future__ import annotations

import json
import shutil
import stat
import tempfile
import urllib.error
import urllib.request
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from reader.archives import check_names, check_unpacked
from reader.errors import ModelPackageError
from reader.fetch import Progress
from reader.store import swap_folder

MAX_UNPACKED = 4 * 1024**3
"""Real Argos packages unpack to a few hundred MB; anything near this is refused."""
MAX_RATIO = 200
"""A member compressing better than this is a zip bomb, not a model."""
MAX_MEMBERS = 10_000
_TIMEOUT = 60


@dataclass(frozen=True)
class PackageInfo:
    name: str
    from_code: str
    to_code: str
    version: str
    path: Path


def packages_dir() -> Path:
    """The folder argostranslate reads packages from (``ARGOS_PACKAGES_DIR`` respected)."""
    from argostranslate import settings

    return Path(settings.package_data_dir)


def _staging_dir() -> Path:
    """Beside the packages folder (same file system, so renames are atomic), never inside
    it: argostranslate lists every folder in it as a package."""
    target = packages_dir()
    staging = target.with_name(target.name + ".staging")
    staging.mkdir(parents=True, exist_ok=True)
    return staging


def _package_dirs() -> list[Path]:
    from argostranslate import settings

    return [Path(d) for d in settings.package_dirs]


def load_packages() -> list[Any]:
    """argostranslate ``Package`` objects for every readable package folder.

    Read folder by folder (not with ``get_installed_packages``) so that one stray or
    damaged folder hides only itself, never every package.
    """
    from argostranslate import package

    found = []
    for directory in _package_dirs():
        try:
            children = sorted(
                p for p in directory.iterdir() if p.is_dir() and not p.name.startswith(".")
            )
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise ModelPackageError(
                f"cannot read installed packages in {directory}: {exc}"
            ) from exc
        for child in children:
            if not (child / "metadata.json").is_file():
                continue
            try:
                found.append(package.Package(child))
            except (OSError, ValueError, KeyError, TypeError):
                continue
    return found


def installed() -> list[PackageInfo]:
    return [
        PackageInfo(
            p.package_path.name,
            p.from_code or "",
            p.to_code or "",
            str(p.package_version),
            p.package_path,
        )
        for p in load_packages()
    ]


def validate_archive(path: Path, target: Path) -> dict[str, Any]:
    """Checks an ``.argosmodel`` before extraction; returns its metadata or raises."""
    if not path.is_file():
        raise ModelPackageError(f"{path}: no such file")
    if not zipfile.is_zipfile(path):
        raise ModelPackageError(f"{path}: not an Argos package (not a zip archive)")
    try:
        with zipfile.ZipFile(path) as zf:
            members = zf.infolist()
            _check_members(path, members, target.resolve())
            tops = {PurePosixPath(m.filename).parts[0] for m in members}
            if len(tops) != 1:
                raise ModelPackageError(
                    f"{path}: must hold exactly one top folder, found {len(tops)}"
                )
            top = tops.pop()
            try:
                metadata = json.loads(zf.read(f"{top}/metadata.json"))
            except KeyError:
                raise ModelPackageError(f"{path}: no {top}/metadata.json") from None
            except ValueError as exc:
                raise ModelPackageError(
                    f"{path}: {top}/metadata.json is not valid JSON ({exc})"
                ) from None
            if (
                not isinstance(metadata, dict)
                or not metadata.get("from_code")
                or not metadata.get("to_code")
            ):
                raise ModelPackageError(f"{path}: metadata.json lacks from_code/to_code")
            if not any(m.filename.startswith(f"{top}/model/") for m in members):
                raise ModelPackageError(f"{path}: no {top}/model/ folder (CTranslate2 model)")
            return {**metadata, "_top": top}
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise ModelPackageError(f"{path}: damaged archive ({exc})") from exc


def _check_members(path: Path, members: list[zipfile.ZipInfo], target: Path) -> None:
    names = [m.filename for m in members]
    paths = check_names(
        path, names, folder="packages folder", most=MAX_MEMBERS, error=ModelPackageError
    )
    for m, pure in zip(members, paths, strict=True):
        name = m.filename
        if not (target / pure).resolve().is_relative_to(target):
            raise ModelPackageError(f"{path}: refused, path escapes the packages folder: {name}")
        if stat.S_ISLNK(m.external_attr >> 16):
            raise ModelPackageError(f"{path}: refused, symbolic link in archive: {name}")
        if m.compress_size and m.file_size > 1024**2 and m.file_size / m.compress_size > MAX_RATIO:
            raise ModelPackageError(f"{path}: refused, {name} expands suspiciously (zip bomb?)")
    check_unpacked(path, sum(m.file_size for m in members), MAX_UNPACKED, ModelPackageError)


def install_file(path: Path) -> PackageInfo:
    """Validates a local ``.argosmodel`` and installs it atomically.

    The archive's members are checked, extracted into a staging folder beside the
    packages folder, and the unpacked package is checked (language pair, tokenizer,
    a CTranslate2 model that loads). Only then is it renamed into place; a package
    already installed under that name is replaced after the new one is complete.
    argostranslate's own installer is not used: it imports its translate module,
    which needs stanza and torch.
    """
    target = packages_dir()
    metadata = validate_archive(path, target)
    top = metadata["_top"]
    pair = (metadata.get("from_code"), metadata.get("to_code"))
    if pair != ("fr", "en"):
        raise ModelPackageError(
            f"{path}: a {pair[0]}→{pair[1]} package; this reader needs a French→English (fr→en) one"
        )
    staging = Path(tempfile.mkdtemp(prefix=f"{top}.", dir=_staging_dir()))
    try:
        with zipfile.ZipFile(path) as zf:
            for member in zf.infolist():
                zf.extract(member, staging)
        unpacked = staging / top
        _check_unpacked(path, unpacked)
        swap_folder(unpacked, target / top, aside=unpacked.parent / (top + ".old"))
    except zipfile.BadZipFile as exc:
        raise ModelPackageError(f"{path}: damaged archive ({exc})") from exc
    except OSError as exc:
        raise ModelPackageError(f"{path}: install failed: {exc}") from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return PackageInfo(
        top,
        metadata["from_code"],
        metadata["to_code"],
        str(metadata.get("package_version", "")),
        target / top,
    )


def _check_unpacked(path: Path, folder: Path) -> None:
    """Refuses a package the engine could not run: no tokenizer, or a model that won't load."""
    if not any((folder / name).is_file() for name in ("sentencepiece.model", "bpe.model")):
        raise ModelPackageError(f"{path}: no tokenizer (sentencepiece.model or bpe.model)")
    import ctranslate2

    try:
        ctranslate2.Translator(str(folder / "model"), device="cpu", intra_threads=1)
    except (RuntimeError, ValueError, OSError) as exc:
        raise ModelPackageError(f"{path}: the CTranslate2 model does not load ({exc})") from exc
    if (folder / "sentencepiece.model").is_file():
        import sentencepiece

        try:
            sentencepiece.SentencePieceProcessor(model_file=str(folder / "sentencepiece.model"))
        except (RuntimeError, OSError) as exc:
            raise ModelPackageError(
                f"{path}: the SentencePiece model does not load ({exc})"
            ) from exc


def fetch_index() -> list[dict[str, Any]]:
    """Downloads the Argos package index (as argostranslate would) and saves it locally."""
    from argostranslate import settings

    from reader.store import atomic_write

    url = settings.remote_package_index
    try:
        with urllib.request.urlopen(url, timeout=_TIMEOUT) as response:
            data = response.read()
        index = json.loads(data)
    except (urllib.error.URLError, OSError, ValueError) as exc:
        raise ModelPackageError(
            f"cannot reach the Argos package index ({url}): {getattr(exc, 'reason', exc)}; "
            "install a downloaded package with: reader models install --file PATH"
        ) from exc
    if not isinstance(index, list):
        raise ModelPackageError(f"the Argos package index at {url} is not a list of packages")
    atomic_write(Path(settings.local_package_index), data)
    return index


def download(url: str, dest: Path, progress: Progress | None = None) -> Path:
    """Streams a package to ``dest`` (see ``reader.fetch``)."""
    from reader.fetch import download as fetch

    return fetch(url, dest, limit=MAX_UNPACKED, error=ModelPackageError, progress=progress)


def install_from_index(
    from_code: str = "fr", to_code: str = "en", progress: Progress | None = None
) -> PackageInfo:
    """Finds the package for a language pair in the online index, downloads, checks and installs it."""
    from argostranslate import settings

    entries = [
        e
        for e in fetch_index()
        if isinstance(e, dict) and e.get("from_code") == from_code and e.get("to_code") == to_code
    ]
    if not entries:
        raise ModelPackageError(f"the Argos package index has no {from_code}→{to_code} package")
    entry = max(entries, key=lambda e: str(e.get("package_version", "")))
    links = [link for link in entry.get("links", []) if isinstance(link, str)]
    if not links:
        raise ModelPackageError(f"the index lists no download link for {from_code}→{to_code}")
    dest = Path(settings.downloads_dir) / f"translate-{from_code}_{to_code}.argosmodel"
    download(links[0], dest, progress)
    try:
        return install_file(dest)
    finally:
        dest.unlink(missing_ok=True)


def remove(name: str) -> PackageInfo:
    """Removes an installed package, named by folder or by pair (``fr-en``).

    The folder is first renamed into the staging area (atomic), then deleted, so a
    crash never leaves a half-deleted package that looks installed.
    """
    matches = [
        p
        for p in installed()
        if name in (p.name, f"{p.from_code}-{p.to_code}", f"{p.from_code}_{p.to_code}")
    ]
    if not matches:
        raise ModelPackageError(f"no installed package named {name!r} (see: reader models list)")
    if len(matches) > 1:
        raise ModelPackageError(
            f"{name!r} matches several packages; name one: {', '.join(m.name for m in matches)}"
        )
    info = matches[0]
    try:
        doomed = Path(tempfile.mkdtemp(prefix=f"{info.name}.removing.", dir=_staging_dir()))
        info.path.rename(doomed / info.name)
    except OSError as exc:
        raise ModelPackageError(f"cannot remove {info.path}: {exc}") from exc
    shutil.rmtree(doomed, ignore_errors=True)
    return info
