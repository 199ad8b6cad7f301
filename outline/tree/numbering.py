"""Numbering among siblings: the places of 然后/最后, and slips (skipped, repeated, restarted
numbers) recorded as anomalies for `tigang check`."""

from __future__ import annotations

from collections.abc import Set
from dataclasses import replace

from ..lexicon import CONTINUOUS_STYLES, MAY_CONTINUE
from ..model import Anomaly, AnomalyKind, Family, Node


def number_run(
    children: tuple[Node, ...], running: dict[str, int], fresh: Set[int] = frozenset()
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
