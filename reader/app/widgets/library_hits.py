"""The lookup panel's "In your library" lines: how many sentences of the library's other
texts hold the word looked up, the first few with their English where the translation
cache has it, and a way there: ``o`` opens the first (a click, the one clicked) over the
text being read, which stays where it was ("peek": ``LibraryHits.Peek``, handled by the
app's ``reader.app.library_flow``).

The word is searched by its lemma (the one the lookup gave, in context; else the lemma
the library's texts gave that form), a multi-word term by its words as written. The query
runs in a worker: ``Library.hits`` takes about 5 ms at the median on a 5-million-word
library (benchmarks/library.py), and the English is one read of the cache, under the
reading session's engine and its ``cache_version``. Nothing shows without a library.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Static

from reader.app.background import in_daemon
from reader.app.text_link import LIBRARY_ERRORS, TextLink

if TYPE_CHECKING:
    from reader.library.shelf import Hit, Hits, Library
    from reader.lookup.result import LookupResult

SHOWN = 3
"""Sentences shown under the count."""

EnglishFor = Callable[[list[str]], dict[str, str]]
"""The English the reading session's engine left in the cache for some French sentences
(``Translator.english_in_cache``; called in a daemon thread)."""


@dataclass(frozen=True)
class Query:
    """What the library is asked: ``word`` as a lemma, or (a term) as written."""

    word: str
    lemma: bool
    exclude: int | None
    """The text being read, left out."""


def query_for(result: LookupResult, exclude: int | None) -> Query:
    if result.term:
        return Query(result.term, lemma=False, exclude=exclude)
    return Query(result.lemma or result.word, lemma=True, exclude=exclude)


def find(library: Library, query: Query, word: str) -> tuple[Query, Hits]:
    """The hits for ``query``; by lemma, when the lookup's lemma is in no sentence, the
    lemma the library's texts gave the form ``word`` (their lemmas came from the same
    spaCy pass, out of context)."""
    hits = library.hits(query.word, lemma=query.lemma, exclude=query.exclude, first=SHOWN)
    if query.lemma and not hits.sentences:
        other = library.lemma_of(word)
        if other is not None and other != query.word:
            query = Query(other, True, query.exclude)
            hits = library.hits(other, lemma=True, exclude=query.exclude, first=SHOWN)
    return query, hits


def counted(hits: Hits) -> str:
    """ "12 sentences in 3 texts" ("10,000+ sentences in 310+ texts" past the count's cap)."""
    plus = "+" if hits.capped else ""
    sentences = f"{hits.sentences:,}{plus} sentence{'s' * (hits.sentences != 1)}"
    return f"{sentences} in {hits.texts:,}{plus} text{'s' * (hits.texts != 1)}"


def count_line(word: str, hits: Hits) -> Text:
    """ "In your library: 12 sentences in 3 texts" (of the texts other than this one)."""
    if not hits.sentences:
        return Text.assemble(("In your library: ", "bold"), f"no other text has « {word} ».")
    return Text.assemble(
        ("In your library: ", "bold"),
        counted(hits),
        ("  o opens the first there (a click: the one clicked)", "dim"),
    )


def hit_text(hit: Hit, english: str | None) -> Text:
    text = Text.assemble((f"« {hit.title} » ", "italic"), hit.fr)
    if english:
        text.append(f"\n  {english}", "dim")
    return text


class HitLine(Static):
    """One sentence of another text; a click opens that text there."""

    DEFAULT_CSS = """
    HitLine { padding-left: 2; }
    HitLine:hover { background: $boost; }
    """

    def __init__(self) -> None:
        super().__init__("", markup=False)
        self.hit: Hit | None = None

    def show(self, hit: Hit | None, english: str | None = None) -> None:
        self.hit = hit
        self.display = hit is not None
        if hit is not None:
            self.update(hit_text(hit, english))

    def on_click(self) -> None:
        if self.hit is not None:
            self.post_message(LibraryHits.Peek(self.hit))


class LibraryHits(Vertical):
    """Hidden until a word is looked up with a library to search."""

    DEFAULT_CSS = """
    LibraryHits { height: auto; display: none; margin-top: 1; }
    LibraryHits.-shown { display: block; }
    """

    @dataclass
    class Peek(Message):
        """Open ``hit``'s text at its sentence over the one being read."""

        hit: Hit

    @dataclass
    class Found(Message):
        """The worker's answer for ``query`` (the lookup panel puts its count in its title)."""

        query: Query
        hits: Hits
        english: dict[str, str]

    def __init__(
        self, link: TextLink | None, english_for: EnglishFor | None = None, **kwargs: Any
    ) -> None:
        super().__init__(**kwargs)
        self.link = link
        """The text being read in the library (its library, its id, left out of the hits)."""
        self.english_for = english_for
        self.hits: Hits | None = None
        self._asked: Query | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="library-count", markup=False)
        for _ in range(SHOWN):
            yield HitLine()

    def look_for(self, result: LookupResult) -> None:
        """Searches the library for ``result``'s word (in a worker), unless just asked."""
        link = self.link
        library = link.library if link is not None else None
        if link is None or library is None:
            self.remove_class("-shown")
            return
        query = query_for(result, link.text_id)
        if query == self._asked:
            return  # the same word refined: the same answer
        self._asked = query
        self._find(library, query, result.word)

    @work(group="library-hits", name="library-hits", exclusive=True, exit_on_error=False)
    async def _find(self, library: Library, query: Query, word: str) -> None:
        english_for = self.english_for

        def search() -> tuple[Query, Hits, dict[str, str]]:
            used, hits = find(library, query, word)
            sentences = [h.fr for h in hits.first]
            return used, hits, english_for(sentences) if english_for is not None else {}

        try:
            used, hits, english = await in_daemon(search, "reader-library-hits")
        except LIBRARY_ERRORS as exc:
            self.notify(f"the library cannot be searched: {exc}", title="Library", timeout=6)
            self._asked = None
            return
        self.post_message(self.Found(used, hits, english))

    def on_library_hits_found(self, message: Found) -> None:
        hits = self.hits = message.hits
        self.query_one("#library-count", Static).update(count_line(message.query.word, hits))
        for number, line in enumerate(self.query(HitLine)):
            hit = hits.first[number] if number < len(hits.first) else None
            line.show(hit, message.english.get(hit.fr) if hit is not None else None)
        self.add_class("-shown")

    def peek(self) -> None:
        """``o``: the first hit's text, at its sentence."""
        if self.hits is not None and self.hits.first:
            self.post_message(self.Peek(self.hits.first[0]))
        elif self.has_class("-shown"):
            self.notify("No other text of your library has this word.", timeout=4)
