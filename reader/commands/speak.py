"""``reader speak``: French text, or an article (one block or sentence of it), played or
written as a WAV file."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from reader.commands.common import check_output, load_article, notice

if TYPE_CHECKING:
    from reader.article import Article


def speak(
    what: Annotated[
        str,
        typer.Argument(
            help="French text to say, or an article file (.txt, .md, .html; - for stdin).",
            metavar="TEXT|PATH",
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write the sound to FILE.wav instead of playing it.",
            metavar="FILE.wav",
        ),
    ] = None,
    block: Annotated[
        int | None,
        typer.Option(help="Say block N only; 1 is the first (an article's title).", metavar="N"),
    ] = None,
    sentence: Annotated[
        int | None,
        typer.Option(
            help="Say sentence N only; 1 is the first of the block (or of the whole text).",
            metavar="N",
        ),
    ] = None,
    show: Annotated[
        bool,
        typer.Option(
            "--print",
            help="Print the words the engine is given (numbers and abbreviations written "
            "out) instead of speaking.",
        ),
    ] = False,
) -> None:
    """Say French text aloud offline (espeak-ng), or write it as a WAV file.

    TEXT|PATH is a file when it names one or looks like a file name (a path, or a name
    ending in .txt, .md or .html); otherwise it is the text to say. --block and
    --sentence count from 1.
    """
    from reader.settings import current
    from reader.speech import Speech, utterance

    if output is not None:
        check_output(output, "wav")
    text = utterance(_choose(_article(what), block, sentence))
    speech = Speech(current().speech)
    if show:
        print(speech.said(text))
        return
    if output is not None:
        _write(output, speech.wav(text))
        return
    playback = speech.say(text)
    try:
        playback.wait()
    except KeyboardInterrupt:
        playback.stop()
        raise


def _article(what: str) -> Article:
    from reader import article

    looks_like_a_file = not any(c.isspace() for c in what) and (
        os.sep in what or what.lower().endswith(article.ARTICLE_SUFFIXES)
    )
    if what == "-" or os.path.isfile(what) or looks_like_a_file:
        return load_article(what)
    return article.parse(what)


def _choose(article: Article, block: int | None, sentence: int | None) -> list[str]:
    """The texts of the blocks or sentence chosen (numbered from 1); InputError when out of range."""
    from reader.errors import InputError

    blocks = article.blocks
    if block is not None:
        if not 1 <= block <= len(blocks):
            raise InputError(f"--block {block}: the text has {_count(len(blocks), 'block')}")
        blocks = blocks[block - 1 : block]
    if sentence is None:
        return [b.text for b in blocks]
    sentences = [s.text for b in blocks for s in b.sentences]
    if not 1 <= sentence <= len(sentences):
        where = f"block {block}" if block is not None else "the text"
        raise InputError(f"--sentence {sentence}: {where} has {_count(len(sentences), 'sentence')}")
    return [sentences[sentence - 1]]


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'s' * (n != 1)}" + (f" (1 to {n})" if n > 1 else "")


def _write(output: Path, data: bytes) -> None:
    from reader.speech import SpeechError
    from reader.speech.wav import duration
    from reader.store import atomic_write

    try:
        atomic_write(output, data)
    except OSError as exc:
        raise SpeechError(f"cannot write {output}: {exc.strerror or exc}") from exc
    notice(f"wrote {output} ({duration(data):.1f} s)")
