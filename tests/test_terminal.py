"""The real ``reader`` command in a real terminal (tmux): what a person sees and types."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(
    shutil.which("tmux") is None, reason="tmux is not installed (CI installs it)"
)


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


def test_reader_in_tmux(tmp_path):
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
