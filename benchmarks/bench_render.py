"""Diagram rendering time for synthetic outlines of 10, 100 and 300 nodes, side by side.

    python benchmarks/bench_render.py [--sizes 10 100 300] [--repeat 3] [--dpi 100]

For each size, in one run: the layout alone (tidy tree and mind map, boxes of measured sizes
already known), building the diagram (graph, fonts, wrapping by measured width, layout), and
the full render to PNG and SVG. Prints the best of `--repeat` runs in milliseconds.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

from tigang.outline import parse_text
from tigang.outline.graph import ROOT, children_of, to_digraph
from tigang.outline.layout import radial, tidy_tree
from tigang.outline.render.diagram import build, render

CN = "一二三四五六七八九十"
WORDS = tuple(
    "加强组织领导推进项目建设优化营商环境强化要素保障深化改革开放统筹发展安全"
    "提升治理能力压实工作责任狠抓落实见效守牢底线服务群众基层党建乡村振兴产业"[i : i + 2]
    for i in range(0, 72, 2)
)


def cn_number(n: int) -> str:
    if n <= 10:
        return CN[n - 1]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else CN[tens - 1]) + "十" + (CN[ones - 1] if ones else "")


def heading(rng: random.Random) -> str:
    return "".join(rng.choice(WORDS) for _ in range(rng.randint(2, 9)))


def synthetic_text(nodes: int, seed: int = 0) -> str:
    """A speech with exactly `nodes` numbered items on three levels (一、 / （一） / 1．)."""
    rng = random.Random(seed)
    lines = ["在全县重点工作推进会上的讲话", ""]
    count = 0
    section = 0
    while count < nodes:
        section += 1
        lines.append(f"{cn_number(section)}、{heading(rng)}")
        count += 1
        for sub in range(1, rng.randint(2, 6)):
            if count >= nodes:
                break
            lines.append(f"（{cn_number(sub)}）{heading(rng)}。要{heading(rng)}。")
            count += 1
            for item in range(1, rng.randint(1, 7)):
                if count >= nodes:
                    break
                lines.append(f"{item}．{heading(rng)}。{heading(rng)}。")
                count += 1
    return "\n".join(lines) + "\n"


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times) * 1000


def time_size(size: int, out: Path, dpi: float, repeat: int) -> list[float]:
    """Milliseconds for each column of the table, for one synthetic outline of `size` items."""
    outline = parse_text(synthetic_text(size))
    assert len(outline) == size, (len(outline), size)
    graph = to_digraph(outline)
    children = children_of(graph)
    placed = build(outline).boxes
    sizes = {n: (placed[n].w, placed[n].h) for n in graph}  # as measured
    timed = [
        lambda: tidy_tree(ROOT, children, sizes),
        lambda: radial(ROOT, children, sizes),
        lambda: build(outline),
        lambda: render(outline, out / "t.png", dpi=dpi),
        lambda: render(outline, out / "t.svg"),
        lambda: render(outline, out / "m.png", dpi=dpi, layout="mindmap"),
    ]
    return [best(fn, repeat) for fn in timed]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 300])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--dpi", type=float, default=100)
    args = parser.parse_args(argv)

    header = ("nodes", "layout tree", "layout mindmap", "build tree", "png tree", "svg tree", "png mindmap")
    print("  ".join(f"{h:>14}" for h in header) + f"   (ms, best of {args.repeat})")
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        for size in args.sizes:
            row = time_size(size, out, args.dpi, args.repeat)
            print(f"{size:>14}  " + "  ".join(f"{t:>14.1f}" for t in row))
            sys.stdout.flush()


if __name__ == "__main__":
    main()
