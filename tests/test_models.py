"""Hostile and broken model archives are refused before anything is extracted."""

from __future__ import annotations

import json
import stat
import zipfile

import pytest

from reader import models
from reader.errors import ModelPackageError
from tests.conftest import run_reader
from tests.test_cli import one_line_error

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
        ({"pkg/metadata.json": META}, "no pkg/model/"),
        ({**GOOD, "other/file": "x"}, "one top folder"),
    ],
)
def test_hostile_archives_are_refused(tmp_path, members, message):
    archive = make_zip(tmp_path / "bad.argosmodel", members)
    with pytest.raises(ModelPackageError, match=message):
        models.validate_archive(archive, tmp_path / "target")
    assert not (tmp_path / "target").exists() and not (tmp_path.parent / "evil.txt").exists()


def test_zip_bomb_is_refused(tmp_path):
    archive = tmp_path / "bomb.argosmodel"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("pkg/metadata.json", META)
        zf.writestr("pkg/model/model.bin", b"\0" * (50 * 1024 * 1024))
    with pytest.raises(ModelPackageError, match="zip bomb"):
        models.validate_archive(archive, tmp_path)


def test_not_a_zip_via_cli(tmp_path):
    fake = tmp_path / "fake.argosmodel"
    fake.write_bytes(b"not a zip at all")
    env = {"ARGOS_PACKAGES_DIR": str(tmp_path / "pk")}
    assert "not a zip archive" in one_line_error(run_reader("models", "install", "--file", str(fake), env=env))
    traversal = make_zip(tmp_path / "t.argosmodel", {**GOOD, "../../evil": "x"})
    assert "escapes" in one_line_error(run_reader("models", "install", "--file", str(traversal), env=env))
    assert not list((tmp_path / "pk").glob("*")) if (tmp_path / "pk").exists() else True
