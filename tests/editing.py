"""Edit real outlines with known truth, for testing the compare module.

`Editor` applies edits to an outline tree (reorder, reword, delete, insert, promote, renumber)
and keeps, for every original node, where it went; `truth()` turns that into the expected
edit script as (op, a_path, b_path) triples, and `scores()` compares a computed script with it
per operation (precision, recall).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field, replace

from tigang.outline.model import Marker, Node, Outline

# Rewordings a drafter makes between versions: one word for a near synonym.
SYNONYMS = [
    ("加强", "强化"),
    ("推进", "推动"),
    ("提高", "提升"),
    ("完善", "健全"),
    ("坚持", "坚定"),
    ("全面", "切实"),
    ("建设", "构建"),
    ("发展", "进步"),
    ("工作", "任务"),
    ("深化", "深入"),
]
NEW_HEADINGS = [
    "建立健全应急物资储备体系",
    "统筹推进城乡供水一体化",
    "大力发展林下经济和特色养殖",
    "扎实做好退役军人服务保障",
    "稳妥推进农村集体产权制度改革",
    "着力提升县域商业体系水平",
    "规范发展校外培训和托育服务",
    "持续改善人居环境和村容村貌",
]


@dataclass
class Item:
    """A mutable node: the original it came from (None when inserted) and its new state."""

    origin: tuple[int, ...] | None
    node: Node
    heading: str
    children: list[Item] = field(default_factory=list)


@dataclass
class Editor:
    outline: Outline
    rng: random.Random
    roots: list[Item] = field(default_factory=list)
    moved: set[tuple[int, ...]] = field(default_factory=set)
    reworded: set[tuple[int, ...]] = field(default_factory=set)
    fresh: list[str] = field(default_factory=lambda: list(NEW_HEADINGS))
    reordered: set[int] = field(default_factory=set)  # sibling lists already reordered once
    # Sibling lists changed by a delete, insert or promotion. Reorders stay out of them (and
    # they out of reordered lists): with a deletion beside it, a move has two minimal
    # explanations and the truth would not be unique.
    touched: set[int] = field(default_factory=set)

    def __post_init__(self) -> None:
        def wrap(nodes, prefix):
            return [
                Item((*prefix, i), n, n.heading, wrap(n.children, (*prefix, i))) for i, n in enumerate(nodes)
            ]

        self.roots = wrap(self.outline.nodes, ())

    # ---- helpers
    def items(self) -> list[tuple[list[Item], int, int]]:
        """(sibling list, index, depth) of every item."""
        out = []

        def visit(siblings, depth):
            for i, item in enumerate(siblings):
                out.append((siblings, i, depth))
                visit(item.children, depth + 1)

        visit(self.roots, 1)
        return out

    def _pick(self, predicate) -> tuple[list[Item], int, int] | None:
        options = [t for t in self.items() if predicate(*t)]
        return self.rng.choice(options) if options else None

    # ---- edits
    def reword(self) -> bool:
        found = self._pick(
            lambda s, i, d: (
                s[i].origin
                and s[i].origin not in self.reworded
                and len(s[i].heading) >= 8
                and any(a in s[i].heading for a, _ in SYNONYMS)
            )
        )
        if not found:
            return False
        siblings, i, _ = found
        item = siblings[i]
        word, other = next((a, b) for a, b in SYNONYMS if a in item.heading)
        item.heading = item.heading.replace(word, other, 1)
        self.reworded.add(item.origin)
        return True

    def reorder(self) -> bool:
        """Move an item at least two places among its siblings. (One place is a swap, which
        either item explains equally well: the truth would not be unique.)"""
        found = self._pick(
            lambda s, i, d: (
                len(s) >= 4
                and s[i].origin
                and id(s) not in self.reordered | self.touched
                and s[i].origin not in self.moved
            )
        )
        if not found:
            return False
        siblings, i, _ = found
        item = siblings.pop(i)
        j = self.rng.choice([k for k in range(len(siblings) + 1) if abs(k - i) >= 2])
        siblings.insert(j, item)
        self.moved.add(item.origin)
        self.reordered.add(id(siblings))
        return True

    def delete(self) -> bool:
        found = self._pick(lambda s, i, d: s[i].origin and len(s) >= 2 and id(s) not in self.reordered)
        if not found:
            return False
        siblings, i, _ = found
        siblings.pop(i)
        self.touched.add(id(siblings))
        return True

    def insert(self) -> bool:
        found = self._pick(lambda s, i, d: id(s) not in self.reordered)
        if not found:
            return False
        siblings, i, _ = found
        template = siblings[i].node
        if not self.fresh:
            return False
        heading = self.fresh.pop(self.rng.randrange(len(self.fresh)))
        # A new item brings its own text: a copy of the template's body would make it a
        # reworded twin of the template, not an insertion.
        fresh = replace(template, heading=heading, body="", children=())
        siblings.insert(i + 1, Item(None, fresh, heading))
        self.touched.add(id(siblings))
        return True

    def promote(self) -> bool:
        """A second-level item becomes a top-level part, after its old parent."""
        if id(self.roots) in self.reordered:
            return False
        for at, root in enumerate(self.roots):
            if len(root.children) >= 3 and id(root.children) not in self.reordered:
                item = root.children.pop(self.rng.randrange(len(root.children)))
                self.roots.insert(at + 1, item)
                self.touched |= {id(root.children), id(self.roots)}
                return True
        return False

    # ---- results
    def result(self, renumber: bool = False) -> Outline:
        def freeze(items: list[Item], level: int) -> tuple[Node, ...]:
            out = []
            for n, item in enumerate(items, 1):
                marker = item.node.marker
                if renumber:
                    marker = Marker(
                        f"〔{n}〕", marker.family, n, marker.unit, marker.punct, marker.full_width
                    )
                out.append(
                    replace(
                        item.node,
                        heading=item.heading,
                        level=level,
                        marker=marker,
                        number=n,
                        children=freeze(item.children, level + 1),
                    )
                )
            return tuple(out)

        return replace(self.outline, nodes=freeze(self.roots, 1))

    def truth(self) -> set[tuple[str, tuple[int, ...] | None, tuple[int, ...] | None]]:
        where: dict[tuple[int, ...], tuple[int, ...]] = {}
        parent_of_new: dict[tuple[int, ...], tuple[int, ...] | None] = {}
        inserted = set()

        def visit(items, prefix):
            for i, item in enumerate(items):
                path = (*prefix, i)
                if item.origin is None:
                    inserted.add(path)
                else:
                    where[item.origin] = path
                parent_of_new[path] = prefix or None
                visit(item.children, path)

        visit(self.roots, ())
        ops = set()

        def original(nodes, prefix):
            for i, node in enumerate(nodes):
                path = (*prefix, i)
                yield path, node
                yield from original(node.children, path)

        for path, _ in original(self.outline.nodes, ()):
            new = where.get(path)
            if new is None:
                ops.add(("delete", path, None))
                continue
            kinds = []
            if len(new) != len(path):
                kinds.append("level")
            elif path in self.moved:
                kinds.append("move")
            if path in self.reworded:
                kinds.append("update")
            for kind in kinds or ["keep"]:
                ops.add((kind, path, new))
        ops |= {("insert", None, path) for path in inserted}
        return ops


def scores(truth: set, script) -> dict[str, tuple[float, float]]:
    """Per operation: (precision, recall) of the script's (op, a, b) against the truth."""
    got = {(e.op.value, e.a, e.b) for e in script.edits}
    out = {}
    for op in ("keep", "update", "move", "level", "insert", "delete"):
        t = {x for x in truth if x[0] == op}
        g = {x for x in got if x[0] == op}
        if not t and not g:
            continue
        precision = len(t & g) / len(g) if g else 0.0
        recall = len(t & g) / len(t) if t else 0.0
        out[op] = (precision, recall)
    return out
