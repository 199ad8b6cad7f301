"""How likely each pair of an alignment is right: a calibrated confidence in [0, 1].

Two different documents are paired mostly by the assignment among the children of matched
parents, and there the evidence is uneven: a pair whose neighbours are paired in the same
order and whose text stands out from its siblings' is nearly always right, a lone pair at a
low similarity among siblings that all look alike is right about two times in three. No
single threshold separates them (docs/diff.md, "Confidence"), but together the signals do:
a logistic model over the evidence below, fitted on the hand-made gold alignments of
benchmarks/pairs (`benchmarks/fit_confidence.py` refits it and prints the table to paste
here). Out of the splits it was fitted on, a pair given 0.9 is right about nine times in ten.

Pairs with equal headings (and the unchanged items of two drafts) are not scored: an equal
heading is the same item, confidence 1 — and a 10,000-item diff of two drafts pairs nearly
every item so, which keeps this cheap.
"""

from __future__ import annotations

import math
from collections.abc import Collection
from typing import TYPE_CHECKING

from .side import Path

if TYPE_CHECKING:
    from .align import Matching

EQUAL_PHASES = frozenset({"match_unchanged", "match_identical"})
# The phases apart from `match_children`, the most common one (each a 0/1 feature).
PHASES = ("match_similar", "match_containers", "match_across_levels", "match_moved")
FEATURES = (
    *PHASES,
    "similarity",  # combined content and heading similarity (`Matching.similarity`)
    "heading",  # heading cosine
    "documents",  # cosine of the two whole texts
    "same_depth",
    "parents_paired",  # the two parents are paired with each other
    "row_margin",  # over the B item's siblings: ahead of the second best, or behind the best
    "column_margin",  # … over the A item's siblings
    "above_siblings",  # similarity above the mean of its row and column among the siblings
    "body",  # log(1 + the shorter own text)
    "neighbours",  # 0–2: the item before / after is paired with the one before / after
    "inside",  # log(1 + descendants paired into the partner's subtree)
    "outside",  # log(1 + descendants paired elsewhere)
    "place_gap",  # how far apart the two stand among their siblings, 0 (same place) to 1
    "same_place",  # the same index among the siblings (三、 of a template is 三、 again)
)
DOUBTFUL = 0.7  # below this a pair is marked in the terminal, picture and report (0.5–0.7: 58 % right)
WINDOW = 10  # siblings either side looked at (a flat law has hundreds of articles)

# Fitted by benchmarks/fit_confidence.py on 7 splits (dev, heldout … heldout6), 59 pairs, 931
# scored pairs; L2 = 1.0. (No pair of those was found by `match_containers`.)
INTERCEPT = -3.5383
WEIGHTS = {
    "match_similar": -0.5820,
    "match_containers": 0.0000,
    "match_across_levels": 0.5777,
    "match_moved": 0.0084,
    "similarity": 1.0092,
    "heading": 2.4004,
    "documents": 0.7323,
    "same_depth": 0.0465,
    "parents_paired": 1.1418,
    "row_margin": 2.5991,
    "column_margin": 2.6287,
    "above_siblings": 1.2790,
    "body": 0.2485,
    "neighbours": 0.4885,
    "inside": 0.9356,
    "outside": -0.5136,
    "place_gap": -1.2877,
    "same_place": 0.3853,
}


def evidence(m: Matching, among: Collection[Path] | None = None) -> dict[Path, tuple[float, ...]]:
    """The features of every pair not found by equal headings (of the A items `among`), by A item."""
    out: dict[Path, tuple[float, ...]] = {}
    for x, y in m.pairs.items():
        if x and m.phase.get(x) not in EQUAL_PHASES and (among is None or x in among):
            out[x] = _features(m, x, y)
    return out


def _window(children: list[Path], path: Path) -> list[Path]:
    i = children.index(path)
    return children[max(0, i - WINDOW) : i + WINDOW + 1]


def _margin(s: float, others: list[float]) -> float:
    """How far `s` leads the best of `others`, negative when it trails it."""
    return s - max(others, default=0.0)


def _features(m: Matching, x: Path, y: Path) -> tuple[float, ...]:
    a, b = m.a, m.b
    parent_x, parent_y = a.parent[x], b.parent[y]
    assert parent_x is not None and parent_y is not None  # the roots are never scored
    s = m.similarity(x, y)
    sib_a = _window(a.children[parent_x], x)
    sib_b = _window(b.children[parent_y], y)
    # Siblings paired by equal headings are spoken for (as in `Matching.vouched`): in two
    # drafts they are nearly all of them, and comparing with them would read whole sections.
    row = [m.similarity(x, q) for q in sib_b if q != y and q not in m.settled_b]
    column = [m.similarity(p, y) for p in sib_a if p != x and p not in m.settled_a]
    # How far the pair stands out from its siblings: above the mean of its row and column.
    mean = ((s + sum(row)) / (1 + len(row)) + (s + sum(column)) / (1 + len(column))) / 2
    neighbours = 0
    for step in (-1, 1):
        before_x, before_y = (*x[:-1], x[-1] + step), (*y[:-1], y[-1] + step)
        if x[-1] + step >= 0 and y[-1] + step >= 0 and m.pairs.get(before_x) == before_y:
            neighbours += 1
    inside = outside = 0
    for d in a.descendants(x):
        partner = m.pairs.get(d)
        if partner is None:
            continue
        if len(partner) > len(y) and partner[: len(y)] == y:
            inside += 1
        else:
            outside += 1
    phase = m.phase.get(x, "")
    heading = 1.0 if a.key(x) == b.key(y) else m.cosine(x, y)
    return (
        *(1.0 if phase == p else 0.0 for p in PHASES),
        s,
        heading,
        m.content,
        1.0 if len(x) == len(y) else 0.0,
        1.0 if m.pairs.get(parent_x) == parent_y else 0.0,
        _margin(s, row),
        _margin(s, column),
        s - mean,
        math.log1p(min(len(a.node[x].body), len(b.node[y].body))),
        float(neighbours),
        math.log1p(inside),
        math.log1p(outside),
        abs(a.place(x) - b.place(y)),
        1.0 if x[-1] == y[-1] else 0.0,
    )


def confidence(features: tuple[float, ...]) -> float:
    """The probability that a pair with these features is right."""
    z = INTERCEPT + sum(WEIGHTS[name] * value for name, value in zip(FEATURES, features, strict=True))
    return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0
