"""Controlled pauses for app tests: stand-ins whose calls wait for the test to let them go.

A test that depends on which of two threads gets somewhere first holds one of them at a
``threading.Event`` instead of hoping (and never sleeps): the engine's first call waits
until the screen has reacted to a jump; the lookup's background read of a sentence
waits until the quick answer has been shown.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence

import pytest
from textual.pilot import Pilot

from reader.engines import select
from reader.engines.base import SentenceEngine
from reader.lookup.service import LookupService


class GatedEngine(SentenceEngine):
    """English as ``EN(<french>)``; every call waits until ``gate`` is set."""

    name = "gated"

    def __init__(self) -> None:
        self.gate = threading.Event()
        self.entered = threading.Event()
        """Set when the first call is waiting at the gate (or passing it)."""
        self.calls: list[int] = []
        """How many sentences each call had, in order."""

    @property
    def version(self) -> str:
        return "1"

    def translate_sentences(self, sentences: Sequence[str]) -> list[str]:
        self.calls.append(len(sentences))
        self.entered.set()
        if not self.gate.wait(timeout=120):
            raise AssertionError("the test never opened the engine's gate")
        return [f"EN({s})" for s in sentences]


def register(monkeypatch: pytest.MonkeyPatch, engine: GatedEngine) -> None:
    """Makes ``engine`` the registry's ``gated`` engine, for this test only."""
    spec = select.EngineSpec(lambda _article: engine, lambda _article: True, "a test's stand-in")
    monkeypatch.setitem(select.ENGINES, GatedEngine.name, spec)


class GatedLookups(LookupService):
    """The real lookup service, except that reading a sentence ahead (``prefetch``) waits
    until ``gate`` is set; the sentences it was asked for are in ``prefetched``."""

    gate = threading.Event()
    prefetched: list[str] = []

    def prefetch(self, sentence: str) -> None:
        type(self).prefetched.append(sentence)
        if not self.gate.wait(timeout=120):
            raise AssertionError("the test never opened the prefetch gate")
        super().prefetch(sentence)


def gated_lookups(monkeypatch: pytest.MonkeyPatch) -> type[GatedLookups]:
    """The app makes ``GatedLookups`` instead of ``LookupService`` (fresh gate), for one test."""
    gated = type("Gated", (GatedLookups,), {"gate": threading.Event(), "prefetched": []})
    monkeypatch.setattr("reader.lookup.service.LookupService", gated)
    return gated


async def wait_until(
    pilot: Pilot[None], condition: Callable[[], bool], timeout: float = 120
) -> None:
    """Lets the app run until ``condition`` holds (another thread's doing, so with a deadline)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("the condition never held")
        await pilot.pause()
