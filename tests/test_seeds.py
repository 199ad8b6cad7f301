"""The five real speeches the project was created from produce exactly their gold outlines."""

from __future__ import annotations

import pytest
from goldfile import SHARED, norm, outline_rows, read_gold

from tigang.outline import parse_file

SEEDS = sorted((SHARED / "seeds").glob("*.txt")) if (SHARED / "seeds").is_dir() else []


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem[:3])
def test_seed_outline_equals_gold(seed, shared):
    gold = read_gold(shared / "gold" / f"{seed.stem}.outline")
    outline = parse_file(seed)
    assert outline_rows(outline) == gold.rows
    assert norm(outline.title) == norm(gold.title)
    assert outline.title == gold.title


def test_all_five_seeds_are_present(shared):
    assert len(SEEDS) == 5


def test_toc_of_003_is_recorded_not_duplicated(shared):
    outline = parse_file(next((shared / "seeds").glob("003_*.txt")))
    assert [(e.marker.text, e.heading) for e in outline.toc] == [
        ("一、", "提高站位"),
        ("二、", "聚焦重点"),
        ("三、", "强化担当"),
    ]
    assert [n.marker.text for n in outline.nodes] == ["一、", "二、"]
    assert outline.nodes[0].line == 9


def test_noise_of_004_is_not_in_the_body(shared):
    outline = parse_file(next((shared / "seeds").glob("004_*.txt")))
    assert {18, 19, 24, 35, 49} <= set(outline.noise_lines)
    assert outline.body_lines is not None and outline.body_lines[1] < 18
