"""Hostile and broken model archives are refused before anything is extracted."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from reader.engines import argos_packages as models
from reader.errors import ModelPackageError
from tests.support.cli import one_line_error, run_reader

META = json.dumps({"from_code": "fr", "to_code": "en", "package_version": "1"})


def make_zip(path, members):
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            if isinstance(data, zipfile.ZipInfo):
                zf.writestr(data, "target")
            else:
                zf.writestr(name, data)
    return path


def symlink_info(name):
    info = zipfile.ZipInfo(name)
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info


GOOD = {"pkg/metadata.json": META, "pkg/model/model.bin": b"x"}


@pytest.mark.parametrize(
    "members, message",
    [
        ({**GOOD, "../evil.txt": "x"}, "escapes"),
        ({**GOOD, "pkg/../../evil.txt": "x"}, "escapes"),
        ({**GOOD, "/etc/evil": "x"}, "absolute"),
        ({**GOOD, "pkg/link": symlink_info("pkg/link")}, "symbolic link"),
        ({"pkg/model/model.bin": b"x"}, "metadata.json"),
        ({"pkg/metadata.json": "{}", "pkg/model/model.bin": b"x"}, "from_code"),
        ({"pkg/metadata.json": "{from: fr}", "pkg/model/model.bin": b"x"}, "not valid JSON"),
        ({"pkg/metadata.json": META}, "no pkg/model/"),
        ({**GOOD, "other/file": "x"}, "one top folder"),
    ],
)
def test_hostile_archives_are_refused(tmp_path: Path, members, message: str) -> None:
    archive = make_zip(tmp_path / "bad.argosmodel", members)
    with pytest.raises(ModelPackageError, match=message):
        models.validate_archive(archive, tmp_path / "target")
    assert not (tmp_path / "target").exists() and not (tmp_path.parent / "evil.txt").exists()


def test_zip_bomb_is_refused(tmp_path: Path) -> None:
    archive = tmp_path / "bomb.argosmodel"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("pkg/metadata.json", META)
        zf.writestr("pkg/model/model.bin", b"\0" * (50 * 1024 * 1024))
    with pytest.raises(ModelPackageError, match="zip bomb"):
        models.validate_archive(archive, tmp_path)


def test_not_a_zip_via_cli(tmp_path: Path) -> None:
    fake = tmp_path / "fake.argosmodel"
    fake.write_bytes(b"not a zip at all")
    env = {"ARGOS_PACKAGES_DIR": str(tmp_path / "pk")}
    assert "not a zip archive" in one_line_error(
        run_reader("models", "install", "--file", str(fake), env=env)
    )
    traversal = make_zip(tmp_path / "t.argosmodel", {**GOOD, "../../evil": "x"})
    assert "escapes" in one_line_error(
        run_reader("models", "install", "--file", str(traversal), env=env)
    )
    leftovers = list((tmp_path / "pk").glob("*")) if (tmp_path / "pk").exists() else []
    assert leftovers == []


def _repack(archive, out, drop=(), replace=None, metadata=None):
    """A copy of the stand-in archive with members dropped, replaced or its metadata edited."""
    with zipfile.ZipFile(archive) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            name = info.filename
            if any(name.endswith(d) for d in drop):
                continue
            data = src.read(info)
            if replace and name.endswith(replace[0]):
                data = replace[1]
            if metadata and name.endswith("metadata.json"):
                data = json.dumps({**json.loads(data), **metadata})
            dst.writestr(info, data)
    return out


@pytest.mark.parametrize(
    "change, message",
    [
        ({"drop": ("sentencepiece.model",)}, "no tokenizer"),
        ({"replace": ("model/model.bin", b"garbage")}, "does not load"),
        ({"metadata": {"from_code": "en", "to_code": "de"}}, "en→de package"),
    ],
)
def test_broken_packages_are_refused_at_install(
    tmp_path: Path, standin_archive: Path, change, message: str
) -> None:
    broken = _repack(standin_archive, tmp_path / "broken.argosmodel", **change)
    env = {"ARGOS_PACKAGES_DIR": str(tmp_path / "pk")}
    assert message in one_line_error(
        run_reader("models", "install", "--file", str(broken), env=env)
    )
    listed = run_reader("models", "list", env=env)
    assert listed.returncode == 0 and "standin" not in listed.stdout
    staging = tmp_path / "pk.staging"
    assert not staging.exists() or list(staging.iterdir()) == []


def test_reinstall_replaces_and_remove_deletes(tmp_path: Path, standin_archive: Path) -> None:
    env = {"ARGOS_PACKAGES_DIR": str(tmp_path / "pk")}
    for _ in range(2):
        done = run_reader("models", "install", "--file", str(standin_archive), env=env)
        assert done.returncode == 0, done.stderr
    folders = sorted(p.name for p in (tmp_path / "pk").iterdir())
    assert folders == [standin_archive.stem]
    assert (tmp_path / "pk" / standin_archive.stem / "model" / "model.bin").is_file()
    assert run_reader("models", "remove", "fr-en", env=env).returncode == 0
    assert list((tmp_path / "pk").iterdir()) == []


PROBE = """
import sys
from pathlib import Path
from reader.engines.argos_packages import install_file
from reader.engines.argos import ArgosEngine
install_file(Path(sys.argv[1]))
engine = ArgosEngine()
english = engine.translate_sentences(["Le président a parlé.", "La paix reste loin."])
assert len(english) == 2, english
heavy = sorted(m for m in ("torch", "stanza", "minisbd", "onnxruntime", "argostranslate.translate") if m in sys.modules)
print("heavy:", ",".join(heavy) or "none")
"""


def test_install_and_translate_never_import_torch_or_stanza(
    tmp_path: Path, standin_archive: Path
) -> None:
    env = {**os.environ, "ARGOS_PACKAGES_DIR": str(tmp_path / "pk")}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(standin_archive)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "heavy: none"
