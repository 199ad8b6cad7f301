"""The similarity matrix of the largest template families as a heatmap (PNG, SVG or PDF).

What a reader needs from it, and how it is drawn:

- **which documents go together**: rows in hierarchical-clustering order (scipy, average
  linkage on 1 − score, leaves ordered optimally), with the dendrogram on the left. A pair
  of documents from two families is pushed one unit further apart, so every family stays
  one block and is framed as one; within a family the tree shows which members are closest.
- **how similar**: the colour scale starts at the lowest score inside a family (rounded
  down to 0.05), not at 0 — the differences between 0.85 and 1.0 are what a family is
  made of; lower scores (pairs across families) get the lowest colour, pairs never aligned
  are grey. While a cell is large enough, it carries its score.
- **which document is which**: one short horizontal label per row — the file's stem and
  the title without its boilerplate (在…上的讲话 → 全市教育动员大会) — numbered, the columns
  by the same numbers, so no label is rotated.

The figure is laid out in points from what it holds (labels measured in the packaged
Chinese font of `tigang render`), so nothing is clipped and nothing floats in white space.
matplotlib and scipy are imported inside the functions, on the Agg canvas.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import store
from .families import TemplateFamily

MAX_DOCUMENTS = 60
CROSS_FAMILY = 1.0  # added to the distance of two documents of different families
TITLE_LIMIT = 12  # characters of a short title
MIN_NUMBER_SIZE = 5.5  # points: smaller numbers in the cells could not be read
# A speech title's boilerplate: 在全市教育动员大会上的讲话 → 全市教育动员大会.
_BOILERPLATE = re.compile(r"^在|上的(?:讲话|发言|致辞|报告|讲话稿|总结讲话)$")


def choose(families: list[TemplateFamily], max_documents: int = MAX_DOCUMENTS) -> list[TemplateFamily]:
    """The largest families that fit in `max_documents` rows (at least the largest one, cut)."""
    chosen: list[TemplateFamily] = []
    used = 0
    for family in families:
        if used + len(family) > max_documents:
            if not chosen:
                chosen.append(family)
            break
        chosen.append(family)
        used += len(family)
    return chosen


def short_title(title: str | None, limit: int = TITLE_LIMIT) -> str:
    """The title without 在…上的讲话 boilerplate, cut to `limit` characters."""
    if not title:
        return ""
    core = _BOILERPLATE.sub("", title.strip()) or title.strip()
    return core if len(core) <= limit else core[: limit - 1] + "…"


def label(path: str, title: str | None) -> str:
    """A row's label: the file's stem and its short title, unless one holds the other."""
    stem = Path(path).stem
    short = short_title(title)
    if not short or short.rstrip("…") in stem:
        return stem
    if stem in short:
        return short
    return f"{stem}  {short}"


def draw_heatmap(
    con,
    families: list[TemplateFamily],
    path: str | Path,
    *,
    max_documents: int = MAX_DOCUMENTS,
    dpi: float = 150,
) -> Path:
    """Draw the heatmap of the largest families into `path` (the command writes it through
    `tigang.files.write_output`, atomically); returns the path."""
    import numpy as np

    from ...outline.render.diagram import families_of, font_chain, output_format, save_figure

    fmt = output_format(path)
    chosen = choose(families, max_documents)
    ids = [d for f in chosen for d in f.members][:max_documents]
    family_of = [f.number for f in chosen for _ in f.members][: len(ids)]
    where = {d: i for i, d in enumerate(ids)}
    matrix = np.full((len(ids), len(ids)), np.nan)
    np.fill_diagonal(matrix, 1.0)
    if ids:
        for a, b, score in con.execute(
            "select a, b, score from pairs where a in (select unnest($1::integer[])) "
            "and b in (select unnest($1::integer[]))",
            [ids],
        ).fetchall():
            matrix[where[a], where[b]] = matrix[where[b], where[a]] = score
    paths = store.paths_by_id(con, ids)
    titles = store.titles(con, ids)
    labels = [label(paths[d], titles[d]) for d in ids]
    fonts = families_of(font_chain())
    fig = heatmap_figure(matrix, labels, family_of, fonts=fonts, documents=len(ids))
    save_figure(fig, path, fmt, dpi=dpi, families=fonts)
    return Path(path)


# --- clustering -------------------------------------------------------------------------------


def cluster(matrix, family_of: Sequence[int]):
    """(order of the rows, scipy linkage or None) — average linkage on 1 − score (never
    aligned: 1), CROSS_FAMILY added across families, leaves in optimal order."""
    import numpy as np

    n = len(family_of)
    if n < 3:
        return list(range(n)), None
    from scipy.cluster.hierarchy import leaves_list, linkage, optimal_leaf_ordering
    from scipy.spatial.distance import squareform

    distance = 1.0 - np.nan_to_num(matrix, nan=0.0)
    families = np.asarray(family_of)
    distance += CROSS_FAMILY * (families[:, None] != families[None, :])
    np.fill_diagonal(distance, 0.0)
    condensed = squareform(np.clip(distance, 0.0, None), checks=False)
    tree = optimal_leaf_ordering(linkage(condensed, method="average"), condensed)
    return [int(i) for i in leaves_list(tree)], tree


# --- the figure -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Geometry:
    """Sizes in points."""

    margin: float = 14.0
    title: float = 12.0
    info: float = 8.0
    label: float = 8.0
    index: float = 6.5
    dendrogram: float = 56.0
    gap: float = 6.0
    bracket: float = 26.0  # the family brackets and numbers right of the labels
    colourbar: tuple[float, float] = (200.0, 8.0)

    def cell(self, n: int) -> float:
        """A cell's side: large for a few documents, never below 9 pt."""
        return max(9.0, min(26.0, 520.0 / max(n, 1)))


def heatmap_figure(
    matrix,
    labels: list[str],
    family_of: Sequence[int],
    *,
    fonts: list[str],
    documents: int | None = None,
    geometry: Geometry | None = None,
):
    """The figure: title, dendrogram, matrix, numbered row labels, family brackets and a
    colour bar, placed in points."""
    import numpy as np
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.font_manager import FontProperties

    from ...outline.render.diagram import Measure, wrap

    g = geometry or Geometry()
    n = len(labels)
    families = sorted(set(family_of), key=list(family_of).index)
    title = "模板家族 template families"
    if not n:
        fig = Figure(figsize=(4.0, 1.2), facecolor="white")
        FigureCanvasAgg(fig)
        fig.text(
            0.5,
            0.5,
            "没有模板家族 no template family at this threshold",
            ha="center",
            va="center",
            fontproperties=FontProperties(family=fonts, size=9),
        )
        return fig

    order, tree = cluster(matrix, family_of)
    matrix = matrix[np.ix_(order, order)]
    labels = [f"{i + 1:>2}  {labels[k]}" for i, k in enumerate(order)]
    family_of = [family_of[k] for k in order]

    inside = np.array([[family_of[i] == family_of[j] and i != j for j in range(n)] for i in range(n)])
    scored = matrix[inside & ~np.isnan(matrix)]
    low = float(np.floor((scored.min() if scored.size else 0.5) * 20) / 20)
    low = min(low, 0.95)

    cell = g.cell(n)
    label_size = min(g.label, cell * 0.85)  # a row's label no taller than its row
    label_w = max(Measure(fonts, label_size)(text) for text in labels)
    dendro = g.dendrogram if tree is not None else 0.0
    body_w = dendro + n * cell + g.gap + label_w + g.gap + g.bracket
    info = (
        f"最大的 {len(families)} 个家族，{n} 篇{f'（共 {documents} 篇）' if documents and documents > n else ''}"
        f" · 颜色 {low:.2f}–1.00，更低的同为最浅色，灰色为未比较 · 按层次聚类排序"
    )
    info_w = Measure(fonts, g.info)(info)
    width = g.margin * 2 + max(body_w, g.colourbar[0] + 60, min(info_w, 520.0))
    title_lines = wrap(title, Measure(fonts, g.title), width - 2 * g.margin)
    info_lines = wrap(info, Measure(fonts, g.info), width - 2 * g.margin)
    width = max(width, g.margin * 2 + max(Measure(fonts, g.info)(ln) for ln in info_lines))
    header = len(title_lines) * g.title * 1.4 + len(info_lines) * g.info * 1.5 + g.gap * 2
    index_h = g.index * 1.8
    bar_h = g.colourbar[1] + g.info * 3.2
    height = g.margin + header + n * cell + index_h + g.gap * 2 + bar_h + g.margin

    fig = Figure(figsize=(width / 72, height / 72), facecolor="white")
    FigureCanvasAgg(fig)

    def axes(x: float, y: float, w: float, h: float):
        """Axes at (x, y) points from the top-left corner, w × h points."""
        return fig.add_axes((x / width, 1 - (y + h) / height, w / width, h / height))

    def text(x: float, y: float, string: str, size: float, **kw: Any) -> None:
        fig.text(
            x / width,
            1 - y / height,
            string,
            fontproperties=FontProperties(family=fonts, size=size),
            parse_math=False,
            **kw,
        )

    y = g.margin
    for line in title_lines:
        y += g.title * 1.4
        text(width / 2, y - g.title * 0.3, line, g.title, ha="center", va="baseline", color="#111827")
    for line in info_lines:
        y += g.info * 1.5
        text(width / 2, y - g.info * 0.3, line, g.info, ha="center", va="baseline", color="#6b7280")
    top = y + g.gap * 2
    left = (width - body_w) / 2
    grid_x = left + dendro

    if tree is not None:
        from scipy.cluster.hierarchy import dendrogram

        ax = axes(left, top, dendro - 4, n * cell)
        dendrogram(
            tree,
            orientation="left",
            ax=ax,
            no_labels=True,
            color_threshold=0,
            above_threshold_color="#94a3b8",
            link_color_func=lambda _: "#64748b",
        )
        within = max((h for h in tree[:, 2] if h <= 1.0), default=1.0)
        ax.set_xlim(within * 1.08 + 0.02, 0)  # joins across families run off the left edge
        ax.set_ylim(10 * n, 0)
        ax.set_axis_off()

    import matplotlib as mpl

    cmap = mpl.colormaps["YlGnBu"].with_extremes(bad="#e5e7eb")
    ax = axes(grid_x, top, n * cell, n * cell)
    image = ax.imshow(matrix, vmin=low, vmax=1.0, cmap=cmap, interpolation="nearest", aspect="auto")
    ax.set_xticks([])
    ax.set_yticks([])
    for side in ax.spines.values():
        side.set_color("#cbd5e1")

    number_size = min(8.0, cell * 0.33)
    if number_size >= MIN_NUMBER_SIZE and Measure(fonts, number_size)("0.00") <= cell - 3:
        for i in range(n):
            for j in range(n):
                value = matrix[i, j]
                if i == j or np.isnan(value):
                    continue
                dark = (value - low) / (1 - low) > 0.55 if value >= low else False
                ax.text(
                    j,
                    i,
                    f"{value:.2f}",
                    ha="center",
                    va="center",
                    color="white" if dark else "#1f2937",
                    fontproperties=FontProperties(family=fonts, size=number_size),
                )

    # Frames around the families, the same blocks on the diagonal.
    from matplotlib.patches import Rectangle

    starts = [i for i in range(n) if i == 0 or family_of[i] != family_of[i - 1]]
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else n
        ax.add_patch(
            Rectangle(
                (start - 0.5, start - 0.5), end - start, end - start, fill=False, edgecolor="#dc2626", lw=1.2
            )
        )

    # Row labels and column numbers.
    label_x = grid_x + n * cell + g.gap
    for i, line in enumerate(labels):
        text(label_x, top + (i + 0.5) * cell, line, label_size, ha="left", va="center", color="#111827")
    step = 1 if cell >= Measure(fonts, g.index)("00") + 2 else 5
    for j in range(0, n, step):
        text(
            grid_x + (j + 0.5) * cell,
            top + n * cell + g.index * 1.3,
            str(j + 1),
            g.index,
            ha="center",
            va="baseline",
            color="#6b7280",
        )

    # Family brackets right of the labels.
    bracket_x = label_x + label_w + g.gap
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else n
        y0, y1 = top + start * cell + 2, top + end * cell - 2
        fig.add_artist(_bracket(fig, width, height, bracket_x, y0, y1))
        text(
            bracket_x + 6,
            (y0 + y1) / 2,
            f"#{family_of[start]}",
            g.info,
            ha="left",
            va="center",
            color="#dc2626",
        )

    # The colour bar, under the matrix.
    bar_w = min(g.colourbar[0], max(n * cell, 120.0))
    bar = axes(grid_x, top + n * cell + index_h + g.gap, bar_w, g.colourbar[1])
    colourbar = fig.colorbar(image, cax=bar, orientation="horizontal", extend="min" if low > 0 else "neither")
    from matplotlib.ticker import FormatStrFormatter, MaxNLocator

    colourbar.locator = MaxNLocator(nbins=5)
    colourbar.formatter = FormatStrFormatter("%.2f")
    colourbar.update_ticks()
    colourbar.ax.tick_params(labelsize=g.index, length=2, pad=1.5)
    colourbar.outline.set_linewidth(0.5)
    for tick in colourbar.ax.get_xticklabels():
        tick.set_fontproperties(FontProperties(family=fonts, size=g.index))
    text(
        grid_x + bar_w + g.gap,
        top + n * cell + index_h + g.gap + g.colourbar[1] * 0.8,
        "相似度 similarity",
        g.info,
        ha="left",
        va="baseline",
        color="#374151",
    )
    return fig


def _bracket(fig, width: float, height: float, x: float, y0: float, y1: float):
    """A thin ] from y0 to y1 at x (points from the top-left corner)."""
    from matplotlib.lines import Line2D

    xs = [x / width, (x + 3) / width, (x + 3) / width, x / width]
    ys = [1 - y0 / height, 1 - y0 / height, 1 - y1 / height, 1 - y1 / height]
    return Line2D(xs, ys, color="#dc2626", lw=0.9, transform=fig.transFigure)
