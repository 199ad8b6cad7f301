"""Faults a hostile or unlucky user meets: each ends as one line on stderr, exit code 2, no
traceback, nothing half-written, the user's existing files untouched (docs/reliability.md)."""

from __future__ import annotations

import errno
import io
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from tigang.cli import cli
from tigang.compare.corpus import store

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "讲话稿示例.txt"
OTHER = Path(__file__).resolve().parents[1] / "examples" / "项目推进会讲话.txt"


def run(*args: str, input: bytes | None = None):
    return CliRunner().invoke(cli, list(args), input=input)


def one_line_error(result) -> str:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if line.startswith("tigang: error:")]
    assert len(lines) == 1, result.output
    return lines[0]


# --- .docx ------------------------------------------------------------------------------------


def _docx(document_xml: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        archive.writestr("word/document.xml", document_xml)
    return buffer.getvalue()


def test_a_docx_zip_bomb_is_refused_from_its_directory(tmp_path):
    """A few hundred KB that unpack to 100 MB of XML: refused before any XML is read."""
    bomb = tmp_path / "bomb.docx"
    bomb.write_bytes(_docx(b"<w:p/>" * (100 * 1024 * 1024 // 6)))
    assert bomb.stat().st_size < 1_000_000
    line = one_line_error(run("show", str(bomb)))
    assert "refused" in line and "unpacks to" in line


def test_a_damaged_docx_says_what_is_wrong_in_words(tmp_path):
    from docxbuild import NumberedDocument

    document = NumberedDocument()
    for text in ("一、总体要求", "（一）指导思想", "（二）基本原则") * 20:
        document.add(text)
    data = bytearray(document.save(tmp_path / "good.docx").read_bytes())
    start = data.find(b"word/document.xml") + 40  # inside the compressed document part
    for i in range(start, start + 64):
        data[i] ^= 0x5A
    damaged = tmp_path / "damaged.docx"
    damaged.write_bytes(bytes(data))
    line = one_line_error(run("show", str(damaged)))
    assert "damaged" in line and "(" in line and "Error)" not in line


# --- outputs ------------------------------------------------------------------------------


@pytest.mark.parametrize("code", [errno.EROFS, errno.ENOSPC, errno.EACCES])
@pytest.mark.parametrize(
    "command",
    [
        ("diff", str(EXAMPLE), str(OTHER), "-o", "{out}/d.png"),
        ("render", str(EXAMPLE), "-o", "{out}/r.png"),
        ("export", str(EXAMPLE), "-o", "{out}/e.opml"),
    ],
    ids=["diff", "render", "export"],
)
def test_an_unwritable_or_full_folder_is_one_line(tmp_path, monkeypatch, command, code):
    """The rename into place fails (read-only file system, disk full, no permission): one
    line, and neither the output nor a temporary file is left."""

    def refuse(src, dst):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "replace", refuse)
    args = [a.format(out=tmp_path) for a in command]
    line = one_line_error(run(*args))
    assert "cannot write" in line or "read-only" in line or "space" in line or "permission" in line
    assert list(tmp_path.iterdir()) == []


def test_existing_outputs_need_force_everywhere_before_any_work(tmp_path):
    for command, name in (
        (("render", str(EXAMPLE)), "a.png"),
        (("diff", str(EXAMPLE), str(OTHER)), "b.png"),
        (("export", str(EXAMPLE)), "c.opml"),
    ):
        out = tmp_path / name
        out.write_bytes(b"mine")
        line = one_line_error(run(*command, "-o", str(out)))
        assert "already exists (use --force" in line and out.read_bytes() == b"mine"


# --- the corpus ---------------------------------------------------------------------------


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "speeches"
    folder.mkdir()
    for path in (EXAMPLE, OTHER):
        (folder / path.name).write_bytes(path.read_bytes())
    db = tmp_path / "c.duckdb"
    assert run("corpus", "build", str(folder), "-o", str(db), "-j", "1").exit_code == 0
    return folder, db


def test_corpus_sql_needs_a_query(corpus):
    _, db = corpus
    for query in ("", "   "):
        assert "no query" in one_line_error(run("corpus", "sql", str(db), query))


@pytest.mark.parametrize(
    "query",
    [
        "COPY documents TO '{tmp}/out.csv'",
        "select * from read_csv('/etc/passwd')",
        "ATTACH '{tmp}/other.duckdb' (READ_WRITE)",
        "SET enable_external_access = true",
        "delete from documents",
        "LOAD httpfs",
    ],
)
def test_corpus_sql_only_reads_the_corpus(corpus, tmp_path, query):
    _, db = corpus
    one_line_error(run("corpus", "sql", str(db), query.format(tmp=tmp_path)))
    assert not (tmp_path / "out.csv").exists() and not (tmp_path / "other.duckdb").exists()
    result = run("corpus", "sql", str(db), "select count(*) as n from documents", "--format", "csv")
    assert result.output.splitlines() == ["n", "2"]


def test_corpus_families_picture_needs_force(corpus, tmp_path):
    _, db = corpus
    out = tmp_path / "fam.png"
    out.write_bytes(b"mine")
    one_line_error(run("corpus", "families", str(db), "-o", str(out)))
    assert out.read_bytes() == b"mine"
    assert run("corpus", "families", str(db), "-o", str(out), "--force").exit_code == 0


def test_a_failed_first_build_leaves_no_database(tmp_path, monkeypatch):
    """The build dies in its similarity stage: the new database and its .wal are removed."""
    folder = tmp_path / "speeches"
    folder.mkdir()
    (folder / "a.txt").write_bytes(EXAMPLE.read_bytes())
    db = tmp_path / "new.duckdb"

    def broken(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("tigang.compare.corpus.index.update_pairs", broken)
    line = one_line_error(run("corpus", "build", str(folder), "-o", str(db), "-j", "1"))
    assert "no space left" in line
    assert not db.exists() and not Path(str(db) + ".wal").exists()


def test_an_interrupted_similarity_stage_is_reported_as_partial(corpus, monkeypatch):
    """Ctrl-C while pairs are aligned: what was aligned stays (the next build finishes it),
    and every reader is told the table is partial."""
    folder, db = corpus
    (folder / "third.txt").write_text("一、加强项目谋划\n二、狠抓招商引资\n", encoding="utf-8")
    from tigang.compare.corpus import index

    real = index.align_batch

    def interrupted(batch):
        real(batch)
        raise KeyboardInterrupt

    monkeypatch.setattr(index, "align_batch", interrupted)
    con = store.connect(db)
    con.execute("delete from pairs")  # so that there is work to interrupt
    con.close()
    result = run("corpus", "build", str(folder), "-o", str(db), "-j", "1")
    assert result.exit_code != 0
    con = store.connect(db, read_only=True)
    assert store.stage_state(con) == "similarity"
    con.close()
    monkeypatch.setattr(index, "align_batch", real)
    result = run("corpus", "similar", str(db))
    assert "stopped while similarity" in result.output and "partial" in result.output
    assert run("corpus", "build", str(folder), "-o", str(db), "-j", "1").exit_code == 0
    con = store.connect(db, read_only=True)
    assert store.stage_state(con) is None
    con.close()


# --- signals ------------------------------------------------------------------------------


def _wait_until_loading_numpy(pid: int, timeout: float = 60.0) -> None:
    """Until the command is importing the drawing libraries: a signal before Python's own
    start-up has finished (site.py) is the interpreter's to report, not tigang's. On a busy
    machine a fixed delay cannot tell the two apart; the mapped numpy extension can."""
    maps = Path(f"/proc/{pid}/maps")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if "numpy" in maps.read_text():
                return
        except OSError:  # not Linux, or the process has ended
            return
        time.sleep(0.01)


def test_ctrl_c_and_sigterm_end_in_one_line(tmp_path):
    """Ctrl-C while the command starts, SIGTERM while it draws: no traceback, no temporary
    file left beside the output."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    out = tmp_path / "big.png"
    big = tmp_path / "big.txt"
    big.write_text("".join(f"{i}. 第{i}项工作要抓紧落实\n" for i in range(1, 1400)), encoding="utf-8")
    for sig, when in ((signal.SIGINT, 0.0), (signal.SIGTERM, 2.0)):
        proc = subprocess.Popen(
            [sys.executable, "-m", "tigang", "render", str(big), "-o", str(out), "--force"],
            stderr=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
        )
        _wait_until_loading_numpy(proc.pid)
        time.sleep(when)
        proc.send_signal(sig)
        _, err = proc.communicate(timeout=120)
        assert b"Traceback" not in err, err.decode()
        assert not [p for p in tmp_path.iterdir() if p.name.startswith(".big.png")]


def test_a_huge_outline_is_drawn_to_a_depth_that_fits(tmp_path):
    big = tmp_path / "big.txt"
    from tigang.outline.readers.numerals import chinese_counting as cn

    lines = []
    for i in range(1, 41):
        lines.append(f"第{cn(i)}章 关于第{i}部分的规定")
        lines += [f"第{cn((i - 1) * 60 + j)}条 本条规定第{j}项内容。" for j in range(1, 61)]
    big.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "big.png"
    result = run("render", str(big), "-o", str(out))
    assert result.exit_code == 0 and "drawn to depth 1" in result.output and out.exists()
