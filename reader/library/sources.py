"""What ``reader add`` is given, read into a text for the library, then added.

- a path to ``.txt``, ``.md``, or ``-`` (stdin): read as ``reader PATH`` reads it;
- a path to ``.html`` (a page saved from a browser): its article extracted as for a URL;
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
import urllib.parse
from collections.abc import Callable
from pathlib import Path

from reader import article as article_model
from reader.errors import InputError
from reader.fetch import read_page
from reader.library.shelf import Kind, Library, NewText, Text
from reader.textio import clean, clean_line, decode_text

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
        new = _web_page(canonical_url(source))
    elif source == "-":
        article = article_model.load("-")
        new = NewText(f"stdin:{article.key}", "article", article.title, "", "", article)
    else:
        path = Path(source).expanduser()
        suffix = path.suffix.lower()
        if suffix == ".epub" and path.is_file():
            new = _book(path)
        elif suffix in (".html", ".htm") and path.is_file():
            new = _saved_page(path)
        elif suffix == ".pdf" and path.is_file():
            new = _pdf(path, progress)
        elif suffix in (".srt", ".vtt") and path.is_file():
            new = _subtitles(path)
        else:
            article = article_model.load(path)
            new = NewText(str(path.resolve()), "article", article.title, "", "", article)
    if title is not None and title.strip():
        new = dataclasses.replace(new, title=clean_line(title))
    return new


_TRACKING = re.compile(r"^(?:utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|xtor|at_\w+)$")


def canonical_url(url: str) -> str:
    """The page a URL names: without its fragment (``#section``) and tracking parameters
    (``utm_…``, ``fbclid``…), so that the same page added twice is one text."""
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError:
        return url  # the fetch says what is wrong with it
    query = [
        (k, v)
        for k, v in urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
        if not _TRACKING.match(k)
    ]
    return urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode(query), fragment=""))


def add_source(
    library: Library,
    source: str,
    title: str | None = None,
    progress: Progress | None = None,
    check: Callable[[NewText], None] | None = None,
) -> tuple[Text, bool]:
    """Reads, analyses (spaCy, once) and stores a source; returns the stored text and
    whether it was already there (then it is updated). ``check`` may refuse the text
    read, before the spaCy pass. The same text from another source (a copy of a file,
    stdin, another URL of a page) is not added again: the text already there is returned
    (``added_message`` says so). A title given once stays when the source is added again
    without one."""
    new = read_source(source, title, progress)
    if check is not None:
        check(new)
    stored = library.by_source(new.source)
    if stored is None:
        twin = library.by_key(new.article.key)
        if twin is not None:
            return twin, True
    elif not (title and title.strip()):
        new = dataclasses.replace(new, title=stored.title)
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


def added_message(text: Text, updated: bool, source: str) -> str:
    """What ``reader add`` (and the app) says: added, updated, or already there from
    another source."""
    words = f"{text.kind}, {text.words:,} word{'s' * (text.words != 1)}"
    if updated and text.source not in _names_of(source):
        return (
            f"already in your library as #{text.id}: {text.title} ({words}); "
            f"the same text as {text.source}, nothing added"
        )
    return f"{'updated' if updated else 'added'} #{text.id}: {text.title} ({words})"


def _names_of(source: str) -> set[str]:
    """The library sources ``source`` may be stored under."""
    if is_url(source):
        return {source, canonical_url(source)}
    if source == "-":
        return set()
    try:
        return {source, str(Path(source).expanduser().resolve())}
    except OSError:
        return {source}


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


def _saved_page(path: Path) -> NewText:
    """A page saved from a browser: the same article extraction as a URL (no cookie
    banner, breadcrumb or newsletter box; its author and date), kept as an article. A
    plain HTML file with no page around its text is read as ``reader PATH`` reads it."""
    from reader.library.extract import extract
    from reader.textio import read_bytes

    data, name = read_bytes(path)
    source = str(path.resolve())
    try:
        found = extract(page_text(data, None, name), name)
    except InputError:  # too little text for an article page: a plain HTML file
        article = article_model.load(path)
        return NewText(source, "article", article.title, "", "", article)
    article = article_model.parse(found.html, source, path, fmt="html")
    return NewText(
        source, "article", found.title or article.title, found.author, found.date, article
    )


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
