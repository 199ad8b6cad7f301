"""The lines between parent and child boxes, one `Link` per child, for each layout.

A link is a path of straight segments and cubic Béziers, in the layout's units, so the drawing
code only strokes it and a test can check it without a plotting library. Each layout routes
its links through room it keeps free of boxes:

- tree: elbows through the gap between two columns (a spine per parent);
- mind map: a straight stub along the parent's own row to the edge of its column, then an
  S-curve across the gap to the child — the curve never leaves the gap, which holds no box;
- org chart: elbows through the gap under the root, and for the hanging levels a rail left
  of the children, inside the indent, which holds no box;
- radial: straight from centre to centre (it may cross boxes; the old map).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .box import Box, K
from .mindmap import RIGHT, sides

Point = tuple[float, float]


@dataclass(frozen=True, slots=True)
class Link:
    """`points` are visited in order; `codes` says how each point is reached: "M" (the
    start), "L" (a straight line) or "C" (the first of three points of a cubic Bézier: two
    control points and the end)."""

    parent: Any
    child: Any
    points: tuple[Point, ...]
    codes: tuple[str, ...]

    def shifted(self, dx: float, dy: float, scale: float = 1.0) -> Link:
        points = tuple((x * scale + dx, y * scale + dy) for x, y in self.points)
        return Link(self.parent, self.child, points, self.codes)

    def sample(self, step: int = 24) -> Iterator[Point]:
        """Points along the path: segment ends, and `step` points on each curve."""
        i = 0
        while i < len(self.points):
            code = self.codes[i]
            if code in "ML":
                yield self.points[i]
                i += 1
                continue
            p0, p1, p2, p3 = self.points[i - 1], self.points[i], self.points[i + 1], self.points[i + 2]
            for k in range(1, step + 1):
                t = k / step
                a, b, c, d = (1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t**2, t**3
                yield (
                    a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0],
                    a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1],
                )
            i += 3


def _line(*points: Point) -> tuple[tuple[Point, ...], tuple[str, ...]]:
    return tuple(points), ("M",) + ("L",) * (len(points) - 1)


def tree_links(
    root: K, children: Mapping[K, Sequence[K]], boxes: Mapping[K, Box], *, level_gap: float
) -> list[Link]:
    """Elbows: from the parent's right edge to a spine half a gap before the children's
    column, along the spine, and into each child's left edge."""
    links = []
    for parent, kids in children.items():
        if not kids:
            continue
        p = boxes[parent]
        spine = boxes[kids[0]].x - level_gap / 2
        for kid in kids:
            c = boxes[kid]
            links.append(
                Link(parent, kid, *_line((p.right, p.cy), (spine, p.cy), (spine, c.cy), (c.x, c.cy)))
            )
    return links


def mindmap_links(root: K, children: Mapping[K, Sequence[K]], boxes: Mapping[K, Box]) -> list[Link]:
    """Stub along the parent's row to its column's outer edge, then an S-curve across the gap
    (horizontal at both ends) into the child's inner edge."""
    side = sides(root, children, boxes)
    depth: dict[Any, int] = {root: 0}
    stack = [root]
    while stack:
        node = stack.pop()
        for kid in children.get(node, ()):
            depth[kid] = depth[node] + 1
            stack.append(kid)
    # The outer edge of every column: (side, depth) -> x.
    edge: dict[tuple[int, int], float] = {}
    for node, s in side.items():
        b = boxes[node]
        key = (s, depth[node])
        edge[key] = max(edge.get(key, b.right), b.right) if s == RIGHT else min(edge.get(key, b.x), b.x)

    links = []
    for parent, kids in children.items():
        for kid in kids:
            p, c, s = boxes[parent], boxes[kid], side[kid]
            start = (p.right if s == RIGHT else p.x, p.cy)
            stub = (edge[(s, depth[parent])], p.cy) if parent != root else start
            end = (c.x if s == RIGHT else c.right, c.cy)
            bend = (end[0] - stub[0]) / 2
            curve = ((stub[0] + bend, stub[1]), (end[0] - bend, end[1]), end)
            points = (start, stub, *curve) if stub != start else (start, *curve)
            codes = ("M", "L", "C", "C", "C") if stub != start else ("M", "C", "C", "C")
            links.append(Link(parent, kid, points, codes))
    return links


def org_links(
    root: K, children: Mapping[K, Sequence[K]], boxes: Mapping[K, Box], *, indent: float
) -> list[Link]:
    """From the root: down to a bus halfway to the first row, along it, and down into each
    top-level box; a later row is reached by a trunk left of every box, down to a bus
    above that row. Below: a rail inside the indent, and a tick into each child's left edge."""
    links = []
    r = boxes[root]
    kids = list(children.get(root, ()))
    rows = sorted({boxes[k].y for k in kids})
    bus = {y: y - (y - (r.bottom if i == 0 else _row_bottom(rows[i - 1], kids, children, boxes))) / 2
           for i, y in enumerate(rows)}  # fmt: skip
    trunk = min(b.x for b in boxes.values()) - indent / 2
    for kid in kids:
        c = boxes[kid]
        if c.y == rows[0]:
            points: tuple[tuple[float, float], ...] = (
                (r.cx, r.bottom),
                (r.cx, bus[c.y]),
                (c.cx, bus[c.y]),
                (c.cx, c.y),
            )
        else:
            first = bus[rows[0]]
            points = (
                (r.cx, r.bottom),
                (r.cx, first),
                (trunk, first),
                (trunk, bus[c.y]),
                (c.cx, bus[c.y]),
                (c.cx, c.y),
            )
        links.append(Link(root, kid, *_line(*points)))
    for parent, kids_of in children.items():
        if parent == root:
            continue
        p = boxes[parent]
        rail = p.x + indent / 2
        for kid in kids_of:
            c = boxes[kid]
            links.append(Link(parent, kid, *_line((rail, p.bottom), (rail, c.cy), (c.x, c.cy))))
    return links


def _row_bottom(
    top: float, kids: Sequence[K], children: Mapping[K, Sequence[K]], boxes: Mapping[K, Box]
) -> float:
    """The lowest box of the row of top-level items whose top is `top`, hanging ones included."""
    bottom = top
    stack = [k for k in kids if boxes[k].y == top]
    while stack:
        node = stack.pop()
        bottom = max(bottom, boxes[node].bottom)
        stack.extend(children.get(node, ()))
    return bottom


def radial_links(root: K, children: Mapping[K, Sequence[K]], boxes: Mapping[K, Box]) -> list[Link]:
    return [
        Link(parent, kid, *_line((boxes[parent].cx, boxes[parent].cy), (boxes[kid].cx, boxes[kid].cy)))
        for parent, kids in children.items()
        for kid in kids
    ]


def _hits(a: Point, b: Point, box: Box) -> bool:
    """Whether the segment a–b passes through the inside of `box` (Liang–Barsky clipping)."""
    t0, t1 = 0.0, 1.0
    dx, dy = b[0] - a[0], b[1] - a[1]
    for p, q in ((-dx, a[0] - box.x), (dx, box.right - a[0]), (-dy, a[1] - box.y), (dy, box.bottom - a[1])):
        if p == 0:
            if q <= 0:
                return False
            continue
        t = q / p
        if p < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 >= t1:
            return False
    return True


def crossings(links: Sequence[Link], boxes: Mapping[Any, Box], *, inset: float = 1.0) -> list[tuple]:
    """(parent, child, box key) for every link that runs through a box other than its own two
    (more than `inset` inside it); curves are checked as 24 chords each."""
    found = []
    for link in links:
        points = list(link.sample())
        xs, ys = [x for x, _ in points], [y for _, y in points]
        reach = Box(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))
        for key, box in boxes.items():
            if key in (link.parent, link.child) or not reach.overlaps(box):
                continue
            inner = Box(box.x + inset, box.y + inset, box.w - 2 * inset, box.h - 2 * inset)
            if any(_hits(a, b, inner) for a, b in itertools.pairwise(points)):
                found.append((link.parent, link.child, key))
    return found
