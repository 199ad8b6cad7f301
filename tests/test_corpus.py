"""Nine published texts (reports, speeches, a law) in their real encodings and wrappers.

Each must equal its gold outline (F1 1.0). src05's `第一，…第六，` run, introduced by
过去五年…主要体会是： after `（三）`'s body, sits beside `（一）…（三）`: a summary speaks of
the whole section (outline.front.sums_up).
"""

from __future__ import annotations

import pytest
from goldfile import SHARED, f1, norm, outline_rows, read_gold

from tigang.outline import parse_file

FLOORS: dict[str, float] = {}
CORPUS = sorted((SHARED / "corpus" / "gold").glob("*.outline")) if (SHARED / "corpus").is_dir() else []


@pytest.mark.parametrize("gold_path", CORPUS, ids=lambda p: p.stem[:5])
def test_corpus_text_reaches_floor(gold_path, shared):
    raw = shared / "corpus" / "raw" / f"{gold_path.stem}.txt"
    gold = read_gold(gold_path)
    outline = parse_file(raw)
    score, missed, extra = f1(gold.rows, outline_rows(outline, gold.lines))
    assert score >= FLOORS.get(gold_path.stem, 1.0), f"F1={score:.3f} missed={missed[:5]} extra={extra[:5]}"
    if gold.title:
        assert norm(gold.title)[:6] in norm(outline.title or "") or norm(outline.title or "").startswith(
            norm(gold.title)[:6]
        )
    else:
        assert outline.title is None


def test_corpus_is_present(shared):
    assert len(CORPUS) == 9


def test_encodings_are_reported(shared):
    raw = shared / "corpus" / "raw"
    assert parse_file(next(raw.glob("src10_*"))).encoding == "utf-16"
    assert parse_file(next(raw.glob("src14_*"))).encoding == "gb18030"
    assert parse_file(next(raw.glob("src02_*"))).encoding == "utf-8"
    assert parse_file(next(raw.glob("src04_*"))).encoding == "utf-8-sig"
