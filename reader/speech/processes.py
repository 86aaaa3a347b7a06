"""Child processes in their own process group, so that ending one ends everything it
started (a player that is a shell script, say) and leaves no orphan behind."""

from __future__ import annotations

import os
import signal
import subprocess
from collections.abc import Sequence
from typing import IO

Target = int | IO[bytes]
"""Where a child's stdout or stderr goes: ``subprocess.PIPE``, ``DEVNULL`` or a file."""


def spawn(
    command: Sequence[str], *, stdout: Target = subprocess.PIPE, stderr: Target = subprocess.PIPE
) -> subprocess.Popen[bytes]:
    """Starts ``command``, reading a pipe, as the leader of a new process group.

    Its own group also keeps Ctrl-C in the terminal away from it: the reader decides."""
    return subprocess.Popen(
        list(command),
        stdin=subprocess.PIPE,
        stdout=stdout,
        stderr=stderr,
        process_group=0,
    )


def _signal_group(process: subprocess.Popen[bytes], sig: signal.Signals) -> None:
    try:
        os.killpg(process.pid, sig)
    except (ProcessLookupError, PermissionError):
        pass  # the group is already empty


def end(process: subprocess.Popen[bytes], grace: float = 0.5) -> None:
    """Ends the process and its group (TERM, then KILL after ``grace`` seconds), reaps it
    and closes its pipes; does nothing to a process already reaped.

    The group is signalled first while its leader is unreaped, so its id cannot have gone
    to another process; a group id also stays taken while any member lives, so the last
    KILL reaches a script's children that outlived it, and only them."""
    if process.returncode is None:
        _signal_group(process, signal.SIGTERM)
        try:
            process.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            _signal_group(process, signal.SIGKILL)
            process.wait()
        _signal_group(process, signal.SIGKILL)
    for pipe in (process.stdin, process.stdout, process.stderr):
        if pipe is not None:
            try:
                pipe.close()
            except OSError:
                pass
