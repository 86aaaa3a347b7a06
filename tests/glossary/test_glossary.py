"""The glossary package: curated loading, matching, extraction, merging and exports."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from pathlib import Path

import pytest

from glossary import export
from glossary.curated import glossary_path, load_curated
from glossary.errors import GlossaryError
from glossary.extract import Candidate, extract
from glossary.match import find, fold
from glossary.model import KINDS, Entry
from glossary.sources import article_entries
from reader.article import load, parse
from reader.translate import glossary_build as build
from tests.support.paths import FIXTURES, ROOT, SEED

CURATED = ROOT / "seeds" / "trump-poutine.glossary.toml"


def test_curated_seed_glossary_is_complete() -> None:
    entries = load_curated(CURATED)
    assert len(entries) >= 30
    assert {e.kind for e in entries} == set(KINDS)
    pairs = {(e.fr, e.en) for e in entries}
    for pair in [
        ("OTAN", "NATO"),
        ("cessez-le-feu", "ceasefire"),
        ("missiles Patriot", "Patriot missiles"),
        ("Poutine", "Putin"),
        ("droits de douane", "tariffs"),
        ("Congrès", "Congress"),
        ("Maison Blanche", "White House"),
        ("Kiev", "Kyiv"),
    ]:
        assert pair in pairs
    assert all(e.definition and e.en for e in entries)
    assert glossary_path(SEED) == CURATED


@pytest.mark.parametrize(
    "text, message",
    [
        (
            '[[entry]]\nfr = "OTAN"\nen = "NATO"\nkind = "organisations"\ndefinition = "x"\n[[entry]]\nfr = "Kiev"\nen = "Kyiv"\nkind = "places"\n',
            ":6: entry 'Kiev' needs a non-empty text 'definition'",
        ),
        (
            '[[entry]]\nfr = "OTAN"\nen = "NATO"\nkind = "planets"\ndefinition = "x"\n',
            ":1: entry 'OTAN' has kind 'planets'",
        ),
        ('[[entry]]\nfr = "OTAN"\nen = = "NATO"\n', ":3: malformed TOML"),
        (
            '[[entry]]\nfr = "OTAN"\nen = "NATO"\nkind = "other"\ndefinition = "x"\naliases = "l’OTAN"\n',
            "'aliases' must be a list",
        ),
        ('title = "x"\n', "expected only [[entry]] tables"),
    ],
)
def test_malformed_curated_file_names_file_and_line(
    tmp_path: Path, text: str, message: str
) -> None:
    path = tmp_path / "bad.glossary.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(GlossaryError) as info:
        load_curated(path)
    assert str(info.value).startswith(str(path)) and message in str(info.value)


def test_fold_keeps_length_and_offsets() -> None:
    text = "L’OTAN, les États-Unis et Noël"
    assert len(fold(text)) == len(text) and fold(text) == "l'otan, les etats-unis et noel"


def entry(fr: str, kind: str = "other", aliases: tuple[str, ...] = (), en: str = "x") -> Entry:
    return Entry(fr, en, kind, "d", tuple(aliases))


def spans(text: str, e: Entry) -> list[str]:
    return [text[o.start : o.end] for o in find([e], [(0, text)])[e.key]]


def test_matching_elision_apostrophes_plurals_hyphens_accents_case() -> None:
    text = (
        "L’OTAN et l'OTAN ; d’Ukraine ; un missile Patriot, des missiles Patriot ; "
        "le cessez-le-feu, un cessez le feu ; Etats-Unis, États-Unis ; le droit de douane, les droits de douanes ; "
        "le conflit ukrainien, les Ukrainiens ; la Maison-Blanche"
    )
    assert spans(text, entry("OTAN")) == ["OTAN", "OTAN"]
    assert spans(text, entry("Ukraine")) == ["Ukraine"]
    assert spans(text, entry("missiles Patriot", aliases=["missile Patriot"])) == [
        "missile Patriot",
        "missiles Patriot",
    ]
    assert spans(text, entry("cessez-le-feu")) == ["cessez-le-feu", "cessez le feu"]
    assert spans(text, entry("États-Unis")) == ["Etats-Unis", "États-Unis"]
    assert spans(text, entry("droits de douane")) == ["droit de douane", "droits de douanes"]
    assert spans(text, entry("Ukrainiens")) == ["Ukrainiens"]  # proper noun: not the adjective
    assert spans(text, entry("Maison Blanche")) == ["Maison-Blanche"]


def test_longest_form_wins_within_an_entry_but_entries_are_independent() -> None:
    text = "Vladimir Poutine parle ; Poutine répond. L'adhésion à l’OTAN et l'OTAN."
    poutine = entry("Poutine", "people", ["Vladimir Poutine"])
    assert spans(text, poutine) == ["Vladimir Poutine", "Poutine"]
    found = find([entry("OTAN"), entry("adhésion à l’OTAN")], [(0, text)])
    assert len(found["other:OTAN"]) == 2 and len(found["other:adhésion à l’OTAN"]) == 1


def test_seed_occurrence_counts_match_the_text() -> None:
    article = load(SEED)
    glossary = build.build(article)
    body = "\n".join(b.text for b in article.blocks)
    by_fr = {e.fr: e for e in glossary.entries}
    for fr, pattern in [
        ("Trump", r"\bTrump\b"),
        ("Poutine", r"\bPoutine\b"),
        ("OTAN", r"OTAN"),
        ("Kiev", r"\bKiev\b"),
        ("Kremlin", r"Kremlin"),
        ("cessez-le-feu", r"cessez-le-feu"),
    ]:
        assert glossary.count(by_fr[fr]) == len(re.findall(pattern, body)), fr
    for e in glossary.entries:
        for o in glossary.occurrences[e.key]:
            found = article.blocks[o.block].text[o.start : o.end]
            assert (
                fold(found).replace("-", " ")[:3]
                in " ".join(fold(f).replace("-", " ") for f in e.forms)
                or e.origin == "extracted"
            )


def test_english_occurrences_in_the_reference() -> None:
    article = load(SEED)
    english = {b.index: b.text for b in load(ROOT / "seeds" / "trump-poutine.en.txt").blocks}
    glossary = build.build(article, english=english)
    by_fr = {e.fr: e for e in glossary.entries}
    assert len(glossary.en_occurrences[by_fr["OTAN"].key]) == 4  # NATO
    assert len(glossary.en_occurrences[by_fr["Poutine"].key]) == 16  # Putin


@pytest.fixture(scope="module")
def seed_candidates() -> list[Candidate]:
    return extract(load(SEED).blocks)


def test_extraction_on_the_seed_finds_entities_and_terms(seed_candidates: list[Candidate]) -> None:
    texts = {c.text: c for c in seed_candidates}
    assert texts["Poutine"].kind == "people" and texts["Kremlin"].kind == "places"
    assert "droits de douane" in texts and "frappes de drones" in texts  # NOUN de NOUN
    assert not any(
        t.endswith(("’", "'")) or t in ("s", "qu", "d") for t in texts
    )  # no elision debris


def test_extraction_on_an_article_not_in_the_project() -> None:
    article = load(FIXTURES / "sommet-bruxelles.fr.txt")
    found = {c.text: c.kind for c in extract(article.blocks)}
    for name in ("Emmanuel Macron", "Olaf Scholz", "Ursula von der Leyen", "Christine Lagarde"):
        assert found.get(name) == "people", (name, found)
    for place in ("Bruxelles", "Varsovie", "Francfort"):
        assert found.get(place) == "places", (place, found)
    assert (
        found.get("Commission européenne") == "organisations"
        or found.get("Banque centrale européenne") == "organisations"
    )
    glossary = build.build(article, extract(article.blocks))
    assert not any(e.origin == "curated" for e in glossary.entries)  # no curated file beside it
    origins = {e.fr: e.origin for e in glossary.entries}
    assert origins["BCE"] == "general" and origins["Bruxelles"] == "general"
    assert origins["Emmanuel Macron"] == "extracted"
    macron = next(e for e in glossary.entries if e.fr == "Emmanuel Macron")
    assert glossary.count(macron) == 1


def test_curated_wins_and_duplicates_merge(seed_candidates: list[Candidate]) -> None:
    article = load(SEED)
    glossary = build.build(article, seed_candidates)
    poutine = [e for e in glossary.entries if "Poutine" in e.forms]
    assert (
        len(poutine) == 1 and poutine[0].origin == "curated"
    )  # not also an extracted « Vladimir Poutine »
    assert not any(
        e.origin == "extracted" and e.fr in ("Donald Trump", "Trump", "OTAN")
        for e in glossary.entries
    )
    merged = build.merge(
        [],
        [
            build.Candidate("Poutine", "people", 3, ("Poutine",)),
            build.Candidate("Vladimir Poutine", "people", 1, ("Vladimir Poutine",)),
        ],
    )
    assert [(c.text, c.count, set(c.forms)) for c in merged] == [
        ("Vladimir Poutine", 4, {"Poutine", "Vladimir Poutine"})
    ]


def test_extracted_english_comes_from_the_engine_or_is_labelled(
    seed_candidates: list[Candidate], installed_standin: Path, data_dir: Path
) -> None:
    from reader.cache import Cache
    from reader.engines.argos import ArgosEngine
    from reader.engines.none import NoneEngine

    article = load(SEED)
    with_none = build.build(article, seed_candidates, NoneEngine())
    extracted = [e for e in with_none.entries if e.origin == "extracted"]
    assert extracted and all(
        e.en == "" and "no translation engine" in e.en_note for e in extracted if e.kind != "people"
    )
    assert all(e.en == e.fr for e in extracted if e.kind == "people")  # names: never translated
    cache = Cache()
    with_argos = build.build(article, seed_candidates, ArgosEngine(), cache)
    assert all(e.en for e in with_argos.entries if e.origin in ("extracted", "machine guess"))
    term = next(e.fr for e in with_argos.entries if e.origin == "machine guess")
    assert cache.get_many("argos", ArgosEngine().version, [term])  # cached


def test_exports_json_csv_anki(tmp_path: Path, seed_candidates: list[Candidate]) -> None:
    import genanki  # noqa: F401  (the package must import)

    article = load(SEED)
    english = load(ROOT / "seeds" / "trump-poutine.en.txt")
    glossary = build.build(article, seed_candidates)
    doc = json.loads(export.to_json(glossary))
    assert set(doc) == {"source", "entries"}
    assert set(doc["entries"][0]) == {
        "fr",
        "en",
        "kind",
        "definition",
        "aliases",
        "occurrences",
        "origin",
    }
    rows = export.to_csv(glossary).splitlines()
    assert (
        rows[0] == "fr,en,kind,definition,aliases,occurrences,origin,english_checked"
        and len(rows) == len(glossary.entries) + 1
    )
    assert all(r.endswith((",curated,yes", ",general,yes", ",extracted,no")) for r in rows[1:])
    target = tmp_path / "deck.apkg"
    sentences = {b.index: [s.text for s in b.sentences] for b in english.blocks}
    count = export.write_anki(glossary, article, sentences, target)
    with_english = [e for e in glossary.entries if e.en]
    assert count == len(with_english) < len(glossary.entries)  # no engine: terms left out
    with zipfile.ZipFile(target) as zf:
        assert "collection.anki2" in zf.namelist()
        import sqlite3

        db = tmp_path / "collection.anki2"
        db.write_bytes(zf.read("collection.anki2"))
    notes = sqlite3.connect(db).execute("SELECT flds FROM notes").fetchall()
    assert len(notes) == count
    otan = next(n[0].split("\x1f") for n in notes if n[0].startswith("OTAN\x1f"))
    assert otan[1] == "NATO" and "North Atlantic" in otan[2]
    assert "<b>OTAN</b>" in otan[3] and "NATO" in otan[4]  # example sentence, both languages


def test_glossary_never_imports_textual() -> None:
    import subprocess
    import sys

    code = "import sys, reader.translate.glossary_build, glossary.export, glossary.extract; print('textual' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.stdout.strip() == "False", out.stderr


def test_no_curated_file_for_stdin_or_unknown_article() -> None:
    assert glossary_path(None) is None
    article = parse("Titre\nLe texte de Marie Curie à Paris.", "<stdin>")
    assert article_entries(article) == []


# ---------------------------------------------------------------- curated files: QA 18, new fields


def test_duplicate_french_keys_are_refused_with_their_lines(tmp_path: Path) -> None:
    path = tmp_path / "dup.glossary.toml"
    entry = '[[entry]]\nfr = "{}"\nen = "NATO"\nkind = "organisations"\ndefinition = "x"\n\n'
    path.write_text(entry.format("OTAN") + entry.format("Kiev") + entry.format("l’otan"), "utf-8")
    with pytest.raises(GlossaryError) as info:
        load_curated(path)
    assert str(info.value).startswith(f"{path}:13: entry 'l’otan' repeats 'OTAN' from line 1")


def test_the_and_adjectival_english_are_read_and_checked(tmp_path: Path) -> None:
    path = tmp_path / "a.glossary.toml"
    path.write_text(
        '[[entry]]\nfr = "BCE"\nen = "ECB"\nkind = "organisations"\ndefinition = "x"\nthe = true\n'
        '[[entry]]\nfr = "Russie"\nen = "Russia"\nkind = "places"\ndefinition = "y"\n'
        'en_adj = "Russian"\n',
        "utf-8",
    )
    bce, russie = load_curated(path)
    assert (bce.the, bce.en_adj, russie.the, russie.en_adj) == (True, "", False, "Russian")
    path.write_text(
        '[[entry]]\nfr = "BCE"\nen = "ECB"\nkind = "organisations"\ndefinition = "x"\nthe = "yes"\n',
        "utf-8",
    )
    with pytest.raises(GlossaryError, match=":1: entry 'BCE': 'the' must be true or false"):
        load_curated(path)


def test_control_characters_in_a_glossary_never_reach_the_terminal(tmp_path: Path) -> None:
    path = tmp_path / "esc.glossary.toml"
    path.write_text(
        '[[entry]]\nfr = "OTAN\\u001b]0;HACKED\\u0007"\nen = "NATO\\u001b[2J"\n'
        'kind = "organisations"\ndefinition = "x\\u009b31m"\n',
        "utf-8",
    )
    (entry,) = load_curated(path)
    assert not any(
        ord(c) < 32 or 0x7F <= ord(c) <= 0x9F for c in entry.fr + entry.en + entry.definition
    )


# ---------------------------------------------------------------- matching: per-form case, index


def test_lowercase_alias_of_an_acronym_matches_as_written() -> None:
    pib = Entry("PIB", "GDP", "economy", "d", ("produit intérieur brut",))
    text = "Le produit intérieur brut a progressé ; le PIB, pas le pib."
    assert spans(text, pib) == ["produit intérieur brut", "PIB"]  # « pib » lowercase: no


def test_the_word_index_finds_exactly_what_every_pattern_finds() -> None:
    from glossary.general import load_general
    from glossary.match import _entry_matches, _patterns
    from glossary.sources import stack

    entries = stack(load_curated(CURATED), load_general())
    article = load(SEED)
    texts = [(b.index, b.text) for b in article.blocks] + [
        (99, load(FIXTURES / "sommet-bruxelles.fr.txt").blocks[2].text)
    ]
    found = find(entries, texts)
    for e in entries:
        brute = [
            (block, a, b)
            for block, text in texts
            for a, b in _entry_matches(_patterns(e, False), text)
        ]
        assert [(o.block, o.start, o.end) for o in found[e.key]] == brute, e.fr
    assert sum(map(len, found.values())) > 100  # the comparison is not vacuous


# ---------------------------------------------------------------- extraction: QA 15


def test_extraction_rejects_verbs_and_locutions_keeps_places_in_their_terms() -> None:
    article = parse(
        "Le cœur nucléaire des États membres\n"
        "De nombreux observateurs tentent depuis des années de convaincre Poutine 10 "
        "de ce point de vue. En fin de compte, le chômage remonte. Les États membres "
        "veulent un accord. La politique monétaire change.",
        "qa15",
    )
    found = {c.text: c.kind for c in extract(article.blocks)}
    assert "années de convaincre" not in found  # an infinitive the tagger called a noun
    assert "fin de compte" not in found  # « en fin de compte » is a locution
    assert "États" not in found and found.get("États membres") == "other"
    assert not any(any(ch.isdigit() for ch in t) for t in found)  # « Poutine 10 »
    assert found.get("Poutine") == "people"
    assert "chômage remonte" not in found  # remonte is a verb
    assert "cœur nucléaire" in found  # an œ noun (tagged PROPN), once but in the title
    assert "politique monétaire" not in found  # once, in running prose: not a term


def test_long_institution_names_are_kept_whole() -> None:
    article = parse(
        "Chiffres\nSelon l'Institut national de la statistique et des études économiques, "
        "le chômage recule.",
        "insee",
    )
    texts = {c.text for c in extract(article.blocks)}
    assert "Institut national de la statistique et des études économiques" in texts


# ---------------------------------------------------------------- extracted English: QA 7, 16


def test_names_are_never_machine_translated_and_guesses_are_marked(data_dir: Path) -> None:
    from reader.engines.apertium import ApertiumEngine

    article = parse("Titre\nJean de La Fontaine parle du capital de crédibilité.", "names")
    candidates = [
        build.Candidate("Jean de La Fontaine", "people", 1, ("Jean de La Fontaine",)),
        build.Candidate("capital de crédibilité", "other", 1, ("capital de crédibilité",)),
    ]
    engine = ApertiumEngine()
    try:
        glossary = build.build(article, candidates, engine)
    finally:
        engine.close()
    by_fr = {e.fr: e for e in glossary.entries}
    name, term = by_fr["Jean de La Fontaine"], by_fr["capital de crédibilité"]
    assert (name.en, name.origin) == ("Jean de La Fontaine", "extracted")
    assert term.origin == "machine guess" and term.en and term.en[0].islower()
    assert "not checked" in term.definition


def test_casing_follows_the_french_but_keeps_proper_words() -> None:
    proper = build.proper_words(
        [Entry("États-Unis", "United States", "places", "d", en_adj="American")],
        ["He met the Russian leader."],
    )
    assert build.follow_case("point de vue", "Point of view", proper) == "point of view"
    assert build.follow_case("politique américaine", "American politics", proper) == (
        "American politics"
    )
    assert build.follow_case("dirigeant russe", "Russian leader", proper) == "Russian leader"
    assert build.follow_case("sommet de l'OTAN", "NATO summit", proper) == "NATO summit"
    assert build.follow_case("Banque de France", "Bank of France", proper) == "Bank of France"


def test_in_context_english_comes_before_a_machine_guess(data_dir: Path) -> None:
    article = parse("Titre\nLe capital de crédibilité compte.", "ctx")
    cand = build.Candidate("capital de crédibilité", "other", 1, ("capital de crédibilité",))
    glossary = build.build(article, [cand], in_context=lambda cands: ["credibility capital"])
    (entry,) = [e for e in glossary.entries if e.fr == cand.text]
    assert (entry.en, entry.origin) == ("credibility capital", "extracted")


# ---------------------------------------------------------------- CLI: QA 36


def test_no_extract_does_not_demand_an_engine_it_does_not_need(tmp_path: Path) -> None:
    from tests.support.cli import run_reader

    article = tmp_path / "m.fr.txt"  # no m.en.txt beside it
    article.write_text("Titre\nLa BCE et l’OTAN parlent des droits de douane.\n", "utf-8")
    env = {"READER_DATA_DIR": str(tmp_path / "data")}
    done = run_reader(
        "glossary", str(article), "-e", "reference", "--no-extract", "-f", "csv", env=env
    )
    assert done.returncode == 0, done.stderr
    rows = done.stdout.splitlines()
    assert "BCE,ECB,organisations" in done.stdout and rows[0].endswith(",origin,english_checked")
    with_extraction = run_reader("glossary", str(article), "-e", "reference", "-f", "csv", env=env)
    assert with_extraction.returncode == 1 and "no reference translation" in with_extraction.stderr


MAIRE = Entry("maire", "mayor", "people", origin="general")


def test_a_common_word_does_not_match_inside_a_personal_name() -> None:
    text = "Le ministre de l'Économie, Bruno Le Maire, a salué la décision du maire."
    assert spans(text, MAIRE) == ["maire"]  # the mayor at the end, not Bruno Le Maire
    assert spans("Le Maire a parlé. Hausse du Chômage.", MAIRE) == ["Maire"]  # no name before
    chomage = Entry("chômage", "unemployment", "economy")
    assert spans("Hausse du Chômage.", chomage) == ["Chômage"]


def test_bruno_le_maire_is_a_name_with_no_mayor_in_the_glossary(data_dir: Path) -> None:
    article = parse("Titre\nLe ministre de l'Économie, Bruno Le Maire, a salué la décision.", "x")
    glossary = build.build(article, extract(article.blocks))
    by_fr = {e.fr: e for e in glossary.entries}
    assert "maire" not in by_fr
    assert by_fr["Bruno Le Maire"].kind == "people" and glossary.count(by_fr["Bruno Le Maire"]) == 1


def test_the_longest_entry_at_a_place_counts_except_among_curated_entries(
    tmp_path: Path, data_dir: Path
) -> None:
    """« banque centrale » (general) does not count inside « Banque centrale européenne »;
    « taux directeurs » is not cut by « directeurs inchangés »; two curated entries still
    nest (the README's « OTAN » inside « adhésion à l’OTAN »)."""
    path = tmp_path / "a.fr.txt"
    path.write_text(
        "Titre\nLa Banque centrale européenne laisse ses taux directeurs inchangés. "
        "Les taux directeurs inchangés rassurent la banque centrale. "
        "L'adhésion à l’OTAN divise l'OTAN.\n",
        encoding="utf-8",
    )
    (tmp_path / "a.glossary.toml").write_text(
        '[[entry]]\nfr = "OTAN"\nen = "NATO"\nkind = "organisations"\ndefinition = "x"\n'
        '[[entry]]\nfr = "adhésion à l’OTAN"\nen = "NATO membership"\nkind = "military"\n'
        'definition = "y"\n',
        encoding="utf-8",
    )
    article = load(path)
    glossary = build.build(article, extract(article.blocks))
    count = {e.fr: glossary.count(e) for e in glossary.entries}
    assert count["Banque centrale européenne"] == 1 and count["banque centrale"] == 1
    assert count["taux directeur"] == 2 and "directeurs inchangés" not in count
    assert count["OTAN"] == 2 and count["adhésion à l’OTAN"] == 1
    # A candidate cutting through a known term goes, whatever extraction let through.
    cut = Candidate("directeurs inchangés", "other", 2, ("directeurs inchangés",))
    assert "directeurs inchangés" not in {e.fr for e in build.build(article, [cut]).entries}
    rows = list(csv.DictReader(io.StringIO(export.to_csv(glossary))))
    assert {r["fr"]: r["occurrences"] for r in rows}["banque centrale"] == "1"


def test_extraction_rejects_a_verb_after_a_noun_and_pairs_across_a_term() -> None:
    article = parse(
        "La croissance ralentit\nLa BCE a laissé ses taux directeurs inchangés jeudi. "
        "Les marchés saluent des taux directeurs inchangés.",
        "x",
    )  # the trial's: « croissance ralentit » in the title, « directeurs inchangés » twice
    terms = {c.text for c in extract(article.blocks) if c.kind == "other"}
    assert "taux directeurs" in terms
    assert not {"croissance ralentit", "directeurs inchangés"} & terms, terms


def test_politique_americaine_is_policy_from_the_general_glossary(data_dir: Path) -> None:
    glossary = build.build(load(SEED))
    entry = next(e for e in glossary.entries if e.fr == "politique américaine")
    assert (entry.en, entry.origin, glossary.count(entry)) == ("American policy", "general", 2)


def test_counts_take_the_grammar_filter_that_enforcement_takes(data_dir: Path) -> None:
    """« cette mesure législative » is no occurrence of « élections législatives » (the
    adjective, with no adjectival English), nor « jamais entreprise » of « entreprises »
    (a participle); « les législatives » and « une entreprise » are."""
    article = parse(
        "Titre\nCette mesure législative a été votée. Une réforme jamais entreprise.\n\n"
        "Avant les législatives, une entreprise a fermé.",
        "counts.txt",
    )
    glossary = build.build(article)
    count = {e.fr: glossary.count(e) for e in glossary.entries}
    assert count["élections législatives"] == 1 and count["entreprises"] == 1, count
    occurrence = glossary.occurrences[
        next(e.key for e in glossary.entries if e.fr == "entreprises")
    ]
    assert [o.block for o in occurrence] == [2]
