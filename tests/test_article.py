"""Blocks from plain text, Markdown, HTML and stdin."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.article import load, parse, text_units
from tests.conftest import SEED


def test_seed_structure():
    article = load(SEED)
    kinds = Counter(b.kind for b in article.blocks)
    # The seed has a title, a lede, 6 headings and 12 paragraphs; the line that repeats
    # the title after the lede is not a block of its own.
    assert kinds == {"title": 1, "lede": 1, "heading": 6, "paragraph": 12}
    assert [b.kind for b in article.blocks[:4]] == ["title", "lede", "paragraph", "heading"]
    assert sum(1 for b in article.blocks if b.text == article.title) == 1
    assert article.blocks[3].text == "De nouvelles opportunités pour l’Ukraine"
    assert all(b.sentences for b in article.blocks)


def test_sentences_are_slices_of_their_block():
    for block in load(SEED).blocks:
        for s in block.sentences:
            assert block.text[s.start : s.end] == s.text


def test_markdown(tmp_path):
    path = tmp_path / "a.md"
    path.write_text(
        "# Le titre\n\nUn **chapeau** qui résume tout.\n\n## Une partie\n\nPremier [lien](http://x) ici.\nSuite du paragraphe.\n\nDeuxième paragraphe.\n",
        encoding="utf-8",
    )
    blocks = load(path).blocks
    assert [(b.kind, b.text) for b in blocks] == [
        ("title", "Le titre"),
        ("lede", "Un chapeau qui résume tout."),
        ("heading", "Une partie"),
        ("paragraph", "Premier lien ici. Suite du paragraphe."),
        ("paragraph", "Deuxième paragraphe."),
    ]


def test_html(tmp_path):
    path = tmp_path / "a.html"
    path.write_text(
        "<html><head><title>Site</title><script>var x;</script></head><body><h1>Le titre</h1>"
        "<p>Le chapeau.</p><h2>Partie</h2><p>Un <b>paragraphe</b> long ici.</p><p>Un autre.</p></body></html>",
        encoding="utf-8",
    )
    blocks = load(path).blocks
    assert [(b.kind, b.text) for b in blocks] == [
        ("title", "Le titre"),
        ("lede", "Le chapeau."),
        ("heading", "Partie"),
        ("paragraph", "Un paragraphe long ici."),
        ("paragraph", "Un autre."),
    ]


def test_hard_wrapped_text_joins_lines():
    line = "Le gouvernement a annoncé mardi une série de mesures destinées à"
    text = f"Titre du texte\n\n{line}\nsoutenir les agriculteurs touchés.\n\n{line}\nrassurer les marchés.\n\n{line}\ncalmer.\n"
    blocks = parse(text, "wrapped.txt").blocks
    assert [b.kind for b in blocks] == ["title", "lede", "paragraph", "paragraph"]
    assert blocks[1].text == f"{line} soutenir les agriculteurs touchés."


LINES = st.lists(
    st.text(st.sampled_from(list("abcé ÉA.?!«»'’-0123")), min_size=0, max_size=90),
    min_size=1,
    max_size=12,
)


def _bare(text: str) -> str:
    return "".join(text.split())


@settings(max_examples=300, deadline=None)
@given(LINES)
def test_segmentation_keeps_every_character_in_order(lines):
    text = "\n".join(lines)
    units = text_units(text)
    # Units lose nothing and keep the order (only whitespace may go) ...
    assert "".join(_bare(u.text) for u in units) == _bare(text)
    if not units:
        return
    # ... and blocks are the units, minus lines that only repeat the title.
    article = parse(text, "prop.txt")
    title = units[0].text
    expected = [units[0]] + [
        u
        for u in units[1:]
        if _bare(u.text).casefold() != _bare(title).casefold()
        or " ".join(u.text.split()).casefold() != " ".join(title.split()).casefold()
    ]
    assert [b.text for b in article.blocks] == [u.text for u in expected]
    for block in article.blocks:
        assert "".join(_bare(s.text) for s in block.sentences) == _bare(block.text)
