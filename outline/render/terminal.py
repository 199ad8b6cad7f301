"""The terminal tree (rich): levels in colour, anomalies flagged, CJK widths handled by rich."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text
from rich.tree import Tree

from ..model import Node, Outline
from .text import _first_sentence

LEVEL_STYLES = ("bold cyan", "bold green", "yellow", "magenta", "blue", "white")


def build_tree(outline: Outline, *, depth: int | None = None, body: bool = False) -> Tree:
    root = Tree(Text(outline.title or "(无标题 untitled)", style="bold"), guide_style="dim")

    def add(parent: Tree, node: Node) -> None:
        style = LEVEL_STYLES[min(node.level, len(LEVEL_STYLES)) - 1]
        label = Text()
        label.append(node.marker.text, style=style)
        label.append(node.label[len(node.marker.text) :])
        label.append(f"  :{node.line}", style="dim")
        for anomaly in node.anomalies:
            label.append(f"  ⚠ {anomaly}", style="red")
        if body and node.body:
            label.append("\n" + _first_sentence(node.body), style="dim")
        branch = parent.add(label)
        for child in node.children:
            if depth is None or child.level <= depth:
                add(branch, child)

    for node in outline.nodes:
        add(root, node)
    if not outline.nodes:
        root.add(Text("(没有找到编号结构 no numbered outline found)", style="dim italic"))
    return root


def print_tree(outline: Outline, console: Console | None = None, **options) -> None:
    (console or Console()).print(build_tree(outline, **options))
