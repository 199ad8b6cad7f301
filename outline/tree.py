"""Deciding levels: marker hits in document order → the outline tree.

Levels come from the document, not from a fixed table of styles. An open-item stack holds
the chain from the top level to the current item:

* a hit whose style is on the stack closes back to that item and becomes its sibling;
* a hit of a new style nests under the item on top of the stack;
* an inline item (after 。；：！？) ends with its paragraph, so at every paragraph start the
  inline items on top of the stack are closed; and the last item of an inline run does
  not swallow a new run that follows it in the same paragraph (…三是…。…：一要…二要…);
* a paragraph that turns to the audience (各位代表，…) or an unnumbered part title
  (2020年工作总结) closes everything, so a run after it starts again at level 1.

Inline enumerators (一是, 一要, 第一，, 首先, 一方面) are items only as a run of two or more:
lone ones are prose. That is checked on the built tree (an enumerator with no sibling of its
style is dropped) and the tree is rebuilt until nothing changes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise

from .markers import MarkerHit
from .model import Family, Node, Placement
from .paragraphs import Paragraph

HEADING_STOPS = re.compile(r"[。！？；!?;]")
_TRAILING = " \t\u3000\u2002\u2003，,、：:；;。！？!?…—-"
# Sequence words that may follow each other in one run (首先 … 其次 … 再次 … 然后 … 最后).
_SEQUENCE_NEXT = {
    "首先": {"其次", "再次", "然后", "最后"},
    "其次": {"再次", "然后", "最后"},
    "再次": {"再次", "然后", "最后"},
    "然后": {"然后", "最后"},
    "最后": set(),
}


@dataclass(slots=True)
class Event:
    """A paragraph of the body: its hits, and whether it closes all open sections."""

    paragraph: Paragraph
    hits: list[MarkerHit]
    closes_all: bool = False  # an unnumbered part title
    addresses_audience: bool = False  # 各位代表，… / 同志们！


@dataclass(slots=True)
class _Draft:
    hit: MarkerHit
    paragraph: Paragraph
    level: int
    children: list[_Draft] = field(default_factory=list)
    heading_end: int = 0
    body: list[str] = field(default_factory=list)
    end_line: int = 0


def follows(previous: MarkerHit, hit: MarkerHit) -> bool:
    """`hit` can be the next item after `previous` in one run of the same style."""
    a, b = previous.marker, hit.marker
    if a.style != b.style:
        return False
    if a.family is Family.SEQUENCE:
        return b.text[:2] in _SEQUENCE_NEXT[a.text[:2]]
    return b.number == a.number + 1


def build_tree(events: Sequence[Event]) -> tuple[Node, ...]:
    """Build the outline from body paragraphs; lone enumerators are dropped first."""
    kept, lead_styles = _prefilter_runs(events)
    for _ in range(4):
        roots = _place(events, kept)
        lone = _lone_enumerators(roots, lead_styles)
        if not lone:
            break
        kept -= lone
    return tuple(_freeze(d, d.level) for d in roots)


def _key(event: Event, hit: MarkerHit) -> tuple[int, int]:
    return event.paragraph.index, hit.offset


def _prefilter_runs(events: Sequence[Event]) -> tuple[set[tuple[int, int]], set[str]]:
    """Keep section-family hits; keep an enumerator only if the nearest hit of its style
    before or after it continues a run with it. A comma-led first item needs its second item
    in the same paragraph, after ；."""
    flat = [(e, h) for e in events for h in e.hits]
    kept: set[tuple[int, int]] = set()
    by_style: dict[str, list[tuple[Event, MarkerHit]]] = {}
    for event, hit in flat:
        if hit.marker.family.is_enumerator:
            by_style.setdefault(hit.marker.style, []).append((event, hit))
        else:
            kept.add(_key(event, hit))
    lead_styles = _lead_run_styles(items for items in by_style.values())
    for items in by_style.values():
        for i, (event, hit) in enumerate(items):
            nxt = items[i + 1] if i + 1 < len(items) else None
            prev = items[i - 1] if i else None
            if hit.placement is Placement.AFTER_COMMA:
                ok = (
                    nxt is not None
                    and nxt[0] is event
                    and nxt[1].placement is Placement.INLINE
                    and follows(hit, nxt[1])
                    and event.paragraph.text[nxt[1].offset - 1] in "；;"
                )
            else:
                ok = bool(
                    (nxt and follows(hit, nxt[1]) and nxt[1].placement is not Placement.AFTER_COMMA)
                    or (prev and follows(prev[1], hit))
                )
            if ok or (hit.placement is Placement.LEAD and hit.marker.style in lead_styles):
                kept.add(_key(event, hit))
    return kept, lead_styles


def _lead_run_styles(groups) -> set[str]:
    """Styles the document uses as paragraph-leading runs (第一，… 第二，… at paragraph starts).
    A lone item of such a style still counts: the run was cut off or restarts in a new part."""
    styles = set()
    for items in groups:
        for (_, a), (_, b) in pairwise(items):
            if a.placement is b.placement is Placement.LEAD and follows(a, b):
                styles.add(a.marker.style)
    return styles


def _run_continues(event: Event, hit: MarkerHit, kept: set[tuple[int, int]]) -> bool:
    """Another item of `hit`'s run comes later in the same paragraph."""
    return any(
        other.offset > hit.offset and _key(event, other) in kept and follows(hit, other)
        for other in event.hits
    )


def _place(events: Sequence[Event], kept: set[tuple[int, int]]) -> list[_Draft]:
    roots: list[_Draft] = []
    stack: list[_Draft] = []
    # After a paragraph that turns to the audience, inline runs speak of the whole part and
    # start at level 1; the next paragraph-leading marker resumes the open sections.
    suspended: list[_Draft] | None = None
    for event in events:
        paragraph = event.paragraph
        if event.closes_all:
            stack.clear()
            suspended = None
            continue
        while stack and stack[-1].hit.placement is not Placement.LEAD:
            stack.pop()
        if event.addresses_audience and stack:
            suspended = stack
            stack = []
        hits = [h for h in event.hits if _key(event, h) in kept]
        first = hits[0].offset if hits else len(paragraph.text)
        if stack and first > 0:  # text before the first marker belongs to the open item
            stack[-1].body.append(paragraph.text[:first])
            stack[-1].end_line = paragraph.line_at(first - 1).number
        for i, hit in enumerate(hits):
            if suspended is not None and hit.placement is Placement.LEAD:
                stack, suspended = suspended, None
            style = hit.marker.style
            on_stack = next(
                (j for j in range(len(stack) - 1, -1, -1) if stack[j].hit.marker.style == style), None
            )
            if on_stack is not None:
                del stack[on_stack:]
            else:
                # The last item of an inline run does not contain a new run after it.
                while (
                    stack
                    and stack[-1].hit.placement is not Placement.LEAD
                    and stack[-1].paragraph is paragraph
                    and not _run_continues(event, stack[-1].hit, kept)
                ):
                    stack.pop()
            draft = _Draft(hit, paragraph, len(stack) + 1)
            nxt = hits[i + 1].offset if i + 1 < len(hits) else len(paragraph.text)
            _fill_heading(draft, nxt)
            (stack[-1].children if stack else roots).append(draft)
            stack.append(draft)
    return roots


def _fill_heading(draft: _Draft, next_offset: int) -> None:
    paragraph, hit = draft.paragraph, draft.hit
    start = hit.offset + hit.length
    end = min(paragraph.line_end(start) if start < len(paragraph.text) else len(paragraph.text), next_offset)
    stop = HEADING_STOPS.search(paragraph.text, start, end)
    draft.heading_end = stop.start() if stop else end
    rest = paragraph.text[draft.heading_end : next_offset].lstrip("。！？；!?;")
    if rest:
        draft.body.append(rest)
    draft.end_line = (
        paragraph.line_at(max(start, next_offset - 1)).number if paragraph.text else paragraph.first_line
    )


def heading_text(raw: str) -> str:
    return raw.strip().rstrip(_TRAILING).strip()


def _lone_enumerators(roots: list[_Draft], lead_styles: set[str]) -> set[tuple[int, int]]:
    lone: set[tuple[int, int]] = set()

    def visit(children: list[_Draft]) -> None:
        styles: dict[str, list[_Draft]] = {}
        for child in children:
            if child.hit.marker.family.is_enumerator:
                styles.setdefault(child.hit.marker.style, []).append(child)
            visit(child.children)
        for style, group in styles.items():
            paired = set()
            for a, b in pairwise(group):
                if follows(a.hit, b.hit):
                    paired.update((id(a), id(b)))
            lone.update(
                (d.paragraph.index, d.hit.offset)
                for d in group
                if id(d) not in paired and not (d.hit.placement is Placement.LEAD and style in lead_styles)
            )

    visit(roots)
    return lone


def _freeze(draft: _Draft, level: int) -> Node:
    children = tuple(_freeze(c, level + 1) for c in draft.children)
    children = _number_run(children)
    hit, paragraph = draft.hit, draft.paragraph
    line = paragraph.line_at(hit.offset)
    column = _column(
        line.raw, hit.marker.text, hit.offset - paragraph.starts[paragraph.line_index(hit.offset)]
    )
    start = hit.offset + hit.length
    return Node(
        marker=hit.marker,
        number=hit.marker.number,
        heading=heading_text(paragraph.text[start : draft.heading_end]),
        line=line.number,
        column=column,
        end_line=max(draft.end_line, line.number),
        level=level,
        placement=hit.placement,
        body="".join(draft.body).strip(),
        children=children,
    )


def _column(raw: str, marker_text: str, offset_in_clean: int) -> int:
    """1-based column of the marker on its raw line (markup shifts the cleaned offset)."""
    found = raw.find(marker_text, max(0, offset_in_clean - 8))
    if found < 0:
        found = raw.find(marker_text)
    return (found if found >= 0 else offset_in_clean) + 1


def _number_run(children: tuple[Node, ...]) -> tuple[Node, ...]:
    """Give 然后/最后 their place in the run, and record skipped, repeated and restarted numbers."""
    if not children:
        return children
    out: list[Node] = []
    last: dict[str, Node] = {}
    for child in children:
        style = child.marker.style
        before = last.get(style)
        number = child.number
        anomalies: list[str] = []
        if child.marker.family is Family.SEQUENCE and number == 0:
            number = (before.number + 1) if before else 1
        elif before is None:
            if number != 1:
                anomalies.append(f"starts at {number}")
        elif number == before.number:
            anomalies.append(f"repeated: {child.marker.text} again after {before.marker.text}")
        elif number == 1:
            anomalies.append(f"restarted: {child.marker.text} after {before.marker.text}")
        elif number != before.number + 1:
            anomalies.append(f"skipped: expected {before.number + 1}, found {number}")
        if number != child.number or anomalies:
            child = replace(child, number=number, anomalies=tuple(anomalies))
        last[style] = child
        out.append(child)
    return tuple(out)
