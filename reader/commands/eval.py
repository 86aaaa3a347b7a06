"""``reader eval PATH``: how good the English is, raw and with glossary enforcement, side by side."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from reader.commands.common import EngineChoice, EngineOption, notice
from reader.errors import InputError


class EvalFormat(str, Enum):
    table = "table"
    json = "json"


def eval_command(
    path: Annotated[
        str | None,
        typer.Argument(
            help="French article (.txt, .md, .html) or - for stdin.",
            metavar="PATH",
            show_default=False,
        ),
    ] = None,
    engine: EngineOption = EngineChoice("auto"),
    reference: Annotated[
        Path | None,
        typer.Option(
            "--reference",
            "-r",
            help="Human English, block for block (default: NAME.en.txt beside the article).",
            metavar="FILE",
        ),
    ] = None,
    glossaries: Annotated[
        list[Path] | None,
        typer.Option(
            "--glossary",
            "-g",
            help="A glossary TOML file to check and enforce (repeatable; before the article's own).",
            metavar="FILE",
        ),
    ] = None,
    fmt: Annotated[
        EvalFormat, typer.Option("--format", "-f", help="Output format.")
    ] = EvalFormat.table,
    lines: Annotated[
        bool,
        typer.Option(
            "--lines",
            help="PATH and the reference hold one sentence per line, aligned (MT test sets).",
        ),
    ] = False,
    show_worst: Annotated[
        int,
        typer.Option(
            "--worst",
            help="List the N changes enforcement made that lost the most sentence chrF.",
            metavar="N",
            min=0,
        ),
    ] = 0,
    spacy: Annotated[
        bool,
        typer.Option(
            "--spacy/--no-spacy",
            help="Enforce with spaCy's verdicts (loaded, seconds), or without them, as "
            "`reader translate` does in a fresh process.",
        ),
    ] = True,
    corrections: Annotated[
        bool,
        typer.Option(
            "--corrections",
            help="Score each engine, raw and enforced, against your own English "
            "(reader corrections): a personal test set. No PATH.",
        ),
    ] = False,
    rules: Annotated[
        bool,
        typer.Option(
            "--rules",
            help="With --lines: what each enforcement rule and glossary entry changed, made "
            "better and worse, over every set given (reference: NAME.en.txt beside each).",
        ),
    ] = False,
    more: Annotated[
        list[Path] | None,
        typer.Argument(help="More test sets (with --lines --rules).", show_default=False),
    ] = None,
) -> None:
    """Score the English against a reference (chrF, chrF++, BLEU) and the glossary (term accuracy)."""
    from reader import article as article_model
    from reader import evaluate
    from reader.session import TranslationSession

    if corrections:
        from reader.commands.eval_corrections import eval_corrections

        return eval_corrections(path, engine.value, spacy, fmt.value)
    if path is None:
        raise typer.BadParameter(
            "give a French text to score (or --corrections)", param_hint="PATH"
        )
    if rules or more:
        from reader.evaluate.rules import rules_command

        return rules_command(
            [path, *(more or [])],
            engine.value,
            reference,
            glossaries or [],
            lines=lines,
            fmt=fmt.value,
            spacy=spacy,
            show_lines=show_worst > 0,
            rules=rules,
        )

    article = evaluate.lines_article(path) if lines else article_model.load(path)
    reference = _reference(article, reference)
    references = None
    if reference is not None:
        read = evaluate.lines_reference if lines else evaluate.load_reference
        references = read(article, reference)
    entries, sources = _entries(article, glossaries or [])
    with TranslationSession(article, engine.value, notify=notice, entries=entries) as session:
        _check_scorable(session.engine.name, article, reference)
        # With spaCy's verdicts every run the same; --no-spacy: the rules alone, as
        # `reader translate` enforces (spaCy is never loaded there).
        session.nlp_policy = "wait" if spacy else "off"
        session.yours = False  # the engine is scored, not the reader's own English
        session.enforce = False
        raw = session.translate(article.blocks)
        session.enforce = True
        enforced = session.translate(article.blocks)
        name = session.engine.name
        _check_scorable(name, article, reference)  # a fallback engine is checked again
    report = evaluate.evaluate(
        article,
        name,
        raw,
        enforced,
        entries,
        references,
        str(reference) if reference is not None else None,
        sources,
        lines=lines,
        show_worst=show_worst,
    )
    if fmt is EvalFormat.json:
        sys.stdout.write(json.dumps(report, ensure_ascii=False, indent=2) + "\n")
    else:
        _print_table(report)


def _check_scorable(name: str, article, reference: Path | None) -> None:
    """Refuses what has no machine English to score: ``none`` (French only) and the
    reference engine scored against the very file it reads (100 by construction)."""
    from reader.engines.reference import reference_path

    if name == "none":
        raise InputError(
            "engine none gives no English: nothing to score (use -e apertium or -e argos)"
        )
    own = reference_path(article.path)
    if name == "reference" and (
        reference is None or (own is not None and own.resolve() == reference.resolve())
    ):
        raise InputError(
            "engine reference would be scored against itself: pick a machine engine "
            "(-e apertium or -e argos), or --reference another human translation"
        )


def _reference(article, given: Path | None) -> Path | None:
    from reader.engines.reference import reference_path

    if given is not None:
        if not given.is_file():
            raise InputError(f"{given}: no such reference file")
        return given
    default = reference_path(article.path)
    return default if default is not None and default.is_file() else None


def _entries(article, files: list[Path]):
    """With ``--glossary``: those files (they win on the same term), then the article's own.
    Without: every glossary the reader uses (yours, the article's, the general one)."""
    from glossary import user
    from glossary.curated import glossary_path, load_curated
    from glossary.general import load_general
    from glossary.sources import article_entries, stack

    own = glossary_path(article.path)
    own_entries = article_entries(article)
    own_sources = [str(own)] if own_entries and own is not None else []
    if not files:
        mine = user.load()
        sources = [*([str(user.path())] if mine else []), *own_sources, "general news glossary"]
        return stack(mine, own_entries, load_general()), sources
    given, sources = [], []
    for file in files:
        if not file.is_file():
            raise InputError(f"{file}: no such glossary file")
        given.append(load_curated(file))
        sources.append(str(file))
    return stack(*given, own_entries), sources + own_sources


def _cell(value, percent: bool = False) -> str:
    if value is None:
        return "–"
    return f"{value * 100:.1f} %" if percent else f"{value}"


def _print_table(report: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(box=None, padding=(0, 2))
    table.add_column("")
    table.add_column("raw", justify="right")
    table.add_column("enforced", justify="right")
    raw, enf = report["raw"], report["enforced"]
    for key, label in (("chrf", "chrF"), ("chrf++", "chrF++"), ("bleu", "BLEU")):
        table.add_row(label, _cell(raw[key]), _cell(enf[key]))
    names = report["names"]
    if names["raw"] is not None:
        table.add_row(
            f"names kept (of {names['raw']['names']})",
            _cell(names["raw"]["share"], True),
            _cell(names["enforced"]["share"], True),
        )
    table.add_row(
        "term occurrences", str(raw["terms"]["occurrences"]), str(enf["terms"]["occurrences"])
    )
    for key in ("lenient", "strict"):
        table.add_row(
            f"terms, {key}", _cell(raw["terms"][key], True), _cell(enf["terms"][key], True)
        )
    table.add_row("broken-term sentences", str(raw["broken"]), str(enf["broken"]))
    table.add_row("flagged sentences", str(raw["flagged"]), str(enf["flagged"]))
    table.add_row("unknown words", str(raw["unknown"]), str(enf["unknown"]))
    console = Console(highlight=False)
    console.print(f"{report['source']} — {report['engine']}", style="bold", markup=False)
    console.print(table)
    console.print(_changes_line(report), markup=False)
    console.print(_forced_line(report["forced"]), markup=False)
    console.print(f"glossaries: {', '.join(report['glossaries']) or 'none'}", markup=False)
    if report["reference"] is None:
        console.print("No reference translation: term accuracy only.", style="dim", markup=False)
    for n, change in enumerate(report["worst"], 1):
        console.print(
            f"\n{n}. {report['unit']} {change['index'] + 1}: chrF {change['raw_chrf']} → "
            f"{change['enforced_chrf']}",
            style="bold",
            markup=False,
        )
        for label in ("fr", "raw", "enforced", "reference"):
            console.print(f"  {label:>9}: {change[label]}", markup=False)


def _changes_line(report: dict) -> str:
    c = report["changes"]
    unit = report["unit"] + ("s" if c["segments"] != 1 else "")
    line = f"enforcement changed {c['changed']} of {c['segments']} {unit}"
    if c["worse"] is None:
        return line
    share = f" ({c['worse_share'] * 100:.0f} %)" if c["worse_share"] is not None else ""
    return f"{line}: {c['better']} better, {c['worse']} worse{share} by sentence chrF"


def _forced_line(forced: dict) -> str:
    return (
        f"enforced terms: {forced['enforced']}; raw English already carried the sense: "
        f"{forced['already_carried']}; broke the sentence: {forced['broke_grammar']} "
        f"(French left in {forced['french_left']}, word lost {forced['word_lost']}, "
        f"wrong number {forced['wrong_number']}); in worse {'segments'}: "
        f"{forced['in_worse_segments']}; counted wrong: {forced['counted_wrong']}"
    )
