"""What a web page says about its article: title, author and publication date.

Read, in this order, from the page's schema.org JSON-LD (most news sites have it), its
``<meta>`` tags (Open Graph, Dublin Core), then its markup (h1, ``rel=author``,
``<time>``). Empty when the page does not say.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

from reader.textio import clean_line

if TYPE_CHECKING:
    from bs4 import BeautifulSoup, Tag


def page_facts(soup: BeautifulSoup) -> tuple[str, str, str]:
    """(title, author, date) of the page's article; the date ISO (``YYYY-MM-DD``) when it can tell."""
    facts = _linked_data(soup)
    return _title(soup, facts), _author(soup, facts), _date(soup, facts)


def text_of(tag: Tag) -> str:
    """A tag's text, cleaned, on one line."""
    return clean_line(tag.get_text(" "))


def _linked_data(soup: BeautifulSoup) -> dict[str, Any]:
    """The first schema.org article object in the page's JSON-LD, or {}."""
    for script in soup.find_all("script", type="application/ld+json"):
        try:
            data = json.loads(script.string or "")
        except (ValueError, TypeError):
            continue
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                kind = item.get("@type")
                kinds = kind if isinstance(kind, list) else [kind]
                if any(isinstance(k, str) and k.endswith(("Article", "Posting")) for k in kinds):
                    return item
                stack.extend(v for k, v in item.items() if k == "@graph")
    return {}


def _meta(soup: BeautifulSoup, *names: str) -> str:
    for name in names:
        tag = soup.find("meta", attrs={"property": name}) or soup.find("meta", attrs={"name": name})
        content = tag.get("content") if tag is not None else None
        if isinstance(content, str) and content.strip():
            return clean_line(content)
    return ""


def _title(soup: BeautifulSoup, facts: dict[str, Any]) -> str:
    headline = facts.get("headline")
    if isinstance(headline, str) and headline.strip():
        return clean_line(headline)
    found = _meta(soup, "og:title", "twitter:title")
    if found:
        return found
    h1 = soup.find("h1")
    if h1 is not None and text_of(h1):
        return text_of(h1)
    if soup.title is not None:
        # "Headline | Site" or "Headline - Site": the longest part is the headline.
        parts = re.split(r"\s+[|–—-]\s+", text_of(soup.title))
        return max(parts, key=len)
    return ""


def _author(soup: BeautifulSoup, facts: dict[str, Any]) -> str:
    names = []
    people = facts.get("author")
    for person in people if isinstance(people, list) else [people]:
        name = person.get("name") if isinstance(person, dict) else person
        if isinstance(name, str) and clean_line(name):
            names.append(clean_line(name))  # JSON's \u001b escapes decode to real controls
    if names:
        return ", ".join(dict.fromkeys(names))
    found = _meta(soup, "author", "article:author", "dc.creator", "sailthru.author")
    if found and not found.startswith("http"):
        return found
    tag = soup.find(True, attrs={"rel": "author"}) or soup.find(True, attrs={"itemprop": "author"})
    text = text_of(tag) if tag is not None else ""
    return text if 0 < len(text) <= 80 else ""


def _date(soup: BeautifulSoup, facts: dict[str, Any]) -> str:
    found = facts.get("datePublished")
    if not isinstance(found, str) or not found.strip():
        found = _meta(
            soup, "article:published_time", "date", "pubdate", "publishdate", "dc.date.issued"
        )
    if not found:
        tag = soup.find(True, attrs={"itemprop": "datePublished"}) or soup.find("time")
        if tag is not None:
            value = tag.get("datetime") or tag.get("content") or text_of(tag)
            found = value if isinstance(value, str) else ""
    found = clean_line(found)
    iso = re.match(r"\d{4}-\d{2}-\d{2}", found)
    return iso.group(0) if iso else found[:40]
