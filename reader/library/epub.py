"""EPUB books, read with the standard library (zipfile, xml.etree).

The container names the package (OPF); its spine gives the documents in reading order
(``linear="no"`` ones, such as a cover, are left out); each XHTML document goes through
the project's HTML reader (``reader.article.html_units``). Each chapter starts with a
heading: its label in the book's table of contents (the EPUB 3 navigation document, or
the EPUB 2 NCX), else the document's own first heading. Documents without text (a cover,
an illustration) are skipped. Title and author come from the package's metadata, cleaned
of control characters and bidi overrides as they are read (``reader.textio.clean_line``).

A book with DRM (``META-INF/rights.xml``, or content documents listed in
``META-INF/encryption.xml``; obfuscated fonts alone are fine), a damaged archive or a
missing package file is refused with one line.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit
from xml.etree import ElementTree as ET

from reader.archives import check_unpacked
from reader.article import BlockKind, Unit, classify, html_units
from reader.errors import InputError
from reader.textio import MAX_BYTES, clean_line, decode_text

MAX_BOOK_BYTES = 200 * 1024 * 1024
"""What the documents of one book may add up to, unpacked."""

_NS = {
    "c": "urn:oasis:names:tc:opendocument:xmlns:container",
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
    "ncx": "http://www.daisy.org/z3986/2005/ncx/",
    "enc": "http://www.w3.org/2001/04/xmlenc#",
}
# Font obfuscation (IDPF and Adobe): fonts only, the text stays readable.
_FONT_OBFUSCATION = frozenset(
    {"http://www.idpf.org/2008/embedding", "http://ns.adobe.com/pdf/enc#RC"}
)
_DOCUMENT_TYPES = frozenset({"application/xhtml+xml", "text/html"})
_TITLE_ELEMENT = re.compile(r"<title[^>]*>.*?</title\s*>", re.IGNORECASE | re.DOTALL)
_H1 = re.compile(r"<h1[\s>]", re.IGNORECASE)
_NOT_A_TITLE = "\x00"  # stands first for classify() when a chapter has no heading


@dataclass(frozen=True)
class Book:
    """A book's metadata and its blocks as (kind, text) pairs, title first."""

    title: str
    author: str
    language: str
    pairs: tuple[tuple[BlockKind, str], ...]


def read_book(path: Path) -> Book:
    """Reads an EPUB file, or raises InputError saying in one line why it cannot."""
    name = str(path)
    try:
        with zipfile.ZipFile(path) as book:
            return _Reader(book, name, path).read()
    except zipfile.BadZipFile as exc:
        raise InputError(f"{name}: broken EPUB (not a readable zip archive: {exc})") from exc
    except (OSError, EOFError) as exc:
        raise InputError(f"{name}: cannot read ({getattr(exc, 'strerror', None) or exc})") from exc


class _Reader:
    """One pass over an open EPUB archive."""

    def __init__(self, book: zipfile.ZipFile, name: str, path: Path) -> None:
        self.book = book
        self.name = name
        self.path = path
        self.members = {info.filename: info for info in book.infolist()}

    def broken(self, why: str) -> InputError:
        return InputError(f"{self.name}: broken EPUB ({why})")

    def bytes_of(self, member: str) -> bytes:
        info = self.members.get(member)
        if info is None:
            raise self.broken(f"{member} is missing")
        if info.file_size > MAX_BYTES:
            raise self.broken(f"{member} is too large ({info.file_size // 1024**2} MiB)")
        return self.book.read(info)

    def xml(self, member: str) -> ET.Element:
        try:
            return ET.fromstring(self.bytes_of(member))
        except ET.ParseError as exc:
            raise self.broken(f"{member} is not valid XML: {exc}") from exc

    def read(self) -> Book:
        self.refuse_drm()
        opf_path = self.package_path()
        opf = self.xml(opf_path)
        base = posixpath.dirname(opf_path)
        manifest = {item.get("id", ""): item for item in opf.iterfind("opf:manifest/opf:item", _NS)}
        documents = self.spine(opf, manifest, base)
        self.refuse_encrypted_documents(documents)
        check_unpacked(
            self.path,
            sum(self.members[d].file_size for d in documents if d in self.members),
            MAX_BOOK_BYTES,
            InputError,
        )
        labels = self.labels(opf, manifest, base)
        title = _first_text(opf, "opf:metadata/dc:title") or self.path.stem
        pairs: list[tuple[BlockKind, str]] = [("title", title)]
        for document in documents:
            text = decode_text(self.bytes_of(document), f"{self.name}:{document}").text
            pairs.extend(chapter_pairs(text, labels.get(document)))
        if len(pairs) == 1:
            raise InputError(f"{self.name}: this EPUB has no readable text")
        return Book(
            title, _authors(opf), _first_text(opf, "opf:metadata/dc:language"), _tidy(pairs)
        )

    def refuse_drm(self) -> None:
        if "META-INF/rights.xml" in self.members:
            raise InputError(
                f"{self.name}: this EPUB is protected by DRM; only books without DRM can be read"
            )

    def refuse_encrypted_documents(self, documents: list[str]) -> None:
        if "META-INF/encryption.xml" not in self.members:
            return
        readable: set[str] = set()
        encrypted: set[str] = set()
        for data in self.xml("META-INF/encryption.xml").iterfind(".//enc:EncryptedData", _NS):
            method = data.find("enc:EncryptionMethod", _NS)
            reference = data.find(".//enc:CipherReference", _NS)
            target = unquote(reference.get("URI", "")) if reference is not None else ""
            algorithm = method.get("Algorithm", "") if method is not None else ""
            (readable if algorithm in _FONT_OBFUSCATION else encrypted).add(target)
        if encrypted or readable & set(documents):
            raise InputError(
                f"{self.name}: this EPUB is encrypted (DRM); only books without DRM can be read"
            )

    def package_path(self) -> str:
        container = self.xml("META-INF/container.xml")
        for rootfile in container.iterfind(".//c:rootfile", _NS):
            full_path = rootfile.get("full-path")
            if full_path and rootfile.get("media-type", "application/oebps-package+xml") == (
                "application/oebps-package+xml"
            ):
                if full_path not in self.members:
                    raise self.broken(f"its package file {full_path} is missing")
                return full_path
        raise self.broken("META-INF/container.xml names no package file")

    def spine(self, opf: ET.Element, manifest: dict[str, ET.Element], base: str) -> list[str]:
        documents = []
        for ref in opf.iterfind("opf:spine/opf:itemref", _NS):
            item = manifest.get(ref.get("idref", ""))
            if item is None or ref.get("linear", "yes") == "no":
                continue
            if item.get("media-type") in _DOCUMENT_TYPES:
                documents.append(_joined(base, item.get("href", "")))
        if not documents:
            raise self.broken("its spine lists no document")
        return documents

    def labels(self, opf: ET.Element, manifest: dict[str, ET.Element], base: str) -> dict[str, str]:
        """The table of contents: the first label of each document."""
        nav = next((i for i in manifest.values() if "nav" in i.get("properties", "").split()), None)
        if nav is not None:
            found = self.nav_labels(_joined(base, nav.get("href", "")))
            if found:
                return found
        toc = opf.find("opf:spine", _NS)
        ncx = manifest.get(toc.get("toc", "")) if toc is not None else None
        if ncx is None:
            ncx = next(
                (i for i in manifest.values() if i.get("media-type") == "application/x-dtbncx+xml"),
                None,
            )
        return self.ncx_labels(_joined(base, ncx.get("href", ""))) if ncx is not None else {}

    def nav_labels(self, member: str) -> dict[str, str]:
        from bs4 import BeautifulSoup

        if member not in self.members:
            return {}
        soup = BeautifulSoup(decode_text(self.bytes_of(member), member).text, "html.parser")
        navs = soup.find_all("nav")
        toc = next((n for n in navs if "toc" in str(n.get("epub:type", "")).split()), None)
        labels: dict[str, str] = {}
        for link in (toc or soup).find_all("a", href=True):
            label = clean_line(link.get_text(" "))
            target = _joined(posixpath.dirname(member), str(link["href"]))
            if label:
                labels.setdefault(target, label)
        return labels

    def ncx_labels(self, member: str) -> dict[str, str]:
        if member not in self.members:
            return {}
        labels: dict[str, str] = {}
        for point in self.xml(member).iterfind(".//ncx:navPoint", _NS):
            text = point.find("ncx:navLabel/ncx:text", _NS)
            content = point.find("ncx:content", _NS)
            if text is None or content is None:
                continue
            label = clean_line("".join(text.itertext()))
            target = _joined(posixpath.dirname(member), content.get("src", ""))
            if label:
                labels.setdefault(target, label)
        return labels


def chapter_pairs(xhtml: str, label: str | None) -> list[tuple[BlockKind, str]]:
    """One document of a book as (kind, text) pairs, its heading first; [] without text.

    The heading is the table of contents' label, else the document's h1; an h1 that says
    more than the label stays as a second heading, one the label already says goes. ``<title>`` is metadata, not text."""
    units = html_units(_TITLE_ELEMENT.sub("", xhtml))
    if not units:
        return []
    if _H1.search(xhtml) and units[0].hint is None:  # html_units put the h1 first
        h1 = units.pop(0)
        if label is None:
            label = h1.text
        elif _folded(h1.text) not in _folded(label):  # « Le départ » under its label
            units.insert(
                0, Unit(h1.text, 0, 0, True, "heading")
            )  # « Chapitre premier : le départ »
    elif label is None and units[0].hint == "heading":
        label, units = units[0].text, units[1:]
    pairs = classify([Unit(label or _NOT_A_TITLE, 0, 0, True), *units])
    out: list[tuple[BlockKind, str]] = [("heading", label)] if label else []
    out.extend(("paragraph" if kind == "lede" else kind, text) for kind, text in pairs[1:])
    return out


def _folded(text: str) -> str:
    return " ".join(text.casefold().split())


def _tidy(pairs: list[tuple[BlockKind, str]]) -> tuple[tuple[BlockKind, str], ...]:
    """Drops a heading that only repeats the block before it (a title page's h1)."""
    out: list[tuple[BlockKind, str]] = []
    for kind, text in pairs:
        if out and kind == "heading" and text.casefold() == out[-1][1].casefold():
            continue
        out.append((kind, text))
    return tuple(out)


def _joined(base: str, href: str) -> str:
    """A member name from an href relative to ``base`` (fragment and escapes removed)."""
    return posixpath.normpath(posixpath.join(base, unquote(urlsplit(href).path))).lstrip("/")


def _first_text(root: ET.Element, path: str) -> str:
    element = root.find(path, _NS)
    return clean_line("".join(element.itertext())) if element is not None else ""


def _authors(opf: ET.Element) -> str:
    """The creators whose role, if stated, is author."""
    role = f"{{{_NS['opf']}}}role"
    names = [
        clean_line("".join(c.itertext()))
        for c in opf.iterfind("opf:metadata/dc:creator", _NS)
        if c.get(role, "aut") == "aut"
    ]
    return ", ".join(dict.fromkeys(n for n in names if n))
