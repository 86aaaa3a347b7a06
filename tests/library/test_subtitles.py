"""``reader add FILE.srt|.vtt``: the same dialogue as WebVTT and as SRT is stored as whole
sentences, in paragraphs at pauses and speaker changes, each with its start time; no
timing, tag, cue id, setting, NOTE or STYLE is stored. Also: Ctrl-C while adding leaves
nothing, and a library written before the cues column opens with its texts."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from reader.library.shelf import Library
from reader.library.sources import add_source
from reader.library.subtitles import read_subtitles
from tests.support.cli import run_in_process as run

VTT = """WEBVTT
Kind: captions

STYLE
::cue(v[voice="Marie"]) { color: yellow }

NOTE traduit par une bénévole

intro
00:00:01.000 --> 00:00:02.500 align:start line:0
<v Marie>Bonjour, je <i>pense</i> que

00:00:02.600 --> 00:00:04.000
<v Marie>nous devrions partir avant la nuit.

00:00:04.500 --> 00:00:06.000
<v Paul>Pourquoi si tôt ? Il <b>fait</b>...

00:00:06.100 --> 00:00:07.000
<v Paul>...encore jour.

00:00:10.000 --> 00:00:12.000 position:10%
<v Paul>{\\an8}Bon, d'accord. On y va.
"""

SRT = """1
00:00:01,000 --> 00:00:02,500
{\\an8}<i>MARIE : Bonjour, je pense que</i>

2
00:00:02,600 --> 00:00:04,000
nous devrions partir avant la nuit.

3
00:00:04,500 --> 00:00:06,000
PAUL : Pourquoi si tôt ? Il <b>fait</b>...

4
00:00:06,100 --> 00:00:07,000
...encore jour.

5
00:00:10,000 --> 00:00:12,000
Bon, d'accord. On y va.
"""

SENTENCES = [
    "Bonjour, je pense que nous devrions partir avant la nuit.",
    "Pourquoi si tôt ? Il fait encore jour.",
    "Bon, d'accord. On y va.",
]


@pytest.mark.parametrize(("name", "content"), [("dialogue.vtt", VTT), ("dialogue.srt", SRT)])
def test_subtitles_are_stored_as_whole_sentences_with_start_times(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    code, _, err = run(capsys, "add", str(path))
    assert code == 0, err
    assert "(subtitles, " in err
    code, out, _ = run(capsys, "show", "1", "--format", "json")
    stored = json.loads(out)
    assert stored["kind"] == "subtitles" and stored["title"] == "dialogue"
    body = stored["blocks"][1:]
    assert [b["fr"] for b in body] == SENTENCES
    assert [b["start"] for b in body] == [1.0, 4.5, 10.0]
    assert [b["speaker"] for b in body] == ["Marie", "Paul", "Paul"]
    assert stored["blocks"][0]["start"] is None
    everything = " ".join(b["fr"] for b in stored["blocks"])
    for noise in ("-->", "<", "{", "align", "position", "NOTE", "bénévole", "intro", "::cue"):
        assert noise not in everything
    with Library() as shelf:  # the index holds the sentence cut across two cues, whole
        assert [h.fr for h in shelf.find("jour")] == ["Il fait encore jour."]


def test_a_pause_after_a_finished_sentence_starts_a_paragraph_and_is_a_setting(
    tmp_path: Path,
) -> None:
    path = tmp_path / "pause.srt"
    path.write_text(
        "1\n00:00:01,000 --> 00:00:02,000\nIl pleut.\n\n"
        "2\n00:00:03,500 --> 00:00:04,000\nIl fait froid.\n\n"
        "3\n00:00:09,000 --> 00:00:10,000\nmais nous\n\n"
        "4\n00:00:14,000 --> 00:00:15,000\nsortons quand même.\n",
        encoding="utf-8",
    )
    default = read_subtitles(path)
    assert [text for _, text in default.pairs[1:]] == [
        "Il pleut. Il fait froid.",  # 1.5 s: under the pause
        "mais nous sortons quand même.",  # 4 s, but mid-sentence: one sentence
    ]
    short = read_subtitles(path, pause=1.0)
    assert [text for _, text in short.pairs[1:]] == [
        "Il pleut.",
        "Il fait froid.",
        "mais nous sortons quand même.",
    ]


def test_dialogue_dashes_are_speaker_changes(tmp_path: Path) -> None:
    path = tmp_path / "dashes.srt"
    path.write_text(
        "1\n00:00:01,000 --> 00:00:03,000\n- Tu viens ?\n- Oui, j'arrive.\n", encoding="utf-8"
    )
    assert [text for _, text in read_subtitles(path).pairs[1:]] == ["Tu viens ?", "Oui, j'arrive."]


def test_a_file_without_cues_is_refused_in_one_line(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "vide.vtt"
    path.write_text("WEBVTT\n\nNOTE rien\n", encoding="utf-8")
    code, _, err = run(capsys, "add", str(path))
    assert code == 1 and err.count("\n") == 1 and str(path) in err


def test_ctrl_c_while_storing_leaves_nothing_added(data_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "dialogue.vtt"
    path.write_text(VTT, encoding="utf-8")
    steps: list[str] = []

    def interrupted(step: str, done: int, total: int) -> None:
        steps.append(step)
        if step == "storing":
            raise KeyboardInterrupt

    with Library() as shelf:
        with pytest.raises(KeyboardInterrupt):
            add_source(shelf, str(path), progress=interrupted)
        assert steps[0] == "analysing" and steps[-1] == "storing"
        assert shelf.count() == 0 and shelf.find("jour") == []
        text, updated = add_source(shelf, str(path))  # and it can be added afterwards
        assert not updated and len(shelf.cues(text.id)) == 4


def test_a_library_from_release_0_1_0_opens_with_its_texts(data_dir: Path) -> None:
    fixture = Path(__file__).resolve().parent.parent / "fixtures" / "data-0.1.0" / "data"
    shutil.copytree(fixture, data_dir)
    before = sqlite3.connect(data_dir / "library.sqlite3")
    old = before.execute("SELECT id, title FROM texts ORDER BY id").fetchall()
    before.close()
    assert old
    with Library() as shelf:
        assert [(t.id, t.title) for t in sorted(shelf.texts(), key=lambda t: t.id)] == old
        assert shelf.cues(old[0][0]) == []
        assert shelf.article(old[0][0]).blocks


def test_adding_shows_a_progress_bar_on_a_terminal_only(
    data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import io

    from rich.console import Console

    import reader.commands.library as library_cmd

    path = tmp_path / "dialogue.vtt"
    path.write_text(VTT, encoding="utf-8")
    code, _, err = run(capsys, "add", str(path))  # stderr is not a terminal here: no bar
    assert code == 0 and err.count("\n") == 1 and "analysing" not in err
    screen = io.StringIO()
    terminal = Console(file=screen, force_terminal=True, width=80, stderr=True)
    monkeypatch.setattr(library_cmd, "err", terminal)
    monkeypatch.setattr(library_cmd, "PROGRESS_AFTER", 0.0)  # as if adding took seconds
    code, _, _ = run(capsys, "add", str(path))
    assert code == 0
    assert "analysing" in screen.getvalue() or "storing" in screen.getvalue()


def test_terminal_controls_in_cues_are_not_stored(tmp_path: Path) -> None:
    path = tmp_path / "controls.srt"
    path.write_text(
        "1\n00:00:01,000 --> 00:00:02,000\n\x1b[31mRouge\x1b[0m et \u202enoir\u202c.\n",
        encoding="utf-8",
    )
    assert read_subtitles(path).pairs[1] == ("paragraph", "Rouge et noir.")


def test_a_negative_number_is_not_a_dialogue_dash(tmp_path: Path) -> None:
    path = tmp_path / "meteo.srt"
    path.write_text(
        "1\n00:00:01,000 --> 00:00:03,000\nIl fera\n-20 degrés demain.\n", encoding="utf-8"
    )
    assert [text for _, text in read_subtitles(path).pairs[1:]] == ["Il fera -20 degrés demain."]
