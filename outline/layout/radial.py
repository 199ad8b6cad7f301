"""The radial map: the root in the centre and its descendants around it, depth by depth.

Every leaf gets a wedge of the circle as wide as its box is across the circle at that angle
(so wide boxes near the top and bottom get more angle than at the sides), and a parent sits in
the middle of its children's wedges. Ring by ring, each box starts one gap beyond its parent
and moves outwards along its angle until it is clear of every box placed before it: a crowded
stretch staggers instead of pushing the whole ring out. Links run centre to centre, so they
may cross boxes: `mindmap.two_sided` is the map to read; this one is kept for small outlines.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence

from .box import Box, K, normalise


def _across(w: float, h: float, angle: float) -> float:
    """How wide a box is across a ring at `angle` (0 = top, clockwise)."""
    return abs(w * math.cos(angle)) + abs(h * math.sin(angle))


def radial(
    root: K,
    children: Mapping[K, Sequence[K]],
    sizes: Mapping[K, tuple[float, float]],
    *,
    ring_gap: float = 28.0,
    gap: float = 10.0,
    passes: int = 3,
) -> dict[K, Box]:
    """A radial mind map: the root in the centre, the first child at the top and the rest
    clockwise; boxes are centred on their point. A box starts `ring_gap` beyond its parent's
    centre and keeps `gap` clear of every other box (`ring_gap` of the root)."""
    order: list[K] = []  # pre-order
    depth_of: dict[K, int] = {root: 0}
    stack = [root]
    while stack:
        node = stack.pop()
        order.append(node)
        for kid in reversed(children.get(node, ())):
            depth_of[kid] = depth_of[node] + 1
            stack.append(kid)
    leaves = [n for n in order if n != root and not children.get(n)]

    # Wedges: every leaf as wide as its box across the ring at its angle; a few passes let the
    # angles and the widths settle.
    angle: dict[K, float] = {}
    weight = dict.fromkeys(leaves, 1.0)
    for _ in range(max(1, passes)):
        total = sum(weight.values()) or 1.0
        start = 0.0
        span: dict[K, tuple[float, float]] = {}
        for leaf in leaves:
            share = 2 * math.pi * weight[leaf] / total
            span[leaf] = (start, start + share)
            start += share
        for node in reversed(order):  # children before parents
            kids = children.get(node, ())
            if kids:
                span[node] = (span[kids[0]][0], span[kids[-1]][1])
        angle = {node: (a + b) / 2 for node, (a, b) in span.items()}
        if children.get(root):  # turn the first item of the outline to the top
            turn = angle[children[root][0]]
            angle = {node: a - turn for node, a in angle.items()}
        weight = {leaf: _across(*sizes[leaf], angle[leaf]) + gap for leaf in leaves}
    angle[root] = 0.0

    rings: dict[int, list[K]] = {}
    for node in order[1:]:
        rings.setdefault(depth_of[node], []).append(node)

    def box_at(node: K, radius: float) -> Box:
        w, h = sizes[node]
        a = angle[node]
        return Box(radius * math.sin(a) - w / 2, -radius * math.cos(a) - h / 2, w, h)

    # Ring by ring, each box starts one gap further out than its parent and steps outwards
    # until it is clear of every box placed before it (its own ring's included), so a crowded
    # stretch of a ring staggers instead of pushing the whole ring out.
    placed = _Grid(cell=4 * max(max(w, h) for w, h in sizes.values()))
    radius_of: dict[K, float] = {root: 0.0}
    root_box = box_at(root, 0.0)
    placed.add(root_box)
    boxes: dict[K, Box] = {root: root_box}
    parent_of = {kid: node for node in order for kid in children.get(node, ())}
    for depth in sorted(rings):
        for node in rings[depth]:
            radius = radius_of[parent_of[node]] + ring_gap
            box = box_at(node, radius)
            while placed.hits(box, gap if depth > 1 else ring_gap):
                radius += max(2.0, 0.03 * radius)
                box = box_at(node, radius)
            radius_of[node] = radius
            boxes[node] = box
            placed.add(box)
    return normalise(boxes)


class _Grid:
    """Boxes bucketed by a square grid, for the "does this box touch any placed box" test."""

    def __init__(self, cell: float) -> None:
        self.cell = cell
        self.cells: dict[tuple[int, int], list[Box]] = {}

    def _keys(self, box: Box, pad: float) -> Iterable[tuple[int, int]]:
        c = self.cell
        for i in range(math.floor((box.x - pad) / c), math.floor((box.right + pad) / c) + 1):
            for j in range(math.floor((box.y - pad) / c), math.floor((box.bottom + pad) / c) + 1):
                yield i, j

    def add(self, box: Box) -> None:
        for key in self._keys(box, 0.0):
            self.cells.setdefault(key, []).append(box)

    def hits(self, box: Box, gap: float) -> bool:
        return any(
            box.overlaps(other, gap) for key in self._keys(box, gap) for other in self.cells.get(key, ())
        )
