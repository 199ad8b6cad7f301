"""Drawing a scene with matplotlib (Agg canvas, no pyplot, no GUI backend) and saving it
atomically as PNG, SVG or PDF.

SVG keeps its text as text (`<text>` elements a user can search, copy and edit in
PowerPoint or Illustrator), asking the viewer for the font drawn with and then the usual CJK
fonts of every system (`fonts.CSS_FALLBACK`); `svg_text=False` draws every glyph as a path
instead, for a file that looks the same everywhere and needs no font.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Container
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ...layout import Link
from ...model import Outline
from ...output import write_atomic
from .compose import BADGE_SCALE, FOLD_ABOVE, SMALLEST_PRINT, Diagram, build, fit
from .errors import RenderError
from .fonts import css_families
from .themes import THEMES, Paint
from .wrapping import measure_for

FORMATS = {".png": "png", ".svg": "svg", ".pdf": "pdf"}
MAX_PIXELS_SIDE = 32000
MAX_PIXELS = 120_000_000
NARROWER_GAIN = 1.15  # fit_page: narrower labels only for type at least this much larger
PAGE_FOLD_FLOOR = 40  # fit_page folds for legibility only a map of more boxes than this

# The default theme's colours, for pictures drawn outside a theme (tigang diff).
_DEFAULT = THEMES["default"]
LEVEL_COLOURS = tuple((p.fill, p.edge, p.marker) for p in _DEFAULT.levels)
ROOT_COLOURS = (_DEFAULT.root.fill, _DEFAULT.root.edge, _DEFAULT.root.marker)
TEXT_COLOUR = _DEFAULT.levels[0].text
MUTED_COLOUR = _DEFAULT.muted
LINK_COLOUR = _DEFAULT.link
METADATA: dict[str, dict[str, Any]] = {
    "png": {"Software": "tigang"},
    "svg": {"Date": None, "Creator": "tigang"},
    "pdf": {"CreationDate": None, "ModDate": None, "Creator": "tigang", "Producer": "tigang"},
}


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
        **{"zorder": 4, **kw},
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
    theme = diagram.theme
    fig = Figure(figsize=(diagram.width / 72, diagram.height / 72), facecolor=theme.background)
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
            theme.title,
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
            theme.muted,
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
            theme.muted,
            ha="center",
        )
        return fig
    draw_tree(ax, diagram, colours=colours, dashed=dashed)
    return fig


def _paint(diagram: Diagram, node: Any) -> Paint:
    theme = diagram.theme
    level = diagram.levels[node]
    if theme.branches and diagram.layout in ("mindmap", "org") and node in diagram.branch:
        # A part title (level 0) is a top-level branch of the map, coloured as one.
        return theme.branch(diagram.branch[node], max(level, 1))
    return theme.level(level)


def _link_colour(diagram: Diagram, link: Link) -> str:
    theme = diagram.theme
    if diagram.layout == "org" and link.parent == diagram.root:
        return theme.link  # the bus under the root is shared by every branch
    if theme.branches and diagram.layout in ("mindmap", "org") and link.child in diagram.branch:
        return theme.branch_link(diagram.branch[link.child])
    return theme.link


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
    (fill, edge, marker colour); by the theme unless given. `tigang diff` colours by
    operation, and draws the old place of a moved item `dashed`."""
    from matplotlib.collections import PathCollection
    from matplotlib.patches import Circle, FancyBboxPatch
    from matplotlib.path import Path as MplPath

    s = diagram.style
    theme = diagram.theme
    boxes = {node: box.shifted(dx, dy) for node, box in diagram.boxes.items()}

    def paint(node: Any) -> Paint:
        if colours is None or diagram.levels[node] == 0:
            return _paint(diagram, node)
        fill, edge, marker = colours(node)
        return Paint(fill, edge, marker, theme.levels[0].text)

    # Links, under the boxes, one path each.
    codes = {"M": MplPath.MOVETO, "L": MplPath.LINETO, "C": MplPath.CURVE4}
    paths, link_colours = [], []
    for link in diagram.links:
        moved = link.shifted(dx, dy)
        paths.append(MplPath(moved.points, [codes[c] for c in moved.codes]))
        link_colours.append(_link_colour(diagram, link))
    width = theme.link_width * max(0.5, min(1.0, diagram.scale * 1.2))
    ax.add_collection(
        PathCollection(paths, facecolors="none", edgecolors=link_colours, linewidths=width, zorder=1)
    )

    rounding = 4 * min(1.0, diagram.scale) if diagram.layout == "tree" else 6 * min(1.0, diagram.scale)
    for node, box in boxes.items():
        p = paint(node)
        lines = diagram.labels[node]
        if not lines:  # the root of a tree: a dot
            ax.add_patch(Circle((box.cx, box.cy), box.w / 2, color=p.edge, zorder=2))
            continue
        ax.add_patch(
            FancyBboxPatch(
                (box.x, box.y),
                box.w,
                box.h,
                boxstyle=f"round,pad=0,rounding_size={rounding:.2f}",
                facecolor=p.fill,
                edgecolor=p.edge,
                linewidth=p.edge_width * max(0.5, min(1.0, diagram.scale * 1.2)),
                linestyle="--" if node in dashed else "-",
                zorder=2,
            )
        )
        size = diagram.font_size(node)
        line_h = size * s.line_height
        measure = measure_for(tuple(diagram.families), size)
        marker = diagram.markers[node]
        pad_y = (box.h - len(lines) * line_h) / 2  # the root's padding is larger
        for i, line in enumerate(lines):
            # Centre the ideographic em box (0.88 em above the baseline, 0.12 below) in the line.
            baseline = box.y + pad_y + (i + 0.5) * line_h + 0.38 * size
            if node == diagram.root:  # the title in the middle of its box
                _text(ax, diagram.families, box.cx, baseline, line, size, p.text, ha="center")
                continue
            x = box.x + s.pad_x
            if i == 0 and marker and line.startswith(marker):
                _text(ax, diagram.families, x, baseline, marker, size, p.marker)
                x += measure(marker)
                line = line[len(marker) :]
            if line:
                _text(ax, diagram.families, x, baseline, line, size, p.text)
        if node in diagram.folded:
            _badge(ax, diagram, node, box, p)


def _badge(ax, diagram: Diagram, node: Any, box, paint: Paint) -> None:
    """ "+12" at the right end of a box whose children are folded (the scene keeps room for
    it), as XMind shows a collapsed branch."""
    from matplotlib.patches import FancyBboxPatch

    s = diagram.style
    size = s.font_size * BADGE_SCALE
    text = f"+{diagram.folded[node]}"
    w = measure_for(tuple(diagram.families), size)(text) + size * 0.9
    h = size * 1.45
    cx = box.right - s.pad_x * 0.7 - w / 2
    cy = box.y + s.pad_y + s.font_size * s.line_height / 2  # level with the first line
    ax.add_patch(
        FancyBboxPatch(
            (cx - w / 2, cy - h / 2),
            w,
            h,
            boxstyle=f"round,pad=0,rounding_size={h / 2:.2f}",
            facecolor=diagram.theme.background,
            edgecolor=paint.edge,
            linewidth=0.8,
            zorder=5,
        )
    )
    _text(ax, diagram.families, cx, cy + size * 0.36, text, size, paint.marker, ha="center", zorder=6)


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


_FONT_FAMILY = re.compile(r"font-family: ?[^;\"]*")


def save_figure(
    fig,
    path: str | Path,
    fmt: str,
    *,
    dpi: float,
    families: list[str],
    svg_text: bool = True,
    background: str = "#ffffff",
) -> None:
    """`fig.savefig` with our metadata. An SVG keeps its text as `<text>` (unless `svg_text`
    is False), asking for `families` and then the CJK fallback list."""
    import matplotlib

    with matplotlib.rc_context({"svg.fonttype": "none" if svg_text else "path", "svg.hashsalt": "tigang"}):
        if fmt != "svg" or not svg_text:
            fig.savefig(path, format=fmt, dpi=dpi, facecolor=background, metadata=METADATA[fmt])
            return
        buffer = io.StringIO()
        fig.savefig(buffer, format=fmt, dpi=dpi, facecolor=background, metadata=METADATA[fmt])
    css = "font-family: " + css_families(families).replace('"', "'")
    Path(path).write_text(_FONT_FAMILY.sub(css, buffer.getvalue()), encoding="utf-8")


def save(
    diagram: Diagram,
    path: str | Path,
    *,
    dpi: float = 150,
    force: bool = True,
    svg_text: bool = True,
) -> Rendered:
    """Draw `diagram` into `path` (format from the suffix), atomically."""
    fmt = output_format(path)
    used = _dpi_for(diagram, dpi) if fmt == "png" else dpi
    fig = figure(diagram)

    def write(tmp: Path) -> None:
        save_figure(
            fig,
            tmp,
            fmt,
            dpi=used,
            families=diagram.families,
            svg_text=svg_text,
            background=diagram.theme.background,
        )

    target = write_atomic(path, write, force=force)
    if fmt == "png":  # as written (the IHDR chunk), not as computed: Agg rounds
        with target.open("rb") as png:
            header = png.read(24)[16:24]
        pixels = (int.from_bytes(header[:4], "big"), int.from_bytes(header[4:], "big"))
    else:
        pixels = (round(diagram.width / 72 * used), round(diagram.height / 72 * used))
    return Rendered(target, fmt, diagram, used, pixels)


def render(
    outline: Outline,
    path: str | Path,
    *,
    dpi: float = 150,
    force: bool = True,
    page: str | tuple[float, float] | None = None,
    svg_text: bool = True,
    **options,
) -> Rendered:
    """Render `outline` to `path` (.png, .svg or .pdf), fitted to `page` if given (16:9, a4,
    a4-landscape). Other options are those of `build`."""
    output_format(path)  # a bad suffix fails before any work
    if page is None:
        return save(build(outline, **options), path, dpi=dpi, force=force, svg_text=svg_text)
    return save(fit_page(outline, page, **options), path, dpi=dpi, force=force, svg_text=svg_text)


def fit_page(outline: Outline, page: str | tuple[float, float], *, max_chars: int = 16, **options) -> Diagram:
    """The diagram on `page`, its labels wrapped narrower (and an org chart's top level set
    in more rows) when that lets it print clearly larger: a wide map of four one-line
    branches fills a slide better at 12 characters a line, ten chapters in two rows. Of the
    candidates within NARROWER_GAIN of the largest print, the first — the widest wrap, the
    fewest rows — since every extra break is one more a reader has to cross.

    A mind map or an org chart of more than PAGE_FOLD_FLOOR boxes that would still print
    below SMALLEST_PRINT folds one more level, and again, until it can be read (a law's 94
    articles under 8 chapters on one slide: the chapters, each with its +N). A smaller one is
    small because of its shape (a deep chain on a portrait page), which folding does not
    mend: it is left whole. `fold_above=None` draws every item however small."""
    fold = options.pop("fold_above", FOLD_ABOVE)
    diagram = _fit_best(outline, page, max_chars, {**options, "fold_above": fold})
    if fold is None or options.get("layout") not in ("mindmap", "org"):
        return diagram
    while diagram.style.font_size < SMALLEST_PRINT:
        shown = sum(1 for level in diagram.levels.values() if level > 0)
        if shown <= PAGE_FOLD_FLOOR:
            break
        folded = _fit_best(outline, page, max_chars, {**options, "fold_above": shown - 1})
        if sum(1 for level in folded.levels.values() if level > 0) >= shown:
            break  # the top level alone: nothing more to fold
        diagram = folded
    return diagram


def _fit_best(outline: Outline, page: str | tuple[float, float], max_chars: int, options: dict) -> Diagram:
    wraps = [max_chars, *(c for c in (12, 10, 8) if c < max_chars)]
    rows = (1, 2, 3) if options.get("layout") == "org" else (1,)
    candidates = [
        fit(build(outline, max_chars=chars, rows=count, **options), page) for count in rows for chars in wraps
    ]
    largest = max(d.scale for d in candidates)
    return next(d for d in candidates if d.scale * NARROWER_GAIN >= largest)
