"""The corpus database: one DuckDB file, four documented tables (see docs/corpus.md).

`documents` — one row per file: id, path (relative to the corpus folder, `/` separators),
sha256 of the bytes, title, encoding, node_count, status ('ok' or 'error'), error (the
one-line message) and outline_sha (a fingerprint of the outline: reposts of one speech share
it). `nodes` — one row per outline item: document_id, path (the child-index path from the
root as text, '2.0' is the first child of the third section), level (1 = top), marker (as
written), number, heading, line, parent (the parent's path, NULL at the top), marker_family
and body (the item's own text). `pairs` — the candidate pairs aligned exactly: a < b
(document ids) and the similarity score of `tigang diff`. `meta` — key/value: the format
marker and version, the corpus root, index parameters, counts.

The similarity index lives in three more tables, so that a rebuild hashes and searches only
what changed (`index` keeps them): `sketches` — one row per distinct outline: its heading
bigrams as integers and its MinHash signature; `shingle_counts` — how many outlines have each
bigram, and which bigrams are too common to count; `candidates` — each document's best
partners by signature (`lsh`) or by text (`text`), the pairs the exact alignment scores.

Rows go in by columns (`unnest` of lists), in batches: a row-by-row `executemany` is a
hundred times slower. Only the main process holds the connection.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tigang.outline.model import Family, Marker, Node, Outline, Placement

FORMAT = "tigang-corpus"
VERSION = 4  # 2: nodes.body and documents.outline_sha; 3: the index tables (sketches, …);
# 4: documents.detail and nodes.detail, the rest of `Outline.to_dict` (a lossless read-back)
READS = (2, 3, 4)  # versions a read-only command can open (older ones lack the index or details)

SCHEMA = """
create table if not exists documents (
    id integer not null,
    path varchar not null,
    sha256 varchar,
    title varchar,
    encoding varchar,
    node_count integer not null,
    status varchar not null,
    error varchar,
    outline_sha varchar,
    detail varchar
);
create table if not exists nodes (
    document_id integer not null,
    path varchar not null,
    level integer not null,
    marker varchar not null,
    number integer not null,
    heading varchar not null,
    line integer not null,
    parent varchar,
    marker_family varchar not null,
    body varchar not null,
    detail varchar
);
create table if not exists pairs (
    a integer not null,
    b integer not null,
    score double not null
);
create table if not exists meta (
    key varchar not null,
    value varchar
);
create table if not exists sketches (
    outline_sha varchar not null,
    shingles blob not null,
    minhash blob,
    counted boolean not null default false,
    indexed integer
);
create table if not exists shingle_counts (
    gram uinteger not null,
    outlines integer not null,
    common boolean not null
);
create table if not exists candidates (
    document_id integer not null,
    other integer not null,
    kind varchar not null
);
"""
# sketches: `minhash` NULL = to be hashed (empty blob: no headings, never searched);
# `counted` = its bigrams are in shingle_counts; `indexed` = the document id its candidate
# list was last searched under (NULL: not yet, or its signature changed since).

DOCUMENT_COLUMNS = (
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
)
DOCUMENT_TYPES = (
    "integer",
    "varchar",
    "varchar",
    "varchar",
    "varchar",
    "integer",
    "varchar",
    "varchar",
    "varchar",
    "varchar",
)
NODE_COLUMNS = (
    "document_id",
    "path",
    "level",
    "marker",
    "number",
    "heading",
    "line",
    "parent",
    "marker_family",
    "body",
    "detail",
)
NODE_TYPES = (
    "integer",
    "varchar",
    "integer",
    "varchar",
    "integer",
    "varchar",
    "integer",
    "varchar",
    "varchar",
    "varchar",
    "varchar",
)
TABLES = ("documents", "nodes", "pairs", "meta")
INDEX_TABLES = ("sketches", "shingle_counts", "candidates")
# DuckDB's own default is 80 % of the machine's memory for its buffers: a corpus build holds
# it to this, and spills the rest to disk (a temporary folder beside the database).
MEMORY_LIMIT = "1GB"
# The columns of the first layout (no format marker): a corpus of an older tigang.
_VERSION_1 = {
    "documents": {"id", "path", "sha256", "title", "encoding", "node_count", "status", "error"},
    "nodes": {
        "document_id",
        "path",
        "level",
        "marker",
        "number",
        "heading",
        "line",
        "parent",
        "marker_family",
    },
    "pairs": {"a", "b", "score"},
    "meta": {"key", "value"},
}


class StoreError(Exception):
    """A database that cannot be opened or queried. The message is one line for the user."""


@dataclass(frozen=True, slots=True)
class Known:
    """What the database holds about a file already."""

    id: int
    sha256: str | None


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split())


def connect(path: str | Path, *, read_only: bool = False, create: bool = False, queries_only: bool = False):
    """A DuckDB connection to the corpus at `path`. With `create`, a missing file becomes a
    new corpus; an existing database must be a tigang corpus (its format marker in `meta`),
    or one of the first layout, which is upgraded (its documents are parsed again).

    `queries_only` is for SQL that comes from users (a colleague's script, a notebook): read
    only, no access to files or other databases (COPY … TO, read_csv, ATTACH, extensions),
    and the setting locked so the query cannot turn it back on."""
    import duckdb

    if queries_only:
        read_only = True

    path = Path(path)
    if not create and not path.is_file():
        raise StoreError(f"{path}: no such corpus database (run `tigang corpus build` first)")
    if path.is_dir():
        raise StoreError(f"{path}: is a directory, not a database file")
    if create and not path.parent.is_dir() and str(path.parent):
        raise StoreError(f"{path}: folder {path.parent} does not exist")
    existed = path.is_file() and path.stat().st_size > 0
    try:
        if queries_only:
            con = duckdb.connect(str(path), read_only=True, config={"enable_external_access": False})
        elif read_only:
            con = duckdb.connect(str(path), read_only=True)
        else:
            con = duckdb.connect(str(path), config={"memory_limit": MEMORY_LIMIT})
    except duckdb.Error as exc:
        raise StoreError(f"{path}: {_open_failure(exc)}") from None
    try:
        if existed:
            _check_format(con, path, upgrade=not read_only)
        elif create:
            con.execute(SCHEMA)
            set_meta(con, {"format": FORMAT, "version": VERSION})
        else:
            raise StoreError(f"{path}: not a tigang corpus (an empty database)")
    except duckdb.Error as exc:
        con.close()
        raise StoreError(f"{path}: not a tigang corpus ({_one_line(exc)})") from None
    except StoreError:
        con.close()
        raise
    if queries_only:
        con.execute("set lock_configuration = true")
    return con


def stage_state(con) -> str | None:
    """What the last build left: None when it finished, else the stage it stopped in."""
    state = get_meta(con, "state")
    return None if state in (None, "complete") else state


def _open_failure(exc: Exception) -> str:
    message = _one_line(exc)
    lower = message.lower()
    if "lock" in lower:
        return "in use by another process (a build or query still running); try again when it ends"
    if "read-only file system" in lower:
        return "cannot write there: the file system is read-only"
    if "permission denied" in lower:
        return "cannot write there: permission denied"
    if "no space left" in lower:
        return "cannot write there: no space left on the device"
    if "not a valid duckdb" in message.lower() or "unable to open" in message.lower():
        return "not a DuckDB database"
    return f"cannot open ({message})"


def _columns(con, table: str) -> set[str]:
    return {
        row[0]
        for row in con.execute(
            "select column_name from information_schema.columns where table_name = ? and table_schema = 'main'",
            [table],
        ).fetchall()
    }


def _check_format(con, path: Path, *, upgrade: bool) -> None:
    """Refuse anything but a tigang corpus, before anything is written to it; bring one of an
    older tigang up to date when it is opened for writing."""
    fmt = version = None
    if _has_table(con, "meta") and _columns(con, "meta") == {"key", "value"}:
        fmt, version = get_meta(con, "format"), get_meta(con, "version")
    if fmt == FORMAT:
        if version == str(VERSION):
            return
        if version not in {str(v) for v in READS}:
            raise StoreError(
                f"{path}: a tigang corpus of format {version}, this tigang reads {', '.join(map(str, READS))}; "
                "build a new one from the same folder"
            )
        if upgrade:
            # 2 → 3: the index tables start empty; the next similarity stage fills them from
            # the stored outlines (no file is parsed again, no pair aligned again).
            # → 4: details are empty for documents stored before; they read back as before
            # (from their columns) until their file changes and is parsed again.
            con.execute("begin transaction")
            con.execute(SCHEMA)
            _add_detail_columns(con)
            set_meta(con, {"version": VERSION})
            con.execute("commit")
        return
    if fmt is None and all(_has_table(con, t) and _columns(con, t) == cols for t, cols in _VERSION_1.items()):
        if not upgrade:
            raise StoreError(f"{path}: a corpus of an older tigang; run `tigang corpus build` on it once")
        con.execute("begin transaction")
        con.execute("alter table documents add column outline_sha varchar")
        con.execute("alter table nodes add column body varchar not null default ''")
        con.execute("update documents set sha256 = null")  # parse everything again: bodies
        con.execute("delete from pairs")
        con.execute(SCHEMA)
        _add_detail_columns(con)
        set_meta(con, {"format": FORMAT, "version": VERSION})
        con.execute("commit")
        return
    raise StoreError(f"{path}: not a tigang corpus (a database of something else; tigang leaves it as it is)")


def _add_detail_columns(con) -> None:
    con.execute("alter table documents add column if not exists detail varchar")
    con.execute("alter table nodes add column if not exists detail varchar")


def _has_table(con, name: str) -> bool:
    return bool(
        con.execute(
            "select count(*) from information_schema.tables where table_name = ? and table_schema = 'main'",
            [name],
        ).fetchone()[0]
    )


def insert_columns(
    con, table: str, columns: Sequence[str], types: Sequence[str], rows: Sequence[tuple]
) -> None:
    """Insert `rows` (tuples in `columns` order) in one statement, column by column."""
    if not rows:
        return
    lists = [list(col) for col in zip(*rows, strict=True)]
    select = ", ".join(f"unnest(${i + 1}::{t}[])" for i, t in enumerate(types))
    con.execute(f"insert into {table} ({', '.join(columns)}) select {select}", lists)


# --- meta -------------------------------------------------------------------------------------


def get_meta(con, key: str, default: str | None = None) -> str | None:
    row = con.execute("select value from meta where key = ?", [key]).fetchone()
    return row[0] if row else default


def set_meta(con, values: dict[str, Any]) -> None:
    for key, value in values.items():
        con.execute("delete from meta where key = ?", [key])
        con.execute("insert into meta values (?, ?)", [key, None if value is None else str(value)])


# --- documents --------------------------------------------------------------------------------


def known_documents(con) -> dict[str, Known]:
    return {
        path: Known(i, sha)
        for i, path, sha in con.execute("select id, path, sha256 from documents").fetchall()
    }


def next_id(con) -> int:
    return con.execute("select coalesce(max(id), 0) + 1 from documents").fetchone()[0]


def delete_documents(con, ids: Iterable[int]) -> None:
    """Remove documents, their nodes and every pair they are in."""
    ids = sorted(set(ids))
    if not ids:
        return
    con.execute("delete from nodes where document_id in (select unnest($1::integer[]))", [ids])
    con.execute("delete from documents where id in (select unnest($1::integer[]))", [ids])
    delete_pairs_of(con, ids)


def delete_pairs_of(con, ids: Sequence[int]) -> None:
    con.execute(
        "delete from pairs where a in (select unnest($1::integer[])) or b in (select unnest($1::integer[]))",
        [list(ids)],
    )


def write_documents(
    con,
    documents: Sequence[tuple],
    nodes: Sequence[tuple],
    sketches: dict[str, bytes] | None = None,
    *,
    first_new: int | None = None,
) -> None:
    """Replace the rows of these documents (DOCUMENT_COLUMNS tuples) and insert their nodes;
    `sketches` ({outline_sha: shingles blob}) adds the outlines the index has not seen. Ids
    from `first_new` on are known to be new: no old rows to delete (a first build of a
    million files would otherwise scan the growing nodes table at every flush)."""
    ids = [d[0] for d in documents if first_new is None or d[0] < first_new]
    con.execute("begin transaction")
    try:
        if ids:
            con.execute("delete from nodes where document_id in (select unnest($1::integer[]))", [ids])
            con.execute("delete from documents where id in (select unnest($1::integer[]))", [ids])
        insert_columns(con, "documents", DOCUMENT_COLUMNS, DOCUMENT_TYPES, documents)
        insert_columns(con, "nodes", NODE_COLUMNS, NODE_TYPES, nodes)
        if sketches:
            add_sketches(con, sketches)
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise


def add_sketches(con, sketches: dict[str, bytes]) -> None:
    """Rows of `sketches` for the outlines not there yet (their signatures are made later)."""
    shas = list(sketches)
    # Base64 crosses into DuckDB twice as fast as a list of bytes objects.
    encoded = [base64.b64encode(sketches[sha]).decode("ascii") for sha in shas]
    con.execute(
        "insert into sketches (outline_sha, shingles) select s, from_base64(g) "
        "from (select unnest($1::varchar[]) as s, unnest($2::varchar[]) as g) "
        "where s not in (select outline_sha from sketches)",
        [shas, encoded],
    )


def status_counts(con) -> dict[str, int]:
    return dict(con.execute("select status, count(*) from documents group by 1").fetchall())


def paths_by_id(con, ids: Iterable[int] | None = None) -> dict[int, str]:
    if ids is None:
        return dict(con.execute("select id, path from documents").fetchall())
    return dict(
        con.execute(
            "select id, path from documents where id in (select unnest($1::integer[]))", [sorted(set(ids))]
        ).fetchall()
    )


# --- outlines back from rows ------------------------------------------------------------------

# One node as the workers need it: (path, level, marker, number, heading, line, marker_family,
# body, detail) — detail None in a corpus stored before format 4.
NodeRow = tuple[str, int, str, int, str, int, str, str, "str | None"]

# What `detail` leaves out: the node's own columns, and its children (rows of their own) …
_NODE_COLUMN_KEYS = frozenset({"level", "marker", "number", "heading", "line", "family", "body", "children"})
# … and for a document: its title and source columns, and the nodes.
_DOCUMENT_COLUMN_KEYS = frozenset({"title", "source", "outline"})


def node_detail(data: Mapping[str, Any]) -> str:
    """A node's `to_dict` fields that its columns do not hold, as compact JSON."""
    kept = {k: v for k, v in data.items() if k not in _NODE_COLUMN_KEYS}
    return json.dumps(kept, ensure_ascii=False, separators=(",", ":"))


def document_detail(data: Mapping[str, Any]) -> str:
    """An outline's `to_dict` fields other than its title, source and nodes, as compact JSON."""
    kept = {k: v for k, v in data.items() if k not in _DOCUMENT_COLUMN_KEYS}
    return json.dumps(kept, ensure_ascii=False, separators=(",", ":"))


def _node_select(con) -> str:
    detail = "detail" if "detail" in _columns(con, "nodes") else "null"
    return f"select document_id, path, level, marker, number, heading, line, marker_family, body, {detail} from nodes"


LOOKUP_SHARE = 50  # one document in this many or fewer: look each one up


def node_rows(con, ids: Iterable[int]) -> dict[int, list[NodeRow]]:
    """The node rows of these documents, in no particular order (`outline_from_rows` sorts).

    A few documents of a large corpus are looked up one by one: nodes are stored in document
    order, so the zone maps of `document_id` lead each lookup to one row group, about a
    millisecond. A join with a list of ids scattered over the corpus reads the whole table
    instead: 0.9 s for 400 documents of 100,000, ten times that at a million."""
    out: dict[int, list[NodeRow]] = {i: [] for i in ids}
    if not out:
        return out
    total = con.execute("select count(*) from documents").fetchone()[0]
    select = _node_select(con)
    if len(out) * LOOKUP_SHARE <= total:
        for doc in sorted(out):
            out[doc] = [
                tuple(r[1:]) for r in con.execute(f"{select} where document_id = ?", [doc]).fetchall()
            ]
        return out
    rows = con.execute(
        f"{select} where document_id in (select unnest($1::integer[]))", [sorted(out)]
    ).fetchall()
    for doc, *rest in rows:
        out[doc].append(tuple(rest))
    return out


def ids_by_path(con, paths: Iterable[str]) -> dict[str, int]:
    return dict(
        con.execute(
            "select path, id from documents where path in (select unnest($1::varchar[]))",
            [sorted(set(paths))],
        ).fetchall()
    )


def outlines(con, ids: Iterable[int]) -> dict[int, Outline]:
    """The stored outlines of these documents (titles, paths as sources, bodies)."""
    ids = sorted(set(ids))
    rows, names, paths = node_rows(con, ids), titles(con, ids), paths_by_id(con, ids)
    details = _document_details(con, ids)
    return {d: outline_from_rows(rows[d], names[d], paths[d], details.get(d)) for d in ids}


def _document_details(con, ids: list[int]) -> dict[int, str | None]:
    if "detail" not in _columns(con, "documents"):
        return {}
    return dict(
        con.execute(
            "select id, detail from documents where id in (select unnest($1::integer[]))", [ids]
        ).fetchall()
    )


def titles(con, ids: Iterable[int]) -> dict[int, str | None]:
    return dict(
        con.execute(
            "select id, title from documents where id in (select unnest($1::integer[]))", [sorted(set(ids))]
        ).fetchall()
    )


def _sort_key(path: str) -> tuple[int, ...]:
    return tuple(int(p) for p in path.split("."))


def outline_from_rows(
    rows: Iterable[NodeRow], title: str | None = None, source: str | None = None, detail: str | None = None
) -> Outline:
    """The outline a document's node rows describe. With the details a build of format 4
    stores (`detail`, the document's; each row's last field, the node's) it is the outline
    that was parsed, field for field (`Outline.from_dict` of its `to_dict`), the source
    being the path in the corpus. Without them (a corpus stored before): markers, numbers,
    headings, bodies, lines and levels — enough for `diff` and `compare_many`."""
    children: dict[tuple[int, ...], list] = {(): []}
    ordered = sorted(rows, key=lambda r: _sort_key(r[0]))
    built: dict[tuple[int, ...], tuple] = {}
    for path, level, marker, number, heading, line, family, body, node_detail in ordered:
        key = _sort_key(path)
        built[key] = (level, marker, number, heading, line, family, body, node_detail)
        children.setdefault(key, [])
        children.setdefault(key[:-1], []).append(key)
    if detail is not None and all(b[7] is not None for b in built.values()):
        return _outline_from_details(built, children, title, source, detail)

    def make(key: tuple[int, ...]) -> Node:
        level, marker, number, heading, line, family, body, _ = built[key]
        try:
            fam = Family(family)
        except ValueError:
            fam = Family.SECTION
        return Node(
            marker=Marker(text=marker, family=fam, number=number),
            number=number,
            heading=heading,
            line=line,
            column=1,
            end_line=line,
            level=level,
            placement=Placement.LEAD,
            body=body,
            children=tuple(make(k) for k in children[key]),
        )

    return Outline(title=title, nodes=tuple(make(k) for k in children[()]), source=source)


def _outline_from_details(
    built: dict[tuple[int, ...], tuple],
    children: dict[tuple[int, ...], list],
    title: str | None,
    source: str | None,
    detail: str,
) -> Outline:
    def node(key: tuple[int, ...]) -> dict[str, Any]:
        level, marker, number, heading, line, family, body, node_detail = built[key]
        fields = {"level": level, "marker": marker, "number": number, "heading": heading, "line": line}
        fields |= {"family": family, "body": body, "children": [node(k) for k in children[key]]}
        return json.loads(node_detail) | fields

    data = json.loads(detail) | {"title": title, "source": source, "outline": [node(k) for k in children[()]]}
    return Outline.from_dict(data)
