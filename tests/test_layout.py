"""The layouts, without matplotlib: boxes never overlap, links never cross a box (but the old
radial map's), the tree is tidy, the mind map has two sides in document order, the org chart
hangs its lower levels."""

from __future__ import annotations

import itertools
import random
import subprocess
import sys

import pytest

from tigang.outline.layout import (
    LEFT,
    RIGHT,
    Box,
    bounds,
    crossings,
    mindmap_links,
    org_chart,
    org_links,
    radial,
    sides,
    split_branches,
    tidy_tree,
    tree_links,
    two_sided,
)


def random_tree(nodes: int, seed: int) -> tuple[dict, dict]:
    """A random tree of `nodes` nodes (root 0) with varied box sizes, like wrapped labels."""
    rng = random.Random(seed)
    children: dict[int, list[int]] = {0: []}
    depth = {0: 0}
    sizes = {0: (10.0, 10.0)}
    for node in range(1, nodes):
        parent = rng.choice([n for n in depth if depth[n] < 4])
        children.setdefault(parent, []).append(node)
        children[node] = []
        depth[node] = depth[parent] + 1
        lines = rng.choice([1, 1, 1, 2, 3])
        sizes[node] = (rng.uniform(40, 190), lines * 16 + 8.0)
    return children, sizes


def overlapping(boxes: dict) -> list:
    return [(a, b) for (a, p), (b, q) in itertools.combinations(boxes.items(), 2) if p.overlaps(q)]


def subtree(children: dict, node) -> list:
    out = [node]
    for kid in children.get(node, ()):
        out += subtree(children, kid)
    return out


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("layout", [tidy_tree, radial, two_sided, org_chart])
def test_no_two_boxes_overlap(layout, seed):
    children, sizes = random_tree(80, seed)
    boxes = layout(0, children, sizes)
    assert set(boxes) == set(sizes)
    assert not overlapping(boxes)
    assert all((b.w, b.h) == sizes[n] for n, b in boxes.items())
    frame = bounds(boxes.values())
    assert (frame.x, frame.y) == (0, 0)


@pytest.mark.parametrize("seed", range(5))
def test_tree_is_tidy(seed):
    children, sizes = random_tree(60, seed)
    boxes = tidy_tree(0, children, sizes, level_gap=30)
    depth = {0: 0}
    for node in sorted(children):
        for kid in children[node]:
            depth[kid] = depth[node] + 1
    for node, kids in children.items():
        if not kids:
            continue
        parent = boxes[node]
        # Children stand in the next column, to the right of the parent, in their order.
        assert all(boxes[k].x >= parent.right + 30 - 1e-9 for k in kids)
        assert len({boxes[k].x for k in kids}) == 1
        assert [boxes[k].cy for k in kids] == sorted(boxes[k].cy for k in kids)
        # The parent is centred on its first and last child.
        assert parent.cy == pytest.approx((boxes[kids[0]].cy + boxes[kids[-1]].cy) / 2)
        # Sibling subtrees never interleave: at every depth, an earlier sibling's subtree is
        # wholly above a later one's.
        for a, b in itertools.combinations(kids, 2):
            sa, sb = subtree(children, a), subtree(children, b)
            for d in {depth[n] for n in sa} & {depth[n] for n in sb}:
                low = max(boxes[n].bottom for n in sa if depth[n] == d)
                high = min(boxes[n].y for n in sb if depth[n] == d)
                assert low <= high


def test_tree_spreads_small_subtrees_between_large_ones():
    # big, leaf, leaf, big: the leaves share the room between the big subtrees evenly.
    children = {0: [1, 2, 3, 4], 1: [10, 11, 12, 13, 14, 15], 4: [40, 41, 42, 43, 44, 45]}
    sizes = {n: (50.0, 20.0) for n in [0, 1, 2, 3, 4, *children[1], *children[4]]}
    boxes = tidy_tree(0, children, sizes)
    gaps = [boxes[b].y - boxes[a].bottom for a, b in [(1, 2), (2, 3), (3, 4)]]
    assert gaps[0] == pytest.approx(gaps[2])


def test_single_node_and_chain():
    assert tidy_tree("r", {}, {"r": (10, 10)}) == {"r": Box(0, 0, 10, 10)}
    boxes = radial("r", {"r": ["a"], "a": ["b"]}, {"r": (50, 20), "a": (40, 20), "b": (40, 20)})
    assert not overlapping(boxes)
    # The first child goes to the top: above the root.
    assert boxes["a"].cy < boxes["r"].cy


def test_radial_puts_the_root_in_the_middle():
    children, sizes = random_tree(40, 3)
    boxes = radial(0, children, sizes)
    frame = bounds(boxes.values())
    root = boxes[0]
    assert frame.x < root.x and root.right < frame.right
    assert frame.y < root.y and root.bottom < frame.bottom


def test_layout_module_imports_no_plotting_library():
    code = "import sys, tigang.outline.layout; print('matplotlib' in sys.modules, 'networkx' in sys.modules)"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.stdout.strip() == "False False", proc.stderr


# --- links ------------------------------------------------------------------------------------


LINKED = {
    "tree": (tidy_tree, lambda r, c, b: tree_links(r, c, b, level_gap=36.0)),
    "mindmap": (two_sided, mindmap_links),
    "org": (org_chart, lambda r, c, b: org_links(r, c, b, indent=18.0)),
    "org in 3 rows": (
        lambda r, c, s: org_chart(r, c, s, rows=3),
        lambda r, c, b: org_links(r, c, b, indent=18.0),
    ),
}


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("name", LINKED)
def test_links_never_cross_a_box(name, seed):
    children, sizes = random_tree(120, seed)
    place, route = LINKED[name]
    boxes = place(0, children, sizes)
    links = route(0, children, boxes)
    assert len(links) == len(boxes) - 1
    assert crossings(links, boxes) == []
    for link in links:  # each link runs from its parent's box to its child's
        start, end = link.points[0], link.points[-1]
        p, c = boxes[link.parent], boxes[link.child]
        assert p.x - 1e-6 <= start[0] <= p.right + 1e-6 or name == "org"
        assert c.x - 1e-6 <= end[0] <= c.right + 1e-6 and c.y - 1e-6 <= end[1] <= c.bottom + 1e-6


def test_crossings_finds_a_link_through_a_box():
    boxes = {"a": Box(0, 0, 10, 10), "b": Box(100, 0, 10, 10), "c": Box(50, 0, 10, 10)}
    links = tree_links("a", {"a": ["b"]}, boxes, level_gap=20)
    assert crossings(links, boxes) == [("a", "b", "c")]


# --- the two-sided mind map -------------------------------------------------------------------


def test_split_keeps_order_and_balances_heights():
    assert split_branches([], 10) == 0
    assert split_branches([50], 10) == 1
    assert split_branches([10, 10, 10, 10], 0) == 2
    assert split_branches([100, 10, 10, 10, 10, 10, 10, 10, 10, 10], 0) == 1
    assert split_branches([10, 10, 10], 0) == 2  # a tie: the right side takes more


def test_mind_map_has_two_sides_each_in_document_order():
    children, sizes = random_tree(150, 4)
    boxes = two_sided(0, children, sizes)
    side = sides(0, children, boxes)
    top = children[0]
    right = [k for k in top if side[k] == RIGHT]
    left = [k for k in top if side[k] == LEFT]
    assert right and left and top == right + left  # the first branches on the right
    root = boxes[0]
    for node, s in side.items():  # every box on its side of the root
        assert (boxes[node].x > root.right) if s == RIGHT else (boxes[node].right < root.x)
    for kids in [right, left, *(kids for node, kids in children.items() if node != 0)]:
        ys = [boxes[k].cy for k in kids]  # siblings top to bottom in document order
        assert ys == sorted(ys)
    for s, branch in ((RIGHT, right), (LEFT, left)):  # children in the next column out
        for node in branch:
            for kid in children[node]:
                if s == RIGHT:
                    assert boxes[kid].x > boxes[node].right
                else:
                    assert boxes[kid].right < boxes[node].x
    # No other cut in document order balances the sides better.
    height = {k: bounds([boxes[n] for n in subtree(children, k)]).h for k in top}

    def imbalance(cut: int) -> float:
        return abs(sum(height[k] for k in top[:cut]) - sum(height[k] for k in top[cut:]))

    assert all(imbalance(len(right)) <= imbalance(cut) + 12 * len(top) for cut in range(1, len(top)))


# --- the org chart ----------------------------------------------------------------------------


def test_org_chart_puts_the_top_level_in_a_row_and_hangs_the_rest():
    children, sizes = random_tree(60, 2)
    boxes = org_chart(0, children, sizes, indent=18.0)
    row = children[0]
    assert len({boxes[k].y for k in row}) == 1  # top-aligned
    assert all(boxes[k].y > boxes[0].bottom for k in row)
    assert [boxes[k].x for k in row] == sorted(boxes[k].x for k in row)
    for node, kids in children.items():
        if node == 0:
            continue
        for a, b in itertools.pairwise(kids):
            assert boxes[b].y > boxes[a].bottom  # stacked in order
        for kid in kids:
            assert boxes[kid].x == pytest.approx(boxes[node].x + 18.0)


def test_org_chart_in_rows_keeps_order_and_clears_the_row_above():
    children, sizes = random_tree(90, 5)
    children[0] += [f"extra{i}" for i in range(7)]  # enough top-level items for three rows
    sizes.update({f"extra{i}": (60.0, 24.0) for i in range(7)})
    boxes = org_chart(0, children, sizes, rows=3)
    row = children[0]
    tops = sorted({boxes[k].y for k in row})
    assert len(tops) == 3
    assert [boxes[k].y for k in row] == sorted(boxes[k].y for k in row)  # rows in order
    for top, below in itertools.pairwise(tops):
        above = [n for k in row if boxes[k].y == top for n in subtree(children, k)]
        assert max(boxes[n].bottom for n in above) < below
    assert not overlapping(boxes)
