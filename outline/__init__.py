"""tigang.outline — recover the numbered outline of a Chinese speech or report.

>>> from tigang.outline import parse_text
>>> outline = parse_text("一、总体要求\\n（一）指导思想。坚持稳中求进。\\n（二）主要目标。")
>>> [(n.marker.text, n.heading) for n in outline.walk()]
[('一、', '总体要求'), ('（一）', '指导思想'), ('（二）', '主要目标')]
"""

from .index import OutlineIndex
from .model import Anomaly, AnomalyKind, Appendix, Family, Marker, Node, Outline, Part, Placement, TocEntry
from .parser import parse_file, parse_text
from .source import InputError, read_source

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
