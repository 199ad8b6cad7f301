"""Structure diagrams: the outline drawn as a tidy tree or a radial mind map, to PNG, SVG or PDF.

The steps: the outline becomes a DiGraph (`outline.graph`), each label is wrapped by its
measured width (matplotlib only breaks lines at spaces, so CJK text is wrapped here, with
the usual rules: no line starts with 。，、 and the like, none ends with （《“), the boxes are
placed by `outline.layout`, and matplotlib draws them on a figure sized from the layout in
points, so a 5-node and a 300-node outline both come out at the same, readable type size.

Fonts: Chinese is drawn with the Noto Sans SC that the pylopdf-fonts-zh-cn package ships,
registered with matplotlib at render time, so no system CJK font is needed. `font=PATH` puts
another font first; without the package, system CJK fonts take its place. DejaVu Sans
(bundled with matplotlib) comes last. A character no font in that chain covers is drawn as
"?" and reported, never as a tofu box.

matplotlib is imported inside the functions (Agg canvas, no pyplot, no GUI backend), so
importing this module is cheap.
"""

from __future__ import annotations

import importlib.resources
import unicodedata
from collections.abc import Callable, Container
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .. import lexicon
from ..layout import Box, bounds, radial, tidy_tree
from ..model import Node, Outline
from ..output import write_atomic

FORMATS = {".png": "png", ".svg": "svg", ".pdf": "pdf"}
LAYOUTS = ("tree", "mindmap")

FONT_PACKAGE = "pylopdf_fonts_zh_cn"
FONT_FILE = "NotoSansSC-Regular.otf"
# Tried in this order when the packaged font is missing.
SYSTEM_CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "Microsoft YaHei",
    "PingFang SC",
    "Hiragino Sans GB",
    "Heiti SC",
    "STHeiti",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "SimHei",
    "Droid Sans Fallback",
    "Noto Sans CJK JP",
)
LAST_RESORT_FAMILY = "DejaVu Sans"

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

# Lines may not start with these (closing punctuation) nor end with the openers: the lexicon's
# sets, less the angle brackets 〈〉, which the diagrams have always let a line start or end with.
NO_LINE_START = lexicon.NO_LINE_START - {"〉"}
NO_LINE_END = lexicon.NO_LINE_END - {"〈"}
MAX_PIXELS_SIDE = 32000
MAX_PIXELS = 120_000_000


class RenderError(Exception):
    """A diagram that cannot be made. The message is one line for the user."""


@dataclass(frozen=True)
class Style:
    """Sizes in points."""

    font_size: float = 11.0
    title_size: float = 16.0
    info_size: float = 9.0
    line_height: float = 1.45  # × font size
    pad_x: float = 7.0
    pad_y: float = 4.0
    margin: float = 24.0
    level_gap: float = 40.0  # tree: between columns
    sibling_gap: float = 6.0
    subtree_gap: float = 12.0
    ring_gap: float = 30.0  # mind map: from a parent's centre to its children's, at least
    ring_clearance: float = 10.0  # mind map: between any two boxes
    root_dot: float = 9.0


@dataclass
class Diagram:
    """Everything decided before drawing: labels, boxes (in points, y down, the figure's
    top-left corner at (0, 0)) and the figure size."""

    layout: str
    title: list[str]
    info: str
    note: str | None
    labels: dict[tuple[int, ...], list[str]]  # wrapped lines; the root's empty in a tree
    markers: dict[tuple[int, ...], str]  # the marker that starts each label
    levels: dict[tuple[int, ...], int]
    children: dict[tuple[int, ...], list[tuple[int, ...]]]
    boxes: dict[tuple[int, ...], Box]
    width: float
    height: float
    fonts: list[Path]
    families: list[str]
    style: Style
    missing: set[str] = field(default_factory=set)  # characters no font covers, drawn as "?"


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


# --- fonts ------------------------------------------------------------------------------------


def packaged_font() -> Path | None:
    """The Noto Sans SC file of pylopdf-fonts-zh-cn, or None if the package is not installed."""
    try:
        path = importlib.resources.files(FONT_PACKAGE) / FONT_FILE
    except ModuleNotFoundError:
        return None
    return Path(str(path)) if path.is_file() else None


def system_cjk_fonts() -> list[Path]:
    """Installed CJK fonts matplotlib knows about, best first."""
    from matplotlib import font_manager

    by_name: dict[str, Path] = {}
    for entry in font_manager.fontManager.ttflist:
        if entry.name in SYSTEM_CJK_FAMILIES and entry.weight in (400, "normal", "regular"):
            by_name.setdefault(entry.name, Path(entry.fname))
    return [by_name[name] for name in SYSTEM_CJK_FAMILIES if name in by_name]


_registered: dict[Path, str] = {}


def register_font(path: str | Path) -> str:
    """Make a font file known to matplotlib; returns its family name."""
    from matplotlib import font_manager

    path = Path(path)
    if path not in _registered:
        if not path.is_file():
            raise RenderError(f"{path}: no such font file")
        try:
            font_manager.fontManager.addfont(str(path))
            _registered[path] = font_manager.FontProperties(fname=str(path)).get_name()
        except (OSError, RuntimeError, ValueError) as exc:
            raise RenderError(f"{path}: not a font matplotlib can read ({exc})") from None
    return _registered[path]


def font_chain(font: str | Path | None = None) -> list[Path]:
    """The font files used, in fallback order: `font`, the packaged Noto Sans SC (or system CJK
    fonts without it), DejaVu Sans."""
    from matplotlib import font_manager

    chain = [Path(font)] if font else []
    packaged = packaged_font()
    chain += [packaged] if packaged else system_cjk_fonts()
    chain.append(Path(font_manager.findfont(LAST_RESORT_FAMILY, fallback_to_default=True)))
    unique: list[Path] = []
    for path in chain:
        if path not in unique:
            unique.append(path)
    return unique


@lru_cache(maxsize=16)
def coverage(path: Path) -> frozenset[int]:
    """The code points a font file has glyphs for."""
    from matplotlib.ft2font import FT2Font

    return frozenset(FT2Font(str(path)).get_charmap())


def uncovered(text: str, fonts: list[Path]) -> set[str]:
    """Characters of `text` (whitespace aside) that no font of the chain covers."""
    chars = {c for c in text if not c.isspace()}
    for path in fonts:
        chars = {c for c in chars if ord(c) not in coverage(path)}
        if not chars:
            break
    return chars


def _clean(text: str, missing: set[str]) -> str:
    """Drop invisible characters no font has (variation selectors, zero-width spaces) and show
    any other uncovered character as "?"."""
    if not missing:
        return text
    out = []
    for c in text:
        if c not in missing:
            out.append(c)
        elif unicodedata.category(c) not in ("Cf", "Mn", "Me", "Cc"):
            out.append("?")
    return "".join(out)


# --- measuring and wrapping -------------------------------------------------------------------


class Measure:
    """Label widths in points, from matplotlib's Agg renderer (measured at 10× resolution so
    rounding to whole pixels does not add up)."""

    SCALE = 10

    def __init__(self, families: list[str], size: float) -> None:
        from matplotlib.backends.backend_agg import RendererAgg
        from matplotlib.font_manager import FontProperties

        self.size = size
        self.prop = FontProperties(family=families, size=size)
        self._renderer = RendererAgg(1, 1, 72 * self.SCALE)
        self._chars: dict[str, float] = {}

    def __call__(self, text: str) -> float:
        if not text:
            return 0.0
        width, _, _ = self._renderer.get_text_width_height_descent(text, self.prop, ismath=False)
        return width / self.SCALE

    def char(self, c: str) -> float:
        if c not in self._chars:
            self._chars[c] = self(c) if not c.isspace() else self("a a") - self("aa")
        return self._chars[c]


def _tokens(text: str, keep: int) -> list[str]:
    """Units a line may break between: the first `keep` characters (the marker), runs of
    Latin letters and digits, single spaces, every other character on its own."""
    tokens = [text[:keep]] if keep else []
    word = ""
    for c in text[keep:]:
        if c.isascii() and (c.isalnum() or c in "._-%+/'"):
            word += c
            continue
        if word:
            tokens.append(word)
            word = ""
        tokens.append(c)
    if word:
        tokens.append(word)
    return tokens


def wrap(
    text: str, measure: Measure, width: float, *, max_lines: int | None = None, keep: int = 0
) -> list[str]:
    """Break `text` into lines no wider than `width` points (a closing punctuation mark may hang
    over), at most `max_lines` of them, the last elided with "…" if the text goes on."""

    def w(s: str) -> float:
        return sum(measure.char(c) for c in s)

    lines: list[str] = []
    line = ""
    for token in _tokens(text, keep):
        if not line.strip() or w(line + token) <= width or token in NO_LINE_START:
            line += token
            continue
        if w(token) > width and not token.isspace():  # a long Latin word: cut it anywhere
            for c in token:
                if line and w(line + c) > width:
                    lines.append(line)
                    line = ""
                line += c
            continue
        carry = ""
        while line and line[-1] in NO_LINE_END:
            carry, line = line[-1] + carry, line[:-1]
        lines.append(line.rstrip())
        line = (carry + token).lstrip()
    if line.strip() or not lines:
        lines.append(line.rstrip())
    lines = [ln for ln in lines if ln] or [""]
    if max_lines and len(lines) > max_lines:
        last = lines[max_lines - 1]
        while last and w(last + "…") > width:
            last = last[:-1]
        lines = [*lines[: max_lines - 1], last.rstrip() + "…"]
    return lines


# --- the scene --------------------------------------------------------------------------------


def _title(outline: Outline) -> str:
    if outline.title:
        return outline.title
    if outline.source and outline.source != "-":
        return Path(outline.source).stem
    return "(无标题 untitled)"


def build(
    outline: Outline,
    *,
    layout: str = "tree",
    depth: int | None = None,
    font: str | Path | None = None,
    max_chars: int = 16,
    max_lines: int | None = 3,
    style: Style | None = None,
    appendix: bool = False,
) -> Diagram:
    """Wrap, measure and place everything; nothing is drawn yet. Items are keyed by their
    child-index paths; part titles (("part", i)) stand above their items as group boxes, and
    with `appendix` the back matter (("appendix", i), ("appendix", i, *path)) comes last."""
    root: tuple = ()
    children: dict[Any, list[Any]] = {root: []}
    items: dict[Any, tuple[str, str, int]] = {}
    shown = 0

    def add(parent: Any, nodes: tuple[Node, ...], prefix: tuple, start: int = 0) -> None:
        nonlocal shown
        for i, node in enumerate(nodes, start):
            if depth is not None and node.level > depth:
                continue
            ident = (*prefix, i)
            items[ident] = (node.marker.text, node.label, node.level)
            children[parent].append(ident)
            children[ident] = []
            shown += 1
            add(ident, node.children, ident)

    if outline.parts:
        for i, part in enumerate(outline.parts):
            ident = ("part", i)
            items[ident] = ("", part.title or "（开头）", 0)  # drawn like the root: a group header
            children[root].append(ident)
            children[ident] = []
            add(ident, outline.nodes[part.start : part.end], (), part.start)
    else:
        add(root, outline.nodes, ())
    if appendix:
        for i, back in enumerate(outline.appendix):
            ident = ("appendix", i)
            items[ident] = ("", f"附录 {back.title}", 0)
            children[root].append(ident)
            children[ident] = []
            add(ident, back.nodes, ident)
    total = len(outline)
    deepest = max((level for _, _, level in items.values()), default=0)
    info = f"{shown} 项 · {deepest} 层" if shown else ""
    if depth is not None and shown < total + (appendix and sum(len(a.nodes) for a in outline.appendix)):
        info += f"（共 {total} 项，只显示前 {depth} 层）"
    if outline.source and outline.source != "-":
        info += f" · {Path(outline.source).name}" if info else Path(outline.source).name
    return scene(
        _title(outline),
        root,
        children,
        items,
        info=info,
        layout=layout,
        font=font,
        max_chars=max_chars,
        max_lines=max_lines,
        style=style,
    )


def scene(
    title: str,
    root: Any,
    children: dict[Any, list[Any]],
    items: dict[Any, tuple[str, str, int]],
    *,
    info: str = "",
    layout: str = "tree",
    font: str | Path | None = None,
    max_chars: int = 16,
    max_lines: int | None = 3,
    style: Style | None = None,
) -> Diagram:
    """A diagram of any tree: `items` gives each node but the root its (marker, label, level),
    the label starting with the marker; `children` lists each node's children in order.
    Outlines and the union tree of a diff are both drawn through here."""
    if layout not in LAYOUTS:
        raise RenderError(f"unknown layout {layout!r} (use one of: {', '.join(LAYOUTS)})")
    style = style or Style()
    fonts = font_chain(font)
    families = [register_font(path) for path in fonts]
    families = list(dict.fromkeys(families))  # a user font may share its name with ours

    everything = title + "".join(label for _, label, _ in items.values())
    missing = uncovered(everything, fonts)
    measure = Measure(families, style.font_size)
    title_measure = Measure(families, style.title_size)
    info_measure = Measure(families, style.info_size)
    line_h = style.font_size * style.line_height
    width = max_chars * style.font_size  # one em per CJK character

    labels: dict[Any, list[str]] = {}
    markers: dict[Any, str] = {}
    levels: dict[Any, int] = {root: 0}
    sizes: dict[Any, tuple[float, float]] = {}
    for node in children:
        if node == root:
            if layout == "tree":
                labels[node], markers[node] = [], ""
                sizes[node] = (style.root_dot, style.root_dot)
                continue
            text, keep = _clean(title, missing), 0
        else:
            marker_text, label, levels[node] = items[node]
            marker = _clean(marker_text, missing)
            text = marker + _clean(label[len(marker_text) :], missing)
            keep = len(marker)
            markers[node] = marker
        lines = wrap(text, measure, width, max_lines=max_lines, keep=keep)
        labels[node] = lines
        markers.setdefault(node, "")
        sizes[node] = (
            max(measure(ln) for ln in lines) + 2 * style.pad_x,
            len(lines) * line_h + 2 * style.pad_y,
        )

    if layout == "tree":
        boxes = tidy_tree(
            root,
            children,
            sizes,
            level_gap=style.level_gap,
            sibling_gap=style.sibling_gap,
            subtree_gap=style.subtree_gap,
        )
    else:
        boxes = radial(root, children, sizes, ring_gap=style.ring_gap, gap=style.ring_clearance)
    frame = bounds(boxes.values())

    count = len(items)
    note = None if count else "没有找到编号结构 · no numbered outline found"
    extra = uncovered(info + (note or ""), fonts)  # only without any CJK font
    missing |= extra
    info, note = _clean(info, extra), note and _clean(note, extra)
    content_w = max(frame.w, measure(note) if note else 0.0, 240.0)
    title_lines = wrap(_clean(title, missing), title_measure, max(content_w, 30 * style.title_size))
    content_w = max(content_w, *(title_measure(t) for t in title_lines), info_measure(info))
    header = len(title_lines) * style.title_size * 1.4 + (style.info_size * 1.6 if info else 0.0)
    top = style.margin + header + style.margin * 0.75
    body_h = frame.h if count else line_h * 3
    left = style.margin + (content_w - frame.w) / 2 if layout == "mindmap" else style.margin
    placed = {node: box.shifted(left, top) for node, box in boxes.items()}
    return Diagram(
        layout=layout,
        title=title_lines,
        info=info,
        note=note,
        labels=labels,
        markers=markers,
        levels=levels,
        children=children,
        boxes=placed,
        width=content_w + 2 * style.margin,
        height=top + body_h + style.margin,
        fonts=fonts,
        families=families,
        style=style,
        missing=missing,
    )


# --- drawing ----------------------------------------------------------------------------------


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


__all__ = [
    "FORMATS",
    "LAYOUTS",
    "Diagram",
    "RenderError",
    "Rendered",
    "Style",
    "build",
    "coverage",
    "draw_tree",
    "font_chain",
    "packaged_font",
    "register_font",
    "render",
    "save",
    "scene",
    "uncovered",
    "wrap",
]
