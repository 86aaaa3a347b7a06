"""Choosing an engine by name, or ``auto``: the best one available, saying why."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reader.article import Article
from reader.engines import apertium, reference
from reader.engines.base import Engine
from reader.errors import EngineError


def _argos(article: Article) -> Engine:
    from reader.engines.argos import ArgosEngine

    return ArgosEngine()


def _apertium(article: Article) -> Engine:
    return apertium.ApertiumEngine()


def _reference(article: Article) -> Engine:
    return reference.ReferenceEngine(article)


def _none(article: Article) -> Engine:
    from reader.engines.none import NoneEngine

    return NoneEngine()


FACTORIES: dict[str, Callable[[Article], Engine]] = {
    "argos": _argos,
    "apertium": _apertium,
    "reference": _reference,
    "none": _none,
}
"""The one registry of engines, best first: the CLI choices, ``auto`` and the palette
are all derived from it."""

CHOICES: tuple[str, ...] = ("auto", *FACTORIES)


@dataclass(frozen=True)
class Selection:
    engine: Engine
    reason: str


def make(name: str, article: Article) -> Engine:
    """Builds the named engine, or raises EngineError saying what is missing."""
    factory = FACTORIES.get(name)
    if factory is None:
        raise EngineError(f"unknown engine {name!r} (choose from {', '.join(CHOICES)})")
    return factory(article)


def tried_before(name: str) -> tuple[str, ...]:
    """The engines ``auto`` would have tried up to and including ``name``."""
    names = list(FACTORIES)
    return tuple(names[: names.index(name) + 1]) if name in names else (name,)


def available(name: str, article: Article) -> bool:
    """Whether engine ``name`` can run here (cheap: no model is loaded)."""
    if name == "argos":
        from reader.engines.argos import installed_package

        try:
            return installed_package() is not None
        except EngineError:
            return False
    if name == "apertium":
        return apertium.available()
    if name == "reference":
        return reference.available(article)
    return name == "none"


_HINT = "install an Argos fr→en package for machine translation: reader models install"
_WHY = {
    "argos": "a French→English Argos package is installed",
    "apertium": f"no usable Argos package; {_HINT}",
    "reference": f"human translation beside the article; {_HINT}",
    "none": f"no engine available; {_HINT}",
}


def select(name: str, article: Article, skip: tuple[str, ...] | list[str] = ()) -> Selection:
    """Resolves ``name`` (``auto`` included) to an engine and a one-line reason.

    ``auto`` takes the first engine of the registry that is available and builds;
    one that fails to build is skipped, and the reason says so.
    """
    if name != "auto":
        return Selection(make(name, article), f"{name}: chosen with --engine")
    failures: list[str] = []
    for candidate in FACTORIES:
        if candidate in skip or not available(candidate, article):
            continue
        try:
            engine = make(candidate, article)
        except EngineError as exc:
            failures.append(f"{candidate} failed: {exc}")
            continue
        reason = f"auto: {candidate} ({_WHY[candidate]})"
        return Selection(engine, "; ".join([reason, *failures]))
    raise EngineError("no engine available")  # unreachable: none is always available
