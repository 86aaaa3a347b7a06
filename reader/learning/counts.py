"""An article's words counted by lemma, from its one analysis (``reader.nlp``).

A token counts when it is a word to learn (``Token.countable``: no proper noun, number,
symbol, punctuation or spaCy entity) and lies inside no name of the glossaries (the
user's, the article's and the general one's people, places and organisations): « Trump »,
« Poutine », « OTAN » and « Kiev » are never words to learn, whatever the tagger said.
The glossaries' common nouns of those kinds (« maire », « député », « syndicats ») are
words to learn: only what is written with a capital is a name.
Forms are grouped by the lemma spaCy gave in context (« frappes », « frappé » →
frappe / frapper), never counted by form.

Phrases with a status (« avoir lieu », ``reader.learning.phrases``) are found too: each
occurrence is **one unit** of the text, in place of the words it holds (« a eu lieu » is
one unit, not three words), so % known counts it once; the lemmas keep their full counts.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from glossary.model import NAME_KINDS, Entry
from reader.article import Article, Block
from reader.learning.phrases import Occurrence, find
from reader.learning.store import normal
from reader.nlp.analysis import Token


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


@dataclass
class Phrase:
    """One phrase of an article: the forms it takes (in order met), its count."""

    phrase: str
    count: int = 0
    forms: dict[str, int] = field(default_factory=dict)
    first: int = 0
    """The first block it occurs in."""


@dataclass(frozen=True)
class ArticleWords:
    """Every countable token of an article, by block, and the lemmas they make; the
    phrases found in it, by block, and how many of each lemma's tokens they hold."""

    source: str
    tokens: int
    """Tokens that are words, names or numbers (punctuation and symbols left out)."""
    blocks: tuple[tuple[Word, ...], ...]
    lemmas: Mapping[str, Lemma]
    phrases: Mapping[str, Phrase] = field(default_factory=dict)
    occurrences: tuple[tuple[Occurrence, ...], ...] = ()
    """The phrases' occurrences, by block (empty without phrases)."""
    covered: Mapping[str, int] = field(default_factory=dict)
    """How many of each lemma's tokens stand inside a phrase (counted with it)."""
    analysis: Sequence[Sequence[Token]] = field(default=(), repr=False, compare=False)
    """The tokens counted (to find a phrase the reader marks later)."""

    @property
    def countable(self) -> int:
        """The text's units: words, a phrase's occurrence counting once for its words."""
        words = sum(len(words) for words in self.blocks)
        return words - sum(self.covered.values()) + sum(p.count for p in self.phrases.values())

    def counts(self) -> dict[str, int]:
        """Units by status key: each lemma's tokens outside phrases, each phrase's count."""
        counts = {
            lemma: entry.count - self.covered.get(lemma, 0)
            for lemma, entry in self.lemmas.items()
            if entry.count > self.covered.get(lemma, 0)
        }
        counts.update((key, p.count) for key, p in self.phrases.items())
        return counts

    def phrases_in(self, block: int) -> tuple[Occurrence, ...]:
        found = self.occurrences
        return found[block] if 0 <= block < len(found) else ()

    def with_phrases(self, phrases: Iterable[str]) -> ArticleWords:
        """The same words with ``phrases`` found (the ones found already stay). Only the new
        phrases are looked for, unless one of them meets a phrase found already (then the
        longer wins, as ``phrases.find`` decides, and all are looked for again)."""
        extra = [p for p in dict.fromkeys(phrases) if p not in self.phrases]
        new = find(self.analysis, extra) if extra else []
        old = [o for block in self.occurrences for o in block]
        taken: dict[int, list[range]] = {}
        for o in old:
            taken.setdefault(o.block, []).append(range(o.tokens[0], o.tokens[-1] + 1))
        if any(
            r.start <= n.tokens[-1] and n.tokens[0] < r.stop
            for n in new
            for r in taken.get(n.block, ())
        ):
            new, old = find(self.analysis, [*self.phrases, *extra]), []
        every = sorted([*old, *new], key=lambda o: (o.block, o.start))
        found, occurrences, covered = _phrase_parts(self.blocks, self.analysis, every)
        return replace(self, phrases=found, occurrences=occurrences, covered=covered)


def _phrase_parts(
    blocks: Sequence[Sequence[Word]],
    analysis: Sequence[Sequence[Token]],
    occurrences: Iterable[Occurrence],
) -> tuple[dict[str, Phrase], tuple[tuple[Occurrence, ...], ...], dict[str, int]]:
    """``ArticleWords``' phrase fields from the phrases' occurrences (in order): the phrases
    found, their occurrences by block, and how many of each lemma's words they hold."""
    found: dict[str, Phrase] = {}
    by_block: list[list[Occurrence]] = [[] for _ in blocks]
    covered: dict[str, int] = {}
    for o in occurrences:
        by_block[o.block].append(o)
        entry = found.get(o.phrase)
        if entry is None:
            entry = found[o.phrase] = Phrase(o.phrase, first=o.block)
        entry.count += 1
        entry.forms[o.form] = entry.forms.get(o.form, 0) + 1
        words = {w.start: w for w in blocks[o.block]}
        for i in o.tokens:
            word = words.get(analysis[o.block][i].start)
            if word is not None:
                covered[word.lemma] = covered.get(word.lemma, 0) + 1
    return found, tuple(tuple(b) for b in by_block) if found else (), covered


_WORD = re.compile(r"\w[\w-]*")
_ORDINAL = re.compile(r"^\d+(?:er|re|ère|e|ème|eme|è|nd|nde|d|de)s?$", re.IGNORECASE)


def name_spans(
    blocks: Sequence[Block], entries: Sequence[Entry]
) -> dict[int, list[tuple[int, int]]]:
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
    phrases: Iterable[str] = (),
) -> ArticleWords:
    """The article's countable tokens and lemmas; ``names`` (by block) are left out.
    ``phrases`` (status keys; the ones that are not phrases are passed over) are found."""
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
    wanted = list(dict.fromkeys(phrases))
    every = find(analysis, wanted) if wanted else []
    found, occurrences, covered = _phrase_parts(blocks, analysis, every)
    return ArticleWords(
        source, tokens, tuple(blocks), lemmas, found, occurrences, covered, analysis
    )


def words_of(
    article: Article,
    analysis: Sequence[Sequence[Token]] | None = None,
    phrases: Iterable[str] = (),
) -> ArticleWords:
    """The article's words: its analysis (cached, see ``reader.nlp.cache``) without names;
    ``phrases`` (status keys: the statuses' phrases are found, the lemmas passed over)."""
    if analysis is None:
        from reader.nlp.cache import analysis_of

        analysis = analysis_of(article)
    return count_words(article.source, analysis, article_names(article), phrases)


def known_tokens(words: ArticleWords, statuses: Mapping[str, str]) -> int:
    """Known units: a lemma's tokens outside phrases, a known phrase's occurrences."""
    return sum(count for key, count in words.counts().items() if statuses.get(key) == "known")


def ignored_tokens(words: ArticleWords, statuses: Mapping[str, str]) -> int:
    """Ignored units, as ``known_tokens`` counts them."""
    return sum(count for key, count in words.counts().items() if statuses.get(key) == "ignored")


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

    units = words.counts()

    def beyond(limit: int) -> float:
        out = sum(n for key, n in units.items() if (rank(key) or limit + 1) > limit)
        return out / countable

    known = known_share(words, statuses)
    return Difficulty(known, 1 - known, beyond(2_000), beyond(5_000))
