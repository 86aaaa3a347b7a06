"""The learning commands as a user runs them: ``reader words``, ``reader known`` and
``reader stats``, each a real subprocess on a private data folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.learning.test_imports import make_decks
from tests.support.cli import one_line_error, run_reader
from tests.support.paths import SEED

NAMES = {
    "trump",
    "donald",
    "poutine",
    "vladimir",
    "otan",
    "kiev",
    "biden",
    "zelensky",
    "moscou",
    "washington",
    "ukraine",
    "russie",
}


def words_json(env: dict[str, str], path=SEED, *more: str) -> dict:
    done = run_reader("words", str(path), "--format", "json", *more, env=env)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.mark.slow
def test_words_by_lemma_without_names_and_known_share_moves_by_their_count(tmp_path: Path) -> None:
    env = {"READER_DATA_DIR": str(tmp_path / "data")}
    data = words_json(env)
    keys = {"source", "tokens", "countable", "known_share", "lemmas", "phrases", "phrases_in_text"}
    assert set(data) == keys
    lemmas = {r["lemma"]: r for r in data["lemmas"]}
    assert len(lemmas) == len(data["lemmas"])  # one row per lemma
    assert not NAMES & set(lemmas), NAMES & set(lemmas)
    assert not [lemma for lemma in lemmas if any(c.isdigit() for c in lemma)]
    assert lemmas["accord"]["forms"] == ["accords", "accord"]  # forms grouped by lemma
    assert set(lemmas["le"]["forms"]) == {"le", "la", "les", "l'"}
    assert sum(r["count"] for r in data["lemmas"]) == data["countable"] < data["tokens"]
    assert data["known_share"] == 0 and {r["status"] for r in data["lemmas"]} == {"new"}
    assert set(data["lemmas"][0]) == {"lemma", "pos", "forms", "count", "status", "rank", "gloss"}
    assert lemmas["guerre"]["rank"] < lemmas["dirigeant"]["rank"]

    three = ("guerre", "accord", "président")
    for lemma in three:
        done = run_reader("known", "set", lemma, "known", env=env)
        assert done.returncode == 0 and f"{lemma}: new → known" in done.stderr
    again = words_json(env)
    assert again["known_share"] == sum(lemmas[w]["count"] for w in three) / data["countable"]
    known = words_json(env, SEED, "--status", "known")["lemmas"]
    assert sorted(r["lemma"] for r in known) == sorted(three)
    exported = run_reader("known", "export", "--format", "json", env=env)
    assert json.loads(exported.stdout) == [{"lemma": w, "status": "known"} for w in sorted(three)]
    stats = json.loads(run_reader("stats", "--format", "json", env=env).stdout)
    assert stats["known"] == 3 and stats["known_by_day"][-1]["known"] == 3
    assert stats["articles"][0]["known_share"] == round(again["known_share"], 4)


@pytest.mark.slow
def test_an_anki_deck_imports_and_its_words_are_then_known(tmp_path: Path) -> None:
    env = {"READER_DATA_DIR": str(tmp_path / "data")}
    deck = make_decks(tmp_path)["current.apkg"]
    done = run_reader("known", "import", str(deck), env=env)
    assert done.returncode == 0, done.stderr
    assert "now known (4 entries" in done.stderr
    article = tmp_path / "chez.fr.txt"
    article.write_text("Chez nous\nLes chiens et les chats dorment dans la maison.\n", "utf-8")
    lemmas = {r["lemma"]: r["status"] for r in words_json(env, article)["lemmas"]}
    assert lemmas["maison"] == lemmas["chat"] == lemmas["chien"] == "known"
    assert lemmas["dormir"] == "new"
    missing = run_reader("known", "import", str(deck), "--field", "Verso", env=env)
    assert "no field 'Verso'" in one_line_error(missing)


@pytest.mark.slow
def test_seed_marks_the_most_frequent_and_keeps_other_statuses(tmp_path: Path) -> None:
    env = {"READER_DATA_DIR": str(tmp_path / "data")}
    assert run_reader("known", "set", "être", "learning-2", env=env).returncode == 0
    done = run_reader("known", "seed", "--top", "50", env=env)
    assert done.returncode == 0 and "49 lemmas of the 50 most frequent now known" in done.stderr
    rows = json.loads(run_reader("known", "export", "--format", "json", env=env).stdout)
    statuses = {r["lemma"]: r["status"] for r in rows}
    assert len(statuses) == 50 and statuses["être"] == "learning-2" and statuses["de"] == "known"
    bad = run_reader("known", "set", "chat", "learning-9", env=env)
    assert bad.returncode == 2 and "learning-9" in bad.stderr  # Typer's choice, as for --format
