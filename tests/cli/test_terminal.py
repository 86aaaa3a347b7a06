"""The real ``reader`` command in a real terminal (tmux): what a person sees and types."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.support.paths import ROOT

pytestmark = [pytest.mark.needs_tmux, pytest.mark.slow]


def capture(session: str) -> str:
    return subprocess.run(
        ["tmux", "capture-pane", "-p", "-t", session], capture_output=True, text=True
    ).stdout


def wait_for(session: str, needle: str, timeout: float = 30) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        screen = capture(session)
        if needle in screen:
            return screen
        time.sleep(0.2)
    size = subprocess.run(
        ["tmux", "display", "-p", "-t", session, "#{window_width}x#{window_height}"],
        capture_output=True,
        text=True,
    ).stdout.strip()
    raise AssertionError(
        f"{needle!r} never appeared in the {size} window; screen was:\n{capture(session)}"
    )


def test_reader_in_tmux(tmp_path: Path) -> None:
    session = f"reader-test-{os.getpid()}"
    status = tmp_path / "status"
    # -u: the shell tmux starts exports COLUMNS/LINES from before the resize, and Textual would trust them
    env = f"-u COLUMNS -u LINES READER_DATA_DIR={shlex.quote(str(tmp_path / 'data'))} TERM=xterm-256color"
    command = f"cd {shlex.quote(str(ROOT))} && env {env} {shlex.quote(sys.executable)} -m reader.cli --engine reference; echo $? > {shlex.quote(str(status))}"
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", session, "-x", "160", "-y", "48", command], check=True
    )
    # A tmux server started elsewhere may impose its own default size; insist on ours.
    subprocess.run(["tmux", "resize-window", "-t", session, "-x", "160", "-y", "48"], check=True)
    try:
        screen = wait_for(session, "What happens now that Trump has turned on Putin?")
        assert "Que se passe-t-il maintenant que Trump a rejeté Poutine ?" in screen
        subprocess.run(["tmux", "send-keys", "-t", session, "f"], check=True)
        screen = wait_for(session, "French only")
        assert (
            "Que se passe-t-il" in screen
            and "What happens" not in screen
            and "President Donald" not in screen
        )
        subprocess.run(["tmux", "send-keys", "-t", session, "e"], check=True)
        screen = wait_for(session, "English only")
        assert (
            "What happens" in screen
            and "Que se passe" not in screen
            and "Le président" not in screen
        )
        subprocess.run(["tmux", "send-keys", "-t", session, "b", "g"], check=True)
        wait_for(session, "NATO")
        wait_for(session, "Organisations")
        # Paced like a person: keys sent in one burst arrive before the focus has moved.
        for keys in (["/"], ["o", "t", "a", "n"], ["Enter"], ["Enter"]):
            subprocess.run(["tmux", "send-keys", "-t", session, *keys], check=True)
            time.sleep(0.4)
        screen = wait_for(session, "North Atlantic Treaty Organization")
        assert "OTAN → NATO" in screen
        subprocess.run(["tmux", "send-keys", "-t", session, "n"], check=True)
        wait_for(session, "occurrence 2/4")
        subprocess.run(["tmux", "send-keys", "-t", session, "g", "q"], check=True)
        deadline = time.monotonic() + 15
        while not status.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert status.read_text().strip() == "0"
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)


def test_reader_from_stdin_at_60x20_in_256_colours(tmp_path: Path) -> None:
    """`cat article | reader -`: keys come from the terminal; a tall block opens at its top;
    the sentence highlight is bold, so it survives 256 colours; q quits with 0."""
    session = f"reader-stdin-{os.getpid()}"
    status = tmp_path / "status"
    env = (
        f"-u COLUMNS -u LINES -u COLORTERM READER_DATA_DIR={shlex.quote(str(tmp_path / 'data'))}"
        " TERM=xterm-256color"
    )
    seed = shlex.quote(str(ROOT / "seeds" / "trump-poutine.fr.txt"))
    command = (
        f"cd {shlex.quote(str(ROOT))} && cat {seed} | env {env} {shlex.quote(sys.executable)}"
        f" -m reader.cli - --engine reference; echo $? > {shlex.quote(str(status))}"
    )
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", session, "-x", "60", "-y", "20", command], check=True
    )
    subprocess.run(["tmux", "resize-window", "-t", session, "-x", "60", "-y", "20"], check=True)
    try:
        wait_for(session, "reference")
        for key in ("j", "j"):
            subprocess.run(["tmux", "send-keys", "-t", session, key], check=True)
            time.sleep(0.3)
        screen = wait_for(session, "block 3/20")
        assert "Le président Donald Trump semble" in screen  # the block's first line
        subprocess.run(["tmux", "send-keys", "-t", session, "]"], check=True)
        time.sleep(0.5)
        coloured = subprocess.run(
            ["tmux", "capture-pane", "-p", "-e", "-t", session], capture_output=True, text=True
        ).stdout
        line = next(line for line in coloured.splitlines() if "Le président Donald" in line)
        assert "\x1b[1m" in line or ";1m" in line or "[1;" in line  # bold: the sentence
        subprocess.run(["tmux", "send-keys", "-t", session, "q"], check=True)
        deadline = time.monotonic() + 15
        while not status.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert status.read_text().strip() == "0"
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
