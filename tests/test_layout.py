"""The layouts, without matplotlib: boxes never overlap, the tree is tidy, the map is radial."""

from __future__ import annotations

import itertools
import random
import subprocess
import sys

import pytest

from tigang.outline.layout import Box, bounds, radial, tidy_tree


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
@pytest.mark.parametrize("layout", [tidy_tree, radial])
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
