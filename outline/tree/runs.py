"""Runs of inline enumerators: which of them are items, and which are prose.

Inline enumerators (一是, 一要, 第一，, 首先, 一方面) are items only as a run of two or more
that includes the first item: lone ones are prose. Runs are found as chains (a run inside an
item of its own run nests), checked again on the built tree, and the tree is rebuilt without
the lone ones until nothing changes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise
from typing import TYPE_CHECKING

from ..lexicon import QUESTION_OPENERS, SEQUENCE_NEXT, one_of
from ..markers import MarkerHit
from ..model import Family, Placement

if TYPE_CHECKING:  # placement imports this module; the types are for annotations only
    from .placement import Draft, Event


def needs_run(marker) -> bool:
    """Markers that are items only as a run of two or more from 1: the inline enumerators
    (一是, 第一，, 首先), `1 总则` (a number, a space: in a hard-wrapped text, `189 亿元`
    at a line start is a figure), and `一 重工业和轻工业…` with an ASCII space (older print's
    sections as typed again; `三 个代表` at a hard-wrapped line's start is a phrase)."""
    return (
        marker.family.is_enumerator
        or marker.style == "arabic:space"
        or (marker.style == "section:space" and " " in marker.text)
    )


def follows(previous: MarkerHit, hit: MarkerHit) -> bool:
    """`hit` can be the next item after `previous` in one run of the same style. A number
    skipped or repeated by a slip (一是 二是 四是) still continues the run; the tree records
    the slip as an anomaly and `check` reports it."""
    a, b = previous.marker, hit.marker
    if a.style != b.style:
        return False
    if a.family is b.family is Family.SEQUENCE:
        return b.text[:2] in SEQUENCE_NEXT[a.text[:2]]
    return a.number <= b.number <= a.number + 2 and b.number > 1


def prefilter_runs(events: Sequence[Event]) -> tuple[set[int], set[str]]:
    """Keep section-family hits; keep an enumerator only if the nearest hit of its style
    before or after it continues a run with it (a comma-led first item never: see `chains`).
    Also returns the lead styles (`_lead_run_styles`)."""
    flat = [(e, h) for e in events for h in e.hits]
    kept: set[int] = set()
    by_style: dict[str, list[tuple[Event, MarkerHit]]] = {}
    for event, hit in flat:
        if needs_run(hit.marker):
            by_style.setdefault(hit.marker.style, []).append((event, hit))
        else:
            kept.add(id(hit))  # hits live as long as the events: identity is a stable key
    place = {id(hit): i for i, (_, hit) in enumerate(flat)}
    turn = _answers(events)
    runs = {
        style: [chain for group in _by_answer(items, turn) for chain in chains(group)]
        for style, items in by_style.items()
    }
    framing = {
        id(hit)
        for found in runs.values()
        for chain in found
        if _frames_a_run(chain, flat, place)
        for _, hit in chain
    }
    lead_styles = _lead_run_styles(
        [(e, h) for e, h in items if id(h) not in framing] for items in by_style.values()
    )
    for style, items in by_style.items():
        for chain in runs[style]:
            if (
                _is_run([hit for _, hit in chain])
                and not _splits_a_list(chain, flat, place)
                and id(chain[0][1]) not in framing
            ):
                kept.update(id(hit) for _, hit in chain)
        for _, hit in items:  # a lone lead item of a lead-run style: see lone_enumerators
            if hit.placement is Placement.LEAD and style in lead_styles and id(hit) not in framing:
                kept.add(id(hit))
    return kept, lead_styles


_QUESTION = re.compile(rf"^{one_of(QUESTION_OPENERS)}\s*[：:]")


def _answers(events: Sequence[Event]) -> dict[int, int]:
    """By event, the answer of an interview it stands in: a question (问：…) starts the next one."""
    turn, out = 0, {}
    for event in events:
        if _QUESTION.match(event.paragraph.text):
            turn += 1
        out[id(event)] = turn
    return out


def _by_answer(
    items: list[tuple[Event, MarkerHit]], turn: dict[int, int]
) -> list[list[tuple[Event, MarkerHit]]]:
    """`items` cut where a question comes between two of them: 首先 in one answer and 其次 in
    the next are not one run (答：…首先来说，… / 问：… / 答：…其次，…)."""
    groups: list[list[tuple[Event, MarkerHit]]] = []
    for item in items:
        if not groups or turn[id(groups[-1][-1][0])] != turn[id(item[0])]:
            groups.append([])
        groups[-1].append(item)
    return groups


def chains(items: list[tuple[Event, MarkerHit]]) -> list[list[tuple[Event, MarkerHit]]]:
    """Consecutive hits of one style that follow each other (一是 → 二是 → 三是).

    A first item after a comma (…实践证明，一是必须坚持…。二是…。三是…) is not a node: the
    conventions count markers at a paragraph start or after 。；：！？ only. The run it began is
    still a run: its second item, in the same paragraph after 。 or ；, starts a chain of its
    own (`_is_run` takes 二是 → 三是 for a run). A lone second item (…，一方面…；另一方面…)
    stays prose, as any lone enumerator."""
    chains: list[list[tuple[Event, MarkerHit]]] = []
    open_chains: list[list[tuple[Event, MarkerHit]]] = []  # a run inside an item of its own run nests
    # Open chains by the number their next item has, innermost last: a long document opens
    # thousands of runs, and scanning them all for every item made this quadratic.
    waiting: dict[int, list[tuple[int, list[tuple[Event, MarkerHit]]]]] = {}

    def register(at: int) -> None:
        waiting.setdefault(open_chains[at][-1][1].marker.number + 1, []).append((at, open_chains[at]))

    def innermost_expecting(hit: MarkerHit) -> int | None:
        if hit.marker.family is Family.SEQUENCE:  # words, not numbers: look at each open chain
            return next(
                (
                    k
                    for k in range(len(open_chains) - 1, -1, -1)
                    if _exactly_follows(open_chains[k][-1][1], hit)
                ),
                None,
            )
        candidates = waiting.get(hit.marker.number, [])
        while candidates:
            at, chain = candidates[-1]
            if at < len(open_chains) and open_chains[at] is chain and _exactly_follows(chain[-1][1], hit):
                return at
            candidates.pop()  # closed, or gone on past this number
        return None

    comma_first: tuple[Event, MarkerHit] | None = None  # the comma-led first item just before
    for event, hit in items:
        before, comma_first = comma_first, None
        if hit.placement is Placement.AFTER_COMMA:
            comma_first = (event, hit)
            continue
        # The second item right after a comma-led first one in its paragraph starts a run of
        # its own. Any other item: the innermost chain it continues exactly (二是 after 一是),
        # else a tolerant continuation (a skipped or repeated number) of the innermost chain.
        starts_after_comma = (
            before is not None
            and before[0] is event
            and hit.placement is Placement.INLINE
            and _exactly_follows(before[1], hit)
        )
        at = None if starts_after_comma else innermost_expecting(hit)
        if (
            at is None
            and not starts_after_comma
            and open_chains
            and follows(open_chains[-1][-1][1], hit)
            and hit.marker.number != 1
        ):
            at = len(open_chains) - 1
        if at is not None:
            chains.extend(open_chains[at + 1 :])  # inner runs end where the outer one goes on
            del open_chains[at + 1 :]
            open_chains[at].append((event, hit))
        elif hit.marker.number in (1, 0) or starts_after_comma:
            open_chains.append([(event, hit)])  # a new run, maybe inside an item of another
            at = len(open_chains) - 1
        else:
            chains.extend(open_chains)
            open_chains = [[(event, hit)]]
            waiting.clear()
            at = 0
        register(at)
    chains.extend(open_chains)
    return [c for c in chains if c]


def _exactly_follows(previous: MarkerHit, hit: MarkerHit) -> bool:
    a, b = previous.marker, hit.marker
    if a.style != b.style:
        return False
    if a.family is b.family is Family.SEQUENCE:
        return follows(previous, hit)
    return b.number == a.number + 1


def join_mixed_runs(events: Sequence[Event]) -> None:
    """首先，… 其次，… 第三，… 第四，…: a run of 首先 (and 其次, 再次) that 第N， goes on from, its
    next number, is one run. The words take the style of the 第N， that follows them (the next
    enumerator of the text, in the same paragraph or every item at a paragraph start), so the
    items are siblings; their numbers (1, 2, 3) are theirs already. Hits are replaced in the
    events' lists, before runs are looked for."""
    words: list[tuple[list[MarkerHit], int]] = []  # the open 首先/其次/再次 run: hit lists and indexes
    ordinal = 0  # the number of the last 第N，: a 第二， after 第一， goes on from that, not from words
    for event in events:
        for i, hit in enumerate(event.hits):
            marker = hit.marker
            if not marker.family.is_enumerator:
                continue
            if marker.family is Family.SEQUENCE and marker.number == len(words) + 1:
                words.append((event.hits, i))
                continue
            # 第一，美国的打击，首先是打击…。第二，…: the 首先 inside item 一 is no item of the run.
            goes_on = marker.family is Family.ORDINAL and marker.number == ordinal + 1 and ordinal > 0
            if marker.family is Family.ORDINAL:
                ordinal = marker.number
            if words and marker.family is Family.ORDINAL and marker.number == len(words) + 1 and not goes_on:
                lead = (
                    all(h[k].placement is Placement.LEAD for h, k in words)
                    and hit.placement is Placement.LEAD
                )
                if words[-1][0] is event.hits or lead:
                    for h, k in words:
                        h[k] = replace(h[k], marker=replace(h[k].marker, style=marker.style))
            words = [(event.hits, i)] if marker.family is Family.SEQUENCE and marker.number == 1 else []


def _is_run(hits: list[MarkerHit]) -> bool:
    """Two or more items that include the first one, or two enumerators in a row (二是 → 三是)
    whose first item stood where a node cannot (今年的重点一是稳增长，…。二是…。三是…, or after
    a comma; not ending on 然后 or 最后): a lone 二是, even twice, is prose. Numbers and a space at line starts
    (`189 亿元` / `190 万人` in a hard-wrapped text) are figures unless they start at 1."""
    if len(hits) < 2:
        return False
    if any(h.marker.number == 1 for h in hits):
        return True
    # 然后 and 最后 (number 0) are any "then" and "at last" of prose: without the run's first
    # item, 其次…然后 is no run (练兵首先是… / 其次说到练体力 / 然后，就可以…).
    return hits[0].marker.family.is_enumerator and any(
        _exactly_follows(a, b) and b.marker.number for a, b in pairwise(hits)
    )


# How many hits after 然后 `_splits_a_list` looks for the list's next item (the list goes on
# right after; a bound keeps a 10 MB text with thousands of such runs linear).
SPLIT_LOOKAHEAD = 64


def _splits_a_list(
    chain: list[tuple[Event, MarkerHit]], flat: list[tuple[Event, MarkerHit]], place: dict[int, int]
) -> bool:
    """A run of 首先 … 然后 whose second word comes between items 1、 and 2、 of one numbered
    list is two words of prose, not a run: as a run it would cut the list in two (首先 holding
    1、, 然后 what comes before 2、). Only discourse words: 一是 … 二是 around a list is a run
    whose first item holds the list."""
    if chain[0][1].marker.family is not Family.SEQUENCE:
        return False
    for (_, a), (_, b) in pairwise(chain):
        start, end = place[id(a)], place[id(b)]
        last: dict[str, int] = {}  # style → the number of its last paragraph-leading item between
        for _, hit in flat[start + 1 : end]:
            if hit.placement is Placement.LEAD and not needs_run(hit.marker):
                last[hit.marker.style] = hit.marker.number
        if not last:
            continue
        for _, hit in flat[end + 1 : end + 1 + SPLIT_LOOKAHEAD]:
            style = hit.marker.style
            if hit.placement is Placement.LEAD and style in last:
                if hit.marker.number == last[style] + 1:
                    return True
                del last[style]  # that list restarted or jumped: it does not go on
                if not last:
                    break
    return False


def _frames_a_run(
    chain: list[tuple[Event, MarkerHit]], flat: list[tuple[Event, MarkerHit]], place: dict[int, int]
) -> bool:
    """首先，… 第一，…第二，…第三，…第四，… 最后，…: a 首先 and a 最后 with nothing between them
    but a whole numbered run of their level are the speaker's "first" and "finally" around
    the run, not a run of two."""
    words = [hit.marker.number for _, hit in chain]
    if chain[0][1].marker.family is not Family.SEQUENCE or words != [1, 0]:
        return False
    numbers = [
        hit.marker.number
        for _, hit in flat[place[id(chain[0][1])] + 1 : place[id(chain[1][1])]]
        if hit.placement is chain[0][1].placement and hit.marker.family.is_enumerator
    ]
    return len(numbers) >= 2 and numbers == list(range(1, len(numbers) + 1))


def _lead_run_styles(groups) -> set[str]:
    """Styles the document uses as paragraph-leading runs (第一，… 第二，… at paragraph starts).
    A lone item of such a style still counts: the run was cut off or restarts in a new part."""
    styles = set()
    for items in groups:
        for (_, a), (_, b) in pairwise(items):
            if a.placement is b.placement is Placement.LEAD and _exactly_follows(a, b):
                styles.add(a.marker.style)
    return styles


def run_continues(event: Event, hit: MarkerHit, kept: set[int]) -> bool:
    """Another item of `hit`'s run comes later in the same paragraph."""
    return any(
        other.offset > hit.offset and id(other) in kept and follows(hit, other) for other in event.hits
    )


def without(drafts: list[Draft], dropped: set[int]) -> list[Draft]:
    kept = [d for d in drafts if id(d) not in dropped]
    for d in kept:
        if d.children:
            d.children = without(d.children, dropped)
    return kept


def lone_enumerators(roots: list[Draft], lead_styles: set[str]) -> list[Draft]:
    """Enumerators with no sibling of their style to form a run. One exception: a lone
    paragraph-leading item of a style the document uses for lead runs, on the tree's final
    spine — the document was cut off right after it (web copies often are)."""
    lone: list[Draft] = []
    spine = set()
    chain = roots
    while chain:
        spine.add(id(chain[-1]))
        chain = chain[-1].children

    def visit(children: list[Draft]) -> None:
        styles: dict[str, list[Draft]] = {}
        for child in children:
            if needs_run(child.hit.marker):
                styles.setdefault(child.hit.marker.style, []).append(child)
            visit(child.children)
        for style, group in styles.items():
            paired: set[int] = set()  # id() of the drafts in a run
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
