"""The terminal tree (rich): levels in colour, anomalies flagged, CJK widths handled by rich."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text
from rich.tree import Tree

from ..model import Node, Outline
from .text import INNER_SPACE, _first_sentence
from .wrap import wrap

LEVEL_STYLES = ("bold cyan", "bold green", "yellow", "magenta", "blue", "white")


def build_tree(
    outline: Outline,
    *,
    depth: int | None = None,
    body: bool = False,
    appendix: bool = False,
    explain: bool = False,
    width: int = 80,
) -> Tree:
    """The outline as a rich Tree: part titles as group headers over their items, and the
    appendix after them (its items only with `appendix`). Labels wrap within `width`; with
    `explain`, each item names the placement rule that decided its level."""
    max_depth = depth
    root = Tree(Text(outline.title or "(无标题 untitled)", style="bold"), guide_style="dim")

    def add(parent: Tree, node: Node, depth: int = 1) -> None:
        style = LEVEL_STYLES[min(node.level, len(LEVEL_STYLES)) - 1]
        rest = INNER_SPACE.sub("", node.label[len(node.marker.text) :])  # 第二节 监  护 → 监护
        suffix = f"  :{outline.where(node)}"  # p3:12 for a PDF
        because = f"  ← {node.rule}" if explain and node.rule else ""
        plain = node.marker.text + rest + suffix + because
        # rich would break anywhere (第一条 alone on a line, :23 alone below): wrap here, the
        # marker kept with the first characters and the line number with the last ones.
        lines = wrap(
            plain, width - 4 * depth, keep_start=len(node.marker.text) + 2, keep_end=len(suffix + because) + 2
        )
        label = Text()
        label.append(node.marker.text, style=style)
        label.append(rest)
        label.append(suffix, style="dim")
        label.append(because, style="italic blue")
        if len(lines) > 1:
            cuts, at = [], 0
            for line in lines[:-1]:
                at += len(line)
                cuts.append(at)
            label = Text("\n").join(label.divide(cuts))
        for anomaly in node.anomalies:
            label.append(f"  ⚠ {anomaly}", style="red")
        if body and node.body:
            label.append("\n" + _first_sentence(node.body), style="dim")
        branch = parent.add(label)
        for child in node.children:
            if max_depth is None or child.level <= max_depth:
                add(branch, child, depth + 1)

    if outline.parts:
        for part in outline.parts:
            header = Text(part.title or "(开头 opening)", style="bold dim")
            if part.line:
                header.append(f"  :{part.line}", style="dim")
            group = root.add(header)
            for node in outline.nodes[part.start : part.end]:
                add(group, node, 2)
    else:
        for node in outline.nodes:
            add(root, node)
    if not outline.nodes:
        root.add(Text("(没有找到编号结构 no numbered outline found)", style="dim italic"))
    for back in outline.appendix:
        count = sum(1 for n in back.nodes for _ in n.walk())
        label = Text(f"附录 {back.title}", style="dim italic")
        label.append(f"  :{back.line}", style="dim")
        if not appendix:
            label.append(f"  ({count} 项 items; --appendix)", style="dim")
        branch = root.add(label)
        if appendix:
            for node in back.nodes:
                add(branch, node, 2)
    return root


def print_tree(outline: Outline, console: Console | None = None, *, explain: bool = False, **options) -> None:
    console = console or Console()
    console.print(build_tree(outline, width=console.width, explain=explain, **options))
    if explain:
        # Only the legend needs these: rich's tables and the rule registry cost 10–15 ms of a
        # start that `show` keeps short.
        from rich.table import Table

        from ..heuristics import rules_used

        legend = Table.grid(padding=(0, 2))
        legend.add_column(style="italic blue", no_wrap=True)
        legend.add_column(overflow="fold")
        for name, summary in rules_used(outline, options.get("depth")):
            legend.add_row(name, summary)
        console.print(legend)
