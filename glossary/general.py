"""The general French→English news glossary shipped with the project (``glossary/data/news.toml``).

Institutions, places, economy, politics, justice, defence and society: vocabulary a
reader of French news meets every week. It sits below the user's glossary and the
article's own; its entries appear in an article's glossary only where they occur.

It overwrites the engine's English only where the French is unambiguous
(``follows_the_rule``): a term of several words, a name (capitalised French:
institutions, places, people, currencies, acronyms), or a one-word common term whose
one usual sense in news its ``sense`` states. Every other one-word common term says
``enforce = false``: marked and glossed, the engine's English left as it is. The
user's and an article's glossaries are enforced whatever their terms.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from glossary.curated import parse_entries
from glossary.model import Entry

FILE_NAME = "news.toml"


@lru_cache(maxsize=1)
def _entries() -> tuple[Entry, ...]:
    # Shipped and immutable: parsed once per process.
    text = resources.files("glossary").joinpath("data", FILE_NAME).read_text(encoding="utf-8")
    return tuple(parse_entries(text, f"glossary/data/{FILE_NAME}", "general"))


def one_word(french: str) -> bool:
    """No space and no hyphen: « retraite », not « cessez-le-feu » nor « taux directeur »."""
    return not any(c in french for c in " -‐‑–")


def follows_the_rule(entry: Entry) -> bool:
    """Whether an entry of this glossary follows its rule (see the module docstring):
    enforced only when several words, a name or a stated sense; a term that is not
    enforced states no sense."""
    if not entry.enforce:
        return not entry.sense
    return not one_word(entry.fr) or entry.fr[:1].isupper() or bool(entry.sense)


def load_general() -> list[Entry]:
    """Every entry of the general glossary, in file order."""
    return list(_entries())
