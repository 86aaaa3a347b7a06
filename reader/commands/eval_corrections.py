"""``reader eval --corrections``: each engine against the reader's own English."""

from __future__ import annotations

import json
import sys

from reader.commands.common import notice
from reader.errors import InputError


def eval_corrections(path: str | None, engine: str, spacy: bool, fmt: str) -> None:
    from reader.evaluate.personal import score_engines

    if path is not None:
        raise InputError("--corrections scores your own English: give no PATH with it")
    report = score_engines(engine, spacy=spacy, notify=notice)
    if fmt == "json":
        sys.stdout.write(json.dumps(report, ensure_ascii=False, indent=2) + "\n")
        return
    from rich.console import Console
    from rich.table import Table

    rows = report["engines"]
    assert isinstance(rows, list)
    table = Table(box=None, padding=(0, 2))
    table.add_column("")
    for row in rows:
        table.add_column(f"{row['engine']} raw", justify="right")
        table.add_column(f"{row['engine']} enforced", justify="right")
    for key, label in (("chrf", "chrF"), ("chrf++", "chrF++"), ("bleu", "BLEU")):
        table.add_row(label, *(str(row[part][key]) for row in rows for part in ("raw", "enforced")))
    console = Console(highlight=False)
    console.print(
        f"your corrections — {report['segments']} sentences, your English as the reference",
        style="bold",
        markup=False,
    )
    console.print(table)
    console.print("engines: " + "; ".join(str(row["label"]) for row in rows), markup=False)
