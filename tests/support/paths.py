"""Where the test data is: the project root, the bundled article and the fixtures."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "trump-poutine.fr.txt"
SEED_EN = ROOT / "seeds" / "trump-poutine.en.txt"
FIXTURES = ROOT / "tests" / "fixtures"
