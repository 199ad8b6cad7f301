"""The tidy tree: left to right, one column per depth.

The Reingold–Tilford algorithm on contours, for boxes of any height: depths are columns, each
subtree is laid out on its own, and sibling subtrees are packed as close as their contours
(the extent of each depth) allow, so two subtrees never overlap. Packing from the first child
down pushes small subtrees between large ones upwards; packing from the last child up pushes
them downwards. Every constraint of the packing reads "child j starts at least d below child
i", so the average of the two packings satisfies all of them too, and it spreads the small
subtrees evenly (the effect Walker's apportioning aims for). A parent is centred on its first
and last child.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .box import Box, K, normalise

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
