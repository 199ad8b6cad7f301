"""Placing marker hits: each kept hit under the open items, in document order.

Levels come from the document, not from a fixed table of styles. An open-item stack holds
the chain from the top level to the current item:

* a hit whose style is on the stack closes back to that item and becomes its sibling;
* a hit of a new style nests under the item on top of the stack;
* an inline item (after 。；：！？) ends with its paragraph, so at every paragraph start the
  inline items on top of the stack are closed; and the last item of an inline run does
  not swallow a new run that follows it in the same paragraph (…三是…。…：一要…二要…);
* an unnumbered part title (2020年工作总结, followed by numbering that starts again) closes
  everything, so a run after it starts at level 1;
* a paragraph that turns to the audience (各位代表，…) or sums up (回顾…体会：, 我们也清醒认识到…：)
  speaks of the whole section: the run it opens goes under the open top-level item (to level 1
  when the document has part titles); the next paragraph-leading marker of an open style
  resumes the open items;
* a list that starts again at 1 inside an open item of its own style is that item's child
  (inline, or on lines after the item's own lead-in ending in ：, until an item ends with 。);
  otherwise it is a new list beside that item (next year's plan; two lists of one article);
* a list of bare items (（1）…（7）) followed by a new style whose first item starts that
  list's style again (1、… （1）…) was a lead list: the new style stands beside it;
* an enumerator item that is a sentence does not hold a section list its lead-in introduces;
* a text that starts mid-way (（一）（二）… then 二、) closes the orphan items when a
  higher-ranked marker continues its run;
* markdown heading levels and list indentation, where present, state the depth outright.

Each placed item records the rule that decided its place (`Node.rule`, `tigang show
--explain`); `outline.heuristics` describes every rule with examples (docs/heuristics.md).

Placement may run more than once (lone enumerators dropped, see `runs`); `build_tree`
freezes the drafts of the last run into nodes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ..lexicon import COLONS, DIVISION_RANK, SECTION_RANK
from ..markers import MarkerHit
from ..model import Family, Placement
from ..paragraphs import Paragraph
from .headings import ends_sentence, is_sentence_item
from .runs import needs_run, run_continues

# The usual order of section markers (公文: 一、 （一） 1. （1） ①), used only where the document
# itself cannot tell: a run that continues (二、) with its start cut off.
_RANK = SECTION_RANK
_COLONS = tuple(COLONS)  # a tuple: `in` is False for the empty text before a paragraph's start


@dataclass(slots=True)
class Event:
    """A paragraph of the body: its hits, and whether it closes all open sections."""

    paragraph: Paragraph
    hits: list[MarkerHit]
    closes_all: bool = False  # an unnumbered part title
    addresses_audience: bool = False  # 各位代表，… / 同志们！
    turn: bool = False  # a speaker's turn in a transcript (郭平：第一，…)
    sums_up: bool = False  # 回顾过去五年…体会：/ 我们也清醒认识到…：(speaks of the whole section)
    reviews: bool = False  # 过去一年，我们…：(sums up a section whose subsections are single paragraphs)
    closes_speech: bool = (
        False  # 同志们，…提三点希望：/ 以上四点意见… (after the last section: the whole speech)
    )


@dataclass(slots=True)
class Draft:
    """A placed hit. Placement may run twice (lone enumerators dropped), so it records only
    where the item's text lies; headings and bodies are cut once, when the tree is frozen."""

    hit: MarkerHit
    paragraph: Paragraph
    level: int
    next_offset: int  # where the next kept marker of the paragraph starts (or its end)
    children: list[Draft] = field(default_factory=list)
    spans: list[tuple[Paragraph, int, int]] = field(default_factory=list)  # later body text
    sublist: bool = False  # an item of a same-style list nested after a lead-in ending in ：
    event: int = 0  # index of the event (paragraph) it was placed in
    fresh: bool = False  # starts a new list of its style after a lead-in: not a numbering slip
    part: int = -1  # the unnumbered part title it stands under (-1: before any)
    rule: str = ""  # the placement rule that decided its level (outline.heuristics)


def _nested_restart(
    hit: MarkerHit,
    stack: list[Draft],
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
    open (四、… 1、… 2、… then 明年着重做好以下工作：一、…: next year's plan, a new series) —
    unless the deeper item holds it (`_nests_in_deeper_item`)."""
    if hit.marker.number != 1:
        return False
    open_item = stack[on_stack]
    if hit.placement is not Placement.LEAD:
        return not (open_item.paragraph is paragraph and open_item.hit.placement is not Placement.LEAD)
    if open_item.hit.placement is not Placement.LEAD or events[k].turn:
        return False  # another speaker's 第一，… stands beside the last speaker's points, not in them
    if on_stack != len(stack) - 1:
        return _nests_in_deeper_item(hit, stack, on_stack, events, k, kept)
    if not lead_in or is_sentence_item(open_item.paragraph, open_item.hit):
        return False
    if _outer_resumes(events, k, hit, open_item.hit.marker.number, kept):
        return True
    return not open_item.children and open_item.event >= k - 2


def _nests_in_deeper_item(
    hit: MarkerHit, stack: list[Draft], on_stack: int, events: Sequence[Event], k: int, kept: set[int]
) -> bool:
    """A list that starts again at 1 while deeper items than its own style's are open: a new
    series beside the outer item (四、… 1、… 2、… then 明年着重做好以下工作：一、…), unless
    the outer list goes on after it (1.张某 … 二、工作方面 / 1.以身作则… 6.… / 2.李某: the
    inner list was the deeper item's), or the deeper item's style ranks above it in the usual
    order of 公文 (3.王某 … （一）后勤管理 / 1.完善制度: （一） holds 1.)."""
    inner = stack[-1]
    if inner.hit.placement is not Placement.LEAD:
        return False
    if _outer_resumes(events, k, hit, stack[on_stack].hit.marker.number, kept):
        return True
    rank, inner_rank = _RANK.get(hit.marker.family), _RANK.get(inner.hit.marker.family)
    return rank is not None and inner_rank is not None and inner_rank < rank


def _leads_the_sections(stack: list[Draft], on_stack: int, roots: list[Draft]) -> bool:
    """（1）…（7） as paragraphs, then 1、加强队伍建设 with its own （1）（2）: the new style
    opened in the last item of a list none of whose items held anything, and its first item
    now holds a list of the outer style starting again. That list was the talk's opening
    points before its numbered sections, and 1、 stands beside it, not in its last item. (When
    earlier items of the list hold sections — 1.张某 … 一、思想方面 / 2.李某 … — the list is
    the outer one, and stays so.)"""
    if on_stack != len(stack) - 2:
        return False
    holder, section = stack[on_stack], stack[-1]
    siblings = stack[on_stack - 1].children if on_stack else roots
    return (
        section.hit.placement is Placement.LEAD
        and section.hit.marker.number == 1
        and not section.children
        and holder.children == [section]
        and len(siblings) > 1
        and not any(d.children for d in siblings if d is not holder)
    )


def _run_resumes(events: Sequence[Event], k: int, item: Draft, kept: set[int]) -> bool:
    """Does the run of the open `item` (第三，) go on (第四，) after paragraph `k`?"""
    style, expected = item.hit.marker.style, item.hit.marker.number + 1
    for event in events[k:]:
        if event.closes_all:
            return False
        for other in event.hits:
            if id(other) in kept and other.marker.style == style and other.marker.number == expected:
                return True
    return False


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


def heading_ranks(events: Sequence[Event]) -> dict[int, int]:
    """Markdown heading levels used by numbered headings, ranked: ## → 1, ### → 2 when the
    document's numbered headings use ## and ###. An explicit level beats inference — except
    where it contradicts the legal units the headings carry: a page that sets its 章 as ###
    and its 节 as ## still holds 节 inside 章 (the units order the levels, then the `#` count)."""
    units: dict[int, set[int]] = {}
    first = 0  # the level of the first numbered heading
    for e in events:
        if e.hits and e.hits[0].offset == 0 and (level := e.paragraph.lines[0].heading_level):
            marker = e.hits[0].marker
            first = first or level
            seen = units.setdefault(level, set())
            if marker.family is Family.DIVISION and marker.unit in DIVISION_RANK:
                seen.add(DIVISION_RANK[marker.unit])

    def order(level: int) -> tuple[float, int]:
        ranks = units[level]
        return (min(ranks) if ranks else -1.0, level)

    levels = sorted(units)
    if not levels:
        return {}
    by_unit = sorted(levels, key=order)
    # Reorder only when the page opens below its top level (### 第一章 before any ##), every
    # level carries a unit and the units disagree with the `#` count; a level of plain 一、
    # headings among 章 levels keeps its place, and so does a page that opens at its top.
    if first != levels[0] and by_unit != levels and all(units[level] for level in levels):
        levels = by_unit
    return {level: rank for rank, level in enumerate(levels, 1)}


def _hinted_depth(paragraph: Paragraph, ranks: dict[int, int], anchor: int) -> int | None:
    """The depth markdown states for a paragraph-leading marker: its heading rank, or for a
    list item, one below the last numbered heading plus its list indentation."""
    first = paragraph.lines[0]
    if first.heading_level:
        return ranks.get(first.heading_level)
    if first.bullet_depth is not None and ranks:
        return anchor + 1 + first.bullet_depth
    return None


def _flat_section(stack: Sequence[Draft]) -> bool:
    """The open item is the last of two or more sibling subsections that each stood in one
    paragraph with nothing below them: （一）经济运行调稳并进。… （五）攻坚克难成效明显。…"""
    if len(stack) < 2:
        return False
    siblings = stack[-2].children
    return (
        len(siblings) >= 2
        and siblings[-1] is stack[-1]
        and all(not d.children and not d.spans and d.hit.offset == 0 for d in siblings)
        # Sentence items of a run (一是核心增长极初显。) have their own rule
        # (enumerator-releases-list).
        and not needs_run(stack[-1].hit.marker)
    )


def place(events: Sequence[Event], kept: set[int], ranks: dict[int, int]) -> list[Draft]:
    roots: list[Draft] = []
    stack: list[Draft] = []
    anchor = 0  # depth of the last numbered markdown heading
    # A paragraph that turns to the audience (各位代表，…) or sums up (回顾…体会：, 我们也清醒
    # 认识到…：) speaks of the whole section: with part titles in the document, of the whole
    # part (level 1); without, of the open top-level item. Inline runs in and after it go
    # there; the next paragraph-leading marker of an open style resumes the open items.
    suspended: list[Draft] | None = None
    part = -1  # the number of the last unnumbered part title met
    lead_in = False  # the paragraph before ends with ：, introducing a list
    seen: set[str] = set()  # styles met so far
    # By style, the last item of a nested same-style list that a sentence closed (四、… /
    # 一、扩大解放区。), with the items open above it: its next number (二、) goes on with it.
    closed_sublist: dict[str, tuple[Draft, list[Draft]]] = {}
    moved_by = ""  # the rule of a lead-in paragraph that moved the next paragraphs' run up
    last_section = max(
        (
            k
            for k, e in enumerate(events)
            if any(
                id(h) in kept and h.placement is Placement.LEAD and not needs_run(h.marker) for h in e.hits
            )
        ),
        default=-1,
    )
    for k, event in enumerate(events):
        paragraph = event.paragraph
        introduced, lead_in = lead_in, paragraph.text.rstrip().endswith(_COLONS)
        if event.closes_all:
            stack.clear()
            suspended = None
            anchor = 0
            part += 1
            continue
        while stack and stack[-1].hit.placement is not Placement.LEAD:
            stack.pop()
        prose = ""  # the section-level paragraph that moved this paragraph's runs up, if any
        reviews = event.reviews and _flat_section(stack)
        # After the last section, a speech's turn to its audience (同志们，…提三点希望：一是…) or
        # its winding up (以上四点意见…提三点要求：/ 最后，我再强调四点意见。一要…) speaks for the
        # whole speech; a work report's 各位代表！… stays in its last part.
        closing = (
            event.closes_speech
            and k > last_section
            # 最后，我有一个声明 as the last item of a run is an item, not a winding up
            and not any(h.offset == 0 and id(h) in kept for h in event.hits)
        )
        if (event.addresses_audience or event.sums_up or reviews or closing) and stack:
            # Under a part title, the whole part; but the first paragraph under a section's own
            # heading (四、反思存在问题与今后努力方向 / 回顾过去一年…清醒地认识到…：) is that section's.
            opening = event.sums_up and stack[0].event == k - 1 and not stack[0].children
            container = [] if (part >= 0 and not opening) or closing else stack[:1]
            if len(stack) > len(container):
                suspended = suspended or stack
                stack = container
                prose = (
                    "address-closes-speech"
                    if closing
                    else "address-speaks-for-section"
                    if event.addresses_audience
                    else "summary-speaks-for-section"
                    if event.sums_up
                    else "review-speaks-for-section"
                )
        hits = [h for h in event.hits if id(h) in kept] if event.hits else []
        if prose and not hits:  # a lead-in on its own: the run of the next paragraphs moved
            moved_by = prose
        first = hits[0].offset if hits else len(paragraph.text)
        if stack and first > 0:  # text before the first marker belongs to the open item
            stack[-1].spans.append((paragraph, 0, first))
        for i, hit in enumerate(hits):
            style = hit.marker.style
            rule, moved_by = prose or moved_by, ""
            if suspended is not None and hit.placement is Placement.LEAD:
                if any(d.hit.marker.style == style for d in suspended):
                    stack = suspended
                    rule = "resume-after-prose"
                suspended = None
            hinted = _hinted_depth(paragraph, ranks, anchor) if ranks and hit.offset == 0 else None
            on_stack = None  # the innermost open item of this style
            for j in range(len(stack) - 1, -1, -1):
                if stack[j].hit.marker.style == style:
                    on_stack = j
                    break
            closed = closed_sublist.pop(style, None)
            number = hit.marker.number
            # Both lists may go on (四、 … 一、二、三、四、 then 五、): the inner one does, as a
            # reader takes it, until its number breaks. Not after an inline list (（一）是…；
            # （二）是…。 inside （一）): the next paragraph's （二） is the outer item's.
            if (
                closed is not None
                and hit.placement is Placement.LEAD
                and closed[0].hit.placement is Placement.LEAD
                and number == closed[0].hit.marker.number + 1
                and {id(d) for d in closed[1]} <= {id(d) for d in stack}  # still open above it
            ):
                stack = [*closed[1], closed[0]]
                on_stack = len(stack) - 1
                rule = "nested-list-goes-on"
            restart = on_stack is not None and _nested_restart(
                hit, stack, on_stack, paragraph, introduced, events, k, kept
            )
            if restart and on_stack is not None and _leads_the_sections(stack, on_stack, roots):
                # The open list was a lead list before the sections: its last item lets the
                # section go, and the section holds the list that starts again.
                section, holder = stack[-1], stack[on_stack]
                holder.children.remove(section)
                (stack[on_stack - 1].children if on_stack else roots).append(section)
                section.level, section.rule = holder.level, "lead-list-before-sections"
                stack = [*stack[:on_stack], section]
            fresh = on_stack is not None and not restart and hit.marker.number == 1 and introduced
            sublist = False
            if hinted is not None:
                del stack[hinted - 1 :]
                if paragraph.lines[0].heading_level:
                    anchor = len(stack) + 1
                rule = "markdown-depth"
            elif on_stack is not None and not restart:
                sublist = stack[on_stack].sublist and hit.placement is Placement.LEAD
                del stack[on_stack:]
                rule = "new-list-after-lead-in" if fresh else rule or "same-style-sibling"
            else:
                sublist = restart and hit.placement is Placement.LEAD
                if restart:
                    rule = "restart-in-item"
                depth = len(stack)
                # An enumerator item that is a sentence (一是核心增长极初显。) does not hold a
                # section list that a lead-in of its own introduces (一年来，我们主要做了以下
                # 工作：/（一）…): the list belongs to the enclosing section.
                # Nor, in a document of bare runs, a new run after a lead-in of its own (研讨内容包括：
                # 第一，…第三，… / 活动安排包括以下方面：一是…): two lists side by side. Inside a
                # section the lead-in goes on with the item (其次是环境的影响… / 这一代人有以下特征：
                # / 一是…).
                while (
                    introduced
                    and hit.placement is Placement.LEAD
                    and stack
                    and needs_run(stack[-1].hit.marker)
                    and stack[-1].event < k - 1
                    and is_sentence_item(stack[-1].paragraph, stack[-1].hit)
                    and (
                        not needs_run(hit.marker)
                        or (
                            hit.marker.number == 1
                            and len(stack) == 1
                            and not _run_resumes(events, k, stack[-1], kept)
                        )
                    )
                ):
                    stack.pop()
                if len(stack) < depth:
                    rule, depth = "enumerator-releases-list", len(stack)
                if hit.placement is Placement.LEAD and hit.marker.number > 1 and style not in seen:
                    # A text that starts mid-way (（一）…（二）… then 二、): a higher-ranked section
                    # marker that continues a run whose start is missing closes lower-ranked items.
                    rank = _RANK.get(hit.marker.family)
                    while stack and rank is not None and _RANK.get(stack[-1].hit.marker.family, -1) > rank:
                        stack.pop()
                if len(stack) < depth:
                    rule, depth = "mid-way-start", len(stack)
                # The last item of an inline run does not contain a new run that its own lead-in
                # introduces (…三是…。…必须抓好三项工作：一要…); a run right after the item's
                # sentence (2、抓服务。一是…二是…) is the item's.
                while (
                    stack
                    and stack[-1].hit.placement is not Placement.LEAD
                    and stack[-1].paragraph is paragraph
                    and paragraph.text[hit.offset - 1 : hit.offset] in _COLONS
                    and not run_continues(event, stack[-1].hit, kept)
                ):
                    stack.pop()
                if len(stack) < depth:
                    rule = "new-run-after-lead-in"
                rule = rule or (
                    "new-style-nests" if stack else "after-part-title" if part >= 0 else "top-level"
                )
            seen.add(style)
            nxt = hits[i + 1].offset if i + 1 < len(hits) else len(paragraph.text)
            draft = Draft(
                hit,
                paragraph,
                len(stack) + 1,
                nxt,
                sublist=sublist,
                event=k,
                fresh=fresh,
                part=part,
                rule=rule,
            )
            (stack[-1].children if stack else roots).append(draft)
            stack.append(draft)
            if sublist and ends_sentence(paragraph, hit):
                stack.pop()  # 。 ends the list: the next item of this style continues the outer run
                closed_sublist[style] = (draft, list(stack))  # … unless its number goes on here
    return roots
