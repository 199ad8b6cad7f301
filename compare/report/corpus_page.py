"""The corpus page: the template families with their skeletons, and the most similar pairs,
each opening its full comparison in the same page.

Each pair's comparison is written into an inert `<template>` (parsed, never laid out) and
put on the page when asked: twenty comparisons of a hundred items cost the first paint
nothing.
"""

from __future__ import annotations

from pathlib import PurePath

from tigang.outline.render.html import esc

from ..corpus import store
from ..corpus.families import family_skeleton, find_families
from ..corpus.index import top_pairs
from . import diff_page
from .skeleton_page import skeleton_tree


def _families_html(con, threshold: float, min_share: float, limit: int) -> tuple[str, int, int]:
    found = find_families(con, threshold)
    out = []
    for family in found[:limit]:
        skeleton, names, _ = family_skeleton(con, family, min_share=min_share)
        tree, _ = skeleton_tree(skeleton, names, prefix=f"f{family.number}-")
        used = f"（骨架取 {len(names)} 篇 · skeleton of {len(names)}）" if len(names) < len(family) else ""
        out.append(
            f'<details class="family"{" open" if family.number == 1 else ""}>'
            f"<summary>#{family.number} · {len(family)} 篇 documents · 平均相似度 mean score "
            f"{family.mean_score:.2f}</summary>"
            f'<p class="members">{" · ".join(esc(p) for p in family.paths)} {used}</p>{tree}</details>'
        )
    if not found:
        out.append(
            f'<p class="empty">没有相似度 ≥ {threshold} 的模板家族 · no families at this threshold</p>'
        )
    elif len(found) > limit:
        out.append(f'<p class="gloss">… 另有 {len(found) - limit} 个家族 more families</p>')
    return "".join(out), len(found), sum(len(f) for f in found)


def render_corpus_html(
    con, *, threshold: float = 0.6, min_share: float = 0.5, families: int = 20, pairs: int = 20
) -> str:
    """Families and the `pairs` most similar pairs of a corpus database, as one page."""
    from tigang.compare import diff
    from tigang.outline.render.html import page

    families_html, family_count, in_families = _families_html(con, threshold, min_share, families)
    best = top_pairs(con, pairs)
    ids = store.ids_by_path(con, [p for a, b, _ in best for p in (a, b)])
    outlines = store.outlines(con, ids.values())
    items: dict[str, list] = {}
    rows, templates = [], []
    for k, (path_a, path_b, score) in enumerate(best, 1):
        names = (PurePath(path_a).name, PurePath(path_b).name)
        script = diff(outlines[ids[path_a]], outlines[ids[path_b]])
        cmp = diff_page.comparison_html(script, names, prefixes=(f"d{ids[path_a]}-", f"d{ids[path_b]}-"))
        items.update(cmp.items)
        rows.append(
            f'<tr><td>{k}</td><td>{score:.3f}</td><td class="name">{esc(path_a)}</td>'
            f'<td class="name">{esc(path_b)}</td><td><button type="button" data-open-pair="cmp-{k}">'
            "查看对比 compare</button></td></tr>"
        )
        templates.append(
            f'<template id="cmp-{k}"><h2>对比 #{k} · {esc(names[0])} ⇄ {esc(names[1])}</h2>'
            f"{diff_page.docs_html(script, names)}"
            f'<div class="summary">{diff_page.score_html(script)}{diff_page.legend(script)}</div>'
            f"<p>{diff_page.changes_only_toggle()}</p>"
            f'<div class="cmp-wrap"><div class="rows">{cmp.html}</div>'
            '<aside class="detail" hidden aria-live="polite"></aside></div></template>'
        )
    documents = con.execute("select count(*) from documents where status = 'ok'").fetchone()[0]
    scored = con.execute("select count(*) from pairs").fetchone()[0]
    pairs_html = (
        '<div class="table-scroll"><table class="grid pairs"><thead><tr><th>#</th><th>相似度 score</th>'
        '<th class="name">甲 A</th><th class="name">乙 B</th><th></th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
        if rows
        else '<p class="empty">没有打分的文稿对 · no scored pairs</p>'
    )
    header = (
        "<h1>语料报告 · corpus report</h1>"
        f'<p class="facts">{documents} 篇文稿 documents · {scored} 对已对齐 pairs aligned · '
        f"{family_count} 个模板家族 families（相似度 ≥ {threshold}），含 {in_families} 篇</p>"
    )
    main = (
        f"<h2>模板家族 · template families</h2>{families_html}"
        f"<h2>最相似的文稿对 · most similar pairs</h2>{pairs_html}"
        f'<section class="pair-view" id="pair-view" hidden aria-live="polite"></section>' + "".join(templates)
    )
    return page(
        kind="corpus", title="语料报告 · corpus report", header=header, main=main, data={"items": items}
    )
