"""Names are never translated: the capitalised words of a sentence that the engine's English
lost come back verbatim, unless a glossary gives their English or the engine knows
them as a place or an organisation with an English name of its own.

A *candidate* is a run of capitalised words (« Enrique Pena Nieto », « Le Maire »)
not covered by a glossary entry, some word of which the raw English lacks verbatim.
A run's first word at the very start of a sentence is a name only where spaCy tags
it as a person, place or organisation and as a proper noun, and the engine does not
read it as a verb: a capitalised word there is not a name by itself. Each word of a
candidate is then judged; the words judged names (with the particles between them)
are put back verbatim:

1. a person's name: the engine's analyser reads it as one (``np:ant``, « Pierre »,
   « Lee »), or spaCy tags it as part of a person's name and as a proper noun, or as
   a later word of the name (« Laurent Blanc », « Bruno Le Maire »; but not a title
   before a name, « le Roi Mswati », nor « le Pape »);
2. the engine, on the word alone, gives it back unchanged up to case (« Santos »,
   « YouTube »), or gives back an unknown word with the same letters (« Québec »);
3. the engine does not know the word in French but its English comes out different:
   the pivot language translated it (« Nieto » → "Grandson"), unless it is an
   acronym both languages share (« VIH » → HIV, « URSS » → USSR);
4. the engine's analyser reads it only as a verb (« Dallas »);
5. the analyser knows it as another proper noun (a place, an organisation): its
   English is the engine's (« Israël » → Israel, « Londres » → London), unless that
   English is the pivot's unknown form differing by more than the last letter
   (« Bordeaux » → "Burdeos", « Kyoto » → "Kioto": verbatim; but « Sibérie » →
   Siberia);
6. otherwise (a common noun or an adjective: « Université », « Norvégiens ») it is
   the engine's to translate.

Rules 1 (the analyser's part), 4 and 5 need an engine that can say how its analyser
reads a word (Apertium); rule 3 one that marks unknown words. Another engine gets
rules 1 (spaCy) and 2.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from functools import lru_cache
from importlib import resources

from glossary.match import fold
from reader.engines import marked
from reader.nlp.analysis import Token

Span = tuple[int, int]
_TOKEN = re.compile(
    r"\b(?:[LlDdJjMmNnTtSsCc]|[Qq]u|[Jj]usqu|[Ll]orsqu|[Pp]uisqu)['’](?=[^\W\d_])"
    r"|[^\W\d_][\w-]*(?:['’][^\W\d_]+)?|\d[\w.,]*|\S"
)
_OPENERS = frozenset('«"“‘(:—–-[')
_PARTICLES = frozenset("de du des la le van von der den di da del dos bin ben ibn al el".split())
_FOREIGN_PARTICLES = _PARTICLES - {"de", "du", "des", "la", "le"}
"""Particles French does not have: a name holding one is in another language (« Valle del Bravo »)."""
_ARTICLES = frozenset("le la les l' l’ un une du des au aux".split())
_CLOSERS = {"«": "»", "“": "”", '"': '"', "(": ")", "[": "]", "‘": "’"}
_SHORT = 4
"""Words at most in a quotation or a bracket that names something rather than opening
a clause (« la série "Dallas" », « Arecibo (Puerto Rico) », « "La Notte" »)."""
_MODIFIERS = frozenset({"adj", "det", "num"})
_ROMAN = re.compile(r"[IVXLCDM]+(?:e|er|re|ème)?")
_PEOPLE = frozenset({"np:ant", "np:cog"})  # Apertium's first names and surnames
_VERBS = frozenset({"vblex", "vbser", "vbhaver", "vbmod", "vaux"})
_NAMED = frozenset({"PER", "LOC", "ORG"})
_CLOSED = frozenset("det prn pr cnjcoo cnjsub cnjadv rel adv predet preadv".split())
"""Parts of speech of French's closed classes: never a word of a name in another language
(« LOL LOL LOL Cet article »: the « Cet » is French)."""


@lru_cache(maxsize=1)
def _table() -> tuple[tuple[str, str, bool], ...]:
    """(French, English, put back) of ``glossary/data/places.tsv``."""
    text = resources.files("glossary").joinpath("data", "places.tsv").read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        if line and not line.startswith("#") and "\t" in line:
            cells = [c.strip() for c in line.split("\t")]
            out.append((cells[0], cells[1], cells[2:3] != ["keep"]))
    return tuple(out)


@lru_cache(maxsize=1)
def places() -> Mapping[str, str]:
    """French names of places and peoples with their English (``glossary/data/places.tsv``)."""
    return {french: english_name for french, english_name, _ in _table()}


@lru_cache(maxsize=1)
def restorable() -> frozenset[str]:
    """The French names of ``places`` put back in their English where the engine lost them
    (not the points of the compass nor the peoples: « Polonais » is Poles or Polish)."""
    return frozenset(french for french, _, back in _table() if back)


@lru_cache(maxsize=1)
def english_names() -> frozenset[str]:
    """The English names of ``places`` (Warsaw, Hungarians, North Dakota)."""
    return frozenset(places().values())


def _place_key(text: str) -> str | None:
    """The French as listed in ``places``: as written, else with its first letter in the
    other case (« la Manche » is listed, « La Manche » found the same)."""
    table = places()
    for key in (text, text[:1].lower() + text[1:], text[:1].upper() + text[1:]):
        if key in table:
            return key
    return None


def _place_english(text: str) -> str | None:
    """The English of a French place name in the table, or None."""
    key = _place_key(text)
    return places()[key] if key is not None else None


def shouted(word: str, kinds: Mapping[str, frozenset[str]] | None, stretch: bool = False) -> bool:
    """A word in capitals that the analyser reads as a common word or a verb
    (« DÉTENIR », « CETTE », « DE »): a headline's or a shout's capitals, not a name's
    (« UMP », « EELV » stay names: a proper noun to it, or unknown). A short one alone
    may be an acronym (« CE », « OR »): only in a ``stretch`` of words in capitals."""
    if kinds is None or len(word) < 2 or not word.isupper():
        return False
    if len(word) < 4 and not stretch:
        return False
    readings = kinds.get(word) or kinds.get(word.lower())
    return bool(readings) and not any(r.startswith("np") for r in readings or ())


@dataclass(frozen=True)
class Candidate:
    """A run of capitalised words: where it is, its words (with offsets), whether it starts the sentence."""

    start: int
    end: int
    words: tuple[tuple[str, int, int], ...]
    initial: bool
    """At the start of a clause: the sentence's first word, or right after a quote or colon."""
    sentence_start: int = 0
    """Where the sentence's first word is."""
    articled: frozenset[int] = frozenset()
    """Where words right after a lower-case article start (« la Pierre de l'Onction »: a
    thing, not the first name Pierre; French gives people's names no article)."""
    places: tuple[tuple[int, int, str], ...] = ()
    """Known places (``places``) in the run whose English the engine lost: (start, end, English)."""
    english: str = ""
    """The sentence's raw English."""
    before: str = ""
    """The sentence's text right before the run (a few words)."""


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper() and any(c.isalpha() for c in word)


def _has_word(text: str, word: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text) is not None


def _kept(word: str, english: str, english_words: Sequence[str]) -> bool:
    """Whether the English has the word, verbatim or in the engine's spelling of the same
    name (Alexander for « Alexandre », Mubarak for « Moubarak », Quebec for « Québec »)."""
    if _has_word(english, word):
        return True
    if len(word) < 4 or not word[:1].isupper():
        return False
    ours = _letters(word)
    return any(
        w.lower() != word.lower()  # "Youtube" is not « YouTube »
        and _letters(w)[:1] == ours[:1]
        and abs(len(_letters(w)) - len(ours)) <= 1
        and SequenceMatcher(None, _letters(w), ours).ratio() >= 0.8
        for w in english_words
    )


def candidates(
    sentence: str, english: str, covered: Sequence[Span], unknown: Sequence[Span] = ()
) -> list[Candidate]:
    """Runs of capitalised words outside ``covered`` of which the English lacks a word
    (``unknown``: the English's unknown words, which never count as the engine's name)."""
    tokens = [(m.group(0), m.start()) for m in _TOKEN.finditer(sentence)]
    out: list[Candidate] = []
    run: list[tuple[str, int, int]] = []
    openings: set[int] = set()  # where a clause starts: the sentence, a quote, a colon…
    articled: set[int] = set()
    previous = ""

    english_words = [
        m.group(0)
        for m in re.finditer(r"[^\W\d_][\w'’-]*", english)
        if m.group(0)[:1].isupper() and not any(a < m.end() and m.start() < b for a, b in unknown)
    ]

    def close() -> None:
        while run and not _is_capitalised(run[-1][0]):
            run.pop()  # no particle at the end
        known, lost = _known_places(sentence, run, english)
        # A street's name is lost unless the English has it verbatim ("Frank-Bourgeoisie"
        # is no spelling of « Francs-Bourgeois »).
        named = bool(run) and _STREET_BEFORE.search(sentence[max(0, run[0][1] - 24) : run[0][1]])
        if run and any(
            not (_has_word(english, w) if named else _kept(w, english, english_words))
            and s not in known
            for w, s, _ in run
        ):
            first = min(openings) if openings else 0
            out.append(
                Candidate(
                    run[0][1],
                    run[-1][2],
                    tuple(run),
                    run[0][1] in openings,
                    first,
                    frozenset(s for _, s, _ in run if s in articled),
                    tuple(lost),
                    english,
                    sentence[max(0, run[0][1] - 24) : run[0][1]],
                )
            )
        run.clear()

    for i, (word, start) in enumerate(tokens):
        end = start + len(word)
        if not word[0].isalnum():
            close()
            # A straight quote opens only after a space or at the start: « "Dallas" » yes,
            # « "Hetin" Reyes » no (there it closes).
            opens = word != '"' or start == 0 or sentence[start - 1].isspace()
            previous = word if opens and not _short_quote(tokens, i) else ""
            continue
        if not openings or previous in _OPENERS:
            openings.add(start)
        if previous.lower() in _ARTICLES:
            articled.add(start)
        previous = word
        inside = any(a < end and start < b for a, b in covered)
        following = tokens[i + 1][0] if i + 1 < len(tokens) else ""
        if inside:
            close()
        elif _is_capitalised(word) and not word.isdigit():
            run.append((word, start, end))
        elif run and word.lower() in _PARTICLES and _is_capitalised(following):
            run.append((word, start, end))
        else:
            close()
    close()
    return out


def _known_places(
    sentence: str, run: Sequence[tuple[str, int, int]], english: str
) -> tuple[set[int], list[tuple[int, int, str]]]:
    """The known places in ``run``, longest first: where the words of those the English has
    start (the engine's English name stands: "North Dakota", "Warsaw"), and those it lost
    (start, end, English)."""
    kept: set[int] = set()
    lost: list[tuple[int, int, str]] = []
    taken: set[int] = set()
    n = len(run)
    for size in range(n, 0, -1):
        for i in range(n - size + 1):
            words = run[i : i + size]
            if any(s in taken for _, s, _ in words):
                continue
            text = sentence[words[0][1] : words[-1][2]]
            found = _place_english(text)
            if found is None:
                continue
            taken |= {s for _, s, _ in words}
            if _has_word(english, found) or _has_word(english.lower(), found.lower()):
                kept |= {s for _, s, _ in words}
            elif _place_key(text) in restorable():
                lost.append((words[0][1], words[-1][2], found))
    return kept, lost


def _short_quote(tokens: Sequence[tuple[str, int]], i: int) -> bool:
    """Whether token ``i`` opens a quotation or bracket of at most ``_SHORT`` words and no
    sentence punctuation: a title or a name (« "Dallas" », « (Puerto Rico) »), whose
    first word is no clause's first word."""
    closer = _CLOSERS.get(tokens[i][0])
    if closer is None:
        return False
    words = 0
    for word, _ in tokens[i + 1 :]:
        if word == closer:
            return words > 0
        if word in ".!?;:" or word in _CLOSERS:
            return False
        words += word[0].isalnum()
        if words > _SHORT:
            return False
    return False


def _spelling(word: str) -> str:
    """A word up to case and hyphens (accents count)."""
    return word.lower().replace("-", "").replace(" ", "")


def _letters(word: str) -> str:
    return fold(word).replace("-", "").replace(" ", "")


def _alone(alone: Mapping[str, str], word: str) -> tuple[str, bool] | None:
    """The engine's English for ``word`` alone (clean) and whether it marked it unknown."""
    if word not in alone:
        return None
    return marked.strip(alone[word]).strip(), marked.UNKNOWN_OPEN in alone[word]


def judge(
    candidate: Candidate,
    alone: Mapping[str, str],
    kinds: Mapping[str, frozenset[str]] | None,
    tokens: Sequence[Token] | None,
) -> list[Span]:
    """The spans of ``candidate`` (sentence offsets) that are names to put back verbatim.

    ``alone``: the engine's marked English of each word alone; ``kinds``: the parts of
    speech the engine's analyser gives each word (None: no analyser); ``tokens``:
    spaCy's tokens of the sentence (None: not run).
    """
    return [span for span, _ in judge_rules(candidate, alone, kinds, tokens)]


_STREETS = "rue|avenue|boulevard|quai|impasse"
_STREET_BEFORE = re.compile(
    rf"(?<![\w-])(?:{_STREETS})\s+(?:de la|de l['’]|des|du|de|d['’])\s*$", re.I
)
_STREET_PARTICLES = frozenset({"de", "des", "du", "d'", "d’"})


def street(candidate: Candidate) -> Span | None:
    """The span of a street's name in ``candidate``: the capitalised words after « rue des »,
    « avenue du », « boulevard de la »… (« rue des Francs-Bourgeois »), or from a capitalised
    street word followed by a particle to the run's end (« Paris Rue des Francs Bourgeois »).
    English news writes a street's name as the city does, never word by word."""
    words = candidate.words
    if _STREET_BEFORE.search(candidate.before):
        return (candidate.start, candidate.end)
    for i, (w, s, _) in enumerate(words[:-2]):
        if (
            re.fullmatch(_STREETS, w, re.I)
            and words[i + 1][0].lower() in _STREET_PARTICLES | {"la"}
            and _is_capitalised(words[-1][0])
            and not (candidate.initial and i == 0)
        ):
            return (s, candidate.end)
    return None


# French news titles that English news names as they are (« le Monde », not "the World").
# A title with its article is one only after that article (« la coupe du Monde » is no
# newspaper); one without (« Valeurs actuelles ») anywhere its words come capitalised.
_PRESS = (
    "le Monde|le Figaro|le Parisien|les Échos|les Echos|l'Express|le Point|le Nouvel "
    "Observateur|le Nouvel Obs|le Canard enchaîné|le Journal du dimanche|le Monde "
    "diplomatique|les Inrockuptibles|Valeurs actuelles|Courrier international"
).split("|")
_PRESS_TITLES = {
    (t.split(" ", 1)[1] if t.split(" ", 1)[0].lower() in {"le", "la", "les"} else t.split("'")[-1])
    .lower(): (t.split(" ", 1)[0].lower() if t.split(" ", 1)[0].lower() in {"le", "la", "les"}
               else ("l'" if t.startswith("l'") else ""))
    for t in _PRESS
}  # fmt: skip


def newspaper(candidate: Candidate) -> bool:
    """Whether ``candidate`` is a French news title (``_PRESS``) after its article."""
    words = [w for w, _, _ in candidate.words]
    article = ""
    if len(words) > 1 and words[0].lower() in {"le", "la", "les"}:
        article, words = words[0].lower(), words[1:]
    title = " ".join(words).replace("’", "'").lower()
    if title not in _PRESS_TITLES:
        return False
    wanted = _PRESS_TITLES[title]
    if not wanted:
        return True
    if article:
        return article == wanted
    before = candidate.before.replace("’", "'").lower()
    return (
        re.search(
            rf"(?<![\w-]){re.escape(wanted)}\s*$" if wanted != "l'" else r"(?<![\w-])l'$", before
        )
        is not None
    )


def judge_rules(
    candidate: Candidate,
    alone: Mapping[str, str],
    kinds: Mapping[str, frozenset[str]] | None,
    tokens: Sequence[Token] | None,
) -> list[tuple[Span, str]]:
    """``judge``'s spans, each with the rule that made its first word a name."""
    if newspaper(candidate) and not candidate.initial:
        return [((candidate.start, candidate.end), "name: a newspaper")]
    named = street(candidate)
    if named is not None:
        a, b = named
        head = replace(candidate, words=tuple(w for w in candidate.words if w[1] < a))
        while head.words and not _is_capitalised(head.words[-1][0]):
            head = replace(head, words=head.words[:-1])
        if head.words:
            head = replace(head, end=head.words[-1][2], places=())
            found = judge_rules(head, alone, kinds, tokens)
        else:
            found = []
        return sorted([*found, ((a, b), "name: a street")])
    known: list[tuple[Span, str]] = []
    for a, b, _ in candidate.places:
        if (
            candidate.initial
            and a == candidate.start
            and " " not in candidate_text(candidate, a, b)
        ):
            continue  # a sentence's first word: « Tours », « Sens » may be common words there
        known.append(((a, b), "name: a known place"))
    inside = [(a, b) for (a, b), _ in known]
    rest = [w for w in candidate.words if not any(a <= w[1] < b for a, b in inside)]
    if known:
        candidate = replace(candidate, words=tuple(rest), places=())
        if not rest:
            return known
    capitals = sum(1 for w, _, _ in candidate.words if len(w) > 1 and w.isupper())
    stretch = capitals >= 2
    if any(shouted(w, kinds, stretch) for w, _, _ in candidate.words):
        # A headline's capitals: the words that are common words in capitals are the
        # engine's; the runs between them are judged as runs of their own.
        out = list(known)
        part: list[tuple[str, int, int]] = []
        for word in [*candidate.words, ("", -1, -1)]:
            if word[1] >= 0 and not shouted(word[0], kinds, stretch):
                part.append(word)
                continue
            while part and not _is_capitalised(part[-1][0]):
                part.pop()
            while part and not _is_capitalised(part[0][0]):
                part.pop(0)
            if part:
                sub = replace(
                    candidate,
                    start=part[0][1],
                    end=part[-1][2],
                    words=tuple(part),
                    initial=candidate.initial and part[0][1] == candidate.start,
                    places=(),
                )
                out += judge_rules(sub, alone, kinds, tokens)
            part = []
        return sorted(out)
    return sorted(known + _judge_words(candidate, alone, kinds, tokens))


def candidate_text(candidate: Candidate, a: int, b: int) -> str:
    """The words of ``candidate`` between offsets ``a`` and ``b``, joined by spaces."""
    return " ".join(w for w, s, _ in candidate.words if a <= s < b)


def _judge_words(
    candidate: Candidate,
    alone: Mapping[str, str],
    kinds: Mapping[str, frozenset[str]] | None,
    tokens: Sequence[Token] | None,
) -> list[tuple[Span, str]]:
    surnames = _surnames(candidate, kinds)
    if candidate.initial and not _initial_name(
        candidate.words[0], kinds, tokens, candidate.start == candidate.sentence_start
    ):
        first = candidate.words[1:]
        while first and not _is_capitalised(first[0][0]):
            first = first[1:]  # « Pena Nieto » without spaCy: Nieto still counts
        candidate = replace(candidate, words=first, initial=False)
    names: list[tuple[int, int, str]] = []
    if (_foreign(candidate, kinds) or _article_first(candidate)) and not _around_known(
        candidate, alone
    ):
        rule = (
            "name: in another language" if _foreign(candidate, kinds) else "name: with an article"
        )
        names = [
            (s, e, rule)
            for w, s, e in candidate.words
            if (w.lower() not in _PARTICLES or w[0].isupper())
            and (w.lower() in _PARTICLES or not _closed(w, kinds))
        ]
    else:
        # In a phrase around a known place (« Valle de México »), the words the engine
        # translated are its English ("Valley of Mexico"), not a lost name.
        phrase = _around_known(candidate, alone)
        for w, s, e in candidate.words:
            why = "name: a surname" if s in surnames else None
            why = why or name_rule((w, s, e), alone, kinds, tokens, s in candidate.articled)
            if why == _RESPELT and not _leftover_in(candidate, w, alone):
                continue  # the sentence's English has another word there: the engine's
            if why is not None and not (phrase and why in _TRANSLATED):
                names.append((s, e, why))
    # Particles between two names belong to the name (« Bruno Le Maire », « Ponce de León »).
    spans: list[tuple[Span, str]] = []
    for s, e, why in names:
        if spans and _only_particles(candidate, spans[-1][0][1], s, tokens):
            spans[-1] = ((spans[-1][0][0], e), spans[-1][1])
        else:
            spans.append(((s, e), why))
    return spans


_RESPELT = "name: a place the pivot respelt"


def _leftover_in(candidate: Candidate, word: str, alone: Mapping[str, str]) -> bool:
    """Whether the pivot's leftover for ``word`` alone is in the sentence's English
    ("Burdeos" for « Bordeaux »); where it is not (« la Vierge Marie » → "the Virgin"),
    the engine translated the word otherwise in the sentence, and that stands."""
    found = _alone(alone, word)
    return not candidate.english or (found is not None and _has_word(candidate.english, found[0]))


_TRANSLATED = frozenset({"name: unknown to the analyser", "name: only a verb to the analyser"})


def _around_known(candidate: Candidate, alone: Mapping[str, str]) -> bool:
    """A phrase around a place the engine gave its English name (« Valle de México »,
    « Ciudad de México »: "Valley of Mexico", "Mexico City"): English translates such a
    phrase; its words are judged one by one, not put back as one foreign name."""
    return len(candidate.words) > 1 and any(
        (found := _alone(alone, w)) is not None
        and found[0] in english_names()
        and _spelling(found[0]) != _spelling(w)
        for w, _, _ in candidate.words
    )


def _closed(word: str, kinds: Mapping[str, frozenset[str]] | None) -> bool:
    """A French word of a closed class only (« Cet », « Mais »): French, in any name's company."""
    readings = kinds.get(word) if kinds is not None else None
    return bool(readings) and readings is not None and readings <= _CLOSED


def _surnames(candidate: Candidate, kinds: Mapping[str, frozenset[str]] | None) -> set[int]:
    """Where words start that follow a first name (the analyser's ``np:ant`` and no
    place or organisation: « Laurent Blanc », « Chantal Rouleau », « Carlos Morales »):
    a capitalised common word there is a surname, wherever the first name stands. Not
    after an article (« la Pierre Noire »), nor a word the analyser knows as a proper
    noun (rules 1 and 5 judge those)."""
    if kinds is None:
        return set()
    out = set()
    for (before, start, _), (word, at, _) in zip(
        candidate.words, candidate.words[1:], strict=False
    ):
        readings = kinds.get(before, frozenset())
        named = {r for r in readings if r.startswith("np")}
        if (
            "np:ant" in named
            and named <= _PEOPLE
            and start not in candidate.articled
            and _is_capitalised(word)
            and word.lower() not in _PARTICLES
            and not _ROMAN.fullmatch(word)
            and not any(r.startswith("np") for r in kinds.get(word, frozenset()))
        ):
            out.add(at)
    return out


def _article_first(candidate: Candidate) -> bool:
    """« Des Moines », « Le Monde », « Bruno Le Maire »: a capitalised article or particle
    inside a sentence belongs to a name (French writes « des », « le » in lower case
    otherwise). Not at the start of a sentence, where any word has a capital."""
    words = candidate.words
    return len(words) > 1 and any(
        w.lower() in _PARTICLES and w[:1].isupper() and not (candidate.initial and i == 0)
        for i, (w, _, _) in enumerate(words)
    )


def _foreign(candidate: Candidate, kinds: Mapping[str, frozenset[str]] | None) -> bool:
    """A name in another language (« Large Hadron Collider », « San Antonio », « Fort
    Worth »): most of its words, two at least, unknown to the French analyser; or some
    unknown and the others proper nouns to it. Its French-looking words are then part
    of it, not French to translate (but not « Université Harvard »: Université is French)."""
    if kinds is None:
        return False
    if any(w in _FOREIGN_PARTICLES for w, _, _ in candidate.words):
        return True  # « Valle del Bravo », « Ludwig van Beethoven »
    run = [w for w, _, _ in candidate.words]
    if candidate.initial and run:
        run = run[1:]
    words = [w for w in run if w.lower() not in _PARTICLES]
    unknown = sum(1 for w in words if w in kinds and not kinds[w])
    if unknown >= 2 and unknown * 2 > len(words):
        return True
    if len(words) < 2 or not unknown:
        return False

    def foreign(i: int) -> bool:
        return 0 <= i < len(run) and run[i] in kinds and not kinds[run[i]]

    def belongs(i: int, word: str) -> bool:
        """A word that is part of a foreign name beside an unknown one: a proper noun;
        the word right after the unknown one (« Huffington Post »); an adjective or
        determiner right before it (« Grand Junction », « Mes Aynak »; not the noun of
        « Université Harvard », nor « Monts des Géants »)."""
        readings = kinds.get(word)
        if readings is None:
            return False
        if not readings or any(r.startswith("np") for r in readings):
            return True
        return foreign(i - 1) or (readings <= _MODIFIERS and foreign(i + 1))

    return all(belongs(i, w) for i, w in enumerate(run) if w.lower() not in _PARTICLES)


def _only_particles(candidate: Candidate, a: int, b: int, tokens: Sequence[Token] | None) -> bool:
    """Whether only particles lie between two names, and belong to one name: a capitalised
    one (« Bruno Le Maire »), or a lower-case one inside spaCy's person (« Charles de
    Gaulle »; never « Sybille de Luxembourg », whose « de » is English "of")."""
    between = [(w, s, e) for w, s, e in candidate.words if a <= s < b]
    for w, s, e in between:
        if w.lower() not in _PARTICLES:
            return False
        if w.islower() and w not in _FOREIGN_PARTICLES and not _in_person(s, e, tokens):
            return False
    return True


def _in_person(start: int, end: int, tokens: Sequence[Token] | None) -> bool:
    return tokens is not None and any(
        t.start < end and start < t.end and t.entity == "PER" for t in tokens
    )


def _initial_name(
    word: tuple[str, int, int],
    kinds: Mapping[str, frozenset[str]] | None,
    tokens: Sequence[Token] | None,
    sentence_start: bool,
) -> bool:
    """A clause's first word is a name only on spaCy's word; a sentence's first word, not if
    it can be a verb either (« Buvez », « Estimez-vous »: imperatives spaCy takes for names)."""
    if tokens is None:
        return False
    text, start, end = word
    inside = [t for t in tokens if t.start < end and start < t.end]
    # After a quote, a title counts too (« la série "Dallas" »: spaCy's MISC).
    labels = _NAMED if sentence_start else _NAMED | {"MISC"}
    if not inside or inside[0].entity not in labels or inside[0].pos != "PROPN":
        return False
    readings = kinds.get(text.split("-")[0], frozenset()) if kinds is not None else frozenset()
    return not (sentence_start and readings & _VERBS)


def _person(
    word: tuple[str, int, int],
    tokens: Sequence[Token] | None,
    kinds: Mapping[str, frozenset[str]] | None,
) -> bool:
    """spaCy: part of a person's name, as a proper noun, or right after a first word of the
    name that is one (« Laurent Blanc »; not « Amérique Latine », whose first word the
    engine knows as a place)."""
    if tokens is None:
        return False
    _, start, end = word
    inside = [t for t in tokens if t.start < end and start < t.end]
    if not inside or inside[0].entity != "PER":
        return False
    if inside[0].pos == "PROPN":
        return True
    before = [t for t in tokens if t.end <= start]
    if not before or before[-1].entity != "PER" or before[-1].pos != "PROPN":
        return False
    readings = kinds.get(before[-1].text, frozenset()) if kinds is not None else frozenset()
    return not any(r.startswith("np") and r not in _PEOPLE for r in readings)


def _tagged_person(word: tuple[str, int, int], tokens: Sequence[Token] | None) -> bool:
    _, start, end = word
    return tokens is not None and any(
        t.start < end and start < t.end and t.entity == "PER" for t in tokens
    )


def _similar(a: str, b: str, at_least: float = 0.5) -> bool:
    """The same name in two spellings (Moubarak, Mubarak; Hérode, Herodes), not two words."""
    x, y = _letters(a), _letters(b)
    return bool(x and y) and x[0] == y[0] and SequenceMatcher(None, x, y).ratio() >= at_least


def name_rule(
    word: tuple[str, int, int],
    alone: Mapping[str, str],
    kinds: Mapping[str, frozenset[str]] | None,
    tokens: Sequence[Token] | None,
    articled: bool = False,
) -> str | None:
    """Which rule makes ``word`` a name to put back verbatim (its label in
    ``reader eval --rules``), or None: the engine's to translate."""
    text = word[0]
    if text.lower() in _PARTICLES:
        return None
    if len(text) == 1 and text.isupper():
        return "name: a letter"  # a letter: « vitamine E », « l'axe Y », « Mme A. »
    if _ROMAN.fullmatch(text):
        return None  # a number: « XIXe siècle », « le VIe sommet »
    readings = kinds.get(text) if kinds is not None else None
    if articled and readings and readings & _PEOPLE and not readings <= _PEOPLE:
        return None  # « la Pierre de l'Onction »: no first name, the common word (the engine's)
    english_alone = _alone(alone, text)
    if english_alone is not None and english_alone[0] in english_names():
        return None  # the engine's English is a known English name (« Varsovie » → Warsaw)
    if english_alone is not None:
        english_text, unknown = english_alone
        common = bool(readings) and not any(r.startswith("np") for r in readings or ())
        if _spelling(english_text) == _spelling(text) and not common:
            # (not a common word that English spells the same: « Administration »,
            # « Constitution » are the engine's, in « Conseil d'Administration »)
            return "name: unchanged by the engine"  # the same up to case and hyphens: « YouTube », « Tel-Aviv »
        if unknown and _letters(english_text) == _letters(text):
            return "name: the pivot's spelling"  # the pivot's spelling of it: « Québec », « Eurovision » (see ``english``)
    places = {r for r in readings or () if r.startswith("np") and r not in _PEOPLE}
    if places:  # the engine has a name for it: its English, unless the pivot's leftover
        if english_alone is None or not english_alone[1]:
            return None
        ours, theirs = _letters(english_alone[0]), _letters(text)
        if len(ours) == len(theirs) and ours[:-1] == theirs[:-1]:
            return None
        return _RESPELT
    if (
        readings and readings & _PEOPLE and not articled
    ):  # a person: the engine's spelling, if sound
        if english_alone is None or english_alone[1]:
            return "name: a person (analyser)"  # « Pompée » → the pivot's "Pompeyo"
        if _similar(english_alone[0], text):
            return None  # « Moubarak » → Mubarak
        return "name: a person (analyser)"  # « Lee » → "Reads"
    # spaCy's person, not after an article (« la Rose des vents »: French gives people's
    # names none).
    if not articled and _person(word, tokens, kinds):
        return "name: a person (spaCy)"
    if (
        english_alone is not None
        and not articled
        and _tagged_person(word, tokens)
        and _similar(english_alone[0], text, 0.7)
    ):
        return "name: a person respelt"  # « Rose », a person, respelt "Rosa" by the engine (not « Pape », "Pope")
    if (
        english_alone is not None
        and english_alone[1]
        and readings
        and "-" not in text
        and ("adj" not in readings or (articled and _similar(english_alone[0], text, 0.8)))
    ):  # (not an adjective: « Travailliste » → the pivot's "Laborista" is no name, nor
        # « Délits Patrimoniaux »; but a people after its article that the pivot only
        # respelt, « les Bretons » → "Bretones", keeps its name)
        return "name: the pivot's leftover"  # the engine knows the word but only the pivot's leftover comes out (« Rose » → "Rosa")
    if readings is None:
        return None
    if not readings:  # the analyser does not know it: the pivot translated it, or not
        if english_alone is None:
            return None
        if text.isupper():  # VIH → HIV, URSS → USSR: the same letters in another order
            same = sorted(_letters(english_alone[0])) == sorted(_letters(text))
            return None if same else "name: an acronym the pivot translated"
        if "-" in text:  # « Mexico-Américain », « Pilsen-Sud »: parts the engine translates
            parts = [(kinds or {}).get(p, frozenset()) for p in text.split("-") if p.isalpha()]
            if any(r and not r <= _VERBS for r in parts):
                return None
            return "name: hyphenated, parts unknown"
        return "name: unknown to the analyser"
    return "name: only a verb to the analyser" if readings <= _VERBS else None


def _is_name(
    word: tuple[str, int, int],
    alone: Mapping[str, str],
    kinds: Mapping[str, frozenset[str]] | None,
    tokens: Sequence[Token] | None,
    articled: bool = False,
) -> bool:
    return name_rule(word, alone, kinds, tokens, articled) is not None


def english(span: str, alone: Mapping[str, str]) -> str:
    """A name's English: itself, but without its accents where the engine passed the name
    through in another spelling of the same letters (« Québec » → Quebec, « Turkménistan »
    → Turkmenistan, not the pivot's "Turkmenistán"); English drops French accents there."""

    listed = _place_english(span)
    if listed is not None:
        return listed

    def one(m: re.Match[str]) -> str:
        word = m.group(0)
        found = _alone(alone, word)
        if found is not None and found[1] and _letters(found[0]) == _letters(word):
            return "".join(
                c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c)
            )
        return word

    return re.sub(r"[^\W\d_][\w-]*", one, span)


def _respelt(
    word: str, alone: Mapping[str, str], kinds: Mapping[str, frozenset[str]] | None
) -> bool:
    """A common word (to the analyser) whose English alone is another spelling of it, not
    itself: the engine took it for a name (« Rose » → "Rosa"); spaCy's PER decides."""
    english_alone = _alone(alone, word)
    readings = kinds.get(word) if kinds is not None else None
    return (
        english_alone is not None
        and bool(readings)
        and not any(r.startswith("np") for r in readings or ())
        and _spelling(english_alone[0]) != _spelling(word)
        and _similar(english_alone[0], word, 0.7)
    )


def needs_tags(
    candidate: Candidate, alone: Mapping[str, str], kinds: Mapping[str, frozenset[str]] | None
) -> bool:
    """Whether spaCy could change the verdict, so is worth running on the sentence: a first
    word the engine knows only as a proper noun or not at all (spaCy may say it is a
    name), a common word right after a first name (spaCy may say it is a surname:
    « Laurent Blanc », « Jeff Sessions »), or a common word the engine respells as a name
    (« Rose » → "Rosa": spaCy may say it is a person). Most sentences need no spaCy."""
    if _foreign(candidate, kinds) or _article_first(candidate):
        return False
    previous: frozenset[str] | None = None
    surnames = _surnames(candidate, kinds)
    for i, (w, s, e) in enumerate(candidate.words):
        if w.lower() in _PARTICLES:
            continue
        readings = kinds.get(w) if kinds is not None else None
        if candidate.initial and i == 0:
            # After a quote a verb-looking word may be a title (« "Dallas" »): spaCy says.
            allowed = _VERBS if candidate.start != candidate.sentence_start else frozenset()
            if not readings or all(r.startswith("np") or r in allowed for r in readings):
                return True
        elif (
            previous is not None
            and s not in surnames
            and (not previous or previous & _PEOPLE)
            and not (readings and any(r.startswith("np") for r in readings))
            and not _is_name((w, s, e), alone, kinds, None)
        ):
            return True
        elif (
            not (candidate.initial and i == 0)
            and s not in candidate.articled
            and _respelt(w, alone, kinds)
        ):
            return True
        previous = readings
    return False
