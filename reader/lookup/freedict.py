"""Where FreeDict French→English is on this machine, and how to open it.

FreeDict's ``fra-eng`` in dictd format is found, first found wins, in:
``READER_FREEDICT_DIR`` when set (and then only there), the data folder's
``dictionaries/fra-eng/`` (where ``reader dictionaries install`` puts it), then the
system's dictd folders (Debian's ``dict-freedict-fra-eng`` puts
``freedict-fra-eng.index`` and ``.dict.dz`` in ``/usr/share/dictd``).

Word lookup reads it from here; installing it (``reader.lookup.install``) sits above.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reader.lookup.dictd import DictdDictionary

NAME = "fra-eng"
TITLE = "FreeDict French–English"
SYSTEM_DIRS = (Path("/usr/share/dictd"), Path("/usr/local/share/dictd"), Path("/usr/share/dict"))
INSTALL_HINT = "apt install dict-freedict-fra-eng, or: reader dictionaries install"


@dataclass(frozen=True)
class DictionaryFiles:
    """A dictd dictionary on disk."""

    index: Path
    data: Path

    def open(self) -> DictdDictionary:
        return DictdDictionary(self.index, self.data)


def install_dir() -> Path:
    """Where ``reader dictionaries install`` puts FreeDict (in the data folder)."""
    from reader.store import data_dir

    return data_dir() / "dictionaries" / NAME


def search_dirs() -> list[Path]:
    from reader.settings import current

    override = current().freedict_dir
    if override is not None:
        return [override]
    try:
        mine = [install_dir()]
    except OSError:  # an unusable data folder hides only the dictionary installed there
        mine = []
    return [*mine, *SYSTEM_DIRS]


def in_folder(folder: Path) -> DictionaryFiles | None:
    """The dictionary's files in ``folder`` (FreeDict's names or the installed ones), or None."""
    for stem in (f"freedict-{NAME}", NAME):
        index = folder / f"{stem}.index"
        if not index.is_file():
            continue
        for data in (folder / f"{stem}.dict.dz", folder / f"{stem}.dict"):
            if data.is_file():
                return DictionaryFiles(index, data)
    return None


def find_freedict() -> DictionaryFiles | None:
    """FreeDict French→English where it is installed, or None."""
    for folder in search_dirs():
        found = in_folder(folder)
        if found is not None:
            return found
    return None
