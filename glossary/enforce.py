"""Glossary enforcement: machine English that uses the glossary's English for its terms.

For every machine engine (a sentence engine: apertium, argos):

1. The raw translation comes first (cached as always).
2. Each sentence whose French holds a glossary term and whose English lacks the
   term's English (main form or alias, English inflection) is sent again with the
   terms *protected* (all the sentence's terms: the new English must not lose one
   the raw English had): each replaced by a stand-in the engine translates
   predictably — a real French noun of the term's gender and number (« perroquets »
   → "parrots"), which the engine inflects, orders and gives articles like any noun
   (names too: "the American Federal Reserve", where a nonsense word would stay put);
   a French adjective where the term is used as one (« contexte géopolitique »);
   capitalised nonsense words only when a sentence has more terms than nouns.
   Elided « l’ », « d’ » before a stand-in are written out (le/la, de; « de le » → du).
   Only those sentences go, all in one batched call, cached under the text sent,
   so editing a glossary never serves stale English: the English is put in after.
3. Each stand-in's English is replaced by the glossary's English (in the number the
   French had: « les taux » is plural, « le taux » not, by the determiner), then "the"
   before names, a/an and the sentence's capital are repaired. A longer French form
   lends the English only a first name (« Vladimir Poutine »), never the entry's own
   French (« Congrès américain » → "Congress"); a first name already in the French
   before a name is taken into its occurrence, and words the engine wrote beside the
   term that repeat its English are dropped ("Vladimir Vladimir Putin" never shows).
4. If a stand-in is lost or duplicated, the raw sentence stays and the term is
   flagged ``failed``: stand-in text never reaches the reader.

Every sentence then carries its terms (``enforced``, ``kept`` or ``failed``) and
the engine's unknown words as offsets in its English (``reader.translation``).

With the stand-in Argos model (random weights) the tests prove the plumbing —
fallback, flagging, caching — not the quality of what a real model would give.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from glossary import english
from glossary.match import find, fold, strip_elision
from glossary.model import Entry
from reader.article import Article, Block
from reader.cache import Cache
from reader.engines import marks
from reader.engines.base import Engine, SentenceEngine
from reader.translation import BlockTranslation, TermSpan, translate_marked_cached


def entries_for(article: Article) -> list[Entry]:
    """The glossary entries enforced for ``article``: the user's, the article's and the
    general news glossary, highest priority first (``glossary.sources.load_stack``)."""
    from glossary.sources import load_stack

    return load_stack(article)


def enforceable(engine: Engine) -> bool:
    """Machine engines translate sentence by sentence; reference and none are left alone."""
    return isinstance(engine, SentenceEngine)


# ---------------------------------------------------------------- stand-ins


@dataclass(frozen=True)
class StandIn:
    """A French word the engine translates predictably, and the English it becomes."""

    singular: str
    plural: str
    english: tuple[str, ...]  # English forms to look for, longest first


def _noun(sg: str, pl: str, en: str, en_pl: str) -> StandIn:
    return StandIn(sg, pl, (en_pl, en))


# Checked through Apertium fr→es→en: each comes out as its English, in number.
NOUNS = {
    "m": (
        _noun("perroquet", "perroquets", "parrot", "parrots"),
        _noun("pingouin", "pingouins", "penguin", "penguins"),
        _noun("zèbre", "zèbres", "zebra", "zebras"),
        _noun("violon", "violons", "violin", "violins"),
        _noun("champignon", "champignons", "mushroom", "mushrooms"),
        _noun("pinceau", "pinceaux", "paintbrush", "paintbrushes"),
    ),
    "f": (
        _noun("banane", "bananes", "banana", "bananas"),
        _noun("carotte", "carottes", "carrot", "carrots"),
        _noun("guitare", "guitares", "guitar", "guitars"),
        _noun("grenouille", "grenouilles", "frog", "frogs"),
        _noun("baleine", "baleines", "whale", "whales"),
        _noun("fraise", "fraises", "strawberry", "strawberries"),
    ),
}
ADJECTIVES = (
    StandIn("cubique", "cubiques", ("cubic",)),
    StandIn("sphérique", "sphériques", ("spherical",)),
    StandIn("volcanique", "volcaniques", ("volcanic",)),
    StandIn("polaire", "polaires", ("polar",)),
)
NAMES = tuple(
    StandIn(n, n, (n,))
    for n in ("Zorvek", "Kralvon", "Blorvak", "Quendrix", "Vultaro", "Drimmel", "Pessarin")
)
ALL_STAND_INS = (*NOUNS["m"], *NOUNS["f"], *ADJECTIVES, *NAMES)

_FEMININE_ENDINGS = (
    "ion", "té", "ade", "ure", "ie", "ique", "ance", "ence", "ette", "elle", "esse", "ée",
    "ise", "ine", "aine", "oire", "euse", "trice", "ode", "ude", "ite", "ière", "tte", "rie", "sse",
)  # fmt: skip
_MASCULINE_DETERMINERS = {
    "le",
    "un",
    "ce",
    "cet",
    "du",
    "au",
    "son",
    "mon",
    "ton",
    "notre",
    "votre",
}
_FEMININE_DETERMINERS = {"la", "une", "cette", "sa", "ma", "ta"}
_FUNCTION_WORDS = {
    *_MASCULINE_DETERMINERS, *_FEMININE_DETERMINERS, "les", "des", "aux", "ces", "ses", "mes",
    "tes", "leur", "leurs", "nos", "vos", "de", "à", "en", "et", "ou", "sur", "dans", "par",
    "pour", "avec", "sans", "entre", "vers", "chez", "contre", "sous", "plus", "très", "d", "l",
    "qu", "que", "nouvelle", "nouveau", "nouveaux", "nouvelles", "grand", "grande", "petit",
    "petite", "premier", "première", "dernier", "dernière", "seul", "seule", "autre", "toute",
    "tout", "tous", "toutes", "même", "aucun", "aucune", "chaque", "quelque", "quelques", "deux",
    "trois", "plusieurs", "certains", "certaines", "ne", "pas", "est", "sont", "a", "ont", "y",
}  # fmt: skip
_ADJECTIVAL_ENDINGS = ("al", "ic", "ical", "an", "ian", "ese", "ish", "ary", "ive", "ous")
_NAME_THE_HEADS = {
    "house", "states", "kingdom", "union", "nations", "bank", "commission", "council",
    "parliament", "court", "ministry", "senate", "assembly", "republic", "office", "department",
    "fund", "agency", "forces", "emirates", "alliance", "organization", "organisation", "party",
    "army", "navy", "government", "treasury", "reserve", "front", "guard", "netherlands",
    "philippines", "kremlin", "pentagon", "vatican", "hague", "élysée", "elysee",
}  # fmt: skip
_ELIDED = re.compile(r"(?<!\w)(l|d|qu|jusqu|lorsqu|puisqu)['’]\s*$", re.IGNORECASE)
_SHORT_BEFORE_VOWEL = {"cet": "ce", "nouvel": "nouveau", "bel": "beau", "vieil": "vieux"}


def _head(text: str) -> str:
    return text.split()[0] if text.split() else text


def french_plural(text: str) -> bool:
    """Whether a French noun phrase is plural, by its first (head) word."""
    head = _head(text).lower()
    return (
        len(head) > 3
        and head.endswith(("s", "x"))
        and not head.endswith(("ss", "us", "ès", "ys", "aix", "oix", "rix", "ois"))
    )


_PLURAL_DETERMINERS = {
    "les", "des", "ces", "mes", "tes", "ses", "nos", "vos", "leurs", "aux", "plusieurs",
    "quelques", "certains", "certaines", "divers", "diverses", "nombreux", "nombreuses",
    "deux", "trois", "quatre", "cinq", "six", "dix", "cent", "mille", "tous", "toutes",
}  # fmt: skip
_SINGULAR_DETERMINERS = {
    "le", "la", "l", "un", "une", "ce", "cet", "cette", "du", "au", "mon", "ton", "son",
    "ma", "ta", "sa", "notre", "votre", "leur", "chaque", "quel", "quelle",
}  # fmt: skip


def _invariable_looking(text: str) -> bool:
    """A head ending in -s, -x or -z may be singular or plural (taux, prix, pays, temps)."""
    return _head(text).lower().endswith(("s", "x", "z"))


def occurrence_plural(text: str, before: str) -> bool:
    """Whether one occurrence is plural: « les taux d’intérêt » yes, « le taux » no.

    A head that is the same in both numbers takes its number from the determiner
    before it (the nearest of the last two words); other heads from their ending.
    """
    if _invariable_looking(text):
        for word in reversed(re.findall(r"\w+", before.lower())[-2:]):
            if word in _PLURAL_DETERMINERS:
                return True
            if word in _SINGULAR_DETERMINERS:
                return False
    return french_plural(text)


def entry_plural(entry: Entry) -> bool:
    """The number of the entry's own French: for « taux d’intérêt », whose head is the
    same in both numbers, the number of its English ("interest rate")."""
    if _invariable_looking(entry.fr):
        return english.is_plural(entry.en)
    return french_plural(entry.fr)


def _gender(text: str, before: str) -> str:
    words = re.findall(r"\w+", before.lower())
    if words and words[-1] in _FEMININE_DETERMINERS:
        return "f"
    if words and words[-1] in _MASCULINE_DETERMINERS:
        return "m"
    head = _head(text).lower().rstrip("sx")
    return "f" if head.endswith(_FEMININE_ENDINGS) else "m"


def is_name(entry: Entry) -> bool:
    return entry.fr[:1].isupper() and entry.en[:1].isupper()


def takes_the(entry: Entry) -> bool:
    """Whether a name takes "the" in English: the glossary's word, else its last word's kind."""
    if entry.the:
        return True
    words = entry.en.split()
    return bool(words) and words[-1].lower() in _NAME_THE_HEADS


def _adjectival_english(entry: Entry) -> str:
    if entry.en_adj:
        return entry.en_adj
    return next((a for a in entry.en_aliases if a.lower().endswith(_ADJECTIVAL_ENDINGS)), "")


def _used_as_adjective(entry: Entry, before: str) -> bool:
    """``contexte géopolitique``: a one-word term right after a noun, not a determiner."""
    if is_name(entry) or " " in entry.fr or not _adjectival_english(entry):
        return False
    words = re.findall(r"[\w’']+|[^\w\s]", before)
    return bool(words) and words[-1][0].isalpha() and words[-1].lower() not in _FUNCTION_WORDS


def english_for(entry: Entry, french: str, adjective: bool, before: str = "") -> str:
    """The glossary's English for one French occurrence, in the occurrence's number
    (``before``: the sentence up to the occurrence, for its determiner)."""
    if adjective:
        return _adjectival_english(entry)
    if is_name(entry):
        return english.of_longer_form(entry, french)
    want_plural = occurrence_plural(french, before)
    if want_plural == entry_plural(entry):
        return entry.en
    wanted = english.inflect(entry.en, want_plural)
    alias = next((a for a in entry.en_aliases if a.lower() == wanted.lower()), None)
    return alias or wanted


# ---------------------------------------------------------------- occurrences


@dataclass(frozen=True)
class Found:
    """One occurrence of an entry in a sentence's French: characters ``start:end`` of the sentence."""

    entry: Entry
    start: int
    end: int


_WORDS = re.compile(r"\w+")


class PrefixIndex:
    """Entries by the first three letters of their forms' first words (folded).

    The French matcher's plural rules only change a word's last letters, so an entry
    can only occur in a block holding a word that starts like one of its forms: a
    book's blocks are matched against a handful of entries, not the whole glossary.
    """

    def __init__(self, entries: Sequence[Entry]) -> None:
        self._by_prefix: dict[str, list[Entry]] = {}
        for entry in entries:
            for form in entry.forms:
                words = _WORDS.findall(fold(strip_elision(form)))
                if words:
                    bucket = self._by_prefix.setdefault(words[0][:3], [])
                    if entry not in bucket:
                        bucket.append(entry)

    def candidates(self, text: str) -> list[Entry]:
        prefixes = {w[:3] for w in _WORDS.findall(fold(text))}
        seen: dict[str, Entry] = {}
        for prefix in prefixes & self._by_prefix.keys():
            for entry in self._by_prefix[prefix]:
                seen.setdefault(entry.key, entry)
        return list(seen.values())


def sentence_occurrences(
    entries: Sequence[Entry], block: Block, index: PrefixIndex | None = None
) -> list[list[Found]]:
    """Per sentence of ``block``, the outermost term occurrences (the longest entry wins)."""
    entries = index.candidates(block.text) if index is not None else entries
    found = find(entries, [(block.index, block.text)])
    by_key = {e.key: e for e in entries}
    spans = sorted(
        ((o.start, o.end, by_key[key]) for key, occ in found.items() for o in occ),
        key=lambda t: (t[0], -(t[1] - t[0])),
    )
    kept: list[tuple[int, int, Entry]] = []
    for start, end, entry in spans:
        if kept and start < kept[-1][1]:
            continue
        kept.append((start, end, entry))
    kept = [(_widened(block.text, start, entry, kept), end, entry) for start, end, entry in kept]
    out: list[list[Found]] = [[] for _ in block.sentences]
    for start, end, entry in kept:
        for i, s in enumerate(block.sentences):
            if s.start <= start and end <= s.end:
                out[i].append(Found(entry, start - s.start, end - s.start))
                break
    return out


def _widened(text: str, start: int, entry: Entry, kept: Sequence[tuple[int, int, Entry]]) -> int:
    """Where a name's occurrence starts once the French words right before it that
    begin its English are taken in: « Vladimir » before « Poutine » when the English is
    "Vladimir Putin", so the English is put in once, not after a second « Vladimir »."""
    if not is_name(entry):
        return start
    words = entry.en.split()[:-1]
    before = fold(text[:start])
    for k in range(len(words), 0, -1):
        m = re.search(
            r"(?<!\w)" + r"\s+".join(re.escape(fold(w)) for w in words[:k]) + r"\s+$", before
        )
        if m is not None and not any(a < start and m.start() < b for a, b, _ in kept if a != start):
            return m.start()
    return start


def _missing(found: Sequence[Found], text: str) -> list[Entry]:
    """Entries whose English occurs fewer times in ``text`` than the entry does in the French."""
    counts: dict[str, int] = {}
    for f in found:
        counts[f.entry.key] = counts.get(f.entry.key, 0) + 1
    entries = {f.entry.key: f.entry for f in found}
    return [entries[k] for k, n in counts.items() if len(english.spans(entries[k], text)) < n]


# ---------------------------------------------------------------- protecting a sentence


@dataclass(frozen=True)
class Protected:
    """A sentence with stand-ins, and for each stand-in the occurrence and English it stands for."""

    text: str
    stand_ins: tuple[StandIn, ...]
    found: tuple[Found, ...]
    english: tuple[str, ...]


def protect(sentence: str, found: Sequence[Found], protect_keys: set[str]) -> Protected:
    """Replaces the occurrences of ``protect_keys`` by stand-ins absent from the sentence."""
    folded = sentence.lower()
    used: set[str] = set()
    pieces: list[str] = []
    stand_ins: list[StandIn] = []
    protected: list[Found] = []
    english_forms: list[str] = []
    pos = 0
    for f in found:
        if f.entry.key not in protect_keys:
            continue
        before = sentence[pos : f.start]
        context = sentence[: f.start]
        french = sentence[f.start : f.end]
        adjective = _used_as_adjective(f.entry, context)
        plural = occurrence_plural(french, context)
        if adjective:
            pool, gender = ADJECTIVES, "m"
        else:
            # Names too: a noun gets Apertium's word order ("the American Federal Reserve").
            gender = _gender(french, context)
            pool = (*NOUNS[gender], *NOUNS["f" if gender == "m" else "m"], *NAMES)
        stand_in = next(
            (s for s in pool if s.singular not in used and s.singular.lower() not in folded), None
        )
        if stand_in is None:
            continue  # more terms than stand-ins: this one stays unprotected
        used.add(stand_in.singular)
        pieces.append(_before_stand_in(before, gender))
        pieces.append(stand_in.plural if plural else stand_in.singular)
        stand_ins.append(stand_in)
        protected.append(f)
        english_forms.append(english_for(f.entry, french, adjective, context))
        pos = f.end
    pieces.append(sentence[pos:])
    return Protected("".join(pieces), tuple(stand_ins), tuple(protected), tuple(english_forms))


def _before_stand_in(before: str, gender: str) -> str:
    """Elided and pre-vowel forms written out: l’ → le/la, d’ → de, de le → du, cet → ce."""
    m = _ELIDED.search(before)
    if m is not None:
        word = m.group(1)
        full = {"l": "le" if gender == "m" else "la", "d": "de"}.get(word.lower(), word + "e")
        if word[0].isupper():
            full = full.capitalize()
        head = before[: m.start()]
        if full == "le" and re.search(r"(?<!\w)de\s+$", head):
            return re.sub(r"de\s+$", "du ", head)
        if full == "le" and re.search(r"(?<!\w)à\s+$", head):
            return re.sub(r"à\s+$", "au ", head)
        return f"{head}{full} "
    m = re.search(r"(?<!\w)(\w+)\s+$", before)
    if m is not None and m.group(1).lower() in _SHORT_BEFORE_VOWEL:
        long = _SHORT_BEFORE_VOWEL[m.group(1).lower()]
        if m.group(1)[0].isupper():
            long = long.capitalize()
        return f"{before[: m.start(1)]}{long} "
    return before


# ---------------------------------------------------------------- putting the English in

_AN_LETTERS = "AEFHILMNORSX"  # letter names that start with a vowel sound: an FBI, an MP


def _article_for(word: str) -> str:
    if word[:1].isupper() and word.isupper() and len(word) > 1:
        return "an" if word[0] in _AN_LETTERS else "a"
    lower = word.lower()
    if lower.startswith(("uni", "use", "usu", "eu", "one", "ukr")):
        return "a"
    if lower.startswith(("hour", "honest", "honour", "honor", "heir")):
        return "an"
    return "an" if lower[:1] in "aeiou" else "a"


def insert(marked: str, protected: Protected) -> str | None:
    """The enforced marked English, or None when a stand-in was lost or duplicated."""
    text = marked
    for n, (stand_in, f, en) in enumerate(
        zip(protected.stand_ins, protected.found, protected.english, strict=True)
    ):
        forms = "|".join(re.escape(e) for e in stand_in.english)
        pattern = re.compile(
            rf"{marks.UNKNOWN_OPEN}?(?<![\w])(?:{forms})(?![\w]){marks.UNKNOWN_CLOSE}?",
            re.IGNORECASE,
        )
        hits = list(pattern.finditer(text))
        if len(hits) != 1:
            return None
        cut = hits[0].start()
        if is_name(f.entry):
            the = re.search(r"(?<!\w)[Tt]he $", text[:cut])
            if the is not None and not takes_the(f.entry):
                cut = the.start()  # "the NATO" → "NATO"
        head, tail = _without_repeats(text[:cut], text[hits[0].end() :], en)
        text = head + marks.term(n, en) + tail
    clean = marks.strip(text)
    if any(_stand_in_pattern(s).search(clean) for s in protected.stand_ins):
        return None  # defensive: stand-in text must never reach the reader
    return _repair(text)


def _without_repeats(head: str, tail: str, en: str) -> tuple[str, str]:
    """Drops words the engine already wrote on either side of an inserted term that
    repeat the term's own first or last words ("Vladimir" + "Vladimir Putin")."""
    words = en.split()
    for k in range(len(words), 0, -1):
        lead = r"\s+".join(re.escape(w) for w in words[:k])
        m = re.search(rf"(?<![\w]){lead}\s+$", head, re.IGNORECASE)
        if m is not None:
            head = head[: m.start()]
            break
    for k in range(len(words), 0, -1):
        trail = r"\s+".join(re.escape(w) for w in words[-k:])
        m = re.match(rf"\s+{trail}(?![\w])", tail, re.IGNORECASE)
        if m is not None:
            tail = tail[m.end() :]
            break
    return head, tail


def _stand_in_pattern(stand_in: StandIn) -> re.Pattern[str]:
    forms = "|".join(re.escape(e) for e in stand_in.english)
    return re.compile(rf"(?<![\w])(?:{forms})(?![\w])", re.IGNORECASE)


_TERM_AFTER_ARTICLE = re.compile(
    rf"(?<![\w])([Aa]n?) ({marks.TERM_OPEN}\d+{marks.TERM_SEP})(\W*)(\w+)"
)
_INITIAL_TERM = re.compile(rf"^([\W]*?{marks.TERM_OPEN}\d+{marks.TERM_SEP}[\W]*?)([a-z])")


def _repair(text: str) -> str:
    """a/an before inserted terms, and a capital when a term starts the sentence."""

    def article(m: re.Match[str]) -> str:
        wanted = _article_for(m.group(4))
        if m.group(1)[0].isupper():
            wanted = wanted.capitalize()
        return f"{wanted} {m.group(2)}{m.group(3)}{m.group(4)}"

    text = _TERM_AFTER_ARTICLE.sub(article, text)
    return _INITIAL_TERM.sub(lambda m: m.group(1) + m.group(2).upper(), text)


# ---------------------------------------------------------------- the whole pass


@dataclass(frozen=True)
class _Job:
    block: int
    sentence: int
    protected: Protected


def apply(
    engine: Engine,
    blocks: Sequence[Block],
    translations: Sequence[BlockTranslation],
    entries: Sequence[Entry],
    cache: Cache | None = None,
    enforce: bool = True,
) -> list[BlockTranslation]:
    """``translations`` with terms marked, and (``enforce``) missing terms put in."""
    if not enforceable(engine) or not entries:
        return list(translations)
    assert isinstance(engine, SentenceEngine)
    index = PrefixIndex(entries)
    occurrences = [sentence_occurrences(entries, b, index) for b in blocks]
    jobs: list[_Job] = []
    if enforce:
        for bi, (block, tr) in enumerate(zip(blocks, translations, strict=True)):
            for si, (s, en) in enumerate(zip(block.sentences, tr.sentences, strict=True)):
                missing = _missing(occurrences[bi][si], en)
                if missing:
                    # Protect every term of the sentence, not only the missing ones: the
                    # new English may lose a term the raw one had (measured: strict accuracy
                    # 0.90 protecting only missing terms, 0.97 protecting all).
                    keys = {f.entry.key for f in occurrences[bi][si]}
                    p = protect(s.text, occurrences[bi][si], keys)
                    if p.stand_ins:
                        jobs.append(_Job(bi, si, p))
    results = (
        translate_marked_cached(engine, [j.protected.text for j in jobs], cache) if jobs else []
    )
    enforced = {
        (j.block, j.sentence): (j.protected, insert(m, j.protected))
        for j, m in zip(jobs, results, strict=True)
    }
    return [
        _annotate(tr, occurrences[bi], enforced, bi, [len(x.text) for x in blocks[bi].sentences])
        for bi, tr in enumerate(translations)
    ]


def _annotate(
    tr: BlockTranslation,
    occurrences: list[list[Found]],
    enforced: dict[tuple[int, int], tuple[Protected, str | None]],
    bi: int,
    french_lengths: Sequence[int],
) -> BlockTranslation:
    sentences: list[str] = []
    terms: list[tuple[TermSpan, ...]] = []
    unknown: list[tuple[tuple[int, int], ...]] = []
    for si, raw in enumerate(tr.sentences):
        job = enforced.get((bi, si))
        if job is not None and job[1] is not None:
            parsed = marks.parse(job[1])
            protected = job[0]
            spans = [
                TermSpan(protected.found[n].entry.key, a, b, "enforced") for n, a, b in parsed.terms
            ]
            taken = [(s.start, s.end) for s in spans]
            # Unknown words the enforced sentence still has, outside inserted terms.
            holes = tuple(
                u for u in parsed.unknown if not any(a < u[1] and u[0] < b for a, b in taken)
            )
            rest = _remaining(occurrences[si], [protected.found[n] for n, _, _ in parsed.terms])
            text = parsed.text
        else:
            text, holes, rest, spans, taken = (
                raw,
                tr.sentence_unknown(si),
                list(occurrences[si]),
                [],
                [],
            )
        size = french_lengths[si] if si < len(french_lengths) else 0
        spans += _kept_or_failed(rest, text, taken, size)
        sentences.append(text)
        terms.append(tuple(sorted(spans, key=lambda t: (t.start is None, t.start or 0))))
        unknown.append(holes)
    return replace(tr, sentences=tuple(sentences), terms=tuple(terms), unknown=tuple(unknown))


def _remaining(found: Sequence[Found], done: Sequence[Found]) -> list[Found]:
    done_set = {(f.start, f.end) for f in done}
    return [f for f in found if (f.start, f.end) not in done_set]


def _kept_or_failed(
    found: Sequence[Found], text: str, taken: list[tuple[int, int]], french_size: int = 0
) -> list[TermSpan]:
    """Terms the engine's English has (kept) or lacks (failed), occurrence for occurrence.

    Where the English has more of an entry than the French (« Bruno Le Maire » →
    "Bruno The Mayor … the mayor"), each occurrence gets the English nearest its own
    place in the sentence, not merely the first.
    """
    out: list[TermSpan] = []
    by_entry: dict[str, list[Found]] = {}
    for f in found:
        by_entry.setdefault(f.entry.key, []).append(f)
    for key, occ in by_entry.items():
        hits = [
            (a, b)
            for a, b in english.spans(occ[0].entry, text)
            if not any(a < y and x < b for x, y in taken)
        ]
        if len(hits) > len(occ) and french_size and text:
            hits = _nearest(occ, hits, french_size, len(text))
        for i in range(len(occ)):
            if i < len(hits):
                out.append(TermSpan(key, hits[i][0], hits[i][1], "kept"))
                taken.append(hits[i])
            else:
                out.append(TermSpan(key, None, None, "failed"))
    return out


def _nearest(
    occ: Sequence[Found], hits: list[tuple[int, int]], french_size: int, english_size: int
) -> list[tuple[int, int]]:
    """For each occurrence in order, the unused English hit nearest its relative place."""
    chosen: list[tuple[int, int]] = []
    left = list(hits)
    for f in occ:
        where = f.start / french_size
        best = min(left, key=lambda h: abs(h[0] / english_size - where))
        chosen.append(best)
        left.remove(best)
    return sorted(chosen)
