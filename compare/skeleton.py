"""Many outlines at once: the common skeleton and the pairwise similarity table.

The reference is the outline most similar to all others (the medoid). Every other outline
is aligned to it; a reference item belongs to the skeleton when at least `min_share` of the
outlines have it. Ancestors of kept items are kept too, so the skeleton stays a tree.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from tigang.outline.model import Node, Outline

from .align import align
from .script import EditScript, edit_script


@dataclass(frozen=True)
class SkeletonItem:
    node: Node
    share: int  # how many outlines have it (the reference included)
    children: tuple[SkeletonItem, ...]


@dataclass(frozen=True)
class Skeleton:
    reference: int  # index of the reference outline
    total: int
    need: int  # outlines an item must be in (the reference included) to be in the skeleton
    items: tuple[SkeletonItem, ...]
    scores: tuple[tuple[float, ...], ...]  # pairwise similarity, symmetric


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
    for other in range(n):
        if other == reference:
            continue
        if reference < other:
            matched = set(scripts[(reference, other)].alignment.pairs)
        else:
            matched = set(scripts[(other, reference)].alignment.pairs.values())
        for path in matched:
            share[path] = share.get(path, 0) + 1
    need = max(1, math.ceil(min_share * n - 1e-9))

    def keep(nodes: tuple[Node, ...], prefix: tuple[int, ...]) -> tuple[SkeletonItem, ...]:
        out = []
        for i, node in enumerate(nodes):
            path = (*prefix, i)
            children = keep(node.children, path)
            count = share.get(path, 0) + 1
            if count >= need or children:
                out.append(SkeletonItem(node, count, children))
        return tuple(out)

    items = keep(outlines[reference].nodes, ())
    return Skeleton(reference, n, need, items, tuple(tuple(row) for row in scores))


def skeleton_to_dicts(items: tuple[SkeletonItem, ...]) -> list[dict]:
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
