"""The speaking controller's ordering, with a stand-in Speech whose callbacks the test fires
in the orders the real one can: no process, no app, no waiting on sound."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from reader.app.speaking import Speaker, SpeechEnded, SpeechStarted, Spoken
from reader.speech import NoAudioDevice

ONE = Spoken("Un.", 0, 0, 3)
TWO = Spoken("Deux.", 1, 0, 5)


@dataclass
class StandInPlayback:
    text: str
    on_start: Callable
    on_end: Callable
    error: Exception | None = None
    stopped: bool = False
    done: bool = False

    def start(self) -> None:
        self.on_start(self)

    def end(self, error: Exception | None = None) -> None:
        self.error, self.done = error, True
        self.on_end(self)

    def stop(self) -> None:
        self.stopped = True


@dataclass
class StandInSpeech:
    """Records what it is asked to say; ``hold`` keeps ``say`` from returning until set."""

    playbacks: list[StandInPlayback] = field(default_factory=list)
    hold: threading.Event = field(default_factory=threading.Event)
    """Set unless the test holds ``say`` (see ``speaker_with``)."""
    asked: threading.Semaphore = field(default_factory=lambda: threading.Semaphore(0))
    """Released as ``say`` is entered (the request's thread is in it)."""
    refuse: Exception | None = None

    def say(self, text, *, on_start, on_end):
        self.asked.release()
        assert self.hold.wait(10)
        if self.refuse is not None:
            raise self.refuse
        self.playbacks.append(StandInPlayback(text, on_start, on_end))
        return self.playbacks[-1]

    def stop(self) -> bool:
        playing = [p for p in self.playbacks if not p.stopped and not p.done]
        for p in playing:
            p.stop()
        return bool(playing)


def speaker_with(
    speech: StandInSpeech | None = None, *, held: bool = False
) -> tuple[Speaker, StandInSpeech, list, list]:
    """A Speaker on a stand-in Speech (``held``: its ``say`` waits for ``hold``), with
    what it posts and what it shows."""
    speech = speech or StandInSpeech()
    if not held:
        speech.hold.set()
    posted: list = []
    shown: list = []
    speaker = Speaker(posted.append, shown.append, speech=speech)  # type: ignore[arg-type]
    return speaker, speech, posted, shown


def say(speaker: Speaker, speech: StandInSpeech, spoken: Spoken) -> tuple[int, StandInPlayback]:
    """Has ``speaker`` say ``spoken``; its number and playback, once its thread made it."""
    count = len(speech.playbacks)
    number = speaker.say(spoken)
    asked(speech)
    eventually(lambda: len(speech.playbacks) > count)
    return number, speech.playbacks[-1]


def asked(speech: StandInSpeech) -> None:
    assert speech.asked.acquire(timeout=10), "the request never reached the speech"


def eventually(condition: Callable[[], object], timeout: float = 10) -> None:
    """Until ``condition`` holds (the request's thread's doing), with a deadline."""
    done = threading.Event()
    deadline = threading.Timer(timeout, done.set)
    deadline.start()
    try:
        while not condition():
            assert not done.wait(0.001), "the condition never held"
    finally:
        deadline.cancel()


def test_the_late_end_of_a_stopped_request_leaves_the_new_highlight_on() -> None:
    speaker, speech, posted, shown = speaker_with()
    first, old = say(speaker, speech, ONE)
    second, new = say(speaker, speech, TWO)
    # The order the real Speech can give: the new start before the old (stopped) end.
    new.start()
    old.stopped = True
    old.end()
    started, old_ended = posted
    assert isinstance(started, SpeechStarted) and started.number == second
    assert isinstance(old_ended, SpeechEnded) and old_ended.number == first and old_ended.stopped
    speaker.started(started)
    assert speaker.ended(old_ended) is None
    assert shown == [TWO.highlight] and speaker.busy
    new.end()
    assert speaker.ended(posted[-1]) is None
    assert shown == [TWO.highlight, None] and not speaker.busy
    assert not speaker.stop()  # nothing plays now


def test_the_start_of_a_request_replaced_meanwhile_is_not_shown() -> None:
    speaker, speech, posted, shown = speaker_with()
    _, first = say(speaker, speech, ONE)
    say(speaker, speech, TWO)
    first.start()  # the first's sound arrives after the second was asked for
    speaker.started(posted[0])
    assert shown == []


def test_stop_while_a_request_is_starting_stops_it_once_started() -> None:
    speaker, speech, posted, shown = speaker_with(held=True)
    speaker.say(ONE)
    asked(speech)  # the thread is inside speech.say, which has not returned
    assert speaker.stop() and not speaker.busy
    speech.hold.set()
    eventually(lambda: speech.playbacks and speech.playbacks[0].stopped)
    (playback,) = speech.playbacks
    playback.start()
    playback.end()
    for message in posted:
        if isinstance(message, SpeechStarted):
            speaker.started(message)
        else:
            assert speaker.ended(message) is None  # a stopped request's news is no news
    assert shown == []


def test_a_request_that_cannot_start_is_one_error_for_the_screen() -> None:
    refused = StandInSpeech(refuse=NoAudioDevice("no player found (pw-play, paplay, aplay)"))
    speaker, speech, posted, shown = speaker_with(refused)
    speaker.say(ONE)
    asked(speech)
    eventually(lambda: posted)
    (ended,) = posted
    assert ended.error == "no audio device: no player found (pw-play, paplay, aplay)"
    assert speaker.ended(ended) == ended.error and not speaker.busy and shown == []


def test_after_close_nothing_is_posted_or_shown() -> None:
    speaker, speech, posted, shown = speaker_with()
    _, playback = say(speaker, speech, ONE)
    speaker.close()
    assert playback.stopped
    playback.end()
    assert posted == [] and shown == []
