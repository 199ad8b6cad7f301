"""Diagram rendering time of every layout for synthetic outlines of 10, 100 and 300 items,
side by side, with how the time grows.

    python benchmarks/bench_render.py [--sizes 10 100 300] [--repeat 3] [--dpi 100]
                                      [--layouts tree mindmap org radial]

For each layout and size, in one run: the layout alone (boxes of measured sizes already
known, links routed), building the scene (fonts, wrapping by measured width, layout), the full
render to PNG and to SVG, and the render fitted to a 16:9 slide. Every item is drawn (no
folding). Prints the best of `--repeat` runs in milliseconds, then the ratios of the largest
size to the smallest (30× the items: a ratio near 30 is linear growth).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

from tigang.outline import parse_text
from tigang.outline.layout import (
    mindmap_links,
    org_chart,
    org_links,
    radial,
    radial_links,
    tidy_tree,
    tree_links,
    two_sided,
)
from tigang.outline.render.diagram import LAYOUTS, build, render

STEPS = ("layout", "build", "png", "svg", "16:9 png")

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


def place(layout: str, root, children, sizes) -> None:
    """The layout and its links, as the renderer calls them."""
    if layout == "tree":
        tree_links(root, children, tidy_tree(root, children, sizes), level_gap=40.0)
    elif layout == "mindmap":
        mindmap_links(root, children, two_sided(root, children, sizes))
    elif layout == "org":
        org_links(root, children, org_chart(root, children, sizes), indent=18.0)
    else:
        radial_links(root, children, radial(root, children, sizes))


def time_layout(layout: str, size: int, out: Path, dpi: float, repeat: int) -> list[float]:
    """Milliseconds of each step for one layout and one synthetic outline of `size` items."""
    outline = parse_text(synthetic_text(size))
    assert len(outline) == size, (len(outline), size)
    diagram = build(outline, layout=layout, fold_above=None)
    sizes = {n: (b.w, b.h) for n, b in diagram.boxes.items()}  # as measured
    options = {"layout": layout, "fold_above": None}
    timed = [
        lambda: place(layout, diagram.root, diagram.children, sizes),
        lambda: build(outline, **options),
        lambda: render(outline, out / "d.png", dpi=dpi, **options),
        lambda: render(outline, out / "d.svg", **options),
        lambda: render(outline, out / "s.png", dpi=dpi, page="16:9", **options),
    ]
    return [best(fn, repeat) for fn in timed]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 300])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--dpi", type=float, default=100)
    parser.add_argument("--layouts", nargs="+", choices=LAYOUTS, default=list(LAYOUTS))
    args = parser.parse_args(argv)

    sizes = sorted(args.sizes)
    ratio = f"{sizes[-1]}/{sizes[0]}"
    header = ["layout", "step", *(f"{n} items" for n in sizes), f"ratio {ratio}"]
    widths = [8, 9, *([11] * len(sizes)), 12]
    print(
        "  ".join(f"{h:>{w}}" for h, w in zip(header, widths, strict=True))
        + f"   (ms, best of {args.repeat})"
    )
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        for layout in args.layouts:
            rows = [time_layout(layout, size, out, args.dpi, args.repeat) for size in sizes]
            for k, step in enumerate(STEPS):
                times = [row[k] for row in rows]
                cells = [
                    layout if k == 0 else "",
                    step,
                    *(f"{t:.1f}" for t in times),
                    f"{times[-1] / times[0]:.1f}×",
                ]
                print("  ".join(f"{c:>{w}}" for c, w in zip(cells, widths, strict=True)))
            sys.stdout.flush()


if __name__ == "__main__":
    main()
