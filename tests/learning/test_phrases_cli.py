"""Phrases on the command line, as a user runs them (a real subprocess, spaCy's real
analysis): ``reader known set "avoir lieu" learning-1``, then ``reader words``."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.support.cli import run_reader

TEXT = """Les rencontres

La réunion a eu lieu hier à Paris. Les élections auront lieu en mai. Le sommet n'avait eu \
lieu qu'une fois, et le lieu était beau. Le gouvernement a mis fin à la grève ; ils \
mettront fin aux négociations. C'était tout à fait prévu.
"""


def words_json(env: dict[str, str], path) -> dict:
    done = run_reader("words", str(path), "--format", "json", env=env)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.mark.slow
def test_a_phrase_set_known_is_counted_in_every_inflected_form_as_one_unit(tmp_path: Path) -> None:
    env = {"READER_DATA_DIR": str(tmp_path / "data")}
    article = tmp_path / "rencontres.fr.txt"
    article.write_text(TEXT, encoding="utf-8")
    before = words_json(env, article)
    assert before["phrases"] == []  # no phrase has a status yet

    done = run_reader("known", "set", "Avoir  lieu", "learning-1", env=env)
    assert done.returncode == 0 and "avoir lieu: new → learning-1" in done.stderr
    done = run_reader("known", "set", "mettre fin à", "known", env=env)
    assert done.returncode == 0, done.stderr
    data = words_json(env, article)
    phrases = {p["phrase"]: p for p in data["phrases"]}
    assert set(phrases) == {"avoir lieu", "mettre fin à"}
    lieu = phrases["avoir lieu"]
    assert set(lieu) == {"phrase", "forms", "count", "status", "gloss"}
    assert lieu["count"] == 3 and lieu["status"] == "learning-1"
    assert lieu["forms"] == ["a eu lieu", "auront lieu", "avait eu lieu"]
    assert phrases["mettre fin à"]["forms"] == ["a mis fin à", "mettront fin aux"]
    # « le lieu » alone stays the word; each occurrence is one unit of the text:
    # 3 words + 2 + 3 for avoir lieu, 4 + 3 for mettre fin à, 15 words in 5 units.
    lemmas = {r["lemma"]: r for r in data["lemmas"]}
    assert lemmas["lieu"]["count"] == before_count(before, "lieu") == 4
    assert data["countable"] == before["countable"] - 15 + 5
    assert data["known_share"] == 2 / data["countable"]  # mettre fin à, twice
    # Apertium's multi-word units of the text are offered beside, those with a status not.
    offered = {p["phrase"]: p for p in data["phrases_in_text"]}
    assert not set(offered) & set(phrases)
    if shutil.which("lt-proc"):
        assert offered["tout à fait"]["forms"] == ["tout à fait"]
        assert offered["tout à fait"]["status"] == "new"


def before_count(data: dict, lemma: str) -> int:
    return next(r["count"] for r in data["lemmas"] if r["lemma"] == lemma)
