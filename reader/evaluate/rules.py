"""``reader eval A.fr.txt B.fr.txt … --lines --rules``: what each enforcement rule and each
glossary entry does to the English, over one or several aligned test sets.

Each set is translated raw once (through the cache), then enforced with a *trace*
(``reader.translate.enforce.Trace``): for every sentence enforcement changed, the rules and
entries that changed it — the mechanism (``splice``, ``stand-ins``, ``recase``,
``articles``), each glossary entry put in, each name rule that put a name back.

Attribution: a line's change in sentence chrF (sacrebleu, enforced minus raw) counts,
whole, for every rule and entry its trace names (a line two rules touched counts for
both: a rule is judged by the sentences it took part in). A rule *made a line better*
where the line's chrF rose, *worse* where it fell.

Per set, the three goal figures (issue 21): corpus chrF raw → enforced (goal: a gain of
0.3 at least), the share of changed lines made worse (at most 1 in 8) and the names the
reference keeps that the enforced English keeps (98 % at least), for the whole set and
for each half (the first and second half of its lines).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypedDict

from glossary.model import Entry
from reader.article import Article
from reader.errors import InputError
from reader.evaluate.inputs import lines_article, lines_reference
from reader.evaluate.scores import corpus_scores
from reader.evaluate.segments import Change, changes, lost_names, names_kept

GAIN = 0.3
"""Enforced corpus chrF at least raw + this, on each set."""
WORSE_SHARE = 0.125
"""At most this share of the changed lines worse by sentence chrF."""
NAMES_KEPT = 0.98
"""At least this share of the names the reference keeps, kept."""


class Figures(TypedDict):
    """The goal figures of a set or a part of one."""

    lines: int
    raw_chrf: float | None
    enforced_chrf: float | None
    changed: int
    better: int
    worse: int
    worse_share: float | None
    names: int
    names_kept_raw: float | None
    names_kept: float | None
    goals_met: bool


@dataclass
class RuleCount:
    """What one rule or entry did: lines changed, made better, made worse, and the
    sum of its lines' sentence-chrF changes."""

    changed: int = 0
    better: int = 0
    worse: int = 0
    delta: float = 0.0

    def add(self, delta: float) -> None:
        self.changed += 1
        self.better += delta > 0
        self.worse += delta < 0
        self.delta += delta

    def as_json(self) -> dict[str, int | float]:
        return {
            "changed": self.changed,
            "better": self.better,
            "worse": self.worse,
            "delta": round(self.delta, 2),
        }


@dataclass
class SetResult:
    """One test set: its figures, its halves', each rule's counts and the changed lines."""

    source: str
    reference: str
    figures: Figures
    halves: list[Figures]
    rules: dict[str, RuleCount] = field(default_factory=dict)
    lines: list[tuple[Change, frozenset[str]]] = field(default_factory=list)
    names_lost: list[tuple[int, str]] = field(default_factory=list)
    """(line, word): names the reference keeps that the enforced English lost."""


def line_rules(
    article: Article, trace: dict[tuple[int, int], frozenset[str]], changed: Sequence[Change]
) -> list[frozenset[str]]:
    """For each changed line, the rules and entries its sentences' traces name
    (``unattributed`` where enforcement changed it and said nothing: a bug to look at)."""
    out = []
    for c in changed:
        block = article.blocks[c.index]
        labels = frozenset().union(
            *(trace.get((c.index, i), frozenset()) for i in range(len(block.sentences)))
        )
        out.append(labels or frozenset({"unattributed"}))
    return out


def figures(
    article: Article,
    raw: Sequence[str],
    enforced: Sequence[str],
    references: Sequence[str],
    found: Sequence[Change],
    indices: range,
) -> Figures:
    """The goal figures over the lines ``indices`` of a set."""
    hyp_raw = [raw[i] for i in indices]
    hyp_enf = [enforced[i] for i in indices]
    refs = [references[i] for i in indices]
    blocks = [article.blocks[i] for i in indices]
    mine = [c for c in found if c.index in indices]
    worse = sum(1 for c in mine if c.delta < 0)
    better = sum(1 for c in mine if c.delta > 0)
    before = corpus_scores(hyp_raw, refs)["chrf"]
    after = corpus_scores(hyp_enf, refs)["chrf"]
    names_raw = names_kept(blocks, hyp_raw, refs) or {}
    names_enf = names_kept(blocks, hyp_enf, refs) or {}
    share = round(worse / len(mine), 4) if mine else None
    kept = names_enf.get("share")
    met = (
        before is not None
        and after is not None
        and after >= before + GAIN - 1e-9
        and (share is None or share <= WORSE_SHARE)
        and (kept is None or kept >= NAMES_KEPT)
    )
    return {
        "lines": len(indices),
        "raw_chrf": before,
        "enforced_chrf": after,
        "changed": len(mine),
        "better": better,
        "worse": worse,
        "worse_share": share,
        "names": int(names_enf.get("names") or 0),
        "names_kept_raw": names_raw.get("share"),
        "names_kept": kept,
        "goals_met": met,
    }


def score_set(
    article: Article,
    references: Sequence[str],
    raw: Sequence[str],
    enforced: Sequence[str],
    trace: dict[tuple[int, int], frozenset[str]],
    reference: str,
) -> SetResult:
    """A set's figures, its halves', and each rule's counts, from its raw and enforced lines."""
    french = [b.text for b in article.blocks]
    found = changes(french, raw, enforced, references)
    n = len(article.blocks)
    half = n // 2
    result = SetResult(
        article.source,
        reference,
        figures(article, raw, enforced, references, found, range(n)),
        [
            figures(article, raw, enforced, references, found, range(0, half)),
            figures(article, raw, enforced, references, found, range(half, n)),
        ],
    )
    result.names_lost = lost_names(article.blocks, enforced, references)
    for change, labels in zip(found, line_rules(article, trace, found), strict=True):
        result.lines.append((change, labels))
        for label in labels:
            result.rules.setdefault(label, RuleCount()).add(change.delta)
    return result


def run_set(
    path: Path, reference: Path, engine: str, entries: Sequence[Entry], spacy: bool
) -> SetResult:
    """Translates one aligned set raw (cached) and enforced with a trace, and scores it."""
    from reader.session import TranslationSession
    from reader.translate import enforce
    from reader.translate.enforce.nlp import Policy

    article = lines_article(path)
    references = lines_reference(article, reference)
    trace: dict[tuple[int, int], frozenset[str]] = {}
    with TranslationSession(article, engine, entries=entries) as session:
        policy: Policy = "wait" if spacy else "off"
        session.nlp_policy = policy
        session.yours = False  # the engine and the rules are scored, not the reader's English
        session.enforce = False
        raw = session.translate(article.blocks)
        used = session.engine
        if not enforce.enforceable(used):
            raise InputError(f"engine {used.name} is not enforced: no rules to score")
        with session.hold():
            enforced = enforce.apply(
                used, article.blocks, raw, entries, session.cache, nlp_policy=policy, trace=trace
            )
    return score_set(
        article,
        references,
        [b.text for b in raw],
        [b.text for b in enforced],
        trace,
        str(reference),
    )


def merged(results: Sequence[SetResult]) -> dict[str, RuleCount]:
    """Each rule's counts over all the sets."""
    out: dict[str, RuleCount] = {}
    for r in results:
        for label, count in r.rules.items():
            total = out.setdefault(label, RuleCount())
            total.changed += count.changed
            total.better += count.better
            total.worse += count.worse
            total.delta += count.delta
    return out


def report(
    results: Sequence[SetResult], engine: str, show_lines: bool = False
) -> dict[str, object]:
    """The JSON report: each set's figures and halves and rule counts, and the rules over all."""
    total = merged(results)
    order = sorted(total, key=lambda k: (-total[k].changed, k))
    sets: list[dict[str, object]] = []
    for r in results:
        one: dict[str, object] = {
            "source": r.source,
            "reference": r.reference,
            **r.figures,
            "halves": r.halves,
            "rules": {k: r.rules[k].as_json() for k in sorted(r.rules)},
        }
        if show_lines:
            one["changes"] = [
                {**c.as_json(), "delta": round(c.delta, 2), "rules": sorted(labels)}
                for c, labels in r.lines
            ]
            one["names_lost"] = [{"index": i, "name": w} for i, w in r.names_lost]
        sets.append(one)
    return {
        "engine": engine,
        "goals": {"chrf_gain": GAIN, "worse_share": WORSE_SHARE, "names_kept": NAMES_KEPT},
        "sets": sets,
        "rules": {k: total[k].as_json() for k in order},
    }


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.1f} %"


def _figures_row(label: str, f: Figures) -> list[str]:
    gain = (
        f"{f['enforced_chrf'] - f['raw_chrf']:+.2f}"
        if f["raw_chrf"] is not None and f["enforced_chrf"] is not None
        else "–"
    )
    return [
        label,
        f"{f['raw_chrf']:.2f} → {f['enforced_chrf']:.2f} ({gain})"
        if f["raw_chrf"] is not None and f["enforced_chrf"] is not None
        else "–",
        str(f["changed"]),
        f"{f['worse']} ({_pct(f['worse_share'])})",
        f"{_pct(f['names_kept_raw'])} → {_pct(f['names_kept'])}",
        "yes" if f["goals_met"] else "NO",
    ]


def print_table(data: dict[str, object], results: Sequence[SetResult]) -> None:
    """The sets' goal figures (and halves), then the rules, most changes first."""
    from rich.console import Console
    from rich.table import Table

    console = Console(highlight=False)
    sets = Table(box=None, padding=(0, 2), title=f"engine {data['engine']}, rules alone")
    for name in ("set", "chrF raw → enforced", "changed", "worse", "names kept", "goals"):
        sets.add_column(name, justify="left" if name == "set" else "right", no_wrap=True)
    for r in results:
        sets.add_row(*_figures_row(Path(r.source).name.removesuffix(".fr.txt"), r.figures))
        for n, half in enumerate(r.halves, 1):
            sets.add_row(*_figures_row(f"  half {n}", half))
    console.print(sets)
    console.print(
        f"goals: chrF +{GAIN} or more, at most {WORSE_SHARE * 100:.1f} % of changed lines "
        f"worse, names kept {NAMES_KEPT * 100:.0f} % or more",
        style="dim",
        markup=False,
    )
    rules = Table(box=None, padding=(0, 2))
    for name in ("rule or entry", "changed", "better", "worse", "Σ Δ chrF"):
        rules.add_column(name, justify="left" if name == "rule or entry" else "right", no_wrap=True)
    total = merged(results)
    for label in sorted(total, key=lambda k: (-total[k].changed, k)):
        count = total[label]
        flag = " ✗" if count.worse > count.better else ""
        rules.add_row(
            label + flag,
            str(count.changed),
            str(count.better),
            str(count.worse),
            f"{count.delta:+.1f}",
        )
    console.print(rules, markup=False)
    console.print(
        "✗: more often worse than better. A line's change counts for every rule that touched it.",
        style="dim",
        markup=False,
    )


def sets_of(paths: Sequence[Path], reference: Path | None) -> list[tuple[Path, Path]]:
    """Each set with its reference: NAME.en.txt beside NAME.fr.txt (or ``reference`` for one set)."""
    from reader.engines.reference import reference_path

    if reference is not None and len(paths) > 1:
        raise InputError(
            "--reference names one file: with several sets, put NAME.en.txt beside each"
        )
    out = []
    for path in paths:
        if not path.is_file():
            raise InputError(f"{path}: no such file")
        ref = reference if reference is not None else reference_path(path)
        if ref is None or not ref.is_file():
            raise InputError(f"{path}: no reference beside it (NAME.en.txt): --rules needs one")
        out.append((path, ref))
    return out


def entries_for(files: Sequence[Path]) -> list[Entry]:
    """With glossary files: those; else the reader's own glossary and the general one."""
    from glossary import user
    from glossary.curated import load_curated
    from glossary.general import load_general
    from glossary.sources import stack

    if not files:
        return stack(user.load(), load_general())
    for file in files:
        if not file.is_file():
            raise InputError(f"{file}: no such glossary file")
    return stack(*(load_curated(f) for f in files))


def rules_command(
    paths: Sequence[str | Path],
    engine: str,
    reference: Path | None,
    glossaries: Sequence[Path],
    *,
    lines: bool,
    fmt: str,
    spacy: bool,
    show_lines: bool = False,
    rules: bool = True,
) -> None:
    """``reader eval … --lines --rules``: prints the table or the JSON report (with
    ``show_lines``, the JSON lists every changed line with its rules)."""
    import json
    import sys

    if not rules:
        raise InputError("several test sets are scored together only with --lines --rules")
    if not lines:
        raise InputError("--rules scores aligned test sets: add --lines")
    pairs = sets_of([Path(p) for p in paths], reference)
    entries = entries_for(glossaries)
    results = [run_set(p, r, engine, entries, spacy) for p, r in pairs]
    data = report(results, engine, show_lines)
    if fmt == "json":
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        print_table(data, results)
