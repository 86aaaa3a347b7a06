"""``reader review``: the app on the review screen; ``review list`` and ``review grade`` for
scripts and tests (the same cards, sentences and grades as the screen)."""

from __future__ import annotations

import json
import sys
from enum import Enum
from typing import TYPE_CHECKING, Annotated

import typer

from reader.commands.arguments import ListFormat
from reader.commands.common import notice

if TYPE_CHECKING:
    from reader.library.shelf import Library
    from reader.review.queue import Item, Reviewer

app = typer.Typer(
    help="Review what you are learning, in sentences from your library (FSRS).",
    pretty_exceptions_enable=False,
    invoke_without_command=True,
)


class Grade(str, Enum):
    again = "again"
    hard = "hard"
    good = "good"
    easy = "easy"


@app.callback()
def review(ctx: typer.Context) -> None:
    """Open the app on the review screen (R in the app); see the subcommands for scripts."""
    if ctx.invoked_subcommand is None:
        from reader.commands.open import open_article

        open_article(None, "auto", review=True)


def _library() -> Library | None:
    """The library, if the reader has one (listing never creates it)."""
    from reader.library.shelf import Library, library_path

    return Library() if library_path().is_file() else None


def _reviewer() -> Reviewer:
    from reader.review.queue import Reviewer
    from reader.review.store import ReviewStore
    from reader.settings import current

    store = ReviewStore()
    store.sync()
    if store.notice:
        notice(store.notice)
    return Reviewer(store, _library(), current().review)


def item_json(item: Item) -> dict[str, object]:
    """One card as ``review list --format json`` gives it."""
    card, front = item.card, item.front
    sentence = None
    if front.fr:
        sentence = {
            "text_id": front.text_id,
            "title": front.title,
            "block": front.block,
            "fr": front.fr,
            "cloze": front.cloze,
            "form": front.form,
        }
    return {
        "lemma": card.key,
        "kind": card.kind,
        "status": card.status,
        "due": card.card.due.isoformat(),
        "stability": card.card.stability,
        "difficulty": card.card.difficulty,
        "reps": card.reps,
        "lapses": card.lapses,
        "sentence": sentence,
    }


@app.command("list")
def review_list(
    due: Annotated[bool, typer.Option("--due", help="Only the cards due now.")] = False,
    fmt: Annotated[
        ListFormat, typer.Option("--format", "-f", help="Output format.")
    ] = ListFormat.table,
) -> None:
    """List the cards, those due now first, each with the sentence it would be shown in."""
    from reader.review.queue import Item

    reviewer = _reviewer()
    store, settings = reviewer.store, reviewer.settings
    counts = store.counts(settings.new_per_day)
    queue = store.queue(settings.new_per_day)
    cards = list(queue)
    if not due:
        first = {card.id for card in queue}
        cards += [card for card in store.cards() if card.id not in first]
    items = [Item(card, reviewer.front(card, record=False)) for card in cards]
    if fmt is ListFormat.json:
        result = {
            "due": counts.due,
            "new_today": counts.new_left,
            "cards": [item_json(item) for item in items],
        }
        sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
        return
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from reader.review.cards import interval
    from reader.review.store import utc_now

    console = Console(highlight=False)
    console.print(Text(f"Due now: {counts.due}  new cards left today: {counts.new_left}"))
    if not items:
        console.print(Text("No cards: mark words learning (1-4 in the app) or save them (s)."))
        return
    now = utc_now()
    table = Table("lemma", "status", "due", "reps", "sentence")
    for item in items:
        when = item.card.card.due
        table.add_row(
            Text(item.card.key),
            item.card.status,
            "now" if when <= now else f"in {interval(when - now)}",
            str(item.card.reps),
            Text(item.front.cloze if item.front.fr else "—", overflow="ellipsis", no_wrap=True),
        )
    console.print(table)


@app.command("grade")
def review_grade(
    lemma: Annotated[str, typer.Argument(help="The card's lemma or phrase.")],
    grade: Annotated[Grade, typer.Argument(help="again, hard, good or easy.")],
) -> None:
    """Grade a card now, as the review screen would (its status stays as it is)."""
    from datetime import timedelta

    from reader.review.cards import GRADES, interval
    from reader.review.store import ReviewError, utc_now

    reviewer = _reviewer()
    store = reviewer.store
    card = store.card(lemma)
    if card is None or not card.active:
        raise ReviewError(
            f"{lemma!r} is not a card: set it learning (reader known set) or save it first"
        )
    graded = store.grade(card.key, GRADES[grade.value])
    after = graded.after
    notice(
        f"{after.key}: {grade.value} → due {after.card.due.isoformat(timespec='seconds')}"
        f" (in {interval(after.card.due - utc_now())})"
    )
    known_after = timedelta(days=reviewer.settings.known_days)
    if after.interval is not None and after.interval >= known_after:
        notice(
            f"its interval passes {reviewer.settings.known_days} days: "
            f"reader known set {after.key!r} known?"
        )
