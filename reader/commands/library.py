"""The library commands: ``reader add``, ``reader library``, ``reader show``, ``reader remove``,
``reader find``."""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from enum import Enum
from typing import TYPE_CHECKING, Annotated

import typer

from reader.commands.arguments import ListFormat
from reader.commands.common import err, json_out, notice, one_line_table, safe_console, write_out

if TYPE_CHECKING:
    from collections.abc import Callable

    from reader.library.shelf import Library, NewText
    from reader.library.sources import Progress


FormatOption = Annotated[ListFormat, typer.Option("--format", "-f", help="Output format.")]


def _library() -> Library:  # imported lazily: keeps --help instant
    from reader.library.shelf import Library

    library = Library()
    if library.notice:
        notice(library.notice)
    return library


def add(
    source: Annotated[
        str,
        typer.Argument(
            help="A French text (.txt, .md, .html, .epub, .pdf, .srt, .vtt), - for stdin, "
            "or an http(s) URL.",
            metavar="PATH|URL",
        ),
    ],
    title: Annotated[
        str | None, typer.Option("--title", "-t", help="The title to list it under.")
    ] = None,
    yes: Annotated[
        bool, typer.Option("--yes", "-y", help="Add it even if it does not look French.")
    ] = False,
) -> None:
    """Add a text to the library (adding the same source again updates it)."""
    from reader.library.sources import add_source, added_message

    refuse = None if yes else french_check("reader add --yes adds it anyway")
    read: list[NewText] = []  # the text as read: its warnings (PDF pages without text…) are said

    def check(new: NewText) -> None:
        read.append(new)
        if refuse is not None:
            refuse(new)

    with _library() as library, _progress(source) as progress:
        text, updated = add_source(library, source, title, progress, check)
    for warning in read[0].article.warnings if read else ():
        notice(warning)
    notice(added_message(text, updated, source))


def french_check(hint: str) -> Callable[[NewText], None]:
    """Refuses (InputError, one line ending with ``hint``) a text that does not look French."""
    from reader.errors import InputError
    from reader.learning.french import not_french

    def check(new: NewText) -> None:
        why = not_french("\n".join(b.text for b in new.article.blocks), new.title or new.source)
        if why is not None:
            raise InputError(f"{why}; {hint}")

    return check


_STEPS = {"reading": "reading pages", "analysing": "analysing", "storing": "storing"}
PROGRESS_AFTER = 1.0
"""Seconds of adding before the progress bar shows (a quick add shows none)."""


@contextmanager
def _progress(source: str) -> Iterator[Progress | None]:
    """A progress bar on stderr for what takes more than a second (a terminal only; a
    pipe or a file gets nothing). Ctrl-C stops it; the library stays as it was."""
    if not err.is_terminal:
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=err,
        transient=True,
    )
    task = bar.add_task(f"reading {source}", total=None, visible=False)
    started = time.monotonic()

    def report(step: str, done: int, total: int) -> None:
        bar.update(task, description=_STEPS.get(step, step), completed=done, total=total)
        if time.monotonic() - started > PROGRESS_AFTER:
            bar.update(task, visible=True)

    with bar:
        yield report


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{round(100 * value)} %"


def _date(stamp: float | None) -> str:
    return "—" if stamp is None else time.strftime("%Y-%m-%d %H:%M", time.localtime(stamp))


def _iso(stamp: float | None) -> str | None:
    return None if stamp is None else time.strftime("%Y-%m-%dT%H:%M:%S", time.localtime(stamp))


def library(fmt: FormatOption = ListFormat.table) -> None:
    """List the texts in the library, the last opened first."""
    from reader.learning.stats import known_shares
    from reader.learning.store import LearningError, LearningStore
    from reader.library.shelf import with_known

    with _library() as shelf:
        texts = shelf.texts()
    try:
        texts = with_known(texts, known_shares(LearningStore()))
    except LearningError as exc:
        notice(f"% known not shown: {exc}")
    if fmt is ListFormat.json:
        rows = [
            {
                "id": t.id,
                "title": t.title,
                "author": t.author,
                "kind": t.kind,
                "source": t.source,
                "words": t.words,
                "read": round(t.read, 4),
                "known": None if t.known is None else round(t.known, 4),
                "added": _iso(t.added),
                "opened": _iso(t.opened),
            }
            for t in texts
        ]
        json_out({"texts": rows})
        return
    if not texts:
        notice("the library is empty (reader add PATH|URL adds a text)")
        return
    console = safe_console()
    table_rows = [
        (
            str(t.id),
            t.title,
            t.author,
            t.kind,
            f"{t.words:,}",
            _percent(t.read),
            _percent(t.known),
            _date(t.opened),
        )
        for t in texts
    ]
    names = ("id", "title", "author", "kind", "words", "read", "known", "last opened")
    # One line per text (T7): the title and the author share what the others leave.
    table = one_line_table(
        console, names, table_rows, {1: 3, 2: 1}, ("id", "words", "read", "known")
    )
    console.print(table)


class ShowFormat(str, Enum):
    text = "text"
    json = "json"


def show(
    text_id: Annotated[
        int, typer.Argument(help="The text's id (reader library lists them).", metavar="ID")
    ],
    fmt: Annotated[
        ShowFormat, typer.Option("--format", "-f", help="Output format.")
    ] = ShowFormat.text,
) -> None:
    """Print a library text's stored blocks (n from 1, as the app counts them)."""
    with _library() as shelf:
        text = shelf.text(text_id)
        article = shelf.article(text_id)
        cues = shelf.cues(text_id)
    blocks = []
    for block in article.blocks:
        cue = cues[block.index] if block.index < len(cues) else None
        blocks.append(
            {
                "n": block.index + 1,
                "kind": block.kind,
                "fr": block.text,
                "heading": block.kind in ("title", "heading"),
                "start": None if cue is None else cue.start,
                "speaker": None if cue is None or not cue.speaker else cue.speaker,
            }
        )
    if fmt is ShowFormat.json:
        payload = {"id": text.id, "title": text.title, "kind": text.kind, "blocks": blocks}
        json_out(payload)
        return
    lines = [f"#{text.id} {text.title} ({text.kind})", ""]
    for b in blocks:
        start = b["start"]
        stamp = f"[{_clock(start)}] " if isinstance(start, float) else ""
        speaker = f"{b['speaker']}: " if b["speaker"] else ""
        mark = "# " if b["heading"] else ""
        lines.append(f"{b['n']:>4}  {stamp}{mark}{speaker}{b['fr']}")
    write_out("\n".join(lines) + "\n")


def _clock(seconds: float) -> str:
    whole = int(seconds)
    return f"{whole // 3600:d}:{whole // 60 % 60:02d}:{whole % 60:02d}"


def remove(
    text_id: Annotated[
        int, typer.Argument(help="The text's id (reader library lists them).", metavar="ID")
    ],
) -> None:
    """Remove a text from the library (the translation cache and your vocabulary stay)."""
    with _library() as shelf:
        text = shelf.remove(text_id)
    notice(f"removed #{text.id}: {text.title}")


def find(
    word: Annotated[str, typer.Argument(help="A French word.", metavar="WORD")],
    lemma: Annotated[
        bool, typer.Option("--lemma", "-l", help="Any form of the word (by its lemma).")
    ] = False,
    fmt: FormatOption = ListFormat.table,
    limit: Annotated[int, typer.Option("--limit", "-n", help="Show at most N sentences.")] = 100,
) -> None:
    """Find the sentences of your library that hold a word."""
    from reader.corrections.store import yours_for
    from reader.errors import InputError
    from reader.textio import clean

    word = " ".join(clean(word).split())
    if not word:
        raise InputError("give a word to find")
    with _library() as shelf:
        base = lemma_for(shelf, word) if lemma else None
        hits = shelf.find(base or word, lemma=lemma, limit=max(1, limit))
    english = cached_english([h.fr for h in hits])
    english.update(yours_for([h.fr for h in hits]))  # your English first, as everywhere
    if fmt is ListFormat.json:
        payload = {
            "word": word,
            "lemma": base,
            "hits": [
                {
                    "text": h.text,
                    "title": h.title,
                    "block": h.block + 1,  # from 1, as the app and reader speak --block count
                    "fr": h.fr,
                    "en": english.get(h.fr),
                }
                for h in hits
            ],
        }
        json_out(payload)
        return
    if not hits:
        notice(
            f"no sentence of your library holds {word!r}" + (f" (lemma {base!r})" if lemma else "")
        )
        return
    from rich.table import Table

    table = Table("text", "block", "French", "English")
    for h in hits:
        table.add_row(f"#{h.text} {h.title}", str(h.block + 1), h.fr, english.get(h.fr, "—"))
    safe_console().print(table)
    texts = len({h.text for h in hits})
    notice(
        f"{len(hits)} sentence{'s' * (len(hits) != 1)} in {texts} text{'s' * (texts != 1)}"
        + (f" (lemma {base})" if lemma else "")
        + (" — the first ones; --limit shows more" if len(hits) == limit else "")
    )


def lemma_for(shelf: Library, word: str) -> str:
    """The lemma of ``word``: the one the library's texts gave it, else the word itself
    if it is a lemma there, else spaCy's (loading spaCy takes seconds)."""
    known = shelf.lemma_of(word)
    if known is not None:
        return known
    if shelf.find(word, lemma=True, limit=1):
        return word.lower()
    from reader.article import from_blocks
    from reader.nlp.analysis import analyse

    tokens = analyse(from_blocks([("paragraph", word)], "<word>").blocks)[0]
    words = [t for t in tokens if any(c.isalnum() for c in t.text)]
    return words[0].lemma if len(words) == 1 else word.lower()


def cached_english(sentences: Sequence[str]) -> dict[str, str]:
    """The English of each sentence the translation cache holds, from the best engine that
    translated it (the engines' registry order: Argos, then Apertium); none is run."""
    from reader.article import from_blocks
    from reader.cache import Cache, CacheUnavailable
    from reader.engines import marked, select
    from reader.errors import EngineError

    if not sentences:
        return {}
    try:
        cache = Cache()
    except CacheUnavailable:
        return {}
    found: dict[str, str] = {}
    stand_in = from_blocks([("title", "—")], "<find>")  # the machine engines ignore it
    try:
        for name in select.ENGINES:
            if name in ("reference", "none") or not select.available(name, stand_in):
                continue
            try:
                engine = select.make(name, stand_in)
            except EngineError:
                continue
            missing = [s for s in sentences if s not in found]
            cached = cache.get_many(engine.name, engine.cache_version, missing)
            engine.close()
            found.update((s, marked.strip(m)) for s, m in cached.items())
    finally:
        cache.close()
    return found
