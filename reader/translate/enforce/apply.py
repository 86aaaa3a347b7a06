"""Glossary enforcement: machine English that uses the glossary's English for its terms,
and keeps names as they are, without making the sentence around them worse.

For every machine engine (a sentence engine: apertium, argos):

1. The raw translation comes first (cached as always).
2. Each sentence's terms are found (``glossary.match``: accents count, capitals may drop
   them, never inside a hyphenated compound) and judged (``grammar``): a noun entry
   never takes a verb or a participle, nor an adjective unless it has adjectival
   English. Entries with ``enforce = false`` (a common word with other senses) are
   only marked. Names the raw English lost are found (``names``): personal, place and
   organisation names come back verbatim unless a glossary or the engine's own
   dictionary gives them an English name. spaCy is asked only about the sentences
   that need it (``nlp``).
3. A sentence whose English lacks an enforced term or a name (exact case for capitalised
   English: "European central Bank" is not "European Central Bank") is mended the
   cheapest way that is sure:
   - *splice*: the engine's English for the term's French alone (« retraites » →
     "retirements"), found once in the raw English, is replaced by the glossary's. The
     rest of the sentence is the engine's, word for word;
   - otherwise *stand-ins*: the sentence is sent again with its terms and names
     *protected* — each replaced by a stand-in the engine translates predictably, a
     real French noun of the term's gender and number (« perroquets » → "parrots")
     that the engine inflects, orders and gives articles like any noun; a French
     adjective where the term is used as one (« contexte géopolitique »); capitalised
     nonsense words only when a sentence has more terms than nouns. Elided « l’ », « d’ »
     are written out (le/la, de; « de le » → du). All such sentences go in one batched
     call, cached under the text sent, so editing a glossary never serves stale English.
     Each stand-in's English is then replaced by the glossary's.
   Either way the English takes the occurrence's number (« les députés » → "MPs",
   « des emplois » → "jobs", by ``en_plural`` or the regular plural), the glossary's
   article rule ("the NATO" → "NATO", "the American policy" → "American policy"), a/an
   and the sentence's capital. A longer French form lends the English only a first
   name (« Vladimir Poutine »), never the entry's own French (« Congrès américain » →
   "Congress"); words the engine wrote beside the term that repeat its English are
   dropped ("Vladimir Vladimir Putin" never shows).
4. If a stand-in is lost or duplicated, or the new English has French left in or has
   lost words (``checks``), the raw sentence stays and the term is flagged ``failed``:
   stand-in text and broken English never reach the reader.

Every sentence then carries its terms (``enforced``, ``kept`` or ``failed``; a term that
is only marked is ``kept`` or absent, never ``failed``) and the engine's unknown words
as offsets in its English (``reader.translation``). Names put back are not glossary
terms: they carry no term span.

With the stand-in Argos model (random weights) the tests prove the plumbing —
fallback, flagging, caching — not the quality of what a real model would give.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from glossary import english
from glossary.match import Found, PrefixIndex, fold, is_name, sentence_occurrences
from glossary.model import Entry, Origin
from reader.article import Block
from reader.cache import Cache
from reader.engines import marked
from reader.engines.base import Engine, SentenceEngine
from reader.nlp.analysis import Token
from reader.translate.enforce import checks, grammar, names, nlp
from reader.translate.enforce.french import (
    gender,
    occurrence_english,
    occurrence_plural,
    used_as_adjective,
)
from reader.translate.enforce.nlp import Policy
from reader.translate.enforce.standins import Protected, insert, protect, splice, with_articles
from reader.translation import BlockTranslation, TermSpan, translate_marked_cached

Span = tuple[int, int]
NAME_ORIGIN: Origin = "extracted"
"""The origin of the entries that stand for names put back (never shown as terms)."""
Trace = dict[tuple[int, int], frozenset[str]]
"""For each (block, sentence) whose English enforcement changed, the rules and glossary
entries that changed it: a mechanism (``splice``, ``stand-ins``, ``recase``, ``articles``),
each glossary entry put in (``general «zone euro»``) and each name rule that put a name
back (``name: a person (analyser)``). ``reader eval --rules`` scores them."""
_ORIGIN_LABELS = {"general": "general", "user": "yours", "curated": "article"}


def entry_label(entry: Entry) -> str:
    """An entry's name in a trace: its glossary and its French."""
    return f"{_ORIGIN_LABELS.get(entry.origin, entry.origin)} «{entry.fr}»"


def enforceable(engine: Engine) -> bool:
    """Machine engines translate sentence by sentence; reference and none are left alone."""
    return isinstance(engine, SentenceEngine)


@dataclass
class _Sentence:
    """One sentence on its way: its French, raw English and what was found in it."""

    block: int
    index: int
    french: str
    raw: str
    unknown: tuple[Span, ...]
    found: list[Found]
    names: list[Found] = field(default_factory=list)
    name_rules: dict[Span, str] = field(default_factory=dict)
    """The rule that made each name put back one (``names.judge_rules``)."""
    touched: set[str] = field(default_factory=set)
    """The rules and entries that changed this sentence's English (``Trace``)."""

    def label(self, f: Found) -> str:
        """What an occurrence put in is called in a trace: its name rule, or its entry."""
        if f.entry.origin == NAME_ORIGIN:
            return self.name_rules.get((f.start, f.end), "name")
        return entry_label(f.entry)

    @property
    def marked_raw(self) -> str:
        """The raw English as marked text (its unknown words wrapped again)."""
        out, pos = [], 0
        for a, b in self.unknown:
            out += [self.raw[pos:a], marked.unknown(self.raw[a:b])]
            pos = b
        return "".join([*out, self.raw[pos:]])


@dataclass(frozen=True)
class _Done:
    """A sentence's enforced marked English; term number n stands for ``found[n]``."""

    found: tuple[Found, ...]
    marked: str | None


def apply(
    engine: Engine,
    blocks: Sequence[Block],
    translations: Sequence[BlockTranslation],
    entries: Sequence[Entry],
    cache: Cache | None = None,
    *,
    mark_only: bool = False,
    nlp_policy: Policy = "wait",
    trace: Trace | None = None,
) -> list[BlockTranslation]:
    """``translations`` with terms marked, and missing terms and names put in
    (``mark_only``: only marked, the engine's English left as it is: ``--no-enforce``).
    ``nlp_policy``: whether to wait for spaCy (see ``reader.translate.enforce.nlp``); ``trace``:
    filled with what changed each sentence (``Trace``)."""
    if not enforceable(engine):
        return list(translations)
    assert isinstance(engine, SentenceEngine)
    sentences = _sentences(blocks, translations, entries)
    done: dict[tuple[int, int], _Done] = {}
    if not mark_only:
        _judge(engine, sentences, cache, nlp_policy)
        done = _mend(engine, sentences, cache)
    else:
        for s in sentences:
            s.found = [f for f in s.found if grammar.usable(f, grammar.use_by_words(f, s.french))]
    by_block: dict[int, list[_Sentence]] = {}
    for s in sentences:
        by_block.setdefault(s.block, []).append(s)
    out = [_annotate(tr, by_block.get(bi, []), done, bi) for bi, tr in enumerate(translations)]
    if trace is not None:
        for s in sentences:
            if out[s.block].sentences[s.index] != translations[s.block].sentences[s.index]:
                trace[(s.block, s.index)] = frozenset(s.touched or {"unattributed"})
    return out


def _sentences(
    blocks: Sequence[Block], translations: Sequence[BlockTranslation], entries: Sequence[Entry]
) -> list[_Sentence]:
    index = PrefixIndex(entries) if entries else None
    out = []
    for bi, (block, tr) in enumerate(zip(blocks, translations, strict=True)):
        found = (
            sentence_occurrences(entries, block, index)
            if entries
            else [[] for _ in block.sentences]
        )
        for si, s in enumerate(block.sentences):
            out.append(
                _Sentence(bi, si, s.text, tr.sentences[si], tr.sentence_unknown(si), found[si])
            )
    return out


# ---------------------------------------------------------------- judging terms and names


def _present(entry: Entry, english_text: str, any_case: bool = False) -> int:
    """How many times ``entry``'s English is in ``english_text``, with its capitals
    (``any_case``: in any case); a name put back verbatim must be there letter for
    letter ("Youtube" is not "YouTube")."""
    if entry.origin == NAME_ORIGIN:
        # Up to typography: « Tel-Aviv » is there in "Tel Aviv", « Val-d’Oise » in
        # "Val-d'Oise"; putting a name back never changes its apostrophe or hyphen alone.
        name, text = _typography(entry.en), _typography(english_text)
        return len(re.findall(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text))
    # Your terms and the article's in their main English, as written; the general
    # glossary's also in any of its English forms (the engine's "deputies" carries « députés »).
    strict = entry.origin in ("user", "curated")
    return len(english.spans(entry, english_text, strict, exact_case=True, any_case=any_case))


def _typography(text: str) -> str:
    """``text`` with apostrophes straight, hyphens and no-break spaces as spaces."""
    return re.sub(r"[\s\u00a0\u202f‐‑-]+", " ", text.replace("’", "'"))


def _lower_case(f: Found, french: str) -> bool:
    """Whether the general glossary's English may come in any case for this occurrence:
    the French writes it in lower case (« le premier ministre d'Israël », « les ministres
    de la Défense »), and so does English news ("the prime minister", "defence
    ministers"); the capitals are demanded where the French has them (« le Premier
    ministre », « la Banque centrale européenne ») and for your terms and the article's."""
    return f.entry.origin == "general" and not french[f.start : f.start + 1].isupper()


def _any_case(found: Sequence[Found], french: str) -> set[str]:
    """The entries every occurrence of which may come in any case (``_lower_case``)."""
    keys = {f.entry.key for f in found}
    return {k for k in keys if all(_lower_case(f, french) for f in found if f.entry.key == k)}


def _missing(found: Sequence[Found], text: str, french: str) -> list[Entry]:
    """Entries whose English occurs fewer times in ``text`` than the entry does in the French."""
    counts: dict[str, int] = {}
    for f in found:
        counts[f.entry.key] = counts.get(f.entry.key, 0) + 1
    entries = {f.entry.key: f.entry for f in found}
    loose = _any_case(found, french)
    return [entries[k] for k, n in counts.items() if _present(entries[k], text, k in loose) < n]


def _judge(
    engine: SentenceEngine, sentences: Sequence[_Sentence], cache: Cache | None, policy: Policy
) -> None:
    """Drops term occurrences that are not used as the entry's part of speech, and finds
    the names each sentence's raw English lost. spaCy only for those that need it."""
    doubtful: dict[int, list[Found]] = {}
    for s in sentences:
        s.found = [f for f in s.found if not _left_to_names(f, s.french)]
    for n, s in enumerate(sentences):
        enforced = [f for f in s.found if f.entry.enforce]
        missing = {e.key for e in _missing(enforced, s.raw, s.french)}
        doubtful[n] = [f for f in s.found if f.entry.key in missing and grammar.judged(f, s.french)]
    candidates = {
        n: names.candidates(s.french, s.raw, [(f.start, f.end) for f in s.found], s.unknown)
        for n, s in enumerate(sentences)
    }
    words = sorted({w for cs in candidates.values() for c in cs for w, _, _ in c.words})
    alone = dict(zip(words, translate_marked_cached(engine, words, cache), strict=True))
    analyse = getattr(engine, "analyse_words", None)
    parts = sorted({p for w in words if "-" in w for p in w.split("-") if p.isalpha()})
    kinds: Mapping[str, frozenset[str]] | None = (
        analyse([*words, *parts]) if analyse and words else None
    )
    wanted = [
        n
        for n in range(len(sentences))
        if doubtful[n] or any(names.needs_tags(c, alone, kinds) for c in candidates[n])
    ]
    tagged = nlp.tokens([sentences[n].french for n in wanted], policy)
    tokens: dict[int, list[Token]] = dict(zip(wanted, tagged, strict=True)) if tagged else {}
    for n, s in enumerate(sentences):
        s.found = [u for f in s.found if (u := _used(f, s.french, tokens.get(n))) is not None]
        ruled = [
            ruled
            for c in candidates[n]
            for ruled in names.judge_rules(c, alone, kinds, tokens.get(n))
        ]
        s.name_rules = dict(ruled)
        found = [_name(s.french, a, b, names.english(s.french[a:b], alone)) for (a, b), _ in ruled]
        # Only the names the raw English lost: one it has (« P.K. » beside a lost « État »)
        # needs no putting back, and a stand-in for it would change the words around it.
        lost = {e.key for e in _missing(found, s.raw, s.french)}
        s.names = [f for f in found if f.entry.key in lost]


def _left_to_names(f: Found, french: str) -> bool:
    """A general-glossary occurrence that is no term here, left to the engine and the name
    rules: a name in the plural, an acronym whose English is no acronym (« USA », « EELV »: English news writes
    them as they are, not "the United States", "The Ecologists"), and an abbreviated
    title with no name after it (« J'admire M. »)."""
    if f.entry.origin != "general":
        return False
    text = french[f.start : f.end]
    forms = {fold(x).lower() for x in f.entry.forms}
    folded = fold(text).lower()
    if is_name(f.entry) and folded not in forms and folded[:-1] in forms:
        return True  # a name in the plural is its people: « les Suisses » is not Switzerland
    if f.entry.kind == "places" and _after_a_capital(french, f.start):
        return True  # part of a longer name: « Crédit Suisse » is no Switzerland
    if len(text) > 1 and text.isupper() and text.isalpha():
        return not any(form.isupper() for form in f.entry.en_forms)
    if text.endswith("."):  # and not an initial after a first name (« Dennis M. Walcott »)
        initial = _after_a_capital(french, f.start)
        return initial or not french[f.end :].lstrip()[:1].isupper()
    return False


def _after_a_capital(french: str, start: int) -> bool:
    """Whether the word before ``start`` is a capitalised word that is not the sentence's
    first (« le Crédit Suisse », « la Deutsche Bank »)."""
    before = french[:start].split()
    return len(before) > 1 and before[-1][:1].isupper() and before[-1][-1:].isalpha()


def _used(f: Found, french: str, tokens: Sequence[Token] | None) -> Found | None:
    """The occurrence as used in the sentence, or None where it is no term there."""
    if not grammar.judged(f, french):
        return f
    use = (
        grammar.use_by_tags(f, french, tokens)
        if tokens is not None
        else grammar.use_by_words(f, french)
    )
    if not grammar.usable(f, use):
        return None
    return replace(f, adjective=use == "adjective")


def _name(french: str, start: int, end: int, english_text: str) -> Found:
    text = french[start:end]
    # the=True: the engine's article stays ("the BRH", "the Internet"); only glossary
    # names say whether they take one.
    return Found(Entry(text, english_text, "people", origin=NAME_ORIGIN, the=True), start, end)


# ---------------------------------------------------------------- mending sentences


def _mend(
    engine: SentenceEngine, sentences: Sequence[_Sentence], cache: Cache | None
) -> dict[tuple[int, int], _Done]:
    """Each sentence lacking an enforced term or a name, mended by splicing where it
    can be, else by stand-ins; None where neither gave sound English."""
    todo: list[tuple[_Sentence, list[Found]]] = []
    done: dict[tuple[int, int], _Done] = {}
    for s in sentences:
        recased: set[str] = set()
        s.raw = _recased(s.raw, [f for f in s.found if f.entry.enforce], s.french, recased)
        if recased:
            s.touched |= {"recase", *recased}
        put = sorted([f for f in s.found if f.entry.enforce] + s.names, key=lambda f: f.start)
        if _missing(put, s.raw, s.french):
            todo.append((s, put))
        elif put:
            dropped: set[str] = set()
            fixed = with_articles(s.marked_raw, put, dropped)
            if fixed != s.marked_raw:
                done[(s.block, s.index)] = _Done((), fixed)
                s.touched |= {"articles", *_labels(s, put, dropped)}
    spliceable = [(s, put, _splice_items(s, put)) for s, put in todo]
    texts = sorted({_alone(t.french, f) for t, _, items in spliceable for f in items})
    alone = {
        text: _without_article(text, english_text)
        for text, english_text in zip(
            texts, translate_marked_cached(engine, texts, cache), strict=True
        )
    }
    jobs: list[tuple[_Sentence, list[Found], Protected]] = []
    for s, put, items in spliceable:
        english_forms = [_cased_as_french(s.french, f, _english(s.french, f)) for f in items]
        by_itself = [alone[_alone(s.french, f)] for f in items]
        spliced = splice(s.marked_raw, items, english_forms, by_itself) if items else None
        if spliced is not None:
            gone: set[str] = set()
            done[(s.block, s.index)] = _Done(tuple(items), with_articles(spliced, put, gone))
            s.touched |= {"splice", *(s.label(f) for f in items)}
            if gone:
                s.touched |= {"articles", *_labels(s, put, gone)}
            continue
        # Protect every term of the sentence, not only the missing ones: the new
        # English may lose a term the raw one had (measured on the seed: strict
        # accuracy 0.90 protecting only missing terms, 0.97 protecting all).
        p = protect(s.french, put, {f.entry.key for f in put}, _engines_english(s, put))
        if p.stand_ins:
            jobs.append((s, put, p))
    results = translate_marked_cached(engine, [p.text for _, _, p in jobs], cache) if jobs else []
    for (s, put, p), result in zip(jobs, results, strict=True):
        sound = _sound(s, p, insert(result, p))
        done[(s.block, s.index)] = _Done(p.found, sound)
        if sound is not None:  # what made the sentence go again: what it lacked
            missing = {e.key for e in _missing(put, s.raw, s.french)}
            s.touched |= {"stand-ins", *(s.label(f) for f in put if f.entry.key in missing)}
    return done


def _labels(s: _Sentence, put: Sequence[Found], keys: set[str]) -> set[str]:
    return {s.label(f) for f in put if f.entry.key in keys}


def _alone(french: str, f: Found) -> str:
    """The French sent alone for an occurrence: a common noun with its article, as in
    running text (« escalade » alone is the verb "Scale"; « l'escalade », "The climbing")."""
    text = french[f.start : f.end]
    if is_name(f.entry) or f.adjective or not text[:1].isalpha():
        return text
    context = french[: f.start]
    if occurrence_plural(text, context):
        return f"les {text}"
    if text[:1].lower() in "aeiouyhàâéèêëîïôûü":
        return f"l'{text}"
    return f"{'la' if gender(text, context) == 'f' else 'le'} {text}"


def _without_article(sent: str, english_text: str) -> str:
    """The engine's English of ``sent`` without the article ``_alone`` put before it."""
    if not sent.startswith(("le ", "la ", "les ", "l'")):
        return english_text
    return re.sub(r"^(\W*)(?:[Tt]he|THE)\s+", r"\1", english_text, count=1)


def _engines_english(s: _Sentence, put: Sequence[Found]) -> dict[tuple[int, int], str]:
    """For the general glossary's terms the raw English already had, that English,
    occurrence by occurrence: protected so that re-translation cannot lose them, they come
    back as the engine wrote them ("deputies" stays), not as the glossary's main English.
    Your terms and the article's come back in their main English, as you wrote them."""
    missing = {e.key for e in _missing(put, s.raw, s.french)}
    out: dict[tuple[int, int], str] = {}
    by_entry: dict[str, list[Found]] = {}
    for f in put:
        if f.entry.key not in missing and f.entry.origin == "general":
            by_entry.setdefault(f.entry.key, []).append(f)
    loose = _any_case(put, s.french)
    for key, occ in by_entry.items():
        hits = english.spans(occ[0].entry, s.raw, exact_case=True, any_case=key in loose)
        for f, (a, b) in zip(occ, hits, strict=False):
            out[(f.start, f.end)] = s.raw[a:b]
    for f in put:
        if (f.start, f.end) not in out and _lower_case(f, s.french):
            lowered = _cased_as_french(s.french, f, _english(s.french, f))
            if lowered != _english(s.french, f):
                out[(f.start, f.end)] = lowered
    return out


def _cased_as_french(french: str, f: Found, english_text: str) -> str:
    """The general glossary's English in lower case where the French writes the term so
    (« le premier-ministre » → "prime minister", not "Prime Minister"); acronyms stay."""
    words = english_text.split(" ")
    if not _lower_case(f, french) or not all(w[:1].isupper() for w in words):
        return english_text  # (not "American policy": only a title's capitals go)
    return " ".join(w if sum(c.isupper() for c in w) > 1 else w.lower() for w in words)


def _recased(
    text: str, found: Sequence[Found], french: str, touched: set[str] | None = None
) -> str:
    """``text`` with the glossary's capitals on English the engine wrote in the wrong case
    ("European central Bank" → "European Central Bank", "president of the Republic" →
    "President of the Republic"): the same length, so unknown-word offsets still hold.
    Not where the French writes the term in lower case (``_lower_case``)."""
    loose = _any_case(found, french)
    for f in {f.entry.key: f for f in found}.values():
        if f.entry.key in loose or not any(c.isupper() for form in f.entry.en_forms for c in form):
            continue
        exact = set(english.spans(f.entry, text, exact_case=True))
        for a, b in english.spans(f.entry, text):
            if (a, b) not in exact:
                new = _with_capitals(text[a:b], f.entry.en_forms)
                if touched is not None and new != text[a:b]:
                    touched.add(entry_label(f.entry))
                text = text[:a] + new + text[b:]
    return text


def _with_capitals(found: str, forms: Sequence[str]) -> str:
    """``found`` with each word capitalised as in the form of as many words that fits it."""
    words = found.split(" ")
    for form in forms:
        wanted = form.split(" ")
        if len(wanted) == len(words) and all(
            english.singular(w.lower()) == english.singular(x.lower())
            for w, x in zip(wanted, words, strict=True)
        ):
            return " ".join(_cased(x, w) for w, x in zip(wanted, words, strict=True))
    return found


def _cased(word: str, model: str) -> str:
    """``word`` with the capitals of ``model``, the same word perhaps in another number."""
    if model.isupper() and len(model) > 1:
        return word[: len(model)].upper() + word[len(model) :]  # NATO, MPs
    return word[:1].upper() + word[1:] if model[:1].isupper() else word


def _english(french: str, f: Found) -> str:
    """The glossary's English for one occurrence (as ``protect`` gives it to a stand-in)."""
    before = french[: f.start]
    adjective = f.adjective or used_as_adjective(f.entry, before)
    return occurrence_english(f.entry, french[f.start : f.end], adjective, before)


def _splice_items(s: _Sentence, put: Sequence[Found]) -> list[Found]:
    """The occurrences to splice: those of the entries missing from the raw English, when
    none of their occurrences is there (else the stand-ins sort them out: [])."""
    missing = {e.key for e in _missing(put, s.raw, s.french)}
    items = [f for f in put if f.entry.key in missing]
    loose = _any_case(put, s.french)
    if any(_present(f.entry, s.raw, f.entry.key in loose) or f.adjective for f in items):
        return []  # an adjective's place differs in English (« travailleurs migrants »)
    return items


def _sound(s: _Sentence, p: Protected, result: str | None) -> str | None:
    """``result``, unless it has French left in or lost words the raw English had."""
    if result is None:
        return None
    parsed = marked.parse(result)
    terms = [(a, b) for _, a, b in parsed.terms]
    holes = [u for u in parsed.unknown if not any(a < u[1] and u[0] < b for a, b in terms)]
    sizes = [len(checks.words(s.french[f.start : f.end])) for f in p.found]
    if checks.french_left(s.french, s.raw, s.unknown, parsed.text, holes, terms):
        return None
    if checks.word_lost(s.raw, parsed.text, terms, sizes):
        return None
    return result


# ---------------------------------------------------------------- the terms of each sentence


def _annotate(
    tr: BlockTranslation,
    sentences: Sequence[_Sentence],
    done: Mapping[tuple[int, int], _Done],
    bi: int,
) -> BlockTranslation:
    texts: list[str] = []
    terms: list[tuple[TermSpan, ...]] = []
    unknown: list[tuple[Span, ...]] = []
    for s in sentences:
        job = done.get((bi, s.index))
        spans: list[TermSpan] = []
        taken: list[Span] = []
        if job is not None and job.marked is not None:
            parsed = marked.parse(job.marked)
            for n, a, b in parsed.terms:
                taken.append((a, b))
                if job.found[n].entry.origin != NAME_ORIGIN:
                    spans.append(TermSpan(job.found[n].entry.key, a, b, "enforced"))
            # Unknown words the enforced sentence still has, outside inserted terms.
            holes = tuple(
                u for u in parsed.unknown if not any(a < u[1] and u[0] < b for a, b in taken)
            )
            rest = _remaining(s.found, [job.found[n] for n, _, _ in parsed.terms])
            text = parsed.text
        else:
            text, holes, rest = s.raw, s.unknown, list(s.found)
        spans += _kept_or_failed(rest, text, taken, s.french)
        texts.append(text)
        terms.append(tuple(sorted(spans, key=lambda t: (t.start is None, t.start or 0))))
        unknown.append(holes)
    if not sentences:
        return tr
    return replace(tr, sentences=tuple(texts), terms=tuple(terms), unknown=tuple(unknown))


def _remaining(found: Sequence[Found], done: Sequence[Found]) -> list[Found]:
    done_set = {(f.start, f.end) for f in done}
    return [f for f in found if (f.start, f.end) not in done_set]


def _kept_or_failed(
    found: Sequence[Found], text: str, taken: list[Span], french: str = ""
) -> list[TermSpan]:
    """Terms the engine's English has (kept) or lacks (failed), occurrence for occurrence;
    a term that is only marked (``enforce = false``) is kept or left out, never failed.

    Where the English has more of an entry than the French (« Bruno Le Maire » →
    "Bruno The Mayor … the mayor"), each occurrence gets the English nearest its own
    place in the sentence, not merely the first.
    """
    out: list[TermSpan] = []
    by_entry: dict[str, list[Found]] = {}
    for f in found:
        by_entry.setdefault(f.entry.key, []).append(f)
    loose = _any_case(found, french)
    for key, occ in by_entry.items():
        hits = [
            (a, b)
            for a, b in english.spans(occ[0].entry, text, exact_case=True, any_case=key in loose)
            if not any(a < y and x < b for x, y in taken)
        ]
        if len(hits) > len(occ) and french and text:
            hits = _nearest(occ, hits, len(french), len(text))
        for i in range(len(occ)):
            if i < len(hits):
                out.append(TermSpan(key, hits[i][0], hits[i][1], "kept"))
                taken.append(hits[i])
            elif occ[i].entry.enforce:
                out.append(TermSpan(key, None, None, "failed"))
    return out


def _nearest(
    occ: Sequence[Found], hits: list[Span], french_size: int, english_size: int
) -> list[Span]:
    """For each occurrence in order, the unused English hit nearest its relative place."""
    chosen: list[Span] = []
    left = list(hits)
    for f in occ:
        where = f.start / french_size
        best = min(left, key=lambda h: abs(h[0] / english_size - where))
        chosen.append(best)
        left.remove(best)
    return sorted(chosen)
