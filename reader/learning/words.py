"""An article's words counted by lemma, from its one analysis (``reader.nlp``).

A token counts when it is a word to learn (``Token.countable``: no proper noun, number,
symbol, punctuation or spaCy entity) and lies inside no name of the glossaries (the
user's, the article's and the general one's people, places and organisations): « Trump »,
« Poutine », « OTAN » and « Kiev » are never words to learn, whatever the tagger said.
The glossaries' common nouns of those kinds (« maire », « député », « syndicats ») are
words to learn: only what is written with a capital is a name.
Forms are grouped by the lemma spaCy gave in context (« frappes », « frappé » →
frappe / frapper), never counted by form.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from reader.article import Article, Block
from reader.learning.store import normal
from reader.nlp.analysis import Token

NAME_KINDS = frozenset({"people", "places", "organisations"})
"""Glossary kinds whose entries are names, never words to learn."""


@dataclass(frozen=True)
class Word:
    """A countable token: where it is (block, characters) and its lemma."""

    block: int
    start: int
    end: int
    lemma: str


@dataclass
class Lemma:
    """One lemma of an article: its forms (in order met), count and usual part of speech."""

    lemma: str
    count: int = 0
    forms: dict[str, int] = field(default_factory=dict)
    parts: Counter[str] = field(default_factory=Counter)
    first: int = 0
    """The first block it occurs in."""

    @property
    def pos(self) -> str:
        return self.parts.most_common(1)[0][0] if self.parts else ""


@dataclass(frozen=True)
class ArticleWords:
    """Every countable token of an article, by block, and the lemmas they make."""

    source: str
    tokens: int
    """Tokens that are words, names or numbers (punctuation and symbols left out)."""
    blocks: tuple[tuple[Word, ...], ...]
    lemmas: Mapping[str, Lemma]

    @property
    def countable(self) -> int:
        return sum(len(words) for words in self.blocks)

    def counts(self) -> dict[str, int]:
        return {lemma: entry.count for lemma, entry in self.lemmas.items()}


_WORD = re.compile(r"\w[\w-]*")
_ORDINAL = re.compile(r"^\d+(?:er|re|ère|e|ème|eme|è|nd|nde|d|de)s?$", re.IGNORECASE)


def name_spans(blocks: Sequence[Block], entries: Sequence) -> dict[int, list[tuple[int, int]]]:
    """Where the glossaries' names occur, by block (``entries``: glossary ``Entry`` objects).

    A capitalised entry of the people, places or organisations (« Emmanuel Macron »,
    « Conseil constitutionnel ») is a name wherever it occurs. An entry written in lower
    case is a title, an office or a body (« maire », « député », « syndicats », « ministre
    de l'Intérieur »): a word to learn, of which only the capitalised words after the first
    (« Intérieur ») are names."""
    from glossary.match import find

    names = [e for e in entries if e.kind in NAME_KINDS and any(c.isupper() for c in e.fr)]
    spans: dict[int, list[tuple[int, int]]] = {}
    if not names:
        return spans
    text_of = {b.index: b.text for b in blocks}
    by_key = {e.key: e for e in names}
    for key, occurrences in find(names, [(b.index, b.text) for b in blocks]).items():
        named = by_key[key].fr[:1].isupper()
        for o in occurrences:
            if named:
                spans.setdefault(o.block, []).append((o.start, o.end))
                continue
            found = text_of[o.block][o.start : o.end]
            for m in _WORD.finditer(found):
                if m.start() > 0 and m.group(0)[:1].isupper():
                    spans.setdefault(o.block, []).append((o.start + m.start(), o.start + m.end()))
    return spans


def article_names(article: Article) -> dict[int, list[tuple[int, int]]]:
    """The names of ``article``'s glossary stack, by block; none when a glossary is broken."""
    from glossary.sources import load_stack
    from reader.errors import ReaderError

    try:
        stack = load_stack(article)
    except ReaderError:
        return {}  # a malformed article glossary: spaCy's entities still keep names out
    return name_spans(article.blocks, stack)


def is_word(token: Token) -> bool:
    """A token that the article's token count includes: a word, name or number."""
    return any(c.isalnum() for c in token.text) and token.pos not in ("PUNCT", "SYM", "SPACE")


def count_words(
    source: str,
    analysis: Sequence[Sequence[Token]],
    names: Mapping[int, Sequence[tuple[int, int]]] | None = None,
) -> ArticleWords:
    """The article's countable tokens and lemmas; ``names`` (by block) are left out."""
    names = names or {}
    blocks: list[tuple[Word, ...]] = []
    lemmas: dict[str, Lemma] = {}
    tokens = 0
    for index, block in enumerate(analysis):
        spans = names.get(index, ())
        words = []
        for token in block:
            if not is_word(token):
                continue
            tokens += 1
            if not token.countable or any(a < token.end and token.start < b for a, b in spans):
                continue
            if _ORDINAL.match(token.text):  # « 1er », « 2e »: numbers, as « XXIe » is (T35)
                continue
            lemma = normal(token.lemma)
            if not lemma:
                continue
            words.append(Word(index, token.start, token.end, lemma))
            entry = lemmas.get(lemma)
            if entry is None:
                entry = lemmas[lemma] = Lemma(lemma, first=index)
            entry.count += 1
            form = normal(token.text)
            entry.forms[form] = entry.forms.get(form, 0) + 1
            entry.parts["VERB" if token.pos == "AUX" else token.pos] += 1
        blocks.append(tuple(words))
    return ArticleWords(source, tokens, tuple(blocks), lemmas)


def words_of(article: Article, analysis: Sequence[Sequence[Token]] | None = None) -> ArticleWords:
    """The article's words: its analysis (cached, see ``reader.nlp.cache``) without names."""
    if analysis is None:
        from reader.nlp.cache import analysis_of

        analysis = analysis_of(article)
    return count_words(article.source, analysis, article_names(article))


def known_tokens(words: ArticleWords, statuses: Mapping[str, str]) -> int:
    return sum(e.count for lemma, e in words.lemmas.items() if statuses.get(lemma) == "known")


def ignored_tokens(words: ArticleWords, statuses: Mapping[str, str]) -> int:
    return sum(e.count for lemma, e in words.lemmas.items() if statuses.get(lemma) == "ignored")


def share_known(known: int, countable: int, ignored: int) -> float:
    """Known tokens ÷ the countable tokens that are not ignored, as Lute and LingQ count:
    a text whose every word is known or ignored is 100 % known (0 with no word at all)."""
    if not countable:
        return 0.0
    left = countable - ignored
    return known / left if left > 0 else 1.0


def known_share(words: ArticleWords, statuses: Mapping[str, str]) -> float:
    """Known tokens ÷ countable tokens that are not ignored (0 for a text with no word to learn)."""
    return share_known(
        known_tokens(words, statuses), words.countable, ignored_tokens(words, statuses)
    )


def new_lemmas(words: ArticleWords, statuses: Mapping[str, str]) -> int:
    return sum(1 for lemma in words.lemmas if statuses.get(lemma, "new") == "new")


@dataclass(frozen=True)
class Difficulty:
    """Shares of an article's countable tokens: known, and outside what the reader knows
    or outside the most frequent lemmas (``reader.learning.frequency``)."""

    known: float
    unknown: float
    beyond_2000: float
    beyond_5000: float


def difficulty(words: ArticleWords, statuses: Mapping[str, str]) -> Difficulty:
    from reader.learning.frequency import rank

    countable = words.countable
    if not countable:
        return Difficulty(0.0, 0.0, 0.0, 0.0)

    def beyond(limit: int) -> float:
        out = sum(e.count for e in words.lemmas.values() if (rank(e.lemma) or limit + 1) > limit)
        return out / countable

    known = known_share(words, statuses)
    return Difficulty(known, 1 - known, beyond(2_000), beyond(5_000))
