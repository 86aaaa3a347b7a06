"""One lemma per word: a lookup of a word of the text names the lemma the text's analysis
counts it under (the status keys, ``reader words``, the library's index), on every word to
learn of two articles. Before ``reader.nlp.lemma`` owned it, 13 of the seed's 745 words
disagreed (« entre », « des », « lui », « ouvrent »…)."""

from __future__ import annotations

import pytest

from reader.article import load
from reader.lookup.service import LookupService
from reader.nlp.analysis import analyse
from tests.support.paths import ROOT

pytestmark = pytest.mark.needs_apertium

ARTICLES = [
    ROOT / "seeds" / "trump-poutine.fr.txt",
    ROOT / "tests/fixtures/sommet-bruxelles.fr.txt",
]


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name)
def test_lookup_and_analysis_give_every_word_the_same_lemma(path) -> None:
    article = load(path)
    disagree, words = [], 0
    with LookupService(article) as service:
        for block, tokens in zip(article.blocks, analyse(article.blocks), strict=True):
            for token in tokens:
                if not token.countable or token.text.endswith(("'", "’")):
                    continue  # elisions are read with their word (« l’homme »)
                sentence = next(s for s in block.sentences if s.start <= token.start < s.end)
                found = service.lookup(
                    token.text, sentence.text, start=token.start - sentence.start
                )
                words += 1
                if found.lemma.lower() != token.lemma:
                    disagree.append((token.text, token.lemma, found.lemma))
    assert words > 100
    assert disagree == []
