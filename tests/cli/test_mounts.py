"""The reader on file systems that refuse writes: full (QA 2026-12-01 Q4) and read-only (Q12).

Each file system is a small tmpfs mounted in a private mount namespace (``unshare``), as
the newcomer trial did, so nothing outlives the command; where mounting is not
permitted (not root, no unshare) the tests are skipped with that reason.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.cli import one_line_error, run_reader
from tests.support.paths import ROOT, SEED

pytestmark = pytest.mark.slow


def run_on_tmpfs(
    folder: Path, options: str, *args: str, data: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """``reader ARGS`` with a fresh tmpfs mounted at ``folder`` (mount ``options``);
    READER_DATA_DIR is ``data``, by default a folder inside the tmpfs."""
    if os.geteuid() != 0 or not shutil.which("unshare"):
        pytest.skip("mounting a tmpfs needs root and unshare")
    folder.mkdir()
    script = f'mount -t tmpfs -o {options} tmpfs "$0" || exit 97; exec "$@"'
    done = subprocess.run(
        ["unshare", "--mount", "sh", "-c", script, str(folder)]
        + [sys.executable, "-m", "reader.cli", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1", "READER_DATA_DIR": str(data or folder / "data")},
        cwd=ROOT,
        timeout=300,
        stdin=subprocess.DEVNULL,
    )
    if done.returncode == 97 or "unshare failed" in done.stderr:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    return done


def test_translate_on_a_full_disk_gives_english_and_says_once_nothing_is_saved(
    installed_standin: Path, tmp_path: Path
) -> None:
    done = run_on_tmpfs(tmp_path / "full", "size=64k", "translate", str(SEED), "-e", "argos")
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr and "unexpected" not in done.stderr
    blocks = done.stdout.strip().split("\n\n")
    assert len(blocks) > 20  # every block with its English, then the engine line
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, done.stderr
    assert "cache" in lines[0] and "full" in lines[0] and "not saved" in lines[0]


EXPORTS = [
    ("glossary", str(SEED), "--no-extract", "-e", "none", "-f", "json"),
    ("glossary", str(SEED), "--no-extract", "-e", "none", "-f", "csv"),
    ("glossary", str(SEED), "--no-extract", "-e", "none", "-f", "table"),
    ("glossary", str(SEED), "--no-extract", "-e", "reference", "-f", "anki"),
]


@pytest.mark.parametrize("export", EXPORTS, ids=lambda args: args[-1])
def test_export_to_a_read_only_folder_is_one_line_naming_the_file(tmp_path: Path, export) -> None:
    folder = tmp_path / "ro"
    target = folder / "out.file"
    done = run_on_tmpfs(folder, "ro,size=64k", *export, "-o", str(target), data=tmp_path / "d")
    line = one_line_error(done)
    assert line == f"reader: error: {target}: cannot write (Read-only file system)", line


@pytest.mark.parametrize("export", EXPORTS, ids=lambda args: args[-1])
def test_export_over_a_file_nobody_can_replace_is_one_line_naming_it(export) -> None:
    line = one_line_error(run_reader(*export, "-o", "/proc/version"))
    assert line.startswith("reader: error: /proc/version: cannot write ("), line
    assert ".tmp" not in line


def test_exports_get_the_usual_mode_not_0600(tmp_path: Path) -> None:
    target = tmp_path / "g.json"
    done = run_reader(*EXPORTS[0], "-o", str(target))
    assert done.returncode == 0, done.stderr
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask
