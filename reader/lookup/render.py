"""A ``LookupResult`` as Rich text: the one rendering shared by ``reader lookup`` and the panel.

Built with ``Text.append`` only (never markup), so a dictionary's ``[brackets]`` stay text;
everything from files has already been made printable by the service.
"""

from __future__ import annotations

from rich.text import Text

from reader.lookup.service import LookupResult

NOTHING_FOUND = "No offline source knows this word."
PROPER_NOTE = "A proper noun: a name, usually kept as it is in English."


def headline(result: LookupResult) -> Text:
    """``villes → ville · noun, feminine plural`` (or the glossary term that won)."""
    text = Text()
    if result.term:
        text.append(f"« {result.term} »", "bold")
        text.append("  glossary term", "dim")
        return text
    text.append(result.word, "bold")
    if result.lemma and result.lemma != result.word:
        text.append("  →  ")
        text.append(result.lemma, "bold italic")
    if result.description:
        text.append(f"  ·  {result.description}", "dim")
    return text


def glosses(result: LookupResult, selected: int | None = None) -> Text:
    """Numbered glosses, best first, each with its source; the selected one highlighted."""
    text = Text()
    if not result.glosses:
        text.append(NOTHING_FOUND, "italic")
        return text
    for n, gloss in enumerate(result.glosses):
        style = "reverse" if n == selected else ""
        text.append(f"{n + 1:>2} ", "dim")
        text.append(gloss.text, style or "bold")
        text.append(f"  — {gloss.source}\n", "dim")
    text.rstrip()
    return text


def glossary(result: LookupResult) -> Text:
    text = Text()
    for hit in result.glossary:
        e = hit.entry
        text.append(e.fr, "bold")
        text.append(" → ")
        text.append(e.en or "—", "italic")
        text.append(f"  {e.kind} · {hit.source}\n", "dim")
        if e.definition:
            text.append(f"   {e.definition}\n")
    text.rstrip()
    return text


def sentence_pair(result: LookupResult) -> Text:
    """The French sentence with the word (or term) marked, then its English."""
    text = Text()
    if not result.sentence:
        return text
    text.append(result.sentence)
    if 0 <= result.start < result.end <= len(result.sentence):
        text.stylize("bold underline", result.start, result.end)
    if result.english:
        text.append("\n")
        text.append(result.english, "italic")
    return text


def as_text(
    result: LookupResult, selected: int | None = None, notes: bool = False, compact: bool = False
) -> Text:
    """The whole lookup: headline, proper-noun note, glosses, the sentence pair, the glossary's
    definitions, and (``notes``) the sources not used. ``compact``: no blank lines (the panel)."""
    parts = [headline(result)]
    if result.term:
        line = Text(result.word, "bold")
        if result.lemma != result.word:
            line.append(f"  →  {result.lemma}", "italic")
        if result.description:
            line.append(f"  ·  {result.description}", "dim")
        parts.append(line)
    if result.proper:
        parts.append(Text(PROPER_NOTE, "italic"))
    parts.append(glosses(result, selected))
    for phrase in result.phrases:  # Apertium's multi-word unit around the word
        line = Text("In the phrase ", "dim")
        line.append(f"« {phrase.text} »", "bold")
        line.append(f"  {phrase.source}" if phrase.source else "", "italic")
        parts.append(line)
    for part in (sentence_pair(result), glossary(result)):
        if part.plain:
            parts.append(part)
    if notes and result.notes:
        parts.append(Text("\n".join(f"Not used: {n}" for n in result.notes), "dim"))
    return Text("\n" if compact else "\n\n").join(parts)
