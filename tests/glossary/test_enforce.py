"""Glossary enforcement: stand-ins in the French, the glossary's English in the English.

Pure steps are tested on strings; the whole pass runs on the real Apertium and on the
stand-in Argos model. The stand-in's English is gibberish: with it the tests prove
the plumbing (lost stand-ins fall back to the raw sentence, flagged), not quality.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from glossary.curated import load_curated
from glossary.english import spans as english_spans
from glossary.model import Entry
from reader.article import load, parse
from reader.cache import Cache
from reader.engines import marked
from reader.evaluate import term_counts
from reader.session import TranslationSession
from reader.translate import enforce
from reader.translation import BlockTranslation, cache_version, translate_blocks
from tests.support.paths import FIXTURES, SEED

ESCALADE = Entry("escalade", "escalation", "military")
OTAN = Entry("OTAN", "NATO", "organisations")
TARIFFS = Entry(
    "droits de douane", "tariffs", "economy", aliases=("droit de douane",), en_aliases=("tariff",)
)
ACCORD = Entry("accord", "deal", "diplomacy and politics", en_aliases=("agreement",))
PEACE_DEAL = Entry("accord de paix", "peace deal", "diplomacy and politics")
PRESIDENT = Entry("président", "president", "people")
POUTINE = Entry("Poutine", "Putin", "people")
IMPASSE = Entry("impasse", "impasse", "diplomacy and politics")
ENTRIES = [ESCALADE, OTAN, TARIFFS, ACCORD, PEACE_DEAL, PRESIDENT, POUTINE, IMPASSE]
STAND_IN_ENGLISH = re.compile(
    r"(?<!\w)(?:" + "|".join(e for s in enforce.ALL_STAND_INS for e in s.english) + r")(?!\w)",
    re.IGNORECASE,
)


def _found(text: str, entries=ENTRIES) -> list[enforce.Found]:
    block = parse(f"Titre\n{text}", "x.txt").blocks[1]
    assert len(block.sentences) == 1
    return enforce.sentence_occurrences(entries, block)[0]


def _protect(text: str, entries=ENTRIES) -> enforce.Protected:
    found = _found(text, entries)
    return enforce.protect(text, found, {f.entry.key for f in found})


# ---------------------------------------------------------------- pure steps


def test_elision_is_written_out_before_stand_ins() -> None:
    p = _protect("Le risque d’escalade inquiète l’OTAN.")
    assert "’" not in p.text and "d’" not in p.text
    assert re.fullmatch(r"Le risque de \w+ inquiète l[ea] \w+\.", p.text), p.text
    to = _protect("Il veut adhérer à l’OTAN et sortir de l’impasse.")
    assert " au " in to.text, to.text  # à l’OTAN → au …
    assert " de la " in to.text, to.text  # de l’impasse (feminine) → de la …
    assert "l’" not in to.text


def test_plurals_take_plural_stand_ins_and_plural_english() -> None:
    p = _protect("Un droit de douane, puis des droits de douane.")
    singular, plural = p.stand_ins
    assert singular.singular in p.text and plural.plural in p.text
    assert p.english == ("tariff", "tariffs")


def test_a_term_inside_a_longer_entry_is_one_occurrence() -> None:
    found = _found("Il refuse un accord de paix, pas un accord.")
    assert [f.entry.fr for f in found] == ["accord de paix", "accord"]


def test_a_lost_or_doubled_stand_in_gives_no_english() -> None:
    p = _protect("Il refuse un accord.")
    word = p.stand_ins[0].english[-1]
    assert enforce.insert("He refuses.", p) is None
    assert enforce.insert(f"He refuses a {word} and a {word}.", p) is None
    done = enforce.insert(f"He refuses a {word}.", p)
    assert done is not None and marked.strip(done) == "He refuses a deal."


def test_insertion_repairs_articles_and_capitals() -> None:
    p = _protect("L’OTAN signe un accord.", [OTAN, Entry("accord", "agreement", "other")])
    nato, agreement = (s.english[-1] for s in p.stand_ins)
    done = enforce.insert(f"The {nato} signs a {agreement}.", p)
    assert done is not None
    parsed = marked.parse(done)
    assert parsed.text == "NATO signs an agreement."  # no "the" before NATO; a → an
    assert [parsed.text[a:b] for _, a, b in parsed.terms] == ["NATO", "agreement"]
    lower = _protect("Escalade.", [ESCALADE])
    assert (
        marked.strip(enforce.insert(f"{lower.stand_ins[0].english[-1]}.", lower)) == "Escalation."
    )


# ---------------------------------------------------------------- through Apertium


def _apertium():
    from reader.engines.apertium import ApertiumEngine

    return ApertiumEngine()


def _run(texts: list[str], entries=ENTRIES, cache=None, enforced=True):
    article = parse("Titre\n" + "\n".join(texts), "x.txt")
    engine = _apertium()
    try:
        raw = translate_blocks(engine, article.blocks, cache)
        out = enforce.apply(
            engine, article.blocks, raw, entries, cache, mark_only=not enforced, nlp_policy="off"
        )
    finally:
        engine.close()
    return raw[1:], out[1:]


def _terms(block: BlockTranslation, i: int = 0) -> list[tuple[str, str, str]]:
    text = block.sentences[i]
    return [(t.key.split(":")[1], t.status, text[t.start : t.end]) for t in block.terms[i]]


@pytest.mark.needs_apertium
def test_a_term_at_sentence_start_gets_a_capital() -> None:
    raw, out = _run(["Escalade ou impasse : le choix de l’OTAN."])
    assert "Climbing" in raw[0].sentences[0]  # Apertium's own word, for the record
    assert out[0].sentences[0].startswith("Escalation or impasse")
    assert ("escalade", "enforced", "Escalation") in _terms(out[0])
    # The engine had NATO (as "the Nato"): kept, in the glossary's capitals, without "the".
    assert ("OTAN", "kept", "NATO") in _terms(out[0])
    assert "the NATO" not in out[0].sentences[0] and "Nato" not in out[0].sentences[0]


@pytest.mark.needs_apertium
def test_two_adjacent_terms_and_a_longer_entry() -> None:
    _, out = _run(["Le président Poutine refuse un accord de paix."])
    english = out[0].sentences[0]
    assert "president Putin" in english and "peace deal" in english
    terms = _terms(out[0])
    assert [t[0] for t in terms] == ["président", "Poutine", "accord de paix"]
    # The engine's own "president Putin" stays (kept); only the missing term is put in.
    assert [status for _, status, _ in terms] == ["kept", "kept", "enforced"]


@pytest.mark.needs_apertium
def test_plural_and_singular_occurrences_through_apertium() -> None:
    _, out = _run(["Un droit de douane frappe les voitures, et les droits de douane augmentent."])
    assert [t[2] for t in _terms(out[0])] == ["tariff", "tariffs"]


@pytest.mark.needs_apertium
def test_no_enforce_keeps_the_raw_english_and_flags_missing_terms() -> None:
    raw, out = _run(["Le risque d’escalade inquiète l’OTAN."], enforced=False)
    assert out[0].sentences == raw[0].sentences
    statuses = {t[0]: t[1] for t in _terms(out[0])}
    assert statuses["escalade"] == "failed" and out[0].flagged == 1


@pytest.mark.needs_apertium
def test_enforced_english_is_cached_under_the_text_sent(data_dir: Path) -> None:
    cache = Cache()
    sentence = "Les droits de douane augmentent."
    _, first = _run([sentence], [TARIFFS], cache)
    assert "tariffs" in first[0].sentences[0]
    # Spliced: the term's French was sent alone, with its article, and cached as sent.
    assert cache.get_many("apertium", cache_version(_apertium()), ["les droits de douane"])
    edited = Entry("droits de douane", "customs duties", "economy")
    _, second = _run([sentence], [edited], cache)
    assert "customs duties" in second[0].sentences[0] and "tariffs" not in second[0].sentences[0]


@pytest.mark.needs_apertium
def test_seed_enforced_reaches_the_targets(data_dir: Path) -> None:
    article = load(SEED)
    with TranslationSession(article, "apertium", enforce=False) as session:
        raw = session.translate(article.blocks)
        session.enforce = True
        enforced = session.translate(article.blocks)
        entries = session.entries()
    pairs = [
        (s.text, e)
        for b, t in zip(article.blocks, enforced, strict=True)
        for s, e in zip(b.sentences, t.sentences, strict=True)
    ]
    counts = term_counts(entries, pairs)
    assert counts.occurrences > 90 and counts.strict / counts.occurrences >= 0.97
    raw_text = " ".join(t.text for t in raw)
    for t in enforced:
        assert not STAND_IN_ENGLISH.search(t.text) or STAND_IN_ENGLISH.search(raw_text)
        assert not set(t.text) & set(marked.ALL)
        for i, english in enumerate(t.sentences):
            for span in t.sentence_terms(i):
                if span.start is not None and span.end is not None:
                    entry = next(e for e in entries if e.key == span.key)
                    # the span holds the entry's English ("Donald Trump" holds "Trump")
                    assert any(
                        span.start <= a and b <= span.end for a, b in english_spans(entry, english)
                    ), (english, span)
            for a, b in t.sentence_unknown(i):
                assert re.fullmatch(r"\w[\w’'-]*", english[a:b]), english[a:b]


@pytest.mark.needs_apertium
def test_an_unseen_article_carries_its_glossary(data_dir: Path) -> None:
    article = load(FIXTURES / "inflation-zone-euro.fr.txt")
    entries = load_curated(FIXTURES / "inflation-zone-euro.terms.toml")
    with TranslationSession(article, "apertium", entries=entries) as session:
        enforced = session.translate(article.blocks)
    pairs = [
        (s.text, e)
        for b, t in zip(article.blocks, enforced, strict=True)
        for s, e in zip(b.sentences, t.sentences, strict=True)
    ]
    counts = term_counts(entries, pairs)
    assert counts.occurrences >= 20 and counts.lenient / counts.occurrences >= 0.9


CONGRESS = Entry("Congrès", "Congress", "organisations", aliases=("Congrès américain",))
INTEREST = Entry("taux d'intérêt", "interest rate", "economy", origin="user")
PUTIN_USER = Entry("Poutine", "Vladimir Putin", "people", origin="user")
MAYOR = Entry("maire", "mayor", "people", origin="general")
FRENCH_LEFT = re.compile(r"Congrès|américain")


def test_a_longer_form_lends_only_a_first_name_never_the_entrys_own_french() -> None:
    assert enforce.occurrence_english(CONGRESS, "Congrès américain", False) == "Congress"
    trump = Entry("Trump", "Trump", "people", aliases=("Donald Trump",))
    assert enforce.occurrence_english(trump, "Donald Trump", False) == "Donald Trump"


def test_invariable_nouns_take_their_number_from_the_determiner() -> None:
    assert enforce.occurrence_english(INTEREST, "taux d’intérêt", False, "Les ") == "interest rates"
    assert enforce.occurrence_english(INTEREST, "taux d'intérêt", False, "Le ") == "interest rate"
    assert enforce.occurrence_english(INTEREST, "taux d'intérêt", False, "la hausse des ") == (
        "interest rates"
    )
    assert enforce.occurrence_plural("prix", "ces ") and not enforce.occurrence_plural(
        "prix", "ce "
    )


def test_a_first_name_before_a_name_goes_into_the_occurrence() -> None:
    found = _found("Trump appelle Vladimir Poutine.", [PUTIN_USER])
    assert [("Trump appelle Vladimir Poutine."[f.start : f.end]) for f in found] == [
        "Vladimir Poutine"
    ]


@pytest.mark.needs_apertium
def test_enforcement_never_puts_the_french_back(data_dir: Path) -> None:
    """The trial's « Congrès Congress »: the seed's Congrès, with its alias « Congrès américain »."""
    entries = load_curated(Path(SEED).with_name("trump-poutine.glossary.toml"))
    raw, out = _run(
        ["Le Congrès américain a voté les milliards alloués par le Congrès américain sous Biden."],
        entries,
    )
    english = out[0].sentences[0]
    assert not FRENCH_LEFT.search(english), english
    assert english.count("Congress") == 2
    assert [t[2] for t in _terms(out[0]) if t[0] == "Congrès"] == ["Congress", "Congress"]


@pytest.mark.needs_apertium
def test_no_mayor_inside_bruno_le_maire(data_dir: Path) -> None:
    _, out = _run(
        ["Le ministre de l'Économie, Bruno Le Maire, a salué la décision du maire."], [MAYOR]
    )
    assert [t[2] for t in _terms(out[0])] == ["mayor"]  # the one at the end only


@pytest.mark.needs_apertium
def test_a_users_full_name_is_not_doubled(data_dir: Path) -> None:
    _, out = _run(["Trump appelle Vladimir Poutine, puis Poutine répond."], [PUTIN_USER])
    english = out[0].sentences[0]
    assert "Vladimir Vladimir" not in english and english.count("Vladimir Putin") == 2, english


@pytest.mark.needs_apertium
def test_les_taux_d_interet_are_plural_in_english(data_dir: Path) -> None:
    _, out = _run(["Les taux d’intérêt montent.", "Le taux d'intérêt monte."], [INTEREST])
    assert "interest rates" in out[0].sentences[0], out[0].sentences[0]
    assert "interest rate " in out[1].sentences[0], out[1].sentences[0]


# ---------------------------------------------------------------- through the stand-in Argos


def test_argos_lost_stand_ins_keep_the_raw_sentence_flagged(
    installed_standin: Path, data_dir: Path
) -> None:
    from reader.engines import argos

    article = load(SEED)
    entries = load_curated(Path(SEED).with_name("trump-poutine.glossary.toml"))
    engine = argos.ArgosEngine()
    raw = translate_blocks(engine, article.blocks, Cache())
    calls = []
    real = engine._load()

    class Counting:
        def translate_batch(self, *args, **kwargs):
            calls.append(len(args[0]))
            return real.translate_batch(*args, **kwargs)

    engine._translator = Counting()
    out = enforce.apply(engine, article.blocks, raw, entries, Cache(), nlp_policy="off")
    # At most three engine passes, each batched: names alone, terms alone (to splice),
    # then every sentence sent again with stand-ins (CTranslate2 sees them in sorted batches).
    assert sum(calls) > 5 and len(calls) <= -(-sum(calls) // engine.batch_size) + 2
    for r, o in zip(raw, out, strict=True):
        for i, (a, b) in enumerate(zip(r.sentences, o.sentences, strict=True)):
            statuses = {t.status for t in o.sentence_terms(i)}
            if "enforced" not in statuses:
                assert a == b  # raw kept: stand-in text never reaches the reader
    assert sum(o.flagged for o in out) > 0


@pytest.mark.needs_apertium
def test_translate_json_carries_terms_and_unknown_words(data_dir: Path) -> None:
    from tests.support.cli import run_reader

    def sentences(*flags):
        done = run_reader("translate", str(SEED), "-e", "apertium", "-f", "json", *flags)
        assert done.returncode == 0, done.stderr
        return [s for b in json.loads(done.stdout)["blocks"] for s in b["sentences"]]

    enforced, raw = sentences(), sentences("--no-enforce")
    assert all(set(s) == {"fr", "en", "origin", "terms", "unknown"} for s in enforced)
    statuses = {t["status"] for s in enforced for t in s["terms"]}
    assert "enforced" in statuses and "failed" not in statuses
    assert {t["status"] for s in raw for t in s["terms"]} == {"kept", "failed"}
    tariffs = next(s for s in enforced if "droits de douane" in s["fr"])
    term = next(t for t in tariffs["terms"] if t["key"] == "economy:droits de douane")
    assert tariffs["en"][term["start"] : term["end"]] == "tariffs"
    assert any(s["unknown"] for s in raw)
    assert all(s["en"][a:b].strip() for s in raw for a, b in s["unknown"])


@pytest.mark.needs_apertium
def test_the_apps_chunks_are_enforced_like_the_whole(data_dir: Path) -> None:
    article = load(SEED)
    with TranslationSession(article, "apertium", use_cache=False) as session:
        whole = session.translate(article.blocks)
        # As the app's worker does: one session.translate call per chunk of blocks.
        chunked = [
            t
            for i in range(0, len(article.blocks), 3)
            for t in session.translate(article.blocks[i : i + 3])
        ]
    assert chunked == whole
    assert any(t.status == "enforced" for b in chunked for ts in b.terms for t in ts)


@pytest.mark.needs_apertium
def test_a_broken_glossary_beside_the_article_is_a_notice_not_a_failure(
    tmp_path: Path, data_dir: Path
) -> None:
    from tests.support.cli import run_reader

    (tmp_path / "x.fr.txt").write_text(
        "Titre\nLes droits de douane augmentent.\n", encoding="utf-8"
    )
    (tmp_path / "x.glossary.toml").write_text("[[entry]\nfr = ", encoding="utf-8")
    done = run_reader("translate", str(tmp_path / "x.fr.txt"), "-e", "apertium")
    assert done.returncode == 0, done.stderr
    assert "glossary not applied" in done.stderr and "x.glossary.toml" in done.stderr
    # Only the broken file is set aside: the general glossary still applies (one stack).
    # (« escalade » is marked only now, trial Q1: climbing is its other sense.)
    assert "tariffs" in done.stdout.lower()


@pytest.mark.parametrize(
    ("sentence", "term", "use"),
    [
        ("Il a rejeté les conditions d’un cessez-le-feu.", "cessez-le-feu", "noun"),
        ("Il veut qu'une réforme passe.", "réforme", "noun"),
        ("Cette mesure législative passe.", "législative", "adjective"),
        ("Une réforme jamais entreprise.", "entreprise", "other"),
        ("Elle dirige l'entreprise.", "entreprise", "noun"),
    ],
)
def test_a_terms_use_by_the_words_before_it(sentence: str, term: str, use: str) -> None:
    """An elided determiner is a determiner (« d’un cessez-le-feu » is a noun, not an
    adjective after « d’un »); a word right after a noun is an adjective; after an
    adverb of time, a participle."""
    from glossary.match import Found
    from reader.translate.enforce import grammar

    entry = Entry(term, "x", "other", origin="general")
    start = sentence.index(term)
    assert grammar.use_by_words(Found(entry, start, start + len(term)), sentence) == use
