"""Blocks from plain text, Markdown, HTML and stdin."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.article import companion_path, load, parse, text_units
from tests.support.paths import ROOT, SEED


def test_seed_structure() -> None:
    article = load(SEED)
    kinds = Counter(b.kind for b in article.blocks)
    # The seed has a title, a lede, 6 headings and 12 paragraphs; the line that repeats
    # the title after the lede is not a block of its own.
    assert kinds == {"title": 1, "lede": 1, "heading": 6, "paragraph": 12}
    assert [b.kind for b in article.blocks[:4]] == ["title", "lede", "paragraph", "heading"]
    assert sum(1 for b in article.blocks if b.text == article.title) == 1
    assert article.blocks[3].text == "De nouvelles opportunités pour l’Ukraine"
    assert all(b.sentences for b in article.blocks)


def test_sentences_are_slices_of_their_block() -> None:
    for block in load(SEED).blocks:
        for s in block.sentences:
            assert block.text[s.start : s.end] == s.text


def test_markdown(tmp_path: Path) -> None:
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


def test_html(tmp_path: Path) -> None:
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


def _blocks(path: Path, text: str) -> list[tuple[str, str]]:
    path.write_text(text, encoding="utf-8")
    return [(b.kind, b.text) for b in load(path).blocks]


def test_markdown_signs_and_emphasis_survive(tmp_path: Path) -> None:
    # QA row 8: a leading + or - is text, not a list marker; emphasis goes in pairs.
    text = (
        "# Titre\n\n+3 % de croissance au deuxième trimestre.\n\n-20 % sur les prix de l’énergie.\n\n"
        "**Paris** est une ville.\n\n*Marie Dupont* a défendu, 2 * 3 font 6 et un *seul.\n"
    )
    assert _blocks(tmp_path / "md4.fr.md", text) == [
        ("title", "Titre"),
        ("lede", "+3 % de croissance au deuxième trimestre."),
        ("paragraph", "-20 % sur les prix de l’énergie."),
        ("paragraph", "Paris est une ville."),
        ("paragraph", "Marie Dupont a défendu, 2 * 3 font 6 et un *seul."),
    ]


MD28 = """---
title: Essai
date: 2025-07-15
---

# Le vrai titre

Un chapeau qui résume l’article[^1].

1. Un
2. Deux

- Trois
  suite

![une image](photo.png)

```
code = "ne pas traduire"
```

    code indenté

| colonne | valeur |
|---|---|
| a | b |

> Une citation.

Une partie
----------

Un paragraphe *final* avec `x = 1` dedans.

[^1]: La note de bas de page.
"""


def test_markdown_front_matter_code_tables_lists_and_notes(tmp_path: Path) -> None:
    # QA row 28: none of these may become a title or a heading.
    assert _blocks(tmp_path / "md28.fr.md", MD28) == [
        ("title", "Le vrai titre"),
        ("lede", "Un chapeau qui résume l’article."),
        ("paragraph", "Un"),
        ("paragraph", "Deux"),
        ("paragraph", "Trois suite"),
        ("paragraph", "Une citation."),
        ("heading", "Une partie"),
        ("paragraph", "Un paragraphe final avec x = 1 dedans."),
    ]


def test_html_div_leaves_figcaption_and_no_break_spaces(tmp_path: Path) -> None:
    # QA row 27: text in a div or a figcaption is kept, once, and so is U+00A0.
    html = (
        "<html><body><h1>Le titre</h1>"
        "<div>Un paragraphe dans un div sans balise p, à 2&nbsp;% de hausse.</div>"
        "<div class='corps'><p>Un vrai paragraphe.</p><div>Une feuille de div.</div></div>"
        "<figure><img src='x.png'><figcaption>Une légende.</figcaption></figure>"
        "<ul><li>Un</li><li>Deux</li></ul>"
        "</body></html>"
    )
    assert _blocks(tmp_path / "a.fr.html", html) == [
        ("title", "Le titre"),
        ("lede", "Un paragraphe dans un div sans balise p, à 2\u00a0% de hausse."),
        ("paragraph", "Un vrai paragraphe."),
        ("paragraph", "Une feuille de div."),
        ("paragraph", "Une légende."),
        ("paragraph", "Un"),
        ("paragraph", "Deux"),
    ]


@pytest.mark.parametrize(
    ("name", "suffix", "expected"),
    [
        ("a/NAME.fr.txt", ".en.txt", "a/NAME.en.txt"),
        ("a/NAME.txt", ".en.txt", "a/NAME.en.txt"),
        ("a/NAME.fr.md", ".glossary.toml", "a/NAME.glossary.toml"),
        ("a/NAME.FR.HTML", ".glossary.toml", "a/NAME.glossary.toml"),
        ("a/NAME.fr", ".en.txt", "a/NAME.en.txt"),
        ("a/v1.2.fr.htm", ".en.txt", "a/v1.2.en.txt"),
    ],
)
def test_companion_path(name: str, suffix: str, expected: str) -> None:
    assert companion_path(Path(name), suffix) == Path(expected)


def test_companion_path_of_stdin_is_none() -> None:
    assert companion_path(None, ".en.txt") is None


def test_glossary_finds_its_file_without_an_engine() -> None:
    code = (
        "import sys, glossary.curated as c; from pathlib import Path; "
        "print(c.glossary_path(Path('x.fr.txt')), 'reader.engines' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.stdout.split() == ["x.glossary.toml", "False"], out.stderr


def test_hard_wrapped_text_joins_lines() -> None:
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
def test_segmentation_keeps_every_character_in_order(lines) -> None:
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


def test_a_markdown_list_item_is_never_the_lede() -> None:
    from reader.article import parse

    text = "---\ntitle: Essai\n---\n\n# Le vrai titre\n\n1. Un\n2. Deux\n\nUn paragraphe ensuite.\n"
    kinds = [(b.kind, b.text) for b in parse(text, "liste.fr.md").blocks]
    assert kinds == [
        ("title", "Le vrai titre"),
        ("paragraph", "Un"),
        ("paragraph", "Deux"),
        ("paragraph", "Un paragraphe ensuite."),
    ]
