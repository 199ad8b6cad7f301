"""Build a corpus database: walk a folder, parse every file in workers, store the outlines.

Incremental: each worker hashes its file first and skips the parse when the sha256 is the one
the database holds. Files that are gone are removed. A file that cannot be read as a
document (binary, empty, undecodable) is stored with status 'error' and its one-line
message; the build goes on. Document ids are given here, in path order, before any work is
sent out, so every engine writes the same rows.

Memory stays flat in the number of files: the walked paths are the only list this process
holds (about 100 bytes a file); what the database knows is read alongside them, in path
order, a few thousand rows at a time; tasks are made as the engine asks for them, and rows
are written every `FLUSH_DOCUMENTS` documents. The workers also turn each outline's headings
into its shingles (`sketch.shingles`) for the similarity index.
"""

from __future__ import annotations

import hashlib
import os
import time
from array import array
from collections.abc import Callable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from pathlib import Path

from . import sketch, store

BATCH_FILES = 32  # files per task: large enough to hide the task overhead, small for a smooth bar
FLUSH_DOCUMENTS = 2000  # documents per database transaction

# One file to do: (document id, path relative to the root, absolute path, known sha256 or None).
Task = tuple[int, str, str, "str | None"]
# What a worker returns for it: (document row or None when unchanged, node rows, bytes read,
# the outline's shingles as a blob — None unless it parsed with headings).
Result = tuple["tuple | None", list[tuple], int, "bytes | None"]

Progress = Callable[[str, int, int], None]  # (stage, done, total)


@dataclass
class BuildSummary:
    files: int = 0
    parsed: int = 0
    unchanged: int = 0
    errors: int = 0  # files whose status is 'error' after the build (this run's and earlier)
    new_errors: int = 0
    removed: int = 0
    seconds: float = 0.0
    changed_ids: array = field(default_factory=lambda: array("i"))  # ids parsed or removed now

    @property
    def all_failed(self) -> bool:
        return self.files > 0 and self.errors == self.files


def walk(root: Path, skip: AbstractSet[Path] = frozenset()) -> list[str]:
    """Regular files under `root` (hidden files and folders aside), as sorted posix paths
    relative to it."""
    found: list[str] = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        base = Path(folder)
        for name in files:
            if name.startswith("."):
                continue
            path = base / name
            if (skip and path.resolve() in skip) or not path.is_file():
                continue
            found.append(path.relative_to(root).as_posix())
    return sorted(found)


def _node_rows(doc_id: int, outline, data: dict | None = None) -> list[tuple]:
    """One row per node. `data` is `outline.to_dict()`: what the columns do not hold of each
    node (column, end line, the marker's punctuation and width, placement, anomalies, rule…)
    goes to `detail` as compact JSON, so the outline can be read back whole."""
    rows: list[tuple] = []

    def visit(nodes, dicts, prefix: str | None) -> None:
        for i, node in enumerate(nodes):
            path = f"{prefix}.{i}" if prefix is not None else str(i)
            detail = store.node_detail(dicts[i]) if dicts is not None else None
            rows.append(
                (
                    doc_id,
                    path,
                    node.level,
                    node.marker.text,
                    node.number,
                    node.heading,
                    node.line,
                    prefix,
                    node.marker.family.value,
                    node.body,
                    detail,
                )
            )
            visit(node.children, dicts[i]["children"] if dicts is not None else None, path)

    visit(outline.nodes, data["outline"] if data is not None else None, None)
    return rows


def parse_one(task: Task) -> Result:
    doc_id, rel, absolute, known = task
    from tigang.outline.parser import parse_file
    from tigang.outline.source import InputError

    try:
        data = Path(absolute).read_bytes()
    except OSError as exc:
        return (
            (
                doc_id,
                rel,
                None,
                None,
                None,
                0,
                "error",
                f"{rel}: cannot read ({exc.strerror or exc})",
                None,
                None,
            ),
            [],
            0,
            None,
        )
    sha = hashlib.sha256(data).hexdigest()
    if sha == known:
        return None, [], 0, None
    try:
        outline = parse_file(absolute)
    except InputError as exc:
        message = str(exc).replace(absolute, rel, 1)
        return (doc_id, rel, sha, None, None, 0, "error", " ".join(message.split()), None, None), [], 0, None
    except Exception as exc:  # a parser bug must not stop a build of 100,000 files
        message = " ".join(f"{rel}: cannot parse ({type(exc).__name__}: {exc})".split())
        return (doc_id, rel, sha, None, None, 0, "error", message, None, None), [], 0, None
    whole = outline.to_dict()
    nodes = _node_rows(doc_id, outline, whole)
    fingerprint = hashlib.sha256(
        "\n".join(f"{r[2]}\t{r[3]}\t{r[5]}" for r in nodes).encode("utf-8")
    ).hexdigest()
    row = (
        doc_id, rel, sha, outline.title, outline.encoding, len(nodes), "ok", None, fingerprint,
        store.document_detail(whole),
    )  # fmt: skip
    grams = sketch.shingles_blob(sketch.shingles(r[5] for r in nodes)) if nodes else None
    return row, nodes, len(data), grams


def parse_batch(tasks: list[Task]) -> list[Result]:
    """The worker's job: parse a batch of files (run in another process or on a Dask worker)."""
    return [parse_one(task) for task in tasks]


def _batches(tasks: Iterator[Task], size: int) -> Iterator[list[Task]]:
    batch: list[Task] = []
    for task in tasks:
        batch.append(task)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _known_in_path_order(con) -> Iterator[tuple[str, int, str | None]]:
    """(path, id, sha256) of every stored document, in the order `walk` sorts paths (DuckDB
    compares UTF-8 bytes, which orders like Python's code points). A second connection
    reads, so the build can write meanwhile."""
    reader = con.cursor()
    try:
        result = reader.execute("select path, id, sha256 from documents order by path")
        while rows := result.fetchmany(10_000):
            yield from rows
    finally:
        reader.close()


def _tasks(files: list[str], con, root: Path, gone: list[int]) -> Iterator[Task]:
    """One task per walked file, ids from the database or new ones in path order; the ids of
    stored documents whose file is gone are collected in `gone` on the way."""
    new_id = store.next_id(con)
    known = _known_in_path_order(con)
    pending = next(known, None)
    for rel in files:
        while pending is not None and pending[0] < rel:
            gone.append(pending[1])
            pending = next(known, None)
        if pending is not None and pending[0] == rel:
            doc_id, sha = pending[1], pending[2]
            pending = next(known, None)
        else:
            doc_id, sha, new_id = new_id, None, new_id + 1
        yield doc_id, rel, str(root / rel), sha
    while pending is not None:
        gone.append(pending[1])
        pending = next(known, None)


def build_corpus(
    root: str | Path,
    con,
    engine,
    *,
    skip: AbstractSet[Path] = frozenset(),
    progress: Progress | None = None,
    batch_files: int = BATCH_FILES,
) -> BuildSummary:
    """Bring the database behind `con` up to date with the files under `root`."""
    started = time.perf_counter()
    root_path = Path(root)
    files = walk(root_path, {p.resolve() for p in skip})
    summary = BuildSummary(files=len(files))
    absolute_root = root_path.resolve()
    store.set_meta(con, {"root": absolute_root, "state": "parsing"})

    documents: list[tuple] = []
    nodes: list[tuple] = []
    sketches: dict[str, bytes] = {}
    done = 0

    first_new = store.next_id(con)

    def flush() -> None:
        store.write_documents(con, documents, nodes, sketches, first_new=first_new)
        summary.changed_ids.extend(d[0] for d in documents)
        documents.clear()
        nodes.clear()
        sketches.clear()

    gone: list[int] = []
    tasks = _tasks(files, con, absolute_root, gone)
    for results in engine.map(parse_batch, _batches(tasks, batch_files)):
        for row, rows, _size, grams in results:
            done += 1
            if row is None:
                summary.unchanged += 1
                continue
            summary.parsed += 1
            summary.new_errors += row[6] == "error"
            documents.append(row)
            nodes.extend(rows)
            if grams is not None:
                sketches[row[8]] = grams
        if len(documents) >= FLUSH_DOCUMENTS:
            flush()
        if progress:
            progress("parse", done, len(files))
    flush()
    store.delete_documents(con, gone)
    summary.removed = len(gone)
    summary.changed_ids.extend(gone)
    if summary.parsed:
        store.delete_pairs_of(con, list(summary.changed_ids))
    summary.errors = store.status_counts(con).get("error", 0)
    summary.seconds = time.perf_counter() - started
    return summary
