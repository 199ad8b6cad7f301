"""The scene of a diagram: every label wrapped and measured, every box placed, the figure
sized, in points, before anything is drawn.

The figure is sized from the layout, so a 5-item and a 300-item outline both come out at the
same, readable type size.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...layout import Box, bounds, radial, tidy_tree
from ...model import Node, Outline
from .errors import RenderError
from .fonts import clean, families_of, font_chain, uncovered
from .wrapping import Measure, wrap

LAYOUTS = ("tree", "mindmap")


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
    families = families_of(fonts)

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
            text, keep = clean(title, missing), 0
        else:
            marker_text, label, levels[node] = items[node]
            marker = clean(marker_text, missing)
            text = marker + clean(label[len(marker_text) :], missing)
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
    info, note = clean(info, extra), note and clean(note, extra)
    content_w = max(frame.w, measure(note) if note else 0.0, 240.0)
    title_lines = wrap(clean(title, missing), title_measure, max(content_w, 30 * style.title_size))
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
