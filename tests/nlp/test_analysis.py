"""The article pass (``reader.nlp``): spaCy's tokens with lemmas put right, the model loaded
with only the components asked for, and the analysis kept in the data folder."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from reader.article import make_block, parse
from reader.nlp.analysis import COMPONENTS, LOOKUP_COMPONENTS, Token, analyse
from reader.nlp.cache import AnalysisCache, analysis_of, decode, encode
from tests.support.paths import ROOT


def tokens(text: str) -> list[Token]:
    return analyse([make_block(0, "paragraph", text)])[0]


def lemma_pos(text: str, form: str) -> tuple[str, str]:
    found = [t for t in tokens(text) if t.text == form]
    assert found, (form, [t.text for t in tokens(text)])
    return found[0].lemma, found[0].pos


def test_offsets_are_the_blocks_own_and_forms_keep_the_curly_apostrophe() -> None:
    text = "L’OTAN et l’Ukraine s’entendent."
    for t in tokens(text):
        assert text[t.start : t.end] == t.text
    assert [t.text for t in tokens(text)][:2] == ["L’", "OTAN"]


@pytest.mark.parametrize(
    ("text", "form", "expected"),
    [
        # spaCy alone: « Entre » → entrer (ADP), « Elle » → lui, « tu » → NUM.
        ("Entre la France et l'Allemagne, il n'y a qu'un pas.", "Entre", ("entre", "ADP")),
        ("Elle s'est levée tôt.", "Elle", ("elle", "PRON")),
        ("Il frappe fort, tu frappes.", "tu", ("tu", "PRON")),
        # spaCy alone: « frappe » (VERB) → "frappe"; the verb rules lack -e → -er.
        ("Il frappe fort.", "frappe", ("frapper", "VERB")),
        ("Les frappes de drones ont frappé Kiev.", "frappes", ("frappe", "NOUN")),
        ("Les frappes de drones ont frappé Kiev.", "frappé", ("frapper", "VERB")),
        # Elision: the full word, and « s' » before « il » is « si ».
        ("Jusqu'à présent, lorsqu'il vient, c'est qu'il s'ennuie.", "Jusqu'", ("jusque", "ADP")),
        (
            "Jusqu'à présent, lorsqu'il vient, c'est qu'il s'ennuie.",
            "lorsqu'",
            ("lorsque", "SCONJ"),
        ),
        ("Je ne sais pas s'il viendra.", "s'", ("si", "SCONJ")),
        ("Elle s'ennuie.", "s'", ("se", "PRON")),
        # A finite verb the tagger took for an adjective, an infinitive taken for a noun.
        ("Le chômage remonte depuis mars.", "remonte", ("remonter", "VERB")),
    ],
)
def test_lemmas_are_put_right(text: str, form: str, expected) -> None:
    assert lemma_pos(text, form) == expected


def test_names_numbers_and_punctuation_are_not_countable() -> None:
    found = {t.text: t for t in tokens("Donald Trump a parlé 3 fois avec Poutine à Kiev.")}
    assert not found["Trump"].countable and not found["Kiev"].countable
    assert not found["3"].countable and not found["."].countable
    assert found["parlé"].countable and found["fois"].countable
    assert found["Trump"].entity == "PER" and found["Donald"].entity_start


LOADED = """
from reader.nlp.analysis import COMPONENTS, LOOKUP_COMPONENTS, load_model
lookup = load_model(LOOKUP_COMPONENTS)
print(*lookup.pipe_names)
print(*load_model(COMPONENTS).pipe_names)
print(load_model(LOOKUP_COMPONENTS) is lookup)
"""


@pytest.mark.slow
def test_the_lookup_model_loads_only_what_a_lookup_uses() -> None:
    """In a new process, as ``reader lookup --sentence`` starts: no entities, no parser;
    then the article pass loads its own, and a lookup keeps the one it has."""
    done = subprocess.run(
        [sys.executable, "-c", LOADED], capture_output=True, text=True, cwd=ROOT, timeout=300
    )
    assert done.returncode == 0, done.stderr
    lookup, full, same = done.stdout.splitlines()
    assert lookup.split() == list(LOOKUP_COMPONENTS)
    assert full.split() == list(COMPONENTS)
    assert same == "True"


def test_the_analysis_is_kept_and_read_back_identical(data_dir: Path) -> None:
    article = parse("Titre\nLes frappes de drones ont frappé Kiev mardi.\n", "a.fr.txt")
    first = analysis_of(article)
    assert (data_dir / "analysis.sqlite3").is_file()
    calls = []

    def stop() -> bool:
        calls.append(1)  # analyse() polls this: the second time, it must not run
        return False

    assert analysis_of(article, should_stop=stop) == first
    assert calls == []
    texts = [b.text for b in article.blocks]
    assert decode(encode(first), texts) == first


def test_a_damaged_cache_is_set_aside_and_the_text_analysed_again(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "analysis.sqlite3").write_bytes(b"not a database at all" * 100)
    cache = AnalysisCache()
    article = parse("Titre\nUn texte court.\n", "b.fr.txt")
    assert [t.lemma for t in analysis_of(article, cache=cache)[1]][:2] == ["un", "texte"]
    assert cache.notice and "moved to" in cache.notice
    assert any(p.name.startswith("analysis.sqlite3.corrupt-") for p in data_dir.iterdir())
