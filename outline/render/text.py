"""Plain indented text: two spaces a level, the marker as written, the heading."""

from __future__ import annotations

from typing import Any

from ..model import Node, Outline


def _first_sentence(body: str, limit: int = 60) -> str:
    for stop in "。！？；":
        at = body.find(stop)
        if 0 <= at < limit:
            return body[: at + 1]
    return body[:limit] + ("…" if len(body) > limit else "")


def iter_lines(nodes: tuple[Node, ...], depth: int | None, body: bool, indent: str = "  "):
    for node in nodes:
        if depth is not None and node.level > depth:
            continue
        pad = indent * (node.level - 1)
        yield f"{pad}{node.label}"
        if body and node.body:
            yield f"{pad}{indent}{_first_sentence(node.body)}"
        yield from iter_lines(node.children, depth, body, indent)


def render_text(outline: Outline, *, depth: int | None = None, body: bool = False, **_: Any) -> str:
    lines = [outline.title] if outline.title else []
    lines.extend(iter_lines(outline.nodes, depth, body))
    return "\n".join(lines) + "\n"
