"""Atomic output: the file appears whole or not at all."""

from __future__ import annotations

import pytest

from tigang.outline.output import OutputError, write_atomic, write_text_atomic


def test_written_whole(tmp_path):
    target = write_text_atomic(tmp_path / "a.md", "一、总体要求\n")
    assert target.read_text(encoding="utf-8") == "一、总体要求\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.md"]


def test_failed_writer_leaves_nothing_and_keeps_the_old_file(tmp_path):
    target = tmp_path / "a.png"
    target.write_bytes(b"old")

    def broken(tmp):
        tmp.write_bytes(b"half")
        raise RuntimeError("render failed")

    with pytest.raises(RuntimeError):
        write_atomic(target, broken)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.png"]


def test_existing_output_needs_force(tmp_path):
    target = tmp_path / "a.opml"
    target.write_text("x", encoding="utf-8")
    with pytest.raises(OutputError, match="already exists"):
        write_text_atomic(target, "y", force=False)
    write_text_atomic(target, "y", force=True)
    assert target.read_text(encoding="utf-8") == "y"


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(OutputError, match="does not exist"):
        write_text_atomic(tmp_path / "nope" / "a.md", "x")


def test_output_gets_the_usual_file_mode(tmp_path):
    import os

    umask = os.umask(0o022)
    try:
        target = write_text_atomic(tmp_path / "a.md", "x")
    finally:
        os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o644
