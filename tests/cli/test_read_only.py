"""A read-only data folder is said as such (trial row T32): SQLite only says "unable to
open database file". (The suite may run as root, for whom no folder is read-only: the
folder's writability is what is stubbed, and the database made unopenable.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from reader import cli


def test_an_unopenable_database_in_a_read_only_folder_says_read_only(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (data_dir / "library.sqlite3").mkdir(parents=True)  # SQLite cannot open it
    monkeypatch.setattr(cli.os, "access", lambda path, mode: False)
    with pytest.raises(SystemExit) as exit_:
        cli.main(["library"])
    assert exit_.value.code == 1
    said = capsys.readouterr().err
    assert "unable to open database file" in said
    assert f"the data folder {data_dir} is read-only" in said and said.count("\n") == 1


def test_no_hint_for_other_errors_or_a_writable_folder(data_dir: Path) -> None:
    assert cli._read_only_hint("no text 3 in the library") == ""
    assert cli._read_only_hint("(unable to open database file)") == ""  # writable here
