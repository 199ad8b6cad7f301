"""The similarity index of corpus mode at scale: integer shingles, MinHash in numpy, the LSH
search, signatures kept in the database, incremental rebuilds that end where a fresh build
does, the upgrade of a version 2 corpus, and the Dask engine on a cluster (a LocalCluster of
worker processes, and a scheduler reached by its address as `--scheduler` does)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import corpus_gen
import numpy as np
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from tigang.cli import cli
from tigang.compare.corpus import sketch, store
from tigang.compare.corpus.build import build_corpus
from tigang.compare.corpus.engines import DaskEngine, LocalEngine
from tigang.compare.corpus.index import update_pairs

# --- shingles and signatures ----------------------------------------------------------------------


def test_bigrams_are_exact_integers():
    assert sketch.gram_code("加强") == (ord("加") << 16) | ord("强")
    assert sketch.gram_code("一") == ord("一") << 16
    codes = sketch.shingles(["加强党的建设", "加强，党的建设！"])  # one set: duplicates and punctuation go
    assert codes.dtype == np.uint32 and list(codes) == sorted(set(codes.tolist()))
    assert len(codes) == len("加强党的建设") - 1
    assert sketch.gram_code("𠀀一") != sketch.gram_code("一𠀀")  # outside the BMP: a checksum


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="加强党建设一二12１，。 \u3000a#\0𠀀😀", max_size=8), max_size=6))
def test_shingles_at_once_are_the_codes_of_every_bigram(headings):
    """All the headings' codes in one numpy pass equal `gram_code` of every `bigrams` bigram:
    across heading boundaries nothing, one-character headings, digits, NUL, beyond the BMP."""
    from tigang.compare.similarity import bigrams

    expected = sorted({sketch.gram_code(gram) for heading in headings for gram in bigrams(heading)})
    got = sketch.shingles(headings)
    assert got.dtype == np.uint32 and got.tolist() == expected


def test_signatures_estimate_jaccard():
    rng = np.random.default_rng(3)
    universe = rng.choice(2**32, 4000, replace=False).astype(np.uint32)
    errors = []
    for overlap in (0, 50, 100, 150, 200):
        a = np.sort(universe[:200])
        b = np.sort(universe[200 - overlap : 400 - overlap])
        signatures = sketch.minhash([a, b])
        truth = overlap / (400 - overlap)
        errors.append((signatures[0] == signatures[1]).mean() - truth)
    assert max(abs(e) for e in errors) < 0.1
    empty = sketch.minhash([np.empty(0, np.uint32)])
    assert (empty == 0xFFFF).all()


@pytest.mark.parametrize(
    ("threshold", "num_perm", "expected"),
    [(0.3, 128, (37, 3)), (0.3, 256, (64, 4)), (0.5, 128, (25, 5)), (0.5, 256, (42, 6))],
)
def test_banding_is_the_one_datasketch_chooses(threshold, num_perm, expected):
    found = sketch.banding(threshold, num_perm)
    assert (found.bands, found.rows) == expected


def _planted(n: int, seed: int) -> np.ndarray:
    """Signatures of `n` sets: groups of near-copies and loners, from one vocabulary."""
    rng = np.random.default_rng(seed)
    vocabulary = rng.choice(2**32, 3000, replace=False).astype(np.uint32)
    sets = []
    while len(sets) < n:
        base = rng.choice(vocabulary, 80, replace=False)
        for _ in range(rng.integers(1, 5)):
            keep = base[rng.random(len(base)) > 0.15]
            sets.append(np.unique(np.concatenate([keep, rng.choice(vocabulary, 10)])))
    return sketch.minhash(sets[:n])


def test_searching_some_rows_gives_their_lists_from_searching_all():
    signatures = _planted(600, 1)
    search = sketch.Search.of(0.3, 0.1, 3)
    every = sketch.search_all(signatures, search, threads=2)
    assert len(every) > 300  # the near-copies find each other
    rows = np.random.default_rng(2).choice(600, 60, replace=False)
    some = sketch.search_some(signatures, rows, search)
    assert {tuple(p) for p in some.tolist()} == {
        tuple(p) for p in every.tolist() if p[0] in set(rows.tolist())
    }
    # k best: at most k each, best first by agreement, then the lower row
    per_row = np.bincount(every[:, 0], minlength=600)
    assert per_row.max() <= 3
    agree = (signatures[every[:, 0]] == signatures[every[:, 1]]).sum(axis=1)
    assert (agree >= search.cutoff).all()


# --- incremental builds ----------------------------------------------------------------------------


def _build(folder: Path, db: Path, engine=None, **options):
    con = store.connect(db, read_only=False, create=True)
    engine = engine or LocalEngine(1)
    try:
        built = build_corpus(folder, con, engine, skip={db})
        similar = update_pairs(con, engine, **options)
    finally:
        con.close()
    return built, similar


def _by_path(db: Path) -> dict[str, list[tuple]]:
    """Every table, with document ids replaced by paths (ids depend on the build's history)."""
    con = store.connect(db, read_only=True)
    try:
        return {
            "documents": con.execute(
                "select path, sha256, title, node_count, status, outline_sha from documents order by path"
            ).fetchall(),
            "pairs": con.execute(
                "select least(da.path, db.path), greatest(da.path, db.path), p.score from pairs p "
                "join documents da on da.id = p.a join documents db on db.id = p.b order by 1, 2"
            ).fetchall(),
            "candidates": con.execute(
                "select da.path, db.path, c.kind from candidates c join documents da on da.id = c.document_id "
                "join documents db on db.id = c.other order by 1, 2, 3"
            ).fetchall(),
            "sketches": con.execute(
                "select outline_sha, shingles, minhash from sketches order by outline_sha"
            ).fetchall(),
            "shingle_counts": con.execute("select * from shingle_counts order by gram").fetchall(),
        }
    finally:
        con.close()


def _change(folder: Path, docs: list) -> None:
    """Five files rewritten, three removed, four added: a repost of a kept file, a copy of a
    removed one, two new speeches."""
    others = corpus_gen.generate(8, seed=99)
    for doc, other in zip(docs[:5], others, strict=False):
        (folder / doc.name).write_text(other.text, encoding="utf-8")
    removed = [docs[i] for i in (10, 11, 12)]
    for doc in removed:
        (folder / doc.name).unlink()
    (folder / "zz-repost.txt").write_text(docs[20].text, encoding="utf-8")
    (folder / "zz-copy-of-removed.txt").write_text(removed[0].text, encoding="utf-8")
    (folder / "zz-new-a.txt").write_text(others[6].text, encoding="utf-8")
    (folder / "zz-new-b.txt").write_text(others[7].text, encoding="utf-8")


@pytest.mark.parametrize("common_share", [0.2, 1.0], ids=["common-bigrams-dropped", "every-bigram"])
def test_an_incremental_rebuild_ends_where_a_fresh_build_does(tmp_path, common_share):
    """Files changed, removed and added in a corpus searched by signatures only: every table
    equals that of a fresh build of the same folder. When no bigram's status changes (every
    bigram kept), the rebuild hashes only the new outlines and searches only the lists the
    changes touch (here many: with every bigram kept, these speeches all look alike)."""
    folder = tmp_path / "speeches"
    docs = corpus_gen.generate(130, seed=11)
    corpus_gen.write(folder, docs)
    db = tmp_path / "incremental.duckdb"
    # No text candidates (signatures alone), and a few candidates a document: with every
    # bigram kept these speeches all look alike, and fifty each would be 12,000 alignments.
    options = {"all_pairs": 0, "common_share": common_share, "max_candidates": 4}
    _, first = _build(folder, db, **options)
    assert first.hashed == first.distinct and first.searched == first.distinct

    _change(folder, docs)
    built, again = _build(folder, db, **options)
    assert (built.parsed, built.removed) == (9, 3)
    if common_share == 1.0:
        assert again.hashed == 7  # the rewritten five and the two new speeches
        assert 0 < again.searched < again.distinct  # the lists the changes touch, not all

    fresh = tmp_path / "fresh.duckdb"
    _build(folder, fresh, **options)
    incremental, scratch = _by_path(db), _by_path(fresh)
    for table in scratch:
        assert incremental[table] == scratch[table], table


def test_signatures_are_written_a_page_at_a_time_with_the_same_tables(tmp_path, monkeypatch):
    """The sketch stage reads and writes a page of outlines at a time (a single update of a
    million signatures outgrew DuckDB's 1 GB pool): pages of 7, in tasks of 3, give the tables
    that one page does — no outline skipped or hashed twice at a page's edge."""
    from tigang.compare.corpus import index

    folder = tmp_path / "speeches"
    corpus_gen.write(folder, corpus_gen.generate(150, seed=21))
    whole = tmp_path / "whole.duckdb"
    _build(folder, whole, max_candidates=4)
    monkeypatch.setattr(index, "SKETCH_PAGE", 7)
    monkeypatch.setattr(index, "SKETCH_BATCH", 3)
    paged = tmp_path / "paged.duckdb"
    _build(folder, paged, max_candidates=4)
    assert _by_path(paged) == _by_path(whole)


def test_a_rebuild_with_nothing_changed_hashes_searches_and_aligns_nothing(tmp_path):
    folder = tmp_path / "speeches"
    corpus_gen.write(folder, corpus_gen.generate(120, seed=4))
    db = tmp_path / "c.duckdb"
    _build(folder, db, max_candidates=5)
    before = _by_path(db)
    built, again = _build(folder, db, max_candidates=5)
    assert (built.parsed, again.hashed, again.searched, again.aligned) == (0, 0, 0, 0)
    assert _by_path(db) == before


def test_a_version_2_corpus_opens_and_is_upgraded_in_place(tmp_path):
    """A corpus of the previous format (no index tables): the query commands read it; a
    build adds the index from the stored outlines, without parsing or aligning again the
    pairs that stay candidates."""
    folder = tmp_path / "speeches"
    corpus_gen.write(folder, corpus_gen.generate(60, seed=2))
    db = tmp_path / "old.duckdb"
    _build(folder, db)
    con = store.connect(db, read_only=False)
    pairs = con.execute("select * from pairs order by a, b").fetchall()
    for table in store.INDEX_TABLES:
        con.execute(f"drop table {table}")
    con.execute("delete from meta where key in ('sketch', 'search', 'text_index')")
    store.set_meta(con, {"version": 2})
    con.close()

    result = CliRunner().invoke(cli, ["corpus", "similar", str(db), "--top", "3"])
    assert result.exit_code == 0 and "score" in result.output
    result = CliRunner().invoke(cli, ["corpus", "sql", str(db), "select count(*) as n from pairs"])
    assert result.exit_code == 0 and str(len(pairs)) in result.output

    built, similar = _build(folder, db)
    assert built.parsed == 0 and similar.hashed == similar.distinct and similar.aligned == 0
    con = store.connect(db, read_only=True)
    assert store.get_meta(con, "version") == str(store.VERSION)
    assert con.execute("select * from pairs order by a, b").fetchall() == pairs
    con.close()


def test_a_corpus_of_an_unknown_format_is_refused(tmp_path):
    folder = tmp_path / "speeches"
    corpus_gen.write(folder, corpus_gen.generate(5, seed=2))
    db = tmp_path / "future.duckdb"
    _build(folder, db)
    con = store.connect(db, read_only=False)
    store.set_meta(con, {"version": 99})
    con.close()
    with pytest.raises(store.StoreError, match="format 99"):
        store.connect(db, read_only=True)


# --- the Dask engine on a cluster ------------------------------------------------------------------


def _tables(db: Path) -> dict[str, list[tuple]]:
    con = store.connect(db, read_only=True)
    try:
        out = {
            table: con.execute(f"select * from {table} order by all").fetchall()
            for table in (*store.TABLES, *store.INDEX_TABLES)
            if table != "meta"
        }
        out["meta"] = con.execute("select * from meta where key <> 'root' order by key").fetchall()
        return out
    finally:
        con.close()


@pytest.fixture(scope="module")
def cluster_corpus(tmp_path_factory):
    """A generated corpus big enough for common bigrams, and its tables from the local engine."""
    pytest.importorskip("dask.distributed")
    base = tmp_path_factory.mktemp("cluster")
    folder = base / "speeches"
    corpus_gen.write(folder, corpus_gen.generate(160, seed=8))
    (folder / "empty.txt").write_bytes(b"")
    local = base / "local.duckdb"
    _build(folder, local, LocalEngine(1), max_candidates=5)
    return folder, _tables(local)


def test_dask_on_a_local_cluster_of_processes_writes_the_same_tables(cluster_corpus, tmp_path):
    """Parsing, hashing and aligning all run as tasks on three worker processes."""
    from dask.distributed import Client, LocalCluster

    folder, local = cluster_corpus
    db = tmp_path / "dask.duckdb"
    with (
        LocalCluster(n_workers=3, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):
        engine = DaskEngine(client=client)
        assert engine.workers == 3
        built, similar = _build(folder, db, engine, max_candidates=5)
        ran = client.run(lambda: os.getpid())
    assert len(set(ran.values())) == 3
    assert built.parsed == 161 and similar.hashed == similar.distinct and similar.aligned > 0
    assert _tables(db) == local


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.skipif(
    shutil.which("dask") is None and not (Path(sys.executable).parent / "dask").exists(), reason="no dask CLI"
)
def test_the_scheduler_option_reaches_a_cluster_started_apart(cluster_corpus, tmp_path):
    """`dask scheduler` and `dask worker` as separate processes on this machine, as on a real
    cluster; `tigang corpus build --engine dask --scheduler tcp://…` in a third."""
    folder, local = cluster_corpus
    dask_cli = shutil.which("dask") or str(Path(sys.executable).parent / "dask")
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    env = {**os.environ, "DASK_DISTRIBUTED__WORKER__DAEMON": "False"}
    scheduler = subprocess.Popen(
        [dask_cli, "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    workers = subprocess.Popen(
        [dask_cli, "worker", address, "--nworkers", "2", "--nthreads", "1", "--no-dashboard"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    try:
        from dask.distributed import Client

        with Client(address, timeout="60s") as client:
            client.wait_for_workers(2, timeout=120)
        db = tmp_path / "remote.duckdb"
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "tigang",
                "corpus",
                "build",
                str(folder),
                "-o",
                str(db),
                "--engine",
                "dask",
                "--scheduler",
                address,
                "--max-candidates",
                "5",
            ],
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert proc.returncode == 0, proc.stderr
        assert "2 dask workers" in proc.stdout
        assert _tables(db) == local
    finally:
        for proc in (workers, scheduler):
            proc.terminate()
        for proc in (workers, scheduler):
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
        time.sleep(0.1)


def test_an_unreachable_scheduler_is_one_line():
    pytest.importorskip("dask.distributed")
    from tigang.compare.corpus.engines import EngineError

    address = f"tcp://127.0.0.1:{_free_port()}"
    with pytest.raises(EngineError) as caught:
        DaskEngine(address, timeout="2s")
    assert str(caught.value).startswith(f"cannot reach the Dask scheduler {address}")
    assert "\n" not in str(caught.value)
