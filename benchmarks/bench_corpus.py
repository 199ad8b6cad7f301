"""Corpus mode at scale: throughput of every stage, peak memory of the whole process tree,
database size, and the cost of rebuilding.

    python benchmarks/bench_corpus.py [N ...] [--short] [-j JOBS] [--tmp DIR] [--keep] [--align-limit K]

Default sizes: 1000 10000. For each N, a generated corpus (benchmarks/corpus_gen.py: template
families and singletons, `--realistic` documents of about 11 KB unless `--short`) is written
by a subprocess into a temporary folder, then built with the local engine on all cores (or
`-j`), in this process, the way `tigang corpus build` does:

- per stage (parse, sketch = MinHash, search = LSH, align = exact alignment of candidates):
  documents (or pairs) per second, and how busy the cores were (CPU seconds of the process
  tree over wall seconds × cores);
- peak memory of the whole process tree (this process and its workers), sampled every 0.2 s:
  the sum of RSS (shared pages counted in every process: an upper bound) and of PSS (shared
  pages split between the processes that map them), and the growth per document over the
  memory before the build;
- the database size on disk, in all and per document;
- a rebuild with nothing changed, and one with 0.1 % of the files changed, added and removed;
- family precision and recall against the known families.

The largest corpus is generated once; each smaller size is the first N of its files (hard
links: generating is single-threaded and takes minutes at 100,000). `--align-limit K` aligns
only K of the candidate pairs in the first build (the align rate is measured on them; the
rest stay pending, as after an interrupted build, and the rebuilds align none): on two cores
the exact alignment runs at some 100 pairs a second, hours for the candidates of 100,000
documents, while its memory does not depend on the corpus size (pairs go out in batches).

With two or more sizes, the peak is projected to a million documents from the growth between
the two largest. Run big sizes one at a time, with `nice`, on a shared machine.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import corpus_gen
import psutil

from tigang.compare.corpus import store
from tigang.compare.corpus.build import build_corpus
from tigang.compare.corpus.engines import LocalEngine, cores
from tigang.compare.corpus.families import find_families
from tigang.compare.corpus.index import update_pairs

MiB = 1024 * 1024


class TreeMonitor:
    """Samples the RSS, PSS and CPU time of this process and all its descendants."""

    def __init__(self, interval: float = 0.2) -> None:
        self.interval = interval
        self.me = psutil.Process()
        self.peak_rss = 0
        self.peak_pss = 0
        self.stage = "setup"
        self.stage_peak: dict[str, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._pss_every = 5  # PSS reads /proc/*/smaps_rollup: every fifth sample

    def processes(self) -> list[psutil.Process]:
        return [self.me, *self.me.children(recursive=True)]

    def sample(self, pss: bool) -> tuple[int, int]:
        rss = total_pss = 0
        for proc in self.processes():
            try:
                if pss:
                    info = proc.memory_full_info()
                    rss += info.rss
                    total_pss += info.pss
                else:
                    rss += proc.memory_info().rss
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                continue
        return rss, total_pss

    def cpu(self) -> float:
        total = 0.0
        for proc in self.processes():
            try:
                t = proc.cpu_times()
                total += t.user + t.system
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                continue
        return total

    def _run(self) -> None:
        n = 0
        while not self._stop.wait(self.interval):
            n += 1
            rss, pss = self.sample(pss=n % self._pss_every == 0)
            self.peak_rss = max(self.peak_rss, rss)
            self.peak_pss = max(self.peak_pss, pss)
            self.stage_peak[self.stage] = max(self.stage_peak.get(self.stage, 0), rss)

    def __enter__(self) -> TreeMonitor:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


@dataclass
class Stages:
    """Wall and CPU seconds per stage, from the moments a stage begins."""

    monitor: TreeMonitor
    wall: dict[str, float] = field(default_factory=dict)
    cpu: dict[str, float] = field(default_factory=dict)
    _current: str | None = None
    _wall0: float = 0.0
    _cpu0: float = 0.0

    def begin(self, name: str) -> None:
        self.end()
        self._current, self._wall0, self._cpu0 = name, time.perf_counter(), self.monitor.cpu()
        self.monitor.stage = name

    def end(self) -> None:
        if self._current is not None:
            self.wall[self._current] = self.wall.get(self._current, 0.0) + time.perf_counter() - self._wall0
            self.cpu[self._current] = self.cpu.get(self._current, 0.0) + self.monitor.cpu() - self._cpu0
            self._current = None

    def busy(self, name: str) -> float:
        wall = self.wall.get(name, 0.0)
        return self.cpu.get(name, 0.0) / (wall * cores()) if wall else 0.0


def generate(folder: Path, n: int, realistic: bool) -> dict[str, int | None]:
    truth = folder.parent / "truth.tsv"
    command = [sys.executable, str(Path(__file__).with_name("corpus_gen.py")), str(folder), str(n), str(n)]
    command += ["--truth", str(truth)] + (["--realistic"] if realistic else [])
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return corpus_gen.read_truth(truth)


def subset(master: Path, folder: Path, truth: dict[str, int | None], n: int) -> dict[str, int | None]:
    """The first `n` files of the master corpus, hard-linked into `folder`."""
    folder.mkdir(parents=True)
    names = sorted(truth)[:n]
    for name in names:
        os.link(master / name, folder / name)
    return {name: truth[name] for name in names}


def change_some(folder: Path, truth: dict[str, int | None], share: float, seed: int) -> int:
    """Rewrite, remove and add `share` of the files each; returns how many of each."""
    rng = random.Random(seed)
    names = sorted(truth)
    k = max(1, round(len(names) * share))
    picked = rng.sample(names, 2 * k)
    donors = corpus_gen.iter_documents(k, seed=seed + 1, sentences=corpus_gen.REALISTIC)
    for name, doc in zip(picked[:k], donors, strict=True):
        (folder / name).unlink()  # a hard link to the master corpus: a new file, not the same one
        (folder / name).write_text(doc.text, encoding="utf-8")
    for name in picked[k:]:
        (folder / name).unlink()
    for i, doc in enumerate(corpus_gen.iter_documents(k, seed=seed + 2, sentences=corpus_gen.REALISTIC)):
        (folder / f"added{i:06d}.txt").write_text(doc.text, encoding="utf-8")
    return k


def db_size(db: Path) -> int:
    return sum(p.stat().st_size for p in (db, Path(str(db) + ".wal")) if p.exists())


def bench(
    n: int,
    jobs: int | None,
    master: tuple[Path, dict[str, int | None]],
    tmp: str | None,
    keep: bool,
    align_limit: int | None,
) -> dict:
    work = Path(tempfile.mkdtemp(prefix=f"bench-corpus-{n}-", dir=tmp))
    try:
        folder = work / "speeches"
        truth = subset(master[0], folder, master[1], n)
        size = sum(p.stat().st_size for p in folder.iterdir())
        db = work / "corpus.duckdb"
        engine = LocalEngine(jobs)
        monitor = TreeMonitor()
        baseline = monitor.sample(pss=True)
        with monitor:
            stages = Stages(monitor)
            con = store.connect(db, read_only=False, create=True)
            stages.begin("parse")
            built = build_corpus(folder, con, engine, skip={db})
            similar = update_pairs(con, engine, on_stage=stages.begin, align_limit=align_limit)
            stages.end()
            con.close()
        first = {
            "n": n,
            "bytes": size / n,
            "built": built,
            "similar": similar,
            "stages": stages,
            "peak_rss": monitor.peak_rss,
            "peak_pss": monitor.peak_pss,
            "baseline_rss": baseline[0],
            "baseline_pss": baseline[1],
            "stage_peak": dict(monitor.stage_peak),
            "db": db_size(db),
        }
        # A rebuild with nothing changed.
        con = store.connect(db, read_only=False)
        clock = time.perf_counter()
        again_built = build_corpus(folder, con, engine, skip={db})
        rest = None if align_limit is None else 0
        again = update_pairs(con, engine, align_limit=rest)
        first["rebuild"] = time.perf_counter() - clock
        first["rebuild_parse"] = again_built.seconds
        first["rebuild_similarity"] = again.seconds
        con.close()
        # A rebuild with 0.1 % of the files changed, as many removed and as many added.
        k = change_some(folder, truth, 0.001, n)
        con = store.connect(db, read_only=False)
        clock = time.perf_counter()
        changed_built = build_corpus(folder, con, engine, skip={db})
        changed = update_pairs(con, engine, align_limit=rest)
        first["changed"] = (k, time.perf_counter() - clock, changed_built.seconds, changed)
        families = find_families(con)
        con.close()
        for name in list(truth):
            if not (folder / name).exists():
                del truth[name]
        current = {p.name for p in folder.iterdir()}
        truth = {name: fam for name, fam in truth.items() if name in current}
        members = [[p for p in f.paths if p in truth] for f in families]
        first["quality"] = corpus_gen.pairwise_scores(truth, members) if align_limit is None else None
        engine.close()
        return first
    finally:
        if not keep:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"  kept {work}")


def report(r: dict) -> None:
    n, built, similar, stages = r["n"], r["built"], r["similar"], r["stages"]

    def rate(stage: str, count: int) -> str:
        wall = stages.wall.get(stage, 0.0)
        return (
            f"{count / wall:>8,.0f}/s {stages.busy(stage):>4.0%}" if wall and count else f"{'–':>10} {'':>4}"
        )

    growth_rss = (r["peak_rss"] - r["baseline_rss"]) / n
    print(
        f"{n:>9,} | parse {rate('parse', built.parsed)} | sketch {rate('sketch', similar.hashed)} | "
        f"search {rate('search', similar.distinct)} | align {rate('align', similar.aligned)} pairs"
    )
    print(
        f"{'':>9} | peak RSS {r['peak_rss'] / MiB:,.0f} MiB (PSS {r['peak_pss'] / MiB:,.0f} MiB), "
        f"{growth_rss:,.0f} B/doc over {r['baseline_rss'] / MiB:,.0f} MiB before; by stage "
        + ", ".join(f"{k} {v / MiB:,.0f}" for k, v in r["stage_peak"].items())
    )
    k, changed_s, changed_parse, changed = r["changed"]
    if similar.pending > similar.aligned:
        print(
            f"{'':>9} | aligned {similar.aligned:,} of {similar.pending:,} candidate pairs (--align-limit); "
            f"the rebuilds below align none"
        )
    print(
        f"{'':>9} | database {r['db'] / MiB:,.0f} MiB ({r['db'] / n / 1024:.1f} KB/doc, documents "
        f"{r['bytes'] / 1024:.1f} KB) | {similar.candidates:,} alignments of {similar.possible:,} pairs "
        f"({similar.candidates / max(similar.possible, 1):.4%}), {similar.documents - similar.distinct} reposts"
    )
    print(
        f"{'':>9} | rebuild, nothing changed: {r['rebuild']:.1f} s (parse {r['rebuild_parse']:.1f}, "
        f"similarity {r['rebuild_similarity']:.2f}) | {k} changed + {k} removed + {k} added: {changed_s:.1f} s "
        f"(parse {changed_parse:.1f}, sketch {changed.stages['sketch']:.1f}, search {changed.stages['search']:.1f} "
        f"for {changed.searched} lists, align {changed.stages['align']:.1f} for {changed.aligned} pairs)"
    )
    if r["quality"] is None:
        print(f"{'':>9} | families: not measured (alignment limited)", flush=True)
    else:
        print(
            f"{'':>9} | families: precision {r['quality'][0]:.3f}, recall {r['quality'][1]:.3f}", flush=True
        )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "sizes", type=int, nargs="*", default=[1000, 10000], help="corpus sizes (default 1000 10000)"
    )
    parser.add_argument(
        "--short", action="store_true", help="short generated documents (3.4 KB) instead of realistic ones"
    )
    parser.add_argument("--keep", action="store_true", help="keep the built databases")
    parser.add_argument("-j", dest="jobs", type=int, default=None, help="workers (default: all cores)")
    parser.add_argument("--tmp", default=None, help="folder for the generated corpus and databases")
    parser.add_argument(
        "--align-limit", type=int, default=None, help="align only K candidate pairs in the first build"
    )
    options = parser.parse_args(argv)
    realistic, keep, jobs, tmp = not options.short, options.keep, options.jobs, options.tmp
    sizes, align_limit = options.sizes, options.align_limit
    print(
        f"local engine, {jobs or cores()} workers on {cores()} cores; "
        f"{'realistic' if realistic else 'short'} documents; pid {os.getpid()}",
        flush=True,
    )
    results = []
    root = Path(tempfile.mkdtemp(prefix="bench-corpus-master-", dir=tmp))
    try:
        started = time.perf_counter()
        truth = generate(root / "speeches", max(sizes), realistic)
        print(f"  generated {max(sizes):,} documents in {time.perf_counter() - started:.0f} s", flush=True)
        for n in sorted(sizes):
            results.append(bench(n, jobs, (root / "speeches", truth), tmp, keep, align_limit))
            report(results[-1])
    finally:
        shutil.rmtree(root, ignore_errors=True)
    if len(results) >= 2:
        a, b = sorted(results, key=lambda r: r["n"])[-2:]
        slope = (b["peak_rss"] - a["peak_rss"]) / (b["n"] - a["n"])
        slope_pss = (b["peak_pss"] - a["peak_pss"]) / (b["n"] - a["n"])
        projected = b["peak_rss"] + slope * (1_000_000 - b["n"])
        projected_pss = b["peak_pss"] + slope_pss * (1_000_000 - b["n"])
        db_slope = (b["db"] - a["db"]) / (b["n"] - a["n"])
        print(
            f"growth from {a['n']:,} to {b['n']:,}: {slope:,.0f} B/doc RSS, {slope_pss:,.0f} B/doc PSS, "
            f"{db_slope / 1024:.1f} KB/doc on disk → at 1,000,000 documents: peak RSS "
            f"{projected / 2**30:.2f} GiB (PSS {projected_pss / 2**30:.2f} GiB), database "
            f"{(b['db'] + db_slope * (1_000_000 - b['n'])) / 2**30:.1f} GiB (projected, not measured)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
