"""The page of one outline: a foldable tree with line numbers, bodies on demand, the linter's
findings on their items, parts as group headers and the appendix after the speech.

The tree is HTML from the start (the first paint needs no script, and printing works without
it); the bodies travel as data and are put in when an item is opened, which keeps a 300-item
law's page small and fast to lay out.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import PurePath
from typing import TYPE_CHECKING

from ...model import Node, Outline
from ..markdown import render_markdown
from ..text import INNER_SPACE, render_text
from .page import esc, page

if TYPE_CHECKING:
    from ...lint import Finding


def label_html(node: Node) -> str:
    """Marker and heading as two spans (the marker dimmed, so headings read as a column)."""
    heading = node.label[len(node.marker.text) :]
    # 第二章 总则 keeps its space; a flex item would drop it, so it becomes a margin. The
    # spaces of 第二节 监　护 are layout, not words (a search for 监护 must find it).
    spaced = " sp" if heading[:1] == " " else ""
    heading = INNER_SPACE.sub("", heading.lstrip())
    return f'<span class="mk{spaced}">{esc(node.marker.text)}</span><span class="hd">{esc(heading)}</span>'


def toolbar(levels: int, *, extra: str = "") -> str:
    """Search, fold and copy controls; `levels` is the depth of the deepest item."""
    depth = "".join(
        f'<button type="button" data-depth="{d}" title="展开到第{d}层 unfold to depth {d}">{d}</button>'
        for d in range(1, min(levels, 6) + 1)
    )
    depths = f'<span class="group depth" aria-label="层级 depth">层级 {depth}</span>' if levels > 1 else ""
    return (
        '<div class="tools" role="toolbar" aria-label="提纲工具 outline tools">'
        '<input type="search" id="q" placeholder="搜索 Search…" aria-label="搜索 search" autocomplete="off">'
        '<span id="hits" class="hits" aria-live="polite"></span>'
        '<span class="group"><button type="button" data-fold="all" title="全部折叠 fold all">全部折叠</button>'
        '<button type="button" data-fold="none" title="全部展开 unfold all">全部展开</button></span>'
        f"{depths}{extra}</div>"
    )


def copy_buttons() -> str:
    return (
        '<span class="group"><button type="button" data-copy="text" title="复制为纯文本 copy as plain text">'
        "复制文本</button>"
        '<button type="button" data-copy="markdown" title="复制为 Markdown copy as Markdown">'
        "复制 Markdown</button>"
        '<button type="button" data-print title="打印 print (A4)">打印</button></span>'
    )


class _Tree:
    """Writes nested <ul role=tree> items, numbering them in document order."""

    def __init__(self, prefix: str, findings: dict[int, list[Finding]]) -> None:
        self.prefix = prefix
        self.findings = findings
        self.count = 0
        self.bodies: dict[str, str] = {}

    def items(self, nodes: Iterable[Node], out: list[str]) -> None:
        for node in nodes:
            self.item(node, out)

    def item(self, node: Node, out: list[str]) -> None:
        ident = f"{self.prefix}{self.count}"
        self.count += 1
        if node.body:
            self.bodies[ident] = node.body
        expanded = ' aria-expanded="true"' if node.children else ""
        classes = "it" + (" has-body" if node.body else "")
        out.append(
            f'<li class="{classes}" role="treeitem" id="{ident}" data-level="{node.level}" data-line="{node.line}"{expanded}>'
            f'<div class="row" style="--d:{node.level - 1}">'
            f'<span class="tw" aria-hidden="true"></span>{label_html(node)}'
            f"{self.badges(node)}"
            f'<span class="ln" title="第{node.line}行 line {node.line}">{node.line}</span></div>'
        )
        if node.children:
            out.append('<ul role="group">')
            self.items(node.children, out)
            out.append("</ul>")
        out.append("</li>")

    def badges(self, node: Node) -> str:
        found = self.findings.get(node.line, ())
        return "".join(
            f'<span class="fd {esc(f.severity.value)}" title="{esc(f.message)}（{esc(f.gloss)}）">'
            f"{esc(f.code)}</span>"
            for f in found
        )


def _depth(nodes: Iterable[Node]) -> int:
    return max((n.level for root in nodes for n in root.walk()), default=1)


def findings_html(findings: Sequence[Finding], on_items: set[int]) -> str:
    """The linter's findings as a foldable list; each names its line (and links its item)."""
    if not findings:
        return '<p class="check ok">检查：未发现编号问题 · check: no problems</p>'
    errors = sum(1 for f in findings if f.severity.value == "error")
    elsewhere = ' <span class="gloss">(不在条目上 not on an item)</span>'
    rows = "".join(
        f'<li class="{esc(f.severity.value)}"><a href="#" data-goto="{f.line}">'
        f'<span class="fd {esc(f.severity.value)}">{esc(f.code)}</span> 第{f.line}行</a> '
        f'{esc(f.message)} <span class="gloss">{esc(f.gloss)}</span>'
        f"{'' if f.line in on_items else elsewhere}</li>"
        for f in findings
    )
    return (
        f'<details class="check"><summary>检查发现 {len(findings)} 个问题（{errors} 个错误）· '
        f"check: {len(findings)} finding{'s' if len(findings) != 1 else ''}</summary><ul>{rows}</ul></details>"
    )


def outline_main(outline: Outline, findings: Sequence[Finding] = ()) -> tuple[str, dict[str, str], int]:
    """The tree (parts as group headers), the closing and the appendix: (HTML, bodies by item
    id, number of items)."""
    by_line: dict[int, list[Finding]] = {}
    for finding in findings:
        by_line.setdefault(finding.line, []).append(finding)
    tree = _Tree("n", by_line)
    out = ['<ul class="tree" role="tree" aria-label="提纲 outline">']
    if outline.parts:
        for part in outline.parts:
            if part.title:
                out.append(f'<li class="part" role="none"><span>{esc(part.title)}</span></li>')
            tree.items(outline.nodes[part.start : part.end], out)
    else:
        tree.items(outline.nodes, out)
    out.append("</ul>")
    if not outline.nodes:
        out.append('<p class="empty">没有找到编号条目 · no numbered items found</p>')
    if outline.closing:
        out.append(f'<p class="closing"><span class="tag">结束语</span>{esc(outline.closing)}</p>')
    items = tree.count
    if outline.appendix:
        appendix = _Tree("x", by_line)
        for block in outline.appendix:
            # Back matter can outweigh the speech (资阳's 民生实事 (1)…(25)): closed until asked for.
            count = sum(1 for root in block.nodes for _ in root.walk())
            out.append(
                f'<details class="appendix"><summary><span class="tag">附件 appendix</span>{esc(block.title)}'
                f' <span class="gloss">{count} 项 · 第{block.line}行</span></summary>'
            )
            if block.nodes:
                out.append('<ul class="tree" role="tree" aria-label="附件 appendix">')
                appendix.items(block.nodes, out)
                out.append("</ul>")
            out.append("</details>")
        tree.bodies.update(appendix.bodies)
    return "".join(out), tree.bodies, items


def document_name(outline: Outline, fallback: str = "") -> str:
    if outline.source and outline.source != "-":
        return PurePath(outline.source).name
    return fallback


def render_outline_html(outline: Outline, findings: Sequence[Finding] | None = None) -> str:
    """One outline as a self-contained page. `findings` default to `check_outline`'s."""
    if findings is None:
        from ...lint import check_outline

        findings = check_outline(outline)
    main, bodies, items = outline_main(outline, findings)
    lines = {n.line for n in outline.walk()} | {
        n.line for a in outline.appendix for r in a.nodes for n in r.walk()
    }
    title = outline.title or document_name(outline, "提纲")
    levels = _depth(outline.nodes)
    facts = [document_name(outline), f"{items} 项 items", f"{levels} 层 levels"]
    if outline.line_count:
        facts.append(f"{outline.line_count} 行 lines")
    if outline.parts:
        facts.append(f"{sum(1 for p in outline.parts if p.title)} 部分 parts")
    header = (
        f"<h1>{esc(title)}</h1>"
        + (f'<p class="subtitle">{esc(outline.subtitle)}</p>' if outline.subtitle else "")
        + f'<p class="facts">{" · ".join(f"<span>{esc(f)}</span>" for f in facts if f)}</p>'
        + toolbar(levels, extra=copy_buttons())
        + findings_html(findings, lines)
    )
    data = {
        "bodies": bodies,
        "text": render_text(outline),
        "markdown": render_markdown(outline),
    }
    return page(kind="outline", title=f"{title} · 提纲", header=header, main=main, data=data)
