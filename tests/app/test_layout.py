"""Word wrap by terminal cells: lines fit, words survive in order, French spacing holds."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st
from rich.cells import split_graphemes

from reader.app.layout import NO_BREAK_BEFORE, width_of, wrap


def lines(text: str, width: int) -> list[str]:
    return [text[a:b] for a, b in wrap(text, width)]


def test_emoji_are_wrapped_by_cell_width() -> None:
    # Design review item 3: this gave 10-cell lines and an extra empty span.
    assert lines("😀" * 10, 5) == ["😀😀"] * 5
    assert lines("中文字符测试 abc", 5) == ["中文", "字符", "测试", "abc"]


def test_long_words_are_cut_by_cells_never_inside_a_cluster() -> None:
    family = "👨\u200d👩\u200d👧"  # one cluster, drawn as three faces: six cells
    assert lines(family * 3, 12) == [family * 2, family]
    assert lines(family * 3, 5) == [family] * 3  # wider than the line, still never cut
    assert lines("e\u0301" * 6, 4) == ["e\u0301" * 4, "e\u0301" * 2]
    assert lines("anticonstitutionnellement", 10) == ["anticonsti", "tutionnell", "ement"]


def test_no_break_before_high_punctuation_or_after_opening_guillemet() -> None:
    # QA row 41: « fixé à 2 » / « %, un niveau » and a line starting with « ? ».
    text = "Le taux est fixé à 2 %, un niveau que Trump a rejeté : Poutine ? « Ça suffit » dit-il."
    for width in range(12, 40):
        got = lines(text, width)
        assert all(line[0] not in NO_BREAK_BEFORE for line in got), (width, got)
        assert all(not line.endswith("«") for line in got), (width, got)
    assert lines("fixé à 2 %", 9) == ["fixé à", "2 %"]
    assert lines("il a dit « non", 11) == ["il a dit", "« non"]


def test_no_break_spaces_hold_words_together() -> None:
    assert lines("fixé à 2\u00a0%", 9) == ["fixé à", "2\u00a0%"]


def test_empty_and_blank() -> None:
    assert wrap("", 10) == [(0, 0)]
    assert wrap("   ", 10) == [(0, 0)]


WORDS = st.lists(
    st.sampled_from(list("abcdéèàçA%?!:;«»'’-") + ["😀", "中", "e\u0301", "\u00a0", "👨\u200d👩"]),
    min_size=1,
    max_size=14,
).map("".join)
TEXTS = st.lists(st.tuples(WORDS, st.sampled_from([" ", "  "])), max_size=25).map(
    lambda pairs: "".join(word + gap for word, gap in pairs)
)


def _ink(text: str) -> str:
    return "".join(text.split())


def _words(line: str) -> list[str]:
    """Words as the wrapper sees them: a no-break space does not separate two."""
    return [w for w in line.split(" ") if w]


def _group_start(text: str, start: int, end: int) -> int:
    """Where the words that end the line at ``end`` and must stay together begin."""
    words = [(m.start(), m.end()) for m in re.finditer(r"[^ ]+", text[start:end])]
    i = len(words) - 1
    while i > 0 and (
        text[start + words[i][0]] in NO_BREAK_BEFORE or text[start + words[i - 1][1] - 1] == "«"
    ):
        i -= 1
    return start + words[i][0]


@settings(max_examples=400, deadline=None)
@given(TEXTS, st.integers(min_value=2, max_value=40))
@example(text="a « a👨\u200d👩 ", width=3)  # the word after « is cut: a ZWJ pair is 4 cells
@example(text="👨\u200d👩 ", width=2)  # a lone cluster wider than the line
def test_every_line_fits_and_words_survive_in_order(text, width) -> None:
    spans = wrap(text, width)
    pos = 0
    for a, b in spans:
        assert pos <= a <= b <= len(text)
        assert text[pos:a].strip(" ") == ""  # only spaces are skipped between lines
        # A lone cluster wider than the line (👨‍👩, four cells drawn) is the one exception.
        lone = len(split_graphemes(text[a:b])[0]) == 1
        assert width_of(text[a:b]) <= width or lone, (text[a:b], width)
        pos = b
    assert text[pos:].strip(" ") == ""
    assert "".join(_ink(text[a:b]) for a, b in spans) == _ink(text)
    # A break between words before % ? ! : ; » (or after «) is taken only when the words
    # that belong together do not fit on one line, or the line before holds nothing else.
    for (start, end), (a, b) in zip(spans, spans[1:], strict=False):
        if a == end or text[end:a].strip(" "):
            continue  # a word cut in two, not a break between words
        if text[a] in NO_BREAK_BEFORE or text[end - 1] == "«":
            group = _group_start(text, start, end)
            after = _words(text[a:])[0]  # the whole word, even where the line cut it
            together = width_of(text[group : a + len(after)])
            assert together > width or group == start, (text[start:end], text[a:b])


def test_what_is_drawn_takes_the_cells_a_terminal_gives_it() -> None:
    """QA 2026-12-01 Q19: a ZWJ family counted 2 cells and was drawn in 8 by tmux, pushing
    the row's English out of its column. Drawn apart, each character's own width (what a
    terminal without ZWJ joining uses) adds up to the cells the layout counted."""
    from rich.cells import get_character_cell_size

    from reader.app.layout import drawn, width_of

    text = "Un drapeau et une famille 👨\u200d👩\u200d👧\u200d👦 dans la phrase."
    shown = drawn(text)
    assert "\u200d" not in shown and shown.count("👨") == 1
    assert width_of(text) == sum(get_character_cell_size(c) for c in shown) == len(text) - 3 + 4
    for a, b in wrap(text, 20):
        assert width_of(text[a:b]) <= 20
