"""French-aware sentence splitting that returns character spans.

Spans cover every non-space character of the input in order, so nothing is
lost or reordered; only whitespace between sentences falls outside them.

A sentence ends at ``.``, ``!``, ``?``, ``…`` or ``...`` (with any closing quotes
or brackets after it) when the next character starts a new sentence: an
upper-case letter, a digit, an opening quote or a dash. It does not end:
- after a known abbreviation (M., Mme., janv., etc.) or an initial (J. Biden,
  J.-P. Sartre, U.S.), unless a word that starts sentences follows the initial
  (« … du roi Dagobert I. Ils … »), or a closing bracket follows the
  abbreviation (« (par ex.) Ainsi »), or the abbreviation is « etc. » or « J.-C. »;
  an abbreviation that is also a word (sept., vol., art.) is one only beside a number;
- inside a pair of quotes or brackets, unless the quote closes right after the
  mark. Only quotes that close count: a « or " that never closes in the text
  does not hold back the sentences after it;
- at an elision mark, « (...) » or « […] »;
- before a lower-case word after ``?``, ``!`` or an ellipsis (« Que faire ? »
  demanda-t-il). After a single full stop that follows an ordinary word, a
  lower-case word does start a new sentence (informal text: « … des Hylidae. il
  ne s'agit pas … »).
"""

from __future__ import annotations

import re

TITLES = frozenset(
    "m mm mme mmes mlle mlles dr pr me mgr st ste sts gén col cdt lt sgt cap".split()
)
"""Abbreviated titles (M. Dupont, Me Martin, Cap. Haddock): written with a capital, which
tells them from words (« changer de cap. Le … »)."""

ABBREVIATIONS = frozenset(
    """
    av apr j.-c jc etc cf ex p pp n no vol chap art al éd coll env hab min max
    mr mrs ms jr sr vs fig approx dept univ inc ltd co corp
    janv févr fevr avr juil oct nov déc dec
    adj adv anc arr assoc bd boul bull c.-à-d cie collab comm dir doc ds éds ets
    fasc hist ibid id ill intr lib loc mss nb nouv op orig paragr pl préf publ
    qqch qqn réf rééd sect sq sqq suiv suppl tél trad vv
    """.split()
)

WORD_OR_ABBREVIATION = frozenset({"sept", "vol", "art"})
"""Abbreviations that are also words: « sept. » is September, « vol. » a volume and
« art. » an article of a law only beside a number (« le 2 sept. », « vol. 3 », « Vol. II »,
« art. L. 121-1 »); otherwise they are the number seven, a theft or flight, and art,
and their full stop can end the sentence (« … enquêté sur le vol. Le juge … »)."""

_NUMBER_AFTER = re.compile(r"\d|[IVXLC]+(?=[\s.,;:)]|$)|[A-Z]\.")
"""A number, a Roman numeral or a lettered section (« art. L. 121 »)."""

_MAY_END = frozenset({"etc", "j.-c", "jc"})
"""Abbreviations whose full stop also ends the sentence when a capital follows (« … en
493 av. J.-C. Le temple … »): nothing after them normally takes a capital."""

SENTENCE_STARTERS = frozenset(
    """
    il elle ils elles on je nous vous ce cet cette ces les un une des mais et or donc
    puis dans en au aux pour par sur avec selon après avant depuis lors quand si
    cependant toutefois ainsi enfin alors
    """.split()
)
"""Words that start sentences and are not surnames: after an initial they mean the
sentence ended (« … dans A. Ils … »), where a surname would mean it did not."""

_TERMINALS = ".!?…"
_OPENERS = "«“‹([{"
_CLOSERS = "»”›)]}"
_QUOTE_PAIRS = {"«": "»", "“": "”", "‹": "›", "(": ")", "[": "]", "{": "}"}
_STARTERS = "«“‹\"'([—–-¿¡"
_DOTTED_INITIALS = re.compile(r"(?:[^\W\d_]\.-?)+[^\W\d_]")  # U.S, S.N.C.F, J.-P
_INITIAL_AFTER = "([{«“\"'’-–—/"
_ELISION = re.compile(r"[(\[](?:\.\.\.|…)[)\]]")  # (...) and […]: something left out
_NEXT_WORD = re.compile(r"[^\W\d_]+")

_SPECIAL = re.compile(r'[.!?…«“‹(\[{»”›)\]}"]')
_QUOTES = re.compile(r'[«“‹(\[{»”›)\]}"]')


def split_spans(text: str) -> list[tuple[int, int]]:
    """Returns (start, end) spans of the sentences of ``text``."""
    spans: list[tuple[int, int]] = []
    n = len(text)
    start = _skip_space(text, 0)
    paired = _paired_quotes(text)
    depth = 0
    resume = start  # marks before this index were already consumed
    # Only quotes, brackets and terminal marks matter: jump from one to the next.
    for match in _SPECIAL.finditer(text, start):
        i = match.start()
        if i < resume:
            continue
        ch = text[i]
        if ch in _OPENERS or ch in _CLOSERS or ch == '"':
            elision = _ELISION.match(text, i) if ch in "([" else None
            if elision:
                resume = elision.end()
            elif i in paired:
                depth = depth + 1 if paired[i] else max(0, depth - 1)
            continue
        end, depth_after, closed = _end_of_mark(text, i, depth, paired)
        nxt = _skip_space(text, end)
        if depth_after == 0 and end < nxt < n and _ends_here(text, start, i, end, nxt, closed):
            spans.append((start, end))
            start = nxt
            depth = 0
            resume = nxt
            continue
        depth = depth_after
        resume = end
    tail_end = len(text.rstrip())
    if start < tail_end:
        spans.append((start, tail_end))
    return spans


def split(text: str) -> list[str]:
    """The sentences of ``text`` as strings."""
    return [text[a:b] for a, b in split_spans(text)]


def _skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i].isspace():
        i += 1
    return i


def _paired_quotes(text: str) -> dict[int, bool]:
    """The quotes and brackets that have a partner: index → True for an opener, False
    for its closer. One that never closes (or closes nothing) is left out."""
    paired: dict[int, bool] = {}
    stacks: dict[str, list[int]] = {}
    for match in _QUOTES.finditer(text):
        i, ch = match.start(), match.group()
        if ch in _OPENERS:
            stacks.setdefault(ch, []).append(i)
        elif ch in _CLOSERS:
            stack = stacks.get(_OPENER_OF[ch])
            if stack:
                paired[stack.pop()] = True
                paired[i] = False
        elif ch == '"':
            stack = stacks.setdefault('"', [])
            if _straight_closes(text, i, bool(stack)):
                if stack:
                    paired[stack.pop()] = True
                    paired[i] = False
            else:
                stack.append(i)
    return paired


_OPENER_OF = {close: open_ for open_, close in _QUOTE_PAIRS.items()}


def _straight_closes(text: str, i: int, pending: bool) -> bool:
    """Whether a straight quote closes, from its sides: "word ends" a quote, a quote
    "starts a word; a quote with spaces (or letters) on both sides closes one that is open."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    space_before = before.isspace() or before in _OPENERS
    space_after = after.isspace() or not after.isalnum()
    if space_before != space_after:
        return space_after
    return pending


def _end_of_mark(text: str, i: int, depth: int, paired: dict[int, bool]) -> tuple[int, int, bool]:
    """Moves past a run of terminal marks and the closing quotes/brackets after it.

    Returns the end, the quote depth there, and whether a quote or bracket closed."""
    n = len(text)
    closed = False
    while i < n and text[i] in _TERMINALS:
        i += 1
    while i < n:
        # French typography puts a (narrow) no-break space before a closing guillemet.
        j = i
        while j < n and text[j] in "\u00a0\u202f ":
            j += 1
        if j < n and paired.get(j) is False:
            depth = max(0, depth - 1)
        elif not (j < n and j not in paired and _closing_shaped(text, j)):
            break
        # A closer that closes nothing here still ends with the sentence before it.
        i, closed = j + 1, True
    return i, depth, closed


def _closing_shaped(text: str, j: int) -> bool:
    return text[j] in _CLOSERS or (text[j] == '"' and _straight_closes(text, j, False))


def _ends_here(text: str, start: int, mark: int, end: int, nxt: int, closed: bool) -> bool:
    """Whether the sentence from ``start`` ends with the mark at ``mark`` (up to ``end``);
    ``closed``: a quote or bracket closed between the mark and ``end``."""
    first = text[nxt]
    starts = _starts_sentence(first)
    if text[mark] != ".":
        return starts
    # Informal text starts sentences in lower case: after an ordinary word and one full
    # stop (not an ellipsis, not a closing quote), a lower-case word begins a sentence.
    lower_start = not starts and not closed and first.islower() and _dot_run(text, mark) == 1
    if not (starts or lower_start):
        return False
    word = _word_before(text, start, mark)
    kind = _abbreviation_kind(word, text, mark, nxt)
    if kind == "abbreviation":
        return first.isupper() and (closed or word in _MAY_END)
    if kind == "initial":
        return starts and _next_word(text, nxt) in SENTENCE_STARTERS
    return starts or (len(word) >= 3 and word.isalpha())


def _dot_run(text: str, mark: int) -> int:
    """How many dots stand together at ``mark`` (1 for a full stop, 3 for an ellipsis)."""
    a = b = mark
    while a > 0 and text[a - 1] == ".":
        a -= 1
    while b < len(text) and text[b] == ".":
        b += 1
    return b - a


def _word_before(text: str, start: int, dot: int) -> str:
    """The word before a dot, lower-cased, with its inner dots and hyphens (j.-p, u.s)."""
    i = dot
    while i > start and (text[i - 1].isalnum() or text[i - 1] in ".-_"):
        i -= 1
    return text[i:dot].lower().rstrip(".")


def _next_word(text: str, i: int) -> str:
    match = _NEXT_WORD.match(text, i)
    return match.group().lower() if match else ""


def _abbreviation_kind(word: str, text: str, dot: int, nxt: int) -> str | None:
    """ "abbreviation", "initial" or None for the word before a dot."""
    if not word:
        return None
    if word in WORD_OR_ABBREVIATION:
        before = text[max(0, dot - len(word) - 12) : dot - len(word)].split()
        near_number = bool(before) and any(c.isdigit() for c in before[-1])
        return "abbreviation" if near_number or _NUMBER_AFTER.match(text, nxt) else None
    if word in ABBREVIATIONS or word in TITLES and text[dot - len(word)].isupper():
        return "abbreviation"
    # An initial stands as a word of its own: the C of 9°C. is a unit, not an initial.
    head = dot - len(word)
    if head > 0 and not (text[head - 1].isspace() or text[head - 1] in _INITIAL_AFTER):
        return None
    if len(word) == 1:
        return "initial" if word.isalpha() else None
    return "initial" if _DOTTED_INITIALS.fullmatch(word) else None


def _starts_sentence(ch: str) -> bool:
    return ch.isupper() or ch.isdigit() or ch in _STARTERS
