"""The skeleton page of several outlines: the items they share, each with its support (k of n
documents, one dot per document), and where each document departs — the shared items it
lacks and the items it has on its own; then the pairwise scores."""

from __future__ import annotations

from collections.abc import Sequence

from tigang.outline.model import Node, Outline
from tigang.outline.render.html import esc
from tigang.outline.render.html.outline_page import label_html, toolbar

from ..skeleton import Skeleton, SkeletonItem

OWN_SHOWN = 40  # a document's own items listed before "… N more"


def skeleton_tree(
    skeleton: Skeleton, names: Sequence[str], *, prefix: str = "k", found: dict | None = None
) -> tuple[str, int]:
    """The skeleton as a foldable tree: (HTML, deepest level). With `found`, fills it with
    each item's counterpart in every document: id → [[label, line] | None, …]."""
    out: list[str] = []
    counter = 0
    deepest = 1

    def visit(items: tuple[SkeletonItem, ...]) -> None:
        nonlocal counter, deepest
        for item in items:
            ident = f"{prefix}{counter}"
            counter += 1
            node = item.node
            deepest = max(deepest, node.level)
            if found is not None:
                found[ident] = [[n.label, n.line] if n is not None else None for n in item.found]
            dots = "".join(
                f'<i class="{"on" if item.found and item.found[i] is not None else ""}" '
                f'title="{esc(names[i])}"></i>'
                for i in range(skeleton.total)
            )
            weak = " weak" if item.share < skeleton.need else ""
            expanded = ' aria-expanded="true"' if item.children else ""
            out.append(
                f'<li class="it{weak}" role="treeitem" id="{ident}" data-level="{node.level}"{expanded}>'
                f'<div class="row" style="--d:{node.level - 1}"><span class="tw" aria-hidden="true"></span>'
                f'{label_html(node)}<span class="support" aria-hidden="true">{dots}</span>'
                f'<span class="kofn" title="{item.share} 篇有此项 of {skeleton.total}">'
                f"{item.share}/{skeleton.total}</span></div>"
            )
            if item.children:
                out.append('<ul role="group">')
                visit(item.children)
                out.append("</ul>")
            out.append("</li>")

    visit(skeleton.items)
    if not out:
        return (
            f'<p class="empty">没有条目为至少 {skeleton.need}/{skeleton.total} 篇共有 · '
            "no item is shared by enough documents (lower --min-share)</p>",
            1,
        )
    return f'<ul class="tree" role="tree" aria-label="共同骨架 skeleton">{"".join(out)}</ul>', deepest


def scores_table(names: Sequence[str], scores: Sequence[Sequence[float]]) -> str:
    head = "".join(f'<th title="{esc(n)}">{i + 1}</th>' for i, n in enumerate(names))
    rows = "".join(
        f'<tr><td class="name">{i + 1} {esc(name)}</td>'
        + "".join(f"<td>{s:.2f}</td>" for s in scores[i])
        + "</tr>"
        for i, name in enumerate(names)
    )
    return (
        '<div class="table-scroll"><table class="grid"><thead><tr><th class="name">两两相似度 pairwise score</th>'
        f"{head}</tr></thead><tbody>{rows}</tbody></table></div>"
    )


def _missing(items: tuple[SkeletonItem, ...], i: int, out: list[Node]) -> None:
    for item in items:
        if item.found and item.found[i] is None:
            out.append(item.node)
        _missing(item.children, i, out)


def departures(skeleton: Skeleton, names: Sequence[str]) -> str:
    """Per document: the shared items it lacks, and its own items (no counterpart in the
    reference), top-most first."""
    boxes = []
    for i, name in enumerate(names):
        lacks: list[Node] = []
        _missing(skeleton.items, i, lacks)
        own = skeleton.unmatched[i] if skeleton.unmatched else ()
        ref = ' <span class="tag">参照 reference</span>' if i == skeleton.reference else ""
        parts = [f"<h3>{i + 1}. {esc(name)}{ref}</h3>"]
        if lacks:
            parts.append(
                f'<div class="lack">缺少 {len(lacks)} 项骨架条目 · lacks</div><ul>'
                + "".join(f"<li>{esc(n.label)}</li>" for n in lacks)
                + "</ul>"
            )
        if own:
            shown = "".join(
                f'<li>{esc(n.label)} <span class="ln">{n.line}</span></li>' for n in own[:OWN_SHOWN]
            )
            more = f"<li>… 另有 {len(own) - OWN_SHOWN} 项 more</li>" if len(own) > OWN_SHOWN else ""
            parts.append(f'<div class="own">独有 {len(own)} 项 · own items</div><ul>{shown}{more}</ul>')
        if not lacks and not own:
            parts.append('<p class="gloss">与骨架一致 · follows the skeleton</p>')
        boxes.append(f"<section>{''.join(parts)}</section>")
    return f'<div class="departs">{"".join(boxes)}</div>'


def render_skeleton_html(outlines: Sequence[Outline], names: Sequence[str], skeleton: Skeleton) -> str:
    """The common skeleton of several outlines as a self-contained page."""
    from tigang.outline.render.html import page

    found: dict[str, list] = {}
    tree, levels = skeleton_tree(skeleton, names, found=found)
    docs = "".join(
        f"<li>{esc(name)}"
        + (f' <span class="gloss">{esc(o.title)}</span>' if o.title else "")
        + (' <span class="tag">参照 reference</span>' if i == skeleton.reference else "")
        + "</li>"
        for i, (name, o) in enumerate(zip(names, outlines, strict=True))
    )
    header = (
        f"<h1>共同骨架 · {skeleton.total} 篇 common skeleton</h1>"
        f'<ol class="facts">{docs}</ol>'
        f'<p class="facts">骨架条目至少为 {skeleton.need}/{skeleton.total} 篇共有；圆点为各篇是否有此项，'
        "淡色条目只因其下级而保留。 Items shared by at least "
        f"{skeleton.need} of {skeleton.total}; dots: which documents have it.</p>" + toolbar(levels)
    )
    main = (
        f'<div class="cmp-wrap"><div>{tree}</div><aside class="detail" id="detail" hidden aria-live="polite">'
        "</aside></div>"
        f"<h2>各篇的不同 · where each document departs</h2>{departures(skeleton, names)}"
        f"<h2>两两相似度 · pairwise scores</h2>{scores_table(names, skeleton.scores)}"
    )
    return page(
        kind="skeleton",
        title=f"共同骨架 · {skeleton.total} 篇",
        header=header,
        main=main,
        data={"found": found, "names": list(names)},
    )
