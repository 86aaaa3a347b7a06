"""Subtitles (``.srt`` with ``srt``, ``.vtt`` with ``webvtt-py``) made back into sentences
and paragraphs.

The parsers read the structure (cue ids, timings, cue settings, WebVTT's NOTE, STYLE and
REGION blocks: none of it is kept); this module reads each cue's text:

- tags go (``<i>``, ``<b>``, ``<font …>``, ``<c.class>``, timestamps inside a cue, ASS
  overrides such as ``{\\an8}``); a voice (``<v Marie>``) or a leading all-capitals name
  (« MARIE : ») is the speaker; a dialogue dash (« - Oui. ») starts another speaker's turn;
- cues are joined into one running text, so a sentence cut across cues is one sentence
  (« je pense… » / « …que oui » loses the continuation dots);
- a paragraph ends where the speaker changes, or at a pause longer than ``pause`` seconds
  after a finished sentence.

Each paragraph keeps the start time of its first cue and its speaker (``shelf.Cue``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from reader.article import BlockKind
from reader.errors import InputError
from reader.library.shelf import Cue
from reader.textio import clean, decode_text, read_bytes

SUFFIXES = (".srt", ".vtt")
PAUSE = 2.0
"""Seconds of silence after a finished sentence that start a new paragraph."""

_TAG = re.compile(r"</?[A-Za-z][^>]*>|<\d{1,2}:\d{2}[:.\d]*>|\{\\[^}]*\}|\{[^}]*\\[^}]*\}")
_VOICE = re.compile(r"<v(?:\.[\w.-]+)?\s+([^>]+)>")
_NAMED = re.compile(r"^([A-ZÀ-ÖØ-Ý][A-ZÀ-ÖØ-Ý'’ .-]{1,30}?)\s*:\s+(?=\S)")
_DASH = re.compile(r"^[-–—](?:\s+|(?=[^\d\s-]))")  # « - Oui », « -Oui », not « -20 »
_ENDS_SENTENCE = re.compile(r"[.!?…»\"”]\s*$")
_CONTINUED_END = re.compile(r"\s*(?:\.\.\.|…)\s*$")
_CONTINUED_START = re.compile(r"^\s*(?:\.\.\.|…)\s*")
_ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&nbsp;": "\u00a0", "&lrm;": "", "&rlm;": ""}


@dataclass(frozen=True)
class Subtitles:
    """The blocks (title first) and each block's cue (None for the title)."""

    title: str
    pairs: tuple[tuple[BlockKind, str], ...]
    cues: tuple[Cue | None, ...]


@dataclass(frozen=True)
class _Turn:
    """A piece of a cue's text, its start, its speaker, and whether it starts a new turn."""

    start: float
    end: float
    speaker: str
    text: str
    turn: bool


def read_subtitles(path: Path, pause: float = PAUSE) -> Subtitles:
    """Reads an SRT or WebVTT file, or raises InputError in one line."""
    data, name = read_bytes(path)
    if not data.strip():
        raise InputError(f"{name}: is empty")
    text = decode_text(data, name).text
    cues = _vtt(text, name) if path.suffix.lower() == ".vtt" else _srt(text, name)
    turns: list[_Turn] = []
    for start, end, body in cues:
        turns.extend(_turns(start, end, body, turns[-1].speaker if turns else ""))
    if not turns:
        raise InputError(f"{name}: has no subtitle text")
    title = " ".join(clean(path.stem).split()) or "Subtitles"
    pairs: list[tuple[BlockKind, str]] = [("title", title)]
    marks: list[Cue | None] = [None]
    for start, speaker, body in _paragraphs(turns, pause):
        pairs.append(("paragraph", body))
        marks.append(Cue(round(start, 3), speaker))
    return Subtitles(title, tuple(pairs), tuple(marks))


def _srt(text: str, name: str) -> list[tuple[float, float, str]]:
    import srt

    try:
        return [
            (s.start.total_seconds(), s.end.total_seconds(), s.content)
            for s in srt.parse(text, ignore_errors=True)
        ]
    except (srt.SRTParseError, ValueError) as exc:
        raise InputError(f"{name}: not a readable SRT file ({exc})") from exc


def _vtt(text: str, name: str) -> list[tuple[float, float, str]]:
    import webvtt
    from webvtt.errors import MalformedFileError

    try:
        captions = webvtt.from_string(text)
        return [(_seconds(c.start), _seconds(c.end), c.raw_text) for c in captions.captions]
    except (MalformedFileError, ValueError) as exc:
        raise InputError(f"{name}: not a readable WebVTT file ({exc})") from exc


def _seconds(stamp: str) -> float:
    """``01:02:03.450`` or ``02:03.450`` (or with a comma) in seconds."""
    total = 0.0
    for part in stamp.replace(",", ".").split(":"):
        total = total * 60 + float(part)
    return total


def _plain(line: str) -> str:
    line = _TAG.sub("", line)
    for entity, char in _ENTITIES.items():
        line = line.replace(entity, char)
    return " ".join(clean(line).split())


def _turns(start: float, end: float, body: str, speaker: str) -> list[_Turn]:
    """A cue's lines as turns: a voice, a capitals name or a dialogue dash starts one; else
    the speaker of the cue before goes on."""
    turns: list[_Turn] = []
    for raw in body.splitlines():
        voice = _VOICE.search(raw)
        if voice is not None:
            speaker = " ".join(clean(voice.group(1)).split())
        line = _plain(raw)
        if not line:
            continue
        turn = voice is not None
        named = _NAMED.match(line)
        if named is not None and any(c.isalpha() for c in named.group(1)):
            speaker, line, turn = named.group(1).strip().title(), line[named.end() :], True
        elif _DASH.match(line) and not line.startswith("--"):
            line, turn = _DASH.sub("", line, count=1), True
            if voice is None:
                speaker = ""
        if line:
            turns.append(_Turn(start, end, speaker, line, turn))
    return turns


def _paragraphs(turns: list[_Turn], pause: float) -> list[tuple[float, str, str]]:
    """(start, speaker, text) for each paragraph: joined turns, cut at a speaker change or
    after a pause that follows a finished sentence."""
    out: list[tuple[float, str, str]] = []
    start, speaker, end = turns[0].start, turns[0].speaker, turns[0].end
    pieces: list[str] = []
    for turn in turns:
        last = pieces[-1] if pieces else ""
        finished = bool(_ENDS_SENTENCE.search(last))
        new_speaker = turn.speaker != speaker or (turn.turn and not turn.speaker)
        if pieces and (new_speaker or (turn.start - end > pause and finished)):
            out.append((start, speaker, " ".join(pieces)))
            start, speaker, pieces, last = turn.start, turn.speaker, [], ""
        piece = turn.text
        if last and _CONTINUED_END.search(last) and _CONTINUED_START.match(piece):
            pieces[-1] = _CONTINUED_END.sub("", last)  # « je pense… » « …que oui »
            piece = _CONTINUED_START.sub("", piece)
        elif not pieces:
            piece = _CONTINUED_START.sub("", piece) or piece
        if piece:
            pieces.append(piece)
        end = turn.end
    if pieces:
        out.append((start, speaker, " ".join(pieces)))
    return [(a, b, text) for a, b, text in out if text.strip()]
