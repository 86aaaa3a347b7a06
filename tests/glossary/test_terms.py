"""``reader terms add|list|remove`` and the Python API the app's lookup panel calls."""

from __future__ import annotations

import json
import os
import subprocess
import tomllib
from pathlib import Path

import pytest

from glossary import user
from glossary.errors import GlossaryError
from reader.article import parse
from reader.translate import glossary_build as build
from tests.support.cli import READER, one_line_error, run_reader
from tests.support.paths import ROOT


def terms(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_reader("terms", *args, env={"READER_DATA_DIR": str(data)})


def test_add_list_remove_from_the_command_line(tmp_path: Path) -> None:
    data = tmp_path / "data"
    done = terms(data, "add", "taux directeur", "policy rate", "--kind", "economy", "-d", "rate")
    assert done.returncode == 0 and "added: taux directeur → policy rate" in done.stderr
    # The same term, plural and capital: a different spelling replaces it only when asked
    # (QA 2026-12-01 Q10); the definition, not given, is kept.
    done = terms(data, "add", "Taux directeurs", "key rate", "--kind", "economy", "--replace")
    assert done.returncode == 0 and "updated" in done.stderr
    listed = terms(data, "list", "--format", "json")
    assert json.loads(listed.stdout) == [
        {"fr": "Taux directeurs", "en": "key rate", "kind": "economy", "definition": "rate"}
    ]
    assert "key rate" in terms(data, "list").stdout
    done = terms(data, "remove", "taux directeur")
    assert done.returncode == 0 and "removed" in done.stderr
    assert json.loads(terms(data, "list", "--format", "json").stdout) == []
    # No temporary file left; the lock file beside it is kept (removing one is a race).
    assert sorted(p.name for p in data.iterdir()) == ["glossary.toml", "glossary.toml.lock"]


@pytest.mark.parametrize(
    "args, message",
    [
        (
            ("add", "OTAN", "NATO", "--kind", "planets"),
            "unknown kind 'planets'; use one of: people",
        ),
        (("remove", "inconnu"), "'inconnu' is not in your glossary"),
        (("add", "OTAN", "  "), "needs both its French and its English"),
    ],
)
def test_bad_input_is_one_line_and_exit_1(tmp_path: Path, args, message: str) -> None:
    done = terms(tmp_path / "data", *args)
    lines = done.stderr.strip().splitlines()
    assert done.returncode == 1 and len(lines) == 1 and message in lines[0], done.stderr
    assert "Traceback" not in done.stderr


TYPO = '# my terms\n[[entry]]\nfr = "OTAN\nen = "NATO"\n\n[[entry]]\nfr = "taux directeur"\nen = "policy rate"\nkind = "economy"\n'
"""QA 2026-12-01 Q5: a missing quote on line 3; the entry at line 6 is fine."""


def write_user_glossary(data, text: str):
    data.mkdir(parents=True, exist_ok=True)
    path = data / "glossary.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_typo_spoils_only_its_entry_and_is_reported_with_its_line(tmp_path: Path) -> None:
    path = write_user_glossary(tmp_path / "data", TYPO)
    mine = user.read(tmp_path / "data")
    assert [e.fr for e in mine.entries] == ["taux directeur"]
    (problem,) = mine.problems
    assert problem.path == path and problem.line == 3 and "malformed TOML" in problem.what
    assert str(problem).startswith(f"{path}:3: ")
    heard: list[str] = []
    assert [e.fr for e in user.load(tmp_path / "data", notify=heard.append)] == ["taux directeur"]
    assert len(heard) == 1 and f"{path}:3:" in heard[0] and "not used" in heard[0]
    assert path.read_text(encoding="utf-8") == TYPO  # never moved, never rewritten
    assert [p.name for p in path.parent.iterdir()] == ["glossary.toml"]


def test_a_bad_kind_or_a_repeat_leaves_out_that_entry_only(tmp_path: Path) -> None:
    text = (
        '[[entry]]\nfr = "OTAN"\nen = "NATO"\nkind = "organisations"\n\n'
        '[[entry]]\nfr = "BCE"\nen = "ECB"\nkind = "bogus"\n\n'
        '[[entry]]\nfr = "otan"\nen = "Nato"\nkind = "organisations"\n'
    )
    path = write_user_glossary(tmp_path / "data", text)
    mine = user.read(tmp_path / "data")
    assert [e.en for e in mine.entries] == ["NATO"]
    assert [(p.line, p.what.split(";")[0]) for p in mine.problems] == [
        (6, "entry 'BCE' has kind 'bogus'"),
        (11, "entry 'otan' repeats 'OTAN' from line 1"),
    ]
    assert path.read_text(encoding="utf-8") == text


def test_a_hand_written_entry_without_kind_is_used_as_other(tmp_path: Path) -> None:
    """Trial row T31: one entry without ``kind`` disabled the glossary it was alone in."""
    write_user_glossary(tmp_path / "data", '[[entry]]\nfr = "grève"\nen = "strike"\n')
    heard: list[str] = []
    entries = user.load(tmp_path / "data", notify=heard.append)
    assert [(e.fr, e.en, e.kind) for e in entries] == [("grève", "strike", "other")]
    assert heard == []


def test_a_file_where_nothing_parses_says_none_applies(tmp_path: Path) -> None:
    write_user_glossary(tmp_path / "data", "[entry]\nfr = 1\n")
    heard: list[str] = []
    assert user.load(tmp_path / "data", notify=heard.append) == []
    assert len(heard) == 1 and "none of your terms" in heard[0], heard


def test_editing_a_glossary_with_a_problem_changes_nothing_and_says_where(tmp_path: Path) -> None:
    data = tmp_path / "data"
    path = write_user_glossary(data, TYPO)
    for args in (("add", "BCE", "ECB", "-k", "organisations"), ("remove", "taux directeur")):
        line = one_line_error(terms(data, *args))
        assert f"{path}:3:" in line and "nothing was changed" in line, line
    assert path.read_text(encoding="utf-8") == TYPO
    assert [p.name for p in data.iterdir() if not p.name.endswith(".lock")] == ["glossary.toml"]


def test_terms_list_shows_what_parses_and_one_line_about_the_rest(tmp_path: Path) -> None:
    data = tmp_path / "data"
    path = write_user_glossary(data, TYPO)
    done = terms(data, "list", "--format", "json")
    assert done.returncode == 0, done.stderr
    assert [e["fr"] for e in json.loads(done.stdout)] == ["taux directeur"]
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and f"{path}:3:" in lines[0], done.stderr


def test_translate_and_glossary_say_once_where_the_typo_is_and_use_the_rest(tmp_path: Path) -> None:
    data = tmp_path / "data"
    path = write_user_glossary(data, TYPO)
    article = tmp_path / "a.fr.txt"
    article.write_text("Titre\n\nLe taux directeur de la BCE monte.\n", encoding="utf-8")
    env = {"READER_DATA_DIR": str(data)}
    done = run_reader("translate", str(article), "-e", "none", env=env)
    assert done.returncode == 0, done.stderr
    said = [line for line in done.stderr.splitlines() if str(path) in line]
    assert len(said) == 1 and f"{path}:3:" in said[0], done.stderr
    done = run_reader("glossary", str(article), "--no-extract", "-e", "none", "-f", "json", env=env)
    assert done.returncode == 0, done.stderr
    said = [line for line in done.stderr.splitlines() if str(path) in line]
    assert len(said) == 1 and f"{path}:3:" in said[0], done.stderr
    mine = [e for e in json.loads(done.stdout)["entries"] if e["origin"] == "user"]
    assert [(e["fr"], e["en"]) for e in mine] == [("taux directeur", "policy rate")]
    assert path.read_text(encoding="utf-8") == TYPO


def test_python_api_round_trips_awkward_text(data_dir: Path) -> None:
    entry = user.add(
        'le "grand" \\ débat',
        "the great debate",
        "diplomacy and politics",
        "A national debate\x1b[2J launched in 2019.",
        aliases=["grand débat national"],
        the=True,
        en_adj="debate",
    )
    assert entry.origin == "user" and "\x1b" not in entry.definition
    (loaded,) = user.load()
    assert loaded == entry
    raw = tomllib.loads(user.path().read_text(encoding="utf-8"))
    assert raw["entry"][0]["fr"] == 'le "grand" \\ débat' and raw["entry"][0]["the"] is True
    assert user.get('LE "GRAND" \\ DEBAT') == entry
    assert user.remove('le "grand" \\ débat') == entry and user.load() == []
    with pytest.raises(user.UnknownTerm):
        user.remove("absent")
    with pytest.raises(GlossaryError, match="unknown kind"):
        user.add("x", "y", kind="planets")


def test_user_terms_reach_every_article_where_they_occur(data_dir: Path) -> None:
    user.add("capital de crédibilité", "credibility capital", "other", "Trust built up.")
    user.add("absent", "nowhere", "other")
    glossary = build.build(parse("Titre\nLe capital de crédibilité s’épuise.", "a"))
    mine = [e for e in glossary.entries if e.origin == "user"]
    assert [(e.fr, e.en, glossary.count(e)) for e in mine] == [
        ("capital de crédibilité", "credibility capital", 1)
    ]


def test_an_unusable_data_folder_is_one_line_and_the_glossary_still_builds(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "data"
    not_a_folder.write_text("a file where the data folder should be", encoding="utf-8")
    for args in (("add", "BCE", "ECB"), ("list",), ("remove", "BCE")):
        done = terms(not_a_folder, *args)
        assert done.returncode == 1 and "no usable data folder" in done.stderr, args
        assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr
    article = tmp_path / "a.fr.txt"
    article.write_text("Titre\nLa BCE parle.\n", encoding="utf-8")
    done = run_reader(
        "glossary",
        str(article),
        "--no-extract",
        "-f",
        "csv",
        env={"READER_DATA_DIR": str(not_a_folder)},
    )
    assert done.returncode == 0 and "BCE,ECB" in done.stdout and "not used" in done.stderr


def test_escape_sequences_in_a_term_leave_no_leftovers(tmp_path: Path) -> None:
    """QA 2026-12-01 Q16: the payload of a sequence goes with its control bytes."""
    data = tmp_path / "data"
    done = terms(data, "add", "parlé", "spoke\x1b]0;TERM-TITLE\x07", "-d", "\u202eesrever\u202c")
    assert done.returncode == 0, done.stderr
    (entry,) = json.loads(terms(data, "list", "--format", "json").stdout)
    assert entry["en"] == "spoke" and entry["definition"] == "esrever"


def test_an_article_glossary_loses_whole_escape_sequences(tmp_path: Path) -> None:
    from glossary.curated import load_curated

    path = tmp_path / "a.glossary.toml"
    path.write_text(
        '[[entry]]\nfr = "OTAN"\nen = "NATO\\u001b]0;GLOSS-TITLE\\u0007"\nkind = "organisations"\n'
        'definition = "Alliance \\u001b[2J\\u001b]52;c;R0xPU1M=\\u0007 atlantique '
        '\\u009b31mROUGE \\u202eesrever\\u202c"\naliases = ["l\\u2066Alliance\\u2069"]\n',
        encoding="utf-8",
    )
    (entry,) = load_curated(path)
    assert entry.en == "NATO"
    assert entry.definition == "Alliance atlantique ROUGE esrever"
    assert entry.aliases == ("lAlliance",)


@pytest.mark.slow
def test_twelve_parallel_adds_keep_twelve_entries(tmp_path: Path) -> None:
    """QA 2026-12-01 Q9: concurrent read-modify-writes of glossary.toml lose nothing."""
    data = tmp_path / "data"
    env = {**os.environ, "READER_DATA_DIR": str(data), "NO_COLOR": "1"}
    runs = [
        subprocess.Popen(
            [*READER, "terms", "add", f"mot{i}", f"word{i}"],
            env=env,
            cwd=ROOT,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(12)
    ]
    outcomes = [(run.wait(timeout=300), run.stderr.read() if run.stderr else "") for run in runs]
    for run in runs:
        for stream in (run.stdout, run.stderr):
            if stream is not None:
                stream.close()
    assert all(code == 0 and "added" in err for code, err in outcomes), outcomes
    assert sorted(e.fr for e in user.load(data)) == sorted(f"mot{i}" for i in range(12))


def test_updating_a_term_changes_only_what_is_given(tmp_path: Path) -> None:
    """QA 2026-12-01 Q10: the kind and definition stay unless given."""
    data = tmp_path / "data"
    done = terms(data, "add", "taux directeur", "key interest rate", "-k", "economy", "-d", "BCE")
    assert done.returncode == 0, done.stderr
    done = terms(data, "add", "taux directeur", "policy rate")
    assert done.returncode == 0 and "updated: taux directeur → policy rate (economy)" in done.stderr
    (entry,) = json.loads(terms(data, "list", "--format", "json").stdout)
    assert entry == {
        "fr": "taux directeur",
        "en": "policy rate",
        "kind": "economy",
        "definition": "BCE",
    }


def test_a_spelling_that_differs_only_in_case_replaces_only_when_asked(tmp_path: Path) -> None:
    """QA 2026-12-01 Q10: « otan » does not silently replace the user's « OTAN »."""
    data = tmp_path / "data"
    done = terms(data, "add", "OTAN", "NATO", "--kind", "organisations", "-d", "alliance")
    assert done.returncode == 0, done.stderr
    before = (data / "glossary.toml").read_bytes()
    line = one_line_error(terms(data, "add", "otan", "nato"))
    assert "'OTAN' → NATO" in line and "--replace" in line, line
    assert (data / "glossary.toml").read_bytes() == before
    done = terms(data, "add", "otan", "nato", "--replace")
    assert done.returncode == 0 and "updated" in done.stderr, done.stderr
    (entry,) = json.loads(terms(data, "list", "--format", "json").stdout)
    assert entry == {"fr": "otan", "en": "nato", "kind": "organisations", "definition": "alliance"}


def test_the_python_api_keeps_what_is_not_given_and_reports_the_entry_replaced(
    data_dir: Path,
) -> None:
    user.add("OTAN", "NATO", "organisations", "alliance", aliases=["Alliance atlantique"])
    saved = user.save("OTAN", "Nato")
    assert saved.before is not None and saved.before.en == "NATO"
    assert (saved.entry.kind, saved.entry.definition, saved.entry.aliases) == (
        "organisations",
        "alliance",
        ("Alliance atlantique",),
    )
    with pytest.raises(user.SameTerm) as caught:
        user.add("otan", "NATO")
    assert caught.value.existing.fr == "OTAN"
    assert user.add("otan", "NATO", replace=True).fr == "otan" and len(user.load()) == 1


HAND_EDITED = """# Your own glossary (edited by hand).

[[entry]]
fr = "emploi"
en = "job"
kind = "economy"
en_plural = "jobs"
enforce = false

[[entry]]
fr = "politique américaine"
en = "American policy"
kind = "diplomacy and politics"
the = false
sense = "the United States' foreign policy"
"""


def test_every_field_of_a_hand_edited_entry_survives_an_add_and_an_update(data_dir: Path) -> None:
    """``enforce``, ``sense``, ``en_plural`` and ``the = false`` are read from the file; a
    later ``reader terms add`` rewrites the file and must write them back, for the other
    terms and for the term it updates."""
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "glossary.toml").write_text(HAND_EDITED, encoding="utf-8")
    before = {e.fr: e for e in user.load()}
    user.add("OTAN", "NATO", "organisations")
    user.save("emploi", "work")  # an update of a hand-edited term
    after = {e.fr: e for e in user.load()}
    assert after["politique américaine"] == before["politique américaine"]
    job = after["emploi"]
    assert (job.en, job.en_plural, job.enforce) == ("work", "jobs", False)
    assert after["politique américaine"].bare and not after["politique américaine"].the
    assert after["politique américaine"].sense == "the United States' foreign policy"
    text = (data_dir / "glossary.toml").read_text(encoding="utf-8")
    assert "enforce = false" in text and "the = false" in text and 'en_plural = "jobs"' in text
