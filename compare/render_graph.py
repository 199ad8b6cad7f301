"""The diff as a picture: both outlines as tidy trees side by side, boxes coloured by what
happened to them, and alignment edges between the matched items. PNG, SVG or PDF.

The trees are laid out and labelled by outline.render.diagram (same fonts, wrapping and
tidy layout as `tigang render`); this module only composes and colours them.
"""

from __future__ import annotations

from pathlib import Path

from ..outline.model import Outline
from ..outline.output import write_atomic
from ..outline.render.diagram import Style, build, draw_tree, output_format
from .script import EditScript, Op

OP_COLOURS = {  # fill, edge
    Op.KEEP: ("#f4f6f8", "#9aa5b1"),
    Op.UPDATE: ("#fff4cc", "#d4a20a"),
    Op.MOVE: ("#dbeafe", "#2563eb"),
    Op.LEVEL: ("#ede4fb", "#7c3aed"),
    Op.DELETE: ("#fde2e2", "#dc2626"),
    Op.INSERT: ("#dcf5e3", "#16a34a"),
}
OP_NAMES = {
    Op.KEEP: "相同 keep",
    Op.UPDATE: "改写 update",
    Op.MOVE: "移动 move",
    Op.LEVEL: "升降级 level",
    Op.DELETE: "仅在甲 only in A",
    Op.INSERT: "仅在乙 only in B",
}
_PRIORITY = (Op.LEVEL, Op.MOVE, Op.UPDATE, Op.KEEP)
GAP = 160.0  # points between the two trees: room for the alignment edges
HEADER = 64.0


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


def draw(
    a: Outline, b: Outline, script: EditScript, path: str | Path, *, dpi: float = 150, force: bool = True
) -> Path:
    """Write the side-by-side picture of `script` (the diff of `a` and `b`) to `path`."""
    fmt = output_format(path)
    style = Style()
    left = build(a, style=style)
    right = build(b, style=style)
    on_a, on_b = _ops_by_node(script)
    width = left.width + GAP + right.width
    height = HEADER + max(left.height, right.height) + 40

    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.font_manager import FontProperties
    from matplotlib.patches import Patch

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
            return fill, edge, "#3e4c59" if op is Op.KEEP else edge  # a marker must stay legible

        return colour

    draw_tree(ax, left, dy=HEADER, colours=by_op(on_a, Op.DELETE))
    draw_tree(ax, right, dx=left.width + GAP, dy=HEADER, colours=by_op(on_b, Op.INSERT))
    # Alignment edges: matched items that are not simply kept, in the colour of what happened.
    for edit in script.edits:
        if edit.a is None or edit.b is None or edit.op is Op.KEEP or not edit.a or not edit.b:
            continue
        if edit.a not in left.boxes or edit.b not in right.boxes:
            continue
        src, dst = left.boxes[edit.a], right.boxes[edit.b]
        ax.annotate(
            "",
            xy=(left.width + GAP + dst.x, HEADER + dst.cy),
            xytext=(src.right, HEADER + src.cy),
            arrowprops={
                "arrowstyle": "-",
                "color": OP_COLOURS[edit.op][1],
                "lw": 0.9,
                "alpha": 0.7,
                "connectionstyle": "arc3,rad=0.08",
            },
            zorder=2,
        )
    title = f"{a.title or '甲 A'}  ⟷  {b.title or '乙 B'}"
    ax.text(width / 2, 28, title, fontproperties=big, ha="center", va="baseline", parse_math=False)
    counts = " · ".join(f"{op.value} {script.count(op)}" for op in Op if script.count(op))
    ax.text(
        width / 2,
        48,
        f"相似度 score {script.score:.2f}   {counts}",
        fontproperties=prop,
        ha="center",
        va="baseline",
        color="#52606d",
        parse_math=False,
    )
    handles = [Patch(facecolor=f, edgecolor=e, label=OP_NAMES[op]) for op, (f, e) in OP_COLOURS.items()]
    fig.legend(
        handles=handles,
        loc="lower center",
        ncol=6,
        frameon=False,
        prop=FontProperties(family=left.families, size=9),
    )

    def write(tmp: Path) -> None:
        fig.savefig(tmp, format=fmt, dpi=dpi, facecolor="white")

    return write_atomic(path, write, force=force)
