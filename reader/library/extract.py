"""The main text of a web page: its paragraphs and headings, its title, author and date;
navigation, adverts, comments, share buttons and "read also" boxes left out.

Chosen by measurement (``benchmarks/extraction.py``, figures in the README): on
BeautifulSoup, already a dependency, with readability's idea. It scores as well as
readability-lxml; trafilatura scores 1.5 to 2 points of F1 higher on English pages and
4 on French ones, but brings 12 packages and 41 MB (36 MB of it babel's locale data,
through courlan); this adds nothing.
Paragraph-like elements score their parent and grandparent (longer text and more commas
score more); a class or id that names boilerplate (comment, share, related …) removes an
element, one that names content (article, story …) favours it; links lower a candidate's
score by their share of its text. The best candidate and those of its siblings that score
close to it are the article. Its HTML then goes through the project's HTML reader
(``reader.article.html_units``), so a web page and an HTML file give blocks alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape as _escape
from typing import TYPE_CHECKING

from reader.errors import InputError
from reader.library.pagefacts import page_facts
from reader.library.pagefacts import text_of as _text
from reader.library.paragraphs import BLOCK_LEVEL, loose_text_to_paragraphs

if TYPE_CHECKING:
    from bs4 import BeautifulSoup, Tag

MIN_WORDS = 30
"""A page whose main text has fewer words holds no article (a menu, a login form, a list)."""
ENOUGH_WORDS = 80
"""Fewer words than this after removing boilerplate-named elements: try again without that
step (as readability does), in case a wrapper of the whole page had such a name."""

_DROPPED_TAGS = (
    "script style noscript template iframe svg canvas button input select textarea "
    "nav aside footer dialog object embed"
).split()
# Words of class and id attributes (split at "-", "_" and camelCase). A boilerplate word
# removes an element unless a content word is there too ("main-content comments-on" stays).
_BOILERPLATE = re.compile(
    r"\b(?:comment|disqus|share|sharing|social|related|recommend|read more|more stories|"
    r"also|aussi|newsletter|subscri|signup|sign up|promo|advert|sponsor|ads?|adslot|dfp|"
    r"outbrain|taboola|sidebar|widget|masthead|breadcrumb|menu|nav|navigation|footer|"
    r"cookie|consent|gdpr|popup|modal|banner|paywall|toolbar|pagination|pager|tags|"
    r"author bio|print|skip|hidden|visually hidden|sr only|caption|credit|byline)",
    re.IGNORECASE,
)
_CONTENT = re.compile(
    r"\b(?:article|content|entry|main|post|story|text|body|blog|chapo|chapeau|lede|corps)",
    re.IGNORECASE,
)
_PARAGRAPHS = ("p", "pre", "blockquote")
_SENTENCE_END = '.!?…»"”)'
# Whole short blocks that are page furniture, in French and English.
_FURNITURE = re.compile(
    r"^(?:advert|advertisement|publicité|pub|sponsored|sponsorisé|"
    r"(?:à |a )?lire aussi|voir aussi|sur le même sujet|les plus lus|les plus partagés|"
    r"read more|read also|see also|related|more from|most read|most popular|recommended|"
    r"you may also like|you might also like|share|partager|partagez|commentaires?|comments?|"
    r"abonnez-vous|subscribe|newsletter|sign up|inscrivez-vous|pour lire la suite|"
    r"la suite est réservée|this slideshow requires)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Page:
    """What a page says about its article, and the article's HTML for the HTML reader."""

    title: str
    author: str
    date: str
    """The publication date as the page gives it (ISO ``YYYY-MM-DD`` when it can tell)."""
    html: str


def extract(html: str, source: str) -> Page:
    """The article of a page, or InputError when the page holds none."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    title, author, date = page_facts(soup)
    parts, words = [], 0
    for strict in (True, False):
        if not strict:
            soup = BeautifulSoup(html, "html.parser")
        _strip(soup, strict)
        loose_text_to_paragraphs(soup)
        found = _article(soup)
        count = sum(len(p.get_text(" ").split()) for part in found for p in _prose(part))
        if count > words:
            parts, words = found, count
        if words >= ENOUGH_WORDS:
            break
    body = "".join(str(part) for part in parts)
    if words < MIN_WORDS:
        raise InputError(f"{source}: no article found on this page (only {words} words of text)")
    head = f"<title>{_escape(title)}</title>" if title else ""
    heading = f"<h1>{_escape(title)}</h1>" if title else ""
    return Page(
        title, author, date, f"<html><head>{head}</head><body>{heading}{body}</body></html>"
    )


# ---------------------------------------------------------------- the article


def _names(tag: Tag) -> str:
    """The words of the tag's class and id: ``PageBuilder-pageRow`` gives ``page builder page row``."""
    classes: object = tag.get("class") or []
    ident = tag.get("id") or ""
    listed = [str(c) for c in classes] if isinstance(classes, list) else [str(classes)]
    names = " ".join([*listed, str(ident)])
    return " ".join(re.split(r"[^A-Za-z0-9]+", re.sub(r"([a-z])([A-Z])", r"\1 \2", names))).strip()


def _hidden(tag: Tag) -> bool:
    style = str(tag.get("style") or "").replace(" ", "").lower()
    return (
        "display:none" in style
        or "visibility:hidden" in style
        or tag.get("aria-hidden") == "true"
        or tag.has_attr("hidden")
        or tag.get("role") in ("navigation", "complementary", "contentinfo", "banner", "dialog")
    )


def _strip(soup: BeautifulSoup, strict: bool) -> None:
    """Removes what is never the article: scripts, navigation, hidden elements; when
    ``strict``, also forms and boilerplate-named elements, unless they wrap the article
    (hold an h1, an article or a main element)."""
    for tag in soup(_DROPPED_TAGS):
        tag.decompose()
    for tag in soup.find_all(True):
        if tag.decomposed or tag.name in ("html", "body", "article", "main"):
            continue
        if _hidden(tag):
            tag.decompose()
            continue
        if not strict:
            continue
        names = _names(tag)
        named = bool(names and _BOILERPLATE.search(names) and not _CONTENT.search(names))
        if (named or tag.name == "form") and tag.find(["h1", "article", "main"]) is None:
            tag.decompose()
    for header in soup("header"):
        if header.find("h1") is None:  # a page header; an article's header holds its h1
            header.decompose()


def _link_density(tag: Tag, text_length: int) -> float:
    linked = sum(len(_text(a)) for a in tag.find_all("a"))
    return linked / max(1, text_length)


def _prose(tag: Tag) -> list[Tag]:
    """The paragraph-like elements in ``tag``: p, pre, blockquote, and div leaves."""
    found = [t for t in tag.find_all([*_PARAGRAPHS, "div"]) if _leaf(t)]
    if tag.name in _PARAGRAPHS or (tag.name == "div" and _leaf(tag)):
        found.insert(0, tag)
    return found


def _leaf(tag: Tag) -> bool:
    if tag.name != "div":
        return True
    return not any(child.name in BLOCK_LEVEL for child in tag.find_all(True))


def _article(soup: BeautifulSoup) -> list[Tag]:
    """The best-scoring container and those of its siblings that belong with it."""
    body = soup.body or soup
    scores: dict[int, float] = {}
    tags: dict[int, Tag] = {}
    for para in _prose(body):
        text = _text(para)
        if len(text) < 25:
            continue
        points = 1 + text.count(",") + min(len(text) // 100, 3)
        for depth, ancestor in enumerate(para.parents):
            if depth == 3 or ancestor is None or ancestor.name in (None, "[document]"):
                break
            key = id(ancestor)
            if key not in scores:
                tags[key] = ancestor
                scores[key] = _initial(ancestor)
            scores[key] += points / (1, 2, 6)[depth]
    if not scores:
        return []
    for key, tag in tags.items():
        scores[key] *= 1 - _link_density(tag, len(_text(tag)))
    top_key = max(scores, key=lambda k: scores[k])
    top = _common_ancestor(
        tags[top_key], [tags[k] for k in scores if scores[k] >= 0.75 * scores[top_key]]
    )
    threshold = max(10.0, scores[top_key] * 0.2)
    parent = top.parent
    if parent is None:
        return [top]
    kept = []
    for sibling in parent.find_all(True, recursive=False):
        if sibling is top or scores.get(id(sibling), 0) >= threshold or _good_paragraph(sibling):
            kept.append(sibling)
    for part in kept:
        _tidy(part)
    return kept


def _common_ancestor(top: Tag, strong: list[Tag]) -> Tag:
    """An article cut into sections by figures or quotes scores in each: when other
    candidates score nearly as well as the best (none inside another), their closest
    common ancestor is the article (readability's rule, up to three of them)."""
    lineage = set(map(id, top.parents))
    others = [t for t in strong if t is not top and id(t) not in lineage and top not in t.parents]
    need = min(len(others), 3)
    if not need:
        return top
    for ancestor in top.parents:
        if ancestor.name in ("body", "html", "[document]"):
            break
        if sum(1 for other in others if ancestor in other.parents) >= need:
            return ancestor
    return top


def _initial(tag: Tag) -> float:
    score = {"article": 10, "main": 5, "div": 5, "section": 3, "pre": 3, "td": 3}.get(
        tag.name or "", 0
    )
    score += {"blockquote": 3, "form": -3, "ol": -3, "ul": -3, "li": -3, "th": -5}.get(
        tag.name or "", 0
    )
    names = _names(tag)
    if names and _CONTENT.search(names):
        score += 25
    if names and _BOILERPLATE.search(names):
        score -= 25
    return score


def _good_paragraph(tag: Tag) -> bool:
    if tag.name != "p":
        return False
    text = _text(tag)
    density = _link_density(tag, len(text))
    if len(text) >= 80:
        return density < 0.25
    return density == 0 and text.endswith(tuple(_SENTENCE_END))


def _tidy(part: Tag) -> None:
    """Inside the article: drops link lists, furniture lines and figures' credits."""
    for tag in part.find_all(["ul", "ol", "div", "section", "table", "p", "figure"]):
        if tag.decomposed:
            continue
        text = _text(tag)
        if tag.name == "figure" or not text:
            if tag.name == "figure" or tag.find("img") is None:
                tag.decompose()
            continue
        if _FURNITURE.match(text) and (
            len(text) < 200 or (tag.name != "p" and _link_density(tag, len(text)) > 0.3)
        ):
            tag.decompose()
        elif tag.name != "p" and _link_density(tag, len(text)) > 0.5:
            tag.decompose()
