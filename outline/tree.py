"""Deciding levels: marker hits in document order → the outline tree.

Levels come from the document, not from a fixed table of styles. An open-item stack holds
the chain from the top level to the current item:

* a hit whose style is on the stack closes back to that item and becomes its sibling;
* a hit of a new style nests under the item on top of the stack;
* an inline item (after 。；：！？) ends with its paragraph, so at every paragraph start the
  inline items on top of the stack are closed; and the last item of an inline run does
  not swallow a new run that follows it in the same paragraph (…三是…。…：一要…二要…);
* an unnumbered part title (2020年工作总结, followed by numbering that starts again) closes
  everything, so a run after it starts at level 1; after a paragraph that turns to the
  audience (各位代表，…) inline runs start at level 1 and the next paragraph-leading marker
  resumes the open sections;
* a list that starts again at 1 inside an open item of its own style is that item's child
  (inline, or on lines after a lead-in ending in ：, until an item ends with 。);
* a text that starts mid-way (（一）（二）… then 二、) closes the orphan items when a
  higher-ranked marker continues its run;
* markdown heading levels and list indentation, where present, state the depth outright.

Inline enumerators (一是, 一要, 第一，, 首先, 一方面) are items only as a run of two or more
that includes the first item: lone ones are prose. Runs are found as chains (a run inside an
item of its own run nests), checked again on the built tree, and the tree is rebuilt without
the lone ones until nothing changes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise

from .markers import MarkerHit
from .model import Anomaly, AnomalyKind, Family, Node, Part, Placement
from .paragraphs import Paragraph

HEADING_STOPS = re.compile(r"[。！？；!?;]")
# The usual order of section markers (公文: 一、 （一） 1. （1） ①), used only where the document
# itself cannot tell: a run that continues (二、) with its start cut off.
_RANK = {
    Family.SECTION: 0,
    Family.PAREN_SECTION: 1,
    Family.ARABIC: 2,
    Family.ARABIC_CLOSE: 3,
    Family.PAREN_ARABIC: 3,
    Family.CIRCLED: 4,
}
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
    sums_up: bool = False  # 回顾过去五年…体会：/ 我们也清醒认识到…：(speaks of the whole section)


@dataclass(slots=True)
class _Draft:
    """A placed hit. Placement may run twice (lone enumerators dropped), so it records only
    where the item's text lies; headings and bodies are cut once, when the tree is frozen."""

    hit: MarkerHit
    paragraph: Paragraph
    level: int
    next_offset: int  # where the next kept marker of the paragraph starts (or its end)
    children: list[_Draft] = field(default_factory=list)
    spans: list[tuple[Paragraph, int, int]] = field(default_factory=list)  # later body text
    sublist: bool = False  # an item of a same-style list nested after a lead-in ending in ：
    event: int = 0  # index of the event (paragraph) it was placed in
    fresh: bool = False  # starts a new list of its style after a lead-in: not a numbering slip
    part: int = -1  # the unnumbered part title it stands under (-1: before any)


def needs_run(marker) -> bool:
    """Markers that are items only as a run of two or more from 1: the inline enumerators
    (一是, 第一，, 首先), and `1 总则` (a number, a space: in a hard-wrapped text, `189 亿元`
    at a line start is a figure)."""
    return marker.family.is_enumerator or marker.style == "arabic:space"


def follows(previous: MarkerHit, hit: MarkerHit) -> bool:
    """`hit` can be the next item after `previous` in one run of the same style. A number
    skipped or repeated by a slip (一是 二是 四是) still continues the run; the tree records
    the slip as an anomaly and `check` reports it."""
    a, b = previous.marker, hit.marker
    if a.style != b.style:
        return False
    if a.family is Family.SEQUENCE:
        return b.text[:2] in _SEQUENCE_NEXT[a.text[:2]]
    return a.number <= b.number <= a.number + 2 and b.number > 1


def build_tree(events: Sequence[Event]) -> tuple[tuple[Node, ...], tuple[Part, ...]]:
    """Build the outline from body paragraphs (lone enumerators are dropped first), and the
    parts its unnumbered part titles make."""
    kept, lead_styles = _prefilter_runs(events)
    ranks = _heading_ranks(events)
    for _ in range(4):
        roots = _place(events, kept, ranks)
        lone = _lone_enumerators(roots, lead_styles)
        if not lone:
            break
        if all(not d.children for d in lone):
            # Nothing was placed under a childless item, so dropping it is what re-placing
            # without it would give; most lone enumerators are one-line prose like this.
            roots = _without(roots, {id(d) for d in lone})
            break
        kept -= {id(d.hit) for d in lone}
    running: dict[str, int] = {}
    fresh = {i for i, d in enumerate(roots) if d.fresh or (i and d.part != roots[i - 1].part)}
    nodes = _number_run(tuple(_freeze(d, d.level, running) for d in roots), running, fresh)
    return nodes, _parts(events, roots)


def _parts(events: Sequence[Event], roots: list[_Draft]) -> tuple[Part, ...]:
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
    placed = {roots[p.start].part for p in parts} if roots else set()
    for number, title in enumerate(titles):
        if number not in placed:
            at = next((p.start for p in parts if roots[p.start].part > number), len(roots))
            parts.append(Part(title.text, title.first_line, at, at))
    return tuple(sorted(parts, key=lambda p: (p.start, p.end > p.start, p.line or 0)))


def _prefilter_runs(events: Sequence[Event]) -> tuple[set[int], set[str]]:
    """Keep section-family hits; keep an enumerator only if the nearest hit of its style
    before or after it continues a run with it. A comma-led first item needs its second item
    in the same paragraph, after ；."""
    flat = [(e, h) for e in events for h in e.hits]
    kept: set[int] = set()
    by_style: dict[str, list[tuple[Event, MarkerHit]]] = {}
    for event, hit in flat:
        if needs_run(hit.marker):
            by_style.setdefault(hit.marker.style, []).append((event, hit))
        else:
            kept.add(id(hit))  # hits live as long as the events: identity is a stable key
    lead_styles = _lead_run_styles(items for items in by_style.values())
    for items in by_style.values():
        for chain in _chains(items):
            if _is_run([hit for _, hit in chain]):
                kept.update(id(hit) for _, hit in chain)
        for _, hit in items:  # a lone lead item of a lead-run style: see _lone_enumerators
            if hit.placement is Placement.LEAD and hit.marker.style in lead_styles:
                kept.add(id(hit))
    return kept, lead_styles


def _chains(items: list[tuple[Event, MarkerHit]]) -> list[list[tuple[Event, MarkerHit]]]:
    """Consecutive hits of one style that follow each other (一是 → 二是 → 三是). A comma-led
    first item starts a chain only when its second item follows in the same paragraph, after ；."""
    chains: list[list[tuple[Event, MarkerHit]]] = []
    open_chains: list[list[tuple[Event, MarkerHit]]] = []  # a run inside an item of its own run nests
    for i, (event, hit) in enumerate(items):
        if hit.placement is Placement.AFTER_COMMA:
            nxt = items[i + 1] if i + 1 < len(items) else None
            if (
                nxt is not None
                and nxt[0] is event
                and nxt[1].placement is Placement.INLINE
                and follows(hit, nxt[1])
                and event.paragraph.text[nxt[1].offset - 1] in "；;"
            ):
                open_chains.append([(event, hit)])
            continue
        # The innermost chain this item continues exactly (二是 after 一是), else a tolerant
        # continuation (a skipped or repeated number) of the innermost chain.
        at = next(
            (k for k in range(len(open_chains) - 1, -1, -1) if _exactly_follows(open_chains[k][-1][1], hit)),
            None,
        )
        if at is None and open_chains and follows(open_chains[-1][-1][1], hit) and hit.marker.number != 1:
            at = len(open_chains) - 1
        if at is not None:
            chains.extend(open_chains[at + 1 :])  # inner runs end where the outer one goes on
            del open_chains[at + 1 :]
            open_chains[at].append((event, hit))
        elif hit.marker.number in (1, 0) or hit.marker.text.startswith("首先"):
            open_chains.append([(event, hit)])  # a new run, maybe inside an item of another
        else:
            chains.extend(open_chains)
            open_chains = [[(event, hit)]]
    chains.extend(open_chains)
    return [c for c in chains if c]


def _exactly_follows(previous: MarkerHit, hit: MarkerHit) -> bool:
    a, b = previous.marker, hit.marker
    if a.style != b.style:
        return False
    if a.family is Family.SEQUENCE:
        return follows(previous, hit)
    return b.number == a.number + 1


def _is_run(hits: list[MarkerHit]) -> bool:
    """Two or more items that include the first one: a lone 二是, even twice, is prose."""
    return len(hits) >= 2 and any(h.marker.number == 1 for h in hits)


def _lead_run_styles(groups) -> set[str]:
    """Styles the document uses as paragraph-leading runs (第一，… 第二，… at paragraph starts).
    A lone item of such a style still counts: the run was cut off or restarts in a new part."""
    styles = set()
    for items in groups:
        for (_, a), (_, b) in pairwise(items):
            if a.placement is b.placement is Placement.LEAD and follows(a, b):
                styles.add(a.marker.style)
    return styles


def _run_continues(event: Event, hit: MarkerHit, kept: set[int]) -> bool:
    """Another item of `hit`'s run comes later in the same paragraph."""
    return any(
        other.offset > hit.offset and id(other) in kept and follows(hit, other) for other in event.hits
    )


def _nested_restart(
    hit: MarkerHit,
    stack: list[_Draft],
    on_stack: int,
    paragraph: Paragraph,
    lead_in: bool,
    events: Sequence[Event],
    k: int,
    kept: set[int],
) -> bool:
    """A list that starts again at 1 while an item of its own style is open: that item's
    child, or a new list beside it?

    A child — a second （一） cannot follow the first — inline (（一）发展形势 … 两种趋势：
    （一）是…；（二）是…), or on lines of its own after a lead-in that ends with ：, when the
    lead-in is the open item's own text (（一）发展形势 / 我们的目标是： / （一）稳定增长；…) and
    the outer list goes on after the inner one, or the lead-in follows the item's heading line.

    A new list beside it when the open item is a complete sentence (（二）更换发动机的。 then
    申请变更登记，应当提交下列证明：（一）…: two lists of one article), or when deeper items are
    open (四、… 1、… 2、… then 明年着重做好以下工作：一、…: next year's plan, a new series)."""
    if hit.marker.number != 1:
        return False
    open_item = stack[on_stack]
    if hit.placement is not Placement.LEAD:
        return not (open_item.paragraph is paragraph and open_item.hit.placement is not Placement.LEAD)
    if not lead_in or open_item.hit.placement is not Placement.LEAD:
        return False
    if on_stack != len(stack) - 1 or _is_sentence_item(open_item.paragraph, open_item.hit):
        return False
    if _outer_resumes(events, k, hit, open_item.hit.marker.number, kept):
        return True
    return not open_item.children and open_item.event >= k - 2


def _is_sentence_item(paragraph: Paragraph, hit: MarkerHit) -> bool:
    """The item is a sentence of a list (its first sentence ends with 。！？；), not a heading."""
    start = hit.offset + hit.length
    end = paragraph.line_end(start) if start < len(paragraph.text) else start
    return bool(HEADING_STOPS.search(paragraph.text, start, end))


def _outer_resumes(events: Sequence[Event], k: int, hit: MarkerHit, outer: int, kept: set[int]) -> bool:
    """After the list that `hit` starts, does the outer list of its style go on (outer + 1)?"""
    expected = 2
    style = hit.marker.style
    for event in events[k:]:
        if event.closes_all:
            return False
        for other in event.hits:
            if (event is events[k] and other.offset <= hit.offset) or id(other) not in kept:
                continue
            if other.marker.style != style or other.placement is not Placement.LEAD:
                continue
            if other.marker.number == expected:
                expected += 1
                continue
            return other.marker.number == outer + 1
    return False


def _ends_sentence(paragraph: Paragraph, hit: MarkerHit) -> bool:
    """The item's first sentence ends with 。！？ (the last item of a ；-separated list)."""
    start = hit.offset + hit.length
    stop = HEADING_STOPS.search(
        paragraph.text, start, paragraph.line_end(start) if start < len(paragraph.text) else start
    )
    return bool(stop) and stop.group() in "。！？!?"


def _heading_ranks(events: Sequence[Event]) -> dict[int, int]:
    """Markdown heading levels used by numbered headings, ranked: ## → 1, ### → 2 when the
    document's numbered headings use ## and ###. An explicit level beats inference."""
    levels = {
        e.paragraph.lines[0].heading_level
        for e in events
        if e.hits and e.hits[0].offset == 0 and e.paragraph.lines[0].heading_level
    }
    return {level: rank for rank, level in enumerate(sorted(levels), 1)}


def _hinted_depth(paragraph: Paragraph, ranks: dict[int, int], anchor: int) -> int | None:
    """The depth markdown states for a paragraph-leading marker: its heading rank, or for a
    list item, one below the last numbered heading plus its list indentation."""
    first = paragraph.lines[0]
    if first.heading_level:
        return ranks.get(first.heading_level)
    if first.bullet_depth is not None and ranks:
        return anchor + 1 + first.bullet_depth
    return None


def _place(events: Sequence[Event], kept: set[int], ranks: dict[int, int]) -> list[_Draft]:
    roots: list[_Draft] = []
    stack: list[_Draft] = []
    anchor = 0  # depth of the last numbered markdown heading
    # A paragraph that turns to the audience (各位代表，…) or sums up (回顾…体会：, 我们也清醒
    # 认识到…：) speaks of the whole section: with part titles in the document, of the whole
    # part (level 1); without, of the open top-level item. Inline runs in and after it go
    # there; the next paragraph-leading marker of an open style resumes the open items.
    suspended: list[_Draft] | None = None
    part = -1  # the number of the last unnumbered part title met
    lead_in = False  # the paragraph before ends with ：, introducing a list
    seen: set[str] = set()  # styles met so far
    for k, event in enumerate(events):
        paragraph = event.paragraph
        introduced, lead_in = lead_in, paragraph.text.rstrip().endswith(("：", ":"))
        if event.closes_all:
            stack.clear()
            suspended = None
            anchor = 0
            part += 1
            continue
        while stack and stack[-1].hit.placement is not Placement.LEAD:
            stack.pop()
        if (event.addresses_audience or event.sums_up) and stack:
            container = [] if part >= 0 else stack[:1]
            if len(stack) > len(container):
                suspended = suspended or stack
                stack = container
        hits = [h for h in event.hits if id(h) in kept]
        first = hits[0].offset if hits else len(paragraph.text)
        if stack and first > 0:  # text before the first marker belongs to the open item
            stack[-1].spans.append((paragraph, 0, first))
        for i, hit in enumerate(hits):
            style = hit.marker.style
            if suspended is not None and hit.placement is Placement.LEAD:
                if any(d.hit.marker.style == style for d in suspended):
                    stack = suspended
                suspended = None
            hinted = _hinted_depth(paragraph, ranks, anchor) if ranks and hit.offset == 0 else None
            on_stack = next(
                (j for j in range(len(stack) - 1, -1, -1) if stack[j].hit.marker.style == style), None
            )
            restart = on_stack is not None and _nested_restart(
                hit, stack, on_stack, paragraph, introduced, events, k, kept
            )
            fresh = on_stack is not None and not restart and hit.marker.number == 1 and introduced
            sublist = False
            if hinted is not None:
                del stack[hinted - 1 :]
                if paragraph.lines[0].heading_level:
                    anchor = len(stack) + 1
            elif on_stack is not None and not restart:
                sublist = stack[on_stack].sublist and hit.placement is Placement.LEAD
                del stack[on_stack:]
            else:
                sublist = restart and hit.placement is Placement.LEAD
                # An enumerator item that is a sentence (一是核心增长极初显。) does not hold a
                # section list that a lead-in of its own introduces (一年来，我们主要做了以下
                # 工作：/（一）…): the list belongs to the enclosing section.
                while (
                    introduced
                    and hit.placement is Placement.LEAD
                    and not needs_run(hit.marker)
                    and stack
                    and needs_run(stack[-1].hit.marker)
                    and stack[-1].event < k - 1
                    and _is_sentence_item(stack[-1].paragraph, stack[-1].hit)
                ):
                    stack.pop()
                if hit.placement is Placement.LEAD and hit.marker.number > 1 and style not in seen:
                    # A text that starts mid-way (（一）…（二）… then 二、): a higher-ranked section
                    # marker that continues a run whose start is missing closes lower-ranked items.
                    rank = _RANK.get(hit.marker.family)
                    while stack and rank is not None and _RANK.get(stack[-1].hit.marker.family, -1) > rank:
                        stack.pop()
                # The last item of an inline run does not contain a new run that its own lead-in
                # introduces (…三是…。…必须抓好三项工作：一要…); a run right after the item's
                # sentence (2、抓服务。一是…二是…) is the item's.
                while (
                    stack
                    and stack[-1].hit.placement is not Placement.LEAD
                    and stack[-1].paragraph is paragraph
                    and paragraph.text[hit.offset - 1 : hit.offset] in ("：", ":")
                    and not _run_continues(event, stack[-1].hit, kept)
                ):
                    stack.pop()
            seen.add(style)
            nxt = hits[i + 1].offset if i + 1 < len(hits) else len(paragraph.text)
            draft = _Draft(
                hit, paragraph, len(stack) + 1, nxt, sublist=sublist, event=k, fresh=fresh, part=part
            )
            (stack[-1].children if stack else roots).append(draft)
            stack.append(draft)
            if sublist and _ends_sentence(paragraph, hit):
                stack.pop()  # 。 ends the list: the next item of this style continues the outer run
    return roots


def _heading_and_body(draft: _Draft) -> tuple[str, str, int, str, bool]:
    """Heading: from the marker to the first 。！？； or the end of the marker's line. Body: the
    rest of the item's own text, children excluded. Also the item's last line."""
    paragraph, hit = draft.paragraph, draft.hit
    text = paragraph.text
    start = hit.offset + hit.length
    end = min(paragraph.line_end(start) if start < len(text) else len(text), draft.next_offset)
    stop = HEADING_STOPS.search(text, start, end)
    heading_end = stop.start() if stop else end
    terminator = stop.group() if stop else ""
    if not stop and text[start:heading_end].rstrip().endswith(("：", ":")):
        terminator = "："  # a lead-in (…充分说明：) introducing what follows
    line_end = paragraph.line_end(start) if start < len(text) else len(text)
    after = heading_end + len(terminator)
    bare = draft.next_offset >= line_end and not text[after:line_end].strip()
    parts = [text[heading_end : draft.next_offset].lstrip("。！？；!?;")]
    parts.extend(p.text[a:b] for p, a, b in draft.spans)
    last_paragraph, last_end = (
        (draft.spans[-1][0], draft.spans[-1][2]) if draft.spans else (paragraph, draft.next_offset)
    )
    end_line = (
        last_paragraph.line_at(max(0, last_end - 1)).number if last_paragraph.text else paragraph.first_line
    )
    return heading_text(text[start:heading_end]), "".join(parts).strip(), end_line, terminator, bare


def heading_text(raw: str) -> str:
    return raw.strip().rstrip(_TRAILING).strip()


def _without(drafts: list[_Draft], dropped: set[int]) -> list[_Draft]:
    kept = [d for d in drafts if id(d) not in dropped]
    for d in kept:
        if d.children:
            d.children = _without(d.children, dropped)
    return kept


def _lone_enumerators(roots: list[_Draft], lead_styles: set[str]) -> list[_Draft]:
    """Enumerators with no sibling of their style to form a run. One exception: a lone
    paragraph-leading item of a style the document uses for lead runs, on the tree's final
    spine — the document was cut off right after it (web copies often are)."""
    lone: list[_Draft] = []
    spine = set()
    chain = roots
    while chain:
        spine.add(id(chain[-1]))
        chain = chain[-1].children

    def visit(children: list[_Draft]) -> None:
        styles: dict[str, list[_Draft]] = {}
        for child in children:
            if needs_run(child.hit.marker):
                styles.setdefault(child.hit.marker.style, []).append(child)
            visit(child.children)
        for style, group in styles.items():
            paired = set()
            chain = [group[0]]
            for a, b in pairwise(group):
                if follows(a.hit, b.hit):
                    chain.append(b)
                    continue
                if _is_run([d.hit for d in chain]):
                    paired.update(id(d) for d in chain)
                chain = [b]
            if _is_run([d.hit for d in chain]):
                paired.update(id(d) for d in chain)
            lone.extend(
                d
                for d in group
                if id(d) not in paired
                and not (d.hit.placement is Placement.LEAD and style in lead_styles and id(d) in spine)
            )

    visit(roots)
    return lone


def _freeze(draft: _Draft, level: int, running: dict[str, int]) -> Node:
    children = tuple(_freeze(c, level + 1, running) for c in draft.children)
    children = _number_run(children, running, {i for i, c in enumerate(draft.children) if c.fresh})
    hit, paragraph = draft.hit, draft.paragraph
    index = paragraph.line_index(hit.offset)
    line = paragraph.lines[index]
    heading, body, end_line, terminator, bare = _heading_and_body(draft)
    return Node(
        marker=hit.marker,
        number=hit.marker.number,
        heading=heading,
        line=line.number,
        column=_column(line.raw, hit.marker.text, hit.offset - paragraph.starts[index]),
        end_line=max(end_line, line.number),
        level=level,
        placement=hit.placement,
        body=body,
        terminator=terminator,
        bare=bare,
        children=children,
    )


def _column(raw: str, marker_text: str, offset_in_clean: int) -> int:
    """1-based column of the marker on its raw line (markup shifts the cleaned offset)."""
    found = raw.find(marker_text, max(0, offset_in_clean - 8))
    if found < 0:
        found = raw.find(marker_text)
    return (found if found >= 0 else offset_in_clean) + 1


# Articles are numbered through the whole law, not within their chapter or section.
CONTINUOUS_STYLES = frozenset({"division:条"})
# Chapters and sections may restart in every part (民法典) or run on across parts (条例 whose
# 第二编 starts at 第六章): both are normal, so a first item that continues is no anomaly.
MAY_CONTINUE = frozenset({"division:章", "division:节", "division:分编"})


def _number_run(
    children: tuple[Node, ...], running: dict[str, int], fresh: set[int] = frozenset()
) -> tuple[Node, ...]:
    """Give 然后/最后 their place in the run, and record skipped, repeated and restarted numbers
    among siblings of one style (document-wide for articles). `running` carries the last
    article number across parents; siblings are numbered in document order. A child in
    `fresh` starts a new list of its style after a lead-in: its 1 is no slip."""
    out: list[Node] = []
    last: dict[str, int] = {}
    for i, child in enumerate(children):
        style = child.marker.style
        if i in fresh:
            last.pop(style, None)
        number = child.number
        previous = last.get(style, running.get(style) if style in CONTINUOUS_STYLES else None)
        anomalies: list[Anomaly] = []
        if child.marker.family is Family.SEQUENCE and number == 0:
            number = previous + 1 if previous else 1
        elif previous is None:
            if number != 1 and not (style in MAY_CONTINUE and running.get(style, 0) + 1 == number):
                anomalies.append(Anomaly(AnomalyKind.STARTS_AT, number))
        elif number == previous:
            anomalies.append(Anomaly(AnomalyKind.REPEATED, number))
        elif number == 1:
            if not child.marker.family.is_enumerator:  # a second 一是 run is a new run, not a slip
                anomalies.append(Anomaly(AnomalyKind.RESTARTED, 1, previous))
        elif number != previous + 1:
            anomalies.append(Anomaly(AnomalyKind.SKIPPED, number, previous + 1))
        if number != child.number or anomalies:
            child = replace(child, number=number, anomalies=tuple(anomalies))
        last[style] = number
        if style in CONTINUOUS_STYLES or style in MAY_CONTINUE:
            running[style] = number
        out.append(child)
    return tuple(out)
