"""The outline as a networkx.DiGraph: the one structure diagrams and the compare module build on.

Node ids are child-index paths: the document root is `()`, its first item `(0,)`, the second
child of that `(0, 1)`. Edges run from parent to child, and the successors of a node come in
document order. Every node carries `level` (0 for the root), `marker` (as written), `heading`,
`label` (marker and heading as one line reads), `line`, `number` and `family` (the marker
family's value, "" for the root); the root's `heading` is the title, also kept as the graph's
`title` attribute with `source`.

networkx is imported here and only here: `tigang show` never loads this module.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import networkx as nx

from .model import Node, Outline

if TYPE_CHECKING:
    NodeId = tuple[int, ...]

ROOT: tuple[int, ...] = ()


def to_digraph(outline: Outline, *, depth: int | None = None) -> nx.DiGraph:
    """The outline as a tree-shaped DiGraph rooted at `()`; `depth` keeps levels 1..depth."""
    graph = nx.DiGraph(title=outline.title, source=outline.source)
    graph.add_node(
        ROOT,
        level=0,
        marker="",
        heading=outline.title or "",
        label=outline.title or "",
        line=outline.title_line,
        number=0,
        family="",
    )

    def add(parent: NodeId, index: int, node: Node) -> None:
        if depth is not None and node.level > depth:
            return
        ident = (*parent, index)
        graph.add_node(
            ident,
            level=node.level,
            marker=node.marker.text,
            heading=node.heading,
            label=node.label,
            line=node.line,
            number=node.number,
            family=node.marker.family.value,
        )
        graph.add_edge(parent, ident)
        for i, child in enumerate(node.children):
            add(ident, i, child)

    for i, node in enumerate(outline.nodes):
        add(ROOT, i, node)
    return graph


def children_of(graph: nx.DiGraph) -> dict[NodeId, list[NodeId]]:
    """Each node's children in document order (what the layouts take)."""
    return {node: list(graph.successors(node)) for node in graph}


__all__ = ["ROOT", "children_of", "to_digraph"]
