"""The diff in a terminal: the union of both outlines as two aligned columns, coloured by
what happened to each item, and a summary; and the common skeleton of several outlines.

Rows follow the merged tree (compare.merge): paired items side by side where they stand in
B, an item only in A beside its parent's row, a moved item also marked at its old place.
Cells wrap inside their column with the tree's indentation kept (outline.render.wrap).
"""

from __future__ import annotations

from itertools import zip_longest
from pathlib import PurePath

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from tigang.outline.render.wrap import wrap

from .confidence import DOUBTFUL
from .merge import Kind, MergedNode, merged_tree
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
GAP = 2  # cells between the columns


def short_name(path: str | None, fallback: str) -> str:
    """A file's name without its folder and suffix, for headers and tables."""
    if not path or path == "-":
        return fallback
    return PurePath(path).stem or fallback


def short_names(paths: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """Short names for headers and tables: file stems, with the folder when stems repeat."""
    stems = [short_name(p, f"#{i + 1}") for i, p in enumerate(paths)]
    if len(set(stems)) == len(stems):
        return tuple(stems)
    return tuple(p if p != "-" else stems[i] for i, p in enumerate(paths))


def summary(script: EditScript) -> list[str]:
    """What happened, then how alike the outlines are; and how many pairs are doubtful."""
    lines = [
        " · ".join(f"{op.value} {script.count(op)}" for op in Op),
        f"score {script.score:.3f} · structure {script.structure:.3f} · "
        f"wording {script.wording:.3f} · content {script.content:.3f}",
    ]
    doubtful = sum(1 for c in script.alignment.confidence.values() if c < DOUBTFUL)
    if doubtful:
        lines.append(f"存疑 doubtful {doubtful} (?NN%: confidence below {DOUBTFUL:.0%})")
    return lines


def _rows(root: MergedNode, changes_only: bool) -> list[MergedNode | int]:
    """Merged nodes in display order; with `changes_only`, a run of unchanged siblings
    becomes its count (an int), and unchanged subtrees are not opened."""
    out: list[MergedNode | int] = []

    def visit(node: MergedNode) -> None:
        folded = 0
        for child in node.children:
            if changes_only and not child.changed:
                folded += 1
                continue
            if folded:
                out.append(folded)
                folded = 0
            out.append(child)
            visit(child)
        if folded:
            out.append(folded)

    visit(root)
    return out


def print_diff(
    script: EditScript,
    names: tuple[str, str] | None = None,
    *,
    console: Console | None = None,
    changes_only: bool = False,
) -> None:
    console = console or Console()
    al = script.alignment
    a, b = al.a, al.b
    name_a = names[0] if names else short_name(a.outline.source, "A")
    name_b = names[1] if names else short_name(b.outline.source, "B")
    column = max(12, (console.width - 2 - GAP) // 2)

    def cell(side, path, kind: Kind, doubt: float = 1.0) -> list[str]:
        if path is None:
            return []
        node = side.node[path]
        indent = "  " * (node.level - 1)
        label = node.label + ("  ↗ 移至 moved" if kind is Kind.GHOST else "")
        if doubt < DOUBTFUL:
            label += f"  ?{doubt:.0%}"
        return wrap(label, column, indent=indent, hang="  ")

    def emit(sign: str, left: list[str], right: list[str], style: str, dim_left: bool = False) -> None:
        for i, (on_a, on_b) in enumerate(zip_longest(left, right, fillvalue="")):
            line = Text(sign if i == 0 else " ", style=style)
            line.append(" ")
            line.append(on_a + " " * (column - cell_len(on_a)), style="dim" if dim_left else style)
            line.append(" " * GAP)
            line.append(on_b, style=style)
            console.print(line, no_wrap=True, crop=False, overflow="ignore")

    header_a = [f"甲 A  {name_a}"] + ([f"   {a.outline.title}"] if a.outline.title else [])
    header_b = [f"乙 B  {name_b}"] + ([f"   {b.outline.title}"] if b.outline.title else [])
    emit(" ", [h[:column] for h in header_a], [h[:column] for h in header_b], "bold")
    for row in _rows(merged_tree(script), changes_only):
        if isinstance(row, int):
            emit("⋯", [f"⋯ {row} 项未变 unchanged"], [""], "dim")
            continue
        if row.kind is Kind.GHOST:
            emit(SIGNS[Op.MOVE], cell(a, row.a, row.kind), [], STYLES[Op.MOVE], dim_left=True)
            continue
        left = cell(a, row.a, row.kind) if row.kind is not Kind.ONLY_B else []
        doubt = al.confidence.get(row.a, 1.0) if row.kind is Kind.SHARED and row.a is not None else 1.0
        right = cell(b, row.b, row.kind, doubt) if row.kind is not Kind.ONLY_A else []
        emit(SIGNS[row.op], left, right, STYLES[row.op])
    for line in summary(script):
        console.print(Text(line, style="bold"))


def print_skeleton(
    outlines: list, names: list[str], skeleton: Skeleton, console: Console | None = None
) -> None:
    console = console or Console()
    need = skeleton.need
    console.print(
        Text(
            f"共同骨架 common skeleton: items that {need} of {skeleton.total} outlines share "
            f"(reference: {names[skeleton.reference]})",
            style="bold",
        )
    )
    if not skeleton.items:
        console.print(
            Text(
                f"  (no item is shared by at least {need} of {skeleton.total} outlines; "
                "lower --min-share to see what fewer share)",
                style="yellow",
            )
        )

    def visit(items: tuple[SkeletonItem, ...]) -> None:
        for item in items:
            pad = "  " * (item.node.level - 1)
            style = "" if item.share >= need else "dim"
            console.print(
                Text(f"{pad}{item.node.label}", style=style)
                + Text(f"  ({item.share}/{skeleton.total})", style="dim")
            )
            visit(item.children)

    visit(skeleton.items)
    from rich.table import Table

    table = Table(title="两两相似度 pairwise score", box=None)
    table.add_column("")
    for i in range(len(names)):
        table.add_column(str(i + 1), justify="right")
    for i, name in enumerate(names):
        table.add_row(f"{i + 1} {name}", *(f"{s:.2f}" for s in skeleton.scores[i]))
    console.print(table)
