"""The ``argos`` engine: an installed Argos Translate fr→en package, run directly on CTranslate2.

Argostranslate's own ``translate()`` splits sentences with MiniSBD/spaCy models it
downloads on first use, which fails offline. We keep its package management and
tokenizer (the real loading code) and send our own sentences to the package's
CTranslate2 model, the whole batch in one ``translate_batch`` call.

Settings come in as ``reader.settings.ArgosSettings`` (beam size, threads, batch size;
``READER_*`` variables, read by ``reader.settings`` only). Batches hold ``batch_size``
sentences (8 by default) after sorting by length: measured best on the real-size
stand-in (benchmarks/translate.py --size real).
- decoding stops at twice the longest source plus 16 tokens, so a bad model cannot loop.
Device and compute type follow argostranslate's settings (``ARGOS_DEVICE_TYPE``,
``ARGOS_COMPUTE_TYPE``).
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Sequence
from typing import Any

from reader.engines.base import SentenceEngine
from reader.errors import EngineError
from reader.settings import ArgosSettings, current

SOURCE, TARGET = "fr", "en"

loads = 0
"""How many CTranslate2 models this process has loaded (tests and benchmarks read it)."""


def installed_package() -> Any | None:
    """The installed fr→en Argos package, or None. Imports argostranslate (light: no torch)."""
    from reader.engines.argos_packages import load_packages
    from reader.errors import ModelPackageError

    try:
        packages = load_packages()
    except ModelPackageError as exc:
        raise EngineError(str(exc)) from exc
    matches = [
        p
        for p in packages
        if p.from_code == SOURCE and p.to_code == TARGET and p.type == "translate"
    ]
    return max(matches, key=lambda p: str(p.package_version)) if matches else None


class ArgosEngine(SentenceEngine):
    name = "argos"
    drafts = True

    def __init__(self, pkg: Any | None = None, settings: ArgosSettings | None = None) -> None:
        pkg = pkg or installed_package()
        if pkg is None:
            raise EngineError(
                "no French→English Argos package installed (run: reader models install)"
            )
        if not hasattr(pkg, "tokenizer"):
            raise EngineError(f"Argos package {pkg.package_path.name} has no tokenizer model")
        self._pkg: Any = pkg
        self._translator: Any | None = None
        self._draft = False
        self._lock = threading.Lock()
        settings = settings or current().argos
        self.beam_size = settings.beam_size
        self.threads = settings.threads
        self.batch_size = settings.batch_size

    @property
    def version(self) -> str:
        greedy = " greedy" if self.beam_size == 1 and self._draft else ""
        return f"{self._pkg.package_path.name} {self._pkg.package_version}{greedy}".strip()

    def draft(self) -> ArgosEngine:
        """The same model and translator with greedy search: measured on the real-size
        stand-in, about twice as fast as beam 4 for the first screenful."""
        with self._lock:
            self._load()  # loaded once, then shared by both (the lock too)
        twin = copy.copy(self)
        # Greedy steps are light, so wider batches pay: measured on the real-size stand-in,
        # the first screenful took 1.8 s in batches of 32 against 2.4 s in batches of 8.
        twin.beam_size, twin.batch_size, twin._draft = 1, max(self.batch_size, 32), True
        return twin

    def _load(self) -> Any:
        global loads
        if self._translator is None:
            import ctranslate2
            from argostranslate import settings

            try:
                self._translator = ctranslate2.Translator(
                    str(self._pkg.package_path / "model"),
                    device=settings.device,
                    compute_type=settings.compute_type,
                    inter_threads=1,
                    intra_threads=self.threads,
                )
            except (RuntimeError, ValueError, OSError) as exc:
                raise EngineError(
                    f"cannot load Argos model {self._pkg.package_path.name}: {exc}"
                ) from exc
            loads += 1
        return self._translator

    @property
    def loaded(self) -> bool:
        return self._translator is not None

    def translate_sentences(self, sentences: Sequence[str]) -> list[str]:
        """One pass over ``sentences``: sorted by length and cut into batches of
        ``batch_size``, so a batch pads little and decodes to about the same length."""
        if not sentences:
            return []
        with self._lock:
            translator = self._load()
            tokenizer = self._pkg.tokenizer
            tokens = [tokenizer.encode(s) for s in sentences]
            prefix = self._pkg.target_prefix
            order = sorted(range(len(tokens)), key=lambda i: len(tokens[i]))
            english: list[str] = [""] * len(tokens)
            for start in range(0, len(order), self.batch_size):
                part = order[start : start + self.batch_size]
                batch = [tokens[i] for i in part]
                for i, result in zip(
                    part, self._translate_batch(translator, batch, prefix), strict=True
                ):
                    english[i] = self._detokenize(result.hypotheses[0], prefix)
            return english

    def decoding_lengths(self, batch: Sequence[Sequence[str]]) -> tuple[int, int]:
        """(min, max) decoding length for a batch: room for the longest source to grow."""
        return 1, 2 * max(len(t) for t in batch) + 16

    def _translate_batch(self, translator: Any, batch: list[list[str]], prefix: str) -> list[Any]:
        low, high = self.decoding_lengths(batch)
        try:
            results: list[Any] = translator.translate_batch(
                batch,
                target_prefix=[[prefix]] * len(batch) if prefix else None,
                max_batch_size=self.batch_size,
                batch_type="examples",
                beam_size=self.beam_size,
                min_decoding_length=low,
                max_decoding_length=high,
                replace_unknowns=True,
                length_penalty=0.2,
            )
        except (RuntimeError, ValueError) as exc:
            raise EngineError(f"Argos translation failed: {exc}") from exc
        return results

    def _detokenize(self, hypothesis: list[str], prefix: str) -> str:
        text: str = self._pkg.tokenizer.decode(hypothesis)
        if prefix and text.startswith(prefix):
            text = text[len(prefix) :]
        return text.strip()

    def close(self) -> None:
        self._translator = None
