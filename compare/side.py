"""One outline prepared for alignment: every item by its path, with its relations and texts.

A path lists child indexes from the root: `()` is the document, `(2, 0)` the first child of
the third top-level item. Paths are what the edit script, the JSON and the pictures speak of.

With `parts=True`, a document's unnumbered part titles (2020年工作总结 / 2021年工作安排) stand
as items of their own above the top-level items they hold, so the aligner can pair a part of
one report with a numbered section of another (资阳's part 2021年工作安排 is 内江's
三、2021年工作安排建议). Those items are `virtual`; `outline_path` maps the others back.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from tigang.outline.index import ROOT, OutlineIndex, Path
from tigang.outline.model import Family, Marker, Node, Outline, Placement

from .similarity import normalise

__all__ = ["ROOT", "Path", "Side"]

_PART_MARKER = Marker(text="", family=Family.SECTION, number=0, style="part")


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
    virtual: set[Path] = field(default_factory=set)  # part titles: not items of the outline
    outline_path: dict[Path, Path] = field(default_factory=dict)  # item → its path in the outline
    _keys: dict[Path, str] | None = None

    def key(self, path: Path | None) -> str:
        """The item's heading as compared (`similarity.normalise`); "" for no item."""
        if self._keys is None:
            self._keys = {p: normalise(h) for p, h in self.heading.items()}
        return self._keys[path] if path is not None else ""

    @classmethod
    def of(cls, outline: Outline, *, parts: bool = False) -> Side:
        side = cls(outline)
        side.parent[ROOT] = None
        side.heading[ROOT] = outline.title or ""
        side.order.append(ROOT)
        if parts and outline.parts:
            tops: list[Path] = []
            for i, part in enumerate(outline.parts):
                path: Path = (i,)
                tops.append(path)
                side.order.append(path)
                side.node[path] = _part_node(part.title or "", part.line or 0)
                side.parent[path] = ROOT
                side.heading[path] = part.title or ""
                side.virtual.add(path)
                side.children[path] = side._add_forest(outline.nodes[part.start : part.end], path, part.start)
            side.children[ROOT] = tops
        else:
            side.children[ROOT] = side._add_forest(outline.nodes, ROOT, 0)
        # Sizes by one pass up the preorder: each item adds its subtree to its parent's.
        size = dict.fromkeys(side.order, 1)
        parent = side.parent
        for path in reversed(side.order[1:]):
            size[parent[path]] += size[path]  # type: ignore[index]
        side.size = size
        side.position = {path: i for i, path in enumerate(side.order)}
        return side

    def _add_forest(self, nodes: Sequence[Node], prefix: Path, offset: int) -> list[Path]:
        """Add the items of `nodes` below `prefix` (item k of `nodes` is item offset + k of
        the outline) and return the top ones."""
        index = OutlineIndex.of(nodes)
        if not prefix and not offset:  # the whole outline: the index's paths are the items'
            self.order.extend(index.order)
            self.node.update(index.node)
            self.parent.update(index.parent)
            self.children.update((path, list(kids)) for path, kids in index.children.items() if path)
            self.heading.update((path, node.heading) for path, node in index.node.items())
            self.outline_path.update(zip(index.order, index.order, strict=True))
            return list(index.children[ROOT])
        for rel in index.order:
            path = (*prefix, *rel)
            self.order.append(path)
            node = self.node[path] = index.node[rel]
            self.parent[path] = (*prefix, *index.parent[rel])
            self.heading[path] = node.heading
            self.outline_path[path] = (offset + rel[0], *rel[1:])
            self.children[path] = [(*prefix, *kid) for kid in index.children[rel]]
        return [(*prefix, *top) for top in index.children[ROOT]]

    @property
    def nodes(self) -> list[Path]:
        """Every item but the root, in document order."""
        return self.order[1:]

    def place(self, path: Path) -> float:
        """Where an item stands among its siblings, from 0 (first) to 1 (last)."""
        count = len(self.children[self.parent[path]])  # type: ignore[index]
        return path[-1] / (count - 1) if count > 1 else 0.0

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


def _part_node(title: str, line: int) -> Node:
    return Node(
        marker=_PART_MARKER,
        number=0,
        heading=title,
        line=line,
        column=1,
        end_line=line,
        level=0,
        placement=Placement.LEAD,
    )
