"""The diff in a terminal: two aligned columns, coloured by what happened, and a summary.

Rows follow B's order; items only in A are placed where they stood, before the next item
of A that survives. Each row shows the marker and heading as written on each side.
"""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..outline.model import Outline
from .script import EditScript, Op
from .skeleton import Skeleton, SkeletonItem

STYLES = {
    Op.KEEP: "",
    Op.UPDATE: "yellow",
    Op.MOVE: "cyan",
    Op.LEVEL: "magenta",
    Op.DELETE: "red",
    Op.INSERT: "green",
}
SIGNS = {Op.KEEP: " ", Op.UPDATE: "~", Op.MOVE: "↕", Op.LEVEL: "⇅", Op.DELETE: "-", Op.INSERT: "+"}
_PRIORITY = (Op.LEVEL, Op.MOVE, Op.UPDATE, Op.KEEP)


def _labels(outline: Outline) -> dict[tuple[int, ...], tuple[int, str]]:
    out: dict[tuple[int, ...], tuple[int, str]] = {}

    def visit(nodes, prefix):
        for i, node in enumerate(nodes):
            path = (*prefix, i)
            out[path] = (node.level, node.label)
            visit(node.children, path)

    visit(outline.nodes, ())
    return out


def rows(script: EditScript) -> list[tuple[Op, tuple[int, ...] | None, tuple[int, ...] | None, float]]:
    """(op, a, b, similarity) in display order, one row per item."""
    a, b = script.alignment.a, script.alignment.b
    pairs, reverse = script.alignment.pairs, script.alignment.reverse
    op_of: dict[tuple[int, ...], Op] = {}
    for edit in script.edits:
        if edit.a is not None and edit.b is not None:
            current = op_of.get(edit.a)
            if current is None or _PRIORITY.index(edit.op) < _PRIORITY.index(current):
                op_of[edit.a] = edit.op
    order_a = a.nodes
    position = {node: i for i, node in enumerate(order_a)}
    shown: set[tuple[int, ...]] = set()
    cursor = 0
    out = []
    for y in b.nodes:
        x = reverse.get(y)
        if x is not None and position[x] >= cursor:
            for pending in order_a[cursor : position[x]]:
                if pending not in pairs and pending not in shown:
                    out.append((Op.DELETE, pending, None, 0.0))
                    shown.add(pending)
            cursor = position[x] + 1
        if x is None:
            out.append((Op.INSERT, None, y, 0.0))
        else:
            out.append((op_of.get(x, Op.KEEP), x, y, script.alignment.similarity.get(x, 1.0)))
            shown.add(x)
    for pending in order_a:
        if pending not in pairs and pending not in shown:
            out.append((Op.DELETE, pending, None, 0.0))
    return out


def summary(script: EditScript) -> str:
    counts = " · ".join(f"{op.value} {script.count(op)}" for op in Op)
    return f"{counts} · score {script.score:.2f}"


def print_diff(a: Outline, b: Outline, script: EditScript, console: Console | None = None) -> None:
    console = console or Console()
    la, lb = _labels(a), _labels(b)
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False, expand=False)
    table.add_column("", width=1, no_wrap=True)
    table.add_column(a.title or a.source or "A", ratio=1, overflow="fold")
    table.add_column(b.title or b.source or "B", ratio=1, overflow="fold")
    for op, x, y, _ in rows(script):
        style = STYLES[op]
        left = Text("  " * (la[x][0] - 1) + la[x][1], style=style) if x is not None else Text("")
        right = Text("  " * (lb[y][0] - 1) + lb[y][1], style=style) if y is not None else Text("")
        table.add_row(Text(SIGNS[op], style=style), left, right)
    console.print(table)
    console.print(Text(summary(script), style="bold"))


def print_skeleton(
    outlines: list[Outline], names: list[str], skeleton: Skeleton, console: Console | None = None
) -> None:
    console = console or Console()
    console.print(Text(f"共同骨架 common skeleton (reference: {names[skeleton.reference]})", style="bold"))

    def visit(items: tuple[SkeletonItem, ...]) -> None:
        for item in items:
            pad = "  " * (item.node.level - 1)
            console.print(
                Text(f"{pad}{item.node.label}") + Text(f"  ({item.share}/{skeleton.total})", style="dim")
            )
            visit(item.children)

    visit(skeleton.items)
    table = Table(title="两两相似度 pairwise similarity", box=None)
    table.add_column("")
    for i in range(len(names)):
        table.add_column(str(i + 1), justify="right")
    for i, name in enumerate(names):
        table.add_row(f"{i + 1} {name}", *(f"{s:.2f}" for s in skeleton.scores[i]))
    console.print(table)
