"""Placing the boxes of a tree diagram: a tidy left-to-right tree and a radial mind map.

Pure Python, no plotting library: the caller measures its labels and passes each node's box
size; the layouts return a `Box` per node. Units are whatever the sizes are in (the diagram
renderer uses points). Coordinates are screen-like: x grows to the right, y grows downwards,
and a box's (x, y) is its top-left corner.

The tree is the Reingold–Tilford algorithm on contours, for boxes of any height: depths are
columns, each subtree is laid out on its own, and sibling subtrees are packed as close as
their contours (the extent of each depth) allow, so two subtrees never overlap. Packing from
the first child down pushes small subtrees between large ones upwards; packing from the last
child up pushes them downwards. Every constraint of the packing reads "child j starts at least
d below child i", so the average of the two packings satisfies all of them too, and it spreads
the small subtrees evenly (the effect Walker's apportioning aims for). A parent is centred on
its first and last child.

The mind map places the root in the centre and its descendants around it, depth by depth.
Every leaf gets a wedge of the circle as wide as its box is across the circle at that angle
(so wide boxes near the top and bottom get more angle than at the sides), and a parent sits in
the middle of its children's wedges. Ring by ring, each box starts one gap beyond its parent
and moves outwards along its angle until it is clear of every box placed before it: a crowded
stretch staggers instead of pushing the whole ring out.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True, slots=True)
class Box:
    """An axis-aligned box: (x, y) is the top-left corner, y grows downwards."""

    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def cx(self) -> float:
        return self.x + self.w / 2

    @property
    def cy(self) -> float:
        return self.y + self.h / 2

    def shifted(self, dx: float, dy: float) -> Box:
        return Box(self.x + dx, self.y + dy, self.w, self.h)

    def overlaps(self, other: Box, gap: float = 0.0) -> bool:
        """True if the boxes share area, or come closer than `gap` on both axes."""
        return (
            self.x < other.right + gap
            and other.x < self.right + gap
            and self.y < other.bottom + gap
            and other.y < self.bottom + gap
        )


def bounds(boxes: Iterable[Box]) -> Box:
    """The smallest box holding all boxes (an empty box at the origin for none)."""
    boxes = list(boxes)
    if not boxes:
        return Box(0.0, 0.0, 0.0, 0.0)
    x0 = min(b.x for b in boxes)
    y0 = min(b.y for b in boxes)
    return Box(x0, y0, max(b.right for b in boxes) - x0, max(b.bottom for b in boxes) - y0)


def normalise(boxes: Mapping[K, Box]) -> dict[K, Box]:
    """Move the boxes so that the top-left corner of their bounds is (0, 0)."""
    frame = bounds(boxes.values())
    return {key: box.shifted(-frame.x, -frame.y) for key, box in boxes.items()}


# --- the tidy tree ----------------------------------------------------------------------------

# A contour lists, for each depth below a subtree's root (0 = the root), the top and bottom of
# the subtree's boxes at that depth, relative to the root's centre.
Contour = list[tuple[float, float]]


def _merge(into: Contour, other: Contour, shift: float) -> None:
    for k, (top, bottom) in enumerate(other):
        if k < len(into):
            into[k] = (min(into[k][0], top + shift), max(into[k][1], bottom + shift))
        else:
            into.append((top + shift, bottom + shift))


def _pack(contours: Sequence[Contour], sibling_gap: float, subtree_gap: float) -> list[float]:
    """Centres of the children, first at 0, each as high as the ones before allow."""
    positions: list[float] = []
    placed: Contour = []
    for contour in contours:
        if not positions:
            pos = 0.0
        else:
            pos = max(
                placed[k][1] + (sibling_gap if k == 0 else subtree_gap) - contour[k][0]
                for k in range(min(len(placed), len(contour)))
            )
        positions.append(pos)
        _merge(placed, contour, pos)
    return positions


def tidy_tree(
    root: K,
    children: Mapping[K, Sequence[K]],
    sizes: Mapping[K, tuple[float, float]],
    *,
    level_gap: float = 36.0,
    sibling_gap: float = 6.0,
    subtree_gap: float = 12.0,
) -> dict[K, Box]:
    """A left-to-right tidy tree: depth d is column d, children top to bottom in their order.

    `children` maps a node to its children (missing = a leaf), `sizes` every node to (w, h).
    Boxes are left-aligned in their column; a column is as wide as its widest box.
    """
    offsets: dict[K, float] = {}  # centre of a node relative to its parent's centre
    depth_of: dict[K, int] = {root: 0}

    def lay_out(node: K) -> Contour:
        h = sizes[node][1]
        contour: Contour = [(-h / 2, h / 2)]
        kids = children.get(node, ())
        if not kids:
            return contour
        contours = []
        for kid in kids:
            depth_of[kid] = depth_of[node] + 1
            contours.append(lay_out(kid))
        down = _pack(contours, sibling_gap, subtree_gap)
        # The same packing from the last child upwards, in mirror image.
        mirrored = [[(-b, -t) for t, b in c] for c in reversed(contours)]
        up = [-p for p in reversed(_pack(mirrored, sibling_gap, subtree_gap))]
        up = [p - up[0] for p in up]  # first child at 0, like `down`
        centres = [(a + b) / 2 for a, b in zip(down, up, strict=True)]
        middle = (centres[0] + centres[-1]) / 2
        below: Contour = []
        for kid, centre, kid_contour in zip(kids, centres, contours, strict=True):
            offsets[kid] = centre - middle
            _merge(below, kid_contour, centre - middle)
        return contour + below

    lay_out(root)
    columns = [0.0] * (max(depth_of.values()) + 1)
    for node, depth in depth_of.items():
        columns[depth] = max(columns[depth], sizes[node][0])
    column_x = [0.0]
    for width in columns[:-1]:
        column_x.append(column_x[-1] + width + level_gap)

    boxes: dict[K, Box] = {}
    centre_of: dict[K, float] = {root: 0.0}
    stack = [root]
    while stack:
        node = stack.pop()
        w, h = sizes[node]
        cy = centre_of[node]
        boxes[node] = Box(column_x[depth_of[node]], cy - h / 2, w, h)
        for kid in children.get(node, ()):
            centre_of[kid] = cy + offsets[kid]
            stack.append(kid)
    return normalise(boxes)


# --- the radial mind map ----------------------------------------------------------------------


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
