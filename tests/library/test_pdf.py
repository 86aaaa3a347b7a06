"""``reader add FILE.pdf`` and ``reader show``: a two-column French PDF whose right column
comes first in its content stream, with hyphenated line ends, ligature glyphs, a running
header and a page footer, is stored whole and in reading order; an image-only PDF, an
encrypted one and a damaged one give one line and add nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.library.pdf import read_pdf
from reader.library.shelf import Library
from tests.library import pdfs
from tests.support.cli import run_in_process as run


def shown(capsys: pytest.CaptureFixture[str], text_id: int) -> dict:
    code, out, err = run(capsys, "show", str(text_id), "--format", "json")
    assert code == 0, err
    return json.loads(out)


def test_the_content_streams_order_is_not_the_reading_order(tmp_path: Path) -> None:
    """Checks the fixture: without column ordering, the right column would come first."""
    import pypdfium2 as pdfium

    path = pdfs.two_columns(tmp_path / "gazette.pdf")
    document = pdfium.PdfDocument(path)
    stream_text = document[0].get_textpage().get_text_range()
    document.close()
    assert stream_text.index("Les parents") < stream_text.index("Le conseil")


def test_a_two_column_pdf_is_added_in_reading_order_with_words_whole(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = pdfs.two_columns(tmp_path / "gazette.pdf")
    code, _, err = run(capsys, "add", str(path))
    assert code == 0, err
    assert err.strip() == "reader: added #1: Un budget pour les écoles (pdf, 84 words)"
    stored = shown(capsys, 1)
    assert (stored["id"], stored["title"], stored["kind"]) == (
        1,
        "Un budget pour les écoles",
        "pdf",
    )
    blocks = stored["blocks"]
    assert [b["n"] for b in blocks] == list(range(1, len(blocks) + 1))
    assert blocks[0] == {
        "n": 1,
        "kind": "title",
        "fr": "Un budget pour les écoles",
        "heading": True,
        "start": None,
        "speaker": None,
    }
    assert [b["fr"] for b in blocks[1:]] == [
        "Le conseil municipal a voté hier soir un budget exceptionnel pour la rénovation des "
        "écoles. Le porte-parole de la mairie a confirmé la nouvelle.",
        "Les travaux commenceront au printemps, afin de ne pas gêner les élèves.",
        "Les parents d'élèves ont salué une décision très attendue. Une réunion publique aura "
        "lieu le mois prochain à la salle des fleurs.",
        "Le maire a également annoncé la création d'une bibliothèque dans le quartier nord. "
        "Elle ouvrira ses portes à la rentrée prochaine.",
    ]
    everything = " ".join(b["fr"] for b in blocks)
    assert "Gazette" not in everything and "sur 2" not in everything  # header, footer
    assert not any(c in everything for c in "ﬁﬂ\x02\ufffe")


def test_show_as_text_numbers_the_blocks(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "add", str(pdfs.two_columns(tmp_path / "gazette.pdf")))
    code, out, _ = run(capsys, "show", "1")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "#1 Un budget pour les écoles (pdf)"
    assert lines[2] == "   1  # Un budget pour les écoles"
    assert lines[3].startswith("   2  Le conseil municipal")


def test_a_hyphen_is_joined_only_where_the_joined_word_is_known(tmp_path: Path) -> None:
    path = pdfs.two_columns(tmp_path / "gazette.pdf")
    asked: list[set[str]] = []

    def knows_nothing(words):
        asked.append(set(words))
        return set()

    text = " ".join(body for _, body in read_pdf(path, known_words=knows_nothing).pairs)
    assert len(asked) == 1  # one batch for the whole document
    assert asked[0] == {"exceptionnel", "porteparole", "attendue", "bibliothèque"}
    assert "exception-nel" in text and "biblio-thèque" in text and "porte-parole" in text


def test_title_from_the_largest_type_and_chapters_from_the_outline(tmp_path: Path) -> None:
    path = pdfs.two_columns(tmp_path / "gazette.pdf", title=None)
    assert read_pdf(path, known_words=set).title == "Un budget pour les écoles"
    found = read_pdf(pdfs.with_outline(tmp_path / "conte.pdf"), known_words=set)
    assert found.title == "conte"  # no metadata, no larger type: the file's name
    assert list(found.pairs) == [
        ("title", "conte"),
        ("heading", "Premier chapitre"),
        ("paragraph", "Il était une fois un village."),
        ("heading", "Second chapitre"),
        ("paragraph", "Puis vint l'hiver."),
    ]


def test_an_outline_title_the_page_already_shows_is_not_repeated(tmp_path: Path) -> None:
    found = read_pdf(pdfs.with_outline(tmp_path / "conte.pdf", drawn=True), known_words=set)
    assert [kind for kind, _ in found.pairs[1:]] == ["heading", "paragraph"] * 2
    assert [text for _, text in found.pairs[1:]] == [
        "Premier chapitre",
        "Il était une fois un village.",
        "Second chapitre",
        "Puis vint l'hiver.",
    ]


def test_tex_spacing_accents_are_repaired(tmp_path: Path) -> None:
    found = read_pdf(pdfs.tex_accents(tmp_path / "tex.pdf"), known_words=set)
    assert found.pairs[1] == ("paragraph", "Il faut exécuter le programme à la main, garçon.")


def test_an_image_only_pdf_is_refused_in_one_line(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = pdfs.image_only(tmp_path / "scan.pdf")
    code, out, err = run(capsys, "add", str(path))
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and str(path) in err and "no text layer" in err
    with Library() as shelf:
        assert shelf.count() == 0


def test_some_scanned_pages_are_counted_and_the_rest_added(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "add", str(pdfs.some_scanned(tmp_path / "rapport.pdf")))
    assert code == 0
    assert "1 of 2 pages had no text" in err
    assert shown(capsys, 1)["blocks"][1]["fr"] == "La première page a bien du texte."


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage", "damaged PDF"),
        (b"not a pdf at all", "damaged PDF"),
    ],
)
def test_a_damaged_pdf_is_refused_in_one_line(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], content, said: str
) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(content)
    code, _, err = run(capsys, "add", str(path))
    assert code == 1 and err.count("\n") == 1 and said in err and str(path) in err
    with Library() as shelf:
        assert shelf.count() == 0


def test_an_encrypted_pdf_is_refused_in_one_line(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    path = tmp_path / "secret.pdf"
    c = canvas.Canvas(
        str(path), encrypt=pdfencrypt.StandardEncryption("motdepasse", ownerPassword="autre")
    )
    c.drawString(60, 700, "Un texte secret.")
    c.showPage()
    c.save()
    code, _, err = run(capsys, "add", str(path))
    assert code == 1 and err.count("\n") == 1 and "encrypted PDF" in err
    with Library() as shelf:
        assert shelf.count() == 0


def test_headings_from_larger_or_bold_type(tmp_path: Path) -> None:
    found = read_pdf(pdfs.headings(tmp_path / "titres.pdf"), known_words=set)
    assert list(found.pairs) == [
        ("title", "Titres"),
        ("paragraph", "Le budget a été voté hier soir."),
        ("heading", "Les travaux"),
        ("paragraph", "Ils commenceront au printemps."),
        ("heading", "Le calendrier"),
        ("paragraph", "Les écoles fermeront en juillet."),
    ]
