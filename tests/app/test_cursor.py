"""The word cursor and the glossary selection as plain classes: no Textual, no app.

A subprocess checks that neither module pulls Textual in, so these stay unit tests.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from glossary.model import Occurrence
from reader.app.cursor import WordCursor, word_spans
from reader.app.selection import Selection
from reader.article import parse
from tests.support.paths import ROOT

TEXT = (
    "Un titre\n\nL’OTAN se réunit. Passe-t-il aujourd’hui ? Oui.\n\n2024 — 1 000\n\nFin du texte."
)


def cursor() -> WordCursor:
    return WordCursor(parse(TEXT, "t.fr.txt"))


def words(c: WordCursor, block: int) -> list[str]:
    text = c.article.blocks[block].text
    return [text[a:b] for a, b in c.words(block)]


def test_words_are_whole_elided_and_hyphenated_forms_and_never_numbers() -> None:
    c = cursor()
    assert words(c, 1) == ["L’OTAN", "se", "réunit", "Passe-t-il", "aujourd’hui", "Oui"]
    assert words(c, 2) == [] and word_spans("1 000 et 2024") == [(6, 8)]


def test_sentences_and_their_words() -> None:
    c = cursor()
    assert [c.sentence_of(1, w) for w in range(6)] == [0, 0, 0, 1, 1, 2]
    assert c.words_in(1, 1) == [3, 4] and c.first_in(1, 2) == 5
    assert c.words_in(1, 7) == [] and c.first_in(1, None) is None
    assert c.span(1, 1) == (7, 9) and c.span(1, 6) is None and c.span(9, 0) is None
    assert c.word_at(1, 8) == 1 and c.word_at(1, 6) is None  # the space between words


def test_the_first_step_lands_in_the_current_sentence() -> None:
    c = cursor()
    assert c.step(1, None, 1, 1) == (1, 3)  # its first word
    assert c.step(1, None, 1, -1) == (1, 4)  # its last
    assert c.step(1, None, None, 1) == (1, 0)  # no sentence: the block's first word


def test_steps_cross_blocks_and_skip_blocks_without_words() -> None:
    c = cursor()
    assert c.step(1, 2, 0, 1) == (1, 3)
    assert c.step(1, 5, 2, 1) == (3, 0)  # block 2 holds only numbers
    assert c.step(3, 0, 0, -1) == (1, 5)
    assert c.step(1, 0, 0, -1) == (0, 1)  # the title's last word
    assert c.step(0, 0, 0, -1) is None  # nothing before the first word
    assert c.step(3, 2, 0, 1) is None


def test_l_looks_up_the_cursor_then_the_sentence_then_the_block() -> None:
    c = cursor()
    assert c.to_look_up(1, 4, 0) == 4
    assert c.to_look_up(1, None, 2) == 5
    assert c.to_look_up(1, None, None) == 0
    assert c.to_look_up(2, None, 0) is None


OCCURRENCES = [Occurrence(2, 0, 4), Occurrence(2, 10, 14), Occurrence(5, 3, 7), Occurrence(9, 0, 4)]


def test_choosing_with_a_jump_goes_to_the_first_occurrence() -> None:
    s = Selection()
    assert s.choose("k", OCCURRENCES, jump=True, block=7) == 2
    assert s.number == 0 and s.label("OTAN", OCCURRENCES, 2) == "OTAN: occurrence 1/4"
    assert s.choose("k", [], jump=True, block=7) is None and s.number is None


def test_choosing_in_the_text_numbers_the_occurrence_in_that_block() -> None:
    """QA 2026-12-01 Q18: ``t`` or a click on a term of the current block said ``–/23``."""
    s = Selection()
    assert s.choose("k", OCCURRENCES, jump=False, block=5) is None
    assert s.label("OTAN", OCCURRENCES, 5) == "OTAN: occurrence 3/4"
    s.choose("k", OCCURRENCES, jump=False, block=4)  # a block without one: no number
    assert s.number is None and s.label("OTAN", OCCURRENCES, 4) == "OTAN: occurrence –/4"


def test_n_and_N_step_round_from_where_the_reader_is() -> None:
    s = Selection(key="k")
    assert s.step(OCCURRENCES, 1, 3) == 5 and s.number == 2  # the first at or after block 3
    assert s.step(OCCURRENCES, 1, 5) == 9
    assert s.step(OCCURRENCES, 1, 9) == 2 and s.number == 0  # round to the first
    assert s.step(OCCURRENCES, -1, 2) == 9
    assert Selection(key="k").step(OCCURRENCES, -1, 0) == 9  # N at first: the last
    assert Selection(key="k").step([], 1, 0) is None


def test_a_stale_number_is_not_shown_away_from_its_block() -> None:
    s = Selection(key="k", number=2)
    assert s.label("OTAN", OCCURRENCES, 5) == "OTAN: occurrence 3/4"
    assert s.label("OTAN", OCCURRENCES, 6) == "OTAN: occurrence –/4"
    assert s.label("OTAN", [], 5) == ""


@pytest.mark.slow
def test_cursor_and_selection_do_not_import_textual() -> None:
    code = (
        "import sys; import reader.app.cursor, reader.app.selection; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert out.stdout.strip() == "[]"
