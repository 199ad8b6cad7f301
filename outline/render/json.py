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

from ..model import Outline


def outline_to_dict(outline: Outline, *, body: bool = True, depth: int | None = None) -> dict[str, Any]:
    """`Outline.to_dict` (kept for callers of the renderer)."""
    return outline.to_dict(body=body, depth=depth)


def render_json(
    outline: Outline, *, body: bool = True, depth: int | None = None, indent: int | None = 2, **_: Any
) -> str:
    return (
        json.dumps(outline_to_dict(outline, body=body, depth=depth), ensure_ascii=False, indent=indent) + "\n"
    )
