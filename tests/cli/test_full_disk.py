"""A data folder on a full file system: English still comes, with one notice (QA 2026-12-01 Q4).

The file system is a 64 KiB tmpfs mounted in a private mount namespace (``unshare``),
as the newcomer trial did; where mounting is not permitted the tests are skipped.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.paths import ROOT, SEED

pytestmark = pytest.mark.slow


def run_on_full_disk(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``reader ARGS`` with READER_DATA_DIR in a fresh 64 KiB tmpfs mounted at ``folder``."""
    if os.geteuid() != 0 or not shutil.which("unshare"):
        pytest.skip("mounting a 64 KiB tmpfs needs root and unshare")
    folder.mkdir()
    script = 'mount -t tmpfs -o size=64k tmpfs "$0" || exit 97; exec "$@"'
    done = subprocess.run(
        ["unshare", "--mount", "sh", "-c", script, str(folder)]
        + [sys.executable, "-m", "reader.cli", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1", "READER_DATA_DIR": str(folder / "data")},
        cwd=ROOT,
        timeout=300,
        stdin=subprocess.DEVNULL,
    )
    if done.returncode == 97 or "unshare failed" in done.stderr:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    return done


def test_translate_on_a_full_disk_gives_english_and_says_once_nothing_is_saved(
    installed_standin, tmp_path
):
    done = run_on_full_disk(tmp_path / "full", "translate", str(SEED), "-e", "argos")
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr and "unexpected" not in done.stderr
    blocks = done.stdout.strip().split("\n\n")
    assert len(blocks) > 20  # every block with its English, then the engine line
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, done.stderr
    assert "cache" in lines[0] and "full" in lines[0] and "not saved" in lines[0]
