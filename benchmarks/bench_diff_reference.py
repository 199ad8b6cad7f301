"""tigang's diff beside a general tree edit distance (APTED), on real outlines with known edits.

    pip install apted        # the reference: an optional dependency of this benchmark only
    python benchmarks/bench_diff_reference.py [--max-nodes 400]

Each real outline of ../shared (seeds and corpus) is edited with known truth (tests/editing.py:
reworded, reordered, deleted, inserted and promoted items, everything renumbered). Both
methods then say which item of the original became which item of the edit; the table gives
the precision and recall of those correspondences against the truth and the time of each,
measured side by side in one run (the machine is shared: read the ratio, not the seconds).

APTED (Pawlik & Augsten) finds a minimum-cost edit mapping that keeps ancestry and sibling
order; its costs here: delete 1, insert 1, rename 0 for an equal heading and 1 otherwise.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from editing import Editor  # noqa: E402
from goldfile import SHARED  # noqa: E402

from tigang.compare import diff  # noqa: E402
from tigang.compare.similarity import normalise  # noqa: E402
from tigang.outline import parse_file  # noqa: E402
from tigang.outline.model import Node, Outline  # noqa: E402

EDITS = ("reword", "reorder", "delete", "insert", "promote")
Pairs = set[tuple[tuple[int, ...], tuple[int, ...]]]


class Tree:
    """An outline item as APTED sees it: a label and children, and the path it stands for."""

    def __init__(self, label: str, path: tuple[int, ...], children: list[Tree]) -> None:
        self.label, self.path, self.children = label, path, children


def to_tree(outline: Outline) -> Tree:
    def visit(nodes: tuple[Node, ...], prefix: tuple[int, ...]) -> list[Tree]:
        return [
            Tree(normalise(n.heading), (*prefix, i), visit(n.children, (*prefix, i)))
            for i, n in enumerate(nodes)
        ]

    return Tree("", (), visit(outline.nodes, ()))


def apted_pairs(a: Outline, b: Outline) -> Pairs:
    from apted import APTED, Config

    class Costs(Config):
        def rename(self, x: Tree, y: Tree) -> int:
            return 0 if x.label == y.label else 1

        def children(self, node: Tree) -> list[Tree]:
            return node.children

    mapping = APTED(to_tree(a), to_tree(b), Costs()).compute_edit_mapping()
    return {(x.path, y.path) for x, y in mapping if x is not None and y is not None and x.path and y.path}


def tigang_pairs(a: Outline, b: Outline) -> Pairs:
    return {(e.a, e.b) for e in diff(a, b).edits if e.a is not None and e.b is not None}


def truth_pairs(editor: Editor) -> Pairs:
    return {(x, y) for op, x, y in editor.truth() if x is not None and y is not None}


def timed(fn, *args):
    start = time.perf_counter()
    result = fn(*args)
    return result, time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-nodes", type=int, default=400, help="skip larger outlines (APTED is cubic)")
    parser.add_argument("--rounds", type=int, default=2, help="edited versions per outline")
    args = parser.parse_args(argv)
    try:
        import apted  # noqa: F401
    except ImportError:
        print("the reference needs APTED: pip install apted", file=sys.stderr)
        return 2
    if not (SHARED / "seeds").is_dir():
        print(f"the real outlines are read from {SHARED}, which is missing", file=sys.stderr)
        return 2
    paths = sorted((SHARED / "seeds").glob("*.txt")) + sorted((SHARED / "corpus" / "raw").glob("*"))
    print(
        f"{'outline':<34} {'nodes':>5}   {'tigang P/R':>11} {'ms':>7}   {'APTED P/R':>11} {'ms':>8}  {'time ratio':>10}"
    )
    totals = {"tigang": [0, 0, 0, 0.0], "apted": [0, 0, 0, 0.0]}  # hits, found, truth, seconds
    for path in paths:
        outline = parse_file(path)
        if not 10 <= len(outline) <= args.max_nodes:
            continue
        for round_ in range(args.rounds):
            rng = random.Random(round_)
            editor = Editor(outline, rng)
            for _ in range(3):
                for kind in EDITS:
                    getattr(editor, kind)()
            edited = editor.result(renumber=True)
            truth = truth_pairs(editor)
            if not truth:  # nothing survived to be found (a flat outline, every item edited)
                continue
            row = []
            for name, method in (("tigang", tigang_pairs), ("apted", apted_pairs)):
                got, seconds = timed(method, outline, edited)
                hits = len(got & truth)
                total = totals[name]
                total[0] += hits
                total[1] += len(got)
                total[2] += len(truth)
                total[3] += seconds
                row.append((hits / len(got) if got else 0.0, hits / len(truth) if truth else 0.0, seconds))
            (tp, tr, ts), (ap, ar, at) = row
            name = f"{path.stem[:28]} #{round_}"
            print(
                f"{name:<34} {len(outline):>5}   {tp:.2f}/{tr:.2f} {ts * 1000:>7.0f}   "
                f"{ap:.2f}/{ar:.2f} {at * 1000:>8.0f}  {at / ts:>9.1f}x"
            )
    t, a = totals["tigang"], totals["apted"]
    print(
        f"{'all (micro)':<34} {'':>5}   {t[0] / t[1]:.2f}/{t[0] / t[2]:.2f} {t[3] * 1000:>7.0f}   "
        f"{a[0] / a[1]:.2f}/{a[0] / a[2]:.2f} {a[3] * 1000:>8.0f}  {a[3] / t[3]:>9.1f}x"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
