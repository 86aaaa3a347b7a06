"""Test set-up: every test runs against private data folders, never the user's.

The environment is set before anything imports argostranslate, whose settings
module reads ARGOS_PACKAGES_DIR once at import time.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "trump-poutine.fr.txt"
SEED_EN = ROOT / "seeds" / "trump-poutine.en.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

sys.path.insert(0, str(ROOT))
from tests.support.environment import isolate  # noqa: E402

_SESSION_HOME = isolate("reader-tests-")


def pytest_sessionfinish(session, exitstatus):  # noqa: ARG001
    shutil.rmtree(_SESSION_HOME, ignore_errors=True)


READER = [sys.executable, "-m", "reader.cli"]


def run_reader(
    *args: str, env: dict[str, str] | None = None, stdin: bytes | None = None, cwd: Path = ROOT
) -> subprocess.CompletedProcess[str]:
    """Runs the real ``reader`` command (as ``python -m reader.cli``) with no terminal."""
    full_env = {**os.environ, "COLUMNS": "120", "NO_COLOR": "1", **(env or {})}
    return (
        subprocess.run(
            [*READER, *args], input=stdin, capture_output=True, env=full_env, cwd=cwd, timeout=300
        )
        if stdin is not None
        else subprocess.run(
            [*READER, *args],
            capture_output=True,
            text=True,
            env=full_env,
            cwd=cwd,
            timeout=300,
            stdin=subprocess.DEVNULL,
        )
    )


@pytest.fixture
def data_dir(tmp_path, monkeypatch) -> Path:
    """A private READER_DATA_DIR for one test."""
    folder = tmp_path / "data"
    monkeypatch.setenv("READER_DATA_DIR", str(folder))
    return folder


@pytest.fixture(scope="session")
def standin_archive(tmp_path_factory) -> Path:
    """The stand-in Argos package (.argosmodel), built once per session from the seed."""
    from tests.support.standin import build_standin_package

    return build_standin_package(SEED, tmp_path_factory.mktemp("standin"))


@pytest.fixture(scope="session")
def installed_standin(standin_archive) -> Path:
    """The stand-in installed with the real command: ``reader models install --file``."""
    done = run_reader("models", "install", "--file", str(standin_archive))
    assert done.returncode == 0, done.stderr
    return Path(os.environ["ARGOS_PACKAGES_DIR"]) / standin_archive.stem
