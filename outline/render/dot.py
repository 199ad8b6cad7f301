"""Graphviz DOT: the title as the root, one box per item, edges parent → child, laid out
left to right (`dot -Tsvg outline.dot > outline.svg`). With `body`, a node's body text is
its tooltip (shown on hover in SVG)."""

from __future__ import annotations

from typing import Any

from ..model import Node, Outline
from .tree_text import kept_children, root_text


def quoted(text: str) -> str:
    """A DOT double-quoted string: backslashes and quotes escaped, line ends as \\n."""
    text = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + text.replace("\r\n", "\n").replace("\n", "\\n") + '"'


def _add(out: list[str], node: Node, parent: str, depth: int | None, body: bool, serial: list[int]) -> None:
    serial[0] += 1
    key = f"n{serial[0]}"
    attrs = f"label={quoted(node.label)}"
    if body and node.body:
        attrs += f", tooltip={quoted(node.body)}"
    out.append(f"  {key} [{attrs}];")
    out.append(f"  {parent} -> {key};")
    for child in kept_children(node.children, depth):
        _add(out, child, key, depth, body, serial)


def render_dot(outline: Outline, *, depth: int | None = None, body: bool = False, **_: Any) -> str:
    out = [
        "digraph outline {",
        '  graph [rankdir=LR, charset="UTF-8"];',
        '  node [shape=box, style=rounded, fontname="Noto Sans SC"];',
        f"  n0 [label={quoted(root_text(outline))}, shape=ellipse];",
    ]
    serial = [0]
    for node in kept_children(outline.nodes, depth):
        _add(out, node, "n0", depth, body, serial)
    out.append("}")
    return "\n".join(out) + "\n"
