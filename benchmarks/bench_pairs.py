"""How well `tigang diff` aligns real pairs of *different* documents, against gold alignments.

    python benchmarks/bench_pairs.py                 # every pair, dev and held-out apart
    python benchmarks/bench_pairs.py --split dev -v  # one split, with each wrong or missed pair
    python benchmarks/bench_pairs.py --min-confidence 0.7  # only the pairs the aligner is sure of

The pairs and the gold format are described in benchmarks/pairs/README.md. A predicted pair
is right when the gold has it as sure (S) or possible (P); recall counts the sure pairs only
(the usual sure/possible scheme of alignment evaluation). Texts marked `shared:` are read
from ../shared beside the checkout.
"""

from __future__ import annotations

import argparse
import gzip
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

from tigang.compare import Thresholds, diff
from tigang.outline import Outline, parse_file, parse_text

PAIRS = Path(__file__).resolve().parent / "pairs"
SHARED = Path(__file__).resolve().parents[2] / "shared"

Key = tuple[int, str]  # (line, marker as written): one item of one document


@dataclass(frozen=True)
class Pair:
    id: str
    kind: str
    split: str
    a: Path
    b: Path

    @property
    def gold_path(self) -> Path:
        return PAIRS / "gold" / self.split / f"{self.id}.tsv"


@dataclass
class Gold:
    sure: set[tuple[Key, Key]] = field(default_factory=set)
    possible: set[tuple[Key, Key]] = field(default_factory=set)
    headings: dict[tuple[Key, Key], tuple[str, str]] = field(default_factory=dict)


@dataclass
class Result:
    pair: Pair
    right: int  # predicted pairs the gold has (sure or possible)
    predicted: int
    sure_found: int  # sure gold pairs predicted
    sure: int
    reachable: int  # sure gold pairs whose two items the parser found
    score: float
    seconds: float
    wrong: list[tuple[Key, Key]]
    missed: list[tuple[Key, Key]]

    @property
    def precision(self) -> float:
        return self.right / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.sure_found / self.sure if self.sure else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _path(spec: str) -> Path:
    if spec.startswith("shared:"):
        return SHARED / spec.removeprefix("shared:")
    if spec.startswith("outlines:"):  # a text of the parser's collection (benchmarks/outlines)
        return PAIRS.parent / "outlines" / "texts" / spec.removeprefix("outlines:")
    return PAIRS / "texts" / spec


def load_pairs(split: str | None = None) -> list[Pair]:
    doc = tomllib.loads((PAIRS / "pairs.toml").read_text(encoding="utf-8"))
    pairs = [Pair(p["id"], p["kind"], p["split"], _path(p["a"]), _path(p["b"])) for p in doc["pair"]]
    return [p for p in pairs if split in (None, p.split)]


def read_outline(path: Path) -> Outline:
    """Texts under texts/ are stored gzip-compressed (UTF-8); ../shared ones as published."""
    if path.suffix == ".gz":
        return parse_text(gzip.decompress(path.read_bytes()).decode("utf-8"), source=path.stem)
    return parse_file(path)


def _marker(text: str) -> str:
    return "".join(text.split())


def read_gold(path: Path) -> Gold:
    gold = Gold()
    rows = [
        line.rstrip("\n").split("\t")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    for row in rows[1:]:  # rows[0] is the column header
        pair = ((int(row[0]), _marker(row[1])), (int(row[2]), _marker(row[3])))
        (gold.sure if row[4] == "S" else gold.possible).add(pair)
        gold.headings[pair] = (row[5] if len(row) > 5 else "", row[6] if len(row) > 6 else "")
    return gold


def keys(outline: Outline) -> dict[tuple[int, ...], Key]:
    """Each node's path → (line, marker)."""
    out: dict[tuple[int, ...], Key] = {}

    def visit(nodes, prefix):
        for i, node in enumerate(nodes):
            path = (*prefix, i)
            out[path] = (node.line, _marker(node.marker.text))
            visit(node.children, path)

    visit(outline.nodes, ())
    return out


def evaluate(pair: Pair, **options) -> Result:
    gold = read_gold(pair.gold_path)
    a, b = read_outline(pair.a), read_outline(pair.b)
    start = time.perf_counter()
    script = diff(a, b, **options)
    seconds = time.perf_counter() - start
    ka, kb = keys(a), keys(b)
    predicted = {(ka[x], kb[y]) for x, y in script.alignment.pairs.items() if x and y}
    allowed = gold.sure | gold.possible
    found_a, found_b = set(ka.values()), set(kb.values())
    return Result(
        pair,
        right=len(predicted & allowed),
        predicted=len(predicted),
        sure_found=len(predicted & gold.sure),
        sure=len(gold.sure),
        reachable=sum(1 for x, y in gold.sure if x in found_a and y in found_b),
        score=script.score,
        seconds=seconds,
        wrong=sorted(predicted - allowed),
        missed=sorted(gold.sure - predicted),
    )


def totals(results: list[Result]) -> tuple[float, float, float]:
    """Micro-averaged precision, recall and F1 over the pairs."""
    right = sum(r.right for r in results)
    predicted = sum(r.predicted for r in results)
    found = sum(r.sure_found for r in results)
    sure = sum(r.sure for r in results)
    p = right / predicted if predicted else 1.0
    r = found / sure if sure else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _labels(outline: Outline) -> dict[Key, str]:
    out: dict[Key, str] = {}
    for node in outline.walk():
        out[(node.line, _marker(node.marker.text))] = node.label
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=sorted({p.split for p in load_pairs()}))
    parser.add_argument(
        "--min-confidence", type=float, help="as `tigang diff --min-confidence` (default: the aligner's)"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="list wrong and missed pairs")
    args = parser.parse_args()
    if not SHARED.is_dir():
        print(f"needs {SHARED} beside the checkout", file=sys.stderr)
        return 2
    by_split: dict[str, list[Result]] = {}
    options = (
        {} if args.min_confidence is None else {"thresholds": Thresholds(min_confidence=args.min_confidence)}
    )
    print(
        f"{'pair':<28} {'kind':<28} {'P':>5} {'R':>5} {'F1':>5} {'pred':>5} {'gold S':>6} {'score':>6} {'ms':>6}"
    )
    for pair in load_pairs(args.split):
        if not pair.gold_path.exists():
            print(f"{pair.id:<28} (no gold yet)")
            continue
        result = evaluate(pair, **options)
        by_split.setdefault(pair.split, []).append(result)
        print(
            f"{pair.id:<28} {pair.kind:<28} {result.precision:>5.2f} {result.recall:>5.2f} {result.f1:>5.2f}"
            f" {result.predicted:>5} {result.sure:>6} {result.score:>6.2f} {result.seconds * 1000:>6.0f}"
        )
        if args.verbose:
            la, lb = _labels(read_outline(pair.a)), _labels(read_outline(pair.b))
            for x, y in result.wrong:
                print(f"    wrong  {x[0]:>4} {la.get(x, '?')[:30]:<30}  ↔ {y[0]:>4} {lb.get(y, '?')[:30]}")
            for x, y in result.missed:
                print(
                    f"    missed {x[0]:>4} {la.get(x, x[1] + '?')[:30]:<30}  ↔ {y[0]:>4} {lb.get(y, y[1] + '?')[:30]}"
                )
    for split, results in by_split.items():
        p, r, f = totals(results)
        print(f"{split + ' (micro)':<57} {p:>5.2f} {r:>5.2f} {f:>5.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
