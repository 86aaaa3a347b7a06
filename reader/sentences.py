"""French-aware sentence splitting that returns character spans.

Spans cover every non-space character of the input in order, so nothing is
lost or reordered; only whitespace between sentences falls outside them.

A sentence ends at ``.``, ``!``, ``?``, ``…`` or ``...`` (with any closing quotes
or brackets after it) when the next character starts a new sentence: an
upper-case letter, a digit, an opening quote or a dash. It does not end:
- after a known abbreviation (M., Mme., Dr., etc.) or a single initial (J. Biden);
- inside « … » or “ … ” quotes, unless the quote closes right after the mark;
- before a lower-case word (« Que faire ? » demanda-t-il).
"""

from __future__ import annotations

import re

ABBREVIATIONS = frozenset(
    """
    m mm mme mmes mlle mlles dr pr me mgr st ste sts gén col cdt lt sgt cap
    av apr j.-c jc etc cf ex p pp n no vol chap art al éd coll env hab min max
    mr mrs ms jr sr vs fig approx dept univ inc ltd co corp
    """.split()
)

_TERMINALS = ".!?…"
_OPENERS = "«“‹([{"
_CLOSERS = "»”›)]}"
_QUOTE_PAIRS = {"«": "»", "“": "”", "‹": "›", "(": ")", "[": "]", "{": "}"}
_STARTERS = "«“‹\"'([—–-¿¡"
_WORD_BEFORE = re.compile(r"([\w.\-]+)$")


_SPECIAL = re.compile(r'[.!?…«“‹(\[{»”›)\]}"]')


def split_spans(text: str) -> list[tuple[int, int]]:
    """Returns (start, end) spans of the sentences of ``text``."""
    spans: list[tuple[int, int]] = []
    n = len(text)
    start = _skip_space(text, 0)
    depth = 0
    straight_open = False
    resume = start  # marks before this index were already consumed
    # Only quotes, brackets and terminal marks matter: jump from one to the next.
    for match in _SPECIAL.finditer(text, start):
        i = match.start()
        if i < resume:
            continue
        ch = text[i]
        if ch in _OPENERS:
            depth += 1
        elif ch in _CLOSERS:
            depth = max(0, depth - 1)
        elif ch == '"':
            straight_open = not straight_open
        else:
            end, depth_after, straight_after = _end_of_mark(text, i, depth, straight_open)
            nxt = _skip_space(text, end)
            if (
                depth_after == 0
                and not straight_after
                and end < nxt < n
                and _starts_sentence(text[nxt])
                and not (ch == "." and _is_abbreviation(text, start, i))
            ):
                spans.append((start, end))
                start = nxt
                depth, straight_open = 0, False
                resume = nxt
                continue
            depth, straight_open = depth_after, straight_after
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


def _end_of_mark(text: str, i: int, depth: int, straight: bool) -> tuple[int, int, bool]:
    """Moves past a run of terminal marks and the closing quotes/brackets after it."""
    n = len(text)
    while i < n and text[i] in _TERMINALS:
        i += 1
    while i < n:
        # French typography puts a (narrow) no-break space before a closing guillemet.
        j = i
        while j < n and text[j] in "\u00a0\u202f ":
            j += 1
        if j < n and text[j] in _CLOSERS and depth > 0:
            depth -= 1
            i = j + 1
        elif j < n and text[j] == '"' and straight:
            straight = False
            i = j + 1
        else:
            break
    return i, depth, straight


def _starts_sentence(ch: str) -> bool:
    return ch.isupper() or ch.isdigit() or ch in _STARTERS


def _is_abbreviation(text: str, start: int, dot: int) -> bool:
    match = _WORD_BEFORE.search(text[max(start, dot - 40) : dot])
    if not match:
        return False
    word = match.group(1).lower().rstrip(".")
    if word in ABBREVIATIONS:
        return True
    # A lone initial (J. Biden) or dotted initials (U.S.) are not sentence ends.
    return len(word) == 1 and word.isalpha() or bool(re.fullmatch(r"(\w\.)+\w", word))
