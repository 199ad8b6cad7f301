"""Plain indented text: two spaces a level, the marker as written, the heading."""

from __future__ import annotations

import re
from typing import Any

from ..model import Node, Outline

# Spaces a title spreads its characters with (第二节  监  护, with ideographic or en spaces):
# not part of the words.
INNER_SPACE = re.compile(r"(?<=[\u4e00-\u9fff])[^\S\r\n]+(?=[\u4e00-\u9fff])")


def _first_sentence(body: str, limit: int = 60) -> str:
    for stop in "。！？；":
        at = body.find(stop)
        if 0 <= at < limit:
            return body[: at + 1]
    return body[:limit] + ("…" if len(body) > limit else "")


def iter_lines(
    nodes: tuple[Node, ...], depth: int | None, body: bool, indent: str = "  ", explain: bool = False
):
    for node in nodes:
        if depth is not None and node.level > depth:
            continue
        pad = indent * (node.level - 1)
        yield f"{pad}{node.label}" + (f"  ← {node.rule}" if explain and node.rule else "")
        if body and node.body:
            yield f"{pad}{indent}{_first_sentence(node.body)}"
        yield from iter_lines(node.children, depth, body, indent, explain)


def render_text(
    outline: Outline, *, depth: int | None = None, body: bool = False, explain: bool = False, **_: Any
) -> str:
    """With `explain`, each item names the placement rule that decided its level, and a legend
    of the rules used follows the outline."""
    lines = [outline.title] if outline.title else []
    lines.extend(iter_lines(outline.nodes, depth, body, explain=explain))
    if explain:
        from ..heuristics import rules_used  # the registry only for the legend: start-up

        lines += ["", *(f"{name}  {summary}" for name, summary in rules_used(outline, depth))]
    return "\n".join(lines) + "\n"
