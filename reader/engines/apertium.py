"""The ``apertium`` engine: the system's rule-based Apertium, pivoting French → Spanish → English.

Speed: one persistent process pipeline (both legs chained) in Apertium's null-flush
mode (``-z``): each sentence goes in terminated by ``\\0`` and comes out terminated
by ``\\0``, so a book translated chunk by chunk spawns the pipeline once, not twice
per chunk. Where ``apertium-wblank-mode`` is missing, each batch runs ``apertium``
once per leg instead, sentences separated by blank lines.

Transparency: unknown-word marks are kept (no ``-u``). Apertium prefixes a word it
did not know with ``*`` (not in the dictionary), ``@`` (no translation) or ``#``
(cannot generate); after the pivot a French word carries two marks, a Spanish one
one. The marks are removed and the word is wrapped as an unknown span (see
``reader.engines.marked``), except capitalised words found as such in the French:
those are names passed through, which is what should happen to them.

English typography: no space before ? ! : ;, « » become “ ”, and quotation marks
that Apertium's reordering left empty (``absurdities « »``) go back around the word.
Ligatures: Apertium's French dictionary spells « cœur », « œuvre », « sœur » with "oe"
and knows none of the words written with « œ » or « æ » (« le cœur » came out "the
cœur"), so they are sent spelt out; a word it still does not know comes back as written.
A sentence the pivot starts with a phrase in capitals (« Grâce à lui » → "THANKS TO
him", « Quant à » → "REGARDING") gets the phrase in sentence case; acronyms stay
("NATO"), as Apertium's English analyser reads them.
"""

from __future__ import annotations

import os
import re
import select
import shutil
import subprocess
import tempfile
import threading
import weakref
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import IO

from reader.engines import marked
from reader.engines.base import SentenceEngine
from reader.errors import EngineError

FIRST_LEG = ("fr-es",)
SECOND_LEG = ("spa-eng", "es-en")
MODES_DIR = Path("/usr/share/apertium/modes")
_SEPARATOR = "\n\n"
_TIMEOUT = 600
_IDLE_TIMEOUT = 120  # seconds without any output from a running pipeline
_ENV = {**os.environ, "LC_ALL": "C.UTF-8"}  # Apertium's tools need a UTF-8 locale
MARKED_REVISION = "marked 3"
"""Bumped when the marked English changes form: part of the cache key, never of the label."""


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


# ---------------------------------------------------------------- the persistent pipeline


@cache
def _null_flush_command(pair: tuple[str, str]) -> str | None:
    """Both legs as one shell pipeline in null-flush mode, or None where that cannot be built."""
    if shutil.which("apertium-wblank-mode") is None:
        return None
    legs = []
    for mode in pair:
        path = MODES_DIR / f"{mode}.mode"
        try:
            out = subprocess.run(
                ["apertium-wblank-mode", "-z", str(path)],
                capture_output=True,
                text=True,
                timeout=30,
            )
        except (OSError, subprocess.SubprocessError):
            return None
        if out.returncode != 0 or "lt-proc" not in out.stdout:
            return None
        # $1 is the generator's option (-g: keep unknown-word marks), $2 the tagger's (none).
        legs.append(out.stdout.strip().replace("$1", "-g").replace("$2", ""))
    return " | ".join(legs)


_ESCAPE = re.compile(r"([\\\[\]@$^/<>{}])")
_UNESCAPE = re.compile(r"\\(.)", re.S)


def _escape(sentence: str) -> str:
    """Apertium's stream format: these characters are syntax unless backslashed (as apertium-destxt does)."""
    return _ESCAPE.sub(r"\\\1", sentence)


class _Pipeline:
    """One running ``bash -c 'leg1 | leg2'`` in null-flush mode; one batch at a time."""

    def __init__(self, command: str) -> None:
        self._stderr = tempfile.TemporaryFile()
        try:
            self._proc = subprocess.Popen(
                ["bash", "-c", command],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=self._stderr,
                env=_ENV,
                start_new_session=True,  # its own process group, so close() ends every stage
            )
        except OSError as exc:
            self._stderr.close()
            raise EngineError(f"cannot start apertium: {exc}") from exc
        self._finalizer = weakref.finalize(self, _kill, self._proc, self._stderr)

    def alive(self) -> bool:
        return self._proc.poll() is None

    def translate(self, sentences: Sequence[str]) -> list[str]:
        # The newline ends the last word: without it lt-proc holds it back and transfer waits.
        payload = b"".join(_escape(s).encode("utf-8") + b"\n\0" for s in sentences)
        writer = threading.Thread(target=self._write, args=(payload,), daemon=True)
        writer.start()
        try:
            out = self._read(len(sentences))
        finally:
            writer.join(timeout=5)
        return [part.decode("utf-8", errors="replace") for part in out]

    def _write(self, payload: bytes) -> None:
        assert self._proc.stdin is not None
        try:
            self._proc.stdin.write(payload)
            self._proc.stdin.flush()
        except (BrokenPipeError, OSError):
            pass  # the reader sees the pipeline end and says so

    def _read(self, count: int) -> list[bytes]:
        assert self._proc.stdout is not None
        fd = self._proc.stdout.fileno()
        buffer = bytearray()
        seen = 0
        while seen < count:
            ready, _, _ = select.select([fd], [], [], _IDLE_TIMEOUT)
            chunk = os.read(fd, 1 << 16) if ready else b""
            if not chunk:
                why = self._error() if ready else f"no output for {_IDLE_TIMEOUT} s"
                self.close()
                raise EngineError(f"apertium stopped: {why or 'no output'}")
            buffer.extend(chunk)
            seen += chunk.count(0)
        parts = bytes(buffer).split(b"\0")
        return parts[:count]

    def _error(self) -> str:
        self._stderr.seek(0)
        lines = self._stderr.read().decode("utf-8", "replace").strip().splitlines()
        return lines[-1] if lines else ""

    def close(self) -> None:
        self._finalizer()


def _kill(proc: subprocess.Popen[bytes], stderr: IO[bytes]) -> None:
    try:
        os.killpg(proc.pid, 9)
    except (ProcessLookupError, PermissionError):
        pass
    for stream in (proc.stdin, proc.stdout):
        try:
            if stream is not None:
                stream.close()
        except OSError:
            pass
    proc.wait()
    stderr.close()


# ---------------------------------------------------------------- cleaning Apertium's English

# An unescaped run of marks right before a word (not "5*4"); escaped characters are literal.
_MARK_OR_ESCAPE = re.compile(r"\\(.)|(?<![\w\\])([*@#]{1,3})(\w+(?:[-'’]\w+)*)", re.S)
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
_SPACE_BEFORE = re.compile(r"[ \u00a0\u202f]+(?=[?!:;])")
_OPEN_GUILLEMET = re.compile(r"«[ \u00a0\u202f]*")
_CLOSE_GUILLEMET = re.compile(r"[ \u00a0\u202f]*»")
_EMPTY_QUOTES = re.compile(r"(\S+)[ \u00a0\u202f]*(“\s*”|\"\s*\")")
_INITIAL_NAME = re.compile(
    rf"^({marked.UNKNOWN_OPEN}?)([A-Z][\w’'-]*)({marked.UNKNOWN_CLOSE}?) ([A-Z][a-z]+)\b"
)


def _unmark(english: str, source: str) -> str:
    """Apertium's marks → unknown spans; backslash escapes → characters."""
    source_words = {*_WORD.findall(source), *re.findall(r"\w+", source)}
    literals = {c for c in "*@#" if re.search(rf"{re.escape(c)}\w", source)}

    def one(m: re.Match[str]) -> str:
        if m.group(1) is not None:
            return m.group(1)
        run, word = m.group(2), m.group(3)
        # "#paix" or "@home" in the French: the first character is text, not a mark.
        literal = run[0] if run[0] in literals else ""
        if len(run) == len(literal):
            return literal + word
        if word[:1].isupper() and word in source_words:
            return literal + word  # a name, rightly left as it is
        return literal + marked.unknown(word)

    return _MARK_OR_ESCAPE.sub(one, english)


def typography(english: str) -> str:
    """English punctuation: no space before ? ! : ;, curly quotes for guillemets."""
    english = _SPACE_BEFORE.sub("", english)
    if "«" in english or "»" in english:
        english = _CLOSE_GUILLEMET.sub("”", _OPEN_GUILLEMET.sub("“", english))
    # Reordering can move a quoted word out of its quotes: put them back around it.
    return _EMPTY_QUOTES.sub(lambda m: f"{m.group(2)[0]}{m.group(1)}{m.group(2)[-1]}", english)


def _initial_name_case(english: str, source: str) -> str:
    """``Trump Tries always`` → ``Trump tries always``: an unknown name at the start takes the capital."""
    m = _INITIAL_NAME.match(english)
    words = source.split()
    if m is None or len(words) < 2 or words[0] != m.group(2) or not words[1][:1].islower():
        return english
    return english[: m.start(4)] + m.group(4).lower() + english[m.end(4) :]


_SHOUTED = re.compile(r"^(\W*)([A-Z]{2,}(?: [A-Z]{2,})*)(?![\w'’-])")
_UNIT = re.compile(r"\^((?:\\.|[^/$])*)/((?:\\.|[^$])*)\$")


def _unshouted(english: str, source: str) -> str:
    """``THANKS TO him`` → ``Thanks to him``: a sentence's first words in capitals that the
    French does not have (Apertium capitalises a whole multiword unit that starts a
    sentence), in sentence case, up to the first the analyser reads as an acronym or a
    proper noun ("ACCORDING TO NATO" → "According to NATO")."""
    m = _SHOUTED.match(english)
    words = source.split()
    if m is None or not words or (words[0].isupper() and len(words[0]) > 1):
        return english  # none, or a French headline in capitals
    if set(m.group(2).split()) & set(re.findall(r"\w+", source)):
        return english  # the French's own capitals (« ONU », « SNCF »)
    units = _english_units(m.group(2))
    if not units:
        return english
    out: list[str] = []
    for n, (surface, named) in enumerate(units):
        if named:
            out += [u for u, _ in units[n:]]
            break
        out.append(surface.lower())
    text = " ".join(out)
    return m.group(1) + text[:1].upper() + text[1:] + english[m.end() :]


@cache
def _english_analyser() -> Path | None:
    """Apertium's English morphological analyser (of the reverse pair, eng→spa), if installed."""
    for mode in ("eng-spa", "en-es"):
        try:
            text = (MODES_DIR / f"{mode}.mode").read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        match = re.search(r"'([^']+\.automorf\.bin)'", text)
        if match and Path(match.group(1)).is_file():
            return Path(match.group(1))
    return None


@cache
def _english_units(text: str) -> tuple[tuple[str, bool], ...]:
    """The lexical units the English analyser finds in ``text`` (multiwords as one:
    "THANKS TO"), each with whether some reading is an acronym or a proper noun; () when
    it cannot be asked. Cached: the same few phrases recur."""
    path, command = _english_analyser(), shutil.which("lt-proc")
    if path is None or command is None:
        return ()
    try:
        done = subprocess.run(
            [command, "-w", str(path)],
            input=_escape(text) + "\n",
            capture_output=True,
            text=True,
            timeout=30,
            env=_ENV,
        )
    except (OSError, subprocess.SubprocessError):
        return ()
    units = [
        (_UNESCAPE.sub(r"\1", m.group(1)), bool(re.search(r"<(?:acr|np)>", m.group(2))))
        for m in _UNIT.finditer(done.stdout)
    ]
    if done.returncode != 0 or " ".join(u for u, _ in units) != text:
        return ()
    return tuple(units)


_LIGATURES = str.maketrans({"œ": "oe", "Œ": "Oe", "æ": "ae", "Æ": "Ae"})
_LIGATURED = re.compile(r"\w*[œŒæÆ]\w*")


def unligatured(text: str) -> str:
    """« cœur » → "coeur": the spelling Apertium's dictionary knows (all capitals: "OE")."""
    if not any(c in text for c in "œŒæÆ"):
        return text
    return _LIGATURED.sub(
        lambda m: (
            m.group(0).upper().translate(_LIGATURES).upper()
            if m.group(0).isupper() and len(m.group(0)) > 1
            else m.group(0).translate(_LIGATURES)
        ),
        text,
    )


def religatured(english: str, source: str) -> str:
    """A word of ``source`` written with a ligature that the English still has spelt out
    (Apertium did not know it: « bœuf » → "boeuf") goes back as the French writes it."""
    for word in set(_LIGATURED.findall(source)):
        english = re.sub(rf"(?<!\w){re.escape(unligatured(word))}(?!\w)", word, english)
    return english


def finish(english: str, source: str) -> str:
    """Raw Apertium output of ``source`` → marked English (see ``reader.engines.marked``)."""
    english = " ".join(english.split())
    english = _unshouted(_unmark(english, source), source)
    return _initial_name_case(typography(english), source)


# ---------------------------------------------------------------- the French analyser


@cache
def _analyser(first_leg: str) -> Path | None:
    """The first leg's French morphological analyser (``fr-es.automorf.bin``), from its mode file."""
    try:
        text = (MODES_DIR / f"{first_leg}.mode").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    match = re.search(r"'([^']+\.automorf\.bin)'", text)
    return Path(match.group(1)) if match and Path(match.group(1)).is_file() else None


_READING = re.compile(r"\^((?:\\.|[^/$])*)/((?:\\.|[^$])*)\$")


def _parts_of_speech(analysis: str) -> frozenset[str]:
    """``^Rose/rose<adj><mf><sg>/rose<n><f><sg>$`` → {adj, n}; an unknown word (``*``) → {}.
    A proper noun says its kind too: ``np:ant`` (a person's name), ``np:loc``, ``np:org``."""
    m = _READING.search(analysis)
    if m is None:
        return frozenset()
    found = set()
    for reading in m.group(2).split("/"):
        tags = re.findall(r"<(\w+)>", reading)
        if not reading.startswith("*") and tags:
            found.add(f"np:{tags[1]}" if tags[0] == "np" and len(tags) > 1 else tags[0])
    return frozenset(found)


def analyse_words(first_leg: str, words: Sequence[str]) -> dict[str, frozenset[str]]:
    """How Apertium's French analyser reads each word: its parts of speech (``np`` for a
    proper noun, ``n``, ``adj``, ``vblex``…), empty for a word it does not know. One
    ``lt-proc`` run for all of them; words it cannot be asked about are left out."""
    path = _analyser(first_leg)
    command = shutil.which("lt-proc")
    asked = [w for w in dict.fromkeys(words) if w and "\0" not in w and "\n" not in w]
    if path is None or command is None or not asked:
        return {}
    payload = "".join(_escape(unligatured(w)) + "\n\0" for w in asked)
    try:
        done = subprocess.run(
            [command, "-z", "-w", str(path)],
            input=payload.encode("utf-8"),
            capture_output=True,
            timeout=_TIMEOUT,
            env=_ENV,
        )
    except (OSError, subprocess.SubprocessError):
        return {}
    answers = done.stdout.decode("utf-8", errors="replace").split("\0")
    if done.returncode != 0 or len(answers) < len(asked):
        return {}
    return {w: _parts_of_speech(a) for w, a in zip(asked, answers, strict=False)}


# ---------------------------------------------------------------- the engine


class ApertiumEngine(SentenceEngine):
    """Apertium through one persistent pipeline; English as marked text (unknown words kept)."""

    name = "apertium"

    def __init__(self) -> None:
        pair = _pair()
        if pair is None:
            raise EngineError(
                "apertium is not installed (Debian: apt install apertium apertium-fr-es apertium-eng-spa)"
            )
        self._pair = pair
        self._lock = threading.Lock()
        self._pipeline: _Pipeline | None = None
        self.spawns = 0
        """How many pipelines this engine started (benchmarks and tests read it)."""
        self._analysed: dict[str, frozenset[str]] = {}

    @property
    def version(self) -> str:
        return _version()

    @property
    def cache_version(self) -> str:
        return f"{_version()} ({MARKED_REVISION})"

    def translate_sentences(self, sentences: Sequence[str]) -> list[str]:
        return [marked.strip(m) for m in self.translate_marked(sentences)]

    def translate_marked(self, sentences: Sequence[str]) -> list[str]:
        """Marked English for each sentence: unknown words wrapped, typography fixed."""
        if not sentences:
            return []
        clean = [" ".join(marked.scrub(s).replace("\0", " ").split()) for s in sentences]
        spelt = [unligatured(s) for s in clean]
        raw = self._translate_raw(spelt)
        if len(raw) != len(clean):
            raise EngineError(f"apertium returned {len(raw)} sentences for {len(clean)}")
        return [religatured(finish(e, s), c) for e, s, c in zip(raw, spelt, clean, strict=True)]

    def _translate_raw(self, sentences: list[str]) -> list[str]:
        command = _null_flush_command(self._pair)
        if command is None:
            return self._translate_by_batch(sentences)
        with self._lock:
            if self._pipeline is None or not self._pipeline.alive():
                self._pipeline = _Pipeline(command)
                self.spawns += 1
            return self._pipeline.translate(sentences)

    def _translate_by_batch(self, sentences: list[str]) -> list[str]:
        # A blank line inside a sentence would break alignment; sentences never hold one.
        text = _SEPARATOR.join(sentences)
        for mode in self._pair:
            text = _run(mode, text)
            self.spawns += 1
        # Plain text, unlike the pipeline's stream: backslashes are characters.
        parts = text.strip("\n").split(_SEPARATOR)
        return [part.strip().replace("\\", "\\\\") for part in parts]

    def analyse_words(self, words: Sequence[str]) -> dict[str, frozenset[str]]:
        """The French analyser's parts of speech for each word (see ``analyse_words``),
        remembered for the engine's life: names recur."""
        missing = [w for w in dict.fromkeys(words) if w not in self._analysed]
        if missing:
            self._analysed.update(analyse_words(self._pair[0], missing))
        return {w: self._analysed[w] for w in words if w in self._analysed}

    def close(self) -> None:
        with self._lock:
            if self._pipeline is not None:
                self._pipeline.close()
                self._pipeline = None


def _run(mode: str, text: str) -> str:
    try:
        done = subprocess.run(
            ["apertium", mode],
            input=text,
            capture_output=True,
            text=True,
            timeout=_TIMEOUT,
            env=_ENV,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        raise EngineError(f"apertium {mode} failed: {exc}") from exc
    if done.returncode != 0:
        raise EngineError(
            f"apertium {mode} failed: {done.stderr.strip().splitlines()[-1:] or done.returncode}"
        )
    return done.stdout
