"""Many outlines at once: the common skeleton and the pairwise similarity table.

The reference is the outline most similar to all others (the medoid). Every other outline
is aligned to it; a reference item belongs to the skeleton when at least `min_share` of the
outlines have it. Ancestors of kept items are kept too, so the skeleton stays a tree.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from tigang.outline.model import Node, Outline

from .align import align
from .script import EditScript, edit_script


@dataclass(frozen=True)
class SkeletonItem:
    node: Node
    share: int  # how many outlines have it (the reference included)
    children: tuple[SkeletonItem, ...]
    # Each outline's counterpart of the item, None where it has none (the report shows who
    # departs where); the reference's own node at the reference's index.
    found: tuple[Node | None, ...] = ()


@dataclass(frozen=True)
class Skeleton:
    reference: int  # index of the reference outline
    total: int
    need: int  # outlines an item must be in (the reference included) to be in the skeleton
    items: tuple[SkeletonItem, ...]
    scores: tuple[tuple[float, ...], ...]  # pairwise similarity, symmetric
    # Per outline, its items with no counterpart in the reference: where it goes its own way.
    unmatched: tuple[tuple[Node, ...], ...] = ()


def compare_many(outlines: list[Outline], min_share: float = 0.5) -> Skeleton:
    n = len(outlines)
    scripts: dict[tuple[int, int], EditScript] = {}
    scores = [[1.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(i + 1, n):
            script = edit_script(align(outlines[i], outlines[j]))
            scripts[(i, j)] = script
            scores[i][j] = scores[j][i] = script.score
    reference = max(range(n), key=lambda i: (sum(scores[i]), -i))
    share: dict[tuple[int, ...], int] = {}
    found: dict[tuple[int, ...], list[Node | None]] = {}
    unmatched: list[tuple[Node, ...]] = []
    for other in range(n):
        if other == reference:
            unmatched.append(())
            continue
        if reference < other:
            al = scripts[(reference, other)].alignment
            partner, theirs = dict(al.pairs), al.b
        else:
            al = scripts[(other, reference)].alignment
            partner, theirs = dict(al.reverse), al.a
        partner.pop((), None)
        for path, their_path in partner.items():
            share[path] = share.get(path, 0) + 1
            found.setdefault(path, [None] * n)[other] = theirs.node[their_path]
        matched = set(partner.values())
        unmatched.append(tuple(theirs.node[p] for p in theirs.nodes if p not in matched))
    need = max(1, math.ceil(min_share * n - 1e-9))

    def keep(nodes: tuple[Node, ...], prefix: tuple[int, ...]) -> tuple[SkeletonItem, ...]:
        out = []
        for i, node in enumerate(nodes):
            path = (*prefix, i)
            children = keep(node.children, path)
            count = share.get(path, 0) + 1
            if count >= need or children:
                counterparts = found.get(path, [None] * n)
                counterparts[reference] = node
                out.append(SkeletonItem(node, count, children, tuple(counterparts)))
        return tuple(out)

    items = keep(outlines[reference].nodes, ())
    return Skeleton(reference, n, need, items, tuple(tuple(row) for row in scores), tuple(unmatched))


def skeleton_to_dicts(items: tuple[SkeletonItem, ...]) -> list[dict[str, Any]]:
    """The skeleton as JSON-ready nested dicts (marker, heading, level, share, children)."""
    return [
        {
            "marker": i.node.marker.text,
            "heading": i.node.heading,
            "level": i.node.level,
            "share": i.share,
            "children": skeleton_to_dicts(i.children),
        }
        for i in items
    ]
