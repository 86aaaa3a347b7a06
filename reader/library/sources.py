"""What ``reader add`` is given, read into a text for the library, then added.

- a path to ``.txt``, ``.md``, ``.html``, or ``-`` (stdin): read as ``reader PATH`` reads it;
- a path to an ``.epub``: a book (``reader.library.epub``);
- a path to a ``.pdf``: a PDF document (``reader.library.pdf``);
- a path to ``.srt`` or ``.vtt``: subtitles (``reader.library.subtitles``), each paragraph
  with its start time and speaker;
- an ``http://`` or ``https://`` URL: a web page, fetched (``reader.fetch.read_page``:
  at most ``PAGE_LIMIT`` bytes, a timeout, a few redirects, HTML only), decoded by its
  declared charset, and its article extracted (``reader.library.extract``).

Adding runs spaCy over the text once (``reader.nlp.cache.analysis_of``: the analysis is
kept, so the reader opening the text later, or adding it again, needs no new pass) for
the lemma index, and stores everything in one transaction. ``progress`` hears of each
step — ``("reading", page, pages)`` for a PDF, ``("analysing", block, blocks)``, then
``("storing", 0, 1)`` from inside the transaction — so that whatever it raises (Ctrl-C)
leaves nothing added.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

from reader import article as article_model
from reader.errors import InputError
from reader.fetch import read_page
from reader.library.shelf import Kind, Library, NewText, Text
from reader.textio import clean, decode_text

PAGE_LIMIT = 10 * 1024 * 1024
"""The most a web page may weigh; a news article's HTML is well under 2 MB."""
PAGE_TYPES = ("text/html", "application/xhtml+xml")
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
Progress = Callable[[str, int, int], None]
"""(step, done, total): "reading" (PDF pages), "analysing" (blocks), "storing"."""


def is_url(source: str) -> bool:
    return bool(_URL.match(source))


def read_source(source: str, title: str | None = None, progress: Progress | None = None) -> NewText:
    """Reads a path, ``-`` or URL into a text for the library; InputError (one line) if it cannot."""
    if not source.strip():
        raise InputError("give a file, - for stdin, or an http(s) URL to add")
    if is_url(source):
        new = _web_page(source)
    elif source == "-":
        article = article_model.load("-")
        new = NewText(f"stdin:{article.key}", "article", article.title, "", "", article)
    else:
        path = Path(source).expanduser()
        suffix = path.suffix.lower()
        if suffix == ".epub" and path.is_file():
            new = _book(path)
        elif suffix == ".pdf" and path.is_file():
            new = _pdf(path, progress)
        elif suffix in (".srt", ".vtt") and path.is_file():
            new = _subtitles(path)
        else:
            article = article_model.load(path)
            new = NewText(str(path.resolve()), "article", article.title, "", "", article)
    if title is not None and title.strip():
        new = dataclasses.replace(new, title=" ".join(clean(title).split()))
    return new


def add_source(
    library: Library, source: str, title: str | None = None, progress: Progress | None = None
) -> tuple[Text, bool]:
    """Reads, analyses (spaCy, once) and stores a source; returns the stored text and
    whether it was already there (then it is updated)."""
    new = read_source(source, title, progress)
    return store(library, new, progress)


def store(library: Library, new: NewText, progress: Progress | None = None) -> tuple[Text, bool]:
    """Analyses (spaCy, once) and stores a text read from its source."""
    from reader.library.index import form_lemmas, sentence_rows
    from reader.nlp.cache import analysis_of

    known = library.by_source(new.source) is not None
    blocks = len(new.article.blocks)
    done = 0

    def analysed() -> bool:
        nonlocal done
        done += 1
        if progress is not None:
            progress("analysing", done, blocks)
        return False

    # Kept by the article's key: opening it later costs no pass.
    tokens = analysis_of(new.article, analysed if progress is not None else None)
    rows = sentence_rows(new.article.blocks, tokens)
    storing = (lambda: progress("storing", 0, 1)) if progress is not None else None
    return library.add(new, rows, form_lemmas(tokens), storing), known


def _book(path: Path) -> NewText:
    from reader.library.epub import read_book

    book = read_book(path)
    source = str(path.resolve())
    article = article_model.from_blocks(book.pairs, source, path)
    return NewText(source, "book", book.title, book.author, "", article)


def _pdf(path: Path, progress: Progress | None) -> NewText:
    from reader.library.pdf import pages_note, read_pdf

    read = read_pdf(path, (lambda d, t: progress("reading", d, t)) if progress else None)
    source = str(path.resolve())
    article = article_model.from_blocks(read.pairs, source, path)
    article = dataclasses.replace(article, warnings=pages_note(read))
    return NewText(source, "pdf", read.title, read.author, "", article)


def _subtitles(path: Path) -> NewText:
    from reader.library.subtitles import read_subtitles
    from reader.settings import current

    found = read_subtitles(path, current().subtitle_pause)
    source = str(path.resolve())
    article = article_model.from_blocks(found.pairs, source, path)
    if len(article.blocks) != len(found.cues):  # from_blocks drops empty blocks: none here
        raise InputError(f"{path}: subtitles lost their timing while being read")
    return NewText(source, "subtitles", found.title, "", "", article, found.cues)


def _web_page(url: str) -> NewText:
    from reader.library.extract import extract

    page = read_page(url, limit=PAGE_LIMIT, error=InputError, accept=PAGE_TYPES)
    found = extract(page_text(page.data, page.charset, url), url)
    article = article_model.parse(found.html, url, fmt="html")
    kind: Kind = "web page"
    return NewText(url, kind, found.title or article.title, found.author, found.date, article)


def page_text(data: bytes, charset: str | None, url: str) -> str:
    """A page's bytes as text: the charset its header or a ``<meta>`` gives, else the
    reader's own guess (``reader.textio.decode_text``); cleaned of control characters."""
    if charset is None:
        declared = _META_CHARSET.search(data[:4096])
        charset = declared.group(1).decode("ascii") if declared else None
    if charset is not None:
        try:
            return clean(unicodedata.normalize("NFC", data.decode(charset)))
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown label: guess instead
    return decode_text(data, url).text
