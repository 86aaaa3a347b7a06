"""The shipped frequency list (lemmas, most frequent first, under CC BY-SA 4.0 with its
source stated) and the glosses ``reader words`` shows."""

from __future__ import annotations

from importlib import resources

import pytest

from reader.learning import frequency


def test_the_list_is_small_ranked_and_says_where_it_comes_from() -> None:
    data = resources.files("reader.learning").joinpath("data")
    table = data.joinpath(frequency.FILE_NAME).read_text("utf-8")
    assert len(table.encode()) <= 1_000_000
    rows = [line.split("\t") for line in table.splitlines() if not line.startswith("#")]
    counts = [float(count) for _, count in rows]
    assert counts == sorted(counts, reverse=True)  # rank = place in the file
    assert len({lemma for lemma, _ in rows}) == len(rows) > 10_000
    readme = data.joinpath("README.md").read_text("utf-8")
    assert "CC BY-SA 4.0" in readme and "wordfreq" in readme
    assert "CC BY-SA 4.0" in table.splitlines()[1]


def test_ranks_bands_and_the_most_frequent() -> None:
    assert frequency.top(5) == ["de", "le", "être", "à", "un"]
    assert frequency.rank("guerre") < frequency.rank("frapper") < frequency.rank("drone")
    assert frequency.rank("trump") is None and frequency.rank("kiev") is None
    assert [frequency.band(r) for r in (1, 1500, 4000, 9000, 20000, None)] == [
        "top 1k",
        "top 2k",
        "top 5k",
        "top 10k",
        "rare",
        "rare",
    ]


def test_the_commonest_verbs_and_nouns_are_in_the_first_2000() -> None:
    """Irregular verbs and nouns ending in -s or -x are in spaCy's exception tables only;
    a list built from its headword index alone lost them (QA 2026-12-01-c, C1)."""
    common = "faire mettre voir venir prendre falloir croire connaître apprendre".split()
    common += "temps fois pays mois prix voix gens paix force".split()
    assert {w: frequency.rank(w) for w in common if (frequency.rank(w) or 10**6) > 2000} == {}


@pytest.mark.needs_freedict
def test_a_gloss_is_freedicts_first_sense_of_the_same_part_of_speech() -> None:
    from reader.learning.glosses import Glosser

    with Glosser() as glosser:
        assert glosser.gloss("maison", "NOUN").startswith("house")
        assert len(glosser.gloss("un", "DET")) <= 40


@pytest.mark.needs_apertium
def test_without_freedict_apertium_glosses_through_spanish(monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.learning.glosses import Glosser
    from reader.lookup import freedict

    monkeypatch.setattr(freedict, "find_freedict", lambda: None)
    with Glosser() as glosser:
        assert "house" in glosser.gloss("maison", "NOUN")
        assert glosser.gloss("zzzqx", "NOUN") == ""
