"""The JSON contract of `tigang show --format json`, which other tools depend on:

    {"title": str | null, "outline": [{"level", "marker", "number", "heading", "line",
                                       "children": [...]}, ...]}

More keys are added (column, end_line, family, placement, anomalies, body; subtitle, toc,
parts, appendix …); the required ones never change meaning. `parts` lists the document's
unnumbered part titles with the range of top-level items each holds (`outline[start:end]`);
`appendix` holds back matter after the speech (附件, 名词解释) with its own items, which are
not in `outline`.
"""

from __future__ import annotations

import json
from typing import Any

from ..model import Node, Outline, PageMap


def node_to_dict(
    node: Node, *, body: bool = True, depth: int | None = None, pages: PageMap | None = None
) -> dict[str, Any]:
    data: dict[str, Any] = {
        "level": node.level,
        "marker": node.marker.text,
        "number": node.number,
        "heading": node.heading,
        "line": node.line,
        "column": node.column,
        "end_line": node.end_line,
        "family": node.marker.style,
        "placement": node.placement.value,
        "anomalies": [
            {"kind": a.kind.value, "found": a.found, "expected": a.expected, "text": str(a)}
            for a in node.anomalies
        ],
        "terminator": node.terminator,
        "bare": node.bare,
        "rule": node.rule,
    }
    if body:
        data["body"] = node.body
    where = pages.locate(node.line, node.column) if pages else None
    if where:  # a PDF: the page, and the line on it counted from the top
        data["page"], data["page_line"] = where
    keep = depth is None or node.level < depth
    data["children"] = (
        [node_to_dict(child, body=body, depth=depth, pages=pages) for child in node.children] if keep else []
    )
    return data


def outline_to_dict(outline: Outline, *, body: bool = True, depth: int | None = None) -> dict[str, Any]:
    return {
        "title": outline.title,
        "subtitle": outline.subtitle,
        "salutation": outline.salutation,
        "closing": {"line": outline.closing_line, "text": outline.closing} if outline.closing else None,
        "source": outline.source,
        "encoding": outline.encoding,
        "title_line": outline.title_line,
        "body_lines": list(outline.body_lines) if outline.body_lines else None,
        "toc": [{"marker": e.marker.text, "heading": e.heading, "line": e.line} for e in outline.toc],
        "noise_lines": list(outline.noise_lines),
        "meta": dict(outline.meta),  # reader notes: {"format": "docx", "heading_markers": …}
        "parts": [{"title": p.title, "line": p.line, "items": [p.start, p.end]} for p in outline.parts],
        "outline": [
            node_to_dict(node, body=body, depth=depth, pages=outline.pages) for node in outline.nodes
        ],
        "appendix": [
            {
                "title": a.title,
                "line": a.line,
                "outline": [
                    node_to_dict(node, body=body, depth=depth, pages=outline.pages) for node in a.nodes
                ],
            }
            for a in outline.appendix
        ],
    }


def render_json(
    outline: Outline, *, body: bool = True, depth: int | None = None, indent: int | None = 2, **_: Any
) -> str:
    return (
        json.dumps(outline_to_dict(outline, body=body, depth=depth), ensure_ascii=False, indent=indent) + "\n"
    )
