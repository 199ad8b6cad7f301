"""Corpus mode at scale: build throughput, similarity time, exact alignments vs all pairs.

    python benchmarks/bench_corpus.py [N ...]        # default: 1000 10000

For each N, a generated corpus (benchmarks/corpus_gen.py: template families and singletons)
is written to a temporary folder and built with the local engine on all cores; then the
candidate pairs are found (MinHash-LSH) and aligned exactly. A rebuild with nothing changed
shows the incremental path. Family precision and recall are measured against the known
families. Aim: 10,000 documents built in under 2 minutes on 2 cores, similarity under 1 minute.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import corpus_gen

from tigang.compare.corpus import store
from tigang.compare.corpus.build import build_corpus
from tigang.compare.corpus.engines import LocalEngine
from tigang.compare.corpus.families import find_families
from tigang.compare.corpus.index import update_pairs


def bench(n: int, engine: LocalEngine) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "speeches"
        truth = corpus_gen.write(folder, corpus_gen.generate(n, seed=n))
        db = Path(tmp) / "corpus.duckdb"
        con = store.connect(db, read_only=False, create=True)
        built = build_corpus(folder, con, engine)
        similar = update_pairs(con, engine)
        started = time.perf_counter()
        rebuilt = build_corpus(folder, con, engine)
        update_pairs(con, engine)
        again = time.perf_counter() - started
        families = find_families(con)
        nodes = con.execute("select count(*) from nodes").fetchone()[0]
        con.close()
        precision, recall = corpus_gen.pairwise_scores(truth, [list(f.paths) for f in families])
        share = similar.candidates / similar.possible
        print(
            f"{n:>7,} {built.seconds:>8.1f} {built.parsed / built.seconds:>8,.0f} {nodes:>9,} "
            f"{similar.seconds:>8.1f} {similar.candidates:>10,} {similar.possible:>12,} {share:>7.3%} "
            f"{again:>8.1f} {precision:>6.3f} {recall:>6.3f}  ({rebuilt.unchanged:,} unchanged)"
        )


def main(argv: list[str]) -> int:
    sizes = [int(a) for a in argv] or [1000, 10000]
    engine = LocalEngine()
    print(f"local engine, {engine.workers} workers")
    print(
        f"{'docs':>7} {'build s':>8} {'docs/s':>8} {'nodes':>9} {'sim s':>8} {'aligned':>10} "
        f"{'n(n-1)/2':>12} {'share':>7} {'rebuild':>8} {'prec':>6} {'recall':>6}"
    )
    try:
        for n in sizes:
            bench(n, engine)
    finally:
        engine.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
