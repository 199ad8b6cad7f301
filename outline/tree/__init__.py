"""Deciding levels: marker hits in document order → the outline tree.

Levels come from the document, not from a fixed table of styles. The package, by job:

* `runs` — which inline enumerators are items (a run of two or more that includes the first);
* `placement` — each kept hit placed under the open items (the placement rules);
* `headings` — an item's heading and body cut from its text, and its marker's column;
* `numbering` — the places of 然后/最后, and numbering slips among siblings;
* `preview` — a spoken table of contents (一是…二是… naming the sections after it) dropped;
* here — `build_tree`: placement repeated until no lone enumerator is left, the drafts frozen
  into `Node`s, and the parts that unnumbered part titles make.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from ..lexicon import PLACEMENT_ROUNDS
from ..model import Node, Part
from .headings import column, heading_and_body
from .numbering import number_run
from .placement import Draft, Event, heading_ranks, place
from .preview import without_previews
from .runs import join_mixed_runs, lone_enumerators, prefilter_runs, without

__all__ = ["Event", "build_tree"]


def build_tree(events: Sequence[Event]) -> tuple[tuple[Node, ...], tuple[Part, ...]]:
    """Build the outline from body paragraphs (lone enumerators are dropped first), and the
    parts its unnumbered part titles make."""
    join_mixed_runs(events)
    kept, lead_styles = prefilter_runs(events)
    ranks = heading_ranks(events)
    for _ in range(PLACEMENT_ROUNDS):
        roots = place(events, kept, ranks)
        lone = lone_enumerators(roots, lead_styles)
        if not lone:
            break
        if all(not d.children for d in lone):
            # Nothing was placed under a childless item, so dropping it is what re-placing
            # without it would give; most lone enumerators are one-line prose like this.
            roots = without(roots, {id(d) for d in lone})
            break
        kept -= {id(d.hit) for d in lone}
    running: dict[str, int] = {}
    fresh = {i for i, d in enumerate(roots) if d.fresh or (i and d.part != roots[i - 1].part)}
    nodes = number_run(tuple(_freeze(d, d.level, running) for d in roots), running, fresh)
    return without_previews(nodes), _parts(events, roots)


def _parts(events: Sequence[Event], roots: list[Draft]) -> tuple[Part, ...]:
    """The part each top-level item stands in, as ranges of `roots`."""
    titles = [e.paragraph for e in events if e.closes_all]
    if not titles:
        return ()
    parts: list[Part] = []
    start = 0
    for i in range(1, len(roots) + 1):
        if i == len(roots) or roots[i].part != roots[start].part:
            number = roots[start].part
            title = titles[number] if number >= 0 else None
            parts.append(Part(title.text if title else None, title.first_line if title else None, start, i))
            start = i
    # A part title with nothing under it (the document is cut off) is still a part.
    filled = [(roots[p.start].part, p.start) for p in parts if p.end > p.start]  # in part order
    placed = {number for number, _ in filled}
    for number, title in enumerate(titles):
        if number not in placed:
            k = bisect_right(filled, (number, len(roots)))  # the first filled part after this one
            at = filled[k][1] if k < len(filled) else len(roots)
            parts.append(Part(title.text, title.first_line, at, at))
    return tuple(sorted(parts, key=lambda p: (p.start, p.end > p.start, p.line or 0)))


def _freeze(draft: Draft, level: int, running: dict[str, int]) -> Node:
    children = tuple(_freeze(c, level + 1, running) for c in draft.children)
    children = number_run(children, running, {i for i, c in enumerate(draft.children) if c.fresh})
    hit, paragraph = draft.hit, draft.paragraph
    index = paragraph.line_index(hit.offset)
    line = paragraph.lines[index]
    heading, body, end_line, terminator, bare = heading_and_body(draft)
    return Node(
        marker=hit.marker,
        number=hit.marker.number,
        heading=heading,
        line=line.number,
        column=column(line.raw, hit.marker.text, hit.offset - paragraph.starts[index]),
        end_line=max(end_line, line.number),
        level=level,
        placement=hit.placement,
        body=body,
        terminator=terminator,
        bare=bare,
        children=children,
        rule=draft.rule,
    )
