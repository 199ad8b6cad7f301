"""The two-sided mind map, as XMind, 幕布 and markmap draw one: the root in the middle, the
top-level branches split between a right and a left side, each side a tidy tree growing
outwards, siblings top to bottom in document order.

The split keeps document order — the first branches on the right, the rest on the left, both
sides read top to bottom — and is the cut that makes the two sides' heights closest, so a
large 一、 does not leave one side hanging. Each side is a `tidy_tree` under a virtual root,
so sibling subtrees never overlap and every depth has its own column; the left side is its
mirror image. The root sits between the sides, level with the middle of each side's first and
last branch.

Columns are what keeps the links clear of the boxes (`links.mindmap_links`): between two
columns there is nothing but links.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .box import Box, K, bounds, normalise
from .tidy import tidy_tree

RIGHT, LEFT = 1, -1


def split_branches(heights: Sequence[float], gap: float) -> int:
    """How many of the branches (heights in order) go to the right side: the cut that makes
    the sides' heights closest, the right side never the shorter when two cuts tie."""
    n = len(heights)
    if n <= 1:
        return n

    def imbalance(k: int) -> tuple[float, int]:
        right = sum(heights[:k]) + gap * (k - 1)
        left = sum(heights[k:]) + gap * (n - k - 1)
        return abs(right - left), -k

    return min(range(1, n), key=imbalance)


class _Virtual:
    """The root of one side's tree, never drawn."""

    def __repr__(self) -> str:
        return "<side root>"


def two_sided(
    root: K,
    children: Mapping[K, Sequence[K]],
    sizes: Mapping[K, tuple[float, float]],
    *,
    level_gap: float = 40.0,
    root_gap: float = 64.0,
    sibling_gap: float = 6.0,
    subtree_gap: float = 12.0,
) -> dict[K, Box]:
    """Boxes of a two-sided mind map. `root_gap` is the room between the root and the first
    column of each side, `level_gap` between the other columns. The right side holds the
    first branches."""
    branches = list(children.get(root, ()))
    rw, rh = sizes[root]
    boxes: dict[K, Box] = {root: Box(-rw / 2, -rh / 2, rw, rh)}
    if not branches:
        return normalise(boxes)

    def side_tree(kids: list[K]) -> dict[K, Box]:
        top = _Virtual()
        tree = tidy_tree(
            top,  # type: ignore[arg-type]
            {**children, top: kids},  # type: ignore[dict-item]
            {**sizes, top: (0.0, 0.0)},  # type: ignore[dict-item]
            level_gap=level_gap,
            sibling_gap=sibling_gap,
            subtree_gap=subtree_gap,
        )
        centre = tree.pop(top).cy  # type: ignore[call-overload]
        first = min(box.x for box in (tree[k] for k in kids))
        return {node: box.shifted(-first, -centre) for node, box in tree.items()}

    heights = []
    for branch in branches:  # each branch's own height, as the side tree will pack it
        heights.append(bounds(side_tree([branch]).values()).h)
    cut = split_branches(heights, subtree_gap)
    right = side_tree(branches[:cut])
    for node, box in right.items():
        boxes[node] = box.shifted(rw / 2 + root_gap, 0.0)
    if branches[cut:]:
        left = side_tree(branches[cut:])
        for node, box in left.items():  # mirrored: the column's inner edge is its right edge
            boxes[node] = Box(-rw / 2 - root_gap - box.right, box.y, box.w, box.h)
    return normalise(boxes)


def sides(root: K, children: Mapping[K, Sequence[K]], boxes: Mapping[K, Box]) -> dict[K, int]:
    """RIGHT or LEFT for every node but the root: the side of its top-level branch."""
    centre = boxes[root].cx
    side: dict[K, int] = {}
    stack = [(kid, RIGHT if boxes[kid].cx >= centre else LEFT) for kid in children.get(root, ())]
    while stack:
        node, s = stack.pop()
        side[node] = s
        stack.extend((kid, s) for kid in children.get(node, ()))
    return side
