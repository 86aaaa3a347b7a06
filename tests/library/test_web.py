"""Web pages by URL, served from 127.0.0.1: the article's text without navigation,
adverts, "read also" boxes or comments, its title, author and date; pages that cannot be
added give one line each."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.errors import InputError
from reader.library.extract import extract
from reader.library.sources import page_text, read_source
from tests.library.pages import AUTHOR, BOILERPLATE, HEADING, LAST, PARAGRAPHS, TITLE, serving


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    with serving() as base:
        yield base


def test_the_article_of_a_page_without_its_boilerplate(site: str) -> None:
    text = read_source(f"{site}/article")
    assert (text.kind, text.title, text.author, text.published) == (
        "web page",
        TITLE,
        AUTHOR,
        "2026-11-28",
    )
    blocks = [(b.kind, b.text) for b in text.article.blocks]
    assert [t for _, t in blocks] == [TITLE, *PARAGRAPHS, HEADING, LAST]
    assert ("heading", HEADING) in blocks
    everything = " ".join(t for _, t in blocks)
    for furniture in BOILERPLATE:
        assert furniture not in everything
    assert "Par " not in everything  # the byline is the author, not a paragraph


def test_a_redirect_is_followed_and_a_declared_charset_used(site: str) -> None:
    assert read_source(f"{site}/moved").title == TITLE
    latin = read_source(f"{site}/latin1")
    # The page's ’ has no Latin-1 byte: the server sent "?" for it.
    assert latin.title == TITLE and latin.article.blocks[1].text == PARAGRAPHS[0].replace("’", "?")


@pytest.mark.parametrize(
    ("path", "said"),
    [
        ("/missing", "the server answered 404 Not Found"),
        ("/no-article", "no article found on this page"),
        ("/loop-a", "redirect loop"),
        ("/big", "download larger than 10,485,760 bytes, stopped"),
        ("/big-declared", "too large (52,428,800 bytes"),
        ("/report.pdf", "not a web page (its content type is application/pdf)"),
    ],
)
def test_pages_that_cannot_be_added_say_why_in_one_line(site: str, path: str, said: str) -> None:
    with pytest.raises(InputError) as caught:
        read_source(f"{site}{path}")
    assert said in str(caught.value) and "\n" not in str(caught.value)


def test_only_http_and_https(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="only http and https"):
        read_source("ftp://127.0.0.1/page.html")
    with pytest.raises(InputError, match="only http and https"):
        read_source("file:///etc/passwd")


def test_the_charset_of_a_meta_tag_and_a_wrong_label() -> None:
    page = '<html><head><meta charset="windows-1252"></head><body>é</body></html>'.encode("cp1252")
    assert "é" in page_text(page, None, "u")
    assert "é" in page_text("<p>é</p>".encode(), "no-such-charset", "u")  # guessed instead


def test_control_characters_never_reach_the_text() -> None:
    from reader.article import parse

    sentence = (
        "<p>Une phrase \x1b[31mrouge\x1b[0m assez longue, avec des virgules, pour compter.</p>"
    )
    html = f"<html><head><title>Titre \x1b]0;pwned\x07</title></head><body><article>{sentence * 6}</article></body></html>"
    page = extract(html, "u")
    article = parse(page.html, "u", fmt="html")
    assert "\x1b" not in page.title and "\x07" not in page.title
    assert all("\x1b" not in b.text for b in article.blocks)
    assert "rouge" in article.blocks[1].text


def test_loose_text_and_double_line_breaks_become_paragraphs() -> None:
    from reader.article import parse

    body = "<br><br>".join(
        f"Paragraphe {n}, une ligne de texte assez longue, avec des mots." for n in range(1, 6)
    )
    page = extract(
        f"<html><head><title>Titre</title></head><body><div class='post-body'>{body}<div>fin</div></div></body></html>",
        "u",
    )
    texts = [b.text for b in parse(page.html, "u", fmt="html").blocks if b.kind != "title"]
    assert texts[:5] == [
        f"Paragraphe {n}, une ligne de texte assez longue, avec des mots." for n in range(1, 6)
    ]


def test_a_page_saved_from_a_browser_is_extracted_as_its_url_is(tmp_path: Path) -> None:
    """Trial row T40: ``reader add news.html`` kept the banner, breadcrumb, byline and
    newsletter box that the same page added by URL leaves out."""
    from tests.library.pages import AUTHOR, BOILERPLATE, article_page

    saved = tmp_path / "news.html"
    saved.write_text(article_page(), encoding="utf-8")
    new = read_source(str(saved))
    assert new.kind == "article" and new.source == str(saved.resolve())
    assert new.title == TITLE and new.author == AUTHOR and new.published == "2026-11-28"
    everything = " ".join(b.text for b in new.article.blocks)
    for furniture in BOILERPLATE:
        assert furniture not in everything
    plain = tmp_path / "court.html"  # a plain HTML file, too short for an article page
    plain.write_text("<h1>Titre</h1><p>Un texte court.</p>", encoding="utf-8")
    assert [b.text for b in read_source(str(plain)).article.blocks] == ["Titre", "Un texte court."]
