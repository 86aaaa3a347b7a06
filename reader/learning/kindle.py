"""``reader vocab import``: Kindle lookups into the vocabulary, Kindle highlights into the
library (the files are read by ``reader.library.kindle``).

A French lookup becomes a vocabulary entry (its lemma, the word as met, the sentence and
the book's title as its example, source "kindle"), and its lemma becomes "learning-1"
unless it already has a status (a known word is never downgraded). The lemma is spaCy's
for the word in its own sentence, else the word's alone. A (lemma, sentence) pair already
in the vocabulary is left as it is, so importing the same file again adds nothing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reader.library.kindle import Lookup, read_clippings, read_lookups
from reader.library.shelf import Library, NewText, Text

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class VocabImport:
    """What an import of ``vocab.db`` did."""

    words: int
    """French words (lemmas) in the file."""
    new_words: int
    new_sentences: int
    learning: int
    """Lemmas newly set to learning-1."""
    skipped: Counter[str]
    """Lookups in other languages, by language."""


def import_vocab(path: Path, progress: Progress | None = None) -> VocabImport:
    from reader.learning.store import LearningStore, normal
    from reader.learning.vocab import Vocabulary

    lookups = read_lookups(path)
    french = [lk for lk in lookups if lk.language == "fr"]
    skipped = Counter(lk.language or "unknown" for lk in lookups if lk.language != "fr")
    lemmas = lemmas_in_context(french)
    vocabulary = Vocabulary()
    had = {e.lemma: {x.sentence for x in e.examples} for e in vocabulary.entries()}
    new_words = new_sentences = 0
    for number, (lookup, lemma) in enumerate(zip(french, lemmas, strict=True), start=1):
        seen = had.get(lemma)
        if seen is not None and (lookup.usage in seen or not lookup.usage):
            continue
        vocabulary.save(
            word=lookup.word,
            lemma=lemma,
            english="",
            source="kindle",
            sentence=lookup.usage,
            title=lookup.title,
        )
        new_words += seen is None
        new_sentences += bool(lookup.usage)
        had.setdefault(lemma, set()).add(lookup.usage)
        if progress is not None:
            progress("saving", number, len(french))
    wanted = {normal(lemma): "learning-1" for lemma in lemmas if normal(lemma)}
    changes = LearningStore().set_many(wanted, only_new=True)
    return VocabImport(len(set(lemmas)), new_words, new_sentences, len(changes), skipped)


def lemmas_in_context(lookups: Sequence[Lookup]) -> list[str]:
    """Each lookup's lemma: spaCy's for the word in its sentence, else for the word (or the
    Kindle's stem) alone, lower case."""
    from reader.article import make_block
    from reader.learning.store import normal
    from reader.nlp.analysis import analyse

    if not lookups:
        return []
    in_sentences = analyse([make_block(i, "paragraph", lk.usage) for i, lk in enumerate(lookups)])
    alone = analyse(
        [make_block(i, "paragraph", (lk.stem or lk.word).lower()) for i, lk in enumerate(lookups)]
    )
    found = []
    for lookup, tokens, own in zip(lookups, in_sentences, alone, strict=True):
        word = lookup.word.casefold()
        match = next((t for t in tokens if t.text.casefold() == word and t.lemma), None)
        if match is None:
            match = next((t for t in own if any(c.isalpha() for c in t.text)), None)
        lemma = normal(match.lemma) if match is not None else ""
        found.append(lemma or normal(lookup.word) or lookup.word.lower())
    return found


@dataclass(frozen=True)
class ClippingsImport:
    texts: list[tuple[Text, bool]]
    """Each book's highlights as stored, and whether it was there already (updated)."""
    not_french: int


def import_clippings(
    library: Library, path: Path, progress: Progress | None = None
) -> ClippingsImport:
    """Each French book's highlights as one library text, "Highlights: TITLE"."""
    from reader.article import from_blocks
    from reader.library.sources import store

    books, not_french = read_clippings(path)
    stored = []
    for book in books:
        title = f"Highlights: {book.title}"
        source = f"kindle-highlights:{book.title}"
        pairs = [("title", title), *(("paragraph", p) for p in book.passages)]
        article = from_blocks(pairs, source)
        new = NewText(source, "highlights", title, book.author, "", article)
        stored.append(store(library, new, progress))
    return ClippingsImport(stored, not_french)
