"""Markdown: the title as `#`, the top two levels as `##`/`###` headings, deeper levels as
nested bullets. Re-parsing the result gives the same tree (a property test checks it)."""

from __future__ import annotations

from typing import Any

from ..model import Node, Outline

HEADING_LEVELS = 2


def _walk(nodes: tuple[Node, ...], depth: int | None, out: list[str]) -> None:
    for node in nodes:
        if depth is not None and node.level > depth:
            continue
        text = node.label
        if node.level <= HEADING_LEVELS:
            out.extend(["", f"{'#' * (node.level + 1)} {text}", ""])
        else:
            out.append(f"{'  ' * (node.level - HEADING_LEVELS - 1)}- {text}")
        _walk(node.children, depth, out)


def render_markdown(outline: Outline, *, depth: int | None = None, **_: Any) -> str:
    out: list[str] = [f"# {outline.title}"] if outline.title else []
    _walk(outline.nodes, depth, out)
    text = "\n".join(out).strip("\n")
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text + "\n"
