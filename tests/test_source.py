"""Decoding: every encoding speeches arrive in, and one clear error for everything else."""

from __future__ import annotations

import codecs

import pytest

from tigang.outline import InputError, parse_file, read_source
from tigang.outline.source import decode_bytes

SPEECH = "在全市工作会议上的讲话\n同志们：\n一、统一思想\n一是提高认识。\n二是加强学习。\n二、狠抓落实\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SPEECH.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SPEECH.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + SPEECH.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + SPEECH.encode("utf-16-be"), "utf-16"),
        (SPEECH.encode("utf-16-le"), "utf-16"),  # Word's export without BOM
        (SPEECH.encode("gb18030"), "gb18030"),
        (SPEECH.encode("gbk"), "gb18030"),
        (SPEECH.replace("\n", "\r\n").encode("utf-8"), "utf-8"),
        (SPEECH.replace("\n", "\r").encode("gb18030"), "gb18030"),
    ],
)
def test_encodings_decode_to_the_same_outline(tmp_path, data, encoding):
    path = tmp_path / "speech.txt"
    path.write_bytes(data)
    outline = parse_file(path)
    assert outline.encoding == encoding
    assert outline.title == "在全市工作会议上的讲话"
    assert [(n.marker.text, n.heading, n.line) for n in outline.walk()] == [
        ("一、", "统一思想", 3),
        ("一是", "提高认识", 4),
        ("二是", "加强学习", 5),
        ("二、", "狠抓落实", 6),
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty input"),
        (b"   \n\n\t ", "empty input"),
        (b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00>\x00", "binary"),
        (bytes(range(256)) * 8, "binary"),
        (codecs.BOM_UTF8 + b"\xff\xfe\xfd bad", "not valid utf-8"),
    ],
)
def test_bad_bytes_raise_one_line_errors(data, message):
    with pytest.raises(InputError) as caught:
        decode_bytes(data, "x.txt")
    text = str(caught.value)
    assert message in text and "\n" not in text and text.startswith("x.txt: ")


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_source(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="is a directory"):
        read_source(tmp_path)


def test_undecodable_text_is_an_error_not_mojibake():
    # Random high bytes that are neither UTF-8 nor plausible GB18030 text.
    data = bytes([0x81, 0x30, 0x81, 0x30] * 3) + bytes([0xFF] * 40)
    with pytest.raises(InputError):
        decode_bytes(data)
