"""Speech in the reading screen (issue 17): what ``p`` says, and the controller that says it.

``to_say`` chooses the text (the word on the cursor, else the current sentence, else the
block's first) and where it is, to highlight; ``Speaker`` owns the session's ``Speech``
and runs each request in a daemon thread, so that starting espeak-ng and the player
never holds up the UI. What happens comes back as messages (``SpeechStarted``,
``SpeechEnded``), posted from the playback's thread; the screen routes them back here on
the UI thread, where the highlight is shown and cleared.

Requests are numbered on the UI thread. A newer request, or ``stop``, makes every older
number stale: a stale request that has not started yet never starts, one that started
anyway is stopped, and its messages change nothing. So the end of a playback stopped by
a newer one (which can arrive after the newer one's start) never clears the newer
one's highlight.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

from reader.app.marks import Mark
from reader.textio import clean_line

if TYPE_CHECKING:
    from reader.article import Block
    from reader.speech import Playback, Speech

Span = tuple[int, int]
Highlight = tuple[int, Mark] | None
"""What the article view shows as being said: (block, a mark of kind ``speaking``)."""


@dataclass(frozen=True)
class Spoken:
    """A text to say and, when it is in the article, where (to highlight while it plays)."""

    text: str
    block: int | None = None
    start: int = 0
    end: int = 0

    @property
    def highlight(self) -> Highlight:
        if self.block is None or self.end <= self.start:
            return None
        return self.block, Mark("fr", self.start, self.end, "speaking")


def to_say(
    block: Block, sentence: int | None, word: Span | None, looked_up: str | None = None
) -> Spoken:
    """What ``p`` says in ``block``: the word at ``word`` (the cursor), else sentence
    ``sentence``, else the block's first sentence (the whole block if it has none).

    ``looked_up`` is the lookup panel's word when the panel has focus: that word is said,
    highlighted in the cursor's word when it is there (« article » in « L’article »)."""
    if looked_up is not None:
        at = block.text.find(looked_up, *word) if word is not None else -1
        if at < 0:
            return Spoken(looked_up)
        return Spoken(looked_up, block.index, at, at + len(looked_up))
    if word is not None:
        start, end = word
    elif block.sentences:
        inside = sentence is not None and 0 <= sentence < len(block.sentences)
        chosen = block.sentences[sentence if inside and sentence is not None else 0]
        start, end = chosen.start, chosen.end
    else:
        start, end = 0, len(block.text)
    return Spoken(block.text[start:end], block.index, start, end)


@dataclass
class SpeechStarted(Message, bubble=False):
    """Request ``number``'s first sound reached the player."""

    number: int
    spoken: Spoken
    playback: Playback


@dataclass
class SpeechEnded(Message, bubble=False):
    """Request ``number`` is over: played to the end, ``stopped``, or failed (``error``, one
    line: « no audio device: … » when nothing can play here)."""

    number: int
    spoken: Spoken
    error: str | None = None
    stopped: bool = False


class Speaker:
    """The reading screen's speech: ``say`` a ``Spoken``, ``stop``, ``close``.

    ``post`` hands a message to the screen (from any thread); ``show`` sets the article
    view's highlight (on the UI thread). ``started`` and ``ended`` are the screen's
    handlers for the two messages. Every method but the thread's is for the UI thread.
    ``speech`` is made from the settings at the first request unless one is given.
    """

    def __init__(
        self,
        post: Callable[[Message], object],
        show: Callable[[Highlight], None],
        speech: Speech | None = None,
    ) -> None:
        self._post = post
        self._show = show
        self._speech = speech
        self._lock = threading.Lock()
        """Held while a request starts: requests start one at a time, in order."""
        self._number = 0
        """The latest request (or stop); older numbers are stale."""
        self._pending: int | None = None
        """A request not yet over, as far as the UI thread knows."""
        self._shown: int | None = None
        """The request whose highlight is on screen."""
        self._closed = False

    @property
    def speech(self) -> Speech:
        """The session's Speech, made at the first request (its settings read then)."""
        if self._speech is None:
            from reader.settings import current
            from reader.speech import Speech

            self._speech = Speech(current().speech)
        return self._speech

    @property
    def busy(self) -> bool:
        """A request is starting or playing (as far as the messages have told)."""
        return self._pending is not None

    def say(self, spoken: Spoken) -> int:
        """Starts saying ``spoken`` (stopping what was said); returns its number."""
        self._number += 1
        number = self._number
        self._pending = number
        self._clear()
        speech = self.speech
        threading.Thread(
            target=self._start, args=(speech, number, spoken), name="reader-speak", daemon=True
        ).start()
        return number

    def stop(self) -> bool:
        """Stops what is said, or about to be; False when nothing was."""
        self._clear()
        return self._silence()

    def close(self) -> None:
        """The screen is going: stop, and post and show nothing more."""
        self._closed = True
        self._silence()

    def _silence(self) -> bool:
        self._number += 1  # a request still starting never starts
        was = self._pending is not None
        self._pending = None
        stopped = self._speech.stop() if self._speech is not None else False
        return was or stopped

    # ------------------------------------------------------------ the request's thread

    def _start(self, speech: Speech, number: int, spoken: Spoken) -> None:
        from reader.speech import SpeechError

        with self._lock:
            if number != self._number:
                return  # a newer request or a stop came first
            try:
                playback = speech.say(
                    spoken.text,
                    on_start=lambda p: self._tell(SpeechStarted(number, spoken, p)),
                    on_end=lambda p: self._tell(
                        SpeechEnded(number, spoken, _error(p.error), p.stopped)
                    ),
                )
            except SpeechError as exc:  # no player, no espeak-ng, nothing to say
                self._tell(SpeechEnded(number, spoken, _error(exc)))
                return
            if number != self._number:  # stopped while it started: speech.stop() missed it
                playback.stop()

    def _tell(self, message: Message) -> None:
        if self._closed:
            return
        try:
            self._post(message)
        except RuntimeError:
            pass  # the app has closed its event loop: nobody is listening

    # ------------------------------------------------------------ the screen's handlers

    def started(self, message: SpeechStarted) -> None:
        if message.number == self._number == self._pending:
            self._shown = message.number
            self._show(message.spoken.highlight)

    def ended(self, message: SpeechEnded) -> str | None:
        """Clears the highlight of the request that ended; returns its error to tell the
        reader, if it is the latest request's (an older one's was superseded)."""
        if message.number == self._shown:
            self._clear()
        if message.number != self._number:
            return None
        self._pending = None
        return message.error

    def _clear(self) -> None:
        if self._shown is not None and not self._closed:
            self._shown = None
            self._show(None)


def _error(error: Exception | None) -> str | None:
    """An error as one line fit for a notice (a player's complaint may hold anything)."""
    return None if error is None else clean_line(str(error))
