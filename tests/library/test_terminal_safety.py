"""Nothing a book, a page or a file brings may drive the terminal (trial rows T1, T10).

Every metadata path (EPUB ``dc:title``, ``dc:creator`` and table-of-contents labels; a
page's ``<title>``, ``<meta name=author>``, Open Graph, JSON-LD author, headline and date;
the title of a text file, of stdin and a ``--title``) is cleaned of ESC, BEL, C1 controls
and bidi overrides when it is read, so it is stored clean; and the CLI filters what it
prints of stored text again (a library written before the rule, or edited by hand).
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from reader.library.epub import read_book
from reader.library.extract import extract
from reader.library.shelf import library_path
from reader.library.sources import read_source
from tests.library.books import AUTHOR, TITLE, book_files, write_epub
from tests.library.pages import PARAGRAPHS
from tests.support.cli import run_in_process as run
from tests.support.paths import ROOT

# What the trial used: an OSC title change and an OSC 52 clipboard write (ESC … BEL),
# C1 CSI and OSC (U+009B, U+009D, ended by U+009C ST), and a right-to-left override.
OSC_TITLE = "\x1b]0;PWNED\x07"
OSC_CLIPBOARD = "\x1b]52;c;cm0gLXJmIH4K\x07"
C1 = "\u009b2J\u009d52;c;SGVsbG8=\u009c\u009d0;C1TITLE\u009c"
RLO = "\u202e"
HOSTILE = f"Sophie{OSC_TITLE}{OSC_CLIPBOARD} {C1}Mar{RLO}chand\u0007\x9b31m"
# Anything that could start a control sequence or reorder a line.
_DANGER = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def safe(text: str) -> bool:
    return _DANGER.search(text) is None


# ---------------------------------------------------------------- EPUB metadata


def hostile_book(folder: Path) -> Path:
    """The sample book with C1 controls and a bidi override in its title, author and
    table-of-contents label. XML 1.0 cannot hold ESC or BEL at all (see the next test)."""
    files = book_files()
    c1 = f"{C1}{RLO}\u2066"
    files["OEBPS/contenu.opf"] = (
        str(files["OEBPS/contenu.opf"])
        .replace(f"<dc:title>{TITLE}", f"<dc:title>Titre{c1} piégé")
        .replace(f">{AUTHOR}<", f">Auteur\u009b31m{RLO}Rouge<")
    )
    files["OEBPS/nav.xhtml"] = str(files["OEBPS/nav.xhtml"]).replace(
        "Les Catalans", f"Les {OSC_TITLE}Catalans\u009d0;X\u009c"
    )
    return write_epub(folder / "piege.epub", files)


def test_an_epubs_title_author_and_labels_are_cleaned_when_read(tmp_path: Path) -> None:
    book = read_book(hostile_book(tmp_path))
    assert book.title == "Titre piégé"
    assert book.author == "AuteurRouge"
    labels = [text for kind, text in book.pairs if kind == "heading"]
    assert "Les Catalans" in labels
    assert all(safe(text) for _, text in book.pairs)


def test_esc_and_bel_in_epub_metadata_are_refused_as_invalid_xml(tmp_path: Path) -> None:
    files = book_files()
    files["OEBPS/contenu.opf"] = str(files["OEBPS/contenu.opf"]).replace(
        f"<dc:title>{TITLE}", f"<dc:title>{OSC_TITLE}"
    )
    from reader.errors import InputError

    with pytest.raises(InputError, match="not valid XML") as caught:
        read_book(write_epub(tmp_path / "esc.epub", files))
    assert safe(str(caught.value))


# ---------------------------------------------------------------- web pages


def hostile_page(where: str) -> str:
    """A page whose metadata carries the hostile author in one place: ``json-ld`` (as JSON
    escapes, the trial's T10), ``meta`` (as HTML character references), ``og`` (the title),
    ``title`` (``<title>`` itself, raw) or ``date`` (JSON-LD's datePublished)."""
    escaped = json.dumps(HOSTILE)  # "\u001b]0;…" in the JSON text: real ESC once decoded
    referenced = "".join(
        f"&#x{ord(c):x};" if ord(c) < 32 or 0x7F <= ord(c) <= 0x9F else c for c in HOSTILE
    )
    head = {
        "json-ld": '<script type="application/ld+json">{"@type": "NewsArticle", '
        f'"headline": {escaped}, "author": {{"@type": "Person", "name": {escaped}}}}}</script>',
        "meta": f'<meta name="author" content="{referenced}"><title>Un titre</title>',
        "og": f'<meta property="og:title" content="{referenced}">',
        "title": f"<title>{HOSTILE} | Le Quotidien</title>",
        "date": '<script type="application/ld+json">{"@type": "NewsArticle", '
        f'"datePublished": {escaped}}}</script><title>Un titre</title>',
    }[where]
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + f"<p>Cette page est « {where} ».</p>"
    return f'<html lang="fr"><head><meta charset="utf-8">{head}</head><body><article>{body}</article></body></html>'


@pytest.mark.parametrize("where", ["json-ld", "meta", "og", "title", "date"])
def test_a_pages_title_author_and_date_are_cleaned_when_read(where: str) -> None:
    page = extract(hostile_page(where), "u")
    for field in (page.title, page.author, page.date):
        assert safe(field), (where, field)
    found = {"json-ld": page.author, "meta": page.author, "og": page.title, "title": page.title}
    if where in found:
        assert "Sophie" in found[where] and "chand" in found[where]
        if where in ("json-ld", "title"):  # real controls: whole escape sequences go
            assert "PWNED" not in found[where]
        # (HTML's parser already drops a referenced ESC (&#x1b;) and reads &#x9b; as "›", as
        # HTML5 says: what is left is plain text.)


@contextmanager
def serving(pages: dict[str, str]) -> Iterator[str]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the http.server API
            body = pages.get(self.path, "").encode("utf-8")
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


# ---------------------------------------------------------------- text files, stdin, --title


def test_a_text_files_title_stdin_and_a_given_title_are_cleaned(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = tmp_path / "texte.txt"
    text.write_text(f"Titre{OSC_TITLE}{C1}{RLO} du texte\n\n{PARAGRAPHS[0]}\n", encoding="utf-8")
    assert read_source(str(text)).title == "Titre du texte"
    assert read_source(str(text), title=f"Mon {HOSTILE}").title == "Mon Sophie Marchand"

    class Stdin:
        buffer = __import__("io").BytesIO(f"{C1}Depuis stdin\n\n{PARAGRAPHS[1]}\n".encode())

    monkeypatch.setattr(sys, "stdin", Stdin)
    assert read_source("-").title == "Depuis stdin"


# ---------------------------------------------------------------- stored clean, printed clean


@pytest.mark.slow  # spaCy reads five texts
def test_every_path_is_stored_clean_and_every_listing_prints_clean(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = hostile_book(tmp_path)
    with serving({f"/{w}": hostile_page(w) for w in ("json-ld", "meta", "og", "title")}) as site:
        for source in (str(book), *(f"{site}/{w}" for w in ("json-ld", "meta", "og", "title"))):
            code, out, err = run(capsys, "add", source)
            assert code == 0, err
            assert safe(out) and safe(err), err
    with sqlite3.connect(library_path()) as db:
        stored = db.execute("SELECT title, author, published FROM texts").fetchall()
    assert len(stored) == 5
    assert all(safe(field) for row in stored for field in row), stored
    for args in (("library",), ("library", "--format", "json"), ("find", "Croix-Rousse")):
        code, out, err = run(capsys, *args)
        assert code == 0, err
        assert safe(out) and safe(err), (args, out)


def test_a_library_written_dirty_is_printed_clean(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The second line of defence: a library written before the rule (or by hand)."""
    text = tmp_path / "texte.txt"
    text.write_text(f"Un titre\n\n{PARAGRAPHS[0]}\n", encoding="utf-8")
    assert run(capsys, "add", str(text))[0] == 0
    with sqlite3.connect(library_path()) as db:
        db.execute("UPDATE texts SET title = ?, author = ?", (f"T{HOSTILE}", HOSTILE))
    for args in (("library",), ("library", "--format", "json"), ("find", "pentes")):
        code, out, err = run(capsys, *args)
        assert code == 0, err
        assert safe(out) and safe(err), (args, out)
        assert "Sophie" in out
    code, _, err = run(capsys, "remove", "1")
    assert code == 0 and safe(err) and "Sophie" in err


def test_the_cli_consoles_filter_what_they_draw(capsys: pytest.CaptureFixture[str]) -> None:
    from rich.table import Table

    from reader.commands.common import err, json_out, notice, safe_console, write_out

    table = Table("title", "author")
    table.add_row(f"T{C1}", HOSTILE)
    safe_console(width=40).print(table)  # narrow: Rich cuts cells, never inside a sequence
    write_out(f"a,{HOSTILE}\n")
    json_out({"author": HOSTILE, "list": [C1]})
    notice(f"added #1: {HOSTILE}")
    err.print(f"[link=http://x]{HOSTILE}[/link]")  # no markup: no OSC 8 hyperlink either
    out, said = capsys.readouterr()
    assert safe(out) and safe(said), (out, said)
    assert "Sophie" in out and "Sophie" in said and "[link=" in said


# ---------------------------------------------------------------- in a real terminal


@pytest.mark.needs_tmux
@pytest.mark.slow
def test_reader_library_leaves_the_terminal_title_alone(tmp_path: Path) -> None:
    """The trial's T10 in tmux: a page's JSON-LD author with an OSC title change, added by
    URL from 127.0.0.1, then ``reader library``; the pane's title must not change."""
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed")
    data = tmp_path / "data"
    env = {**os.environ, "READER_DATA_DIR": str(data), "NO_COLOR": "1"}
    with serving({"/page": hostile_page("json-ld")}) as site:
        added = subprocess.run(
            [sys.executable, "-m", "reader.cli", "add", f"{site}/page"],
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
            timeout=300,
        )
    assert added.returncode == 0, added.stderr
    session = f"reader-title-{os.getpid()}"
    done = tmp_path / "done"
    command = (
        f"cd {shlex.quote(str(ROOT))} && sleep 1 && env READER_DATA_DIR={shlex.quote(str(data))} "
        f"{shlex.quote(sys.executable)} -m reader.cli library; touch {shlex.quote(str(done))}; sleep 30"
    )
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", session, "-x", "100", "-y", "30", command], check=True
    )
    try:
        title = subprocess.run(
            ["tmux", "display", "-p", "-t", session, "#{pane_title}"],
            capture_output=True,
            text=True,
        ).stdout.strip()
        deadline = time.monotonic() + 60
        while not done.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert done.exists(), "reader library did not finish"
        screen = subprocess.run(
            ["tmux", "capture-pane", "-p", "-t", session], capture_output=True, text=True
        ).stdout
        after = subprocess.run(
            ["tmux", "display", "-p", "-t", session, "#{pane_title}"],
            capture_output=True,
            text=True,
        ).stdout.strip()
        assert "Sophie" in screen  # the row is there
        assert "PWNED" not in after and after == title
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
