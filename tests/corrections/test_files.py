"""Corrections out and back in: TMX 1.4 (ours and a CAT tool's), CSV, JSON, and bad files."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader.corrections import files
from reader.corrections.store import Corrections
from tests.support.cli import one_line_error, run_reader

PAIRS = [
    ("L’armée russe a frappé Kiev : « c’est fini ».", "The Russian army struck Kyiv: “it's over”."),
    ("Les prix montent & baissent <parfois>.", 'Prices go up & down <sometimes>, "often".'),
    ("Il pleut, dit-il.", "It's raining, he says."),
]


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["tmx", "csv", "json"])
def test_export_then_import_into_an_empty_data_folder(
    fmt: str, data_dir: Path, tmp_path: Path
) -> None:
    Corrections().add_many(PAIRS)
    out = tmp_path / f"corrections.{fmt}"
    done = run_reader("corrections", "export", "--format", fmt, "-o", str(out))
    assert done.returncode == 0, done.stderr
    theirs = tmp_path / "theirs"
    done = run_reader("corrections", "import", str(out), env={"READER_DATA_DIR": str(theirs)})
    assert done.returncode == 0 and "imported 3 corrections" in done.stderr, done.stderr
    imported = Corrections(theirs / "corrections.sqlite3").all()
    assert sorted((c.fr, c.en) for c in imported) == sorted(PAIRS)


def test_our_tmx_is_tmx_1_4_with_xml_lang() -> None:
    from reader.corrections.store import Correction

    data = files.to_tmx(
        [Correction(*PAIRS[0], "2026-12-08T03:48:02+00:00", "2026-12-08T04:00:00+00:00")]
    )
    text = data.decode()
    assert '<tmx version="1.4">' in text and 'srclang="fr"' in text
    assert '<tuv xml:lang="fr">' in text and 'creationdate="20261208T034802Z"' in text
    assert files.from_tmx(data, "x.tmx") == [PAIRS[0]]


OMEGAT = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="OmegaT" o-tmf="OmegaT TMX" adminlang="EN-US" datatype="plaintext" creationtoolversion="6.0.0_0_1bf1729c" segtype="sentence" srclang="FR-FR"/>
  <body>
<!-- Default translations -->
    <tu>
      <tuv lang="FR-FR">
        <seg>Le <bpt i="1" x="1">&lt;b&gt;</bpt>président<ept i="1">&lt;/b&gt;</ept> a parlé.<ph x="2">&lt;br/&gt;</ph></seg>
      </tuv>
      <tuv lang="EN-GB" changeid="me" changedate="20261208T030000Z">
        <seg>The <bpt i="1" x="1">&lt;b&gt;</bpt>president<ept i="1">&lt;/b&gt;</ept> spoke.</seg>
      </tuv>
    </tu>
    <tu>
      <tuv xml:lang="fr-CA"><seg>Il a dit <hi type="term">bonjour</hi><it pos="begin">&lt;i&gt;</it> hier.</seg></tuv>
      <tuv xml:lang="en-us"><seg>He said <hi type="term">hello</hi> yesterday.</seg></tuv>
    </tu>
    <tu>
      <tuv lang="FR-FR"><seg>Seulement en français.</seg></tuv>
      <tuv lang="DE-DE"><seg>Nur auf Deutsch.</seg></tuv>
    </tu>
    <tu>
      <tuv lang="FR-FR"><seg>Avec\x9b31m une\u202e séquence\x85.</seg></tuv>
      <tuv lang="EN-GB"><seg>With an escape.</seg></tuv>
    </tu>
  </body>
</tmx>
"""


def test_a_cat_tool_tmx_imports_with_its_inline_codes_dropped(
    data_dir: Path, tmp_path: Path
) -> None:
    path = tmp_path / "project_save.tmx"
    path.write_text(OMEGAT, encoding="utf-8")
    pairs = files.read(path)
    assert pairs == [
        ("Le président a parlé.", "The president spoke."),
        ("Il a dit bonjour hier.", "He said hello yesterday."),
        ("Avec une séquence.", "With an escape."),  # controls cleaned; no German pair
    ]


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<tmx version="1.4"><header/><body><tu><tuv xml:lang="fr"><seg>&lol3;</seg></tuv>
<tuv xml:lang="en"><seg>x</seg></tuv></tu></body></tmx>
"""
EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE tmx SYSTEM "http://127.0.0.1:9/tmx14.dtd">
<tmx version="1.4"><header/><body/></tmx>
"""


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("laughs.tmx", BILLION_LAUGHS, "declares a document type"),
        ("short.csv", "fr,en\nIl pleut.,It rains.\nSeul\n", "line 3: expected two columns"),
    ],
)
def test_a_bad_file_is_one_line_exit_1_and_nothing_imported(
    name: str, content, message: str, tmp_path: Path
) -> None:
    env = {"READER_DATA_DIR": str(tmp_path / "data")}
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    assert message in one_line_error(run_reader("corrections", "import", str(path), env=env))
    assert Corrections(tmp_path / "data" / "corrections.sqlite3").all() == []


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("laughs.tmx", BILLION_LAUGHS, "declares a document type"),
        ("external.tmx", EXTERNAL, "declares a document type"),
        ("broken.tmx", '<tmx version="1.4"><body><tu>', "not a TMX file"),
        ("other.xml", "<html><body/></html>", "not a TMX file (its root is <html>)"),
        ("short.csv", "fr,en\nIl pleut.,It rains.\nSeul\n", "line 3: expected two columns"),
        ("bad.json", '{"corrections": [{"fr": "Il pleut."}]}', 'no "fr" and "en"'),
        ("missing.tmx", None, "no such file"),
    ],
)
def test_a_bad_file_is_refused_whole(name: str, content, message: str, tmp_path: Path) -> None:
    from reader.corrections.store import CorrectionsError

    path = tmp_path / name
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(CorrectionsError, match=re.escape(message)):
        files.read(path)


def test_hostile_xml_is_refused_before_any_entity_is_expanded(
    data_dir: Path, tmp_path: Path
) -> None:
    from reader.corrections.store import CorrectionsError

    with pytest.raises(CorrectionsError, match="declares a document type"):
        files.from_tmx(BILLION_LAUGHS.encode(), "laughs.tmx")
    with pytest.raises(CorrectionsError, match="declares a document type"):
        files.from_tmx(BILLION_LAUGHS.encode("utf-16"), "laughs.tmx")


def test_csv_with_header_quotes_commas_and_a_bom(data_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "mine.csv"
    path.write_text(
        'fr,en\n"Oui, dit-il.","Yes, he said."\n\n"Il pleut\u00a0!",It rains!\n',
        encoding="utf-8-sig",
    )
    pairs = files.read(path)
    assert pairs == [("Oui, dit-il.", "Yes, he said."), ("Il pleut\u00a0!", "It rains!")]
    Corrections().add_many(pairs)
    assert Corrections().english_for(["Il pleut !"]) == {"Il pleut !": "It rains!"}


@pytest.mark.parametrize(
    ("content", "suffix", "fmt"),
    [
        (b'<?xml version="1.0"?><tmx version="1.4"/>', ".csv", "tmx"),  # the content wins
        ('<?xml version="1.0"?><tmx/>'.encode("utf-16"), "", "tmx"),
        (b"[Mise a jour] Il pleut.,It rains.\n", ".csv", "csv"),  # a CSV may start with [
        (b'{"corrections": []}', "", "json"),
        (b"<tmx/>", "", "tmx"),
        (b"Il pleut.,It rains.\n", ".txt", "csv"),
    ],
)
def test_the_format_is_told_by_content_then_extension(content, suffix: str, fmt: str) -> None:
    assert files.detect(content, suffix) == fmt
