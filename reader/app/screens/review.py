"""The review screen (``R``, the palette, ``reader review``): what the reader is learning,
each time in another sentence of their own library.

The front is the sentence with the card's words blanked (cloze; ``READER_REVIEW_MODE=
recognition``: in bold), or the lemma alone. Space reveals the form, lemma, part of speech
and glosses (the lookup service, in a daemon thread), the sentence's English (the
translation cache, else the engine, in a daemon thread: never blocking) and where the
sentence is. Grades 1–4 each show the interval FSRS would give; a grade is committed
before the next card shows. ``z`` takes the last grade back; ``P`` practises every
learning word without changing a schedule; ``o`` opens the text at the sentence (Escape
comes back); ``p`` says the sentence. Grading never changes a status: past an interval of
``READER_REVIEW_KNOWN_DAYS``, ``k`` offers to mark the word known.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from functools import partial
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Label, Static

from reader.app.background import in_daemon
from reader.app.speaking import Speaker, SpeechEnded, SpeechStarted, Spoken
from reader.errors import ReaderError
from reader.review.cards import GRADE_NAMES, Rating, interval
from reader.review.queue import Item, Reviewer
from reader.review.store import Graded, ReviewCard, ReviewStore, utc_now
from reader.textio import clean_line

if TYPE_CHECKING:
    from reader.library.shelf import Library
    from reader.lookup.service import LookupService
    from reader.settings import ReviewSettings


@dataclass
class Revealed(Message, bubble=False):
    """What the back of card ``card`` learnt in the background: glosses or English."""

    card: int
    what: str
    text: str


class ReviewScreen(Screen[None]):
    """One card at a time; Escape or q closes the review."""

    DEFAULT_CSS = """
    ReviewScreen #review-header { background: $primary; color: $text; width: 1fr; padding: 0 1; }
    ReviewScreen #review-body { padding: 1 2; }
    ReviewScreen #review-front { margin-bottom: 1; }
    ReviewScreen #review-back { margin-bottom: 1; }
    ReviewScreen #review-grades { margin-bottom: 1; }
    ReviewScreen #review-note { color: $warning; }
    """
    BINDINGS = [
        Binding("space", "reveal", "Reveal"),
        Binding("1", "grade(1)", "Again", show=False),
        Binding("2", "grade(2)", "Hard", show=False),
        Binding("3", "grade(3)", "Good", show=False),
        Binding("4", "grade(4)", "Easy", show=False),
        Binding("z", "undo", "Undo grade"),
        Binding("p", "speak", "Say it"),
        Binding("o", "open_text", "Open the text"),
        Binding("P", "practice", "Practice", key_display="P"),
        Binding("k", "mark_known", "Mark known", show=False),
        Binding("escape,q", "close", "Close"),
        Binding("R", "noop", show=False),  # already here: the app's R does nothing
    ]

    def __init__(
        self,
        store: ReviewStore,
        library: Library | None,
        settings: ReviewSettings,
        engine: str = "auto",
        now: datetime | None = None,
    ) -> None:
        super().__init__()
        self.reviewer = Reviewer(store, library, settings)
        self.settings = settings
        self.engine = engine
        self._fixed_now = now
        """Tests: the clock (None: the real one)."""
        self.item: Item | None = None
        self.revealed = False
        self.practising = False
        self._practice: list[ReviewCard] = []
        self._shown_at = time.monotonic()
        self.last: Graded | None = None
        """The last grade kept (``z`` takes it back)."""
        self.offer_known: str | None = None
        """A key whose interval passed the threshold: ``k`` marks it known."""
        self._glosses = ""
        self._english = ""
        self._lookups: LookupService | None = None
        self._speaker: Speaker | None = None
        self.note = ""

    def now(self) -> datetime:
        return self._fixed_now or utc_now()

    # ------------------------------------------------------------ composition

    def compose(self) -> ComposeResult:
        yield Label("", id="review-header", markup=False)
        with VerticalScroll(id="review-body"):
            yield Static("", id="review-front")
            yield Static("", id="review-back")
            yield Static("", id="review-grades")
            yield Static("", id="review-note")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        store = self.reviewer.store
        try:
            store.sync(self.now())
        except ReaderError as exc:
            self.notify(str(exc), title="Review", severity="error")
        if store.notice:  # a damaged learning file was set aside
            self.notify(store.notice, title="Review", severity="warning", timeout=8)
        self._next()

    def on_unmount(self) -> None:
        if self._speaker is not None:
            self._speaker.close()
        if self._lookups is not None:
            self._lookups.close()
        self.reviewer.store.close()

    # ------------------------------------------------------------ what is shown

    @property
    def header(self) -> str:
        """The header line as drawn."""
        return str(self.query_one("#review-header", Label).render())

    def _counts_line(self) -> str:
        if self.practising:
            left = len(self._practice)
            return f"Practice · {left} learning word{'s' * (left != 1)} left · no schedule changes"
        try:
            counts = self.reviewer.store.counts(self.settings.new_per_day, self.now())
        except ReaderError as exc:
            return f"Review · {exc}"
        return f"Review · {counts.due} due · {counts.new_left} new left today"

    def _next(self) -> None:
        """Shows the next card (or what to do when none is due)."""
        self.revealed = False
        self._glosses = self._english = ""
        try:
            if self.practising:
                card = self._practice.pop(0) if self._practice else None
                self.item = None if card is None else Item(card, self.reviewer.front(card))
            else:
                self.item = self.reviewer.next(self.now())
        except ReaderError as exc:
            self.item = None
            self.notify(str(exc), title="Review", severity="error")
        self._shown_at = time.monotonic()
        self._draw()

    def _draw(self) -> None:
        self.query_one("#review-header", Label).update(self._counts_line())
        front = self.query_one("#review-front", Static)
        back = self.query_one("#review-back", Static)
        grades = self.query_one("#review-grades", Static)
        note = self.query_one("#review-note", Static)
        note.update(Text(self.note))
        item = self.item
        if item is None:
            front.update(self._nothing_due())
            back.update("")
            grades.update("")
            return
        front.update(self._front_text(item))
        if not self.revealed:
            back.update(Text("space: reveal", style="dim"))
            grades.update("")
            return
        back.update(self._back_text(item))
        grades.update(self._grades_text(item))

    def _nothing_due(self) -> Text:
        if self.practising:
            return Text("Practice done: every learning word seen. P: again; Escape: back.")
        when = None
        try:
            when = self.reviewer.store.next_due(self.now())
        except ReaderError:
            pass
        if when is None:
            try:
                waiting = self.reviewer.store.counts(self.settings.new_per_day, self.now())
            except ReaderError:
                waiting = None
            line = (
                "Nothing due. New cards wait for tomorrow."
                if waiting is not None and waiting.new_waiting
                else "Nothing to review: mark words learning (1–4) or save them (s)."
            )
        else:
            line = (
                f"Nothing due. The next card is due in {interval(when - self.now())}"
                f" ({when.astimezone().strftime('%Y-%m-%d %H:%M')})."
            )
        return Text.assemble(line, "\n\nP: practise the learning words (no schedule changes).")

    def _front_text(self, item: Item) -> Text:
        front = item.front
        if not front.fr:
            return Text.assemble(
                (item.card.key, "bold"), ("   (no sentence in your library)", "dim")
            )
        text = Text()
        last = 0
        recognition = self.settings.mode == "recognition"
        for start, end in front.spans:
            text.append(front.fr[last:start])
            if recognition or self.revealed:
                text.append(front.fr[start:end], style="bold reverse" if self.revealed else "bold")
            else:
                text.append("_____", style="bold")
            last = end
        text.append(front.fr[last:])
        return text

    def _back_text(self, item: Item) -> Text:
        front, card = item.front, item.card
        lines = Text()
        form = front.form or card.key
        lines.append(form, style="bold")
        if form != card.key:
            lines.append(f"  ·  {card.key}")
        lines.append(f"  ({card.kind}, {card.status})\n", style="dim")
        lines.append(self._glosses or "looking up…", style="" if self._glosses else "dim")
        lines.append("\n")
        if front.fr:
            english = front.english or self._english
            lines.append(english or "translating…", style="italic" if english else "dim")
            lines.append("\n")
        if front.title:
            where = f"« {front.title} »"
            if front.block is not None:
                where += f", block {front.block + 1}"
            lines.append(where + ("  ·  o: open it" if front.text_id is not None else ""), "dim")
        return lines

    def _grades_text(self, item: Item) -> Text:
        try:
            preview = self.reviewer.store.preview(item.card, self.now())
        except ValueError:
            preview = {}
        parts = Text()
        for rating in Rating:
            if parts:
                parts.append("   ")
            parts.append(f"{int(rating)} ", style="bold")
            parts.append(GRADE_NAMES[rating].capitalize())
            if rating in preview:
                parts.append(f" {interval(preview[rating])}", style="dim")
        if self.practising:
            parts.append("   (practice: nothing is scheduled)", style="dim")
        return parts

    # ------------------------------------------------------------ keys

    def action_noop(self) -> None:
        return

    def action_close(self) -> None:
        self.app.pop_screen()

    def action_reveal(self) -> None:
        item = self.item
        if item is None or self.revealed:
            return
        self.revealed = True
        self._draw()
        self.run_worker(self._look_up(item), name="review-lookup", exit_on_error=False)
        if item.front.fr and not item.front.english and item.front.text_id is not None:
            self.run_worker(self._translate(item), name="review-english", exit_on_error=False)

    def action_grade(self, number: int) -> None:
        item = self.item
        if item is None:
            return
        if not self.revealed:
            self.action_reveal()
            return
        rating = Rating(number)
        self.note = ""
        self.offer_known = None
        if self.practising:
            self._next()
            return
        duration = int((time.monotonic() - self._shown_at) * 1000)
        try:
            graded = self.reviewer.store.grade(item.card.key, rating, self.now(), duration)
        except ReaderError as exc:
            self.notify(f"the grade was not saved: {exc}", title="Review", severity="error")
            return
        self.last = graded
        known_after = timedelta(days=self.settings.known_days)
        gap = graded.after.interval
        if gap is not None and gap >= known_after and graded.after.status != "known":
            self.offer_known = graded.after.key
            self.note = f"« {graded.after.key} » comes back in {interval(gap)}: k marks it known"
        self._next()

    def action_undo(self) -> None:
        last = self.last
        if last is None or self.practising:
            self.notify("nothing to undo", title="Review")
            return
        try:
            card = self.reviewer.store.undo(last.log_id, self.now())
        except ReaderError as exc:
            self.notify(str(exc), title="Review", severity="warning")
            return
        self.last = None
        self.offer_known = None
        self.note = f"grade of « {card.key} » undone"
        previous = self.item
        front = previous.front if previous is not None and previous.card.id == card.id else None
        self.item = Item(card, front or self.reviewer.front(card, record=False))
        self.revealed = False
        self._glosses = self._english = ""
        self._shown_at = time.monotonic()
        self._draw()

    def action_practice(self) -> None:
        """Practice: every learning word, due or not; nothing is written."""
        if self.practising and self._practice:
            self.practising = False
            self.note = "practice over"
            self._next()
            return
        try:
            cards = self.reviewer.store.practice()
        except ReaderError as exc:
            self.notify(str(exc), title="Review", severity="error")
            return
        if not cards:
            self.notify("no learning words to practise", title="Review")
            return
        self.practising = True
        self.note = "practice: grades change no schedule (P again to stop)"
        self._practice = cards  # each one's sentence is chosen when it is shown
        self._next()

    def action_mark_known(self) -> None:
        key = self.offer_known
        if key is None:
            return
        from reader.learning.store import LearningStore

        try:
            LearningStore(self.reviewer.store.path).set(key, "known")
            self.reviewer.store.sync(self.now())
        except ReaderError as exc:
            self.notify(str(exc), title="Review", severity="error")
            return
        self.offer_known = None
        self.note = f"« {key} » is known: out of the review"
        self._draw()

    def action_speak(self) -> None:
        item = self.item
        if item is None:
            return
        if self._speaker is None:
            self._speaker = Speaker(self.post_message, lambda _highlight: None)
        self._speaker.say(Spoken(item.front.fr or item.card.key))

    def on_speech_ended(self, message: SpeechEnded) -> None:
        if self._speaker is not None:
            error = self._speaker.ended(message)
            if error:
                self.notify(error, title="Speech", severity="warning")

    def on_speech_started(self, message: SpeechStarted) -> None:
        if self._speaker is not None:
            self._speaker.started(message)

    def action_open_text(self) -> None:
        """The text at the sentence, on a peek screen over this one (Escape comes back)."""
        item = self.item
        library = self.reviewer.library
        if item is None or library is None or item.front.text_id is None:
            self.notify("this sentence is not from a text of your library", title="Review")
            return
        from reader.app.context import ReadingContext, glossary_notices
        from reader.app.options import ReadingOptions
        from reader.app.screens.peek import PeekScreen
        from reader.library.shelf import Hit

        front = item.front
        try:
            article = library.article(front.text_id)  # type: ignore[arg-type]
        except ReaderError as exc:
            self.notify(str(exc), title="Review", severity="error")
            return
        options = getattr(self.app, "options", None)
        options = (
            replace(options, remember=False)
            if isinstance(options, ReadingOptions)
            else (ReadingOptions(remember=False))
        )
        hit = Hit(front.text_id or 0, front.title, front.block or 0, front.sentence or 0, front.fr)
        context = ReadingContext(article, options, notify=glossary_notices(self.app))
        self.app.push_screen(PeekScreen(context, at=hit, back_to="Review"))

    # ------------------------------------------------------------ the back, in the background

    def on_revealed(self, message: Revealed) -> None:
        if self.item is None or self.item.card.id != message.card:
            return  # an answer for a card already graded
        if message.what == "glosses":
            self._glosses = message.text
        else:
            self._english = message.text
        self._draw()

    async def _look_up(self, item: Item) -> None:
        front = item.front
        if self._lookups is None:
            from reader.lookup.service import LookupService

            self._lookups = LookupService()
        service = self._lookups

        def run(quick: bool) -> str:
            if front.spans:
                start, end = front.spans[0]
                word = front.fr[start:end] if item.card.kind == "word" else item.card.key
                # Quick: Apertium's readings of the card's lemma, at once. Then the same
                # analysis as the reading screen's (one lemma owner) gives the part of
                # speech in this sentence (« frappes » the noun, not the verb).
                lemma = item.card.key if quick and item.card.kind == "word" else ""
                result = service.lookup(word, front.fr, start=start, quick=quick, lemma=lemma)
            else:
                result = service.lookup(item.card.key, quick=True)
            glosses = ", ".join(dict.fromkeys(g.text for g in result.glosses))
            described = result.description
            return clean_line(
                " · ".join(part for part in (described, glosses or "no gloss found") if part)
            )

        stages = (True, False) if front.spans and item.card.kind == "word" else (True,)
        for quick in stages:
            try:
                text = await in_daemon(partial(run, quick), "reader-review-lookup")
            except Exception as exc:  # noqa: BLE001 - a missing source is a line on the card
                text = f"no lookup: {clean_line(str(exc))}"
            self.post_message(Revealed(item.card.id, "glosses", text))

    async def _translate(self, item: Item) -> None:
        front = item.front
        library = self.reviewer.library
        engine = self.engine
        if library is None or front.text_id is None or front.block is None:
            return
        text_id, block, sentence = front.text_id, front.block, front.sentence or 0

        def run() -> str:
            from reader.session import TranslationSession

            article = library.article(text_id)
            with TranslationSession(article, engine) as session:
                english = session.translate([article.blocks[block]])[0]
            if sentence < len(english.sentences):
                return english.sentences[sentence]
            return english.text

        try:
            text = clean_line(await in_daemon(run, "reader-review-english"))
        except Exception as exc:  # noqa: BLE001 - the English is a help, never a failure
            text = f"(no English: {clean_line(str(exc))})"
        self.post_message(Revealed(item.card.id, "english", text or "(no English here)"))
