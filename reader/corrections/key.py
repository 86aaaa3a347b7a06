"""The key of a French sentence: what two spellings of the same sentence share.

Collapsed: every kind of space (no-break U+00A0, narrow no-break U+202F, figure and thin
spaces, tabs, newlines) to one space, none at the ends; apostrophes ’ ‘ ʼ ´ and ' to
'; quotes « » “ ” „ ‹ › and " to ", with the spaces inside or beside them dropped
(« oui » and "oui" are one key); the space French puts before ? ! : ; dropped; and the
first letter in lower case (a sentence quoted mid-paragraph). Unicode NFC first, so an
accent typed as a combining mark is the same letter.

A key is only ever compared, never shown: the reader's French is stored beside it.
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "´": "'", "`": "'"})
_QUOTES = str.maketrans({c: '"' for c in "«»“”„‟‹›"})
_AROUND_QUOTES = re.compile(r' ?" ?')
_BEFORE_PUNCTUATION = re.compile(r" (?=[?!:;%])")


def key(french: str) -> str:
    """The normalised French sentence that keys a correction."""
    text = unicodedata.normalize("NFC", french)
    text = _SPACES.sub(" ", text).strip()
    text = text.translate(_APOSTROPHES).translate(_QUOTES)
    text = _AROUND_QUOTES.sub('"', text)
    text = _BEFORE_PUNCTUATION.sub("", text)
    for i, char in enumerate(text):
        if char.isalpha():
            return text[:i] + char.lower() + text[i + 1 :]
    return text
