"""The ``apertium`` engine: the system's rule-based Apertium, pivoting French → Spanish → English.

One process pipeline per batch: sentences are separated by blank lines, which
Apertium's text format keeps, so the output splits back into the same sentences.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Sequence
from functools import cache

from reader.engines.base import SentenceEngine
from reader.errors import EngineError

FIRST_LEG = ("fr-es",)
SECOND_LEG = ("spa-eng", "es-en")
_SEPARATOR = "\n\n"
_TIMEOUT = 600


@cache
def _modes() -> frozenset[str]:
    if shutil.which("apertium") is None:
        return frozenset()
    try:
        out = subprocess.run(["apertium", "-l"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    return frozenset(line.strip() for line in out.stdout.splitlines() if line.strip())


def _pair() -> tuple[str, str] | None:
    modes = _modes()
    first = next((m for m in FIRST_LEG if m in modes), None)
    second = next((m for m in SECOND_LEG if m in modes), None)
    return (first, second) if first and second else None


def available() -> bool:
    return _pair() is not None


LANGUAGE_PACKAGES = ("apertium-fr-es", "apertium-eng-spa")


@cache
def _version() -> str:
    """The language data versions, e.g. ``apertium-fr-es 0.9.4-1 + apertium-eng-spa 0.8.1-2``.

    Part of the cache key: new language data must not be served old translations.
    Without dpkg (another system), the version is ``system``.
    """
    versions = []
    for name in LANGUAGE_PACKAGES:
        try:
            out = subprocess.run(
                ["dpkg-query", "-W", "-f=${Version}", name],
                capture_output=True,
                text=True,
                timeout=30,
            )
        except (OSError, subprocess.SubprocessError):
            return "system"
        if out.returncode != 0 or not out.stdout.strip():
            return "system"
        versions.append(f"{name} {out.stdout.strip()}")
    return " + ".join(versions)


class ApertiumEngine(SentenceEngine):
    name = "apertium"

    def __init__(self) -> None:
        pair = _pair()
        if pair is None:
            raise EngineError(
                "apertium is not installed (Debian: apt install apertium apertium-fr-es apertium-eng-spa)"
            )
        self._pair = pair

    @property
    def version(self) -> str:
        return _version()

    def translate_sentences(self, sentences: Sequence[str]) -> list[str]:
        # A blank line inside a sentence would break alignment; sentences never hold one.
        text = _SEPARATOR.join(" ".join(s.split()) for s in sentences)
        for mode in self._pair:
            text = self._run(mode, text)
        out = [" ".join(part.split()) for part in text.strip("\n").split(_SEPARATOR)]
        if len(out) != len(sentences):
            raise EngineError(f"apertium returned {len(out)} sentences for {len(sentences)}")
        return out

    @staticmethod
    def _run(mode: str, text: str) -> str:
        try:
            done = subprocess.run(
                ["apertium", "-u", mode],
                input=text,
                capture_output=True,
                text=True,
                timeout=_TIMEOUT,
            )
        except (OSError, subprocess.SubprocessError) as exc:
            raise EngineError(f"apertium {mode} failed: {exc}") from exc
        if done.returncode != 0:
            raise EngineError(
                f"apertium {mode} failed: {done.stderr.strip().splitlines()[-1:] or done.returncode}"
            )
        return done.stdout
