"""Apertium's French analyser and bilingual dictionaries, queried word by word.

Three ``lt-proc`` processes stay open in null-flush mode (``-z``): the French analyser
(``fr-es.automorf.bin``), the French→Spanish bilingual dictionary (``fr-es.autobil.bin``)
and the Spanish→English one (``spa-eng.autobil.bin``). Starting ``lt-proc`` costs
about 30 ms; a question to an open one costs well under a millisecond. The files are
found through the mode files beside the ``apertium`` command (as ``apertium -l``
lists them), so a system with Apertium elsewhere than ``/usr`` works too.

Bilingual dictionaries answer a lemma with its tags (``ville<n><f><sg>`` →
``ciudad<n><f><sg>``); tags that the next dictionary spells differently (a Spanish
noun whose gender it lists as ``mf``) are retried with the usual variants.
"""

from __future__ import annotations

import os
import re
import select
import shutil
import subprocess
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

FIRST_MODE = "fr-es"
SECOND_MODES = ("spa-eng", "es-en")
INSTALL_HINT = "apt install apertium apertium-fr-es apertium-eng-spa"
_TIMEOUT = 10.0
_SAFE_WORD = re.compile(r"^[^\W\d_](?:[\w'’\- .]*\w)?$")
"""What may be sent to lt-proc: a word (letters, apostrophes, hyphens, inner spaces);
never the stream format's own ^ $ / < > @ \\ or a NUL."""
_GENDERS = ("m", "f", "mf", "nt")
_NUMBERS = ("sg", "pl", "sp")


_TAGS = frozenset({"prpers"})
"""Lemmas of Apertium's English dictionary that are placeholders filled in by its
generator (« lo » → "prpers": a personal pronoun), not English words."""


class ApertiumUnavailable(Exception):
    """An lt-proc process failed or stopped answering; Apertium is then skipped."""


@dataclass(frozen=True)
class ApertiumFiles:
    """The three transducers a lookup uses."""

    analyser: Path
    fr_es: Path
    es_en: Path


@dataclass(frozen=True)
class Analysis:
    """One reading of a word: ``attaquer`` with ``("vblex", "pp", "m", "sg")``."""

    lemma: str
    tags: tuple[str, ...]

    @property
    def pos(self) -> str:
        return self.tags[0] if self.tags else ""


@dataclass(frozen=True)
class Pivot:
    """English for one Spanish translation of the lemma: ``ciudad`` → ``city``."""

    spanish: str
    english: tuple[str, ...]


def modes_dirs() -> list[Path]:
    """Where mode files live: beside the ``apertium`` command's prefix, then the usual places."""
    found = []
    command = shutil.which("apertium")
    if command:
        found.append(Path(command).resolve().parent.parent / "share" / "apertium" / "modes")
    found += [Path("/usr/share/apertium/modes"), Path("/usr/local/share/apertium/modes")]
    return list(dict.fromkeys(found))


def _transducer(mode_file: Path, suffix: str) -> Path | None:
    try:
        text = mode_file.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    match = re.search(rf"'([^']+{re.escape(suffix)})'", text)
    return Path(match.group(1)) if match and Path(match.group(1)).is_file() else None


def find_files() -> ApertiumFiles | None:
    """The transducers, or None when ``apertium``/``lt-proc`` or a language pair is missing."""
    if shutil.which("apertium") is None or shutil.which("lt-proc") is None:
        return None
    for folder in modes_dirs():
        first = folder / f"{FIRST_MODE}.mode"
        second = next(
            (folder / f"{m}.mode" for m in SECOND_MODES if (folder / f"{m}.mode").is_file()), None
        )
        if not first.is_file() or second is None:
            continue
        analyser = _transducer(first, f"{FIRST_MODE}.automorf.bin")
        fr_es = _transducer(first, f"{FIRST_MODE}.autobil.bin")
        es_en = _transducer(second, f"{second.stem}.autobil.bin")
        if analyser and fr_es and es_en:
            return ApertiumFiles(analyser, fr_es, es_en)
    return None


class LtProc:
    """One ``lt-proc -z`` process: ``ask`` sends a line and returns the answer; thread-safe."""

    def __init__(self, transducer: Path, *flags: str) -> None:
        command = shutil.which("lt-proc")
        if command is None:
            raise ApertiumUnavailable("lt-proc is not installed")
        try:
            self._process = subprocess.Popen(
                [command, *flags, "-z", str(transducer)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
            )
        except OSError as exc:
            raise ApertiumUnavailable(f"cannot start lt-proc: {exc}") from exc
        self._lock = threading.Lock()

    def ask(self, text: str) -> str:
        # lt-proc answers once it has read one character past the NUL: hence "\n\0".
        payload = text.replace("\0", " ").encode("utf-8") + b"\n\0"
        with self._lock:
            process = self._process
            assert process.stdin is not None and process.stdout is not None
            try:
                process.stdin.write(payload)
                process.stdin.flush()
                return self._read(process.stdout.fileno()).decode("utf-8", errors="replace")
            except (OSError, ValueError) as exc:
                self.close()
                raise ApertiumUnavailable(f"lt-proc stopped: {exc}") from exc

    def _read(self, fd: int) -> bytes:
        out = bytearray()
        while not out.endswith(b"\0"):
            ready, _, _ = select.select([fd], [], [], _TIMEOUT)
            if not ready:
                raise OSError("no answer within 10 s")
            chunk = os.read(fd, 65536)
            if not chunk:
                raise OSError("it exited")
            out += chunk
        return bytes(out[:-1])

    def close(self) -> None:
        process = self._process
        if process.poll() is None:
            process.kill()
        process.wait()
        for stream in (process.stdin, process.stdout):
            if stream is not None:
                stream.close()


_UNIT = re.compile(r"\^((?:[^$\\]|\\.)*)\$")
_PART = re.compile(r"(?<!\\)/")
_TAG = re.compile(r"<([^>]*)>")


def parse_stream(text: str) -> list[list[str]]:
    """``^villes/ville<n><f><pl>$`` → ``[["villes", "ville<n><f><pl>"]]``, one list per unit."""
    return [_PART.split(match.group(1)) for match in _UNIT.finditer(text)]


def parse_analysis(text: str) -> Analysis | None:
    """``avoir<vbhaver><pri><p3><pl>`` → Analysis; None for an unknown word (``*``, ``@``, ``#``)."""
    first = text.split("+", 1)[0]  # du = de<pr>+le<det>: the first word leads
    if not first or first[0] in "*@#":
        return None
    lemma = first.split("<", 1)[0].replace("\\", "")
    return Analysis(lemma, tuple(_TAG.findall(first))) if lemma else None


def plain_lemma(text: str) -> str:
    """An English lemma as written: tags dropped, ``#`` (a split multiword) joined up."""
    return " ".join(_TAG.sub("", text).replace("#", " ").replace("\\", "").split())


def tag_variants(tags: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The tags as given, then with other genders, then singular, then the category alone."""
    variants = [tags]
    if not tags:
        return variants
    pos, rest = tags[0], list(tags[1:])
    gender_at = next((i for i, t in enumerate(rest) if t in _GENDERS), None)
    for gender in _GENDERS[:3]:
        swapped = list(rest)
        if gender_at is None:
            swapped.insert(0, gender)
        else:
            swapped[gender_at] = gender
        variants.append((pos, *swapped))
        variants.append((pos, gender, "sg"))
    variants.append((pos,))
    return list(dict.fromkeys(variants))


def is_safe_word(word: str) -> bool:
    return bool(_SAFE_WORD.match(word)) and len(word) <= 64


def _unit(lemma: str, tags: tuple[str, ...]) -> str:
    return "^" + lemma + "".join(f"<{t}>" for t in tags) + "$"


_PHRASE_TAGS = frozenset({"adv", "pr", "cnjadv", "cnjsub", "vblex", "n", "adj", "ij"})
"""Multi-word units worth learning as phrases (not names, pronouns or determiners)."""


class Apertium:
    """The analyser and the two bilingual dictionaries; processes start on first use."""

    def __init__(self, files: ApertiumFiles) -> None:
        self.files = files
        self._analyser: LtProc | None = None
        self._fr_es: LtProc | None = None
        self._es_en: LtProc | None = None
        self._lock = threading.Lock()

    def start(self) -> None:
        with self._lock:
            if self._analyser is None:
                self._analyser = LtProc(self.files.analyser)
                self._fr_es = LtProc(self.files.fr_es, "-b")
                self._es_en = LtProc(self.files.es_en, "-b")

    def analyse(self, word: str) -> list[Analysis]:
        """Every reading Apertium knows for ``word`` (empty when it does not know it)."""
        if not is_safe_word(word):
            return []
        self.start()
        assert self._analyser is not None
        units = parse_stream(self._analyser.ask(word.replace("’", "'")))
        if len(units) != 1:
            return []  # the analyser split it: not one word it knows
        found = (parse_analysis(part) for part in units[0][1:])
        return list(dict.fromkeys(a for a in found if a is not None))

    def analyse_many(self, words: Sequence[str]) -> dict[str, list[Analysis]]:
        """``analyse`` for many words in one question to lt-proc (a text's words: one
        round trip instead of hundreds). Each word goes on a line of its own with a full
        stop after it, so that no multiword entry spans two; a word the analyser splits
        is left out (``analyse`` it alone)."""
        batch = [w for w in dict.fromkeys(words) if is_safe_word(w) and "." not in w]
        if not batch:
            return {}
        self.start()
        assert self._analyser is not None
        text = "".join(f"{w.replace('’', chr(39))} .\n" for w in batch)
        groups: list[list[list[str]]] = [[]]
        for unit in parse_stream(self._analyser.ask(text)):
            if unit[0] == "." and unit[1:] == [".<sent>"]:
                groups.append([])
            else:
                groups[-1].append(unit)
        if len(groups) != len(batch) + 1:
            return {}  # out of step: the caller asks word by word
        found: dict[str, list[Analysis]] = {}
        for word, units in zip(batch, groups, strict=False):
            if len(units) == 1:
                readings = (parse_analysis(part) for part in units[0][1:])
                found[word] = list(dict.fromkeys(a for a in readings if a is not None))
        return found

    def multiwords(self, text: str) -> list[tuple[str, Analysis]]:
        """The multi-word units Apertium's analyser reads in ``text`` as one lexical unit
        (« tout à fait » adv, « face à » pr, « cherchent à » → chercher à), as (form as
        written, first reading); names, pronoun and determiner groups left out."""
        self.start()
        assert self._analyser is not None
        found = []
        for unit in parse_stream(self._analyser.ask(text.replace("’", "'"))):
            form = unit[0].replace("\\", "")
            if " " not in form or len(unit) < 2 or "+" in unit[1]:
                continue
            reading = parse_analysis(unit[1])
            if reading is None or not reading.tags or reading.tags[0] not in _PHRASE_TAGS:
                continue
            tail = unit[1].split("#", 1)[1] if "#" in unit[1] else ""  # chercher<vblex>…# à
            lemma = " ".join(f"{reading.lemma} {_TAG.sub('', tail)}".lower().split())
            if " " in lemma:
                found.append((form, Analysis(lemma, reading.tags)))
        return found

    def translate(self, analysis: Analysis) -> list[Pivot]:
        """English for a French lemma through Spanish: one Pivot per Spanish translation."""
        if not is_safe_word(analysis.lemma) or not analysis.tags:
            return []
        self.start()
        assert self._fr_es is not None and self._es_en is not None
        pivots = []
        for spanish in self._bidix(self._fr_es, analysis):
            english = tuple(
                dict.fromkeys(plain_lemma(self._text(e)) for e in self._bidix(self._es_en, spanish))
            )
            pivots.append(Pivot(spanish.lemma, tuple(e for e in english if e and e not in _TAGS)))
        return [p for p in pivots if p.english]

    @staticmethod
    def _text(analysis: Analysis) -> str:
        return analysis.lemma + "".join(f"<{t}>" for t in analysis.tags)

    @staticmethod
    def _bidix(process: LtProc, analysis: Analysis) -> list[Analysis]:
        """The first tag variant the dictionary knows, with all its translations."""
        variants = tag_variants(analysis.tags)
        answer = process.ask(" ".join(_unit(analysis.lemma, tags) for tags in variants))
        for unit in parse_stream(answer):
            found = [a for a in (parse_analysis(part) for part in unit[1:]) if a is not None]
            if found:
                return list(dict.fromkeys(found))
        return []

    def close(self) -> None:
        with self._lock:
            for process in (self._analyser, self._fr_es, self._es_en):
                if process is not None:
                    process.close()
            self._analyser = self._fr_es = self._es_en = None
