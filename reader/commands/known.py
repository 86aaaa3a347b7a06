"""``reader known set | import | export | seed``: the status of each French lemma you know
or are learning (new, learning-1 … learning-4, known, ignored)."""

from __future__ import annotations

import csv
import io
import json
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from reader.commands.common import OutputOption, check_output, notice, write_out
from reader.learning.store import STATUSES

if TYPE_CHECKING:
    from reader.learning.store import LearningStore

app = typer.Typer(
    help="Which French words you know: statuses by lemma, imports from word lists and Anki.",
    pretty_exceptions_enable=False,
    no_args_is_help=True,
)

Status = Enum("Status", {s: s for s in STATUSES}, type=str)  # type: ignore[misc]
"""The statuses as a Typer choice, from the one list in ``reader.learning.store``."""


class ExportFormat(str, Enum):
    csv = "csv"
    json = "json"


def _store() -> LearningStore:
    from reader.learning.store import LearningStore

    store = LearningStore()
    return store


def _said(store: LearningStore, changes: int, what: str) -> None:
    if store.notice:
        notice(store.notice)
    notice(f"{changes} lemma{'s' * (changes != 1)} {what}")


@app.command("set")
def known_set(
    lemma: Annotated[
        str, typer.Argument(help='The French lemma (chat, frapper) or phrase ("avoir lieu").')
    ],
    status: Annotated[Status, typer.Argument(help="new, learning-1 … learning-4, known, ignored.")],
    force: Annotated[
        bool,
        typer.Option(
            "--force", help="Store it as given, even if the reader does not know it as French."
        ),
    ] = False,
) -> None:
    """Set one lemma's status (a form is set as its lemma; names and numbers are refused),
    or a phrase's (in dictionary form: "mettre fin à")."""
    from reader.errors import InputError
    from reader.learning.french import lemma_to_set
    from reader.learning.phrases import canonical, is_phrase
    from reader.learning.store import normal

    if not normal(lemma):
        raise InputError("give a French lemma")
    if not force:
        chosen = lemma_to_set(lemma)
        if chosen.note:
            notice(chosen.note)
        lemma = chosen.lemma
    if is_phrase(lemma):  # « avoir lieu »: kept like a lemma, under its canonical form
        lemma = canonical(lemma)
    store = _store()
    change = store.set(lemma, status.value)
    if store.notice:
        notice(store.notice)
    if change is None:
        notice(f"{normal(lemma)} was already {status.value}")
    else:
        notice(f"{change.lemma}: {change.old} → {change.new}")


@app.command("import")
def known_import(
    file: Annotated[
        Path,
        typer.Argument(
            help="A word list, a CSV file, or an Anki deck (.apkg, .colpkg).", metavar="FILE"
        ),
    ],
    column: Annotated[
        str | None,
        typer.Option("--column", "-c", help="CSV: the column, by name or number from 1."),
    ] = None,
    field: Annotated[
        str | None,
        typer.Option("--field", help="Anki: the note field (default: each note's first)."),
    ] = None,
    status: Annotated[
        Status | None,
        typer.Option(
            "--status",
            help="The status to give (default: known; an export of reader known keeps its own).",
        ),
    ] = None,
) -> None:
    """Mark the words of a file known (or another status), each entry lemmatised; a file
    that ``reader known export`` wrote imports back with its statuses."""
    from reader.errors import InputError
    from reader.learning.imports import lemmas_of, read_entries, read_statuses

    if not file.is_file():
        raise InputError(f"{file}: no such file")
    exported = read_statuses(file) if column is None and field is None else None
    if exported is not None:
        if status is not None:
            exported = dict.fromkeys(exported, status.value)
        store = _store()
        changes = store.set_many(exported)
        _said(store, len(changes), f"changed ({len(exported)} lemmas with their statuses)")
        return
    given = "known" if status is None else status.value
    entries = read_entries(file, column, field, notify=notice)
    if not entries:
        raise InputError(f"{file}: no entries found")
    lemmas = lemmas_of(entries)
    if not lemmas:
        raise InputError(f"{file}: no French word to learn in its {len(entries)} entries")
    store = _store()
    changes = store.set_many(dict.fromkeys(lemmas, given))
    _said(store, len(changes), f"now {given} ({len(entries)} entries, {len(lemmas)} lemmas)")


@app.command("export")
def known_export(
    fmt: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="Output format.")
    ] = ExportFormat.csv,
    output: OutputOption = None,
) -> None:
    """Print every lemma with a status other than new (CSV or JSON)."""
    from reader.store import write_output

    check_output(output, fmt.value)
    store = _store()
    statuses = store.statuses()
    if store.notice:
        notice(store.notice)
    rows = [{"lemma": lemma, "status": statuses[lemma]} for lemma in sorted(statuses)]
    if fmt is ExportFormat.json:
        text = json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    else:
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=("lemma", "status"))
        writer.writeheader()
        writer.writerows(rows)
        text = out.getvalue()
    if output:
        write_output(output, text.encode("utf-8"))
    else:
        write_out(text)


@app.command("seed")
def known_seed(
    top: Annotated[
        int,
        typer.Option(
            "--top", "-n", min=1, help="How many of the most frequent lemmas.", metavar="N"
        ),
    ],
) -> None:
    """Mark the N most frequent French lemmas known (words you already have a status for
    keep it): a quick start for a reader who is not a beginner."""
    from reader.learning.frequency import top as most_frequent

    lemmas = most_frequent(top)
    store = _store()
    changes = store.set_many(dict.fromkeys(lemmas, "known"), only_new=True)
    _said(store, len(changes), f"of the {len(lemmas)} most frequent now known")
