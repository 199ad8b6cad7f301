"""Markdown: the title as `#`, the top two levels as `##`/`###` headings, deeper levels as
nested bullets. Re-parsing the result gives the same tree (a property test checks it).
With `body`, each item's body text follows it: a paragraph under a heading, an indented
continuation under a bullet."""

from __future__ import annotations

from typing import Any

from ..model import Node, Outline

HEADING_LEVELS = 2


def _walk(nodes: tuple[Node, ...], depth: int | None, out: list[str], body: bool) -> None:
    for node in nodes:
        if depth is not None and node.level > depth:
            continue
        text = node.label
        note = " ".join(node.body.split()) if body else ""
        if node.level <= HEADING_LEVELS:
            out.extend(["", f"{'#' * (node.level + 1)} {text}", ""])
            if note:
                out.extend([note, ""])
        else:
            pad = "  " * (node.level - HEADING_LEVELS - 1)
            out.append(f"{pad}- {text}")
            if note:
                out.append(f"{pad}  {note}")
        _walk(node.children, depth, out, body)


def render_markdown(outline: Outline, *, depth: int | None = None, body: bool = False, **_: Any) -> str:
    out: list[str] = [f"# {outline.title}"] if outline.title else []
    _walk(outline.nodes, depth, out, body)
    text = "\n".join(out).strip("\n")
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text + "\n"
