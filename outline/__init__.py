"""tigang.outline — recover the numbered outline of a Chinese speech or report.

>>> from tigang.outline import parse_text
>>> outline = parse_text("一、总体要求\\n（一）指导思想。坚持稳中求进。\\n（二）主要目标。")
>>> [(n.marker.text, n.heading) for n in outline.walk()]
[('一、', '总体要求'), ('（一）', '指导思想'), ('（二）', '主要目标')]
"""

from typing import TYPE_CHECKING, Any

from .model import Anomaly, AnomalyKind, Appendix, Family, Marker, Node, Outline, Part, Placement, TocEntry
from .parser import parse_file, parse_text
from .source import InputError, read_source

if TYPE_CHECKING:
    from .index import OutlineIndex


def __getattr__(name: str) -> Any:
    # The index is for lint and compare; `show` does not pay for its import.
    if name == "OutlineIndex":
        from .index import OutlineIndex

        return OutlineIndex
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "Anomaly",
    "AnomalyKind",
    "Appendix",
    "Family",
    "InputError",
    "Marker",
    "Node",
    "Outline",
    "OutlineIndex",
    "Part",
    "Placement",
    "TocEntry",
    "parse_file",
    "parse_text",
    "read_source",
]
