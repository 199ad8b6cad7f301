"""Levels as a reader counts them: by the document's units, not by the depth of each branch.

A law numbers its levels with units (编 > 分编 > 章 > 节 > 条). A chapter without sections
holds its articles one level higher in the tree than a chapter with sections, yet an article
is an article: "the top two levels" of the civil code are its chapters and sections, not
chapters, sections and the articles of the sectionless chapters. So a node's *rank* is its
depth, raised to the deepest place its unit takes anywhere in the document (第一百零二条 under
第四章 directly ranks with the articles under 第三章 第一节), and a child ranks below its parent.
Outlines without units (speeches) rank by depth.

`parse_units("编,章,节")` reads a choice of units (a 目录 view: the divisions, no articles).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .model import Family, Node, Outline

# The units of 第X编 / 第X部分 / …, top to bottom (the grammar's UNIT).
UNITS = ("部分", "编", "分编", "章", "节", "条", "篇")


def parse_units(text: str) -> tuple[str, ...]:
    """ "编,章,节" (or 编，章，节 / 编、章、节 / 编 章 节) as a tuple of units; ValueError for a
    word that is no unit."""
    words = [w for w in re.split(r"[,，、;；\s]+", text.strip()) if w]
    unknown = [w for w in words if w not in UNITS]
    if not words:
        raise ValueError(f"no unit given (use some of: {','.join(UNITS)})")
    if unknown:
        raise ValueError(f"unknown unit {unknown[0]!r} (use some of: {','.join(UNITS)})")
    return tuple(dict.fromkeys(words))


def unit_of(node: Node) -> str | None:
    """章 for 第三章, None for a marker without a unit (一、 （一） 1.)."""
    return node.marker.unit if node.marker.family is Family.DIVISION else None


def style_depths(nodes: Iterable[Node]) -> dict[str, int]:
    """The deepest level each unit's style takes among `nodes` and their descendants."""
    deepest: dict[str, int] = {}
    stack = list(nodes)
    while stack:
        node = stack.pop()
        if unit_of(node):
            deepest[node.marker.style] = max(deepest.get(node.marker.style, 0), node.level)
        stack.extend(node.children)
    return deepest


def rank(node: Node, parent_rank: int, depths: dict[str, int]) -> int:
    """The rank of `node` under a parent of `parent_rank` (0 for the root)."""
    return max(parent_rank + 1, depths.get(node.marker.style, 0) if unit_of(node) else 0)


def ranks(outline: Outline) -> dict[tuple[int, ...], int]:
    """The rank of every node of the outline, by child-index path."""
    depths = style_depths(outline.nodes)
    out: dict[tuple[int, ...], int] = {}

    def visit(nodes: tuple[Node, ...], prefix: tuple[int, ...], parent_rank: int) -> None:
        for i, node in enumerate(nodes):
            path = (*prefix, i)
            out[path] = rank(node, parent_rank, depths)
            visit(node.children, path, out[path])

    visit(outline.nodes, (), 0)
    return out


def units_in(outline: Outline) -> list[str]:
    """The units the outline numbers with, top to bottom."""
    found = {unit_of(node) for node in outline.walk()} - {None}
    return [unit for unit in UNITS if unit in found]


__all__ = ["UNITS", "parse_units", "rank", "ranks", "style_depths", "unit_of", "units_in"]
