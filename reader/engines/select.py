"""Choosing an engine by name, or ``auto``: the best one available, saying why."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reader.article import Article
from reader.engines import apertium, reference
from reader.engines.base import Engine
from reader.errors import EngineError

_HINT = "install an Argos fr→en package for machine translation: reader models install"


@dataclass(frozen=True)
class EngineSpec:
    """One engine of the registry: how to build it, whether it can run here (cheap: no
    model is loaded), and why ``auto`` would choose it."""

    make: Callable[[Article], Engine]
    available: Callable[[Article], bool]
    why: str


def _argos(article: Article) -> Engine:
    from reader.engines.argos import ArgosEngine

    return ArgosEngine()


def _argos_available(article: Article) -> bool:
    from reader.engines.argos import installed_package

    try:
        return installed_package() is not None
    except EngineError:
        return False


def _none(article: Article) -> Engine:
    from reader.engines.none import NoneEngine

    return NoneEngine()


ENGINES: dict[str, EngineSpec] = {
    "argos": EngineSpec(_argos, _argos_available, "a French→English Argos package is installed"),
    "apertium": EngineSpec(
        lambda article: apertium.ApertiumEngine(),
        lambda article: apertium.available(),
        f"no usable Argos package; {_HINT}",
    ),
    "reference": EngineSpec(
        reference.ReferenceEngine,
        reference.available,
        f"human translation beside the article; {_HINT}",
    ),
    "none": EngineSpec(_none, lambda article: True, f"no engine available; {_HINT}"),
}
"""The one registry of engines, best first: the CLI choices, ``auto`` and the palette
are all derived from it."""

CHOICES: tuple[str, ...] = ("auto", *ENGINES)


@dataclass(frozen=True)
class Selection:
    engine: Engine
    reason: str


def make(name: str, article: Article) -> Engine:
    """Builds the named engine, or raises EngineError saying what is missing."""
    spec = ENGINES.get(name)
    if spec is None:
        raise EngineError(f"unknown engine {name!r} (choose from {', '.join(CHOICES)})")
    return spec.make(article)


def tried_before(name: str) -> tuple[str, ...]:
    """The engines ``auto`` would have tried up to and including ``name``."""
    names = list(ENGINES)
    return tuple(names[: names.index(name) + 1]) if name in names else (name,)


def available(name: str, article: Article) -> bool:
    """Whether engine ``name`` can run here (cheap: no model is loaded)."""
    spec = ENGINES.get(name)
    return spec is not None and spec.available(article)


def select(name: str, article: Article, skip: Sequence[str] = ()) -> Selection:
    """Resolves ``name`` (``auto`` included) to an engine and a one-line reason.

    ``auto`` takes the first engine of the registry that is available and builds;
    one that fails to build is skipped, and the reason says so.
    """
    if name != "auto":
        return Selection(make(name, article), f"{name}: chosen with --engine")
    failures: list[str] = []
    for candidate, spec in ENGINES.items():
        if candidate in skip or not spec.available(article):
            continue
        try:
            engine = spec.make(article)
        except EngineError as exc:
            failures.append(f"{candidate} failed: {exc}")
            continue
        reason = f"auto: {candidate} ({spec.why})"
        return Selection(engine, "; ".join([reason, *failures]))
    raise EngineError("no engine available")  # unreachable: none is always available
