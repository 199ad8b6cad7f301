"""The diff as a picture (PNG, SVG or PDF), in one of two layouts:

- `merged` (the default): one tidy tree of the union of both outlines (compare.merge).
  Shared items are plain, items only in 甲 or only in 乙 have a colour each, reworded items
  are marked, and a moved item stands at its new place with a dashed box at its old one:
  what the two documents share, and where they part, at a glance;
- `sides`: the two trees side by side, boxes coloured by what happened, links between the
  paired items that changed.

The skeleton of three and more outlines is drawn as a tree too, each item with its support.
Boxes, fonts and wrapping are those of `tigang render` (outline.render.diagram).
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from tigang.outline.model import Outline
from tigang.outline.render.diagram import (
    MUTED_COLOUR,
    TEXT_COLOUR,
    Diagram,
    Style,
    build,
    draw_tree,
    families_of,
    figure,
    font_chain,
    output_format,
    save_figure,
    scene,
)

from .confidence import DOUBTFUL
from .merge import Kind, MergedNode, merged_tree
from .script import EditScript, Op
from .skeleton import Skeleton, SkeletonItem

LAYOUTS = ("merged", "sides")
OP_COLOURS = {  # fill, edge
    Op.KEEP: ("#f4f6f8", "#9aa5b1"),
    Op.UPDATE: ("#fff4cc", "#d4a20a"),
    Op.MOVE: ("#dbeafe", "#2563eb"),
    Op.LEVEL: ("#ede4fb", "#7c3aed"),
    Op.DELETE: ("#fde2e2", "#dc2626"),
    Op.INSERT: ("#dcf5e3", "#16a34a"),
}
GHOST_COLOURS = ("#ffffff", "#2563eb")
# The sign a box's label starts with, so the picture reads in grey print too.
OP_SIGNS = {Op.UPDATE: "~ ", Op.MOVE: "↕ ", Op.LEVEL: "⇅ ", Op.DELETE: "− ", Op.INSERT: "+ "}
_PRIORITY = (Op.LEVEL, Op.MOVE, Op.UPDATE, Op.KEEP)
GAP = 160.0  # points between the two trees of `sides`: room for the links
LEGEND = 54.0  # points under the picture for the legend


def _legend_names(names: tuple[str, str] | None, script: EditScript) -> tuple[str, str]:
    if names:
        return names
    return (script.alignment.a.outline.source or "A", script.alignment.b.outline.source or "B")


def _op_names(a: str, b: str) -> dict[Op, str]:
    return {
        Op.KEEP: "相同 shared",
        Op.UPDATE: "~ 改写 reworded",
        Op.MOVE: "↕ 移动 moved",
        Op.LEVEL: "⇅ 升降级 level changed",
        Op.DELETE: f"− 仅甲 only in {a}",
        Op.INSERT: f"+ 仅乙 only in {b}",
    }


def _summary(script: EditScript) -> str:
    counts = " · ".join(f"{op.value} {script.count(op)}" for op in Op if script.count(op))
    return (
        f"相似度 score {script.score:.2f} (structure {script.structure:.2f}, "
        f"wording {script.wording:.2f}, content {script.content:.2f})   {counts}"
    )


LineStyle = Literal["-", "--"]  # solid for an item, dashed for a moved item's old place
Entry = tuple[str, str, LineStyle, str]  # fill, edge, line style, label


LEGEND_CELL = 5.0  # points a character cell of a 9 pt legend label takes (a Chinese one, two)
LEGEND_HANDLE = 28.0  # points of a patch and the gap after it
LEGEND_GAP = 18.0  # points between two columns
LEGEND_ROW = 15.0  # points a row takes


def _legend_layout(entries: list[Entry], width: float) -> tuple[int, float]:
    """How many columns fit the picture's width (at most three; long file names in the
    labels can leave one), and the room under the picture the rows need."""
    from math import ceil

    from rich.cells import cell_len

    widest = max((LEGEND_HANDLE + LEGEND_CELL * cell_len(label) for *_, label in entries), default=0.0)
    columns = max(1, min(len(entries), 3))
    while columns > 1 and columns * widest + (columns - 1) * LEGEND_GAP > width - 2 * LEGEND_GAP:
        columns -= 1
    rows = ceil(len(entries) / columns) if entries else 0
    return columns, max(LEGEND, rows * LEGEND_ROW + 12.0)


def _legend(fig, diagram: Diagram, entries: list[Entry], columns: int) -> None:
    """Colour patches with their meanings, in rows under the picture."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.patches import Patch

    handles = [
        Patch(facecolor=fill, edgecolor=edge, linestyle=style, label=label)
        for fill, edge, style, label in entries
    ]
    fig.legend(
        handles=handles,
        loc="lower center",
        ncol=columns,
        frameon=False,
        prop=FontProperties(family=diagram.families, size=9),
    )


def _grow(diagram: Diagram, extra: float) -> Diagram:
    """The same diagram with `extra` points of room at the bottom (for the legend)."""
    diagram.height += extra
    return diagram


def draw(
    script: EditScript,
    path: str | Path,
    *,
    names: tuple[str, str] | None = None,
    layout: str = "merged",
    dpi: float = 150,
) -> Path:
    """Draw the diff into `path` (the format from its suffix). Not atomic: the command writes
    through `tigang.files.write_output`, which gives a temporary path."""
    fmt = output_format(path)
    name_a, name_b = _legend_names(names, script)
    fig = (_sides if layout == "sides" else _merged)(script, name_a, name_b)
    save_figure(fig, path, fmt, dpi=dpi, families=families_of(font_chain()))
    return Path(path)


def _merged(script: EditScript, name_a: str, name_b: str):
    al = script.alignment
    root = merged_tree(script)
    children: dict[tuple[int, ...], list[tuple[int, ...]]] = {}
    items: dict[tuple[int, ...], tuple[str, str, int]] = {}
    kinds: dict[tuple[int, ...], MergedNode] = {}
    doubtful: set[tuple[int, ...]] = set()

    def visit(node: MergedNode, ident: tuple[int, ...], depth: int) -> None:
        kids = [(*ident, i) for i in range(len(node.children))]
        children[ident] = kids
        for kid, child in zip(kids, node.children, strict=True):
            kinds[kid] = child
            side, path = (al.a, child.a) if child.kind in (Kind.ONLY_A, Kind.GHOST) else (al.b, child.b)
            outline_node = side.node[path]  # type: ignore[index]
            sign = "↗ " if child.kind is Kind.GHOST else OP_SIGNS.get(child.op, "")
            label = outline_node.label
            if child.op is Op.UPDATE or (child.kind is Kind.SHARED and child.op is not Op.KEEP):
                old = al.a.node[child.a].heading  # type: ignore[index]
                if old != outline_node.heading:
                    label += f"（甲：{old}）"
            sure = al.confidence.get(child.a, 1.0) if child.kind is Kind.SHARED and child.a else 1.0
            if sure < DOUBTFUL:
                label += f"  ?{sure:.0%}"
                doubtful.add(kid)
            items[kid] = (sign + outline_node.marker.text, sign + label, depth + 1)
            visit(child, kid, depth + 1)

    visit(root, (), 0)
    ghosts = {ident for ident, node in kinds.items() if node.kind is Kind.GHOST}
    names = _op_names(name_a, name_b)
    entries: list[Entry] = [(*OP_COLOURS[op], "-", names[op]) for op in Op if script.count(op)]
    if ghosts:
        entries.append((*GHOST_COLOURS, "--", "↗ 原位置 old place of a moved item"))
    if doubtful:
        entries.append(("#ffffff", "#ffffff", "-", f"?NN% 存疑 doubtful (confidence < {DOUBTFUL:.0%})"))
    title = f"甲 {name_a}  ⟷  乙 {name_b}"
    diagram = scene(title, (), children, items, info=_summary(script), max_lines=4)
    columns, room = _legend_layout(entries, diagram.width)
    diagram = _grow(diagram, room)

    def colour(ident: tuple[int, ...]) -> tuple[str, str, str]:
        node = kinds[ident]
        if node.kind is Kind.GHOST:
            fill, edge = GHOST_COLOURS
            return fill, edge, edge
        fill, edge = OP_COLOURS[node.op]
        return fill, edge, TEXT_COLOUR if node.op is Op.KEEP else edge

    fig = figure(diagram, colours=colour, dashed=ghosts)
    _legend(fig, diagram, entries, columns)
    return fig


def _sides(script: EditScript, name_a: str, name_b: str):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.font_manager import FontProperties

    style = Style()
    al = script.alignment
    left = build(al.a.outline, style=style)
    right = build(al.b.outline, style=style)
    on_a, on_b = _ops_by_node(script)
    header = 64.0
    width = left.width + GAP + right.width
    names = _op_names(name_a, name_b)
    entries: list[Entry] = [(*OP_COLOURS[op], "-", names[op]) for op in Op]
    columns, room = _legend_layout(entries, width)
    height = header + max(left.height, right.height) + room

    fig = Figure(figsize=(width / 72, height / 72), facecolor="white")
    FigureCanvasAgg(fig)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, width)
    ax.set_ylim(height, 0)
    ax.set_axis_off()
    prop = FontProperties(family=left.families, size=style.font_size)
    big = FontProperties(family=left.families, size=style.title_size)

    def by_op(ops: dict, default: Op):
        def colour(node: tuple[int, ...]) -> tuple[str, str, str]:
            op = ops.get(node, default)
            fill, edge = OP_COLOURS[op]
            return fill, edge, TEXT_COLOUR if op is Op.KEEP else edge

        return colour

    draw_tree(ax, left, dy=header, colours=by_op(on_a, Op.DELETE))
    draw_tree(ax, right, dx=left.width + GAP, dy=header, colours=by_op(on_b, Op.INSERT))
    for edit in script.edits:  # links between paired items that changed
        if not edit.a or not edit.b or edit.op is Op.KEEP:
            continue
        if edit.a not in left.boxes or edit.b not in right.boxes:
            continue
        src, dst = left.boxes[edit.a], right.boxes[edit.b]
        ax.annotate(
            "",
            xy=(left.width + GAP + dst.x, header + dst.cy),
            xytext=(src.right, header + src.cy),
            arrowprops={
                "arrowstyle": "-",
                "color": OP_COLOURS[edit.op][1],
                "lw": 0.9,
                "alpha": 0.7,
                "connectionstyle": "arc3,rad=0.08",
            },
            zorder=2,
        )
    ax.text(
        width / 2,
        28,
        f"甲 {name_a}  ⟷  乙 {name_b}",
        fontproperties=big,
        ha="center",
        va="baseline",
        parse_math=False,
    )
    ax.text(
        width / 2,
        48,
        _summary(script),
        fontproperties=prop,
        ha="center",
        va="baseline",
        color=MUTED_COLOUR,
        parse_math=False,
    )
    _legend(fig, left, entries, columns)
    return fig


def _ops_by_node(script: EditScript) -> tuple[dict, dict]:
    on_a: dict[tuple[int, ...], Op] = {}
    on_b: dict[tuple[int, ...], Op] = {}
    for edit in script.edits:
        for side, path in ((on_a, edit.a), (on_b, edit.b)):
            if path is None:
                continue
            current = side.get(path)
            if current is None or (
                edit.op in _PRIORITY
                and current in _PRIORITY
                and _PRIORITY.index(edit.op) < _PRIORITY.index(current)
            ):
                side[path] = edit.op
    return on_a, on_b


# Support colours of a skeleton item: shared by every outline, by most, by the minimum.
SUPPORT_COLOURS = (("#dcf5e3", "#16a34a"), ("#fff4cc", "#d4a20a"), ("#f4f6f8", "#9aa5b1"))


def draw_skeleton(
    outlines: list[Outline], names: tuple[str, ...], skeleton: Skeleton, path: str | Path, *, dpi: float = 150
) -> Path:
    """The common skeleton as a tree, each item with its support (k/n)."""
    fmt = output_format(path)
    children: dict[tuple[int, ...], list[tuple[int, ...]]] = {}
    items: dict[tuple[int, ...], tuple[str, str, int]] = {}
    support: dict[tuple[int, ...], int] = {}

    def visit(nodes: tuple[SkeletonItem, ...], ident: tuple[int, ...], depth: int) -> None:
        kids = [(*ident, i) for i in range(len(nodes))]
        children[ident] = kids
        for kid, item in zip(kids, nodes, strict=True):
            label = f"{item.node.label}（{item.share}/{skeleton.total}）"
            items[kid] = (item.node.marker.text, label, depth + 1)
            support[kid] = item.share
            visit(item.children, kid, depth + 1)

    visit(skeleton.items, (), 0)
    title = f"共同骨架 common skeleton of {skeleton.total}: " + "、".join(names)
    info = (
        f"参照 reference: {names[skeleton.reference]} · items shared by ≥ {skeleton.need} of {skeleton.total}"
    )
    if not items:
        info += f" · 没有共同条目 no item is shared by {skeleton.need} of {skeleton.total}"
    entries: list[Entry] = [
        (*SUPPORT_COLOURS[0], "-", f"全部共有 in all {skeleton.total}"),
        (*SUPPORT_COLOURS[1], "-", f"多数共有 in ≥ {skeleton.need}"),
        (*SUPPORT_COLOURS[2], "-", "上级条目 parent of shared items"),
    ]
    diagram = scene(title, (), children, items, info=info)
    columns, room = _legend_layout(entries, diagram.width)
    diagram = _grow(diagram, room)

    def colour(ident: tuple[int, ...]) -> tuple[str, str, str]:
        share = support[ident]
        fill, edge = SUPPORT_COLOURS[0 if share == skeleton.total else 1 if share >= skeleton.need else 2]
        return fill, edge, edge

    fig = figure(diagram, colours=colour)
    _legend(fig, diagram, entries, columns)
    save_figure(fig, path, fmt, dpi=dpi, families=diagram.families)
    return Path(path)
