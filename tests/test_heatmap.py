"""The heatmap of `tigang corpus families -o`: clustering order with families kept together,
a colour scale fitted to the family scores, numbers while they fit, short labels, and every
piece of text inside the canvas."""

from __future__ import annotations

import numpy as np
import pytest

from tigang.compare.corpus.render_heatmap import cluster, heatmap_figure, label, short_title
from tigang.outline.render.diagram import families_of, font_chain


@pytest.fixture(scope="module")
def fonts():
    return families_of(font_chain())


def scores(sizes: list[int], seed: int = 0, low: float = 0.86):
    """A similarity matrix of families of `sizes`, members in shuffled order: scores in
    [low, 1) inside a family, below 0.45 (or never aligned) across families."""
    rng = np.random.default_rng(seed)
    family_of = [k + 1 for k, size in enumerate(sizes) for _ in range(size)]
    n = len(family_of)
    matrix = np.full((n, n), np.nan)
    for i in range(n):
        for j in range(i + 1, n):
            if family_of[i] == family_of[j]:
                value = rng.uniform(low, 0.995)
            elif rng.random() < 0.3:
                value = rng.uniform(0.2, 0.45)
            else:
                continue
            matrix[i, j] = matrix[j, i] = value
    np.fill_diagonal(matrix, 1.0)
    shuffle = rng.permutation(n)
    return matrix[np.ix_(shuffle, shuffle)], [family_of[k] for k in shuffle]


def texts_outside(fig) -> list[str]:
    """Every drawn text whose box leaves the figure."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    frame = fig.bbox
    artists = list(fig.texts)
    for ax in fig.axes:
        artists += ax.texts
        if ax.axison:  # the dendrogram's axes are off: their tick labels are never drawn
            artists += ax.get_xticklabels() + ax.get_yticklabels()
    outside = []
    for artist in artists:
        if not artist.get_visible() or not artist.get_text():
            continue
        box = artist.get_window_extent(renderer)
        if (
            box.x0 < frame.x0 - 0.5
            or box.x1 > frame.x1 + 0.5
            or box.y0 < frame.y0 - 0.5
            or box.y1 > frame.y1 + 0.5
        ):
            outside.append(artist.get_text())
    return outside


@pytest.mark.parametrize("sizes", [[2], [3, 2], [6, 5, 4, 3, 2], [12, 10, 9, 9, 8, 6, 5]])
def test_every_label_is_inside_the_canvas(fonts, sizes):
    matrix, family_of = scores(sizes)
    labels = [f"speech{i:03d}  全市重点项目建设推进会议" for i in range(len(family_of))]
    fig = heatmap_figure(matrix, labels, family_of, fonts=fonts)
    assert texts_outside(fig) == []
    rows = [t.get_text() for t in fig.texts if "speech" in t.get_text()]
    assert len(rows) == len(labels)
    assert all(t.get_rotation() == 0 for t in fig.texts)  # nothing rotated


def test_clustering_keeps_families_together_and_neighbours_next_to_each_other():
    matrix, family_of = scores([6, 5, 4], seed=3)
    order, tree = cluster(matrix, family_of)
    assert sorted(order) == list(range(len(family_of))) and tree is not None
    ordered = [family_of[k] for k in order]
    blocks = [f for i, f in enumerate(ordered) if i == 0 or f != ordered[i - 1]]
    assert sorted(blocks) == [1, 2, 3]  # each family one block
    # Inside a family, a member's best match is its neighbour more often than not.
    best = {i: max((j for j in range(len(order)) if j != i and family_of[j] == family_of[i]),
                   key=lambda j: matrix[i, j]) for i in range(len(order))}  # fmt: skip
    where = {k: p for p, k in enumerate(order)}
    assert sum(abs(where[i] - where[best[i]]) == 1 for i in best) > len(best) / 2


def test_scale_fits_the_family_scores_and_numbers_show_while_they_fit(fonts):
    matrix, family_of = scores([4, 3], low=0.86)
    fig = heatmap_figure(matrix, [str(i) for i in range(7)], family_of, fonts=fonts)
    image = (
        fig.axes[-2].images[0] if fig.axes[-2].images else next(ax for ax in fig.axes if ax.images).images[0]
    )
    low, high = image.get_clim()
    assert low == pytest.approx(0.85) and high == 1.0
    numbers = [t.get_text() for ax in fig.axes for t in ax.texts if t.get_text().startswith("0.")]
    assert len(numbers) == int(np.sum(~np.isnan(matrix))) - 7  # every scored pair but the diagonal
    matrix, family_of = scores([12, 12, 12, 12, 10])
    fig = heatmap_figure(matrix, [str(i) for i in range(58)], family_of, fonts=fonts)
    assert not [t for ax in fig.axes for t in ax.texts if t.get_text().startswith("0.")]
    assert texts_outside(fig) == []


def test_no_family_says_so(fonts):
    fig = heatmap_figure(np.zeros((0, 0)), [], [], fonts=fonts)
    assert "no template family" in fig.texts[0].get_text()
    assert texts_outside(fig) == []


def test_short_labels():
    assert short_title("在全市教育动员大会上的讲话") == "全市教育动员大会"
    assert (
        short_title("关于进一步加强和改进全市重点项目建设工作的实施意见和具体措施")
        == "关于进一步加强和改进全…"
    )
    assert label("speeches/2021/speech07.txt", "在全县工业工作会议上的讲话") == "speech07  全县工业工作会议"
    assert label("政府工作报告.txt", "政府工作报告") == "政府工作报告"
    assert label("a/b.txt", None) == "b"
