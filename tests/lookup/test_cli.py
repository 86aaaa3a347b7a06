"""``reader lookup`` and ``reader dictionaries list | install``, run as a user would."""

from __future__ import annotations

import functools
import io
import json
import tarfile
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from reader.lookup import freedict
from reader.lookup import install as dictionaries
from reader.lookup.dictd import write
from reader.lookup.install import DictionaryError, install_file, install_from_url
from reader.lookup.service import FREEDICT_SOURCE, LookupService
from tests.support.cli import run_reader

JSON_KEYS = {"word", "lemma", "pos", "morph", "glosses", "glossary"}


def test_lookup_json_has_exactly_the_documented_shape() -> None:
    done = run_reader("lookup", "villes", "--format", "json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert set(data) == JSON_KEYS
    assert data["word"] == "villes" and data["lemma"] == "ville"
    assert data["glosses"] and all(set(g) == {"text", "source"} for g in data["glosses"])
    assert isinstance(data["glossary"], list)


def test_lookup_text_with_a_sentence_and_an_article_glossary() -> None:
    done = run_reader(
        "lookup",
        "OTAN",
        "--sentence",
        "Le Kremlin critique l’OTAN.",
        "--article",
        "seeds/trump-poutine.fr.txt",
    )
    assert done.returncode == 0, done.stderr
    assert "NATO" in done.stdout and "article glossary" in done.stdout
    assert "Le Kremlin critique l’OTAN." in done.stdout


def test_empty_word_is_one_line_error() -> None:
    done = run_reader("lookup", "  ")
    assert done.returncode == 1
    assert done.stderr.strip().count("\n") == 0 and "give a French word" in done.stderr


# ------------------------------------------------------------------ dictionaries


def build_archive(folder: Path, headword: str = "zorglub", english: str = "testword") -> Path:
    """A FreeDict-shaped release: fra-eng/fra-eng.index + .dict.dz + COPYING, as .tar.xz."""
    source = folder / "src" / "fra-eng"
    write(source, "fra-eng", [(headword, f"{headword} /zɔʀglyb/ <n, masc>\n{english}\n")])
    (source / "COPYING").write_text("GPL-2.0-or-later\n", encoding="utf-8")
    archive = folder / "freedict-fra-eng-0.4.1.dictd.tar.xz"
    with tarfile.open(archive, "w:xz") as tar:
        tar.add(source, arcname="fra-eng")
    return archive


def crafted_archive(path: Path, members: list[tuple[tarfile.TarInfo, bytes]]) -> Path:
    with tarfile.open(path, "w:gz") as tar:
        for info, data in members:
            info.size = len(data) if info.isfile() else 0
            tar.addfile(info, io.BytesIO(data) if info.isfile() else None)
    return path


def member(name: str, kind: bytes = tarfile.REGTYPE, link: str = "") -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.type = kind
    info.linkname = link
    return info


def test_install_from_a_local_archive_is_used_by_lookup(data_dir: Path, tmp_path: Path) -> None:
    archive = build_archive(tmp_path)
    files = install_file(archive)
    assert files.index.parent == data_dir / "dictionaries" / "fra-eng"
    assert (files.index.parent / "COPYING").is_file()
    assert freedict.find_freedict() == files  # the data folder's copy comes first
    with LookupService() as service:
        glosses = service.lookup("zorglub").glosses
    assert any(g.text == "testword" and g.source == FREEDICT_SOURCE for g in glosses)
    # installing again replaces it in one rename, leaving nothing behind
    install_file(build_archive(tmp_path / "v2", english="second"))
    assert [p.name for p in files.index.parent.parent.iterdir()] == ["fra-eng"]
    assert freedict.find_freedict().open().lookup("zorglub")[0].english == "second"


@pytest.mark.parametrize(
    ("members", "message"),
    [
        ([(member("/etc/fra-eng.index"), b"x")], "absolute path"),
        ([(member("fra-eng/../../evil.index"), b"x")], "escapes"),
        ([(member("fra-eng/fra-eng.index", tarfile.SYMTYPE, "/etc/passwd"), b"")], "link"),
        ([(member("fra-eng/fra-eng.index", tarfile.LNKTYPE, "x"), b"")], "link"),
        ([(member("fra-eng/README"), b"hello")], "one .index"),
        ([(member("fra-eng/fra-eng.index"), b"a\tA\tB\n")], "no fra-eng.dict.dz"),
        (
            [
                (member("fra-eng/fra-eng.index"), b"a\tA\tB\n"),
                (member("fra-eng/fra-eng.dict"), b""),
            ],
            "does not read",
        ),
    ],
)
def test_unsafe_or_broken_archives_are_refused_and_leave_nothing(
    data_dir: Path, tmp_path: Path, members, message: str
) -> None:
    archive = crafted_archive(tmp_path / "bad.tar.gz", members)
    with pytest.raises(DictionaryError, match=message):
        install_file(archive)
    folder = data_dir / "dictionaries"
    assert not folder.exists() or list(folder.iterdir()) == []
    assert not (tmp_path.parent / "evil.index").exists()


def test_size_limit_is_checked_before_extraction(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dictionaries, "MAX_UNPACKED", 100)
    archive = crafted_archive(
        tmp_path / "big.tar.gz", [(member("fra-eng/fra-eng.index"), b"x" * 500)]
    )
    with pytest.raises(DictionaryError, match="unpacks to"):
        install_file(archive)


@pytest.fixture
def http_folder(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A local HTTP server (127.0.0.1) serving ``tmp_path / "www"``."""
    www = tmp_path / "www"
    www.mkdir()
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(www))
    handler.log_message = lambda *a, **k: None  # type: ignore[method-assign]
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield www, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_install_downloads_with_progress_from_a_local_server(
    data_dir: Path, tmp_path: Path, http_folder: tuple[Path, str]
) -> None:
    www, base = http_folder
    archive = build_archive(tmp_path)
    (www / archive.name).write_bytes(archive.read_bytes())
    seen: list[tuple[int, int | None]] = []
    files = install_from_url(f"{base}/{archive.name}", progress=lambda d, t: seen.append((d, t)))
    assert files.open().lookup("zorglub")[0].english == "testword"
    assert seen and seen[-1][0] == archive.stat().st_size
    leftovers = [p.name for p in (data_dir / "dictionaries").iterdir()]
    assert leftovers == ["fra-eng"]


def test_failed_or_oversized_downloads_leave_nothing(
    data_dir: Path, tmp_path: Path, http_folder: tuple[Path, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    www, base = http_folder
    with pytest.raises(DictionaryError, match="download failed"):
        install_from_url(f"{base}/missing.tar.xz")
    (www / "big.tar.xz").write_bytes(b"0" * 5000)
    monkeypatch.setattr(dictionaries, "MAX_DOWNLOAD", 1000)
    with pytest.raises(DictionaryError, match="too large|larger than"):
        install_from_url(f"{base}/big.tar.xz")
    with pytest.raises(DictionaryError, match="only http"):
        install_from_url("file:///etc/passwd")
    assert list((data_dir / "dictionaries").iterdir()) == []


def test_cli_install_and_list(tmp_path: Path, http_folder: tuple[Path, str]) -> None:
    www, base = http_folder
    archive = build_archive(tmp_path)
    (www / archive.name).write_bytes(archive.read_bytes())
    env = {
        "READER_DATA_DIR": str(tmp_path / "data"),
        "READER_FREEDICT_URL": f"{base}/{archive.name}",
    }
    done = run_reader("dictionaries", "install", env=env)
    assert done.returncode == 0, done.stderr
    assert "installed FreeDict French–English (1 headwords)" in done.stderr
    listed = run_reader("dictionaries", "list", env=env)
    assert listed.returncode == 0 and "found" in listed.stdout
    bad = run_reader("dictionaries", "install", "--file", str(tmp_path / "nope.tar.xz"), env=env)
    assert bad.returncode == 1 and "no such file" in bad.stderr


def test_list_says_how_to_get_a_missing_dictionary(tmp_path: Path) -> None:
    done = run_reader("dictionaries", "list", env={"READER_FREEDICT_DIR": str(tmp_path / "none")})
    assert done.returncode == 0
    assert "missing" in done.stdout and "dict-freedict-fra-eng" in done.stdout


def test_install_offline_is_one_line_with_no_empty_line_first(tmp_path: Path) -> None:
    """QA 2026-12-01 Q20: no progress bar (nor the empty line it leaves) outside a terminal."""
    env = {
        "READER_DATA_DIR": str(tmp_path / "data"),
        "READER_FREEDICT_URL": "http://127.0.0.1:9/freedict-fra-eng.dictd.tar.xz",
    }
    done = run_reader("dictionaries", "install", env=env)
    assert done.returncode == 1 and done.stderr.startswith("reader: error: download failed")
    assert len(done.stderr.splitlines()) == 1, done.stderr
