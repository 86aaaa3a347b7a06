"""Decoding and bad input: every failure is an InputError with a clear message, and no
text from a file can drive the terminal."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader import textio
from reader.article import load
from reader.errors import InputError


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load(tmp_path / "absent.txt")


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"")
    with pytest.raises(InputError, match=r"a\.txt: is empty$"):
        load(path)


@pytest.mark.parametrize("content", [b"   \n\t\n  ", b"\n\x1b[2J" + b" " * 80 + b"\n"])
def test_whitespace_only_has_no_text(tmp_path: Path, content) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=r"a\.txt: has no text$"):
        load(path)


def test_binary(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(InputError, match="binary"):
        load(path)


def test_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="folder"):
        load(tmp_path)


def test_huge(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(textio, "MAX_BYTES", 1000)
    path = tmp_path / "big.txt"
    path.write_text("Bonjour. " * 200, encoding="utf-8")
    with pytest.raises(InputError, match="too large"):
        load(path)


FRENCH = "Élection à l’Assemblée\nLe député a déclaré : « Ça suffit ! » Où est passé l’été ? Même Noël.\n"


def test_windows_1252_keeps_accents(tmp_path: Path) -> None:
    path = tmp_path / "cp1252.txt"
    path.write_bytes(FRENCH.replace("’", "'").encode("cp1252"))
    article = load(path)
    assert article.blocks[0].text == "Élection à l'Assemblée"
    assert "« Ça suffit ! »" in article.blocks[1].text and "Noël" in article.blocks[1].text


# QA row 9, byte for byte: a terminal's printf wrote the accents as UTF-8 and the \x92
# apostrophes and \xa0 spaces as Windows-1252. It used to decode as ISO-8859-10.
QA9 = (
    "Le président a déclaré\n\nCe matin, l".encode()
    + b"\x92"
    + "OTAN a réagi à la décision. «".encode()
    + b"\xa0C\x92est inacceptable\xa0"
    + "», a-t-il dit.\n".encode()
)


def test_short_mixed_windows_1252_sample_decodes_and_warns(tmp_path: Path) -> None:
    path = tmp_path / "short1252.fr.txt"
    path.write_bytes(QA9)
    article = load(path)
    assert article.title == "Le président a déclaré"
    assert article.blocks[1].text == (
        "Ce matin, l’OTAN a réagi à la décision. «\u00a0C’est inacceptable\u00a0», a-t-il dit."
    )
    assert len(article.warnings) == 1 and "short1252.fr.txt" in article.warnings[0]


def test_short_windows_1252_sample_decodes_without_warning() -> None:
    decoded = textio.decode_text(QA9.decode("utf-8", errors="reader-cp1252").encode("cp1252"), "x")
    assert decoded.encoding == "cp1252" and decoded.warnings == ()
    assert "l’OTAN" in decoded.text and "«\u00a0C’est inacceptable\u00a0»" in decoded.text


def test_unsure_guess_warns(tmp_path: Path) -> None:
    # Mac Roman reads these bytes best, but Windows-1252 also gives letters: a guess.
    decoded = textio.decode_text("Il a été élu.".encode("mac_roman"), "mac.txt")
    assert decoded.text == "Il a été élu."
    assert decoded.warnings and decoded.warnings[0].startswith("mac.txt: not UTF-8")


def test_latin_9_oe_ligature() -> None:
    decoded = textio.decode_text("Un cœur gros comme ça, à 5 €.".encode("iso8859_15"), "x")
    assert decoded.text == "Un cœur gros comme ça, à 5 €."


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_a_byte_order_mark(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "u16.fr.txt"
    data = FRENCH.replace("\n", "\r\n").encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    path.write_bytes(data)
    article = load(path)
    assert article.blocks[0].text == "Élection à l’Assemblée"
    assert article.warnings == ()


def test_utf16_without_a_byte_order_mark() -> None:
    assert textio.decode_text(FRENCH.encode("utf-16-le"), "x").text == FRENCH


def test_utf8_bom_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + FRENCH.replace("\n", "\r\n").encode("utf-8"))
    article = load(path)
    assert article.blocks[0].text == "Élection à l’Assemblée"
    assert not any("\r" in b.text or "\ufeff" in b.text for b in article.blocks)


def test_nfc_normalisation(tmp_path: Path) -> None:
    path = tmp_path / "nfd.txt"
    path.write_text("Cafe\u0301 de l’Élysée\nLe cafe\u0301 est fermé.", encoding="utf-8")
    assert load(path).blocks[0].text == "Café de l’Élysée"


# QA row 3: colour, a window title (OSC 0) and a screen wipe (ED 2).
ESCAPES = "Un paragraphe \x1b[31mROUGE\x1b[0m avec \x1b]0;HACKED-TITLE\x07 séquence et \x1b[2J effacement."
ENTITIES = (
    "Un paragraphe &#27;[31mROUGE&#27;[0m avec &#27;]0;HACKED-TITLE&#7; séquence "
    "et &#x1b;[2J effacement &#155;2J."
)
SAMPLES = {
    "esc.fr.txt": f"Titre normal\n{ESCAPES}\nUn autre paragraphe.\n",
    "esc.fr.md": f"# Titre normal\n\n{ESCAPES}\n\nUn autre paragraphe.\n",
    "esc.fr.html": f"<h1>Titre normal</h1><p>{ESCAPES}</p><p>Un autre paragraphe.</p>",
    "entities.fr.html": f"<h1>Titre normal</h1><p>{ENTITIES}</p><div>Un autre paragraphe.</div>",
    "entities.fr.md": f"# Titre normal\n\n{ENTITIES}\n\nUn autre paragraphe.\n",
}


def _controls(text: str) -> list[str]:
    return [c for c in text if unicodedata.category(c) == "Cc"]


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_escape_sequences_never_reach_the_article(tmp_path: Path, name) -> None:
    path = tmp_path / name
    path.write_text(SAMPLES[name], encoding="utf-8")
    article = load(path)
    texts = [b.text for b in article.blocks] + [s.text for b in article.blocks for s in b.sentences]
    assert [c for t in texts for c in _controls(t)] == []
    body = article.blocks[1].text
    assert "ROUGE" in body and "séquence" in body and "effacement" in body
    assert article.title == "Titre normal"


def test_the_short_escape_sample_of_qa_row_3_is_text(tmp_path: Path) -> None:
    path = tmp_path / "esc.fr.txt"
    path.write_bytes(
        b"Titre normal\nUn paragraphe \033[31mROUGE\033[0m avec \033]0;HACKED-TITLE\007 "
        + "séquence et \033[2J effacement.\n".encode()
    )
    article = load(path)
    assert article.blocks[1].text == "Un paragraphe ROUGE avec  séquence et  effacement."


def test_whole_escape_sequences_go() -> None:
    assert textio.clean(ESCAPES) == (
        "Un paragraphe ROUGE avec  séquence et  effacement."  # the OSC title is gone too
    )
    assert textio.clean("a\x9b2Jb\x9d0;t\x9cc\x1b7d") == "abcd"  # C1 CSI, C1 OSC, ESC 7


BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
"""Embeddings, overrides and isolates: they reorder what a terminal shows after them."""


def test_bidi_overrides_go_and_right_to_left_text_stays() -> None:
    assert textio.clean("Un \u202eesrever\u202c mot et \u2067isolé\u2069.") == (
        "Un esrever mot et isolé."
    )
    hebrew = "Il a dit \u05e9\u05dc\u05d5\u05dd et \u0645\u0631\u062d\u0628\u0627."
    assert textio.clean(hebrew) == hebrew  # right-to-left letters are text, not controls
    assert textio.clean("\u200fmarque\u200e") == "\u200fmarque\u200e"  # marks reorder nothing


def test_the_trial_escape_payloads_leave_no_leftovers() -> None:
    """QA 2026-12-01 Q16: whole sequences go, not only their control bytes."""
    assert textio.clean("NATO\x1b]0;GLOSS-TITLE\x07") == "NATO"
    payload = "Alliance \x1b[2J\x1b]52;c;R0xPU1M=\x07 atlantique \x9b31mROUGE"
    assert textio.clean(payload) == "Alliance  atlantique ROUGE"
    assert textio.clean("a\x1b]8;;http://x\x1b\\lien\x1b]8;;\x1b\\b") == "alienb"  # OSC 8, ST
    assert textio.clean("a\x9d0;titre\x9cb\x90dcs\x9cc") == "abc"  # C1 OSC and DCS


def test_tabs_become_spaces_and_no_break_spaces_stay(tmp_path: Path) -> None:
    path = tmp_path / "tabs.fr.txt"
    path.write_text("Titre\nUne\ttabulation\tici et là, à 2\u00a0%.\n", encoding="utf-8")
    text = load(path).blocks[1].text
    assert "\t" not in text and text.split() == "Une tabulation ici et là, à 2\u00a0%.".split()
    assert "2\u00a0%" in text


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(codec="utf-8"), max_size=80))
def test_clean_leaves_no_control_but_newline(text) -> None:
    cleaned = textio.clean(text)
    assert set(_controls(cleaned)) <= {"\n"}
    # Outside escape sequences, every character that is not a control survives, in order.
    if not any(c == "\x1b" or "\x90" <= c <= "\x9f" for c in text):
        kept = "".join(c for c in text if unicodedata.category(c) != "Cc" and c not in BIDI)
        assert "".join(cleaned.split()) == "".join(kept.split())
