"""``reader eval``: scores checked against a tiny reference computed by hand."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from glossary.model import Entry
from reader.article import parse
from reader.evaluate import broken_span, measures
from reader.translation import BlockTranslation, TermSpan
from tests.support.cli import run_reader
from tests.support.paths import SEED

GLOSSARY = """
[[entry]]
fr = "Titre"
en = "Title"
kind = "other"
definition = "A heading."

[[entry]]
fr = "chat"
en = "cat"
kind = "other"
definition = "A small feline."
"""


@pytest.fixture
def tiny(tmp_path: Path):
    (tmp_path / "tiny.fr.txt").write_text("Titre\nLe chat.\n", encoding="utf-8")
    (tmp_path / "tiny.en.txt").write_text("Title\nabc\n", encoding="utf-8")  # the "engine" output
    (tmp_path / "ref.txt").write_text("Title\nabd\n", encoding="utf-8")
    (tmp_path / "terms.toml").write_text(GLOSSARY, encoding="utf-8")
    return tmp_path


def _eval(folder: Path, *args: str) -> Any:  # the report's JSON
    done = run_reader("eval", str(folder / "tiny.fr.txt"), *args, "--format", "json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_scores_against_a_hand_computed_reference(tiny, data_dir: Path) -> None:
    report = _eval(
        tiny, "--engine", "reference", "--reference", str(tiny / "ref.txt"),
        "--glossary", str(tiny / "terms.toml"),
    )  # fmt: skip
    assert set(report) == {
        "source",
        "engine",
        "reference",
        "glossaries",
        "unit",
        "raw",
        "enforced",
        "changes",
        "names",
        "forced",
        "worst",
        "blocks",
    }
    assert report["engine"] == "reference" and report["glossaries"] == [str(tiny / "terms.toml")]
    whole = report["raw"]
    assert set(whole) == {"chrf", "chrf++", "bleu", "terms", "broken", "flagged", "unknown"}
    # chrF by hand (character n-grams 1..6, spaces removed, beta 2), corpus statistics
    # summed over the blocks "Title"/"Title" and "abc"/"abd":
    #   1-grams: 7 of 8 match; 2-grams 5 of 6; 3-grams 3 of 4; 4-grams 2 of 2; 5-grams 1 of 1;
    #   6-grams: none, so not counted. Precision = recall each time, so F = that share:
    #   (7/8 + 5/6 + 3/4 + 1 + 1) / 5 = 0.891666…
    assert whole["chrf"] == pytest.approx(89.17, abs=0.01)
    # chrF++ adds word 1-grams (Title matches, abc does not: 1/2); no word 2-grams:
    #   (4.458333… + 0.5) / 6 = 0.826388…
    assert whole["chrf++"] == pytest.approx(82.64, abs=0.01)
    assert whole["bleu"] == 0.0  # no 2-gram at all: BLEU's geometric mean is 0
    # Terms: « Titre » → Title is there, « chat » → cat is not: 1 of 2.
    assert whole["terms"] == {"occurrences": 2, "lenient": 0.5, "strict": 0.5}
    assert report["enforced"] == whole  # the reference engine is never enforced
    first, second = report["blocks"]
    assert first["index"] == 0 and first["raw"]["chrf"] == 100.0 and first["raw"]["bleu"] == 100.0
    # "abc" against "abd": 1-grams 2/3, 2-grams 1/2, 3-grams 0/1: (2/3 + 1/2 + 0) / 3
    assert second["raw"]["chrf"] == pytest.approx(38.89, abs=0.01)
    assert second["raw"]["terms"] == {"occurrences": 1, "lenient": 0.0, "strict": 0.0}


@pytest.mark.needs_apertium
def test_without_a_reference_only_terms_are_scored(tiny, data_dir: Path) -> None:
    (tiny / "tiny.en.txt").unlink()
    report = _eval(tiny, "--engine", "apertium", "--glossary", str(tiny / "terms.toml"))
    assert report["reference"] is None
    assert (report["raw"]["chrf"], report["raw"]["chrf++"], report["raw"]["bleu"]) == (None,) * 3
    assert report["raw"]["terms"]["occurrences"] == 2
    assert report["enforced"]["terms"] == {"occurrences": 2, "lenient": 1.0, "strict": 1.0}
    assert all(b["raw"]["chrf"] is None for b in report["blocks"])


def test_no_machine_english_is_refused_in_one_line(tiny, data_dir: Path) -> None:
    """-e none has no English at all; -e reference against its own file scores 100 by
    construction: both are refused instead of a table of 0.0 or of 100."""
    for args, words in [
        (("--engine", "none"), "nothing to score"),
        (("--engine", "reference"), "against itself"),
        (("--engine", "reference", "--reference", str(tiny / "tiny.en.txt")), "against itself"),
    ]:
        done = run_reader("eval", str(tiny / "tiny.fr.txt"), *args)
        assert done.returncode == 1, args
        assert words in done.stderr and len(done.stderr.strip().splitlines()) == 1, done.stderr
        assert done.stdout == "" and "Traceback" not in done.stderr


CONGRESS = Entry("Congrès", "Congress", "organisations", aliases=("Congrès américain",))
TRUMP = Entry("Trump", "Trump", "people", aliases=("Donald Trump",))
PUTIN = Entry("Poutine", "Vladimir Putin", "people", origin="user")


def _enforced(english: str, term: str) -> TermSpan:
    start = english.index(term)
    return TermSpan("k", start, start + len(term), "enforced")


def test_broken_enforced_terms_are_seen() -> None:
    fr = "Le Congrès américain a voté les milliards alloués par le Congrès américain."
    bad = "Congrès Congress has voted the billions conceded by Congrès Congress."
    assert broken_span(CONGRESS, fr, bad, _enforced(bad, "Congrès Congress"))
    beside = "Congrès Congress has voted."  # the term alone, French right before it
    assert broken_span(CONGRESS, fr, beside, _enforced(beside, "Congress"))
    good = "Congress has voted the billions conceded by Congress."
    assert not broken_span(CONGRESS, fr, good, _enforced(good, "Congress"))
    doubled = "Trump and Vladimir Vladimir Putin met."
    assert broken_span(
        PUTIN, "Trump et Vladimir Poutine.", doubled, _enforced(doubled, "Vladimir Putin")
    )
    named = "The president Donald Trump looks."  # a first name from the French is fine
    assert not broken_span(
        TRUMP, "Le président Donald Trump semble.", named, _enforced(named, "Donald Trump")
    )


def test_broken_terms_count_as_wrong_so_accuracy_is_not_100() -> None:
    article = parse("Titre\nLe Congrès américain a voté.", "x.txt")
    bad = "Congrès Congress has voted."
    start = bad.index("Congrès Congress")
    span = TermSpan(CONGRESS.key, start, start + len("Congrès Congress"), "enforced")
    blocks = [
        BlockTranslation(0, ("Title",), "apertium", "v"),
        BlockTranslation(1, (bad,), "apertium", "v", ((span,),), ((),)),
    ]
    whole, per_block = measures(article, blocks, [CONGRESS], None)
    assert whole["terms"] == {"occurrences": 1, "lenient": 0.0, "strict": 0.0}
    assert whole["broken"] == 1 and per_block[1]["broken"] == 1


@pytest.mark.needs_apertium
def test_the_seeds_enforced_english_has_no_broken_terms(data_dir: Path) -> None:
    done = run_reader("eval", str(SEED), "-e", "apertium", "--format", "json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["enforced"]["broken"] == 0
    assert report["enforced"]["terms"]["strict"] >= 0.97
    assert report["enforced"]["chrf"] >= report["raw"]["chrf"] + 2.0


def test_missing_files_are_one_line_errors(tiny, data_dir: Path) -> None:
    done = run_reader("eval", str(tiny / "tiny.fr.txt"), "--reference", str(tiny / "nope.txt"))
    assert done.returncode == 1 and "nope.txt" in done.stderr and "Traceback" not in done.stderr
    done = run_reader("eval", str(tiny / "tiny.fr.txt"), "--glossary", str(tiny / "nope.toml"))
    assert done.returncode == 1 and "nope.toml" in done.stderr


def test_table_names_both_columns(tiny, data_dir: Path) -> None:
    done = run_reader(
        "eval", str(tiny / "tiny.fr.txt"), "--engine", "reference", "-r", str(tiny / "ref.txt")
    )
    assert done.returncode == 0, done.stderr
    assert "raw" in done.stdout and "enforced" in done.stdout and "chrF" in done.stdout
    assert "broken-term sentences" in done.stdout


# ---------------------------------------------------------------- --lines: parallel sentence files


def test_names_kept_counts_capitalised_words_the_reference_keeps() -> None:
    from reader.article import make_block
    from reader.evaluate.segments import name_words, names_kept

    assert name_words("Le Centre Brennan et Obama.") == {"Centre", "Brennan", "Obama"}
    blocks = [
        make_block(0, "paragraph", "Selon Palas, Rose et Pierre ont vu Obama."),
        make_block(1, "paragraph", "Bruno Le Maire parle."),  # Bruno: first word, not counted
    ]
    references = ["According to Palas, Rose and Pierre saw Obama.", "Bruno Le Maire speaks."]
    english = ["According to Shovels, Pink and Stone saw Obama.", "Bruno The Mayor speaks."]
    # Palas, Rose, Pierre, Obama, Le, Maire: 6 names the reference keeps; the English keeps Obama.
    assert names_kept(blocks, english, references) == {"names": 6, "kept": 1, "share": 0.1667}
    assert names_kept(blocks, references, references)["share"] == 1.0
    assert names_kept(blocks, english, None) is None


def test_changes_are_counted_better_and_worse_by_sentence_chrf() -> None:
    from reader.evaluate.segments import change_counts, changes, worst

    french = ["a", "b", "c"]
    raw = ["the cat sleeps", "a dog", "same"]
    enforced = ["the cat sleeps here", "the dog", "same"]
    references = ["the cat sleeps", "the dog", "same"]
    found = changes(french, raw, enforced, references)
    assert [c.index for c in found] == [0, 1]
    assert found[0].delta < 0 < found[1].delta
    assert change_counts(found, 3, True) == {
        "segments": 3,
        "changed": 2,
        "better": 1,
        "worse": 1,
        "worse_share": 0.5,
    }
    assert [c.index for c in worst(found, 5)] == [0]  # only changes that lost


def test_lines_files_must_be_aligned(tmp_path: Path, data_dir: Path) -> None:
    (tmp_path / "s.fr.txt").write_text("Un.\nDeux.\nTrois.\n", encoding="utf-8")
    (tmp_path / "r.en.txt").write_text("One.\nTwo.\n", encoding="utf-8")
    done = run_reader(
        "eval", str(tmp_path / "s.fr.txt"), "--lines", "-r", str(tmp_path / "r.en.txt")
    )
    assert done.returncode == 1 and "line for line" in done.stderr, done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


@pytest.mark.needs_apertium
def test_lines_report_changes_names_and_the_worst_changes(tmp_path: Path, data_dir: Path) -> None:
    # The first line would be a title for an article; with --lines it is a sentence
    # like the others, and a repeated line is kept.
    french = [
        "Le Conseil de sécurité de l'ONU se réunit.",
        "Le Conseil de sécurité de l'ONU se réunit.",
        "Selon Palas, le chat dort.",
    ]
    english = [
        "The UN Security Council meets.",
        "The UN Security Council meets.",
        "According to Palas, the cat sleeps.",
    ]
    (tmp_path / "s.fr.txt").write_text("\n".join(french) + "\n", encoding="utf-8")
    (tmp_path / "s.en.txt").write_text("\n".join(english) + "\n", encoding="utf-8")
    done = run_reader(
        "eval", str(tmp_path / "s.fr.txt"), "--lines", "-e", "apertium", "--worst", "2",
        "-f", "json",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["unit"] == "line" and "blocks" not in report
    assert report["reference"].endswith("s.en.txt")
    assert report["changes"]["segments"] == 3
    changes = report["changes"]
    assert changes["better"] + changes["worse"] <= changes["changed"] <= 3
    assert set(report["forced"]) >= {"enforced", "already_carried", "broke_grammar"}
    assert report["names"]["raw"]["names"] == 1  # Palas
    for change in report["worst"]:
        assert set(change) >= {"fr", "raw", "enforced", "reference"}
    table = run_reader("eval", str(tmp_path / "s.fr.txt"), "--lines", "-e", "apertium")
    assert table.returncode == 0, table.stderr
    assert "names kept" in table.stdout and "enforcement changed" in table.stdout


# ---------------------------------------------------------------- honesty: what forced terms did


def _block(index, sentences, terms=None, unknown=None):
    return BlockTranslation(
        index, tuple(sentences), "apertium", "v",
        tuple(terms or [() for _ in sentences]), tuple(unknown or [() for _ in sentences]),
    )  # fmt: skip


def test_forced_terms_that_did_harm_count_as_wrong() -> None:
    """Trial Q1/Q6/Q7: a forced term is not accurate where its English was already there,
    where it left French in, or where the sentence got worse."""
    from reader.evaluate import evaluate

    mp = Entry("député", "MP", "people", en_aliases=("MPs",), origin="general")
    tax = Entry("taxe", "tax", "economy", origin="general")
    article = parse("Titre\nLes députés ont voté.\nLa taxe foncière ;\nLe député parle.", "x.txt")
    raw = [
        _block(0, ["Title"]),
        _block(1, ["The deputies have voted."]),
        _block(2, ["The territorial contribution;"]),
        _block(3, ["The MP speaks."]),
    ]

    def span(text: str, term: str, key: str) -> TermSpan:
        a = text.index(term)
        return TermSpan(key, a, a + len(term), "enforced")

    one, two, three = "The MP have voted.", "The tax foncière;", "The MP speaks."
    enforced = [
        raw[0],
        _block(1, [one], [(span(one, "MP", mp.key),)]),
        _block(2, [two], [(span(two, "tax", tax.key),)], [((8, 16),)]),
        _block(3, [three], [(span(three, "MP", mp.key),)]),
    ]
    references = ["Title", "The MPs have voted.", "The property tax;", "The MP speaks."]
    report = evaluate(article, "apertium", raw, enforced, [mp, tax], references, "r", [])
    forced = report["forced"]
    assert forced["enforced"] == 3
    assert forced["already_carried"] == 1  # "The MP speaks." had "MP" already
    assert forced["wrong_number"] == 1  # « les députés » → "MP" where MPs is listed
    assert forced["french_left"] == 1  # "foncière" left in, a new unknown word
    assert forced["broke_grammar"] == 2
    # Broken or harmful terms are not counted as accurate: of 3 occurrences, 1 right.
    assert report["enforced"]["terms"]["strict"] == pytest.approx(1 / 3, abs=0.001)


@pytest.mark.needs_apertium
@pytest.mark.parametrize(("flag", "policy"), [(True, "wait"), (False, "off")])
def test_no_spacy_scores_the_rules_alone_as_reader_translate_does(
    tmp_path: Path,
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    flag: bool,
    policy: str,
) -> None:
    """``--no-spacy``: enforcement without spaCy's verdicts (what ``reader translate``
    gives in a fresh process); by default eval waits for them. Seen from the policy
    enforcement asks spaCy with (no model is loaded here)."""
    from reader.commands.common import EngineChoice
    from reader.commands.eval import EvalFormat, eval_command
    from reader.translate.enforce import nlp

    asked: list[str] = []
    monkeypatch.setattr(nlp, "tokens", lambda texts, p: asked.append(p))
    (tmp_path / "s.fr.txt").write_text("Comme l'était Laurent Blanc.\n", encoding="utf-8")
    (tmp_path / "s.en.txt").write_text("Like Laurent Blanc was.\n", encoding="utf-8")
    eval_command(
        tmp_path / "s.fr.txt", EngineChoice("apertium"), tmp_path / "s.en.txt", None,
        EvalFormat.json, lines=True, show_worst=0, spacy=flag,
    )  # fmt: skip
    assert asked and set(asked) == {policy}
    assert json.loads(capsys.readouterr().out)["unit"] == "line"
