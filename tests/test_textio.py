"""Decoding and bad input: every failure is an InputError with a clear message."""

from __future__ import annotations

import pytest

from reader import textio
from reader.article import load
from reader.errors import InputError


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        load(tmp_path / "absent.txt")


@pytest.mark.parametrize("content", [b"", b"   \n\t\n  "])
def test_empty_and_whitespace_only(tmp_path, content):
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match="empty"):
        load(path)


def test_binary(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(InputError, match="binary"):
        load(path)


def test_folder(tmp_path):
    with pytest.raises(InputError, match="folder"):
        load(tmp_path)


def test_huge(tmp_path, monkeypatch):
    monkeypatch.setattr(textio, "MAX_BYTES", 1000)
    path = tmp_path / "big.txt"
    path.write_text("Bonjour. " * 200, encoding="utf-8")
    with pytest.raises(InputError, match="too large"):
        load(path)


FRENCH = "Élection à l’Assemblée\nLe député a déclaré : « Ça suffit ! » Où est passé l’été ? Même Noël.\n"


def test_windows_1252_keeps_accents(tmp_path):
    path = tmp_path / "cp1252.txt"
    path.write_bytes(FRENCH.replace("’", "'").encode("cp1252"))
    article = load(path)
    assert article.blocks[0].text == "Élection à l'Assemblée"
    assert "« Ça suffit ! »" in article.blocks[1].text and "Noël" in article.blocks[1].text


def test_utf8_bom_and_crlf(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + FRENCH.replace("\n", "\r\n").encode("utf-8"))
    article = load(path)
    assert article.blocks[0].text == "Élection à l’Assemblée"
    assert not any("\r" in b.text or "\ufeff" in b.text for b in article.blocks)


def test_nfc_normalisation(tmp_path):
    path = tmp_path / "nfd.txt"
    path.write_text("Cafe\u0301 de l’Élysée\nLe cafe\u0301 est fermé.", encoding="utf-8")
    assert load(path).blocks[0].text == "Café de l’Élysée"
