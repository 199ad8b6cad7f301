"""The comparison page: the merged tree of two outlines (compare.merge) as rows of two cells,
甲 A on the left and 乙 B on the right, coloured by what happened to each item; a moved item
also leaves a ghost row at its old place, and the two rows highlight each other. Selecting a
row shows both items' headings and bodies with the changed characters marked — the script
diffs them when asked, so a large comparison costs nothing until a pair is opened.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tigang.outline.model import Node
from tigang.outline.render.html import esc
from tigang.outline.render.html.outline_page import label_html, toolbar

from ..confidence import DOUBTFUL
from ..merge import Kind, MergedNode, merged_tree
from ..script import EditScript, Op
from ..side import Side

# Chinese name, English name and sign of each operation, in the order the legend lists them.
OPS: dict[Op, tuple[str, str, str]] = {
    Op.KEEP: ("保留", "kept", "="),
    Op.UPDATE: ("改写", "reworded", "~"),
    Op.MOVE: ("移动", "moved", "↕"),
    Op.LEVEL: ("升降级", "level changed", "⇅"),
    Op.DELETE: ("仅甲", "only in A", "−"),
    Op.INSERT: ("仅乙", "only in B", "+"),
}


@dataclass
class ComparisonHtml:
    """The rows of one comparison, and the items their cells name (for the character diff):
    id → [marker, heading, body, line]."""

    html: str
    items: dict[str, list] = field(default_factory=dict)
    levels: int = 1


def legend(script: EditScript) -> str:
    chips = "".join(
        f'<li class="chip op-{op.value}" title="{esc(en)}">{zh} <b>{script.count(op)}</b></li>'
        for op, (zh, en, _) in OPS.items()
    )
    return f'<ul class="legend" aria-label="图例 legend">{chips}</ul>'


def score_html(script: EditScript) -> str:
    return (
        f'<div class="score">{script.score:.2f}<small>相似度 score</small></div>'
        f'<div class="parts-of-score">结构 structure {script.structure:.2f} · 措辞 wording '
        f"{script.wording:.2f} · 内容 content {script.content:.2f}</div>"
    )


def docs_html(script: EditScript, names: tuple[str, str]) -> str:
    out = []
    for who, name, side in (("甲 A", names[0], script.alignment.a), ("乙 B", names[1], script.alignment.b)):
        title = side.outline.title
        out.append(
            f'<div><span class="who">{who}</span>{esc(name)}'
            + (f'<br><span class="gloss">{esc(title)}</span>' if title and title != name else "")
            + f' <span class="gloss">· {len(side.nodes)} 项</span></div>'
        )
    return f'<div class="docs">{"".join(out)}</div>'


def comparison_html(
    script: EditScript,
    names: tuple[str, str],
    *,
    prefixes: tuple[str, str] = ("a", "b"),
    element_id: str | None = None,
) -> ComparisonHtml:
    """The rows (a `<ul class="tree cmp">`) with their column header. Item ids start with the
    side's prefix: on a corpus page, one per document, so a document in many pairs has its
    bodies in the page once."""
    al = script.alignment
    result = ComparisonHtml("")

    def item_id(side: str, path) -> str:
        ident = f"{prefixes[side == 'b']}{'.'.join(map(str, path))}"
        if ident not in result.items:
            node: Node = (al.a if side == "a" else al.b).node[path]
            result.items[ident] = [
                node.marker.text,
                node.label[len(node.marker.text) :],
                node.body,
                node.line,
            ]
        return ident

    def cell(side_name: str, sides: Side, path, note: str = "") -> str:
        if path is None:
            return f'<div class="cell {side_name}"></div>'
        node = sides.node[path]
        return (
            f'<div class="cell {side_name}" style="--d:{node.level - 1}">{label_html(node)}{note}'
            f'<span class="ln">{node.line}</span></div>'
        )

    rows: list[str] = []
    counter = 0

    def visit(node: MergedNode, depth: int) -> None:
        nonlocal counter
        folded = 0
        for child in node.children:
            if not child.changed:
                folded += 1
            elif folded:
                rows.append(_same_run(folded))
                folded = 0
            emit(child, depth)
        if folded:
            rows.append(_same_run(folded))

    def emit(node: MergedNode, depth: int) -> None:
        nonlocal counter
        counter += 1
        result.levels = max(result.levels, depth)
        zh, en, sign = OPS[node.op]
        attrs = []
        if node.a is not None and node.kind is not Kind.ONLY_B:
            attrs.append(f'data-a="{item_id("a", node.a)}"')
        if node.b is not None and node.kind is not Kind.ONLY_A:
            attrs.append(f'data-b="{item_id("b", node.b)}"')
        if node.kind in (Kind.SHARED, Kind.GHOST) and node.op in (Op.MOVE, Op.LEVEL):
            assert node.a is not None  # shared items and ghosts are pairs: both sides are set
            attrs.append(f'data-pair="{prefixes[0]}{".".join(map(str, node.a))}"')
        if node.kind is Kind.GHOST:
            assert node.b is not None  # a ghost's b is its item's new place
            target = al.b.node[node.b]
            note = f'<span class="ghost-note">↗ 移至乙第{target.line}行 moved</span>'
            cells = cell("a", al.a, node.a) + f'<div class="cell b">{note}</div>'
            classes, title = "it ghost op-move", "原位置 old place of a moved item"
        else:
            sure = al.confidence.get(node.a, 1.0) if node.kind is Kind.SHARED and node.a is not None else 1.0
            doubt = f' <span class="doubt">?{sure:.0%}</span>' if sure < DOUBTFUL else ""
            cells = cell("a", al.a, node.a if node.kind is not Kind.ONLY_B else None) + cell(
                "b", al.b, node.b if node.kind is not Kind.ONLY_A else None, doubt
            )
            classes, title = f"it op-{node.op.value}", f"{en}"
            if node.op not in (Op.KEEP, Op.DELETE, Op.INSERT) and node.similarity < 1:
                title += f" · 相似度 {node.similarity:.2f}"
            if sure < 1:
                title += f" · 置信度 confidence {sure:.0%}" + (" 存疑 doubtful" if doubt else "")
        expanded = ' aria-expanded="true"' if node.children else ""
        rows.append(
            f'<li class="{classes}" role="treeitem" data-level="{depth}" '
            f'data-changed="{int(node.changed)}" data-opname="{esc(zh)}"{expanded}>'
            f'<div class="row" {" ".join(attrs)} title="{esc(title)}">'
            f'<span class="tw" aria-hidden="true"></span><span class="sign" aria-label="{esc(zh)}">{sign}</span>'
            f"{cells}</div>"
        )
        if node.children:
            rows.append('<ul role="group">')
            visit(node, depth + 1)
            rows.append("</ul>")
        rows.append("</li>")

    visit(merged_tree(script), 1)
    ident = f' id="{element_id}"' if element_id else ""
    header = (
        '<div class="cmp-head" aria-hidden="true"><span></span><span></span>'
        f"<span>甲 A · {esc(names[0])}</span><span>乙 B · {esc(names[1])}</span></div>"
    )
    empty = "" if rows else '<p class="empty">两篇都没有编号条目 · neither has numbered items</p>'
    result.html = f'{header}<ul class="tree cmp"{ident} role="tree" aria-label="对比 comparison">{"".join(rows)}</ul>{empty}'
    return result


def _same_run(count: int) -> str:
    return f'<li class="same-run" role="none">⋯ {count} 项未变 unchanged</li>'


def changes_only_toggle(*, checked: bool = False, element_id: str | None = None) -> str:
    ident = f' id="{element_id}"' if element_id else ""
    return (
        '<label title="只看改动：折叠未变的条目 fold what did not change">'
        f'<input type="checkbox"{ident} class="changes-only-toggle"{" checked" if checked else ""}> 只看改动</label>'
    )


def render_diff_html(script: EditScript, names: tuple[str, str], *, changes_only: bool = False) -> str:
    """Two outlines compared, as a self-contained page."""
    from tigang.outline.render.html import page

    cmp = comparison_html(script, names, element_id="cmp")
    extra = (
        changes_only_toggle(checked=changes_only, element_id="changes-only")
        + '<span class="group"><button type="button" data-print title="打印 print">打印</button></span>'
    )
    header = (
        f"<h1>提纲对比 · {esc(names[0])} ⇄ {esc(names[1])}</h1>"
        + docs_html(script, names)
        + f'<div class="summary">{score_html(script)}{legend(script)}</div>'
        + toolbar(cmp.levels, extra=extra)
    )
    main = (
        f'<div class="cmp-wrap"><div class="rows">{cmp.html}</div>'
        '<aside class="detail" id="detail" hidden aria-live="polite"></aside></div>'
    )
    return page(
        kind="diff",
        title=f"{names[0]} ⇄ {names[1]} · 提纲对比",
        header=header,
        main=main,
        data={"items": cmp.items},
    )
