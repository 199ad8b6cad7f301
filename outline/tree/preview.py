"""A spoken table of contents: an inline run or list that only names the sections that follow.

下面，我讲三方面内容，一是2009年工作回顾；二是2010年总体要求；三是2010年工作重点。 and then
一、2009年工作回顾 / 二、… / 三、…: the run previews the sections, word for word. The conventions
annotate the body, not a table of contents that repeats its headings, so the run's items are
not nodes. A run that says something of its own (今天与你们沟通，一是听听你们的设想；二是…)
stays.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Node, Placement
from .runs import needs_run

_NOT_TEXT = re.compile(r"[\W_]+")
PREVIEW_MIN_CHARS = 4  # a shorter heading (一是学；二是干) names a section only word for word
PREVIEW_SLACK = 2  # sections after the run that its items may pass over


def without_previews(nodes: tuple[Node, ...]) -> tuple[Node, ...]:
    """The outline without the inline runs that preview the sections after them."""
    kept = _drop_previews(nodes)
    changed = kept is not nodes
    out = []
    for node in kept:
        children = without_previews(node.children) if node.children else node.children
        if children is not node.children:
            node = replace(node, children=children)
            changed = True
        out.append(node)
    return tuple(out) if changed else nodes


def _drop_previews(siblings: tuple[Node, ...]) -> tuple[Node, ...]:
    kept: list[Node] = []
    i = 0
    while i < len(siblings):
        run = _inline_run(siblings, i)
        if not (len(run) >= 2 and _previews(run, siblings[i + len(run) :])):
            kept.extend(run or siblings[i : i + 1])
        i += max(1, len(run))
    return siblings if len(kept) == len(siblings) else tuple(kept)


def _inline_run(siblings: tuple[Node, ...], start: int) -> tuple[Node, ...]:
    """The childless inline items of one style from `start` on: enumerators (一是…二是…), or
    a bracketed list (这个题目中，我想说明下列各问题：（一）积极防御和消极防御；（二）… before
    第一节　积极防御和消极防御 …)."""
    end = start
    while end < len(siblings):
        node = siblings[end]
        if (
            node.placement is Placement.LEAD
            or node.children
            or node.marker.style != siblings[start].marker.style
        ):
            break
        end += 1
    return siblings[start:end]


def _previews(run: tuple[Node, ...], after: tuple[Node, ...]) -> bool:
    """Each item of the run names, in order, one of the section-family items right after it
    (a first one may be missing from the run: its 一是 stood after a comma)."""
    sections: list[str] = []
    for node in after:
        if len(sections) > len(run) + PREVIEW_SLACK:
            break
        if not needs_run(node.marker):
            sections.append(_key(node.heading))
    at = 0
    for item in run:
        key = _key(item.heading)
        if not key:
            return False
        while at < len(sections) and not _names(key, sections[at]):
            at += 1
        if at == len(sections):
            return False
        at += 1
    return True


def _names(preview: str, heading: str) -> bool:
    """The preview names the heading: the same words (运动战 / 第七节　运动战), or, both long
    enough to say something, one inside the other."""
    if preview == heading:
        return True
    return min(len(preview), len(heading)) >= PREVIEW_MIN_CHARS and (preview in heading or heading in preview)


def _key(heading: str) -> str:
    return _NOT_TEXT.sub("", heading)
