"""Long French texts built from the seed, for tests and benchmarks."""

from __future__ import annotations

import re

from tests.support.paths import SEED


def long_french_text(target_bytes: int = 1_000_000) -> str:
    """A ~1 MB French text (a book): the seed's paragraphs in chapters, with a number in
    every sentence, so no two sentences are the same and a cache saves nothing."""
    from reader.article import load

    blocks = load(SEED).blocks
    paragraphs = [b.text for b in blocks if b.kind == "paragraph"]
    headings = [b.text for b in blocks if b.kind == "heading"]
    parts = [blocks[0].text, ""]
    size, n = 0, 0
    count = iter(range(1, 10**9))
    while size < target_bytes:
        chapter = n // len(paragraphs) + 1
        if n % len(paragraphs) == 0:
            parts.append(f"{headings[chapter % len(headings)]} (partie {chapter})")
        text = re.sub(
            r"(?<=\w)[.?!](?=\s|$)",
            lambda m: f" ({next(count)}){m.group(0)}",
            paragraphs[n % len(paragraphs)],
        )
        parts.append(f"{text} (§ {n + 1}, chapitre {chapter}.)")
        size += len(parts[-1].encode("utf-8")) + 1
        n += 1
    return "\n".join(parts) + "\n"
