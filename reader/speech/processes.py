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


def signal_group(process: subprocess.Popen[bytes], sig: signal.Signals) -> None:
    """Sends ``sig`` to the process's group, from any thread, while its leader is unreaped
    (so that its id cannot have gone to another process). Reaping and closing its pipes
    are left to the thread that reads them (``end``)."""
    if process.returncode is not None:
        return
    try:
        os.killpg(process.pid, sig)
    except (ProcessLookupError, PermissionError):
        pass  # the group is already empty


def kill_leftovers(process: subprocess.Popen[bytes]) -> None:
    """Kills what is left of the group of a process just reaped (a script's children): its
    id stays taken while any member lives, so the signal reaches them and only them."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def end(process: subprocess.Popen[bytes], grace: float = 0.5) -> None:
    """Ends the process and its group (TERM, then KILL after ``grace`` seconds), reaps it
    and closes its pipes; signals nothing to a process already reaped. For the thread that
    reads the process's pipes: closing them under another thread's read could let it read
    a file that reused the number.

    The group is signalled first while its leader is unreaped, so its id cannot have gone
    to another process; then what is left of it is killed."""
    if process.returncode is None:
        signal_group(process, signal.SIGTERM)
        try:
            process.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            signal_group(process, signal.SIGKILL)
            process.wait()
        kill_leftovers(process)
    for pipe in (process.stdin, process.stdout, process.stderr):
        if pipe is not None:
            try:
                pipe.close()
            except OSError:
                pass
