"""A web page that never ends is given up at the overall deadline (trial row T2), and
odd URLs and redirects get the reader's own one line (T35)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from reader.errors import InputError
from reader.fetch import read_page
from reader.library.sources import read_source

HTML = ("text/html",)


class _Handler(BaseHTTPRequestHandler):
    stop = threading.Event()

    def do_GET(self) -> None:  # noqa: N802 - the http.server API
        if self.path == "/to-file":
            self.send_response(302)
            self.send_header("Location", "file:///etc/passwd")
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        try:  # /drip: one byte every 0.1 s, for ever (until the test ends)
            self.wfile.write(b"<html><body><p>")
            self.wfile.flush()
            while not self.stop.wait(0.1):
                self.wfile.write(b"a")
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def serving() -> Iterator[str]:
    handler = type("Handler", (_Handler,), {"stop": threading.Event()})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        handler.stop.set()
        server.shutdown()
        server.server_close()


def test_a_page_that_drips_is_given_up_at_the_deadline() -> None:
    outcome: list[BaseException] = []

    def fetch(url: str) -> None:
        try:
            read_page(url, limit=1 << 20, error=InputError, accept=HTML, timeout=0.4)
        except BaseException as exc:  # noqa: BLE001 - handed to the test thread
            outcome.append(exc)

    with serving() as site:
        started = time.monotonic()
        worker = threading.Thread(target=fetch, args=(f"{site}/drip",), daemon=True)
        worker.start()
        worker.join(timeout=15)  # a byte every 0.1 s: the socket timeout alone never ends it
        took = time.monotonic() - started
    assert not worker.is_alive(), "the download never stopped"
    assert took < 5  # the deadline is 3 × 0.4 s, checked at each piece
    (error,) = outcome
    assert isinstance(error, InputError) and "took too long (more than 1.2 s)" in str(error)


def test_a_redirect_to_a_file_url_is_said_in_one_line() -> None:
    with serving() as site, pytest.raises(InputError) as caught:
        read_source(f"{site}/to-file")
    assert str(caught.value) == (
        f"{site}/to-file: redirected to file:///etc/passwd, which is not http(s)"
    )


def test_an_unclosed_ipv6_address_is_not_an_unexpected_error(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    from reader.cli import main

    with pytest.raises(SystemExit) as exit_:
        main(["add", "http://[::1"])
    assert exit_.value.code == 1
    said = capsys.readouterr().err
    assert (
        said.startswith("reader: error: http://[::1: not a valid URL") and "unexpected" not in said
    )


def test_a_huge_id_and_a_one_word_text(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    """Trial row T25: « unexpected error: OverflowError » and "1 words"."""
    from reader.cli import main

    one = tmp_path / "un.txt"
    one.write_text("Bonjour\n", encoding="utf-8")
    with pytest.raises(SystemExit) as exit_:
        main(["add", str(one)])
    assert exit_.value.code in (0, None)
    assert "(article, 1 word)" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_:
        main(["remove", "99999999999999999999999"])
    assert exit_.value.code == 1
    said = capsys.readouterr().err
    assert "no text 99999999999999999999999 in the library" in said and "unexpected" not in said


_QUIT_WHILE_FETCHING = """
import asyncio, sys
from textual.widgets import Input
from reader.app.app import ReaderApp
from reader.library.shelf import Library
from tests.library.conftest import store

async def main() -> None:
    library = Library()
    store(library, "Un texte\\n\\nLe chat dort au soleil.\\n", "/t/chat.txt")
    app = ReaderApp(None, "none", remember=False, extract=False, library=library)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("a")
        app.screen.query_one("#add", Input).value = sys.argv[1]
        await pilot.press("enter")
        await pilot.pause(0.5)
        await pilot.press("q")
        await pilot.pause()
    import time
    print("quit", time.monotonic(), flush=True)  # CLOCK_MONOTONIC: the same in both processes

asyncio.run(main())
"""


@pytest.mark.slow
def test_quitting_while_a_page_is_fetched_does_not_wait_for_it(
    data_dir: Path, tmp_path: Path
) -> None:
    """Trial row T39: q while a page was being added blanked the screen and exited only
    when the fetch ended (18 s on a stalled server): the fetch's thread was joined when
    the program exited. Here the whole program must end soon after q."""
    import os
    import socket
    import subprocess
    import sys

    from tests.support.paths import ROOT

    stalled = socket.socket()
    stalled.bind(("127.0.0.1", 0))
    stalled.listen(1)  # accepts the connection and never answers
    url = f"http://127.0.0.1:{stalled.getsockname()[1]}/page"
    try:
        done = subprocess.run(
            [sys.executable, "-c", _QUIT_WHILE_FETCHING, url],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env={**os.environ, "READER_DATA_DIR": str(data_dir)},
            timeout=120,
        )
        ended = time.monotonic()
    finally:
        stalled.close()
    assert done.returncode == 0 and "quit" in done.stdout, done.stderr
    # From the app's end to the process's end, whatever its start-up cost on a loaded machine:
    # the page's own timeout is 20 s, so a program that waited for the fetch takes that long.
    quit_at = float(done.stdout.split("quit", 1)[1].split()[0])
    assert ended - quit_at < 10, ended - quit_at
