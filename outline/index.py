"""Every item of an outline by its path: document order, parents and children, built once.

A path lists child indexes from the root: `()` is the document, `(2, 0)` the first child of
the third top-level item. These are the paths of the JSON, the edit script and the pictures;
the linter and the aligner read an outline's relations from here rather than each walking the
tree its own way.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .model import Node

Path = tuple[int, ...]
ROOT: Path = ()


@dataclass(frozen=True, slots=True)
class OutlineIndex:
    order: tuple[Path, ...]  # every item in document order (preorder); the root not included
    node: Mapping[Path, Node]
    parent: Mapping[Path, Path]  # ROOT for a top-level item
    children: Mapping[Path, tuple[Path, ...]]  # ROOT → the top-level items; a leaf → ()

    @classmethod
    def of(cls, nodes: Sequence[Node]) -> OutlineIndex:
        """The index of a forest of nodes (an outline's `nodes`, or a slice of them)."""
        order: list[Path] = []
        node: dict[Path, Node] = {}
        parent: dict[Path, Path] = {}
        children: dict[Path, tuple[Path, ...]] = {}
        # An explicit stack, not recursion: a 10,000-item law nests only a few levels, but a
        # pathological text may nest hundreds.
        children[ROOT] = tuple((i,) for i in range(len(nodes)))
        stack = [(path, item, ROOT) for path, item in zip(children[ROOT], nodes, strict=True)][::-1]
        while stack:
            path, item, up = stack.pop()
            order.append(path)
            node[path] = item
            parent[path] = up
            kids = tuple((*path, i) for i in range(len(item.children)))
            children[path] = kids
            stack.extend(zip(kids[::-1], item.children[::-1], [path] * len(kids), strict=True))
        return cls(tuple(order), node, parent, children)

    def path_of(self) -> dict[int, Path]:
        """Each node's path by the node's identity (`id`), for code that holds nodes."""
        return {id(item): path for path, item in self.node.items()}
