"""Running the real ``reader`` command as a user would: a subprocess with no terminal."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.paths import ROOT

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


def one_line_error(done: subprocess.CompletedProcess[str]) -> str:
    """The one line a failed command printed on stderr (exit 1, ``reader: error: …``)."""
    assert done.returncode == 1, (done.returncode, done.stdout, done.stderr)
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("reader: error:"), done.stderr
    assert "Traceback" not in done.stderr
    return lines[0]


def run_in_process(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """The real command line, in this process (spaCy is loaded once): exit code, stdout,
    stderr."""
    from reader.cli import main

    try:
        main(list(args))
        code = 0
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err
