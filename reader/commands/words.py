"""``reader words PATH``: an article's vocabulary, one row per lemma, with your statuses."""

from __future__ import annotations

import csv
import io
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any

import typer

from reader.commands.common import (
    PathArgument,
    json_out,
    load_article,
    notice,
    safe_console,
    write_out,
)

if TYPE_CHECKING:
    from reader.article import Article
    from reader.learning.counts import ArticleWords


class WordsFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


class StatusFilter(str, Enum):
    new = "new"
    learning = "learning"
    known = "known"
    ignored = "ignored"


class WordsSort(Enum):  # not a str: str has a method named count
    frequency = "frequency"
    count = "count"
    alpha = "alpha"


CSV_FIELDS = ("lemma", "pos", "forms", "count", "status", "rank", "gloss")


def words(
    path: PathArgument,
    status: Annotated[
        StatusFilter | None,
        typer.Option("--status", "-s", help="Only the lemmas with this status."),
    ] = None,
    sort: Annotated[
        WordsSort,
        typer.Option("--sort", help="Most frequent in French first, most often here, or A–Z."),
    ] = WordsSort.frequency,
    fmt: Annotated[
        WordsFormat, typer.Option("--format", "-f", help="Output format.")
    ] = WordsFormat.table,
) -> None:
    """List the article's words by lemma: forms, count, your status, frequency, a gloss;
    and the phrases you gave a status ("avoir lieu") that it holds.

    Names (people, places, organisations), numbers and punctuation are never counted.
    """
    from reader.learning.counts import words_of
    from reader.learning.phrases import phrases_in
    from reader.learning.store import LearningError, LearningStore

    article = load_article(path)
    store = LearningStore()
    statuses = store.statuses()
    if store.notice:
        notice(store.notice)
    found = words_of(article, phrases=phrases_in(statuses))
    try:  # what `reader stats` shows as this article's % known
        store.record_article(
            article.key, article.title, article.source, found.tokens, found.counts()
        )
    except LearningError as exc:
        notice(f"this article is not kept for statistics: {exc}")
    rows = _rows(found, statuses, status, sort)
    phrases = _phrase_rows(found, statuses, status)
    suggested = _suggested_rows(article, found, statuses, status)
    if fmt is WordsFormat.table:
        _table(found, statuses, rows, phrases + suggested)
    elif fmt is WordsFormat.csv:
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=CSV_FIELDS)
        writer.writeheader()
        writer.writerows(
            {**r, "forms": "; ".join(r["forms"]), "rank": r["rank"] or ""} for r in rows
        )
        write_out(out.getvalue())
    else:
        data = {
            "source": found.source,
            "tokens": found.tokens,
            "countable": found.countable,
            "known_share": _share(found, statuses),
            "lemmas": rows,
            "phrases": phrases,
            "phrases_in_text": suggested,
        }
        json_out(data)


def _share(found: ArticleWords, statuses: dict[str, str]) -> float:
    from reader.learning.counts import known_share

    return known_share(found, statuses)


def _rows(
    found: ArticleWords,
    statuses: dict[str, str],
    wanted: StatusFilter | None,
    sort: WordsSort,
) -> list[dict[str, Any]]:
    from glossary.match import fold
    from reader.learning.frequency import rank
    from reader.learning.glosses import Glosser
    from reader.learning.store import GROUPS

    allowed = GROUPS[wanted.value] if wanted else None
    lemmas = [
        e for e in found.lemmas.values() if not allowed or statuses.get(e.lemma, "new") in allowed
    ]
    ranks = {e.lemma: rank(e.lemma) for e in lemmas}
    order = {
        WordsSort.frequency: lambda e: (ranks[e.lemma] or 10**9, -e.count, e.first),
        WordsSort.count: lambda e: (-e.count, ranks[e.lemma] or 10**9, e.first),
        WordsSort.alpha: lambda e: (fold(e.lemma), e.lemma),
    }[sort]
    with Glosser() as glosser:
        return [
            {
                "lemma": e.lemma,
                "pos": e.pos,
                "forms": list(e.forms),
                "count": e.count,
                "status": statuses.get(e.lemma, "new"),
                "rank": ranks[e.lemma],
                "gloss": glosser.gloss(e.lemma, e.pos),
            }
            for e in sorted(lemmas, key=order)
        ]


def _phrase_rows(
    found: ArticleWords, statuses: dict[str, str], wanted: StatusFilter | None
) -> list[dict[str, Any]]:
    """The article's phrases (those with a status), most frequent here first."""
    from reader.learning.glosses import Glosser
    from reader.learning.store import GROUPS

    allowed = GROUPS[wanted.value] if wanted else None
    phrases = [
        p for p in found.phrases.values() if not allowed or statuses.get(p.phrase, "new") in allowed
    ]
    if not phrases:
        return []
    with Glosser() as glosser:
        return [
            {
                "phrase": p.phrase,
                "forms": list(p.forms),
                "count": p.count,
                "status": statuses.get(p.phrase, "new"),
                "gloss": glosser.gloss_phrase(p.phrase),
            }
            for p in sorted(phrases, key=lambda p: (-p.count, p.first, p.phrase))
        ]


def _suggested_rows(
    article: Article,
    found: ArticleWords,
    statuses: dict[str, str],
    wanted: StatusFilter | None,
) -> list[dict[str, Any]]:
    """Apertium's multi-word units in the text that are not among its phrases already
    (« tout à fait »): what the reader might learn next; their status is new."""
    from reader.learning.glosses import Glosser
    from reader.learning.phrases import apertium_phrases

    if wanted not in (None, StatusFilter.new):
        return []
    units = [
        u
        for u in apertium_phrases([b.text for b in article.blocks])
        if u.phrase not in found.phrases and statuses.get(u.phrase, "new") == "new"
    ]
    if not units:
        return []
    with Glosser() as glosser:
        return [
            {
                "phrase": u.phrase,
                "forms": list(u.forms),
                "count": u.count,
                "status": "new",
                "gloss": glosser.gloss_phrase(u.phrase),
            }
            for u in units
        ]


def _table(
    found: ArticleWords,
    statuses: dict[str, str],
    rows: list[dict[str, Any]],
    phrases: list[dict[str, Any]],
) -> None:
    from rich.table import Table
    from rich.text import Text

    from reader.learning.counts import difficulty
    from reader.learning.frequency import band

    hard = difficulty(found, statuses)
    console = safe_console()
    console.print(
        Text(
            f"{found.source}: {found.tokens} tokens, {found.countable} running words to learn, "
            f"{len(found.lemmas)} distinct (lemmas); {hard.known:.0%} known. Outside your known words: "
            f"{hard.unknown:.0%}; outside the 2,000 most frequent lemmas: {hard.beyond_2000:.0%}; "
            f"outside the 5,000: {hard.beyond_5000:.0%}."
        )
    )
    if phrases:
        table = Table("phrase", "forms", "×", "status", "gloss", title="Phrases")
        for p in phrases:
            forms = Text(", ".join(p["forms"]))
            table.add_row(Text(p["phrase"]), forms, str(p["count"]), p["status"], Text(p["gloss"]))
        console.print(table)
    if not rows:
        notice("no lemma with that status")
        return
    table = Table("lemma", "forms", "×", "status", "frequency", "gloss")
    for r in rows:
        rank = f"{band(r['rank'])} (#{r['rank']})" if r["rank"] else band(None)
        table.add_row(
            Text(r["lemma"]),
            Text(", ".join(r["forms"])),
            str(r["count"]),
            r["status"],
            rank,
            Text(r["gloss"]),
        )
    console.print(table)
