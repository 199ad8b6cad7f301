"""The similarity matrix of the largest template families as a heatmap (PNG, SVG or PDF).

Documents are grouped by family (largest first) and framed family by family; a cell is the
stored pair score (1 on the diagonal, blank for pairs never aligned). Labels are the
documents' titles or file names, drawn in the packaged Chinese font of `tigang render`
(outline.render.diagram's font chain). matplotlib is imported here, on the Agg canvas.
"""

from __future__ import annotations

from pathlib import Path

from . import store
from .families import TemplateFamily

MAX_DOCUMENTS = 60


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


def _label(path: str, title: str | None, limit: int = 14) -> str:
    name = path.rsplit("/", 1)[-1]
    if not title:
        return name
    return f"{name}  {title if len(title) <= limit else title[: limit - 1] + '…'}"


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

    from ...outline.render.diagram import font_chain, output_format, register_font

    fmt = output_format(path)
    chosen = choose(families, max_documents)
    ids = [d for f in chosen for d in f.members][:max_documents]
    where = {d: i for i, d in enumerate(ids)}
    n = len(ids)
    matrix = np.full((n, n), np.nan)
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
    labels = [_label(paths[d], titles[d]) for d in ids]

    import matplotlib

    fonts = [register_font(p) for p in font_chain()]
    with matplotlib.rc_context({"font.family": fonts, "svg.fonttype": "path"}):
        fig = _figure(matrix, labels, chosen, n)

        metadata = {"Software": "tigang"} if fmt == "png" else {"Creator": "tigang"}
        fig.savefig(path, format=fmt, dpi=dpi, facecolor="white", metadata=metadata)
        return Path(path)


def _figure(matrix, labels: list[str], chosen: list[TemplateFamily], n: int):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.patches import Rectangle

    side = max(4.0, 1.6 + n * 0.22)
    fig = Figure(figsize=(side + 1.6, side))
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    if n == 0:  # no family at this threshold: say so instead of an empty (singular) plot
        ax.set_axis_off()
        ax.text(0.5, 0.5, "没有模板家族 no template family at this threshold", ha="center", va="center")
        return fig
    image = ax.imshow(matrix, vmin=0.0, vmax=1.0, cmap="viridis", interpolation="nearest")
    fig.colorbar(image, ax=ax, fraction=0.04, pad=0.02, label="相似度 similarity")
    ax.set_xticks(range(n), labels, rotation=90, fontsize=7)
    ax.set_yticks(range(n), labels, fontsize=7)
    start = 0
    for family in chosen:
        size = min(len(family), n - start)
        if size <= 0:
            break
        ax.add_patch(
            Rectangle((start - 0.5, start - 0.5), size, size, fill=False, edgecolor="#dc2626", lw=1.2)
        )
        ax.text(start + size - 0.5, start - 0.7, f"#{family.number}", color="#dc2626", fontsize=7, ha="right")
        start += size
    ax.set_title(f"模板家族 template families (largest {len(chosen)})")
    fig.tight_layout()
    return fig
