"""One outline prepared for alignment: every item by its path, with its relations and texts.

A path lists child indexes from the root: `()` is the document, `(2, 0)` the first child of
the third top-level item. Paths are what the edit script, the JSON and the pictures speak of.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tigang.outline.model import Node, Outline

Path = tuple[int, ...]
ROOT: Path = ()


@dataclass
class Side:
    outline: Outline
    order: list[Path] = field(default_factory=list)  # preorder, the root first
    node: dict[Path, Node] = field(default_factory=dict)  # every path but the root
    parent: dict[Path, Path | None] = field(default_factory=dict)
    children: dict[Path, list[Path]] = field(default_factory=dict)
    heading: dict[Path, str] = field(default_factory=dict)  # the root's is the title
    size: dict[Path, int] = field(default_factory=dict)  # items in the subtree, itself included
    position: dict[Path, int] = field(default_factory=dict)  # index in `order`

    @classmethod
    def of(cls, outline: Outline) -> Side:
        side = cls(outline)
        side.parent[ROOT] = None
        side.heading[ROOT] = outline.title or ""
        side.order.append(ROOT)

        def visit(nodes: tuple[Node, ...], prefix: Path) -> list[Path]:
            paths = []
            for i, node in enumerate(nodes):
                path = (*prefix, i)
                paths.append(path)
                side.order.append(path)
                side.node[path] = node
                side.parent[path] = prefix
                side.heading[path] = node.heading
                side.children[path] = visit(node.children, path)
            return paths

        side.children[ROOT] = visit(outline.nodes, ROOT)
        for path in reversed(side.order):
            side.size[path] = 1 + sum(side.size[kid] for kid in side.children[path])
        side.position = {path: i for i, path in enumerate(side.order)}
        return side

    @property
    def nodes(self) -> list[Path]:
        """Every item but the root, in document order."""
        return self.order[1:]

    def descendants(self, path: Path) -> list[Path]:
        """The items below `path`, in document order (a contiguous run of the preorder)."""
        start = self.position[path] + 1
        return self.order[start : start + self.size[path] - 1]

    def ancestors(self, path: Path) -> list[Path]:
        """The items above `path`, nearest first, the root excluded."""
        out = []
        parent = self.parent[path]
        while parent:
            out.append(parent)
            parent = self.parent[parent]
        return out
