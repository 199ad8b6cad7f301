"""Corpus mode (`tigang corpus`): the DuckDB store, incremental builds, bad files, candidate
pairs and template families on a generated corpus with known families, local vs Dask."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import corpus_gen
import pytest
from click.testing import CliRunner

from tigang.cli import cli
from tigang.compare.corpus import store
from tigang.compare.corpus.build import build_corpus
from tigang.compare.corpus.engines import LocalEngine
from tigang.compare.corpus.families import components, find_families
from tigang.compare.corpus.index import update_pairs
from tigang.outline import parse_text

SPEECH = "关于工作的讲话\n一、加强思想建设\n（一）统一思想认识\n（二）强化理论武装\n二、狠抓工作落实\n"


def run(*args: str):
    return CliRunner().invoke(cli, ["corpus", *args])


def build(folder: Path, db: Path, engine=None):
    con = store.connect(db, read_only=False, create=True)
    engine = engine or LocalEngine(1)
    try:
        built = build_corpus(folder, con, engine, skip={db})
        similar = update_pairs(con, engine)
    finally:
        con.close()
    return built, similar


def tables(db: Path) -> dict[str, list[tuple]]:
    con = store.connect(db)
    try:
        return {
            "documents": con.execute("select * from documents order by id").fetchall(),
            "nodes": con.execute("select * from nodes order by document_id, path").fetchall(),
            "pairs": con.execute("select * from pairs order by a, b").fetchall(),
            "meta": con.execute("select * from meta where key <> 'root' order by key").fetchall(),
        }
    finally:
        con.close()


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """300 generated speeches in known families, built by the CLI on two processes."""
    folder = tmp_path_factory.mktemp("speeches")
    truth = corpus_gen.write(folder, corpus_gen.generate(300, seed=7))
    db = folder.parent / "speeches.duckdb"
    result = run("build", str(folder), "-o", str(db), "-j", "2")
    assert result.exit_code == 0, result.output
    return folder, db, truth, result.output


@pytest.fixture
def small(tmp_path):
    folder = tmp_path / "small"
    corpus_gen.write(folder, corpus_gen.generate(12, seed=3))
    (folder / "sub").mkdir()
    (folder / "sub" / "speech.txt").write_text(SPEECH, encoding="utf-8")
    (folder / "binary.bin").write_bytes(b"\x00\x01\x02\x03\xff\xfe\x00\x00" * 8)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "bad.txt").write_bytes(b"\xff\xfe\xfd\x80\x81" * 40 + b"\x00")
    (folder / ".hidden.txt").write_text(SPEECH, encoding="utf-8")
    return folder


# --- the store ------------------------------------------------------------------------------


def test_schema_is_the_documented_one(small, tmp_path):
    db = tmp_path / "c.duckdb"
    build(small, db)
    con = store.connect(db)
    columns = {
        table: [c for (c,) in con.execute(f"select column_name from (describe {table})").fetchall()]
        for table in store.TABLES
    }
    assert columns["documents"] == [
        "id",
        "path",
        "sha256",
        "title",
        "encoding",
        "node_count",
        "status",
        "error",
        "outline_sha",
        "detail",
    ]
    assert columns["nodes"][:8] == [
        "document_id",
        "path",
        "level",
        "marker",
        "number",
        "heading",
        "line",
        "parent",
    ]
    assert columns["pairs"] == ["a", "b", "score"]
    doc_id, title, count = con.execute(
        "select id, title, node_count from documents where path = 'sub/speech.txt'"
    ).fetchone()
    assert (title, count) == ("关于工作的讲话", 4)
    rows = con.execute(
        "select path, level, marker, number, heading, line, parent from nodes where document_id = ? order by line",
        [doc_id],
    ).fetchall()
    assert rows == [
        ("0", 1, "一、", 1, "加强思想建设", 2, None),
        ("0.0", 2, "（一）", 1, "统一思想认识", 3, "0"),
        ("0.1", 2, "（二）", 2, "强化理论武装", 4, "0"),
        ("1", 1, "二、", 2, "狠抓工作落实", 5, None),
    ]
    # hidden files are not part of the corpus; ids follow path order
    paths = [p for (p,) in con.execute("select path from documents order by id").fetchall()]
    assert ".hidden.txt" not in paths and paths == sorted(paths)
    con.close()


def test_outlines_come_back_from_the_rows(small, tmp_path):
    db = tmp_path / "c.duckdb"
    build(small, db)
    con = store.connect(db)
    doc_id = con.execute("select id from documents where path = 'sub/speech.txt'").fetchone()[0]
    back = store.outline_from_rows(store.node_rows(con, [doc_id])[doc_id], "关于工作的讲话")
    con.close()
    original = parse_text(SPEECH)
    assert [(n.label, n.level, n.line, n.body) for n in back.walk()] == [
        (n.label, n.level, n.line, n.body) for n in original.walk()
    ]


def test_stored_outlines_read_back_whole(shared, tmp_path):
    """Every field of a parsed outline survives the corpus: build, then `store.outlines`
    (markers with their punctuation and width, columns, placements, anomalies, rules, parts,
    appendices, front matter, noise lines, encodings) — on the real texts of ../shared, in
    their UTF-16 and GB18030 encodings and wrappers."""
    import shutil

    from tigang.outline import parse_file

    folder = tmp_path / "texts"
    folder.mkdir()
    sources = [*sorted((shared / "seeds").glob("*.txt")), *sorted((shared / "corpus" / "raw").glob("*"))]
    for path in sources:
        shutil.copy(path, folder / path.name)
    db = tmp_path / "c.duckdb"
    build(folder, db)
    con = store.connect(db)
    ids = store.ids_by_path(con, [p.name for p in sources])
    back = store.outlines(con, ids.values())
    con.close()
    assert len(ids) == len(sources) >= 14
    for name, doc in ids.items():
        original = parse_file(folder / name).to_dict()
        stored = back[doc].to_dict()
        assert stored["source"] == name  # the path in the corpus
        assert {k: v for k, v in stored.items() if k != "source"} == {
            k: v for k, v in original.items() if k != "source"
        }, name


def test_a_database_that_is_not_a_corpus_is_left_alone(small, tmp_path):
    """A DuckDB file of the user's own, with or without a `documents` table: refused before
    anything is written; a corpus of the first layout is upgraded and parsed again."""
    import duckdb

    for schema in ("create table documents (x integer)", "create table notes (y varchar)"):
        db = tmp_path / f"own{len(schema)}.duckdb"
        con = duckdb.connect(str(db))
        con.execute(schema)
        con.close()
        result = run("build", str(small), "-o", str(db))
        assert result.exit_code == 2 and "not a tigang corpus" in result.output
        con = duckdb.connect(str(db), read_only=True)
        tables = {t for (t,) in con.execute("select table_name from information_schema.tables").fetchall()}
        con.close()
        assert len(tables) == 1, tables
    old = tmp_path / "old.duckdb"
    con = duckdb.connect(str(old))
    con.execute(
        store.SCHEMA.replace(",\n    detail varchar", "")
        .replace(",\n    outline_sha varchar", "")
        .replace(",\n    body varchar not null", "")
    )
    con.close()
    result = run("build", str(small), "-o", str(old))
    assert result.exit_code == 0, result.output
    con = store.connect(old, read_only=True)
    assert store.get_meta(con, "version") == str(store.VERSION)
    assert con.execute("select count(*) from nodes where body <> ''").fetchone()[0] > 0
    con.close()


def test_reposts_are_aligned_once(tmp_path):
    """Three copies of one speech under other names: one group, linked with score 1."""
    folder = tmp_path / "reposts"
    folder.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (folder / name).write_text(SPEECH, encoding="utf-8")
    (folder / "other.txt").write_text("一、完全不同的主题\n二、另一件事情\n", encoding="utf-8")
    db = tmp_path / "r.duckdb"
    result = run("build", str(folder), "-o", str(db))
    assert result.exit_code == 0 and "2 documents repeat another's outline" in result.output
    con = store.connect(db, read_only=True)
    pairs = con.execute("select a, b, score from pairs order by a, b").fetchall()
    assert store.get_meta(con, "distinct_outlines") == "2"
    con.close()
    assert pairs[:2] == [(1, 2, 1.0), (1, 3, 1.0)]


def test_bad_files_are_recorded_and_counted(small, tmp_path):
    db = tmp_path / "c.duckdb"
    built, _ = build(small, db)
    assert built.files == 16 and built.errors == 3 and not built.all_failed
    con = store.connect(db)
    errors = dict(con.execute("select path, error from documents where status = 'error'").fetchall())
    con.close()
    assert set(errors) == {"binary.bin", "empty.txt", "bad.txt"}
    assert errors["empty.txt"] == "empty.txt: empty input"
    assert all("\n" not in e and e.startswith(p) for p, e in errors.items())


def test_rebuild_skips_unchanged_and_reparses_changed(small, tmp_path):
    db = tmp_path / "c.duckdb"
    build(small, db)
    before = tables(db)
    built, similar = build(small, db)
    assert (built.parsed, built.unchanged, built.removed) == (0, 16, 0)
    assert similar.aligned == 0 and tables(db) == before
    (small / "sub" / "speech.txt").write_text(SPEECH + "三、改进工作作风\n", encoding="utf-8")
    (small / "empty.txt").unlink()
    built, _ = build(small, db)
    assert (built.parsed, built.unchanged, built.removed, built.errors) == (1, 14, 1, 2)
    con = store.connect(db)
    assert con.execute("select node_count from documents where path = 'sub/speech.txt'").fetchone() == (5,)
    assert con.execute("select count(*) from documents where path = 'empty.txt'").fetchone() == (0,)
    con.close()


# --- the command ----------------------------------------------------------------------------


def test_build_reports_counts_and_exit_codes(small, tmp_path):
    db = tmp_path / "c.duckdb"
    result = run("build", str(small), "-o", str(db), "-j", "1")
    assert result.exit_code == 0
    assert "16 files — 16 parsed, 0 unchanged, 3 errors" in result.output
    assert "exact alignments of" in result.output

    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "a.bin").write_bytes(b"\x00\x00\x01")
    (bad / "b.txt").write_bytes(b"")
    result = run("build", str(bad), "-o", str(tmp_path / "bad.duckdb"), "-j", "1")
    assert result.exit_code == 2
    assert "tigang: error:" in result.output and "every file failed (2 errors" in result.output

    for args in (
        ("build", str(tmp_path / "nowhere"), "-o", str(tmp_path / "x.duckdb")),
        ("similar", str(tmp_path / "missing.duckdb")),
        ("sql", str(db), "select nonsense from nowhere"),
        ("sql", str(db), "delete from documents"),
        ("skeleton", str(db), "--family", "999"),
    ):
        result = CliRunner().invoke(cli, ["corpus", *args], standalone_mode=False)
        assert isinstance(result.exception, Exception) and getattr(result.exception, "exit_code", 0) == 2, (
            args
        )
        assert "\n" not in result.exception.message


def test_errors_are_one_line_on_stderr(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "tigang", "corpus", "similar", str(tmp_path / "none.duckdb")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and proc.stderr.startswith("tigang: error:")


def test_sql_prints_a_table_json_and_csv(small, tmp_path):
    db = tmp_path / "c.duckdb"
    build(small, db)
    query = "select heading, count(*) as n from nodes where level = 1 group by 1 order by 2 desc, 1 limit 5"
    table = run("sql", str(db), query)
    assert table.exit_code == 0 and "heading" in table.output
    rows = json.loads(run("sql", str(db), query, "--format", "json").output)
    assert len(rows) == 5 and set(rows[0]) == {"heading", "n"}
    parsed = list(csv.reader(io.StringIO(run("sql", str(db), query, "--format", "csv").output)))
    assert parsed[0] == ["heading", "n"] and len(parsed) == 6


def test_importing_the_cli_loads_no_corpus_libraries():
    code = "import sys, tigang.cli; print(','.join(m for m in ('duckdb', 'numpy', 'dask', 'matplotlib') if m in sys.modules))"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.stdout.strip() == ""


# --- similarity and families on a generated corpus -------------------------------------------


def test_similar_json_is_best_first_and_within_families(generated):
    _, db, truth, _ = generated
    result = run("similar", str(db), "--top", "20", "--format", "json")
    assert result.exit_code == 0
    pairs = json.loads(result.output)
    assert len(pairs) == 20 and all(set(p) == {"a", "b", "score"} for p in pairs)
    scores = [p["score"] for p in pairs]
    assert scores == sorted(scores, reverse=True)
    assert all(truth[p["a"]] is not None and truth[p["a"]] == truth[p["b"]] for p in pairs)


def test_far_fewer_alignments_than_all_pairs(generated):
    _, db, _, output = generated
    con = store.connect(db)
    aligned = con.execute("select count(*) from pairs").fetchone()[0]
    assert store.get_meta(con, "possible_pairs") == str(300 * 299 // 2)
    con.close()
    assert aligned < 0.1 * 300 * 299 / 2
    assert f"{aligned:,} exact alignments of 44,850 possible pairs" in output


def test_families_match_the_known_ones(generated):
    _, db, truth, _ = generated
    con = store.connect(db)
    found = find_families(con)
    con.close()
    precision, recall = corpus_gen.pairwise_scores(truth, [list(f.paths) for f in found])
    assert precision >= 0.95 and recall >= 0.95, (precision, recall)
    assert [len(f) for f in found] == sorted((len(f) for f in found), reverse=True)


def test_families_command_json_heatmap_and_skeleton(generated, tmp_path):
    _, db, truth, _ = generated
    png = tmp_path / "families.png"
    result = run("families", str(db), "-o", str(png), "--format", "json", "--limit", "3")
    assert result.exit_code == 0, result.output
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    families = json.loads(result.output[result.output.index("[") :])
    assert [f["family"] for f in families] == [1, 2, 3]
    first = families[0]
    assert len({truth[m] for m in first["members"]}) == 1 and first["skeleton"]
    skeleton = json.loads(run("skeleton", str(db), "--family", "1", "--format", "json").output)
    assert skeleton["members"] == first["members"] and skeleton["skeleton"] == first["skeleton"]
    text = run("skeleton", str(db), "--family", "2")
    assert text.exit_code == 0 and "共同骨架" in text.output


def test_union_find_groups_by_threshold():
    pairs = [(1, 2, 0.9), (2, 3, 0.7), (4, 5, 0.5), (6, 7, 0.61)]
    assert components(pairs, 0.6) == [[1, 2, 3], [6, 7]]


# --- the Dask engine ------------------------------------------------------------------------


def test_dask_engine_writes_the_same_tables(tmp_path):
    pytest.importorskip("dask.distributed")
    from dask.distributed import Client, LocalCluster

    from tigang.compare.corpus.engines import DaskEngine

    folder = tmp_path / "speeches"
    corpus_gen.write(folder, corpus_gen.generate(120, seed=5))
    (folder / "empty.txt").write_bytes(b"")
    local_db, dask_db = tmp_path / "local.duckdb", tmp_path / "dask.duckdb"
    build(folder, local_db, LocalEngine(1))
    with (
        LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):
        engine = DaskEngine(client=client)
        built, similar = build(folder, dask_db, engine)
    assert built.parsed == 121 and similar.candidates > 0
    local, distributed = tables(local_db), tables(dask_db)
    assert local == distributed
    assert len(local["pairs"]) == similar.candidates


def test_dask_engine_without_dask_is_one_line(small, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "dask.distributed", None)
    result = run("build", str(small), "-o", str(tmp_path / "c.duckdb"), "--engine", "dask")
    assert result.exit_code == 2
    assert result.output.strip() == (
        "tigang: error: the dask engine needs dask: pip install 'tigang[dask]' (or 'dask[distributed]')"
    )
