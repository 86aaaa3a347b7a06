"""Statistics of what the reader learns: known lemmas over time, words read per day, and
each article's % known under today's statuses.

Everything is computed from the learning file (``reader.learning.store``): the history
of status changes, the blocks read, and each article's lemma counts, so an article's
% known follows the statuses without its text being analysed again. Reviews per day and
true retention (the share of reviews passed: graded Hard, Good or Easy, not Again) come
from the review log kept in the same file (``reader.review.store``; read here by its
table, since the learning layer sits under the review one), grades taken back left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from reader.learning.counts import share_known
from reader.learning.store import LearningStore

MAX_DAYS = 366
"""Series are cut to the last year: a sparkline of ten years says nothing per day."""


@dataclass(frozen=True)
class ArticleShare:
    """One article's countable tokens, how many are known today, and when it was read."""

    article: str
    title: str
    source: str
    countable: int
    known: int
    seen: str
    ignored: int = 0
    """Its tokens whose lemma is ignored: left out of the share, as Lute and LingQ do."""

    @property
    def share(self) -> float:
        return share_known(self.known, self.countable, self.ignored)


@dataclass(frozen=True)
class Statistics:
    """What ``reader stats`` prints and the statistics screen draws."""

    known_by_day: tuple[tuple[str, int], ...]
    """(day, known lemmas at the end of that day), every day from the first change."""
    words_by_day: tuple[tuple[str, int], ...]
    """(day, words read that day), every day from the first block read."""
    articles: tuple[ArticleShare, ...]
    known: int
    learning: int
    ignored: int
    reviews_by_day: tuple[tuple[str, int], ...] = ()
    """(day, reviews that day), every day from the first review."""
    reviews: int = 0
    passed: int = 0
    """Reviews graded Hard, Good or Easy (not Again)."""

    @property
    def retention(self) -> float | None:
        """True retention: the share of reviews passed (None before the first review)."""
        return self.passed / self.reviews if self.reviews else None

    def to_json(self) -> dict[str, object]:
        return {
            "known": self.known,
            "learning": self.learning,
            "ignored": self.ignored,
            "known_by_day": [{"day": d, "known": n} for d, n in self.known_by_day],
            "words_by_day": [{"day": d, "words": n} for d, n in self.words_by_day],
            "reviews_by_day": [{"day": d, "reviews": n} for d, n in self.reviews_by_day],
            "reviews": self.reviews,
            "retention": None if self.retention is None else round(self.retention, 4),
            "articles": [
                {
                    "article": a.article,
                    "title": a.title,
                    "source": a.source,
                    "countable": a.countable,
                    "known": a.known,
                    "known_share": round(a.share, 4),
                    "seen": a.seen,
                }
                for a in self.articles
            ],
        }


def _filled(values: dict[str, int], today: date, cumulative: bool) -> list[tuple[str, int]]:
    """Every day from the first in ``values`` to today, with its value (0, or the running
    total when ``cumulative``); the last ``MAX_DAYS`` of them."""
    if not values:
        return []
    first = date.fromisoformat(min(values))
    last = max(today, date.fromisoformat(max(values)))
    total, series = 0, []
    for i in range((last - first).days + 1):
        day = (first + timedelta(days=i)).isoformat()
        total = total + values.get(day, 0) if cumulative else values.get(day, 0)
        series.append((day, total))
    return series[-MAX_DAYS:]


def article_shares(store: LearningStore) -> list[ArticleShare]:
    """Every recorded article's % known under today's statuses, most recently read first
    (one query: the article's lemma counts joined with the statuses)."""
    if not store.path.exists():
        return []
    with store.reading() as db:
        rows = db.execute(
            "SELECT a.article, a.title, a.source, a.countable, a.seen,"
            " COALESCE(SUM(CASE WHEN s.status = 'known' THEN l.count END), 0),"
            " COALESCE(SUM(CASE WHEN s.status = 'ignored' THEN l.count END), 0)"
            " FROM articles a"
            " LEFT JOIN article_lemmas l ON l.article = a.article"
            " LEFT JOIN statuses s ON s.lemma = l.lemma"
            " GROUP BY a.article ORDER BY a.seen DESC, a.article"
        ).fetchall()
    return [
        ArticleShare(key, title, source, countable, known, seen, ignored)
        for key, title, source, countable, seen, known, ignored in rows
    ]


def known_shares(store: LearningStore) -> dict[str, float]:
    """Each recorded article's share of known words, by article key (for the library's
    % known: computed here, never stored). Driven from the known lemmas (``CROSS JOIN``
    keeps that order) through the lemma index: 500 texts of 1,500 lemmas and 20,000
    statuses took 1.1 s joined the other way round (benchmarks/data.py)."""
    if not store.path.exists():
        return {}
    with store.reading() as db:
        known = dict(
            db.execute(
                "SELECT l.article, SUM(l.count) FROM statuses s CROSS JOIN article_lemmas l"
                " ON l.lemma = s.lemma WHERE s.status = 'known' GROUP BY l.article"
            ).fetchall()
        )
        countable = db.execute("SELECT article, countable FROM articles").fetchall()
    return {key: known.get(key, 0) / total for key, total in countable if total}


def statistics(store: LearningStore, today: date | None = None) -> Statistics:
    today = today or datetime.now(UTC).date()
    if not store.path.exists():
        return Statistics((), (), (), 0, 0, 0)
    with store.reading() as db:
        deltas: dict[str, int] = {}
        for day, old, new in db.execute(
            "SELECT substr(at, 1, 10), old, new FROM history ORDER BY id"
        ):
            change = (new == "known") - (old == "known")
            if change:
                deltas[day] = deltas.get(day, 0) + change
        reads = dict(db.execute("SELECT day, SUM(words) FROM reading GROUP BY day"))
        counts = dict(
            db.execute(
                "SELECT CASE WHEN status LIKE 'learning-%' THEN 'learning' ELSE status END,"
                " COUNT(*) FROM statuses GROUP BY 1"
            )
        )
        reviews: dict[str, int] = {}
        passed = 0
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
        if {"review_log", "review_undone"} <= tables:
            for day, n, good in db.execute(
                "SELECT substr(at, 1, 10), COUNT(*), SUM(rating > 1) FROM review_log"
                " WHERE id NOT IN (SELECT log_id FROM review_undone) GROUP BY 1"
            ):
                reviews[day] = n
                passed += good
    return Statistics(
        tuple(_filled(deltas, today, cumulative=True)),
        tuple(_filled(reads, today, cumulative=False)),
        tuple(article_shares(store)),
        counts.get("known", 0),
        counts.get("learning", 0),
        counts.get("ignored", 0),
        tuple(_filled(reviews, today, cumulative=False)),
        sum(reviews.values()),
        passed,
    )
