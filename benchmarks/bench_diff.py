"""Diff timing: two outlines of 100 … 10,000 nodes aligned, and how the time grows; APTED
(`pip install apted`) beside it up to 1,000 nodes.

    python benchmarks/bench_diff.py

Each outline is a generated speech (3 levels, headings built from the phrase stock of
official speeches); its pair is the same speech edited: sections reordered, headings
reworded, items deleted and inserted, everything renumbered.
"""

from __future__ import annotations

import math
import random
import statistics
import sys
import time

# The phrase stock and numerals of the synthetic corpus generator (run from benchmarks/).
from corpus_gen import VERBS, cn, heading

from tigang.compare import diff
from tigang.outline import parse_text


def speech(nodes: int, seed: int) -> list[tuple[int, str]]:
    """(level, heading) in document order: sections, subsections and 1. items."""
    rng = random.Random(seed)
    out: list[tuple[int, str]] = []
    while len(out) < nodes:
        out.append((1, heading(rng)))
        for _ in range(rng.randrange(2, 6)):
            out.append((2, heading(rng)))
            out.extend((3, heading(rng)) for _ in range(rng.randrange(0, 5)))
    return out[:nodes]


def edited(items: list[tuple[int, str]], seed: int) -> list[tuple[int, str]]:
    rng = random.Random(seed)
    out = list(items)
    for _ in range(max(1, len(out) // 50)):
        i = rng.randrange(len(out))
        level, text = out[i]
        out[i] = (level, text.replace(text[:2], rng.choice(VERBS), 1))  # reworded
        del out[rng.randrange(len(out))]  # deleted
        j = rng.randrange(len(out))
        out.insert(j, (out[j][0], heading(rng)))  # inserted
    tops = [i for i, (level, _) in enumerate(out) if level == 1]
    if len(tops) >= 3:  # the last section moved to the front
        start = tops[-1]
        out = out[start:] + out[:start]
    return out


def render(items: list[tuple[int, str]], renumber: bool = False) -> str:
    counters = [0, 0, 0]
    lines = ["关于全年重点工作的讲话"]
    for level, text in items:
        counters[level - 1] += 1
        counters[level:] = [0] * (3 - level)
        n = counters[level - 1] + (1 if renumber else 0)
        marker = (f"{cn(n)}、", f"（{cn(n)}）", f"{n}.")[level - 1]
        lines.append(f"{marker}{text}。要抓紧抓实。")
    return "\n".join(lines) + "\n"


def growth(points: list[tuple[int, float]]) -> float:
    """The exponent k of time ∝ nodes^k, least squares on the log-log points."""
    xs = [math.log(n) for n, _ in points]
    ys = [math.log(t) for _, t in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)


APTED_UP_TO = 1000  # nodes: APTED (pip install apted) is timed beside tigang up to this size


def apted_seconds(a, b) -> float | None:
    """APTED on the same pair, as the reference column (bench_diff_reference.py compares the
    two on quality); None when APTED is not installed."""
    from bench_diff_reference import apted_pairs

    start = time.perf_counter()
    try:
        apted_pairs(a, b)
    except ImportError:
        return None
    return time.perf_counter() - start


def main() -> int:
    sizes = [int(a) for a in sys.argv[1:]] or [100, 250, 500, 1000, 2500, 5000, 10000]
    # CPU time beside wall time: on a shared machine the wall clock also counts other jobs.
    print(f"{'nodes':>6} {'diff ms':>9} {'cpu ms':>7} {'per node µs':>12}  score  {'APTED ms':>9}")
    points = []
    for nodes in sizes:
        items = speech(nodes, seed=nodes)
        a = parse_text(render(items))
        b = parse_text(render(edited(items, seed=nodes), renumber=True))
        times, cpu = [], []
        for _ in range(3):  # the median: the first 10,000-item run also imports scipy (0.25 s)
            start, start_cpu = time.perf_counter(), time.process_time()
            script = diff(a, b)
            times.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
        t = statistics.median(times)
        points.append((len(a), t))
        reference = apted_seconds(a, b) if nodes <= APTED_UP_TO else None
        column = f"{reference * 1000:>9.0f} ({reference / t:.0f}x)" if reference is not None else ""
        print(
            f"{len(a):>6} {t * 1000:>9.0f} {statistics.median(cpu) * 1000:>7.0f} {t / len(a) * 1e6:>12.0f}"
            f"  {script.score:.3f}  {column}"
        )
    large = [p for p in points if p[0] >= 500]
    if len(large) >= 2:
        print(f"growth from {large[0][0]:,} to {large[-1][0]:,} nodes: time ∝ n^{growth(large):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
