"""The app's pure parts, without Textual: row geometry, glossary marks, the schedule, settings."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from reader.app.layout import Columns, cells, layout_row, locate
from reader.app.marks import marks_for
from reader.app.schedule import FIRST_SENTENCES, Schedule
from reader.article import load
from reader.settings import Settings
from reader.translate import glossary_build as build
from reader.translation import BlockTranslation
from tests.support.paths import ROOT, SEED

FR = "Le président a récemment déclaré à NBC News qu'il avait conclu un accord via l'OTAN."
EN = "The president recently told NBC News that he had reached a deal through NATO."


def test_locate_finds_the_word_drawn_at_a_point_side_by_side() -> None:
    columns = Columns.for_width(100, "both")
    row = layout_row(FR, EN, columns)
    assert not columns.stacked and row.fr and row.en
    start = FR.index("OTAN")
    line = next(i for i, (a, b) in enumerate(row.fr) if a <= start < b)
    point = locate(columns, row, line, start - row.fr[line][0])
    assert point is not None and point.lang == "fr"
    assert FR[row.fr[point.line][0] + point.column :].startswith("OTAN")
    en_x = columns.fr_width + 3 + EN.index("NATO") - row.en[line][0]
    point = locate(columns, row, line, en_x)
    assert point is not None and point.lang == "en"
    assert EN[row.en[point.line][0] + point.column :].startswith("NATO")
    assert locate(columns, row, 0, columns.fr_width + 1) is None  # the gutter
    assert locate(columns, row, row.height - 1, 3) is None  # the label line


def test_stacked_rows_put_english_under_french() -> None:
    columns = Columns.for_width(40, "both")
    row = layout_row(FR, EN, columns)
    assert columns.stacked
    langs = [cell.lang for line in range(row.height) for cell in cells(columns, row, line)]
    assert langs == ["fr"] * len(row.fr) + ["en"] * len(row.en)
    point = locate(columns, row, len(row.fr), 0)
    assert point is not None and (point.lang, point.line, point.column) == ("en", 0, 0)


@given(
    width=st.integers(10, 200),
    mode=st.sampled_from(["both", "french", "english"]),
    words=st.lists(st.text("abcdéf", min_size=1, max_size=12), min_size=1, max_size=40),
    x=st.integers(0, 200),
)
def test_locate_only_ever_names_drawn_cells(width, mode, words, x) -> None:
    text = " ".join(words)
    columns = Columns.for_width(width, mode)
    row = layout_row(text, text, columns)
    for line in range(row.height):
        point = locate(columns, row, line, x)
        drawn = cells(columns, row, line)
        if point is None:
            continue
        cell = next(c for c in drawn if c.lang == point.lang)
        spans = row.fr if point.lang == "fr" else row.en
        assert cell.x <= x < cell.x + cell.width and 0 <= point.line < len(spans)


def test_marks_for_names_kinds_not_styles() -> None:
    article = load(SEED)
    glossary = build.build(article)
    plain = marks_for(glossary)
    kinds = {m.kind for ms in plain.values() for m in ms}
    assert kinds == {"term"}
    key = "organisations:OTAN"
    selected = marks_for(glossary, key, occurrence=1)
    hits = [m for ms in selected.values() for m in ms if m.key == key]
    assert {m.kind for m in hits} == {"hit", "current"}
    current = [m for m in hits if m.kind == "current"]
    second = glossary.occurrences[key][1]
    assert len(current) == 1 and (current[0].lang, current[0].start) == ("fr", second.start)
    assert marks_for(None) == {}


def test_schedule_takes_the_focus_first_and_every_block_once() -> None:
    schedule = Schedule([3] * 100)
    first = schedule.take()
    assert first[0] == 0 and sum(3 for _ in first) >= FIRST_SENTENCES
    schedule.took(0.1, 3 * len(first))  # a quick call: the next chunk is larger
    schedule.focus_on(90)
    jump = schedule.take()
    assert jump[0] == 90 and len(jump) <= FIRST_SENTENCES // 3 + 1
    rest: list[int] = []
    while chunk := schedule.take():
        rest += chunk
    everything = first + jump + rest
    assert sorted(everything) == list(range(100)) and schedule.left == 0


def test_schedule_grows_with_quick_calls_and_shrinks_with_slow_ones() -> None:
    schedule = Schedule([1] * 100_000)
    sizes = []
    for seconds in (0.1, 0.1, 5.0):
        chunk = schedule.take()
        sizes.append(len(chunk))
        schedule.took(seconds, len(chunk))
    sizes.append(len(schedule.take()))
    assert sizes[0] < sizes[1] < sizes[2] and sizes[3] < sizes[2]
    schedule.put_back([0, 1])
    assert schedule.left > 0


def test_block_translation_spans_cover_each_sentence() -> None:
    t = BlockTranslation(0, ("One.", "", "Two three."), "x", "1")
    assert [t.text[a:b] for a, b in t.spans] == ["One.", "", "Two three."]


def test_settings_come_from_one_place() -> None:
    settings = Settings.from_env(
        {"READER_DATA_DIR": "/tmp/x", "READER_BEAM_SIZE": "2", "READER_THREADS": "zero"}
    )
    assert settings.data_dir == Path("/tmp/x") and settings.argos.beam_size == 2
    assert settings.argos.threads >= 1  # a bad value falls back to the default
    assert not settings.debug and Settings.from_env({"READER_DEBUG": "1"}).debug


def test_only_the_settings_module_reads_reader_variables() -> None:
    root = ROOT
    readers = [
        path.relative_to(root).as_posix()
        for folder in ("reader", "glossary")
        for path in (root / folder).rglob("*.py")
        if "environ" in (text := path.read_text(encoding="utf-8")) and '"READER_' in text
    ]
    assert readers == ["reader/settings.py"]


def test_translation_marks_style_terms_failures_and_unknown_words() -> None:
    from reader.app.marks import translation_marks
    from reader.translation import TermSpan

    english = BlockTranslation(
        3,
        ("NATO met.", "The dépens grew."),
        "apertium",
        "v",
        terms=(
            (TermSpan("organisations:OTAN", 0, 4, "enforced"),),
            (TermSpan("economy:dette", None, None, "failed"),),
        ),
        unknown=((), ((4, 10),)),
    )
    marks = {(m.start, m.end, m.kind, m.key) for m in translation_marks({3: english})[3]}
    second = english.spans[1][0]
    assert marks == {
        (0, 4, "term", "organisations:OTAN"),
        (second, second + len("The dépens grew."), "failed", "economy:dette"),
        (second + 4, second + 10, "unknown", ""),
    }
    assert english.text[second + 4 : second + 10] == "dépens"
    selected = translation_marks({3: english}, "organisations:OTAN")[3]
    assert any(m.kind == "hit" and m.key == "organisations:OTAN" for m in selected)
