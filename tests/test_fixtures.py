"""Our own fixture speeches, one per numbering habit: `tests/fixtures/speeches/NAME.txt` with
its expected outline `NAME.outline` (the gold format: `marker|heading`, two spaces a level).
Each is also read back from GB18030 and UTF-16 bytes, which must give the same outline."""

from __future__ import annotations

from pathlib import Path

import pytest
from goldfile import f1, norm, outline_rows, read_gold

from tigang.outline import parse_text
from tigang.outline.source import decode_bytes

FIXTURES = sorted((Path(__file__).parent / "fixtures" / "speeches").glob("*.txt"))


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_fixture_outline(path):
    gold = read_gold(path.with_suffix(".outline"))
    outline = parse_text(path.read_text(encoding="utf-8"))
    score, missed, extra = f1(gold.rows, outline_rows(outline, gold.lines))
    assert (missed, extra) == ([], []), f"F1={score:.3f}"
    assert outline_rows(outline, gold.lines) == gold.rows  # same depths, in the same order
    assert norm(outline.title or "") == norm(gold.title or "")


@pytest.mark.parametrize("encoding", ["gb18030", "utf-16", "utf-16-le"])
def test_fixtures_decode_the_same_in_other_encodings(encoding):
    for path in FIXTURES:
        text = path.read_text(encoding="utf-8")
        try:
            data = text.encode(encoding)
        except UnicodeEncodeError:
            continue
        decoded, _ = decode_bytes(data, path.name)
        assert outline_rows(parse_text(decoded)) == outline_rows(parse_text(text)), path.name


def test_there_is_a_fixture_for_every_habit():
    assert len(FIXTURES) >= 15
