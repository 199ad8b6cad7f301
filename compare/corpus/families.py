"""Template families: documents joined by near-duplicate structure, and what they share.

Two documents whose aligned pair scores at least `threshold` are one template; a family is a
connected component of that graph (union-find over the `pairs` table). Families are numbered
from 1, largest first (ties by the first member's path), so `--family 3` means the same
thing on every run over the same database. The skeleton of a family is `compare_many` over
its members (the `max_members` best connected ones when the family is large).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from . import store

THRESHOLD = 0.6
MAX_MEMBERS = 24  # compare_many aligns all pairs of the members it gets


@dataclass(frozen=True)
class TemplateFamily:
    number: int
    members: tuple[int, ...]  # document ids, in path order
    paths: tuple[str, ...]
    mean_score: float  # mean score of the family's scored pairs

    def __len__(self) -> int:
        return len(self.members)


class UnionFind:
    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        parent = self.parent.setdefault(x, x)
        while parent != x:
            grand = self.parent[parent]
            self.parent[x] = grand
            x, parent = parent, grand
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def components(pairs: Iterable[tuple[int, int, float]], threshold: float) -> list[list[int]]:
    """Groups of two or more ids joined by pairs scoring ≥ threshold."""
    uf = UnionFind()
    for a, b, score in pairs:
        if score >= threshold:
            uf.union(a, b)
    groups: dict[int, list[int]] = {}
    for x in list(uf.parent):
        groups.setdefault(uf.find(x), []).append(x)
    return [sorted(g) for g in groups.values() if len(g) > 1]


def find_families(con, threshold: float = THRESHOLD) -> list[TemplateFamily]:
    pairs = con.execute("select a, b, score from pairs where score >= ?", [threshold]).fetchall()
    groups = components(pairs, threshold)
    paths = store.paths_by_id(con, {d for g in groups for d in g})
    sums: dict[int, list[float]] = {}
    family_of = {d: i for i, g in enumerate(groups) for d in g}
    for a, _, score in pairs:
        sums.setdefault(family_of[a], []).append(score)
    ordered = sorted(range(len(groups)), key=lambda i: (-len(groups[i]), min(paths[d] for d in groups[i])))
    out = []
    for number, i in enumerate(ordered, 1):
        members = sorted(groups[i], key=lambda d: paths[d])
        scores = sums.get(i, [])
        out.append(
            TemplateFamily(
                number,
                tuple(members),
                tuple(paths[d] for d in members),
                sum(scores) / len(scores) if scores else 0.0,
            )
        )
    return out


def central_members(con, family: TemplateFamily, limit: int = MAX_MEMBERS) -> list[int]:
    """The members with the highest total score to the others (all of them when few)."""
    if len(family) <= limit:
        return list(family.members)
    totals = dict.fromkeys(family.members, 0.0)
    for a, b, score in con.execute(
        "select a, b, score from pairs where a in (select unnest($1::integer[])) "
        "and b in (select unnest($1::integer[]))",
        [list(family.members)],
    ).fetchall():
        totals[a] += score
        totals[b] += score
    best = sorted(family.members, key=lambda d: (-totals[d], d))[:limit]
    return [d for d in family.members if d in set(best)]


def family_skeleton(con, family: TemplateFamily, *, min_share: float = 0.5, max_members: int = MAX_MEMBERS):
    """(skeleton, member paths used) of a family, from the stored outlines."""
    from ..skeleton import compare_many

    members = central_members(con, family, max_members)
    stored = store.outlines(con, members)
    outlines = [stored[d] for d in members]
    return compare_many(outlines, min_share), [o.source or "" for o in outlines], outlines
