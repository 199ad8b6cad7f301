"""Graphviz DOT: the title as the root, one box per item, edges parent → child, laid out
left to right (`dot -Tsvg outline.dot -o outline.svg`). With `body`, a node's body text is
its tooltip (shown on hover in SVG).

Chinese needs a font Graphviz can find. Every font name in the file is "Noto Sans SC", the
family of the font tigang installs (pylopdf-fonts-zh-cn), so wherever that font is known to
fontconfig — installed, or named by FONTCONFIG_FILE (docs/export.md) — Graphviz draws with
it and falls back to any other CJK font otherwise. (A `fontpath` attribute would not help:
Debian's Graphviz looks fonts up through fontconfig for its cairo and gd renderers alike.)
Labels are wrapped at about `max_chars` Chinese characters, lines left-aligned (`\\l`), the
way the diagrams wrap them, so a long heading is a paragraph, not a 1,500 px wide box.
"""

from __future__ import annotations

from typing import Any

from ..model import Node, Outline
from .tree_text import kept_children, root_text
from .wrap import wrap

FONT_FAMILY = "Noto Sans SC"  # the family name inside the packaged NotoSansSC-Regular.otf
# One line of a label, in terminal cells (a CJK character is two).
LINE_CELLS = 32


def quoted(text: str) -> str:
    """A DOT double-quoted string: backslashes and quotes escaped, line ends as \\n."""
    text = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + text.replace("\r\n", "\n").replace("\n", "\\n") + '"'


def wrapped(text: str, *, keep: int = 0, cells: int = LINE_CELLS) -> str:
    """A DOT label of `text` in lines of at most `cells` cells, each ended by \\l (left-aligned),
    the first `keep` characters (the marker) kept on the first line."""
    text = " ".join(text.split())
    lines = wrap(text, cells, keep_start=keep) if text else [""]
    escaped = [line.replace("\\", "\\\\").replace('"', '\\"') for line in lines]
    return '"' + "".join(line + "\\l" for line in escaped) + '"'


def _add(out: list[str], node: Node, parent: str, depth: int | None, body: bool, serial: list[int]) -> None:
    serial[0] += 1
    key = f"n{serial[0]}"
    attrs = f"label={wrapped(node.label, keep=len(node.marker.text))}"
    if body and node.body:
        attrs += f", tooltip={quoted(node.body)}"
    out.append(f"  {key} [{attrs}];")
    out.append(f"  {parent} -> {key};")
    for child in kept_children(node.children, depth):
        _add(out, child, key, depth, body, serial)


def render_dot(outline: Outline, *, depth: int | None = None, body: bool = False, **_: Any) -> str:
    font = f'fontname="{FONT_FAMILY}"'
    out = [
        "digraph outline {",
        f'  graph [rankdir=LR, charset="UTF-8", nodesep=0.12, ranksep=0.35, {font}];',
        f'  node [shape=box, style="rounded,filled", fillcolor="#f8fafc", color="#94a3b8", {font}, fontsize=11];',
        f'  edge [color="#94a3b8", arrowhead=none, {font}];',
        f'  n0 [label={wrapped(root_text(outline))}, fillcolor="#1e3a8a", color="#1e3a8a", '
        'fontcolor="#ffffff", fontsize=13];',
    ]
    serial = [0]
    for node in kept_children(outline.nodes, depth):
        _add(out, node, "n0", depth, body, serial)
    out.append("}")
    return "\n".join(out) + "\n"
