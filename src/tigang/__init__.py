"""tigang (提纲): recover and compare the numbered outlines of Chinese speeches and reports.

The Python API, for notebooks and scripts (docs/api.md)::

    >>> import tigang
    >>> outline = tigang.parse_text("一、总体要求\\n（一）指导思想。坚持稳中求进。\\n二、主要任务\\n")
    >>> [node.label for node in outline.walk()]
    ['一、总体要求', '（一）指导思想', '二、主要任务']
    >>> script = tigang.diff(outline, tigang.parse_text("一、总体要求\\n（一）指导思想\\n"))
    >>> round(script.structure, 2), script.count(tigang.Op.DELETE)
    (0.8, 1)

Names are loaded when first used: `import tigang` stays cheap (the `tigang` command imports
this package before it parses anything).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.2.0"

# name → module that defines it
_API = {
    "parse_file": "tigang.outline",
    "parse_text": "tigang.outline",
    "Outline": "tigang.outline",
    "Node": "tigang.outline",
    "Marker": "tigang.outline",
    "Family": "tigang.outline",
    "Part": "tigang.outline",
    "Appendix": "tigang.outline",
    "Anomaly": "tigang.outline",
    "InputError": "tigang.outline",
    "diff": "tigang.compare",
    "EditScript": "tigang.compare",
    "Edit": "tigang.compare",
    "Op": "tigang.compare",
    "compare_many": "tigang.compare.skeleton",
    "check_outline": "tigang.outline.lint",
}

__all__ = [
    "Anomaly",
    "Appendix",
    "Edit",
    "EditScript",
    "Family",
    "InputError",
    "Marker",
    "Node",
    "Op",
    "Outline",
    "Part",
    "__version__",
    "check_outline",
    "compare_many",
    "diff",
    "parse_file",
    "parse_text",
]

if TYPE_CHECKING:  # pragma: no cover
    from tigang.compare import Edit, EditScript, Op, diff
    from tigang.compare.skeleton import compare_many
    from tigang.outline import (
        Anomaly,
        Appendix,
        Family,
        InputError,
        Marker,
        Node,
        Outline,
        Part,
        parse_file,
        parse_text,
    )
    from tigang.outline.lint import check_outline


def __getattr__(name: str) -> Any:
    module = _API.get(name)
    if module is None:
        raise AttributeError(f"module 'tigang' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value
