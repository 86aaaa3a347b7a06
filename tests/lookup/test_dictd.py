"""The dictd reader: base64 numbers, the index, dictzip data, and Debian's real FreeDict."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.lookup.dictd import (
    DictdDictionary,
    DictdError,
    decode_number,
    encode_number,
    index_key,
    parse_definition,
    write,
)
from reader.lookup.freedict import find_freedict


def test_numbers_are_dictd_base64() -> None:
    assert decode_number("A") == 0
    assert decode_number("B") == 1
    assert decode_number("BA") == 64
    assert decode_number("/") == 63
    assert decode_number("5HO") == 57 * 64 * 64 + 7 * 64 + 14
    with pytest.raises(KeyError):
        decode_number("a-b")


@given(st.integers(min_value=0, max_value=2**40))
def test_numbers_round_trip(value) -> None:
    assert decode_number(encode_number(value)) == value


def test_index_keys_drop_case_hyphens_and_apostrophes_but_keep_accents() -> None:
    assert index_key("Abat-jour") == "abatjour"
    assert index_key("taxe d'octroi") == "taxe doctroi"
    assert index_key("  Élection   présidentielle ") == "élection présidentielle"


def test_definitions_parse_headword_pos_and_numbered_senses() -> None:
    d = parse_definition("accord /akɔʀ/ <n, masc>\n1. accord, agreement\n2. chord\n")
    assert (d.headword, d.pos, d.senses) == ("accord", "n, masc", ("accord, agreement", "chord"))
    assert d.english == "accord, agreement; chord"
    plain = parse_definition("ville /vil/ <n, fem>\ncity, town\n")
    assert plain.senses == ("city, town",)


@pytest.mark.parametrize("compress", [True, False])
def test_written_dictionary_reads_back(tmp_path: Path, compress: bool) -> None:
    entries = [
        ("abat-jour", "abat-jour /abaʒuʀ/ <n, masc>\nlamp-shade\n"),
        ("grand", "grand /gʀɑ̃/ <adj>\nbig, great, large\n"),
        ("grand", "grand /gʀɑ̃/ <n, masc>\n1. adult\n2. grown-up\n"),
        ("élection", "élection /elɛksjɔ̃/ <n, fem>\nelection\n"),
    ]
    index = write(tmp_path, "test", entries, compress=compress)
    data = tmp_path / ("test.dict.dz" if compress else "test.dict")
    dictionary = DictdDictionary(index, data)
    assert [d.english for d in dictionary.lookup("Grand")] == [
        "big, great, large",
        "adult; grown-up",
    ]
    assert dictionary.lookup("abatjour") == dictionary.lookup("ABAT-JOUR") != []
    assert dictionary.lookup("Élection")[0].pos == "n, fem"
    assert dictionary.lookup("absent") == []
    assert len(dictionary) == 3


def test_damaged_index_names_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "bad.index").write_text("bon\tA\tB\nmauvais\tA?\tB\n", encoding="utf-8")
    (tmp_path / "bad.dict.dz").write_bytes(gzip.compress(b"x"))
    with pytest.raises(DictdError, match=r"bad\.index:2"):
        DictdDictionary(tmp_path / "bad.index", tmp_path / "bad.dict.dz").load()


def test_data_that_is_not_gzip_is_refused(tmp_path: Path) -> None:
    write(tmp_path, "t", [("a", "a <n>\nx\n")])
    (tmp_path / "t.dict.dz").write_bytes(b"not gzip at all")
    with pytest.raises(DictdError, match="cannot read"):
        DictdDictionary(tmp_path / "t.index", tmp_path / "t.dict.dz").load()


freedict = find_freedict()


@pytest.mark.needs_freedict
def test_real_freedict_offsets_point_at_their_own_entries() -> None:
    assert freedict is not None
    dictionary = freedict.open().load()
    headwords = list(dictionary.headwords())
    assert len(headwords) > 8000
    # Every 50th headword: the text at its offset starts with that headword.
    for key in headwords[::50]:
        for definition in dictionary.lookup(key):
            assert index_key(definition.headword) == key, (key, definition)
    assert "city" in dictionary.lookup("ville")[0].english
    assert "FreeDict" in dictionary.info("short")
