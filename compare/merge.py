"""The union of two aligned outlines as one tree: what the two documents share and where they
part, in one picture or one pair of terminal columns.

Every paired item is one node, placed where it stands in B; an item only in B is placed as in
B; an item only in A goes under the node of its A parent, after the node of the A sibling it
followed, so a deleted child stays beside its parent even when that parent moved. A moved
item also leaves a `ghost` at its old place in A.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from .script import EditScript, Op
from .side import ROOT, Path

# When an item has several operations, the one it is shown as.
_SHOWN = (Op.LEVEL, Op.MOVE, Op.UPDATE, Op.KEEP)


class Kind(str, Enum):
    SHARED = "shared"  # paired (kept, reworded, moved or re-levelled: see `op`)
    ONLY_A = "only_a"
    ONLY_B = "only_b"
    GHOST = "ghost"  # the old place of a moved item


@dataclass
class MergedNode:
    kind: Kind
    a: Path | None  # the item in A (for a ghost: the moved item)
    b: Path | None
    op: Op  # what happened: keep, update, move, level, delete (only A), insert (only B)
    similarity: float = 1.0
    children: list[MergedNode] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        """Whether anything in this subtree differs between the two outlines."""
        return self.op is not Op.KEEP or any(child.changed for child in self.children)

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


def merged_tree(script: EditScript) -> MergedNode:
    """The union tree of `script`'s two outlines; the root stands for both documents."""
    al = script.alignment
    a, b, pairs, reverse = al.a, al.b, al.pairs, al.reverse
    shown: dict[Path, Op] = {}
    for edit in script.edits:
        if edit.a is not None and edit.b is not None:
            current = shown.get(edit.a)
            if current is None or _SHOWN.index(edit.op) < _SHOWN.index(current):
                shown[edit.a] = edit.op

    def b_node(y: Path) -> MergedNode:
        x = reverse.get(y)
        if x is None:
            node = MergedNode(Kind.ONLY_B, None, y, Op.INSERT, 0.0)
        else:
            node = MergedNode(Kind.SHARED, x, y, shown.get(x, Op.KEEP), al.similarity.get(x, 1.0))
        node.children = [b_node(c) for c in b.children[y]]
        return node

    root = MergedNode(Kind.SHARED, ROOT, ROOT, Op.KEEP)
    root.children = [b_node(c) for c in b.children[ROOT]]
    by_a: dict[Path, MergedNode] = {node.a: node for node in root.walk() if node.a is not None}

    def a_only(x: Path) -> MergedNode:
        node = MergedNode(Kind.ONLY_A, x, None, Op.DELETE, 0.0)
        by_a[x] = node
        node.children = [a_only(c) if c not in pairs else _ghost(c) for c in a.children[x]]
        return node

    def _ghost(x: Path) -> MergedNode:
        return MergedNode(Kind.GHOST, x, pairs[x], Op.MOVE, al.similarity.get(x, 1.0))

    # Place the A-only items (and the ghosts of moved items) under their A parent's node.
    for x in a.order:
        host = by_a.get(x)
        if host is None or host.kind is Kind.ONLY_A:
            continue  # an A-only node placed its own subtree
        anchor = None  # the merged child after which the next A-only child goes
        for c in a.children[x]:
            if c in pairs:
                if shown.get(c) in (Op.MOVE, Op.LEVEL):
                    anchor = _insert_after(host, anchor, _ghost(c))
                else:
                    anchor = by_a[c]
                continue
            anchor = _insert_after(host, anchor, a_only(c))
    return root


def _insert_after(host: MergedNode, anchor: MergedNode | None, node: MergedNode) -> MergedNode:
    index = 0
    if anchor is not None:
        for i, child in enumerate(host.children):
            if child is anchor:
                index = i + 1
                break
    host.children.insert(index, node)
    return node
