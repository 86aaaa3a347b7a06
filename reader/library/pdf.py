"""PDF documents, read with pypdfium2 (PDFium's own text layer: ligatures expanded, line-end
hyphens marked, one rectangle per run of text on a line).

Each page gives its text rectangles, each with its text, the size and weight of its first
character. Then:

- **reading order**: the page's columns are found from the gaps in the rectangles' x
  coverage (a gutter is an x range no line crosses, with lines on both sides); lines that
  cross a gutter (a title over both columns) cut the page into bands; each band is read
  column by column, left first, top to bottom, whatever order the content stream drew them;
- **running headers, footers and page numbers**: a line in the top or bottom margin that
  repeats (digits aside) on other pages, a lone number, or "page 3 sur 12", is dropped;
- **paragraphs** start after a larger line gap, at a first-line indent, or after a short line
  that closes a sentence; **headings** are lines in larger or bold type; the outline
  (bookmarks) gives the chapters, each a heading where its page starts;
- **hyphens**: a line-end hyphen is joined only where the joined word is one spaCy's French
  lemmatizer knows (``reader.nlp.analysis.lexicon``: headwords, exceptions, suffix rules; the
  model the library's analysis pass loads anyway), checked once per distinct word; otherwise
  the hyphen stays (« porte-parole »);
- **characters**: ligatures become letters, TeX's spacing accents (« ex´ecuter ») are
  composed with their letter, everything goes through ``reader.textio.clean``;
- **title**: the metadata's, else the largest type on the first page.

A PDF with no text layer (a scan), one that needs a password, or a damaged one is refused
with one line; a PDF where only some pages have no text is read, and the count of such
pages is a warning.
"""

from __future__ import annotations

import ctypes
import re
import statistics
import unicodedata
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.article import BlockKind
from reader.errors import InputError
from reader.textio import clean

if TYPE_CHECKING:
    from reader.nlp.analysis import Lexicon

MAX_PDF_BYTES = 300 * 1024 * 1024
"""The largest PDF read; a 1,000-page scanned book is about that."""

Progress = Callable[[int, int], None]
"""Called after each page with (pages done, pages in all)."""
KnownWords = Callable[[Collection[str]], set[str]]
"""Which of the given lower-case words are French words: the hyphen check."""

_LIGATURES = str.maketrans(
    {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
)
# TeX's spacing accents, drawn as their own glyph before (or, the cedilla, after) the letter.
_SPACING_ACCENTS = {
    "´": "\u0301",
    "`": "\u0300",
    "ˆ": "\u0302",
    "^": "\u0302",
    "¨": "\u0308",
    "˜": "\u0303",
    "˚": "\u030a",
}
_ACCENT_BEFORE = re.compile(r"([´`ˆ^¨˜˚]) ?([A-Za-zıȷ])")
_CEDILLA_AFTER = re.compile(r"([cC]) ?¸|¸ ?([cC])")
_DOTLESS = str.maketrans({"ı": "i", "ȷ": "j"})
_HYPHENS = ("\x02", "-", "\u00ad", "\u2010")
_HYPHEN_SET = frozenset(_HYPHENS)
_WORD_END = re.compile(r"(?<!\w)(\w+)$")  # (the lookbehind: tried once per word, not per letter)
_WORD_START = re.compile(r"^(\w+)")
_PAGE_NUMBER = re.compile(
    r"^(?:[-–—]?\s*\d{1,4}\s*[-–—]?|(?:page|p\.)\s*\d{1,4}(?:\s*(?:sur|/|de|of)\s*\d{1,4})?"
    r"|\d{1,4}\s*/\s*\d{1,4}|[ivxlcdm]{1,6})$",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")
_CLOSING = frozenset('.!?…:»")')
_FILE_LIKE_TITLE = re.compile(r"\.(?:docx?|pdf|tex|dvi|odt|rtf|indd|qxd)$|^untitled$", re.I)
MARGIN = 0.09
"""The top and bottom share of a page where running headers and footers live."""


@dataclass(frozen=True)
class PdfText:
    """A PDF's title, author and blocks as (kind, text) pairs, title first."""

    title: str
    author: str
    pairs: tuple[tuple[BlockKind, str], ...]
    pages: int
    empty_pages: int
    """Pages without a text layer (scans): not read."""


@dataclass(slots=True)
class _Line:
    """A line (or a run of one) on a page, in PDF points (y grows upwards)."""

    page: int
    left: float
    bottom: float
    right: float
    top: float
    text: str
    size: float
    bold: bool
    column: int = 0
    heading: bool = False

    @property
    def middle(self) -> float:
        return (self.bottom + self.top) / 2


@dataclass
class _Page:
    number: int
    width: float
    height: float
    lines: list[_Line] = field(default_factory=list)
    runs: bool = False
    """Some lines were read rectangle by rectangle: runs of one line may need joining."""


def read_pdf(
    path: Path, progress: Progress | None = None, known_words: KnownWords | None = None
) -> PdfText:
    """Reads a PDF, or raises InputError saying in one line why it cannot."""
    import pypdfium2 as pdfium

    name = str(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from exc
    if size > MAX_PDF_BYTES:
        raise InputError(
            f"{name}: too large ({size // 1024**2} MiB; limit {MAX_PDF_BYTES // 1024**2} MiB)"
        )
    try:
        document = pdfium.PdfDocument(path)
    except pdfium.PdfiumError as exc:
        raise InputError(f"{name}: {_open_error(exc)}") from exc
    try:
        total = len(document)
        if total == 0:
            raise InputError(f"{name}: damaged PDF (it has no pages)")
        pages: list[_Page] = []
        empty = 0
        for number in range(total):
            page = _read_page(document, number)
            if not any(line.text.strip() for line in page.lines):
                empty += 1
            pages.append(page)
            if progress is not None:
                progress(number + 1, total)
        if empty == total:
            raise InputError(
                f"{name}: no text layer (a scanned PDF?); only PDFs with text can be read "
                "(OCR it first, e.g. with ocrmypdf)"
            )
        metadata = _metadata(document)
        outline = _outline(document)
    except pdfium.PdfiumError as exc:
        raise InputError(f"{name}: damaged PDF ({exc})") from exc
    finally:
        document.close()
    return _assemble(pages, metadata, outline, empty, known_words or french_words, path.stem)


def _open_error(exc: Exception) -> str:
    code = getattr(exc, "err_code", None)
    if code == 4:  # FPDF_ERR_PASSWORD
        return "encrypted PDF (it needs a password); save a copy without one to read it"
    if code == 5:  # FPDF_ERR_SECURITY
        return "encrypted PDF (an unsupported security handler)"
    if code == 2:  # FPDF_ERR_FILE
        return "cannot open the file"
    return "damaged PDF (not a readable PDF file)"


def _metadata(document: object) -> dict[str, str]:
    try:
        found = document.get_metadata_dict(skip_empty=True)  # type: ignore[attr-defined]
    except Exception:  # metadata is a bonus: a broken info dictionary reads as none
        return {}
    return {str(k): " ".join(clean(str(v)).split()) for k, v in found.items()}


def _outline(document: object) -> list[tuple[int, str]]:
    """The outline's first two levels as (page index, title), in order."""
    marks: list[tuple[int, str]] = []
    try:
        for mark in document.get_toc(max_depth=2):  # type: ignore[attr-defined]
            dest = mark.get_dest()
            index = dest.get_index() if dest is not None else None
            title = " ".join(clean(mark.get_title()).split())
            if index is not None and title:
                marks.append((index, title))
    except Exception:  # a broken outline reads as none; the text is what matters
        return []
    return marks


def _read_page(document: object, number: int) -> _Page:
    """A page's lines: PDFium's text split at its line breaks (and line-end hyphens), each
    piece with its rectangle. PDFium's rectangles for the whole page come one a line, in
    the text's order; where they do not (a line holding two columns drawn side by side, a
    change of font inside a line), each line is measured alone, and one that covers two
    rectangles is read rectangle by rectangle."""
    import pypdfium2.raw as raw

    page = document[number]  # type: ignore[index]
    try:
        width, height = page.get_size()
        result = _Page(number, width, height)
        textpage = page.get_textpage()
        try:
            count = textpage.count_chars()
            text = textpage.get_text_range(0, count) if count > 0 else ""
            if len(text) != count:  # not one UTF-16 unit per character: no exact slices
                _by_rectangles(textpage, raw, result, 0, count)
                return result
            pieces = []
            start = 0
            for piece in _PIECES.finditer(text):
                end = piece.end()
                last = end if piece.group(0) == "\ufffe" else piece.start()
                if last > start and not text[start:last].isspace():
                    pieces.append((start, last))
                start = end
            handle = textpage.raw  # the C handle: no wrapper to resolve on each call
            one_each = raw.FPDFText_CountRects(handle, 0, -1) == len(pieces)
            get_rect, font_size = raw.FPDFText_GetRect, raw.FPDFText_GetFontSize
            font_weight, box, refs = raw.FPDFText_GetFontWeight, _BOX, _BOX_REFS
            lines = result.lines
            previous: _Line | None = None
            for index, (first, last) in enumerate(pieces):
                if not one_each:
                    if raw.FPDFText_CountRects(handle, first, last - first) != 1:
                        _by_rectangles(textpage, raw, result, first, last - first)
                        previous = None
                        continue
                    index = 0
                if not get_rect(handle, index, *refs):  # left, top, right, bottom
                    continue
                size = font_size(handle, first)
                if (
                    previous is None
                    or previous.bold
                    or previous.size != size
                    or previous.text[-1:] in _CLOSING
                ):  # a line that may start a heading: its weight, else its font's name
                    weight = font_weight(handle, first)
                    bold = weight >= 600 if weight > 0 else _bold_name(handle, raw, first)
                else:
                    bold = False  # inside a paragraph begun in another type: not a heading
                previous = _Line(
                    number,
                    box[0].value,
                    box[3].value,
                    box[2].value,
                    box[1].value,
                    text[first:last],
                    size,
                    bold,
                )
                lines.append(previous)
        finally:
            textpage.close()
    finally:
        page.close()
    return result


_BOX = [ctypes.c_double() for _ in range(4)]
_BOX_REFS = [ctypes.byref(b) for b in _BOX]


_PIECES = re.compile(r"\r\n|\ufffe|$")


def _by_rectangles(textpage: Any, raw: Any, page: _Page, first: int, count: int) -> None:
    page.runs = True
    for index in range(textpage.count_rects(first, count)):
        left, bottom, right, top = textpage.get_rect(index)
        text = textpage.get_text_bounded(left, bottom, right, top)
        if not text.strip():
            continue
        char = raw.FPDFText_GetCharIndexAtPos(textpage, left + 0.5, (bottom + top) / 2, 2.0, 2.0)
        size, bold = _font(textpage, raw, char) if char >= 0 else (top - bottom, False)
        page.lines.append(_Line(page.number, left, bottom, right, top, text, size, bold))


def _font(textpage: Any, raw: Any, char: int) -> tuple[float, bool]:
    """The size and boldness of a character's font (its weight, else its name)."""
    size = raw.FPDFText_GetFontSize(textpage, char)
    weight = raw.FPDFText_GetFontWeight(textpage, char)
    return size, weight >= 600 if weight > 0 else _bold_name(textpage, raw, char)


_NAME = ctypes.create_string_buffer(128)


def _bold_name(textpage: Any, raw: Any, char: int) -> bool:
    """Whether the character's font has a bold name (its weight unknown)."""
    raw.FPDFText_GetFontInfo(textpage, char, _NAME, 128, None)
    return _BOLD_NAME.search(_NAME.value) is not None


_BOLD_NAME = re.compile(rb"(?i)bold|black|heavy")


# ------------------------------------------------------------------ layout


def _merge_runs(lines: list[_Line]) -> list[_Line]:
    """Runs on one baseline and close together (a bold word inside a line) become one line."""
    merged: list[_Line] = []
    for line in sorted(lines, key=lambda ln: (-round(ln.middle), ln.left)):
        last = merged[-1] if merged else None
        if (
            last is not None
            and abs(last.middle - line.middle) < 0.35 * max(last.size, line.size)
            and 0 <= line.left - last.right < 1.0 * max(last.size, line.size)
        ):
            gap = line.left - last.right
            joint = "" if gap < 0.12 * line.size or last.text.endswith(" ") else " "
            last.text = last.text + joint + line.text
            last.right = line.right
            last.top, last.bottom = max(last.top, line.top), min(last.bottom, line.bottom)
            last.bold = last.bold and line.bold
        else:
            merged.append(line)
    return merged


def _gutters(lines: Sequence[_Line], width: float) -> list[float]:
    """The x of each gutter between columns: a run of x at least 6 points wide that no
    line covers (lines that cross every candidate, such as a title over two columns, are
    few and left out), between 15 % and 85 % of the page's width, with at least three
    lines on each side. One sweep over the lines' edges."""
    if len(lines) < 6 or width <= 0:
        return []
    allowed = max(1, len(lines) // 12)  # lines over both columns: a title, a wide heading
    low, high = 0.15 * width, 0.85 * width
    edges = sorted([(ln.left, 1) for ln in lines] + [(ln.right, -1) for ln in lines])
    found: list[float] = []
    cover, free_from = 0, 0.0
    for x, step in edges:
        before = cover
        cover += step
        if before <= allowed < cover:  # a free run ends at x
            _gutter(found, lines, max(free_from, low), min(x, high))
        elif cover <= allowed < before:  # a free run starts at x
            free_from = x
    if cover <= allowed:
        _gutter(found, lines, max(free_from, low), high)
    return found


def _gutter(found: list[float], lines: Sequence[_Line], start: float, end: float) -> None:
    if end - start < 6:
        return
    middle = (start + end) / 2
    left = sum(1 for ln in lines if ln.right <= middle)
    right = sum(1 for ln in lines if ln.left >= middle)
    if left >= 3 and right >= 3:
        found.append(middle)


def _reading_order(lines: list[_Line], gutters: Sequence[float]) -> list[_Line]:
    """The page's lines in reading order: bands cut by lines crossing a gutter, each band
    column by column, left first, top to bottom."""
    if not gutters:
        return sorted(lines, key=lambda ln: (-ln.top, ln.left))
    ordered: list[_Line] = []
    band: list[_Line] = []

    def flush() -> None:
        band.sort(key=lambda ln: (ln.column, -ln.top, ln.left))
        ordered.extend(band)
        band.clear()

    first, last = gutters[0], gutters[-1]
    for line in sorted(lines, key=lambda ln: (-ln.top, ln.left)):
        if (
            line.left < last
            and line.right > first
            and any(line.left < g < line.right for g in gutters)
        ):
            flush()
            line.column = 0
            ordered.append(line)
        else:
            line.column = bisect_right(gutters, line.left)  # the gutters run left to right
            band.append(line)
    flush()
    return ordered


def _fits(lines: Sequence[_Line], gutters: Sequence[float]) -> bool:
    """No more than one line crosses the gutters (a title may)."""
    return sum(1 for ln in lines if any(ln.left < g < ln.right for g in gutters)) <= 1


def _running_lines(pages: Sequence[_Page]) -> set[tuple[int, int]]:
    """(page, line id) of headers, footers and page numbers: lines in a page's margin that
    repeat (digits aside) on other pages, lone numbers and "page N sur M"."""
    shapes: Counter[str] = Counter()
    margin: list[tuple[_Page, _Line, str]] = []
    for page in pages:
        seen: set[str] = set()
        for line in page.lines:
            if line.bottom > (1 - MARGIN) * page.height or line.top < MARGIN * page.height:
                shape = _DIGITS.sub("#", " ".join(line.text.split()).casefold())
                margin.append((page, line, shape))
                if shape not in seen:
                    seen.add(shape)
                    shapes[shape] += 1
    repeated = max(2, min(3, (len(pages) + 1) // 2))
    return {
        (page.number, id(line))
        for page, line, shape in margin
        if shapes[shape] >= repeated or _PAGE_NUMBER.match(shape.replace("#", "1").strip())
    }


def _assemble(
    pages: list[_Page],
    metadata: dict[str, str],
    outline: list[tuple[int, str]],
    empty: int,
    known_words: KnownWords,
    stem: str,
) -> PdfText:
    running = _running_lines(pages)
    for page in pages:
        page.lines = [ln for ln in page.lines if (page.number, id(ln)) not in running]
    merged = [_merge_runs(page.lines) if page.runs else page.lines for page in pages]
    found = [_gutters(lines, page.width) for page, lines in zip(pages, merged, strict=True)]
    common = Counter(tuple(round(g / 10) for g in f) for f in found if f).most_common(1)
    usual = next(
        (f for f in found if common and f and tuple(round(g / 10) for g in f) == common[0][0]), []
    )
    for lines in merged:
        _clean_lines(lines)
    ordered: list[_Line] = []
    for lines, gutters in zip(merged, found, strict=True):
        if not gutters and usual and len(lines) < 6 and _fits(lines, usual):
            gutters = usual  # a short page laid out as the others
        ordered.extend(_reading_order(lines, gutters))
    ordered = [line for line in ordered if line.text.strip()]
    body = _body_size(ordered)
    title = _title(metadata, ordered, body, stem)
    groups = _paragraphs(ordered, body, {page for page, _ in outline})
    pairs = _blocks(groups, body, known_words)
    pairs = _chapters(pairs, outline)
    if pairs and pairs[0][0] == "heading" and _folded(pairs[0][1][1]) == _folded(title):
        pairs = pairs[1:]  # the title in large type on page 1
    out: list[tuple[BlockKind, str]] = [("title", title)]
    out.extend((kind, text) for kind, (_, text) in pairs)
    return PdfText(title, metadata.get("Author", ""), tuple(out), len(pages), empty)


_UNUSUAL = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufffe\ufb00-\ufb06´`ˆ^¨˜˚¸]")


_UNUSUAL_BUT_MARK = re.compile(
    "[\x00\x01\x03-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufb00-\ufb06´`ˆ^¨˜˚¸]"
)


def _clean_lines(lines: Sequence[_Line]) -> None:
    """``_characters`` for a page's lines, with one check for the whole page: on most pages
    no line has anything to repair but its right end, spaces or PDFium's line-end hyphen
    mark (U+FFFE, or U+0002; both are starters, so the lines joined by one are NFC exactly
    when each is)."""
    joined = "\x02".join(line.text for line in lines)
    if _UNUSUAL_BUT_MARK.search(joined) is None and unicodedata.is_normalized("NFC", joined):
        for line in lines:
            text = line.text
            if "\x02" in text:
                line.text = _characters(text)
            elif "\ufffe" not in text:
                line.text = text.rstrip()
            elif text.find("\ufffe") == len(text) - 1:  # only the line-end hyphen
                line.text = text[:-1].rstrip() + "\x02"
            else:
                line.text = _characters(text)
    else:
        for line in lines:
            line.text = _characters(line.text)


def _characters(text: str) -> str:
    """Ligatures as letters, TeX's spacing accents on their letter, controls gone (PDFium's
    line-end hyphen mark, U+0002, stays for the hyphen check)."""
    if _UNUSUAL.search(text) is None and unicodedata.is_normalized("NFC", text):
        return text.rstrip()  # most lines
    text = text.replace("\r", "").replace("\n", " ").replace("\ufffe", "\x02")
    text = text.translate(_LIGATURES)
    if any(c in text for c in "´`ˆ^¨˜˚¸"):
        text = _ACCENT_BEFORE.sub(
            lambda m: _accented(m.group(2), _SPACING_ACCENTS[m.group(1)]), text
        )
        text = _CEDILLA_AFTER.sub(
            lambda m: unicodedata.normalize("NFC", (m.group(1) or m.group(2)) + "\u0327"), text
        )
    hyphen = text.rstrip().endswith("\x02")
    text = clean(unicodedata.normalize("NFC", text.replace("\x02", "")))
    return text.rstrip() + ("\x02" if hyphen else "")


def _accented(letter: str, mark: str) -> str:
    composed = unicodedata.normalize("NFC", letter.translate(_DOTLESS) + mark)
    return composed


def _body_size(lines: Sequence[_Line]) -> float:
    exact: dict[float, int] = {}  # a few distinct sizes: round them once each
    for line in lines:
        exact[line.size] = exact.get(line.size, 0) + len(line.text)
    sizes: Counter[float] = Counter()
    for size, chars in exact.items():
        sizes[round(size, 1)] += chars
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _title(metadata: dict[str, str], lines: Sequence[_Line], body: float, stem: str) -> str:
    """The metadata's title, else the largest type on the first page with text (when it is
    larger than the body's), else the file's name."""
    title = metadata.get("Title", "")
    if title and not _FILE_LIKE_TITLE.search(title):
        return title
    first = [ln for ln in lines if ln.page == lines[0].page] if lines else []
    largest = max((ln.size for ln in first), default=0.0)
    if largest >= 1.15 * body:
        words = [ln.text for ln in first if ln.size >= largest - 0.5][:3]
        found = " ".join(" ".join(words).replace("\x02", "-").split())
        if found:
            return found[:200]
    return " ".join(clean(stem).split()) or "Untitled PDF"


def _paragraphs(
    lines: Sequence[_Line], body: float, chapter_pages: Collection[int] = ()
) -> list[list[_Line]]:
    """Lines grouped into paragraphs and headings (a heading is a group of its own)."""
    groups: list[list[_Line]] = []
    gaps = [
        a.bottom - b.bottom
        for a, b in zip(lines, lines[1:], strict=False)
        if a.page == b.page
        and a.column == b.column
        and 0 < a.bottom - b.bottom < 3 * body
        and abs(a.size - body) < 0.5
        and abs(b.size - body) < 0.5
    ]
    leading = statistics.median(gaps) if gaps else 1.2 * body
    # Each column's left edge and right edge, to tell indents and short lines.
    edges: dict[tuple[int, int], tuple[float, float]] = {}
    for line in lines:
        key = (line.page, line.column)
        left, right = edges.get(key, (line.left, line.right))
        edges[key] = (min(left, line.left), max(right, line.right))
    large = 1.15 * body
    for line in lines:
        line.heading = (line.bold or line.size >= large) and _is_heading(line, body)
    indent, big_gap = 0.8 * body, 1.45 * leading
    previous: _Line | None = None
    for line in lines:
        heading = line.heading
        page = line.page
        if previous is None:
            new = True
        else:  # an outline entry may start on a new page
            new = heading or previous.heading or (page != previous.page and page in chapter_pages)
        if not new and previous is not None:
            left = edges[(page, line.column)][0]
            same_place = page == previous.page and line.column == previous.column
            if same_place and previous.bottom - line.bottom > big_gap:
                new = True
            elif line.left - left > indent and abs(previous.left - left) < indent:
                new = True  # a first-line indent
            elif previous.text[-1:] in _CLOSING:  # (lines are stripped on the right)
                before_left, before_right = edges[(previous.page, previous.column)]
                if previous.right < before_right - 0.1 * (before_right - before_left):
                    new = True  # a short last line
        if new and not (
            heading
            and groups
            and previous is not None
            and previous.heading
            and abs(previous.size - line.size) < 0.5
            and previous.page == line.page
            and previous.bottom - line.bottom < 2.5 * line.size
        ):
            groups.append([line])
        else:
            groups[-1].append(line)
        previous = line
    return groups


def _is_heading(line: _Line, body: float) -> bool:
    if not line.bold and line.size < 1.15 * body:
        return False  # most lines
    text = line.text.rstrip("\x02")
    if len(text) > 120 or len(text.split()) > 18:
        return False
    return line.size >= 1.15 * body or (line.bold and not text.rstrip().endswith((",", ";")))


def _blocks(
    groups: Sequence[list[_Line]], body: float, known_words: KnownWords
) -> list[tuple[BlockKind, tuple[int, str]]]:
    """Each group as (kind, (page, text)), lines joined: a line-end hyphen is kept or dropped
    by one batched word check."""
    hyphens = _HYPHEN_SET
    texts = [[line.text for line in group] for group in groups]
    joins = [  # for each line ending in a hyphen: its index, and the word a join would make
        [
            (i, _hyphen_join(lines[i], lines[i + 1]))
            for i in range(len(lines) - 1)
            if lines[i][-1:] in hyphens
        ]
        for lines in texts
    ]
    candidates = {j for found in joins for _, j in found if j}
    known = known_words(candidates) if candidates else set()
    out: list[tuple[BlockKind, tuple[int, str]]] = []
    for group, lines, found in zip(groups, texts, joins, strict=True):
        for i, joined in found:
            if joined is None:
                lines[i] = lines[i].rstrip("\x02")
                continue
            if joined in known:
                lines[i] = lines[i].rstrip().rstrip(_HYPHEN_CHARS) + _GLUE
            else:
                lines[i] = lines[i].rstrip().rstrip("\x02").rstrip("-") + "-" + _GLUE
            lines[i + 1] = lines[i + 1].lstrip()
        joined_text = " ".join(lines).replace(_GLUE + " ", "").replace("\x02", "-")
        text = " ".join(joined_text.split())
        if text:
            kind: BlockKind = "heading" if group[0].heading else "paragraph"
            out.append((kind, (group[0].page, text)))
    return out


_HYPHEN_CHARS = "".join(_HYPHENS)
_GLUE = "\x00"
"""Marks a line joined to the next without a space (no line holds it: ``clean`` drops it)."""


def _hyphen_join(before: str, after: str) -> str | None:
    """The word a line-end hyphen would make, lower case, or None if no hyphen ends ``before``."""
    if before[-1:] not in _HYPHEN_SET:
        return None
    stripped = before.rstrip().rstrip(_HYPHEN_CHARS)
    head = _WORD_END.search(stripped, stripped.rfind(" ") + 1)  # the last word
    tail = _WORD_START.search(after.lstrip())
    if head is None or tail is None or not tail.group(1)[0].islower():
        return None if head is None or tail is None else ""
    return (head.group(1) + tail.group(1)).lower()


def _chapters(
    pairs: list[tuple[BlockKind, tuple[int, str]]], outline: Sequence[tuple[int, str]]
) -> list[tuple[BlockKind, tuple[int, str]]]:
    """The outline's titles as headings: a block of the title's page that says the title
    becomes that heading; a title no block says goes before the page's first block."""
    if not outline:
        return pairs
    said = {(page, _folded(text)) for _, (page, text) in pairs}
    missing: dict[int, list[str]] = {}
    wanted: set[tuple[int, str]] = set()
    for page, title in outline:
        if (page, _folded(title)) in said:
            wanted.add((page, _folded(title)))
        else:
            missing.setdefault(page, []).append(title)
    out: list[tuple[BlockKind, tuple[int, str]]] = []
    placed: set[int] = set()
    for kind, (page, text) in pairs:
        if page in missing and page not in placed:
            placed.add(page)
            out.extend(("heading", (page, title)) for title in missing[page])
        if (page, _folded(text)) in wanted:
            kind = "heading"
        out.append((kind, (page, text)))
    return out


def _folded(text: str) -> str:
    return " ".join(text.casefold().split())


def french_words(words: Collection[str]) -> set[str]:
    """The words spaCy's French lemmatizer knows (a headword, an exception, a form of its
    lookup table, or a suffix rule leading to a headword)."""
    from reader.nlp.analysis import lexicon

    found = lexicon()
    return {w for w in words if w and _known(found, w)}


def _known(lexicon: Lexicon, word: str) -> bool:
    if lexicon.lookup(word):
        return True
    return any(lexicon.headword(word, part) for part in ("NOUN", "VERB", "ADJ", "ADV"))


def pages_note(text: PdfText) -> tuple[str, ...]:
    """The warning for pages without text, if any."""
    if not text.empty_pages:
        return ()
    n = text.empty_pages
    return (
        f"{n} of {text.pages} page{'s' * (text.pages != 1)} had no text (scanned?) and "
        f"{'were' if n != 1 else 'was'} left out",
    )
