"""The scene of a diagram: which items are shown, every label wrapped and measured, every box
placed and every link routed, the figure sized — in points, before anything is drawn.

The figure is sized from the layout, so a 5-item and a 300-item outline both come out at the
same, readable type size; `fit` puts a scene on a page (16:9, A4) instead, scaling the body
and keeping the title at its size.

Which items: levels 1..`depth` by rank (`outline.levels`: a law's articles rank as articles
even in a chapter without sections), or only the units of `levels` (编,章,节: a 目录 view). A
mind map or an org chart above `fold_above` boxes is folded to the deepest rank that fits, and
each box that hides items says how many.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from ... import levels as ranking
from ...layout import (
    Box,
    Link,
    bounds,
    mindmap_links,
    org_chart,
    org_links,
    radial,
    radial_links,
    tidy_tree,
    tree_links,
    two_sided,
)
from ...model import Node, Outline
from .errors import RenderError
from .fonts import clean, families_of, font_chain, uncovered
from .themes import THEMES, Theme
from .wrapping import Measure, balanced, clip_sentence, measure_for, unspaced, wrap

LAYOUTS = ("tree", "mindmap", "org", "radial")
# Boxes a mind map or an org chart shows before it folds its deeper levels: past this, a
# picture of one page cannot be read (a 307-item law as a map is a hairball of 9000×5300 px).
FOLD_ABOVE = 120
# Pages, in points (1/72 in): PowerPoint's widescreen and standard slides, A4 both ways.
PAGES = {
    "16:9": (960.0, 540.0),
    "4:3": (720.0, 540.0),
    "a4": (595.28, 841.89),
    "a4-landscape": (841.89, 595.28),
}
MAX_UPSCALE = 2.0  # a small outline on a page grows to at most twice its type size
HEADER_UPSCALE = 1.4  # and its title and info line with it, to at most this
SMALLEST_PRINT = 6.0  # points: below this, a heading on a fitted page cannot be read
ARTICLE_UNIT = "条"


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
    level_gap: float = 40.0  # tree and mind map: between columns
    sibling_gap: float = 6.0
    subtree_gap: float = 12.0
    root_gap: float = 64.0  # mind map: between the root and each side
    root_scale: float = 1.25  # mind map, org chart: the root's type size, × font size
    indent: float = 18.0  # org chart: per hanging level
    column_gap: float = 16.0  # org chart: between top-level columns
    ring_gap: float = 30.0  # radial: from a parent's centre to its children's, at least
    ring_clearance: float = 10.0  # radial: between any two boxes
    root_dot: float = 9.0

    @classmethod
    def sized(cls, font_size: float) -> Style:
        """Every size in proportion to a heading size of `font_size` points."""
        return cls().scaled(font_size / cls.font_size)

    def scaled(self, factor: float, *, header: bool = True) -> Style:
        """All lengths × `factor`; with `header=False` the title, the info line and the
        margin keep their size."""
        keep = {"line_height", "root_scale"} | (set() if header else {"title_size", "info_size", "margin"})
        return replace(
            self, **{f.name: getattr(self, f.name) * factor for f in fields(self) if f.name not in keep}
        )


@dataclass
class Diagram:
    """Everything decided before drawing: labels, boxes and links (in points, y down, the
    figure's top-left corner at (0, 0)) and the figure size."""

    layout: str
    title: list[str]
    info: str
    note: str | None
    labels: dict[Any, list[str]]  # wrapped lines; the root's empty in a tree (a dot)
    markers: dict[Any, str]  # the marker that starts each label
    levels: dict[Any, int]  # 0 for the root and group headers
    children: dict[Any, list[Any]]
    boxes: dict[Any, Box]
    width: float
    height: float
    fonts: list[Path]
    families: list[str]
    style: Style
    root: Any = ()
    links: list[Link] = field(default_factory=list)
    theme: Theme = THEMES["default"]
    branch: dict[Any, int] = field(default_factory=dict)  # the top-level branch a node is in
    folded: dict[Any, int] = field(default_factory=dict)  # items hidden under a box
    missing: set[str] = field(default_factory=set)  # characters no font covers, drawn as "?"
    scale: float = 1.0  # the body's scale on a page (`fit`)

    def font_size(self, node: Any) -> float:
        big = node == self.root and self.layout != "tree"
        return self.style.font_size * (self.style.root_scale if big else 1.0)


def _title(outline: Outline) -> str:
    if outline.title:
        return outline.title
    if outline.source and outline.source != "-":
        return Path(outline.source).stem
    return "(无标题 untitled)"


@dataclass
class _Picked:
    """The items of an outline a picture shows."""

    children: dict[Any, list[Any]]
    items: dict[Any, tuple[str, str, int]]
    ranks: dict[Any, int]
    hidden: int  # items left out by depth or units


def _pick(
    outline: Outline,
    *,
    depth: int | None,
    units: Sequence[str] | None,
    appendix: bool,
    clip: int,
) -> _Picked:
    """Items keyed by their child-index paths, levels counted in the picture; part titles
    (("part", i)) stand above their items as group boxes, and with `appendix` the back
    matter (("appendix", i), ("appendix", i, *path)) comes last. An item that is not shown
    hands its shown descendants to its parent (章 > 条 with 节 left out)."""
    root: tuple = ()
    picked = _Picked({root: []}, {}, {root: 0}, 0)
    depths = ranking.style_depths([*outline.nodes, *(n for a in outline.appendix for n in a.nodes)])

    def label(node: Node, in_article: bool) -> str:
        if not in_article:
            return node.label[: len(node.label) - len(node.heading)] + unspaced(node.heading)
        # A law's article (and its items) is a whole sentence: its first clauses are enough.
        lead = node.label[: len(node.label) - len(node.heading)]  # the marker and its space
        return lead + clip_sentence(node.heading, clip)

    def add(
        parent: Any, nodes: tuple[Node, ...], prefix: tuple, rank: int, level: int, start: int = 0
    ) -> None:
        for i, node in enumerate(nodes, start):
            ident = (*prefix, i)
            node_rank = ranking.rank(node, rank, depths)
            if depth is not None and node_rank > depth:
                picked.hidden += sum(1 for _ in node.walk())
                continue
            if units and ranking.unit_of(node) not in units:
                picked.hidden += 1
                add(parent, node.children, ident, node_rank, level)
                continue
            in_article = ranking.unit_of(node) == ARTICLE_UNIT or parent in articles
            if in_article:
                articles.add(ident)
            picked.items[ident] = (node.marker.text, label(node, in_article), level + 1)
            picked.ranks[ident] = node_rank
            picked.children[parent].append(ident)
            picked.children[ident] = []
            add(ident, node.children, ident, node_rank, level + 1)

    articles: set[Any] = set()

    def group(ident: Any, title: str) -> None:
        picked.items[ident] = ("", title, 0)  # drawn like the root: a group header
        picked.ranks[ident] = 0
        picked.children[root].append(ident)
        picked.children[ident] = []

    if outline.parts:
        for i, part in enumerate(outline.parts):
            group(("part", i), part.title or "（开头）")
            add(("part", i), outline.nodes[part.start : part.end], (), 0, 0, part.start)
    else:
        add(root, outline.nodes, (), 0, 0)
    if appendix:
        for i, back in enumerate(outline.appendix):
            group(("appendix", i), f"附录 {back.title}")
            add(("appendix", i), back.nodes, ("appendix", i), 0, 0)
    return picked


def _fold(picked: _Picked, limit: int) -> tuple[int | None, dict[Any, int]]:
    """Cut `picked` to the deepest rank whose items number at most `limit`; returns that rank
    (None when nothing was cut) and how many items each remaining box hides."""
    counted = [r for ident, r in picked.ranks.items() if ident != () and picked.items[ident][2] > 0]
    if len(counted) <= limit:
        return None, {}
    by_rank: dict[int, int] = {}
    for r in counted:
        by_rank[r] = by_rank.get(r, 0) + 1
    keep, total = min(by_rank), 0
    for r in sorted(by_rank):
        total += by_rank[r]
        if total > limit:
            break
        keep = r
    folded: dict[Any, int] = {}

    def prune(node: Any) -> int:
        """Drop the children of `node` ranked below `keep`; returns the items dropped."""
        dropped = 0
        kept = []
        for kid in picked.children[node]:
            below = prune(kid)
            if picked.ranks[kid] > keep and picked.items[kid][2] > 0:
                dropped += 1 + below
                del picked.items[kid]
            else:
                kept.append(kid)
                if below:
                    folded[kid] = folded.get(kid, 0) + below
        picked.children[node] = kept
        return dropped

    dropped = prune(())
    if dropped:
        folded[()] = dropped
    picked.children = {n: kids for n, kids in picked.children.items() if n == () or n in picked.items}
    folded = {n: k for n, k in folded.items() if n in picked.items}
    return keep, folded


def build(
    outline: Outline,
    *,
    layout: str = "tree",
    depth: int | None = None,
    levels: Sequence[str] | None = None,
    font: str | Path | None = None,
    max_chars: int = 16,
    max_lines: int | None = 3,
    style: Style | None = None,
    theme: str | Theme = "default",
    appendix: bool = False,
    fold_above: int | None = FOLD_ABOVE,
    rows: int = 1,
) -> Diagram:
    """Pick, wrap, measure and place everything; nothing is drawn yet. `levels` keeps the
    items numbered with those units (编,章,节); `fold_above` applies to the mind map and the
    org chart (None: never fold); `rows` sets the org chart's top level in that many rows."""
    found = ranking.units_in(outline) if levels else []
    if levels and not set(levels) & set(found):
        have = ",".join(found) or "none"
        raise RenderError(f"no item is numbered with {','.join(levels)} (units found: {have})")
    picked = _pick(outline, depth=depth, units=levels, appendix=appendix, clip=round(max_chars * 1.5))
    folded_at: int | None = None
    folded: dict[Any, int] = {}
    if fold_above is not None and layout in ("mindmap", "org"):
        folded_at, folded = _fold(picked, fold_above)
    shown = sum(1 for _, _, level in picked.items.values() if level > 0)
    total = len(outline) + (
        sum(1 for a in outline.appendix for n in a.nodes for _ in n.walk()) if appendix else 0
    )
    deepest = max((level for _, _, level in picked.items.values()), default=0)
    info = f"{shown} 项 · {deepest} 层" if shown else ""
    if levels:
        info += f"（共 {total} 项，只显示{'、'.join(u for u in levels if u in found)}）"
    elif depth is not None and picked.hidden:
        info += f"（共 {total} 项，只显示前 {depth} 层）"
    if folded_at is not None:
        info += f"（共 {total} 项，第 {folded_at + 1} 层起折叠 {sum(folded.values())} 项）"
    if outline.source and outline.source != "-":
        info += f" · {Path(outline.source).name}" if info else Path(outline.source).name
    return scene(
        _title(outline),
        (),
        picked.children,
        picked.items,
        info=info,
        layout=layout,
        font=font,
        max_chars=max_chars,
        max_lines=max_lines,
        style=style,
        theme=theme,
        folded=folded,
        ranks=picked.ranks,
        rows=rows,
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
    theme: str | Theme = "default",
    folded: dict[Any, int] | None = None,
    ranks: dict[Any, int] | None = None,
    rows: int = 1,
) -> Diagram:
    """A diagram of any tree: `items` gives each node but the root its (marker, label, level),
    the label starting with the marker; `children` lists each node's children in order.
    Outlines and the union tree of a diff are both drawn through here. With `ranks`, the
    columns of the tree and the mind map are ranks, not depths: every article of a law
    stands in the article column, sections or not. `folded` counts the items hidden under
    a box; it shows them in a badge."""
    if layout not in LAYOUTS:
        raise RenderError(f"unknown layout {layout!r} (use one of: {', '.join(LAYOUTS)})")
    if isinstance(theme, str):
        if theme not in THEMES:
            raise RenderError(f"unknown theme {theme!r} (use one of: {', '.join(THEMES)})")
        theme = THEMES[theme]
    style = style or Style()
    folded = {node: count for node, count in (folded or {}).items() if node != root}
    fonts = font_chain(font)
    families = families_of(fonts)

    everything = title + "".join(label for _, label, _ in items.values())
    missing = uncovered(everything, fonts)
    measure = measure_for(tuple(families), style.font_size)
    root_measure = measure_for(tuple(families), style.font_size * style.root_scale)
    title_measure = measure_for(tuple(families), style.title_size)
    info_measure = measure_for(tuple(families), style.info_size)
    width = max_chars * style.font_size  # one em per CJK character

    labels: dict[Any, list[str]] = {}
    markers: dict[Any, str] = {}
    levels: dict[Any, int] = {root: 0}
    sizes: dict[Any, tuple[float, float]] = {}
    badge = measure_for(tuple(families), style.font_size * BADGE_SCALE)
    for node in children:
        if node == root:
            if layout == "tree":
                labels[node], markers[node] = [], ""
                sizes[node] = (style.root_dot, style.root_dot)
                continue
            # The title in the middle: at least 12 characters a line, whatever the labels get.
            root_width = max(max_chars, 12) * root_measure.size
            lines = balanced(clean(title, missing), root_measure, root_width, max_lines=max_lines)
            labels[node], markers[node] = lines, ""
            line_h = root_measure.size * style.line_height
            sizes[node] = (
                max(root_measure(ln) for ln in lines) + 2 * style.pad_x * 1.4,
                len(lines) * line_h + 2 * style.pad_y * 1.6,
            )
            continue
        marker_text, label, levels[node] = items[node]
        marker = clean(marker_text, missing)
        text = marker + clean(label[len(marker_text) :], missing)
        lines = balanced(text, measure, width, max_lines=max_lines, keep=len(marker))
        labels[node], markers[node] = lines, marker
        extra = badge_width(badge, folded[node], style) if node in folded else 0.0
        sizes[node] = (
            max(measure(ln) for ln in lines) + 2 * style.pad_x + extra,
            len(lines) * style.font_size * style.line_height + 2 * style.pad_y,
        )

    if ranks:  # levels as ranks: an article is coloured as an article wherever it stands
        order = {r: i for i, r in enumerate(sorted({ranks[n] for n in items if levels[n] > 0}), 1)}
        levels.update({n: order[ranks[n]] for n in items if levels[n] > 0})
    if ranks and layout in ("tree", "mindmap"):
        boxes, links = _place_by_rank(layout, root, children, sizes, style, levels)
    else:
        boxes, links = _place(layout, root, children, sizes, style, rows=rows)
    frame = bounds(boxes.values())

    count = len(items)
    note = None if count else "没有找到编号结构 · no numbered outline found"
    unshown = uncovered(info + (note or ""), fonts)  # only without any CJK font
    missing |= unshown
    info, note = clean(info, unshown), note and clean(note, unshown)
    content_w = max(frame.w, measure(note) if note else 0.0, 240.0)
    title_lines = []
    if layout == "tree":  # the other layouts show the title in the root's box
        title_lines = wrap(clean(title, missing), title_measure, max(content_w, 30 * style.title_size))
    content_w = max(content_w, *(title_measure(t) for t in title_lines), info_measure(info))
    top = style.margin + _header_height(title_lines, info, style) + style.margin * 0.75
    body_h = frame.h if count else style.font_size * style.line_height * 3
    left = style.margin + ((content_w - frame.w) / 2 if layout != "tree" else 0.0)
    dx, dy = left - frame.x, top - frame.y
    branch: dict[Any, int] = {}
    for i, kid in enumerate(children.get(root, ())):
        stack = [kid]
        while stack:
            node = stack.pop()
            branch[node] = i
            stack.extend(children.get(node, ()))
    return Diagram(
        layout=layout,
        title=title_lines,
        info=info,
        note=note,
        labels=labels,
        markers=markers,
        levels=levels,
        children=children,
        boxes={node: box.shifted(dx, dy) for node, box in boxes.items()},
        width=content_w + 2 * style.margin,
        height=top + body_h + style.margin,
        fonts=fonts,
        families=families,
        style=style,
        root=root,
        links=[link.shifted(dx, dy) for link in links],
        theme=theme,
        branch=branch,
        folded=folded,
        missing=missing,
    )


def _header_height(title: list[str], info: str, style: Style) -> float:
    return len(title) * style.title_size * 1.4 + (style.info_size * 1.6 if info else 0.0)


BADGE_SCALE = 0.72  # the "+12" of a folded box, × font size


def badge_width(measure: Measure, count: int, style: Style) -> float:
    """The room a folded box keeps at its right end for its "+N" badge."""
    return measure(f"+{count}") + measure.size * 0.9 + style.pad_x * 0.6


def _place_by_rank(
    layout: str,
    root: Any,
    children: dict[Any, list[Any]],
    sizes: dict[Any, tuple[float, float]],
    style: Style,
    column: dict[Any, int],
) -> tuple[dict[Any, Box], list[Link]]:
    """`_place` with a column per rank (`column`: 0 for the root and group headers): a child
    more than one column right of its parent reaches it through invisible spacers (boxes of
    no size, which the packing keeps clear), and its link runs through them as one line."""
    spaced: dict[Any, list[Any]] = {parent: [] for parent in children}
    spacers: set[Any] = set()
    for parent, kids in children.items():
        for kid in kids:
            above = parent
            for step in range(column[kid] - column[parent] - 1):
                spacer = ("spacer", kid, step)
                spacers.add(spacer)
                spaced[above].append(spacer)
                spaced[spacer] = []
                above = spacer
            spaced[above].append(kid)
    if not spacers:
        return _place(layout, root, children, sizes, style)
    sizes = {**sizes, **dict.fromkeys(spacers, (0.0, 0.0))}
    boxes, links = _place(layout, root, spaced, sizes, style)
    into = {link.child: link for link in links}
    joined = []
    for link in links:
        if link.child in spacers:
            continue
        while link.parent in spacers:
            before = into[link.parent]
            link = Link(
                before.parent, link.child, before.points + link.points, (*before.codes, "L", *link.codes[1:])
            )
        joined.append(link)
    return {n: b for n, b in boxes.items() if n not in spacers}, joined


def _place(
    layout: str,
    root: Any,
    children: dict[Any, list[Any]],
    sizes: dict[Any, tuple[float, float]],
    style: Style,
    *,
    rows: int = 1,
) -> tuple[dict[Any, Box], list[Link]]:
    if layout == "tree":
        boxes = tidy_tree(
            root,
            children,
            sizes,
            level_gap=style.level_gap,
            sibling_gap=style.sibling_gap,
            subtree_gap=style.subtree_gap,
        )
        return boxes, tree_links(root, children, boxes, level_gap=style.level_gap)
    if layout == "mindmap":
        boxes = two_sided(
            root,
            children,
            sizes,
            level_gap=style.level_gap,
            root_gap=style.root_gap,
            sibling_gap=style.sibling_gap,
            subtree_gap=style.subtree_gap,
        )
        return boxes, mindmap_links(root, children, boxes)
    if layout == "org":
        boxes = org_chart(
            root,
            children,
            sizes,
            level_gap=style.level_gap,
            column_gap=style.column_gap,
            indent=style.indent,
            stack_gap=style.sibling_gap,
            rows=rows,
        )
        return boxes, org_links(root, children, boxes, indent=style.indent)
    boxes = radial(root, children, sizes, ring_gap=style.ring_gap, gap=style.ring_clearance)
    return boxes, radial_links(root, children, boxes)


def fit(diagram: Diagram, page: str | tuple[float, float]) -> Diagram:
    """The diagram on a page (a name of PAGES, or (width, height) in points): the title
    rewrapped to the page at its own size, the body scaled to fill what is left (at most
    MAX_UPSCALE times) and centred."""
    if isinstance(page, str):
        if page not in PAGES:
            raise RenderError(f"unknown page size {page!r} (use one of: {', '.join(PAGES)})")
        page = PAGES[page]
    width, height = page
    s = diagram.style
    frame = bounds(diagram.boxes.values())

    def layout(header: Style) -> tuple[list[str], float, float, float, float]:
        """Title lines, the body's top, room and scale under a header of `header`'s sizes."""
        title_measure = measure_for(tuple(diagram.families), header.title_size)
        title = wrap("".join(diagram.title), title_measure, width - 2 * s.margin) if diagram.title else []
        top = s.margin + _header_height(title, diagram.info, header) + s.margin * 0.5
        room_w, room_h = width - 2 * s.margin, height - top - s.margin
        scale = min(room_w / max(frame.w, 1.0), room_h / max(frame.h, 1.0), MAX_UPSCALE)
        return title, top, room_w, room_h, scale

    title, top, room_w, room_h, scale = layout(s)
    if scale > 1:  # a body printed larger takes its header along, a little
        grow = min(scale, HEADER_UPSCALE)
        s = replace(s, title_size=s.title_size * grow, info_size=s.info_size * grow)
        title, top, room_w, room_h, scale = layout(s)
    dx = s.margin + (room_w - frame.w * scale) / 2 - frame.x * scale
    dy = top + (room_h - frame.h * scale) / 2 - frame.y * scale
    boxes = {
        node: Box(b.x * scale + dx, b.y * scale + dy, b.w * scale, b.h * scale)
        for node, b in diagram.boxes.items()
    }
    return replace(
        diagram,
        title=title,
        boxes=boxes,
        links=[link.shifted(dx, dy, scale) for link in diagram.links],
        width=width,
        height=height,
        style=s.scaled(scale, header=False),
        scale=scale * diagram.scale,
    )


__all__ = ["FOLD_ABOVE", "LAYOUTS", "PAGES", "SMALLEST_PRINT", "Diagram", "Style", "build", "fit", "scene"]
