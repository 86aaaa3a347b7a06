"""Main-text extraction from saved web pages against ground truth nobody here wrote.

Candidates, each read through the project's HTML reader (``reader.article.parse``) so
that they are compared on the blocks the reader would show:
- ``reader`` (what ships): ``reader.library.extract``, BeautifulSoup only;
- ``readability-lxml`` and ``trafilatura`` (``extract(..., output_format="html")`` on
  the saved HTML), when installed (they are not dependencies; install them in a
  scratch environment to compare); also trafilatura's plain text output, one paragraph a
  line, with and without tables (the reader shows no tables), which is not blocks the
  reader could show (no headings) but is how trafilatura's own figures are made;
- ``whole page``: the HTML reader on the page as it is (no extraction), the floor.

Data (not in the repository; give the folders):
- ``--aeb DIR``: scrapinghub/article-extraction-benchmark (MIT): ``html/*.html.gz`` and
  ``ground-truth.json`` (``articleBody``, one paragraph a line), 181 English pages.
  Scores per page, then averaged over pages (as that benchmark does):
  paragraph precision (share of extracted paragraphs found in the true body) and
  recall (share of true paragraphs found in the extraction), words compared after
  lower-casing, punctuation left out; and its own measure, precision and recall of
  4-word shingles. The pages are also scored in two halves (even and odd): the
  extractor's rules were tuned looking at the even half only.
- ``--traf DIR``: adbar/trafilatura's ``tests`` folder (Apache-2.0): ``evaldata.json``
  gives, per page, snippets that must be in the main text and snippets that must not
  (menus, comments, bylines). Scored on its French pages (``<html lang="fr">``); this
  set was made by trafilatura's author, so it favours trafilatura.

Run: .venv/bin/python -m benchmarks.extraction --aeb DIR [--traf DIR] [--show N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from reader.article import parse  # noqa: E402
from reader.errors import ReaderError  # noqa: E402

Extractor = Callable[[str], list[str]]
"""HTML → the paragraphs and headings of its main text (the title left out)."""


def _blocks(html: str) -> list[str]:
    """The blocks the HTML reader gives (the title left out)."""
    try:
        article = parse(html, "<page>", fmt="html")
    except ReaderError:
        return []
    return [b.text for b in article.blocks if b.kind != "title"]


def _paragraphed(html: str) -> list[str]:
    """Another extractor's HTML read as the reader's own extraction is: loose text and
    double line breaks made paragraphs, and a title put first (the HTML reader takes the
    first h1, else the first block, for the title, which is not scored): its own h1, the
    page's title, goes, so that its first paragraph is never taken for the title."""
    from bs4 import BeautifulSoup

    from reader.library.paragraphs import loose_text_to_paragraphs

    soup = BeautifulSoup(html, "html.parser")
    for h1 in soup("h1"):
        h1.decompose()
    loose_text_to_paragraphs(soup)
    return _blocks(f"<html><body><h1>title</h1>{soup}</body></html>")


def reader_extractor(html: str) -> list[str]:
    from reader.library.extract import extract

    try:
        return _blocks(extract(html, "<page>").html)
    except ReaderError:
        return []


def whole_page(html: str) -> list[str]:
    return _blocks(html)


def readability_extractor() -> Extractor | None:
    try:
        from readability import Document
    except ImportError:
        return None
    return lambda html: _paragraphed(Document(html).summary(html_partial=True))


def trafilatura_extractor() -> Extractor | None:
    try:
        import trafilatura
    except ImportError:
        return None

    def run(html: str) -> list[str]:
        found = trafilatura.extract(html, output_format="html", include_comments=False)
        return _paragraphed(found) if found else []

    return run


def trafilatura_text_extractor(tables: bool = True) -> Extractor | None:
    """trafilatura's own text output, one paragraph a line (how its published figures are
    made); ``tables=False`` leaves tables out, as the reader does."""
    try:
        import trafilatura
    except ImportError:
        return None

    def run(html: str) -> list[str]:
        found = trafilatura.extract(html, include_comments=False, include_tables=tables)
        return [line for line in (found or "").splitlines() if line.strip()]

    return run


def candidates() -> dict[str, Extractor]:
    found: dict[str, Extractor | None] = {
        "reader": reader_extractor,
        "readability-lxml": readability_extractor(),
        "trafilatura": trafilatura_extractor(),
        "trafilatura (text)": trafilatura_text_extractor(),
        "trafilatura (text, no tables)": trafilatura_text_extractor(tables=False),
        "whole page": whole_page,
    }
    for name, extractor in found.items():
        if extractor is None:
            print(f"({name} is not installed here: left out)")
    return {name: e for name, e in found.items() if e is not None}


_PACKAGES = {
    "reader": "bilingual-reader",
    "trafilatura (text)": "trafilatura",
    "trafilatura (text, no tables)": "trafilatura",
}


def version(name: str) -> str:
    from importlib import metadata

    try:
        return metadata.version(_PACKAGES.get(name, name))
    except metadata.PackageNotFoundError:
        return ""


# ---------------------------------------------------------------- scoring


def words(text: str) -> str:
    """Lower-cased words, one space apart, with a space at each end (for whole-word search)."""
    return " " + " ".join(re.findall(r"\w+", text.lower())) + " "


@dataclass(frozen=True)
class PageScore:
    precision: float | None
    """None when nothing was extracted (left out of the precision average, as the benchmark does)."""
    recall: float
    shingle_precision: float | None
    shingle_recall: float


def _share(parts: list[str], whole: str) -> float | None:
    kept = [p for p in (words(x) for x in parts) if p.strip()]
    if not kept:
        return None
    return sum(p in whole for p in kept) / len(kept)


def _shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = text.split()
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)))


def score_page(extracted: list[str], truth: str) -> PageScore:
    true_paragraphs = [line for line in truth.splitlines() if line.strip()]
    true_words, found_words = words(truth), words(" \n ".join(extracted))
    precision = _share(extracted, true_words)
    recall = _share(true_paragraphs, found_words) or 0.0
    t, p = _shingles(true_words), _shingles(found_words)
    common = sum((t & p).values())
    return PageScore(
        precision,
        recall,
        common / sum(p.values()) if extracted else None,
        common / max(1, sum(t.values())),
    )


def _mean(values: list[float | None]) -> float:
    kept = [v for v in values if v is not None]
    return statistics.fmean(kept) if kept else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def report(name: str, scores: list[PageScore], seconds: float) -> str:
    p = _mean([s.precision for s in scores])
    r = _mean([s.recall for s in scores])
    sp = _mean([s.shingle_precision for s in scores])
    sr = _mean([s.shingle_recall for s in scores])
    empty = sum(s.precision is None for s in scores)
    return (
        f"  {name:29} paragraphs P {p:.3f} R {r:.3f} F1 {_f1(p, r):.3f} | "
        f"shingles P {sp:.3f} R {sr:.3f} F1 {_f1(sp, sr):.3f} | "
        f"empty {empty:3} | {1000 * seconds / max(1, len(scores)):5.0f} ms/page"
    )


# ---------------------------------------------------------------- the two data sets


def article_benchmark(folder: Path, extractors: dict[str, Extractor], show: int) -> None:
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    keys = sorted(truth)
    pages = {k: gzip.decompress((folder / "html" / f"{k}.html.gz").read_bytes()) for k in keys}
    print(f"\nscrapinghub/article-extraction-benchmark: {len(keys)} pages (English)")
    results: dict[str, dict[str, PageScore]] = {}
    seconds: dict[str, float] = {}
    for name, extractor in extractors.items():
        started = time.perf_counter()
        found = {k: extractor(pages[k].decode("utf-8")) for k in keys}
        seconds[name] = time.perf_counter() - started
        results[name] = {k: score_page(found[k], truth[k]["articleBody"]) for k in keys}
    for label, part in (("all", keys), ("even (tuned on)", keys[0::2]), ("odd", keys[1::2])):
        print(f" {label}: {len(part)} pages")
        for name in extractors:
            share = seconds[name] * len(part) / len(keys)
            print(report(name, [results[name][k] for k in part], share))
    if show:
        ours = results["reader"]
        worst = sorted(keys, key=lambda k: _f1(ours[k].precision or 0, ours[k].recall))
        print(f"\nreader's {show} worst pages (even half only):")
        for k in [k for k in worst if keys.index(k) % 2 == 0][:show]:
            s = ours[k]
            print(f"  {k[:12]} P {s.precision} R {s.recall:.2f} {truth[k].get('url', '')}")


def snippet_benchmark(folder: Path, extractors: dict[str, Extractor]) -> None:
    data = json.loads((folder / "evaldata.json").read_text(encoding="utf-8"))
    pages = []
    for item in data.values():
        path = next(
            (
                p
                for p in (folder / "eval" / item["file"], folder / "cache" / item["file"])
                if p.exists()
            ),
            None,
        )
        if path is None:
            continue
        html = path.read_bytes().decode("utf-8", errors="replace")
        if re.search(r"<html[^>]*\blang=[\"']?fr", html[:5000], re.IGNORECASE):
            pages.append((html, item["with"], item["without"]))
    snippets = sum(len(w) + len(wo) for _, w, wo in pages)
    print(f"\nadbar/trafilatura evaluation, French pages: {len(pages)} pages, {snippets} snippets")
    for name, extractor in extractors.items():
        tp = fn = fp = tn = 0
        for html, wanted, unwanted in pages:
            found = words(" \n ".join(extractor(html)))
            hits = [words(s).strip() in found for s in wanted]
            tp, fn = tp + sum(hits), fn + len(hits) - sum(hits)
            slips = [words(s).strip() in found for s in unwanted]
            fp, tn = fp + sum(slips), tn + len(slips) - sum(slips)
        p, r = tp / max(1, tp + fp), tp / max(1, tp + fn)
        print(
            f"  {name:29} snippets P {p:.3f} R {r:.3f} F1 {_f1(p, r):.3f} (kept out {tn}/{fp + tn})"
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--aeb", type=Path, help="article-extraction-benchmark folder")
    parser.add_argument("--traf", type=Path, help="trafilatura's tests folder")
    parser.add_argument("--show", type=int, default=0, help="list the reader's N worst pages")
    args = parser.parse_args()
    extractors = candidates()
    print("versions: " + ", ".join(f"{n} {version(n)}".strip() for n in extractors))
    if args.aeb:
        article_benchmark(args.aeb, extractors, args.show)
    if args.traf:
        snippet_benchmark(args.traf, extractors)


if __name__ == "__main__":
    main()
