"""``reader find`` shows your English beside the French it found, ahead of any cached one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main
from reader.corrections.store import Corrections


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    try:
        main(list(args))
        code = 0
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    return code, capsys.readouterr().out


@pytest.mark.slow  # adding a text to the library reads it with spaCy (seconds)
def test_find_gives_your_english(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = tmp_path / "voyage.txt"
    text.write_text("Le voyage\n\nIl allait à Lyon. Le train partait tôt.\n", encoding="utf-8")
    assert run(capsys, "add", str(text))[0] == 0
    Corrections().add("le train partait\u00a0tôt.", "The train left at dawn.")
    code, out = run(capsys, "find", "train", "--format", "json")
    assert code == 0
    assert [(h["fr"], h["en"]) for h in json.loads(out)["hits"]] == [
        ("Le train partait tôt.", "The train left at dawn.")
    ]
