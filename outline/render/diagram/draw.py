"""Drawing a scene with matplotlib (Agg canvas, no pyplot, no GUI backend) and saving it
atomically as PNG, SVG or PDF."""

from __future__ import annotations

from collections.abc import Callable, Container
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ...model import Outline
from ...output import write_atomic
from .errors import RenderError
from .scene import Diagram, build
from .wrapping import Measure

FORMATS = {".png": "png", ".svg": "svg", ".pdf": "pdf"}
MAX_PIXELS_SIDE = 32000
MAX_PIXELS = 120_000_000

# Box fill, box edge, and marker colour for levels 1, 2, 3, …; the last repeats below.
LEVEL_COLOURS = (
    ("#dbeafe", "#3b82f6", "#1d4ed8"),
    ("#dcfce7", "#22c55e", "#15803d"),
    ("#fef3c7", "#f59e0b", "#b45309"),
    ("#ede9fe", "#8b5cf6", "#6d28d9"),
    ("#ffe4e6", "#f43f5e", "#be123c"),
    ("#f1f5f9", "#94a3b8", "#475569"),
)
ROOT_COLOURS = ("#1e3a8a", "#1e3a8a", "#ffffff")
TEXT_COLOUR = "#111827"
MUTED_COLOUR = "#6b7280"
LINK_COLOUR = "#94a3b8"


@dataclass(frozen=True)
class Rendered:
    path: Path
    format: str
    diagram: Diagram
    dpi: float  # as used: lowered when a PNG would be too large for the rasteriser
    pixels: tuple[int, int]  # PNG size (width, height) at that dpi; for SVG/PDF, at `dpi`

    @property
    def nodes(self) -> int:
        return len(self.diagram.boxes) - 1


def _colours(level: int) -> tuple[str, str, str]:
    if level == 0:
        return ROOT_COLOURS
    return LEVEL_COLOURS[min(level, len(LEVEL_COLOURS)) - 1]


def _text(
    ax, families: list[str], x: float, baseline: float, string: str, size: float, colour: str, **kw
) -> None:
    from matplotlib.font_manager import FontProperties

    ax.text(
        x,
        baseline,
        string,
        fontproperties=FontProperties(family=families, size=size),
        color=colour,
        va="baseline",
        parse_math=False,
        zorder=4,
        **kw,
    )


def figure(
    diagram: Diagram,
    *,
    colours: Callable[[Any], tuple[str, str, str]] | None = None,
    dashed: Container[Any] = (),
):
    """A matplotlib Figure (Agg canvas) of the diagram, one data unit per point, y down.
    `colours` and `dashed` go to `draw_tree`."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    s = diagram.style
    fig = Figure(figsize=(diagram.width / 72, diagram.height / 72), facecolor="white")
    FigureCanvasAgg(fig)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, diagram.width)
    ax.set_ylim(diagram.height, 0)
    ax.set_axis_off()

    # Header: title lines, then the info line.
    y = s.margin
    for line in diagram.title:
        y += s.title_size * 1.4
        _text(
            ax,
            diagram.families,
            diagram.width / 2,
            y - s.title_size * 0.32,
            line,
            s.title_size,
            TEXT_COLOUR,
            ha="center",
        )
    if diagram.info:
        y += s.info_size * 1.6
        _text(
            ax,
            diagram.families,
            diagram.width / 2,
            y - s.info_size * 0.3,
            diagram.info,
            s.info_size,
            MUTED_COLOUR,
            ha="center",
        )

    if diagram.note:
        top = min(b.y for b in diagram.boxes.values())
        line_h = s.font_size * s.line_height
        _text(
            ax,
            diagram.families,
            diagram.width / 2,
            top + 1.7 * line_h,
            diagram.note,
            s.font_size,
            MUTED_COLOUR,
            ha="center",
        )
        return fig
    draw_tree(ax, diagram, colours=colours, dashed=dashed)
    return fig


def draw_tree(
    ax,
    diagram: Diagram,
    *,
    dx: float = 0.0,
    dy: float = 0.0,
    colours: Callable[[Any], tuple[str, str, str]] | None = None,
    dashed: Container[Any] = (),
) -> None:
    """The links and boxes of `diagram` on `ax`, shifted by (dx, dy). `colours(node)` gives
    (fill, edge, marker colour); by level unless given. `tigang diff` colours by operation,
    and draws the old place of a moved item `dashed`."""
    from matplotlib.collections import LineCollection
    from matplotlib.patches import Circle, FancyBboxPatch

    s = diagram.style
    boxes = {node: box.shifted(dx, dy) for node, box in diagram.boxes.items()}
    colour_of = colours or (lambda node: _colours(diagram.levels[node]))

    # Links, under the boxes.
    segments = []
    for parent, kids in diagram.children.items():
        if not kids:
            continue
        p = boxes[parent]
        if diagram.layout == "tree":
            spine = boxes[kids[0]].x - s.level_gap / 2
            segments.append([(p.right, p.cy), (spine, p.cy)])
            ys = [boxes[k].cy for k in kids] + [p.cy]
            segments.append([(spine, min(ys)), (spine, max(ys))])
            segments += [[(spine, boxes[k].cy), (boxes[k].x, boxes[k].cy)] for k in kids]
        else:
            segments += [[(p.cx, p.cy), (boxes[k].cx, boxes[k].cy)] for k in kids]
    ax.add_collection(LineCollection(segments, colors=LINK_COLOUR, linewidths=1.0, zorder=1))

    measure = Measure(diagram.families, s.font_size)
    line_h = s.font_size * s.line_height
    for node, box in boxes.items():
        fill, edge, marker_colour = colour_of(node) if node else _colours(0)
        lines = diagram.labels[node]
        if not lines:  # the root of a tree: a dot
            ax.add_patch(Circle((box.cx, box.cy), box.w / 2, color=edge, zorder=2))
            continue
        ax.add_patch(
            FancyBboxPatch(
                (box.x, box.y),
                box.w,
                box.h,
                boxstyle="round,pad=0,rounding_size=4",
                facecolor=fill,
                edgecolor=edge,
                linewidth=1.0,
                linestyle="--" if node in dashed else "-",
                zorder=2,
            )
        )
        text_colour = "#ffffff" if diagram.levels[node] == 0 else TEXT_COLOUR
        marker = diagram.markers[node]
        for i, line in enumerate(lines):
            # Centre the ideographic em box (0.88 em above the baseline, 0.12 below) in the line.
            baseline = box.y + s.pad_y + (i + 0.5) * line_h + 0.38 * s.font_size
            x = box.x + s.pad_x
            if i == 0 and marker and line.startswith(marker):
                _text(ax, diagram.families, x, baseline, marker, s.font_size, marker_colour)
                x += measure(marker)
                line = line[len(marker) :]
            if line:
                _text(ax, diagram.families, x, baseline, line, s.font_size, text_colour)


def _dpi_for(diagram: Diagram, dpi: float) -> float:
    """`dpi`, lowered if the PNG would pass the rasteriser's limits."""
    w, h = diagram.width / 72, diagram.height / 72
    limit = min(MAX_PIXELS_SIDE / max(w, h), (MAX_PIXELS / (w * h)) ** 0.5)
    return min(dpi, limit)


def output_format(path: str | Path) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        known = ", ".join(FORMATS)
        raise RenderError(f"{path}: cannot tell the format from {suffix or 'no suffix'!r} (use {known})")
    return FORMATS[suffix]


def save(diagram: Diagram, path: str | Path, *, dpi: float = 150, force: bool = True) -> Rendered:
    """Draw `diagram` into `path` (format from the suffix), atomically."""
    import matplotlib

    fmt = output_format(path)
    used = _dpi_for(diagram, dpi) if fmt == "png" else dpi
    metadata: dict[str, Any] = {
        "png": {"Software": "tigang"},
        "svg": {"Date": None, "Creator": "tigang"},
        "pdf": {"CreationDate": None, "ModDate": None, "Creator": "tigang", "Producer": "tigang"},
    }[fmt]
    fig = figure(diagram)

    def write(tmp: Path) -> None:
        with matplotlib.rc_context({"svg.fonttype": "path", "svg.hashsalt": "tigang"}):
            fig.savefig(tmp, format=fmt, dpi=used, facecolor="white", metadata=metadata)

    target = write_atomic(path, write, force=force)
    if fmt == "png":  # as written (the IHDR chunk), not as computed: Agg rounds
        with target.open("rb") as png:
            header = png.read(24)[16:24]
        pixels = (int.from_bytes(header[:4], "big"), int.from_bytes(header[4:], "big"))
    else:
        pixels = (round(diagram.width / 72 * used), round(diagram.height / 72 * used))
    return Rendered(target, fmt, diagram, used, pixels)


def render(
    outline: Outline, path: str | Path, *, dpi: float = 150, force: bool = True, **options
) -> Rendered:
    """Render `outline` to `path` (.png, .svg or .pdf). Options are those of `build`."""
    output_format(path)  # a bad suffix fails before any work
    return save(build(outline, **options), path, dpi=dpi, force=force)
