"""tigang.compare — align the outlines of different speeches and show what they share.

>>> from tigang.outline import parse_text
>>> from tigang.compare import diff
>>> a = parse_text("一、加强思想建设\\n二、狠抓工作落实\\n")
>>> b = parse_text("一、狠抓工作落实\\n二、推进思想建设\\n")
>>> script = diff(a, b)
>>> [(e.op.value, e.a, e.b) for e in script.edits]  # two sections swapped: one of them moved
[('move', (0,), (1,)), ('update', (0,), (1,)), ('keep', (1,), (0,))]
"""

from __future__ import annotations

from tigang.outline.model import Outline

from .align import Thresholds, align
from .script import Edit, EditScript, Op, edit_script


def diff(a: Outline, b: Outline, thresholds: Thresholds | None = None) -> EditScript:
    """The edit script that turns outline `a` into outline `b`, with a similarity score."""
    return edit_script(align(a, b, thresholds))


__all__ = ["Edit", "EditScript", "Op", "Thresholds", "diff", "edit_script"]
