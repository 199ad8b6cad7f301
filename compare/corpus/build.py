"""Build a corpus database: walk a folder, parse every file in workers, store the outlines.

Incremental: each worker hashes its file first and skips the parse when the sha256 is the one
the database holds. Files that are gone are removed. A file that cannot be read as a
document (binary, empty, undecodable) is stored with status 'error' and its one-line
message; the build goes on. Document ids are given here, in path order, before any work is
sent out, so every engine writes the same rows.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from . import store

BATCH_FILES = 32  # files per task: large enough to hide the task overhead, small for a smooth bar
FLUSH_DOCUMENTS = 2000  # documents per database transaction

# One file to do: (document id, path relative to the root, absolute path, known sha256 or None).
Task = tuple[int, str, str, "str | None"]
# What a worker returns for it: (document row or None when unchanged, node rows).
Result = tuple["tuple | None", list[tuple], int]

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
    changed_ids: list[int] = field(default_factory=list)

    @property
    def all_failed(self) -> bool:
        return self.files > 0 and self.errors == self.files


def walk(root: Path, skip: set[Path] = frozenset()) -> list[str]:
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


def _node_rows(doc_id: int, outline) -> list[tuple]:
    rows: list[tuple] = []

    def visit(nodes, prefix: str | None) -> None:
        for i, node in enumerate(nodes):
            path = f"{prefix}.{i}" if prefix is not None else str(i)
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
                )
            )
            visit(node.children, path)

    visit(outline.nodes, None)
    return rows


def parse_one(task: Task) -> Result:
    doc_id, rel, absolute, known = task
    from tigang.outline.parser import parse_file
    from tigang.outline.source import InputError

    try:
        data = Path(absolute).read_bytes()
    except OSError as exc:
        return (
            (doc_id, rel, None, None, None, 0, "error", f"{rel}: cannot read ({exc.strerror or exc})", None),
            [],
            0,
        )
    sha = hashlib.sha256(data).hexdigest()
    if sha == known:
        return None, [], 0
    try:
        outline = parse_file(absolute)
    except InputError as exc:
        message = str(exc).replace(absolute, rel, 1)
        return (doc_id, rel, sha, None, None, 0, "error", " ".join(message.split()), None), [], 0
    except Exception as exc:  # a parser bug must not stop a build of 100,000 files
        message = " ".join(f"{rel}: cannot parse ({type(exc).__name__}: {exc})".split())
        return (doc_id, rel, sha, None, None, 0, "error", message, None), [], 0
    nodes = _node_rows(doc_id, outline)
    fingerprint = hashlib.sha256(
        "\n".join(f"{r[2]}\t{r[3]}\t{r[5]}" for r in nodes).encode("utf-8")
    ).hexdigest()
    row = (doc_id, rel, sha, outline.title, outline.encoding, len(nodes), "ok", None, fingerprint)
    return row, nodes, len(data)


def parse_batch(tasks: list[Task]) -> list[Result]:
    """The worker's job: parse a batch of files (run in another process or on a Dask worker)."""
    return [parse_one(task) for task in tasks]


def _batches(tasks: list[Task], size: int) -> Iterator[list[Task]]:
    for start in range(0, len(tasks), size):
        yield tasks[start : start + size]


def build_corpus(
    root: str | Path,
    con,
    engine,
    *,
    skip: set[Path] = frozenset(),
    progress: Progress | None = None,
    batch_files: int = BATCH_FILES,
) -> BuildSummary:
    """Bring the database behind `con` up to date with the files under `root`."""
    started = time.perf_counter()
    root_path = Path(root)
    files = walk(root_path, {p.resolve() for p in skip})
    known = store.known_documents(con)
    summary = BuildSummary(files=len(files))
    present = set(files)
    gone = [k.id for path, k in known.items() if path not in present]
    store.delete_documents(con, gone)
    summary.removed = len(gone)
    new_id = store.next_id(con)
    tasks: list[Task] = []
    absolute_root = root_path.resolve()
    for rel in files:
        if rel in known:
            doc_id, sha = known[rel].id, known[rel].sha256
        else:
            doc_id, sha, new_id = new_id, None, new_id + 1
        tasks.append((doc_id, rel, str(absolute_root / rel), sha))
    store.set_meta(con, {"root": absolute_root, "state": "parsing"})

    documents: list[tuple] = []
    nodes: list[tuple] = []
    done = 0

    def flush() -> None:
        store.write_documents(con, documents, nodes)
        summary.changed_ids.extend(d[0] for d in documents)
        documents.clear()
        nodes.clear()

    for results in engine.map(parse_batch, _batches(tasks, batch_files)):
        for row, rows, _size in results:
            done += 1
            if row is None:
                summary.unchanged += 1
                continue
            summary.parsed += 1
            summary.new_errors += row[6] == "error"
            documents.append(row)
            nodes.extend(rows)
        if len(documents) >= FLUSH_DOCUMENTS:
            flush()
        if progress:
            progress("parse", done, len(tasks))
    flush()
    if summary.changed_ids:
        store.delete_pairs_of(con, summary.changed_ids)
    summary.errors = store.status_counts(con).get("error", 0)
    summary.seconds = time.perf_counter() - started
    return summary
