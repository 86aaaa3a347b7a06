"""A short article with its analysis made by hand, for the word statuses' tests: the app reads
the analysis from the data folder's cache, as it does for a text it has read before, so
these tests never wait for spaCy."""

from __future__ import annotations

import re
from pathlib import Path

from reader.article import Article, load
from reader.nlp.analysis import Token

TEXT = """Les chats dorment
Les chats dorment au soleil. Trump voit les chats et les chiens.
Un chat dort. Il n’a pas d’armes.
La ville est calme.
"""
LEMMAS = {
    "les": "le",
    "la": "le",
    "chats": "chat",
    "dorment": "dormir",
    "dort": "dormir",
    "voit": "voir",
    "chiens": "chien",
    "n’": "ne",
    "a": "avoir",
    "d’": "de",
    "armes": "arme",
    "est": "être",
}
NAMES = frozenset({"Trump"})
TOKEN = re.compile(r"\w+’|\w+|[^\w\s]")


def tokens_of(text: str) -> list[Token]:
    """Tokens as spaCy gives them: « n’ » and « d’ » apart, names PROPN, punctuation PUNCT."""
    tokens = []
    for m in TOKEN.finditer(text):
        form = m.group()
        pos = "PROPN" if form in NAMES else "NOUN" if form[0].isalnum() else "PUNCT"
        lemma = LEMMAS.get(form.lower(), form.lower())
        tokens.append(Token(form, m.start(), m.end(), lemma, pos))
    return tokens


def short_article(folder: Path) -> Article:
    """The article, written to ``folder``, its analysis in the data folder's cache."""
    from reader.nlp.cache import AnalysisCache

    path = folder / "chats.fr.txt"
    path.write_text(TEXT, encoding="utf-8")
    article = load(path)
    AnalysisCache().put(article, [tokens_of(b.text) for b in article.blocks])
    return article
