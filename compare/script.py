"""The edit script from an alignment, and how alike the two outlines are.

Operations, each with a path in A and/or B (child indexes from the root) and a similarity:
`keep` (same heading, same place), `update` (reworded), `move` (reordered among siblings or
re-parented at the same depth), `level` (promoted or demoted), `insert` (only in B),
`delete` (only in A). A reworded item that also moved gets both `move` and `update`.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from enum import Enum
from typing import Any

from .align import Alignment
from .side import Path, Side


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
    confidence: float = 1.0  # how likely the pair is right (compare.confidence); 1 for insert/delete


# The version of the JSON document `EditScript.to_dict` writes (docs/diff.schema.json).
JSON_VERSION = 1


@dataclass(frozen=True)
class EditScript:
    edits: tuple[Edit, ...]
    score: float  # the similarity of the two outlines, in [0, 1]: see `edit_script`
    alignment: Alignment
    structure: float = 0.0  # share of items with a counterpart (moves and level changes count less)
    wording: float = 0.0  # mean heading similarity of the paired items
    content: float = 0.0  # cosine of the two documents' whole texts

    def count(self, op: Op) -> int:
        return sum(1 for e in self.edits if e.op is op)

    @property
    def changed(self) -> bool:
        """Whether the outlines differ at all (anything but `keep`)."""
        return any(e.op is not Op.KEEP for e in self.edits)

    def to_dict(self, names: tuple[str, str] | None = None) -> dict[str, Any]:
        """The diff as a JSON-ready dict: both documents, the scores, and every operation
        with the items it touches described in full (docs/diff.schema.json)."""
        sides = (self.alignment.a, self.alignment.b)

        def document(i: int) -> dict[str, Any]:
            outline = sides[i].outline
            return {
                "file": names[i] if names else outline.source,
                "title": outline.title,
                "items": len(sides[i].nodes),
            }

        def item(side: Side, path: Path | None) -> dict[str, Any] | None:
            if path is None:
                return None
            node = side.node[path]
            return {
                "path": list(path),
                "marker": node.marker.text,
                "heading": node.heading,
                "level": node.level,
                "line": node.line,
            }

        return {
            "version": JSON_VERSION,
            "a": document(0),
            "b": document(1),
            "score": round(self.score, 4),
            "structure": round(self.structure, 4),
            "wording": round(self.wording, 4),
            "content": round(self.content, 4),
            "counts": {op.value: self.count(op) for op in Op},
            "ops": [
                {
                    "op": e.op.value,
                    "a": item(sides[0], e.a),
                    "b": item(sides[1], e.b),
                    "similarity": round(e.similarity, 4),
                    "confidence": round(e.confidence, 4),
                }
                for e in self.edits
            ],
        }


# How much a matched pair counts toward the score, by what happened to it.
_WEIGHT = {Op.KEEP: 1.0, Op.UPDATE: 1.0, Op.MOVE: 0.9, Op.LEVEL: 0.8}
# What a pair with nothing in common but its role counts, against 1 for the same heading:
# the role is most of what two outlines share (三、2021年重点工作 / 三、2022年政府工作任务).
_ROLE = 0.6


def _in_order(xs: list[Path], ys: list[Path], pairs: dict[Path, Path]) -> set[Path]:
    """The A children that keep their order: the longest run of `xs` whose partners stand in
    the same order among `ys` (a longest increasing subsequence, O(n log n))."""
    place = {y: j for j, y in enumerate(ys)}
    seq = [place[pairs[x]] for x in xs]
    tails: list[int] = []  # tails[k]: index into seq ending the best run of length k + 1
    values: list[int] = []  # seq[tails[k]], kept beside for bisect
    back = [-1] * len(seq)
    for i, value in enumerate(seq):
        k = bisect_left(values, value)
        if k > 0:
            back[i] = tails[k - 1]
        if k == len(tails):
            tails.append(i)
            values.append(value)
        else:
            tails[k] = i
            values[k] = value
    kept: set[Path] = set()
    i = tails[-1] if tails else -1
    while i >= 0:
        kept.add(xs[i])
        i = back[i]
    return kept


def edit_script(alignment: Alignment) -> EditScript:
    """The edits, and the scores:

    - `structure`: the share of the two outlines' items that have a counterpart,
      2 · paired / (items of A + items of B), a moved item counting 0.9 and a promoted or
      demoted one 0.8;
    - `wording`: how alike the paired headings are (1 when every paired heading is the same);
    - `score`: `structure` with each pair discounted by its wording, from 1 (same headings)
      to 0.6 (nothing in common but the role): 1 for an outline against itself or renumbered,
      0 for unrelated documents;
    - `content`: how alike the whole texts are, apart from the outline (a topic measure).
    """
    a, b, pairs, sims = alignment.a, alignment.b, alignment.pairs, alignment.similarity
    in_order: set[Path] = set()
    for parent_a, parent_b in pairs.items():
        if not a.children[parent_a]:  # most items are leaves
            continue
        matched_kids = [c for c in a.children[parent_a] if c in pairs and b.parent[pairs[c]] == parent_b]
        target_kids = [c for c in b.children[parent_b] if c in alignment.reverse]
        in_order |= _in_order(matched_kids, target_kids, pairs)

    edits: list[Edit] = []
    shared = 0.0  # paired items, weighted by what happened to them
    worded = 0.0  # … and by how alike their headings are
    for x in a.nodes:
        y = pairs.get(x)
        if y is None:
            edits.append(Edit(Op.DELETE, x, None, 0.0))
            continue
        s = sims[x]
        ops: list[Op] = []
        if len(x) != len(y):
            ops.append(Op.LEVEL)
        elif pairs.get(x[:-1]) != y[:-1] or x not in in_order:  # a path's parent is its prefix
            ops.append(Op.MOVE)
        if a.key(x) != b.key(y):
            ops.append(Op.UPDATE)
        if not ops:
            ops.append(Op.KEEP)
        sure = alignment.confidence.get(x, 1.0)
        edits.extend(Edit(op, x, y, s, sure) for op in ops)
        weight = min(_WEIGHT[op] for op in ops)
        shared += weight
        worded += weight * (_ROLE + (1.0 - _ROLE) * alignment.wording.get(x, 1.0))
    matched_b = set(pairs.values())
    edits.extend(Edit(Op.INSERT, None, y, 0.0) for y in b.nodes if y not in matched_b)
    size = len(a.nodes) + len(b.nodes)
    paired = len(pairs) - 1
    return EditScript(
        tuple(edits),
        score=min(1.0, 2 * worded / size) if size else 1.0,
        alignment=alignment,
        structure=min(1.0, 2 * shared / size) if size else 1.0,
        wording=sum(alignment.wording.values()) / paired if paired else (1.0 if not size else 0.0),
        content=alignment.content if size else 1.0,
    )
