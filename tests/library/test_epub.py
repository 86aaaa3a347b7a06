"""EPUB books: the spine in order, chapters as headings from the table of contents (or
the document's h1), title and author from the metadata, image-only pages skipped; a
broken, DRM-protected or encrypted book refused with one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.errors import InputError
from reader.library.epub import chapter_pairs, read_book
from tests.library.books import AUTHOR, CHAPTERS, TITLE, book_files, sample_book, write_epub


def headings(book) -> list[str]:
    return [text for kind, text in book.pairs if kind == "heading"]


def test_a_book_reads_in_spine_order_with_its_chapters_as_headings(tmp_path: Path) -> None:
    book = read_book(sample_book(tmp_path))
    assert (book.title, book.author, book.language) == (TITLE, AUTHOR, "fr")  # not the illustrator
    assert book.pairs[0] == ("title", TITLE)
    # Labels from the navigation document; chapter 2's h1 says more than its label, so it stays.
    assert headings(book) == [
        "Marseille. — L’arrivée",
        "Le père et le fils",
        "II. Le père et le fils",
        "Les Catalans",
    ]
    paragraphs = [text for kind, text in book.pairs if kind == "paragraph"]
    assert paragraphs == [p for *_, chapter in CHAPTERS for p in chapter]
    assert "Couverture" not in str(book.pairs) and "Illustration" not in str(book.pairs)


def test_an_epub2_book_takes_its_chapter_names_from_the_ncx(tmp_path: Path) -> None:
    book = read_book(sample_book(tmp_path, nav=False, ncx=True))
    assert headings(book)[:2] == ["Marseille. — L’arrivée", "Le père et le fils"]


def test_without_a_table_of_contents_the_documents_h1_is_the_heading(tmp_path: Path) -> None:
    book = read_book(sample_book(tmp_path, nav=False, ncx=False))
    assert headings(book) == ["Marseille. — L’arrivée", "II. Le père et le fils", "Les Catalans"]


def test_an_h1_its_label_already_says_is_not_repeated() -> None:
    """QA 2026-12-01-c C6: « Le départ » under « Chapitre premier : le départ » was a
    second heading."""
    page = "<html><body><h1>Le départ</h1><p>Nous partîmes à l'aube.</p></body></html>"
    assert chapter_pairs(page, "Chapitre premier : le  Départ") == [
        ("heading", "Chapitre premier : le  Départ"),
        ("paragraph", "Nous partîmes à l'aube."),
    ]
    wider = page.replace("Le départ", "Le départ de Paris, un matin")
    assert [k for k, _ in chapter_pairs(wider, "Chapitre premier")] == [
        "heading",
        "heading",
        "paragraph",
    ]


def test_a_chapter_without_any_heading_keeps_its_paragraphs() -> None:
    pairs = chapter_pairs("<html><body><p>Une phrase.</p><p>Une autre.</p></body></html>", None)
    assert pairs == [("paragraph", "Une phrase."), ("paragraph", "Une autre.")]


def test_font_obfuscation_alone_is_fine(tmp_path: Path) -> None:
    files = book_files()
    files["OEBPS/fonts/garamond.otf"] = b"\x00" * 100
    files["META-INF/encryption.xml"] = encryption(
        "http://www.idpf.org/2008/embedding", "OEBPS/fonts/garamond.otf"
    )
    assert read_book(write_epub(tmp_path / "fonts.epub", files)).title == TITLE


def encryption(algorithm: str, target: str) -> str:
    return (
        '<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" '
        'xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData>'
        f'<enc:EncryptionMethod Algorithm="{algorithm}"/>'
        f'<enc:CipherData><enc:CipherReference URI="{target}"/></enc:CipherData>'
        "</enc:EncryptedData></encryption>"
    )


def broken(tmp_path: Path, name: str, change) -> str:
    files = book_files()
    change(files)
    with pytest.raises(InputError) as caught:
        read_book(write_epub(tmp_path / name, files))
    message = str(caught.value)
    assert "\n" not in message and name in message
    return message


def test_encrypted_and_drm_books_are_refused(tmp_path: Path) -> None:
    chapter = "OEBPS/" + CHAPTERS[0][0]
    aes = "http://www.w3.org/2001/04/xmlenc#aes128-cbc"
    assert "encrypted (DRM)" in broken(
        tmp_path,
        "aes.epub",
        lambda f: f.update({"META-INF/encryption.xml": encryption(aes, chapter)}),
    )
    assert "encrypted (DRM)" in broken(  # obfuscation applied to text is no font
        tmp_path,
        "obfuscated-text.epub",
        lambda f: f.update(
            {"META-INF/encryption.xml": encryption("http://www.idpf.org/2008/embedding", chapter)}
        ),
    )
    assert "DRM" in broken(
        tmp_path, "adobe.epub", lambda f: f.update({"META-INF/rights.xml": "<rights/>"})
    )


def test_broken_books_are_refused_with_one_line(tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.epub"
    garbage.write_bytes(b"PK\x03\x04 not really a zip" * 10)
    with pytest.raises(InputError, match="broken EPUB"):
        read_book(garbage)
    assert "container.xml is missing" in broken(
        tmp_path, "no-container.epub", lambda f: f.pop("META-INF/container.xml")
    )
    assert "package file OEBPS/contenu.opf is missing" in broken(
        tmp_path, "no-opf.epub", lambda f: f.pop("OEBPS/contenu.opf")
    )
    assert "not valid XML" in broken(
        tmp_path, "bad-opf.epub", lambda f: f.update({"OEBPS/contenu.opf": "<package><unclosed>"})
    )
    assert "is missing" in broken(
        tmp_path, "no-chapter.epub", lambda f: f.pop("OEBPS/" + CHAPTERS[1][0])
    )


def test_a_book_of_pictures_only_has_no_readable_text(tmp_path: Path) -> None:
    def pictures_only(files) -> None:
        for name, *_ in CHAPTERS:
            files["OEBPS/" + name] = files["OEBPS/couverture.xhtml"]

    assert "no readable text" in broken(tmp_path, "album.epub", pictures_only)
