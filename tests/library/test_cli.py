"""``reader add``, ``reader library``, ``reader remove`` and ``reader find`` as a new user
runs them: a text file, an EPUB made here and a page served on 127.0.0.1 are listed with
their titles and word counts; sources that cannot be added give one line and add nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.library.books import TITLE as BOOK_TITLE
from tests.library.books import book_files, book_words, sample_book, write_epub
from tests.library.pages import TITLE as PAGE_TITLE
from tests.library.pages import article_words, serving
from tests.support.cli import one_line_error, run_reader
from tests.support.cli import run_in_process as run

TEXT = (
    "Le voyage\n\nIl allait à Lyon chaque été. Le train partait tôt.\n\n"
    "Des hommes pressés montaient.\n"
)


def listed(capsys: pytest.CaptureFixture[str]) -> list[dict]:
    code, out, _ = run(capsys, "library", "--format", "json")
    assert code == 0
    return json.loads(out)["texts"]


def test_a_text_a_book_and_a_web_page_are_listed_and_searchable(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = tmp_path / "voyage.txt"
    text.write_text(TEXT, encoding="utf-8")
    book = sample_book(tmp_path)
    with serving() as site:
        for source in (str(text), str(book), f"{site}/article"):
            code, _, err = run(capsys, "add", source)
            assert code == 0, err
            assert err.startswith("reader: added #")
    texts = {t["title"]: t for t in listed(capsys)}
    assert set(texts) == {"Le voyage", BOOK_TITLE, PAGE_TITLE}
    assert texts["Le voyage"]["words"] == 2 + 10 + 4  # counted by hand
    assert texts[BOOK_TITLE]["words"] == book_words()
    assert texts[PAGE_TITLE]["words"] == article_words()
    assert [texts[t]["kind"] for t in ("Le voyage", BOOK_TITLE, PAGE_TITLE)] == [
        "article",
        "book",
        "web page",
    ]
    assert texts[BOOK_TITLE]["author"] == "Alexandre Dumas"
    assert texts[PAGE_TITLE]["author"] == "Marie Dupont"
    for entry in texts.values():
        assert set(entry) == {
            "id",
            "title",
            "author",
            "kind",
            "source",
            "words",
            "read",
            "known",
            "added",
            "opened",
        }
        assert entry["read"] == 0.0 and entry["known"] is None and entry["opened"] is None

    # "Lyon" is in the text file and the web page; "montaient" and the book's "monta" share a lemma.
    code, out, _ = run(capsys, "find", "Lyon", "--format", "json")
    found = json.loads(out)
    assert code == 0 and found["word"] == "Lyon" and found["lemma"] is None
    assert {h["title"] for h in found["hits"]} == {"Le voyage", PAGE_TITLE}
    code, out, _ = run(capsys, "find", "montaient", "--lemma", "--format", "json")
    found = json.loads(out)
    assert found["lemma"] == "monter"
    assert [(h["title"], h["fr"]) for h in found["hits"]] == [
        ("Le voyage", "Des hommes pressés montaient."),
        (BOOK_TITLE, "Le jeune homme monta les quatre étages d’un escalier obscur."),
    ]
    assert all(set(h) == {"text", "title", "block", "fr", "en"} for h in found["hits"])

    # Adding the same source again updates it; remove takes it out.
    code, _, err = run(capsys, "add", str(text), "--title", "Mon voyage")
    assert code == 0 and err.startswith("reader: updated #")
    assert len(listed(capsys)) == 3
    voyage = next(t for t in listed(capsys) if t["title"] == "Mon voyage")
    code, _, err = run(capsys, "remove", str(voyage["id"]))
    assert code == 0 and "removed" in err
    assert {t["title"] for t in listed(capsys)} == {BOOK_TITLE, PAGE_TITLE}


def test_sources_that_cannot_be_added_give_one_line_and_add_nothing(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.epub"
    broken.write_bytes(b"not a zip at all")
    files = book_files()
    files["META-INF/encryption.xml"] = (
        '<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" '
        'xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData>'
        '<enc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes256-cbc"/>'
        '<enc:CipherData><enc:CipherReference URI="OEBPS/texte/chapitre-3-les-catalans.xhtml"/>'
        "</enc:CipherData></enc:EncryptedData></encryption>"
    )
    encrypted = write_epub(tmp_path / "encrypted.epub", files)
    with serving() as site:
        sources = {
            str(broken): "broken EPUB",
            str(encrypted): "encrypted (DRM)",
            f"{site}/no-article": "no article found",
            f"{site}/missing": "404 Not Found",
            f"{site}/loop-a": "redirect loop",
            f"{site}/big": "larger than",
            f"{site}/report.pdf": "not a web page",
        }
        for source, said in sources.items():
            code, out, err = run(capsys, "add", source)
            lines = err.strip().splitlines()
            assert code == 1 and out == "", (source, err)
            assert len(lines) == 1 and lines[0].startswith("reader: error:") and said in lines[0]
    assert listed(capsys) == []


@pytest.mark.needs_apertium
def test_find_gives_the_cached_english_of_a_sentence(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from reader.cache import Cache
    from reader.engines.apertium import ApertiumEngine

    text = tmp_path / "voyage.txt"
    text.write_text(TEXT, encoding="utf-8")
    assert run(capsys, "add", str(text))[0] == 0
    engine = ApertiumEngine()
    cache = Cache()
    cache.put_many(
        "apertium", engine.cache_version, [("Le train partait tôt.", "The train left early.")]
    )
    cache.close()
    code, out, _ = run(capsys, "find", "train", "--format", "json")
    hits = json.loads(out)["hits"]
    assert code == 0 and [(h["fr"], h["en"]) for h in hits] == [
        ("Le train partait tôt.", "The train left early.")
    ]
    code, out, _ = run(capsys, "find", "hommes", "--format", "json")
    assert [h["en"] for h in json.loads(out)["hits"]] == [None]  # not translated yet


def test_find_counts_blocks_from_one_as_the_app_does(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """QA 2026-12-01-c C3: the app's "block 2/3" was find's block 1."""
    from reader.article import load

    text = tmp_path / "voyage.txt"
    text.write_text(TEXT, encoding="utf-8")
    assert run(capsys, "add", str(text))[0] == 0
    blocks = load(text).blocks
    code, out, _ = run(capsys, "find", "train", "--format", "json")
    (hit,) = json.loads(out)["hits"]
    assert "train" in blocks[hit["block"] - 1].text
    code, out, _ = run(capsys, "find", "train")
    assert f"│ {hit['block']} " in out or f"┃ {hit['block']} " in out


@pytest.mark.slow
def test_the_real_command_says_one_line(tmp_path: Path) -> None:
    broken = tmp_path / "broken.epub"
    broken.write_bytes(b"not a zip at all")
    line = one_line_error(run_reader("add", str(broken)))
    assert "broken EPUB" in line
    assert "no text 42" in one_line_error(run_reader("remove", "42"))
    done = run_reader("library", "--format", "json")
    assert done.returncode == 0 and json.loads(done.stdout) == {"texts": []}


def test_the_same_text_twice_is_one_text_and_a_given_title_stays(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Trial rows T4, T34: a copy of a file, the same page by another URL (a redirect, a
    fragment, tracking parameters) became new texts; re-adding dropped a --title."""
    import shutil

    text = tmp_path / "voyage.txt"
    text.write_text(TEXT, encoding="utf-8")
    code, _, err = run(capsys, "add", str(text), "--title", "Mon voyage")
    assert code == 0, err
    copy = tmp_path / "copie.txt"
    shutil.copy(text, copy)
    code, _, err = run(capsys, "add", str(copy))
    assert code == 0 and err.startswith("reader: already in your library as #1: Mon voyage")
    code, _, err = run(capsys, "add", str(text))  # again, without --title: it stays
    assert code == 0 and err.startswith("reader: updated #1: Mon voyage")
    with serving() as site:
        for url in (
            f"{site}/article",
            f"{site}/article?utm_source=lettre&utm_medium=mail#commentaires",
            f"{site}/moved",
        ):
            code, _, err = run(capsys, "add", url)
            assert code == 0, err
    assert [t["title"] for t in listed(capsys)] == [PAGE_TITLE, "Mon voyage"]
    assert "already in your library as #2" in err  # the redirect: the same blocks


ENGLISH = (
    "The history of the railway\n\nThe railway came to the town in 1850, and with it came "
    "new industries, new people and new ideas. Farmers could send their crops to the city "
    "markets in a single day, and workers travelled further than ever before.\n"
)


def test_a_text_that_is_not_french_is_refused_unless_asked(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Trial row T3: an English book was added without a word, then shown 100 % new."""
    english = tmp_path / "railway.txt"
    english.write_text(ENGLISH, encoding="utf-8")
    code, _, err = run(capsys, "add", str(english))
    assert code == 1
    assert "The history of the railway does not look French" in err
    assert "reader add --yes adds it anyway" in err and err.count("\n") == 1
    assert listed(capsys) == []
    code, _, err = run(capsys, "add", str(english), "--yes")
    assert code == 0 and "added #1" in err
