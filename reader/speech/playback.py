"""Playing one text: the engine's sound piped into the player as it is made, in a thread of
its own, with a ``stop()`` that ends both processes and times that tell when it played.

The pipe goes through this process (a few kB at a time) rather than from one child to the
other, so that the first byte handed to the player is timed and seen, and so that a player
that fails (no audio device) is told apart from an engine that fails.
"""

from __future__ import annotations

import atexit
import signal
import tempfile
import threading
import time
import weakref
from collections.abc import Callable

from reader.speech import player as players
from reader.speech.engine import Engine, Synthesis
from reader.speech.errors import SpeechError
from reader.speech.processes import end, kill_leftovers, signal_group

Callback = Callable[["Playback"], None]
_KILL_AFTER = 0.5
"""Seconds a stopped player has to end on TERM before it is killed."""
_LIVE: weakref.WeakSet[Playback] = weakref.WeakSet()


@atexit.register
def _stop_all() -> None:
    """A reader that exits while speaking leaves no sound playing behind it."""
    for playback in list(_LIVE):
        playback.stop()
        playback._kill()


class Playback:
    """One text on its way from an engine to a player.

    ``on_start`` is called when the first bytes reach the player, ``on_end`` once when it is
    over, whether it played to the end, was stopped (``stopped``) or failed (``error``:
    a NoAudioDevice when the player could not play). Both are called in the playback's own
    thread: from a Textual app, post a message (``post_message`` is thread-safe) rather
    than touching widgets. Times are ``time.perf_counter()`` values.
    """

    def __init__(
        self,
        engine: Engine,
        player: players.Player,
        text: str,
        *,
        on_start: Callback | None = None,
        on_end: Callback | None = None,
        requested_at: float | None = None,
    ) -> None:
        self.text = text
        self.player = player
        self.requested_at = time.perf_counter() if requested_at is None else requested_at
        self.first_byte_at: float | None = None
        self.ended_at: float | None = None
        self.error: SpeechError | None = None
        self.stopped = False
        self._on_start, self._on_end = on_start, on_end
        self._done = threading.Event()
        self._synthesis: Synthesis = engine.stream(text)
        self._stderr = tempfile.TemporaryFile()
        try:
            self._player = players.start(player, self._stderr)
        except SpeechError:
            self._synthesis.close()
            self._stderr.close()
            raise
        _LIVE.add(self)
        self._thread = threading.Thread(target=self._run, name="reader-speech", daemon=True)
        self._thread.start()

    @property
    def done(self) -> bool:
        return self._done.is_set()

    @property
    def latency(self) -> float | None:
        """Seconds from the request to the first bytes handed to the player."""
        return None if self.first_byte_at is None else self.first_byte_at - self.requested_at

    def stop(self) -> None:
        """Stops the sound now: the engine is killed, the player's group is sent TERM (and
        KILL if it is still there half a second later); ``on_end`` follows, from the
        playback's thread. Returns at once, so a caller on the thread ``on_end`` posts to
        cannot deadlock."""
        if self._done.is_set():
            return
        self.stopped = True
        self._synthesis.stop()
        signal_group(self._player, signal.SIGTERM)
        timer = threading.Timer(_KILL_AFTER, self._kill)
        timer.daemon = True
        timer.start()

    def _kill(self) -> None:
        if not self._done.is_set():
            signal_group(self._player, signal.SIGKILL)

    def wait(self, timeout: float | None = None) -> None:
        """Blocks until the playback is over; raises its error, if it failed (not if it was
        stopped), and TimeoutError if it is still playing after ``timeout`` seconds."""
        if not self._done.wait(timeout):
            raise TimeoutError(f"still playing after {timeout} s")
        if self.error is not None:
            raise self.error

    def _run(self) -> None:
        engine_error: SpeechError | None = None
        try:
            engine_error = self._pump()
            self._finish_player()
        finally:
            self._synthesis.close()
            end(self._player, grace=0.2)
            self.ended_at = time.perf_counter()
            if not self.stopped:
                self.error = engine_error or self._player_error()
            self._stderr.close()
            self._done.set()
            if self._on_end is not None:
                self._on_end(self)

    def _pump(self) -> SpeechError | None:
        """Hands the engine's bytes to the player as they come; the engine's error, if any."""
        stdin = self._player.stdin
        assert stdin is not None
        try:
            while chunk := self._synthesis.read():
                stdin.write(chunk)
                stdin.flush()
                if self.first_byte_at is None:
                    self.first_byte_at = time.perf_counter()
                    if self._on_start is not None:
                        self._on_start(self)
        except SpeechError as exc:
            return exc
        except (OSError, ValueError):
            pass  # the player has gone (failed, or stopped): it says why below
        return None

    def _finish_player(self) -> None:
        """Lets the player play what it was given to the end (or until stopped)."""
        stdin = self._player.stdin
        try:
            if stdin is not None:
                stdin.close()
        except OSError:
            pass
        self._player.wait()
        if self.stopped:
            kill_leftovers(self._player)

    def _player_error(self) -> SpeechError | None:
        code = self._player.returncode
        if code == 0 or code is None:
            return None
        self._stderr.seek(0)
        return players.failure(self.player, code, self._stderr.read())
