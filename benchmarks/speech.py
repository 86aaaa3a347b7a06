"""How soon the first sound of a sentence reaches the player, and how long speaking takes.

For every sentence of the seed article, ``--repeats`` times (medians printed):
  key:       in the headless app (Pilot), the view on the sentence: from pressing ``p``
             to the first bytes of sound handed to the player (the whole app path: the
             key's dispatch, ``reader.app.speaking``'s thread, ``Speech.say``);
  request:   from ``Speech.say(sentence)`` (the call the app's speak key makes) to the
             first bytes of sound handed to the player (``Playback.first_byte_at``);
  bare:      the baseline, measured in the same run: a bare ``espeak-ng --stdout``
             process, from its start to its first bytes read (what no code of ours adds);
  whole:     ``Speech.wav(sentence)``: the whole sentence synthesised, as a file or a card
             needs it, and its ratio to the sound's duration (real-time factor).
Target: key ≤ 300 ms (issue 17). The player is ``aplay -D null`` where aplay is
installed (it plays to nowhere, as fast as it reads), else a command that discards; the
app is given it by READER_SPEECH_PLAYER, as a user would.

Both are timed alike: ``first_byte_at`` of the Playback started, minus the moment just
before the request (``since``).

Run: .venv/bin/python -m benchmarks.speech [--repeats N]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
from benchmarks.common import SEED, private_environment  # noqa: E402

TARGET = 0.300


def first_byte_seconds(request: Callable[[str], object], text: str) -> float:
    """Seconds from calling ``request(text)`` to the first bytes reaching the player; the
    request returns the Playback it started (``reader.speech.Playback``)."""
    started = time.perf_counter()
    return since(started, request(text))


def since(started: float, playback: object) -> float:
    """Seconds from ``started`` (a ``time.perf_counter()``) to ``playback``'s first bytes
    at the player, once it has played."""
    from reader.speech import Playback

    assert isinstance(playback, Playback)
    playback.wait(timeout=60)
    assert playback.first_byte_at is not None, "no sound reached the player"
    return playback.first_byte_at - started


async def key_seconds(player: str, repeats: int) -> list[float]:
    """Key press → first byte for every sentence of the seed, in the headless app."""
    from reader.app.app import ReaderApp
    from reader.app.speaking import SpeechEnded, SpeechStarted
    from reader.article import load
    from tests.support.app import settle

    os.environ["READER_SPEECH_PLAYER"] = player  # read by the app at the first p
    article = load(SEED)
    app = ReaderApp(article, "reference", remember=False, extract=False)
    messages: list[object] = []
    times = []
    async with app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
        await settle(app, pilot)
        view = app.view
        places = [(b.index, i) for b in article.blocks for i in range(len(b.sentences))]
        last = 0  # the number of the last request answered: a late end of it is no reply

        def replies() -> list[SpeechStarted | SpeechEnded]:
            kinds = SpeechStarted | SpeechEnded
            return [m for m in messages if isinstance(m, kinds) and m.number > last]

        for _ in range(repeats):
            for block, sentence in places:
                view.go_to(block)
                view.sentence = sentence
                await pilot.pause()
                started = time.perf_counter()
                await pilot.press("p")
                while not replies():
                    await pilot.pause()
                reply = replies()[0]
                assert isinstance(reply, SpeechStarted), f"p said nothing: {reply}"
                last = reply.number
                text = article.blocks[block].sentences[sentence].text
                assert reply.spoken.text == text, (reply.spoken.text, text)
                times.append(since(started, reply.playback))
        await pilot.press("q")
    return times


def bare_espeak_seconds(text: str, voice: str, rate: int) -> float:
    """The baseline: a bare espeak-ng process's first bytes, from its start."""
    started = time.perf_counter()
    process = subprocess.Popen(
        ["espeak-ng", "-v", voice, "-s", str(rate), "-b", "1", "--stdout"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    assert process.stdin is not None and process.stdout is not None
    process.stdin.write(text.encode())
    process.stdin.close()
    first = os.read(process.stdout.fileno(), 1 << 16)
    elapsed = time.perf_counter() - started
    process.stdout.read()
    process.wait()
    assert first, "espeak-ng gave no sound"
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    private_environment()
    from reader.article import load
    from reader.settings import SpeechSettings
    from reader.speech import Speech
    from reader.speech.wav import duration

    player = "aplay -D null -q" if shutil.which("aplay") else "sh -c 'cat > /dev/null'"
    settings = SpeechSettings(player=player)
    speech = Speech(settings)
    sentences = [s.text for b in load(SEED).blocks for s in b.sentences]

    key = asyncio.run(key_seconds(player, args.repeats))
    request, bare, whole, realtime = [], [], [], []
    for _ in range(args.repeats):
        for text in sentences:
            request.append(first_byte_seconds(speech.say, text))
            bare.append(bare_espeak_seconds(speech.said(text), settings.voice, settings.rate))
            started = time.perf_counter()
            sound = speech.wav(text)
            whole.append(time.perf_counter() - started)
            realtime.append(whole[-1] / duration(sound))

    ms = 1000
    median = statistics.median
    print(f"{len(sentences)} sentences of {SEED.name} × {args.repeats}; player: {player}")
    print(
        f"key p → first byte to the player:   median {median(key) * ms:6.1f} ms, "
        f"max {max(key) * ms:6.1f} ms (headless app)"
    )
    print(
        f"request → first byte to the player: median {median(request) * ms:6.1f} ms, "
        f"max {max(request) * ms:6.1f} ms"
    )
    print(f"bare espeak-ng → first byte:        median {median(bare) * ms:6.1f} ms")
    print(
        f"whole sentence synthesised:         median {median(whole) * ms:6.1f} ms, "
        f"max {max(whole) * ms:6.1f} ms"
    )
    print(f"ratio key / target (300 ms):        {median(key) / TARGET:.3f}")
    print(f"ratio key / request:                {median(key) / median(request):.2f}")
    print(f"ratio request / target (300 ms):    {median(request) / TARGET:.3f}")
    print(f"ratio request / bare espeak-ng:     {median(request) / median(bare):.2f}")
    print(f"ratio synthesis / sound duration:   {median(realtime):.3f} (real-time factor)")


if __name__ == "__main__":
    main()
