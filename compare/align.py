"""Aligning two outlines: which item of A plays the role of which item of B.

The phases run in order over one `Matching` state; each is a function, each fixes a real
case (docs/diff.md tells them with their cases):

1. `match_identical` — equal headings, first where the parents' headings are equal too, then
   unique headings anywhere (a section moved to another part keeps its heading);
2. `match_similar` — reworded headings: best-first on heading similarity, with a bonus when
   the parents are already matched to each other;
3. `match_containers` — an inner item whose heading changed a lot still matches the item that
   holds most of its matched descendants (a section renamed wholesale);
4. `match_children` — the children of matched parents, by an optimal assignment on content
   and heading similarity with a preference for the same place among the siblings: the role
   of a section in a fixed template (三、2021年重点工作 / 三、2022年政府工作任务);
5. `match_across_levels` — inside matched parents, an item that went one level up or down
   (a task that became a section of its own);
6. `match_moved` — what is left, anywhere: pairs that are each other's best match by a clear
   margin (a topic that moved to another part of the report).

Phases 4–6 repeat while they find pairs: a pair found by 6 opens its children to 4.

Numbering never takes part: markers are not compared, so renumbering changes nothing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from tigang.outline.model import Outline
from tigang.outline.parser import cyclic_gc_paused

from .assign import assign
from .confidence import confidence, evidence
from .features import BATCH_FROM, Features
from .side import ROOT, Path, Side
from .similarity import NearestHeadings, cosine


@dataclass(frozen=True)
class Thresholds:
    """The knobs of the alignment, by name (sqlglot's ChangeDistiller keeps its f and t so)."""

    similar: float = 0.5  # heading cosine that makes two headings one item reworded
    similar_elsewhere: float = 0.8  # … when the two parents are paired, but not with each other
    parent_bonus: float = 0.15  # for a reworded pair whose parents are already paired
    container: float = 0.5  # share of matched descendants that makes a renamed container the same
    heading_weight: float = 0.25  # heading against content in the combined similarity
    place_weight: float = 0.05  # same place among the siblings, in an assignment
    child: float = 0.12  # combined similarity enough between children of matched parents
    level: float = 0.35  # … for an item one level up or down under matched parents
    moved: float = 0.3  # … for a pair with no structure to vouch for it
    margin: float = 0.05  # a moved pair must beat each side's second choice by this much
    vouch: float = 0.5  # a pair found by content is at least this share of each side's best match
    typical_share: float = 0.3  # … and this share of what items with equal headings score
    related: float = 0.15  # whole-text similarity below which no pair is made on content alone
    min_confidence: float = 0.5  # pairs less likely than this to be right are dropped (confidence.py)


@dataclass
class Alignment:
    a: Side
    b: Side
    pairs: dict[Path, Path]  # A item → B item (the roots included)
    similarity: dict[Path, float]  # A item → similarity of its pair
    phase: dict[Path, str] = field(default_factory=dict)  # A item → the phase that paired it
    wording: dict[Path, float] = field(default_factory=dict)  # A item → heading similarity of its pair
    content: float = 0.0  # cosine of the two documents' whole texts
    confidence: dict[Path, float] = field(default_factory=dict)  # A item → how likely its pair is right
    evidence: dict[Path, tuple[float, ...]] = field(default_factory=dict)  # … the features behind it

    reverse: dict[Path, Path] = field(init=False)  # B item → A item

    def __post_init__(self) -> None:
        self.reverse = {b: a for a, b in self.pairs.items()}


@dataclass
class Matching:
    """The state the phases share: both sides, their vectors, and the pairs found so far."""

    a: Side
    b: Side
    f: Features
    t: Thresholds
    pairs: dict[Path, Path] = field(default_factory=lambda: {ROOT: ROOT})
    sims: dict[Path, float] = field(default_factory=lambda: {ROOT: 1.0})
    used_b: set[Path] = field(default_factory=lambda: {ROOT})
    phase: dict[Path, str] = field(default_factory=dict)
    current: str = ""  # the phase running now
    typical: float = 0.0  # median similarity of the pairs with equal headings (0: too few)
    content: float = 0.0  # cosine of the two documents' whole texts
    _combined: dict[tuple[Path, Path], float] = field(default_factory=dict)
    settled_a: set[Path] = field(default_factory=set)  # paired with an equal heading
    settled_b: set[Path] = field(default_factory=set)
    _best_a: dict[Path, float] = field(default_factory=dict)  # A item → its best similarity in B
    _best_b: dict[Path, float] = field(default_factory=dict)
    _unsettled: tuple[list[Path], list[Path]] | None = None  # items not paired by equal headings
    refused: set[tuple[Path, Path]] = field(default_factory=set)  # pairs dropped as doubtful

    def take(self, x: Path, y: Path, similarity: float) -> None:
        if (x, y) in self.refused or _article_and_division(self.a, x, self.b, y):
            return
        self.pairs[x] = y
        self.sims[x] = similarity
        self.used_b.add(y)
        self.phase[x] = self.current

    def free(self, x: Path, y: Path) -> bool:
        return x not in self.pairs and y not in self.used_b

    def cosine(self, x: Path, y: Path) -> float:
        """Heading similarity."""
        return cosine(self.f.heading(0, x), self.f.heading(1, y))

    def similarity(self, x: Path, y: Path) -> float:
        """Heading and content together, in [0, 1]."""
        key = (x, y)
        value = self._combined.get(key)
        if value is None:
            w = self.t.heading_weight
            content = cosine(self.f.content(0, x), self.f.content(1, y))
            value = (content + w * self.cosine(x, y)) / (1.0 + w)
            self._combined[key] = value
        return value

    def vouched(self, x: Path, y: Path, s: float) -> bool:
        """Neither item has a much better match elsewhere (matched or not). In two drafts, an
        inserted item and a deleted one under one parent share the parent's vocabulary, but
        each resembles a surviving sibling far more: they are not one item reworded.

        Items paired with an equal heading are not looked at: they are spoken for, and in
        two drafts they are nearly all of them (a 10,000-item diff would compare every
        changed item with every other)."""
        if s < self.t.typical_share * self.typical:
            return False
        if s >= self.t.vouch:  # no match scores above 1: nothing elsewhere can be twice as good
            return True
        if self._unsettled is None:
            self._unsettled = (
                [p for p in self.a.nodes if p not in self.settled_a],
                [q for q in self.b.nodes if q not in self.settled_b],
            )
        unsettled_a, unsettled_b = self._unsettled
        best_a = self._best_a.get(x)
        if best_a is None:
            best_a = max((self.similarity(x, q) for q in unsettled_b), default=s)
            self._best_a[x] = best_a
        best_b = self._best_b.get(y)
        if best_b is None:
            best_b = max((self.similarity(p, y) for p in unsettled_a), default=s)
            self._best_b[y] = best_b
        return s >= self.t.vouch * best_a and s >= self.t.vouch * best_b


def _article_and_division(a: Side, x: Path, b: Side, y: Path) -> bool:
    """An article (第十七条) is never a chapter or a part (第三章): a revision that adds
    chapters files the old articles under them, and the article's counterpart is the new
    article inside, whatever the two chapters' texts share. (章 and 节 may trade places.)"""
    unit_a, unit_b = a.node[x].marker.unit, b.node[y].marker.unit
    return unit_a != unit_b and "条" in (unit_a, unit_b) and bool(unit_a and unit_b)


def _prepare(a: Side, b: Side, t: Thresholds) -> Matching:
    f = Features(a, b)
    m = Matching(a, b, f, t)
    m.content = f.documents()
    return m


def align(outline_a: Outline, outline_b: Outline, thresholds: Thresholds | None = None) -> Alignment:
    """Which item of `outline_b` plays the role of which item of `outline_a`. Unnumbered part
    titles take part as items of their own (see `Side`); the pairs come back in the paths of
    the outlines' own items."""
    with cyclic_gc_paused():
        return _align(outline_a, outline_b, thresholds or Thresholds())


def _align(outline_a: Outline, outline_b: Outline, thresholds: Thresholds) -> Alignment:
    a, b = Side.of(outline_a, parts=True), Side.of(outline_b, parts=True)
    m = _prepare(a, b, thresholds)
    for phase in (match_unchanged, match_identical, match_children, match_similar, match_containers):
        if phase is match_children and m.content < m.t.related:
            continue
        m.current = phase.__name__
        phase(m)
    # A work report and a law share 0.04–0.14 of their vocabulary, two years of one report
    # about 0.5: below `related`, items that look alike do so by chance (建设, 依法, 发展).
    while m.content >= m.t.related:
        before = len(m.pairs)
        for phase in (match_children, match_across_levels, match_moved):
            m.current = phase.__name__
            phase(m)
        if len(m.pairs) == before:
            break
    found = evidence(m)
    sure = {x: confidence(v) for x, v in found.items()}
    dropped = _drop_doubtful(m, sure, found)
    if dropped and m.content >= m.t.related:
        # A doubtful pair frees both items for a partner the assignment among siblings could
        # not offer: a flat speech's 第六 against the 第四 of a sectioned one's 三、, one level
        # down. Those partners, scored alike, stay only if likelier right than wrong.
        m.refused |= dropped
        first_round = set(m.pairs)
        for phase in (match_across_levels, match_moved):
            m.current = phase.__name__
            phase(m)
        fresh = evidence(m, among=m.pairs.keys() - first_round)
        found |= fresh
        sure |= {x: confidence(v) for x, v in fresh.items()}
        _drop_doubtful(m, {x: sure[x] for x in fresh}, found)
    sure = {x: sure.get(x, 1.0) for x in m.pairs if x}
    wording = {x: 1.0 if a.key(x) == b.key(y) else m.cosine(x, y) for x, y in m.pairs.items() if x}
    if not (a.virtual or b.virtual):
        return Alignment(a, b, m.pairs, m.sims, m.phase, wording, m.content, sure, found)
    # Back to the outlines' own items: parts are not items, their pairs go.
    real = [(x, y) for x, y in m.pairs.items() if x and x not in a.virtual and y not in b.virtual]
    to_a, to_b = a.outline_path, b.outline_path
    return Alignment(
        Side.of(outline_a),
        Side.of(outline_b),
        {ROOT: ROOT} | {to_a[x]: to_b[y] for x, y in real},
        {ROOT: 1.0} | {to_a[x]: m.sims[x] for x, _ in real},
        {to_a[x]: m.phase[x] for x, _ in real},
        {to_a[x]: wording[x] for x, _ in real},
        m.content,
        {to_a[x]: sure[x] for x, _ in real},
        {to_a[x]: found[x] for x, _ in real if x in found},
    )


def _drop_doubtful(
    m: Matching, sure: dict[Path, float], found: dict[Path, tuple[float, ...]]
) -> set[tuple[Path, Path]]:
    """Unpair the pairs likelier wrong than right, all at once: a dropped pair does not change
    the others' evidence. Returns them."""
    dropped = set()
    for x, c in sure.items():
        if c < m.t.min_confidence:
            y = m.pairs.pop(x)
            m.used_b.discard(y)
            del m.sims[x], m.phase[x], found[x]
            dropped.add((x, y))
    return dropped


def match_unchanged(m: Matching) -> None:
    """Top-down: the children of matched pairs whose heading and text did not change, in
    their order (a longest common subsequence). A speech against itself is paired here item
    by item, repeated and empty headings (`一、` alone on a line) included."""

    def key(side: Side, path: Path) -> tuple[str, str]:
        node = side.node[path]
        return side.key(path), node.body

    queue = [ROOT]
    for x in queue:
        y = m.pairs[x]
        xs = [c for c in m.a.children[x] if c not in m.pairs]
        ys = [c for c in m.b.children[y] if c not in m.used_b]
        if not xs or not ys:
            continue
        keys_a, keys_b = [key(m.a, c) for c in xs], [key(m.b, c) for c in ys]
        blocks: Sequence[tuple[int, int, int]] = (
            [(0, 0, len(xs))]  # most children of two drafts: all unchanged, in order
            if keys_a == keys_b
            else SequenceMatcher(None, keys_a, keys_b, autojunk=False).get_matching_blocks()
        )
        for i, j, size in blocks:
            for k in range(size):
                m.take(xs[i + k], ys[j + k], 1.0)
                queue.append(xs[i + k])


def match_identical(m: Matching) -> None:
    a, b = m.a, m.b
    by_heading_b: dict[str, list[Path]] = defaultdict(list)
    for node in b.nodes:
        by_heading_b[b.key(node)].append(node)
    by_heading_a: dict[str, list[Path]] = defaultdict(list)
    for node in a.nodes:
        by_heading_a[a.key(node)].append(node)
    # Equal heading under an equal parent heading, in document order (repeated headings such
    # as 一要加强领导 under several parts pair up part by part).
    for node in a.nodes:
        key = a.key(node)
        if not key or node in m.pairs:
            continue
        parent_key = a.key(a.parent[node] or None)
        for other in by_heading_b.get(key, []):
            other_parent = b.parent[other]
            if other not in m.used_b and b.key(other_parent or None) == parent_key:
                m.take(node, other, 1.0)
                break
    # A heading unique on both sides is the same item wherever it moved.
    for key, nodes in by_heading_a.items():
        others = by_heading_b.get(key, [])
        if key and len(nodes) == 1 and len(others) == 1 and m.free(nodes[0], others[0]):
            m.take(nodes[0], others[0], 1.0)
    m.settled_a = {x for x in m.pairs if x}
    m.settled_b = {y for y in m.used_b if y}
    # How alike the two documents are where they surely agree: two drafts of one speech score
    # near 1 here, two years of a report far less. A pair found on content alone must not
    # fall far below it (in drafts, an inserted item beside a deleted one shares only the
    # words of their section).
    # (A median over at most 63 of them, spread evenly: two drafts pair thousands here.)
    paired = [(x, y) for x, y in m.pairs.items() if x]
    step = max(1, len(paired) // 63)
    same = sorted(m.similarity(x, y) for x, y in paired[::step])
    if len(same) >= 3:
        m.typical = same[len(same) // 2]


def match_similar(m: Matching) -> None:
    a, b = m.a, m.b
    free_a = [n for n in a.nodes if n not in m.pairs]
    free_b = [n for n in b.nodes if n not in m.used_b]
    if not free_a or not free_b:
        return
    index = NearestHeadings([m.f.heading(0, n) for n in free_a])
    candidates: list[tuple[float, float, Path, Path]] = []
    for y in free_b:
        for i, s in index.similar(m.f.heading(1, y), m.t.similar):
            x = free_a[i]
            partner = m.pairs.get(a.parent[x])  # type: ignore[arg-type]
            # Each parent has its own partner: the structure says these are two items unless
            # the headings are nearly equal (（一）保持宏观政策… of this year's tasks and
            # 一是保持宏观政策… of last year's review are two).
            elsewhere = partner is not None and partner != b.parent[y] and b.parent[y] in m.used_b
            if elsewhere and s < m.t.similar_elsewhere:
                continue
            bonus = m.t.parent_bonus if partner == b.parent[y] else 0.0
            same_depth = 0.05 if len(x) == len(y) else 0.0
            candidates.append((s + bonus + same_depth, s, x, y))
    candidates.sort(key=lambda c: (-c[0], c[2], c[3]))
    for _, s, x, y in candidates:
        if m.free(x, y):
            m.take(x, y, s)


def match_containers(m: Matching) -> None:
    a, b = m.a, m.b
    for x in reversed(a.order):  # bottom-up: children are settled before their parents
        below = a.descendants(x)
        if x in m.pairs or not below:
            continue
        votes: dict[Path, int] = defaultdict(int)
        for descendant in below:
            if descendant not in m.pairs:
                continue
            parent = b.parent[m.pairs[descendant]]
            while parent:  # every B ancestor of a matched descendant is a candidate container
                if parent not in m.used_b:
                    votes[parent] += 1
                parent = b.parent[parent]
        best = None
        for y, count in votes.items():
            dice = 2 * count / (len(below) + b.size[y] - 1)
            if dice >= m.t.container and (best is None or dice > best[0]):
                best = (dice, y)
        if best:
            m.take(x, best[1], m.similarity(x, best[1]))


def _assign_and_take(m: Matching, xs: list[Path], ys: list[Path], floor: float) -> None:
    if not xs or not ys:
        return
    w = m.t.place_weight
    sims = [[m.similarity(x, y) for y in ys] for x in xs]
    score = [
        [s + w * (1.0 - abs(m.a.place(x) - m.b.place(y))) for s, y in zip(row, ys, strict=True)]
        for row, x in zip(sims, xs, strict=True)
    ]
    # Siblings share their parent's words (推进, 加快, 建设 under a year's tasks), so every
    # pair among them can score alike, and the assignment then pairs topic with unrelated
    # topic, each the least bad of a flat row. How far a pair stands out from its row and
    # column is evidence for its confidence (confidence.py), not a rule here: a hard rule
    # (0.1 above the mean) also refused every pair of two speeches on one occasion, whose
    # sections all speak of one subject and pair by their role.
    for i, j in assign(score):
        s = sims[i][j]
        # An assignment can force a pair neither item would choose: keep it only if it is the
        # best partner of one of the two among the siblings.
        chosen = s >= max(sims[i]) or s >= max(row[j] for row in sims)
        if chosen and s >= floor and m.vouched(xs[i], ys[j], s):
            m.take(xs[i], ys[j], s)


def _free_children(m: Matching) -> Iterator[tuple[list[Path], list[Path]]]:
    """For each matched pair, top-down: the free children of its two items."""
    # Only parents with a free child can yield one (items get paired here, never unpaired).
    waiting = {m.a.parent[x] for x in m.a.nodes if x not in m.pairs}
    for x in m.a.order:
        if x not in waiting:
            continue
        y = m.pairs.get(x)
        if y is not None and m.a.children[x] and m.b.children[y]:
            xs = [c for c in m.a.children[x] if c not in m.pairs]
            ys = [c for c in m.b.children[y] if c not in m.used_b]
            yield xs, ys


def match_children(m: Matching) -> None:
    """Top-down: the free children of each matched pair, by an optimal assignment."""
    for xs, ys in _free_children(m):
        _assign_and_take(m, xs, ys, m.t.child)


def match_across_levels(m: Matching) -> None:
    """Inside a matched pair, free children of one side against free grandchildren of the
    other, reached through a free child (a 章 whose 节 became 章 of their own)."""
    for xs, ys in _free_children(m):
        down_b = [g for c in ys for g in m.b.children[c] if g not in m.used_b]
        down_a = [g for c in xs for g in m.a.children[c] if g not in m.pairs]
        _assign_and_take(m, xs, down_b, m.t.level)
        xs = [c for c in xs if c not in m.pairs]
        ys = [c for c in ys if c not in m.used_b]
        _assign_and_take(m, down_a, ys, m.t.level)


def match_moved(m: Matching) -> None:
    """Free items anywhere that are each other's best match, by a margin."""
    free_a = [n for n in m.a.nodes if n not in m.pairs]
    free_b = [n for n in m.b.nodes if n not in m.used_b]
    if not free_a or not free_b:
        return
    if len(free_a) * len(free_b) >= BATCH_FROM:
        best_a, best_b = _best_two_batched(m, free_a, free_b)
    else:
        best_a, best_b = _best_two(m, free_a, free_b)
    for x, (s, second, y) in best_a.items():
        if s < m.t.moved or s - second < m.t.margin:
            continue
        s_b, second_b, back = best_b[y]
        if back == x and s_b - second_b >= m.t.margin and m.free(x, y):
            m.take(x, y, s)


Best = dict[Path, tuple[float, float, Path]]  # item → (best similarity, second best, best partner)


def _best_two(m: Matching, free_a: list[Path], free_b: list[Path]) -> tuple[Best, Best]:
    best_a: Best = {}
    best_b: Best = {}
    for x in free_a:
        for y in free_b:
            s = m.similarity(x, y)
            for best, key, other in ((best_a, x, y), (best_b, y, x)):
                first, second, who = best.get(key, (0.0, 0.0, ROOT))
                if s > first:
                    best[key] = (s, first, other)
                elif s > second:
                    best[key] = (first, s, who)
    return best_a, best_b


def _best_two_batched(m: Matching, free_a: list[Path], free_b: list[Path]) -> tuple[Best, Best]:
    """`_best_two` from blocks of sparse products: thousands of free items on each side (two
    long documents that differ a lot) would be millions of pairs in Python."""
    import numpy as np

    col_first = np.zeros(len(free_b))
    col_second = np.zeros(len(free_b))
    col_who = np.full(len(free_b), -1)
    best_a: Best = {}
    for start, block in m.f.similarity_blocks(free_a, free_b, m.t.heading_weight):
        top = np.argmax(block, axis=1)
        first = block[np.arange(len(block)), top]
        second = np.partition(block, -2, axis=1)[:, -2] if block.shape[1] > 1 else np.zeros(len(block))
        for k, (j, s, s2) in enumerate(zip(top.tolist(), first.tolist(), second.tolist(), strict=True)):
            if s > 0.0:
                best_a[free_a[start + k]] = (s, s2, free_b[j])
        # Columns: merge this block's two best rows into the running two best.
        rows = np.argmax(block, axis=0)
        block_first = block[rows, np.arange(block.shape[1])]
        block_second = np.partition(block, -2, axis=0)[-2] if len(block) > 1 else np.zeros(block.shape[1])
        better = block_first > col_first
        col_second = np.where(
            better, np.maximum(col_first, block_second), np.maximum(col_second, block_first)
        )
        col_who = np.where(better, rows + start, col_who)
        col_first = np.where(better, block_first, col_first)
    best_b: Best = {
        free_b[j]: (s, s2, free_a[i])
        for j, (s, s2, i) in enumerate(
            zip(col_first.tolist(), col_second.tolist(), col_who.tolist(), strict=True)
        )
        if i >= 0
    }
    return best_a, best_b
