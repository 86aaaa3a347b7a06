"""A private set of data folders for tests and benchmarks, never the user's.

Must run before anything imports argostranslate, whose settings module reads
ARGOS_PACKAGES_DIR (and creates its folders) once, at import time.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def isolate(prefix: str) -> Path:
    """Points HOME, the XDG folders, Argos and the reader at a new temporary folder."""
    home = Path(tempfile.mkdtemp(prefix=prefix))
    os.environ.update(
        {
            "HOME": str(home / "home"),
            "XDG_DATA_HOME": str(home / "xdg-data"),
            "XDG_CONFIG_HOME": str(home / "xdg-config"),
            "XDG_CACHE_HOME": str(home / "xdg-cache"),
            "ARGOS_PACKAGES_DIR": str(home / "argos-packages"),
            "READER_DATA_DIR": str(home / "reader-data"),
            # Never reach the real package index by mistake (port 9: discard).
            "ARGOS_PACKAGE_INDEX": "http://127.0.0.1:9/",
        }
    )
    return home
