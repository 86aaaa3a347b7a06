"""Test set-up: every test runs against private data folders, never the user's.

The environment is set before anything imports argostranslate, whose settings
module reads ARGOS_PACKAGES_DIR once at import time. Helpers live in
``tests/support/`` (paths, the CLI runner, app helpers, the stand-in model); this
file holds only fixtures and the markers' skip rules (markers are declared in
pyproject.toml).
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.support.environment import isolate  # noqa: E402
from tests.support.markers import skip_reason  # noqa: E402
from tests.support.paths import SEED  # noqa: E402

_SESSION_HOME = isolate("reader-tests-")


def pytest_sessionfinish(session, exitstatus) -> None:  # noqa: ARG001
    shutil.rmtree(_SESSION_HOME, ignore_errors=True)


def pytest_runtest_setup(item: pytest.Item) -> None:
    """A test marked ``needs_X`` is skipped, with the reason, where X is not installed."""
    for marker in item.iter_markers():
        reason = skip_reason(marker.name)
        if reason is not None:
            pytest.skip(reason)


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private READER_DATA_DIR for one test."""
    folder = tmp_path / "data"
    monkeypatch.setenv("READER_DATA_DIR", str(folder))
    return folder


@pytest.fixture(scope="session")
def standin_archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The stand-in Argos package (.argosmodel), built once per session from the seed."""
    from tests.support.standin import build_standin_package

    return build_standin_package(SEED, tmp_path_factory.mktemp("standin"))


@pytest.fixture(scope="session")
def installed_standin(standin_archive: Path) -> Path:
    """The stand-in installed with the real command: ``reader models install --file``."""
    from tests.support.cli import run_reader

    done = run_reader("models", "install", "--file", str(standin_archive))
    assert done.returncode == 0, done.stderr
    return Path(os.environ["ARGOS_PACKAGES_DIR"]) / standin_archive.stem
