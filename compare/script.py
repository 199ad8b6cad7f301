"""The edit script from an alignment, and one structural similarity score.

Operations, each with a path in A and/or B (child indexes from the root) and a similarity:
`keep` (same heading, same place), `update` (reworded), `move` (reordered among siblings or
re-parented at the same depth), `level` (promoted or demoted), `insert` (only in B),
`delete` (only in A). A reworded item that also moved gets both `move` and `update`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

import networkx as nx

from .align import Alignment, Path, align
from .similarity import normalise


class Op(str, Enum):
    KEEP = "keep"
    UPDATE = "update"
    MOVE = "move"
    LEVEL = "level"
    INSERT = "insert"
    DELETE = "delete"


@dataclass(frozen=True, slots=True)
class Edit:
    op: Op
    a: Path | None
    b: Path | None
    similarity: float

    def to_dict(self) -> dict:
        return {
            "op": self.op.value,
            "a": list(self.a) if self.a is not None else None,
            "b": list(self.b) if self.b is not None else None,
            "similarity": round(self.similarity, 4),
        }


@dataclass(frozen=True)
class EditScript:
    edits: tuple[Edit, ...]
    score: float
    alignment: Alignment

    def count(self, op: Op) -> int:
        return sum(1 for e in self.edits if e.op is op)

    def to_dict(self) -> dict:
        return {"score": round(self.score, 4), "ops": [e.to_dict() for e in self.edits]}


# How much a matched pair counts toward the score, by what happened to it.
_WEIGHT = {Op.KEEP: 1.0, Op.UPDATE: 1.0, Op.MOVE: 0.9, Op.LEVEL: 0.8}


def _lcs_kept(xs: list[Path], ys: list[Path], pairs: dict[Path, Path]) -> set[Path]:
    """The A children that keep their order: a longest common subsequence under `pairs`."""
    n, m = len(xs), len(ys)
    dp = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            dp[i][j] = dp[i + 1][j + 1] + 1 if pairs.get(xs[i]) == ys[j] else max(dp[i + 1][j], dp[i][j + 1])
    kept, i, j = set(), 0, 0
    while i < n and j < m:
        if pairs.get(xs[i]) == ys[j]:
            kept.add(xs[i])
            i, j = i + 1, j + 1
        elif dp[i + 1][j] >= dp[i][j + 1]:
            i += 1
        else:
            j += 1
    return kept


def edit_script(alignment: Alignment) -> EditScript:
    a, b, pairs, sims = alignment.a, alignment.b, alignment.pairs, alignment.similarity
    in_order: set[Path] = set()
    for x, y in pairs.items():
        matched_kids = [c for c in a.children[x] if c in pairs and b.parent[pairs[c]] == y]
        target_kids = [c for c in b.children[y] if c in alignment.reverse]
        in_order |= _lcs_kept(matched_kids, target_kids, pairs)

    edits: list[Edit] = []
    total = 0.0
    for x in a.nodes:
        y = pairs.get(x)
        if y is None:
            edits.append(Edit(Op.DELETE, x, None, 0.0))
            continue
        s = sims[x]
        ops: list[Op] = []
        if len(x) != len(y):
            ops.append(Op.LEVEL)
        elif pairs.get(a.parent[x]) != b.parent[y] or x not in in_order:
            ops.append(Op.MOVE)
        if normalise(a.heading[x]) != normalise(b.heading[y]):
            ops.append(Op.UPDATE)
        if not ops:
            ops.append(Op.KEEP)
        edits.extend(Edit(op, x, y, s) for op in ops)
        total += s * min(_WEIGHT[op] for op in ops)
    matched_b = set(pairs.values())
    edits.extend(Edit(Op.INSERT, None, y, 0.0) for y in b.nodes if y not in matched_b)
    size = len(a.nodes) + len(b.nodes)
    score = 2 * total / size if size else 1.0
    return EditScript(tuple(edits), min(1.0, score), alignment)


def diff_graphs(graph_a: nx.DiGraph, graph_b: nx.DiGraph) -> EditScript:
    return edit_script(align(graph_a, graph_b))
