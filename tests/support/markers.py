"""What the ``needs_*`` markers (declared in pyproject.toml) need, and why a test is skipped
without it. ``.ci/run`` installs every part, so in CI nothing is skipped."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from functools import cache


def _apertium() -> bool:
    from reader.lookup import apertium_bidix

    return shutil.which("apertium") is not None and apertium_bidix.find_files() is not None


def _freedict() -> bool:
    from reader.lookup.freedict import find_freedict

    return find_freedict() is not None


def _espeak() -> bool:
    from reader.speech.engine import french_voices
    from reader.speech.errors import SpeechError

    try:
        return "fr-fr" in french_voices()
    except SpeechError:
        return False


NEEDS: dict[str, tuple[Callable[[], bool], str]] = {
    "needs_apertium": (_apertium, "apertium fr-es + eng-spa not installed (CI installs them)"),
    "needs_freedict": (
        _freedict,
        "FreeDict fra-eng not installed (apt install dict-freedict-fra-eng)",
    ),
    "needs_tmux": (
        lambda: shutil.which("tmux") is not None,
        "tmux is not installed (CI installs it)",
    ),
    "needs_espeak": (_espeak, "espeak-ng with fr-fr is not installed (apt install espeak-ng)"),
}


@cache
def skip_reason(marker: str) -> str | None:
    """Why a test with ``marker`` cannot run here, or None when it can (or is not a needs_ mark)."""
    need = NEEDS.get(marker)
    if need is None:
        return None
    present, why = need
    return None if present() else why
