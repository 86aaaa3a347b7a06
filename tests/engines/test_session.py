"""The translation session: one owner of engine and cache, fallback, no-cache mode, draft."""

from __future__ import annotations

import os
import shutil
import sqlite3
import threading
from pathlib import Path

import pytest

from glossary import user
from glossary.sources import GlossaryStack
from reader.article import load, parse
from reader.engines import select
from reader.engines.base import SentenceEngine
from reader.errors import EngineError
from reader.session import TranslationSession
from tests.support.cli import run_reader
from tests.support.paths import SEED


class Recorder(SentenceEngine):
    """A real (if trivial) engine that records its life: calls and closes."""

    name = "recorder"

    def __init__(self) -> None:
        self.closed = 0
        self.entered = threading.Event()
        self.release = threading.Event()

    @property
    def version(self) -> str:
        return "recorder"

    def translate_sentences(self, sentences):
        self.entered.set()
        self.release.wait(5)
        return [s.upper() for s in sentences]

    def close(self) -> None:
        self.closed += 1


def test_engine_closes_once_after_its_last_user(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = load(SEED)
    recorder = Recorder()
    spec = select.EngineSpec(lambda _article: recorder, lambda _article: True, "a test's")
    monkeypatch.setitem(select.ENGINES, "recorder", spec)
    session = TranslationSession(article, "recorder")
    worker = threading.Thread(target=session.translate, args=(article.blocks[:1],))
    worker.start()
    assert recorder.entered.wait(5)
    session.close()  # another user is still translating
    assert recorder.closed == 0
    recorder.release.set()
    worker.join(5)
    assert recorder.closed == 1
    session.close()
    assert recorder.closed == 1
    with pytest.raises(EngineError, match="closed"):
        session.translate(article.blocks[:1])


def _read_only_run(folder, *args):
    """Runs the reader with ``folder`` made read-only: a read-only bind mount in a private
    mount namespace as root (as on CI), file permissions otherwise."""
    env = {"READER_DATA_DIR": str(folder)}
    if os.geteuid() != 0:
        folder.chmod(0o500)
        try:
            return run_reader(*args, env=env)
        finally:
            folder.chmod(0o700)
    if not shutil.which("unshare"):
        pytest.skip("needs unshare to mount read-only as root")
    import subprocess
    import sys

    script = f'mount --bind {folder} {folder} && mount -o remount,ro,bind {folder} && exec "$@"'
    return subprocess.run(
        ["unshare", "--mount", "sh", "-c", script, "sh", sys.executable, "-m", "reader.cli", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1", **env},
        timeout=300,
        stdin=subprocess.DEVNULL,
    )


@pytest.mark.slow
def test_read_only_data_folder_gives_english_and_one_notice(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    first = run_reader(
        "translate", str(SEED), "-e", "reference", env={"READER_DATA_DIR": str(folder)}
    )
    assert first.returncode == 0, first.stderr
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    done = _read_only_run(folder, "translate", str(SEED), "-e", "reference")
    if "Operation not permitted" in done.stderr or "unshare failed" in done.stderr:
        pytest.skip(f"cannot mount here: {done.stderr.strip()}")
    assert done.returncode == 0, done.stderr
    assert "What happens now" in done.stdout
    lines = [line for line in done.stderr.splitlines() if line]
    assert len(lines) == 1 and "read-only" in lines[0], done.stderr
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_valid_cache_in_unwritable_place_is_not_set_aside(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A readable cache whose file cannot be written is opened read-only, never moved."""
    folder = tmp_path / "data"
    folder.mkdir()
    db = sqlite3.connect(folder / "cache.sqlite3")
    db.execute("CREATE TABLE translations (engine TEXT, version TEXT, source TEXT, target TEXT)")
    db.commit()
    db.close()
    monkeypatch.setenv("READER_DATA_DIR", str(folder))
    from reader import cache as cache_module

    monkeypatch.setattr(cache_module.Cache, "_writable", lambda self: False)
    cache = cache_module.Cache()
    assert cache.read_only and "read-only" in (cache.notice or "")
    cache.put_many("e", "v", [("a", "b")])  # skipped, no error
    assert sorted(p.name for p in folder.iterdir()) == ["cache.sqlite3"]


@pytest.mark.slow
def test_cli_with_a_file_as_data_folder_translates_with_one_notice(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    done = run_reader(
        "translate", str(SEED), "-e", "reference", env={"READER_DATA_DIR": str(blocker / "sub")}
    )
    assert done.returncode == 0, done.stderr
    assert "What happens now" in done.stdout
    lines = [line for line in done.stderr.splitlines() if line]
    assert len(lines) == 1 and "without a cache" in lines[0] and "Traceback" not in done.stderr


@pytest.mark.needs_apertium
@pytest.mark.slow
def test_auto_falls_back_when_the_argos_package_is_broken(
    tmp_path: Path, standin_archive: Path
) -> None:
    """A package that installs but then breaks (model.bin damaged later) must not block auto."""
    packages = tmp_path / "pk"
    env = {"ARGOS_PACKAGES_DIR": str(packages), "READER_DATA_DIR": str(tmp_path / "d")}
    assert run_reader("models", "install", "--file", str(standin_archive), env=env).returncode == 0
    (packages / standin_archive.stem / "model" / "model.bin").write_bytes(b"damaged")
    done = run_reader("translate", str(SEED), env=env)
    assert done.returncode == 0, done.stderr
    assert "argos failed" in done.stderr and "apertium" in done.stderr
    assert "Putin" in done.stdout


def test_draft_is_greedy_and_labelled_then_full_quality_from_cache(
    installed_standin: Path, data_dir: Path
) -> None:
    article = load(SEED)
    blocks = article.blocks[:3]
    with TranslationSession(article, "argos") as session:
        draft = session.translate(blocks, draft=True)
        assert all(t.version.endswith("greedy") for t in draft)
        full = session.translate(blocks)
        assert not any(t.version.endswith("greedy") for t in full)
        again = session.translate(blocks, draft=True)  # full quality is cached now
        assert [t.version for t in again] == [t.version for t in full]


def test_switch_failure_keeps_current_engine(data_dir: Path, tmp_path: Path) -> None:
    text = tmp_path / "sans-reference.fr.txt"
    text.write_text("Titre\n\nUn paragraphe. Une autre phrase.\n", encoding="utf-8")
    article = load(text)
    with TranslationSession(article, "none") as session:
        with pytest.raises(EngineError, match="reference"):
            session.switch("reference")  # no NAME.en.txt beside this article
        assert session.state.name == "none"
        assert session.translate(article.blocks)[0].engine == "none"


def test_engines_declare_what_they_can_do_and_the_session_says_it(data_dir: Path) -> None:
    from reader.engines.none import NoneEngine

    assert not NoneEngine.gives_english and Recorder.gives_english
    recorder = Recorder()
    recorder.release.set()
    assert recorder.cache_version == recorder.version == "recorder"
    assert recorder.translate_marked(["a b"]) == ["A B"]  # plain English is marked text
    article = load(SEED)
    with TranslationSession(article, "none") as session:
        state = session.state
        assert (state.name, state.gives_english) == ("none", False)
        assert state.reason == select.select("none", article).reason  # one way to choose


@pytest.mark.needs_apertium
def test_a_term_added_to_the_shared_stack_is_enforced_from_the_next_translation(
    data_dir: Path,
) -> None:
    """The app gives its session the reading session's stack: refreshed after ``a``, the
    next translation enforces the new term (loaded once, not per call, until then)."""
    article = parse("Titre\n\nLe président a parlé hier soir.\n", "a.fr.txt")
    stack = GlossaryStack(article)
    with TranslationSession(article, "apertium", entries=stack) as session:
        before = session.translate(article.blocks)[1].text
        user.add("président", "chairman")
        assert session.translate(article.blocks)[1].text == before
        stack.refresh()
        after = session.translate(article.blocks)[1].text
    assert "chairman" not in before.lower() and "chairman" in after.lower()
