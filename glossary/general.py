"""The general French→English news glossary shipped with the project (``glossary/data/news.toml``).

Institutions, places, economy, politics, justice, defence and society: vocabulary a
reader of French news meets every week. It sits below the user's glossary and the
article's own; its entries appear in an article's glossary only where they occur.
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


def load_general() -> list[Entry]:
    """Every entry of the general glossary, in file order."""
    return list(_entries())
