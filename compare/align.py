"""Aligning two outlines: which node of A is which node of B.

Phases in the GumTree family, each a function:

1. `match_identical` — equal headings, first where the parents' headings are equal too, then
   unique headings anywhere (a section moved to another part keeps its heading);
2. `match_similar` — reworded headings: best-first on heading similarity, with a bonus when
   the parents are already matched to each other (so 一要加强阵地建设 finds its twin even
   under a reworded parent, but prefers the one under the matching parent);
3. `match_containers` — an inner node whose heading changed a lot still matches the node that
   holds most of its matched descendants (a section renamed wholesale);
4. `recover_children` — among the unmatched children of matched parents, weaker similarity is
   enough, because the structure already vouches for the pair.

Numbering never takes part: the marker text is not compared, so renumbering changes nothing.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import networkx as nx

from .similarity import HeadingSpace, NearestHeadings, cosine, normalise

Path = tuple[int, ...]

SIMILAR = 0.5  # heading cosine that makes two headings the same item reworded
RECOVER = 0.3  # enough between children of matched parents
CONTAINER = 0.5  # share of matched descendants that makes a renamed container the same
PARENT_BONUS = 0.15


@dataclass
class Side:
    """One outline prepared for alignment: nodes in document order with their relations."""

    graph: nx.DiGraph
    order: list[Path] = field(default_factory=list)
    parent: dict[Path, Path | None] = field(default_factory=dict)
    children: dict[Path, list[Path]] = field(default_factory=dict)
    heading: dict[Path, str] = field(default_factory=dict)
    descendants: dict[Path, list[Path]] = field(default_factory=dict)

    @classmethod
    def of(cls, graph: nx.DiGraph) -> Side:
        side = cls(graph)
        stack = [()]
        while stack:  # preorder, children in document order
            node = stack.pop()
            side.order.append(node)
            kids = list(graph.successors(node))
            side.children[node] = kids
            for kid in kids:
                side.parent[kid] = node
            stack.extend(reversed(kids))
        side.parent[()] = None
        for node in side.order:
            side.heading[node] = graph.nodes[node].get("heading", "") if node else ""
        for node in reversed(side.order):
            below: list[Path] = []
            for kid in side.children[node]:
                below.append(kid)
                below.extend(side.descendants[kid])
            side.descendants[node] = below
        return side

    @property
    def nodes(self) -> list[Path]:
        """Every node but the root."""
        return self.order[1:]


@dataclass
class Alignment:
    a: Side
    b: Side
    pairs: dict[Path, Path]  # A node → B node (the roots included)
    similarity: dict[Path, float]  # A node → heading similarity of its pair

    @property
    def reverse(self) -> dict[Path, Path]:
        return {b: a for a, b in self.pairs.items()}


@dataclass
class Matching:
    """The state the phases share: both sides, heading vectors, and the pairs found so far."""

    a: Side
    b: Side
    vectors_a: dict[Path, dict[str, float]]
    vectors_b: dict[Path, dict[str, float]]
    pairs: dict[Path, Path] = field(default_factory=lambda: {(): ()})
    sims: dict[Path, float] = field(default_factory=lambda: {(): 1.0})
    used_b: set[Path] = field(default_factory=lambda: {()})

    def take(self, x: Path, y: Path, similarity: float) -> None:
        self.pairs[x] = y
        self.sims[x] = similarity
        self.used_b.add(y)

    def free(self, x: Path, y: Path) -> bool:
        return x not in self.pairs and y not in self.used_b

    def cosine(self, x: Path, y: Path) -> float:
        return cosine(self.vectors_a[x], self.vectors_b[y])


def align(graph_a: nx.DiGraph, graph_b: nx.DiGraph) -> Alignment:
    a, b = Side.of(graph_a), Side.of(graph_b)
    space = HeadingSpace([*(a.heading[n] for n in a.nodes), *(b.heading[n] for n in b.nodes)])
    m = Matching(
        a,
        b,
        {n: space.vector(a.heading[n]) for n in a.nodes},
        {n: space.vector(b.heading[n]) for n in b.nodes},
    )
    for phase in (match_identical, match_similar, match_containers, recover_children):
        phase(m)
    return Alignment(a, b, m.pairs, m.sims)


def match_identical(m: Matching) -> None:
    a, b = m.a, m.b
    by_heading_b: dict[str, list[Path]] = defaultdict(list)
    for node in b.nodes:
        by_heading_b[normalise(b.heading[node])].append(node)
    by_heading_a: dict[str, list[Path]] = defaultdict(list)
    for node in a.nodes:
        by_heading_a[normalise(a.heading[node])].append(node)
    # Equal heading under an equal parent heading, in document order (repeated headings such
    # as 一要加强领导 under several parts pair up part by part).
    for node in a.nodes:
        key = normalise(a.heading[node])
        if not key or node in m.pairs:
            continue
        parent_key = normalise(a.heading[a.parent[node]] if a.parent[node] else "")
        for other in by_heading_b.get(key, []):
            other_parent = b.parent[other]
            if (
                other not in m.used_b
                and normalise(b.heading[other_parent] if other_parent else "") == parent_key
            ):
                m.take(node, other, 1.0)
                break
    # A heading unique on both sides is the same item wherever it moved.
    for key, nodes in by_heading_a.items():
        others = by_heading_b.get(key, [])
        if key and len(nodes) == 1 and len(others) == 1 and m.free(nodes[0], others[0]):
            m.take(nodes[0], others[0], 1.0)


def match_similar(m: Matching) -> None:
    a, b = m.a, m.b
    free_a = [n for n in a.nodes if n not in m.pairs]
    free_b = [n for n in b.nodes if n not in m.used_b]
    if not free_a or not free_b:
        return
    index = NearestHeadings([m.vectors_a[n] for n in free_a])
    candidates: list[tuple[float, float, Path, Path]] = []
    for y in free_b:
        for i, s in index.similar(m.vectors_b[y], SIMILAR):
            x = free_a[i]
            bonus = PARENT_BONUS if m.pairs.get(a.parent[x]) == b.parent[y] else 0.0
            same_depth = 0.05 if len(x) == len(y) else 0.0
            candidates.append((s + bonus + same_depth, s, x, y))
    candidates.sort(key=lambda c: (-c[0], c[2], c[3]))
    for _, s, x, y in candidates:
        if m.free(x, y):
            m.take(x, y, s)


def match_containers(m: Matching) -> None:
    a, b = m.a, m.b
    for x in reversed(a.order):  # bottom-up: children are settled before their parents
        if x in m.pairs or not a.descendants[x]:
            continue
        votes: dict[Path, int] = defaultdict(int)
        for descendant in a.descendants[x]:
            if descendant not in m.pairs:
                continue
            parent = b.parent[m.pairs[descendant]]
            while parent:  # every B ancestor of a matched descendant is a candidate container
                if parent not in m.used_b:
                    votes[parent] += 1
                parent = b.parent[parent]
        best = None
        for y, count in votes.items():
            dice = 2 * count / (len(a.descendants[x]) + len(b.descendants[y]))
            if dice >= CONTAINER and (best is None or dice > best[0]):
                best = (dice, y)
        if best:
            m.take(x, best[1], m.cosine(x, best[1]))


def recover_children(m: Matching) -> None:
    for x in m.a.order:
        y = m.pairs.get(x)
        if y is None:
            continue
        free_a = [c for c in m.a.children[x] if c not in m.pairs]
        free_b = [c for c in m.b.children[y] if c not in m.used_b]
        scored = sorted(
            ((m.cosine(p, q), p, q) for p in free_a for q in free_b), key=lambda t: (-t[0], t[1], t[2])
        )
        for s, p, q in scored:
            if s >= RECOVER and m.free(p, q):
                m.take(p, q, s)
