"""Choosing an engine by name, or ``auto``: the best one available, saying why."""

from __future__ import annotations

from dataclasses import dataclass

from reader.article import Article
from reader.engines import apertium, reference
from reader.engines.base import ENGINE_NAMES, Engine
from reader.errors import EngineError

CHOICES: tuple[str, ...] = ("auto", *ENGINE_NAMES)


@dataclass(frozen=True)
class Selection:
    engine: Engine
    reason: str


def make(name: str, article: Article) -> Engine:
    """Builds the named engine, or raises EngineError saying what is missing."""
    if name == "argos":
        from reader.engines.argos import ArgosEngine

        return ArgosEngine()
    if name == "apertium":
        return apertium.ApertiumEngine()
    if name == "reference":
        return reference.ReferenceEngine(article)
    if name == "none":
        from reader.engines.none import NoneEngine

        return NoneEngine()
    raise EngineError(f"unknown engine {name!r} (choose from {', '.join(CHOICES)})")


def select(name: str, article: Article) -> Selection:
    """Resolves ``name`` (``auto`` included) to an engine and a one-line reason."""
    if name != "auto":
        return Selection(make(name, article), f"{name}: chosen with --engine")
    from reader.engines.argos import installed_package

    if installed_package() is not None:
        return Selection(
            make("argos", article), "auto: argos (a French→English Argos package is installed)"
        )
    hint = "install an Argos fr→en package for machine translation: reader models install"
    if apertium.available():
        return Selection(make("apertium", article), f"auto: apertium (no Argos package; {hint})")
    if reference.available(article):
        return Selection(
            make("reference", article),
            f"auto: reference (human translation beside the article; {hint})",
        )
    return Selection(make("none", article), f"auto: none (no engine available; {hint})")
