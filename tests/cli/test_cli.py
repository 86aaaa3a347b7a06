"""The real ``reader`` command, as a user runs it: output formats, exit codes, one-line errors."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.support.cli import READER, one_line_error, run_reader
from tests.support.paths import ROOT, SEED


def test_translate_json_reference() -> None:
    done = run_reader("translate", str(SEED), "--engine", "reference", "--format", "json")
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)
    assert set(doc) == {"source", "title", "blocks"}
    assert doc["title"] == "Que se passe-t-il maintenant que Trump a rejeté Poutine ?"
    kinds = [b["kind"] for b in doc["blocks"]]
    assert kinds.count("title") == 1 and kinds.count("lede") == 1
    assert kinds.count("heading") == 6 and kinds.count("paragraph") == 12
    for i, block in enumerate(doc["blocks"]):
        assert (
            block["index"] == i and block["fr"] and block["en"] and block["engine"] == "reference"
        )
        assert [s["fr"] for s in block["sentences"]] and all(s["en"] for s in block["sentences"])


def test_translate_text_two_columns_on_a_terminal() -> None:
    from rich.console import Console

    from reader import article as article_model
    from reader.commands import output
    from reader.engines.reference import ReferenceEngine
    from reader.translation import translate_blocks

    article = article_model.load(SEED)
    english = translate_blocks(ReferenceEngine(article), article.blocks)
    wide = Console(width=140, record=True, file=io.StringIO())
    output.print_text(wide, article, english)
    assert "Français" in wide.export_text().splitlines()[0]
    narrow = Console(width=70, record=True, file=io.StringIO())
    output.print_text(narrow, article, english)
    text = narrow.export_text()
    assert "Français" not in text and "What happens now" in text


def test_translate_to_a_pipe_is_unwrapped_and_markdown() -> None:
    piped = run_reader("translate", str(SEED), "--engine", "reference", env={"COLUMNS": "60"})
    assert piped.returncode == 0
    lines = piped.stdout.splitlines()
    assert lines[0] == "Que se passe-t-il maintenant que Trump a rejeté Poutine ?"
    assert max(len(line) for line in lines) > 200  # paragraphs are not hard-wrapped
    assert not any(line != line.rstrip() for line in lines)
    md = run_reader("translate", str(SEED), "--engine", "reference", "--format", "markdown")
    assert md.stdout.startswith("# Que se passe-t-il") and "> # What happens now" in md.stdout
    assert "*English: reference sha256:" in md.stdout


def test_markdown_output_keeps_the_text_as_text() -> None:
    """QA 2026-12-01 Q20: « # 1 au classement » is not a heading, <b> is not HTML."""
    from markdown_it import MarkdownIt

    from reader import article as article_model
    from reader.commands import output
    from reader.translation import BlockTranslation

    paragraphs = [
        "# 1 au classement, devant *tous* les autres.",
        "1. Premier point avec <b>gras</b> & [un lien](http://x) `code` _ici_ \\o/.",
        "- Une liste ? + Non. > Pas une citation.",
        "=== Fin ===",
    ]
    article = article_model.parse("Le titre ** étoilé\n\n" + "\n\n".join(paragraphs), "md.txt")
    # The English repeats the French: an engine's English is escaped the same way.
    english = [BlockTranslation(b.index, (b.text,), "echo", "1") for b in article.blocks]
    md = output.to_markdown(article, english)
    tokens = MarkdownIt("commonmark").parse(md)
    blocks = {"heading", "paragraph", "blockquote"}
    assert {t.type.rsplit("_", 1)[0] for t in tokens if t.type != "inline"} <= blocks
    assert [t.tag for t in tokens if t.type == "heading_open"] == ["h1", "h1"]  # the title
    inline = [t for t in tokens if t.type == "inline"][:-1]  # the last is *English: echo 1*
    assert {c.type for t in inline for c in t.children or []} == {"text"}
    shown = ["".join(c.content for c in t.children or []) for t in inline]
    assert shown == [text for text in ["Le titre ** étoilé", *paragraphs] for _ in "fr en".split()]


def test_stdin_article() -> None:
    done = run_reader(
        "translate",
        "-",
        "--engine",
        "none",
        "--format",
        "json",
        stdin=b"Titre du jour\nUn paragraphe. Une autre phrase.",
    )
    doc = json.loads(done.stdout)
    assert doc["source"] == "<stdin>" and doc["blocks"][1]["engine"] == "none"


@pytest.mark.parametrize(
    "content, message",
    [
        (None, "no such file"),
        (b"", "is empty"),
        (b"  \n \t\n", "has no text"),
        (b"\x00\x01\x02binary\xff", "binary"),
    ],
)
def test_bad_input_one_line_exit_1(tmp_path: Path, content, message: str) -> None:
    path = tmp_path / "article.txt"
    if content is not None:
        path.write_bytes(content)
    assert message in one_line_error(run_reader("translate", str(path), "--engine", "none"))


def test_windows_1252_file_keeps_accents(tmp_path: Path) -> None:
    path = tmp_path / "cp1252.txt"
    path.write_bytes(
        "Élection présidentielle\nLe député a déclaré : « Ça suffit ! » Même à Noël.".encode(
            "cp1252"
        )
    )
    doc = json.loads(
        run_reader("translate", str(path), "--engine", "none", "--format", "json").stdout
    )
    assert doc["title"] == "Élection présidentielle"
    assert doc["blocks"][1]["fr"] == "Le député a déclaré : « Ça suffit ! » Même à Noël."


def test_usage_error_exits_2() -> None:
    done = run_reader("translate", str(SEED), "--engine", "babel")
    assert done.returncode == 2 and "Traceback" not in done.stderr


def test_auto_without_argos_says_what_it_picked(tmp_path: Path) -> None:
    env = {"ARGOS_PACKAGES_DIR": str(tmp_path / "no-packages")}
    done = run_reader("translate", str(SEED), "--format", "json", env=env)
    assert done.returncode == 0, done.stderr
    engine = "apertium" if shutil.which("apertium") else "reference"
    assert f"auto: {engine}" in done.stderr and "reader models install" in done.stderr
    assert json.loads(done.stdout)["blocks"][0]["engine"] == engine


def test_argos_end_to_end_and_corrupt_cache(installed_standin: Path, tmp_path: Path) -> None:
    env = {"READER_DATA_DIR": str(tmp_path / "data")}
    first = run_reader("translate", str(SEED), "--engine", "argos", "--format", "json", env=env)
    assert first.returncode == 0, first.stderr
    blocks = json.loads(first.stdout)["blocks"]
    assert all(
        b["engine"] == "argos" and b["engine_version"].endswith("0.0.1-standin") for b in blocks
    )
    (tmp_path / "data" / "cache.sqlite3").write_bytes(b"garbage" * 1000)
    for name in ("cache.sqlite3-wal", "cache.sqlite3-shm"):
        (tmp_path / "data" / name).unlink(missing_ok=True)
    again = run_reader("translate", str(SEED), "--engine", "argos", "--format", "json", env=env)
    assert again.returncode == 0, again.stderr
    assert "notice: translation cache was unreadable" in again.stderr
    assert json.loads(again.stdout)["blocks"] == blocks


def test_models_list_and_remove(standin_archive: Path, tmp_path: Path) -> None:
    env = {"ARGOS_PACKAGES_DIR": str(tmp_path / "pk")}
    empty = run_reader("models", "list", env=env)
    assert empty.returncode == 0 and "No Argos packages installed" in empty.stdout
    assert run_reader("models", "install", "--file", str(standin_archive), env=env).returncode == 0
    listed = run_reader("models", "list", env=env)
    assert "translate-fr_en-standin" in listed.stdout and "fr→en" in listed.stdout
    assert run_reader("models", "remove", "fr-en", env=env).returncode == 0
    assert not (tmp_path / "pk" / "translate-fr_en-standin").exists()
    assert "no installed package" in one_line_error(
        run_reader("models", "remove", "fr-en", env=env)
    )


def test_models_install_from_index_over_loopback(standin_archive: Path, tmp_path: Path) -> None:
    """The online path, with the index and package served from 127.0.0.1."""
    served = tmp_path / "served"
    served.mkdir()
    shutil.copy(standin_archive, served / "fr_en.argosmodel")
    handler = partial(SimpleHTTPRequestHandler, directory=str(served))
    handler.log_message = lambda *a: None
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    port = server.server_address[1]
    (served / "index.json").write_text(
        json.dumps(
            [
                {
                    "package_version": "0.0.1-standin",
                    "argos_version": "1.0",
                    "from_code": "fr",
                    "to_code": "en",
                    "from_name": "French",
                    "to_name": "English",
                    "type": "translate",
                    "links": [f"http://127.0.0.1:{port}/fr_en.argosmodel"],
                }
            ]
        )
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        env = {
            "ARGOS_PACKAGES_DIR": str(tmp_path / "pk"),
            "ARGOS_PACKAGE_INDEX": f"http://127.0.0.1:{port}/",
        }
        done = run_reader("models", "install", env=env)
    finally:
        server.shutdown()
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "pk" / "translate-fr_en-standin" / "model" / "model.bin").is_file()


def test_models_install_offline_is_one_clear_line(tmp_path: Path) -> None:
    env = {"ARGOS_PACKAGES_DIR": str(tmp_path / "pk"), "ARGOS_PACKAGE_INDEX": "http://127.0.0.1:9/"}
    done = run_reader("models", "install", env=env)
    line = one_line_error(done)
    assert "cannot reach the Argos package index" in line and "--file" in line
    assert done.stderr.startswith("reader: error:")  # no empty line left by a progress bar


def _without_root_powers(*args: str) -> list[str]:
    """The command with root's power to read any file dropped (chmod 000 binds root too)."""
    if os.geteuid() != 0:
        return list(args)
    if not shutil.which("setpriv"):
        pytest.skip("as root, needs setpriv to make a file unreadable")
    caps = "-dac_override,-dac_read_search"
    return ["setpriv", f"--inh-caps={caps}", f"--bounding-set={caps}", *args]


def test_models_install_of_an_unreadable_file_is_one_line_and_exit_1(tmp_path: Path) -> None:
    """QA 2026-12-01 Q20: not a usage error (exit 2)."""
    package = tmp_path / "locked.argosmodel"
    package.write_bytes(b"PK")
    package.chmod(0)
    done = subprocess.run(
        _without_root_powers(*READER, "models", "install", "--file", str(package)),
        capture_output=True,
        text=True,
        env={**os.environ, "ARGOS_PACKAGES_DIR": str(tmp_path / "pk"), "NO_COLOR": "1"},
        cwd=ROOT,
        timeout=300,
        stdin=subprocess.DEVNULL,
    )
    line = one_line_error(done)
    assert line == f"reader: error: {package}: cannot read (Permission denied)"


def test_no_download_is_attempted_by_translate(tmp_path: Path) -> None:
    """With no package installed, auto selection and translation never fetch the index or a model."""
    env = {
        "ARGOS_PACKAGES_DIR": str(tmp_path / "pk"),
        "XDG_DATA_HOME": str(tmp_path / "xdg"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
    }
    done = run_reader("translate", str(SEED), "--engine", "auto", env=env)
    assert done.returncode == 0, done.stderr
    assert "auto: argos" not in done.stderr
    assert not (tmp_path / "xdg" / "argos-translate" / "index.json").exists()
    assert not any((tmp_path / "cache").rglob("*.argosmodel*"))


def test_glossary_json_on_the_seed() -> None:
    done = run_reader("glossary", str(SEED), "--format", "json", "--engine", "reference")
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)
    assert set(doc) == {"source", "entries"}
    by_fr = {e["fr"]: e for e in doc["entries"]}
    for fr, en in [
        ("OTAN", "NATO"),
        ("cessez-le-feu", "ceasefire"),
        ("missiles Patriot", "Patriot missiles"),
        ("droits de douane", "tariffs"),
        ("Poutine", "Putin"),
        ("Zelensky", "Zelensky"),
        ("Kiev", "Kyiv"),
        ("Kremlin", "Kremlin"),
        ("Congrès", "Congress"),
        ("Maison Blanche", "White House"),
        ("NBC News", "NBC News"),
    ]:
        entry = by_fr[fr]
        assert (
            entry["en"] == en
            and entry["kind"]
            and entry["definition"]
            and entry["origin"] == "curated"
        )
        assert entry["occurrences"], fr
    text = SEED.read_text(encoding="utf-8")
    assert len(by_fr["OTAN"]["occurrences"]) == text.count("OTAN")
    assert (
        len(by_fr["Poutine"]["occurrences"]) == text.count("Poutine") - 1
    )  # one is in the repeated title line
    assert any(e["origin"] == "extracted" for e in doc["entries"])


def test_glossary_csv_table_and_anki_outputs(tmp_path: Path) -> None:
    csv_file = tmp_path / "g.csv"
    done = run_reader(
        "glossary",
        str(SEED),
        "--format",
        "csv",
        "--output",
        str(csv_file),
        "--no-extract",
        "--engine",
        "none",
    )
    assert done.returncode == 0, done.stderr
    assert csv_file.read_text(encoding="utf-8").startswith(
        "fr,en,kind,definition,aliases,occurrences,origin"
    )
    table = run_reader(
        "glossary", str(SEED), "--no-extract", "--engine", "none", env={"COLUMNS": "160"}
    )
    assert "OTAN" in table.stdout and "NATO" in table.stdout
    table_file = tmp_path / "g.txt"
    done = run_reader(
        "glossary", str(SEED), "--no-extract", "--engine", "none", "--output", str(table_file)
    )
    assert (
        done.returncode == 0
        and "OTAN" in table_file.read_text(encoding="utf-8")
        and done.stdout == ""
    )
    deck = tmp_path / "deck.apkg"
    done = run_reader(
        "glossary",
        str(SEED),
        "--format",
        "anki",
        "--output",
        str(deck),
        "--no-extract",
        "--engine",
        "reference",
    )
    assert done.returncode == 0 and "cards" in done.stderr
    import zipfile

    assert zipfile.is_zipfile(deck) and "collection.anki2" in zipfile.ZipFile(deck).namelist()


def test_glossary_malformed_curated_file_is_one_line(tmp_path: Path) -> None:
    article = tmp_path / "a.fr.txt"
    article.write_text("Titre du texte\nUn paragraphe sur l’OTAN.", encoding="utf-8")
    (tmp_path / "a.glossary.toml").write_text('[[entry]]\nfr = "OTAN"\nen = ', encoding="utf-8")
    line = one_line_error(run_reader("glossary", str(article), "--no-extract", "--engine", "none"))
    assert "a.glossary.toml:3: malformed TOML" in line


def test_an_output_name_too_long_for_the_file_system_is_one_line(tmp_path: Path) -> None:
    """A check of the -o target that the file system itself refuses is one line, exit 1."""
    target = tmp_path / ("a" * 300 + ".csv")
    line = one_line_error(run_reader("vocab", "export", "-f", "csv", "-o", str(target)))
    assert "cannot write (File name too long)" in line
