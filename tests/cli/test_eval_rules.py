"""``reader eval A B … --lines --rules``: each rule's and entry's changes, better and worse,
attributed from enforcement's trace, and the three goal figures per set and half."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.evaluate import lines_article
from reader.evaluate.rules import merged, report, score_set
from tests.support.cli import run_reader


def _set(tmp_path: Path, name, french, english):
    (tmp_path / f"{name}.fr.txt").write_text("\n".join(french) + "\n", encoding="utf-8")
    (tmp_path / f"{name}.en.txt").write_text("\n".join(english) + "\n", encoding="utf-8")
    return tmp_path / f"{name}.fr.txt"


def test_each_line_counts_for_every_rule_its_trace_names(tmp_path: Path) -> None:
    french = ["Il est à Bruges.", "La zone euro croît.", "Rien.", "Le PIB baisse."]
    reference = ["He is in Bruges.", "The eurozone grows.", "Nothing.", "GDP falls."]
    path = _set(tmp_path, "t", french, reference)
    article = lines_article(path)
    raw = ["He is in Witches.", "The zone euro grows.", "Nothing.", "GDP falls."]
    enforced = ["He is in Bruges.", "The eurozone grows.", "Nothing.", "The GDP falls."]
    trace = {
        (0, 0): frozenset({"splice", "name: a known place"}),
        (1, 0): frozenset({"splice", "general «zone euro»"}),
        # line 3 changed but its trace is empty: counted, and said so
    }
    result = score_set(article, reference, raw, enforced, trace, "t.en.txt")
    rules = {k: (v.changed, v.better, v.worse) for k, v in result.rules.items()}
    assert rules == {
        "splice": (2, 2, 0),
        "name: a known place": (1, 1, 0),
        "general «zone euro»": (1, 1, 0),
        "unattributed": (1, 0, 1),
    }
    f = result.figures
    assert (f["lines"], f["changed"], f["better"], f["worse"]) == (4, 3, 2, 1)
    assert f["worse_share"] == pytest.approx(1 / 3, abs=1e-4)
    assert f["enforced_chrf"] > f["raw_chrf"]
    assert f["names_kept"] == 1.0 and f["names_kept_raw"] == 0.0  # Bruges (« PIB » is first)
    assert not f["goals_met"]  # a third of the changes worse
    assert [h["lines"] for h in result.halves] == [2, 2]
    assert [h["changed"] for h in result.halves] == [2, 1]
    data = report([result, result], "apertium", show_lines=True)
    assert data["rules"]["splice"] == {"changed": 4, "better": 4, "worse": 0, "delta": pytest.approx(data["rules"]["splice"]["delta"])}  # fmt: skip
    assert list(data["rules"])[0] == "splice"  # most changes first
    one = data["sets"][0]
    assert {c["index"] for c in one["changes"]} == {0, 1, 3}
    assert merged([result, result])["unattributed"].worse == 2


def test_rules_needs_lines_and_several_sets_need_rules(tmp_path: Path, data_dir: Path) -> None:
    path = _set(tmp_path, "a", ["Bonjour."], ["Hello."])
    done = run_reader("eval", str(path), "--rules", "-e", "apertium")
    assert done.returncode == 1 and "--lines" in done.stderr
    assert "Traceback" not in done.stderr
    done = run_reader("eval", str(path), str(path), "--lines", "-e", "apertium")
    assert done.returncode == 1 and "--rules" in done.stderr
    lonely = tmp_path / "b.fr.txt"
    lonely.write_text("Bonjour.\n", encoding="utf-8")
    done = run_reader("eval", str(path), str(lonely), "--lines", "--rules", "-e", "apertium")
    assert done.returncode == 1 and "no reference" in done.stderr


@pytest.mark.needs_apertium
def test_lines_rules_on_two_tiny_sets(tmp_path: Path, data_dir: Path) -> None:
    one = _set(
        tmp_path,
        "one",
        ["Il a grandi à Bruges et à Cologne.", "La zone euro croît.", "Il pleut."],
        ["He grew up in Bruges and Cologne.", "The eurozone is growing.", "It rains."],
    )
    two = _set(
        tmp_path,
        "two",
        ["Des violations graves des droits humains.", "Il dort."],
        ["Serious violations of human rights.", "He sleeps."],
    )
    done = run_reader(
        "eval", str(one), str(two), "--lines", "--rules", "-e", "apertium", "--no-spacy",
        "-f", "json", "--worst", "1",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert [s["source"] for s in data["sets"]] == [str(one), str(two)]
    first, second = data["sets"]
    assert first["changed"] >= 2 and first["lines"] == 3 and len(first["halves"]) == 2
    assert "name: a known place" in data["rules"] and "general «zone euro»" in data["rules"]
    assert "general «violation»" in second["rules"]
    assert first["enforced_chrf"] > first["raw_chrf"]
    for s in data["sets"]:
        for change in s["changes"]:
            assert change["rules"] and "unattributed" not in change["rules"]
    table = run_reader(
        "eval", str(one), str(two), "--lines", "--rules", "-e", "apertium", "--no-spacy"
    )
    assert table.returncode == 0, table.stderr
    for text in ("one", "two", "half 1", "rule or entry", "general «violation»"):
        assert text in table.stdout, text
