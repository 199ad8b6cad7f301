"""Mermaid `mindmap`: two spaces of indentation a level under a round root.

Mermaid reads brackets in a node's text as a shape, so text holding ( ) [ ] { } or
anything else it could misread is written as a quoted string node (`n3["…"]`); plain text
stays plain (an ASCII " inside a quoted node becomes ＂). Mermaid has no notes: `body` is ignored.
"""

from __future__ import annotations

import re
from typing import Any

from ..model import Node, Outline
from .tree_text import kept_children, root_text

INDENT = "  "
QUOTE = "\uff02"  # ＂: a quoted node cannot hold ", so the full-width form stands in for it
_UNSAFE = re.compile(r"[()\[\]{}\"`<>]|::|^\s*[-*+]|^\s*%%|^\s*\d+\.\s")


def node_text(text: str, key: str) -> str:
    text = " ".join(text.split())
    if not text:
        return f'{key}[" "]'
    if _UNSAFE.search(text):
        return f'{key}["{text.replace(chr(34), QUOTE)}"]'
    return text


def _add(out: list[str], node: Node, depth: int | None, serial: list[int]) -> None:
    serial[0] += 1
    out.append(INDENT * (node.level + 1) + node_text(node.label, f"n{serial[0]}"))
    for child in kept_children(node.children, depth):
        _add(out, child, depth, serial)


def render_mermaid(outline: Outline, *, depth: int | None = None, **_: Any) -> str:
    title = " ".join(root_text(outline).split()).replace('"', QUOTE)
    out = ["mindmap", f'{INDENT}root(("{title}"))']
    serial = [0]
    for node in kept_children(outline.nodes, depth):
        _add(out, node, depth, serial)
    return "\n".join(out) + "\n"
