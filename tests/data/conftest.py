"""A copy of the data folder release 0.1.0 wrote (``tests/fixtures/data-0.1.0``)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.support.paths import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "data-0.1.0"


@pytest.fixture
def old_data(data_dir: Path) -> Path:
    """The 0.1.0 data folder, copied into this test's READER_DATA_DIR (never opened in place)."""
    shutil.copytree(FIXTURE / "data", data_dir)
    return data_dir


@pytest.fixture
def expected() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURE / "expected.json").read_text(encoding="utf-8"))
    return data
