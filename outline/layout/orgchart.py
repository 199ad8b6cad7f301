"""The top-down org chart (组织结构图) of 汇报 slides: the title on top, the top-level items
in one row under it, and everything deeper hanging below its top-level item as an indented
list, one level of indent per level.

A pure top-down tree of a speech is far wider than a slide (five 一、 with five （一） each with
five 1. is a row of 125 boxes); hanging the lower levels keeps the width to one column per
top-level item, which is how such charts are drawn by hand. Every top-level item's column is
as wide as its widest box (indent included), so the columns never overlap, and the boxes of a
row are top-aligned. Ten chapters of a law make a row five times as wide as it is tall: with
`rows`, the top-level items are set in that many rows, each centred under the root and
below the tallest column of the row above.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .box import Box, K, normalise


def org_chart(
    root: K,
    children: Mapping[K, Sequence[K]],
    sizes: Mapping[K, tuple[float, float]],
    *,
    level_gap: float = 36.0,
    column_gap: float = 16.0,
    indent: float = 18.0,
    stack_gap: float = 6.0,
    rows: int = 1,
) -> dict[K, Box]:
    """Boxes of an org chart: `level_gap` between the root and a row (and between rows),
    `column_gap` between the columns of a row, `indent` per hanging level, `stack_gap`
    between hanging boxes; the top-level items in `rows` rows."""

    def hang(node: K, x: float, y: float, into: dict[K, Box]) -> tuple[float, float]:
        """Place `node` at (x, y) and its descendants below it; returns the right edge and
        the bottom of what was placed."""
        w, h = sizes[node]
        into[node] = Box(x, y, w, h)
        right, bottom = x + w, y + h
        for kid in children.get(node, ()):
            kid_right, bottom = hang(kid, x + indent, bottom + stack_gap, into)
            right = max(right, kid_right)
        return right, bottom

    rw, rh = sizes[root]
    boxes: dict[K, Box] = {}
    items = list(children.get(root, ()))
    per_row = -(-len(items) // max(1, rows)) if items else 1
    top = rh + level_gap
    spans = []
    for start in range(0, len(items), per_row):
        x, bottom = 0.0, top
        row = items[start : start + per_row]
        for kid in row:
            right, below = hang(kid, x, top, boxes)
            x, bottom = right + column_gap, max(bottom, below)
        spans.append((row, x - column_gap))
        top = bottom + level_gap
    widest = max((width for _, width in spans), default=rw)
    for row, width in spans:  # every row centred on the widest
        for node in [n for kid in row for n in _subtree(kid, children)]:
            boxes[node] = boxes[node].shifted((widest - width) / 2, 0.0)
    if spans:
        first, last = boxes[spans[0][0][0]], boxes[spans[0][0][-1]]
        centre = (first.cx + last.cx) / 2 if len(spans) == 1 else widest / 2
    else:
        centre = rw / 2
    boxes[root] = Box(centre - rw / 2, 0.0, rw, rh)
    return normalise(boxes)


def _subtree(node: K, children: Mapping[K, Sequence[K]]) -> list[K]:
    out, stack = [], [node]
    while stack:
        current = stack.pop()
        out.append(current)
        stack.extend(children.get(current, ()))
    return out
