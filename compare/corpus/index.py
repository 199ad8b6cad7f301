"""Which documents share a structure: candidates, then scores from the exact alignment.

Identical outlines (reposts of one speech are common in scraped corpora) are found by their
fingerprint (`documents.outline_sha`) and collapsed before anything else: one document stands
for each group (the lowest id), only it is sketched, searched and aligned, and the others are
linked to it with score 1.

Candidates come from two sources:

- MinHash-LSH over heading bigrams, for any size (`sketch`). Aligning all n(n−1)/2 pairs is
  out of reach at 10,000 documents (fifty million alignments). Each outline is reduced to the
  set of character bigrams of its normalised headings; bigrams that more than a fifth of the
  outlines have (建设, 加强, 工作) are dropped first, like stop words. The signatures are
  searched by bands for documents whose sets probably overlap by at least `threshold`
  (Jaccard); a candidate the signatures estimate below `threshold` − 0.1 is dropped, and
  each document keeps its `max_candidates` best;
- up to `ALL_PAIRS` distinct outlines, every pair is looked at: each document's whole text as
  a TF-IDF vector, all cosines at once, and each document keeps its `TEXT_CANDIDATES` best
  above `compare.align.Thresholds.related`. Two years of one work report reword most of their
  headings, and only their text says they belong together.

Only candidates are aligned, by `compare.diff` (the score of `tigang diff`), in the engine's
workers.

Incremental, stage by stage, so that a rebuild costs what changed:

1. sketches (`update_sketches`): the shingles of each new outline came from the parse
   workers; the table of bigram counts is updated by the outlines that came and went; the
   common bigrams are those above the share now, and only outlines holding a bigram that
   crossed the line are hashed again, with the new ones, in the engine's workers;
2. search (`update_candidates`): the candidate lists of documents whose signature is new,
   changed or gone are searched again, with the lists of the documents they were in, and of
   those they now collide with — the same lists a search of everything would make (a test
   holds them equal); past `FULL_SEARCH_SHARE` of changed outlines, everything is searched;
3. align: pairs whose two documents are unchanged keep their score; pairs that are no longer
   candidates are dropped; the rest are aligned, a family at a time.

A rebuild with nothing changed reads a few counts and returns.
"""

from __future__ import annotations

import contextlib
import hashlib
import math
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import numpy as np

from . import sketch, store

LSH_THRESHOLD = 0.3
NUM_PERM = sketch.NUM_PERM
MAX_CANDIDATES = 50
BATCH_PAIRS = 200
COMMON_SHARE = 0.2  # bigrams in more outlines than this share say nothing about a template
COMMON_MIN_DOCUMENTS = 100  # below this, keep every bigram: a small corpus aligns cheaply anyway
GRID_STEPS = 20  # steps a decade of the outline count the common-bigram limit moves by
SEED = sketch.SEED
VERIFY_SLACK = 0.1
ALL_PAIRS = 2000  # distinct outlines up to which every pair is looked at (by text first)
TEXT_CANDIDATES = 5  # … and each keeps its best few by text for the exact alignment
SKETCH_BATCH = 1000  # outlines per hashing task
SKETCH_PAGE = 20 * SKETCH_BATCH  # outlines read from the database at a time, and written back
FULL_SEARCH_SHARE = 0.2  # changed outlines past which searching everything is cheaper
READ_CHUNK = 20_000  # rows fetched at a time when streaming a table

Progress = Callable[[str, int, int], None]


@dataclass
class SimilaritySummary:
    documents: int = 0  # documents with at least one heading
    distinct: int = 0  # … with distinct outlines (the others repeat one of them)
    candidates: int = 0  # pairs of distinct outlines aligned exactly
    aligned: int = 0  # alignments computed by this run (the rest were kept)
    pending: int = 0  # alignments this run found to do (more than `aligned` with a limit)
    seconds: float = 0.0
    hashed: int = 0  # signatures computed by this run
    searched: int = 0  # candidate lists searched by this run
    stages: dict[str, float] = field(default_factory=dict)  # seconds: sketch, search, align

    @property
    def possible(self) -> int:
        return self.documents * (self.documents - 1) // 2


def _threads() -> int:
    from .engines import cores

    return cores()


# --- the workers' jobs ---------------------------------------------------------------------------


def shingle_batch(items: list[tuple[str, list[str]]]) -> list[tuple[str, bytes]]:
    """Shingles of outlines given by their headings (a corpus built before signatures were
    stored: its outlines are sketched from the nodes table, without parsing again)."""
    return [(sha, sketch.shingles_blob(sketch.shingles(headings))) for sha, headings in items]


# A hashing task: (outline_sha, shingles blob) pairs, the common bigrams, num_perm, seed.
SketchTask = tuple[list[tuple[str, bytes]], bytes, int, int]


def sketch_batch(task: SketchTask) -> list[tuple[str, bytes]]:
    """The worker's job: MinHash signatures of a batch of outlines, without the common
    bigrams (a set that is all common keeps them all)."""
    items, common_blob, num_perm, seed = task
    common = sketch.shingles_of(common_blob)
    sets = []
    for _, blob in items:
        grams = sketch.shingles_of(blob)
        rare = np.setdiff1d(grams, common, assume_unique=True) if len(common) else grams
        sets.append(rare if len(rare) else grams)
    signatures = sketch.minhash(sets, num_perm=num_perm, seed=seed)
    return [
        (sha, sketch.signature_blob(signatures[i]) if len(sets[i]) else b"")
        for i, (sha, _) in enumerate(items)
    ]


# A batch of alignment work: the pairs and the node rows of every document they name.
PairBatch = tuple[list[tuple[int, int]], dict[int, list[store.NodeRow]]]


def align_batch(batch: PairBatch) -> list[tuple[int, int, float]]:
    """The worker's job: exact alignment scores of a batch of pairs. Each document's outline
    is built from its rows once for the batch, and the bigrams of its texts are counted once,
    whatever the number of pairs it is in (the pairs come a family at a time)."""
    from tigang.compare import diff
    from tigang.compare.features import shared_counts

    pairs, rows = batch
    outlines = {doc: store.outline_from_rows(doc_rows) for doc, doc_rows in rows.items()}
    with shared_counts():
        return [(a, b, round(diff(outlines[a], outlines[b]).score, 6)) for a, b in pairs]


# --- stage 1: sketches ----------------------------------------------------------------------------


@dataclass
class _Counts:
    """Bigram → number of outlines that have it, and the common ones (sorted by bigram)."""

    grams: np.ndarray
    outlines: np.ndarray
    common: np.ndarray  # bool

    @classmethod
    def load(cls, con) -> _Counts:
        found = con.execute("select gram, outlines, common from shingle_counts order by gram").fetchnumpy()
        return cls(
            found["gram"].astype(np.uint32),
            found["outlines"].astype(np.int64),
            found["common"].astype(bool),
        )

    def add(self, grams: np.ndarray, counts: np.ndarray) -> None:
        every = np.concatenate([self.grams, grams])
        joined, where = np.unique(every, return_inverse=True)
        total = np.bincount(where, weights=np.concatenate([self.outlines, counts]), minlength=len(joined))
        was_common = np.zeros(len(joined), dtype=bool)
        was_common[where[: len(self.grams)]] = self.common
        keep = total > 0
        self.grams = joined[keep].astype(np.uint32)
        self.outlines = total[keep].astype(np.int64)
        self.common = was_common[keep]

    def save(self, con) -> None:
        con.execute("delete from shingle_counts")
        store.insert_columns(
            con,
            "shingle_counts",
            ("gram", "outlines", "common"),
            ("uinteger", "integer", "boolean"),
            list(zip(self.grams.tolist(), self.outlines.tolist(), self.common.tolist(), strict=True)),
        )


def _gram_counts(con, where: str) -> tuple[np.ndarray, np.ndarray]:
    """(bigram, outlines that have it) over the sketches rows `where` selects."""
    grams: Counter[int] = Counter()
    chunks: list[np.ndarray] = []
    result = con.execute(f"select shingles from sketches where {where}")
    while rows := result.fetchmany(READ_CHUNK):
        chunks.append(np.concatenate([sketch.shingles_of(r[0]) for r in rows]))
        if sum(len(c) for c in chunks) > 5_000_000:  # keep the working set small
            values, counts = np.unique(np.concatenate(chunks), return_counts=True)
            grams.update(dict(zip(values.tolist(), counts.tolist(), strict=True)))
            chunks.clear()
    if chunks:
        values, counts = np.unique(np.concatenate(chunks), return_counts=True)
        grams.update(dict(zip(values.tolist(), counts.tolist(), strict=True)))
    keys = np.array(sorted(grams), dtype=np.uint32)
    return keys, np.array([grams[k] for k in keys.tolist()], dtype=np.int64)


def _outline_representatives(con) -> None:
    """The temporary table `outline_reps`: each distinct outline with a heading, and the
    document that stands for it (the lowest id)."""
    con.execute(
        "create or replace temp table outline_reps as select outline_sha, min(id) as rep, count(*) as members "
        "from documents where status = 'ok' and node_count > 0 and outline_sha is not null group by 1"
    )


def _backfill(con, engine) -> None:
    """Sketch rows for outlines that have none (a corpus of format 2), from their headings."""
    missing = con.execute(
        "select r.outline_sha, r.rep from outline_reps r anti join sketches s using (outline_sha) order by r.rep"
    ).fetchall()
    if not missing:
        return
    sha_of = dict((rep, sha) for sha, rep in missing)

    def batches() -> Iterator[list[tuple[str, list[str]]]]:
        reps = sorted(sha_of)
        for start in range(0, len(reps), SKETCH_BATCH):
            chunk = reps[start : start + SKETCH_BATCH]
            headings: dict[int, list[str]] = {rep: [] for rep in chunk}
            # The id range lets the zone maps skip the rest of the nodes table.
            for doc, heading in con.execute(
                "select document_id, heading from nodes where document_id between $2 and $3 "
                "and document_id in (select unnest($1::integer[]))",
                [chunk, chunk[0], chunk[-1]],
            ).fetchall():
                headings[doc].append(heading)
            yield [(sha_of[rep], headings[rep]) for rep in chunk]

    found: dict[str, bytes] = {}
    for results in engine.map(shingle_batch, batches()):
        found.update(results)
        if len(found) >= 10 * SKETCH_BATCH:
            store.add_sketches(con, found)
            found.clear()
    store.add_sketches(con, found)


def common_limit(distinct: int, share: float) -> float:
    """How many outlines a bigram must be in to be common: `share` of the number of distinct
    outlines, that number taken down to a step of a geometric grid (twenty steps a decade,
    12 % apart). A limit that moved with every outline added would tip the bigrams near it
    in and out at every build, and each one tipped changes the signature of a fifth of the
    corpus; on the grid the limit stays put between steps, and the set is still a function
    of the corpus alone (an incremental build ends where a fresh one does)."""
    step = math.floor(math.log10(distinct) * GRID_STEPS + 1e-9) / GRID_STEPS
    return share * 10**step


@dataclass
class _SketchChanges:
    removed: list[int] = field(default_factory=list)  # document ids whose lists must go
    hashed: int = 0


def update_sketches(
    con,
    engine,
    *,
    num_perm: int = NUM_PERM,
    seed: int = SEED,
    common_share: float = COMMON_SHARE,
    progress: Progress | None = None,
) -> _SketchChanges:
    """Bring `sketches` and `shingle_counts` up to date with the documents (stage 1)."""
    changes = _SketchChanges()
    settings = f"bigrams-u32 num_perm={num_perm} seed={seed} common_share={common_share}"
    _outline_representatives(con)
    gone = "outline_sha not in (select outline_sha from outline_reps)"
    counts = _Counts.load(con)
    changed_counts = False
    if con.execute(f"select count(*) from sketches where {gone}").fetchone()[0]:
        changes.removed = [
            r[0]
            for r in con.execute(
                f"select indexed from sketches where {gone} and indexed is not null"
            ).fetchall()
        ]
        grams, n = _gram_counts(con, f"{gone} and counted")
        counts.add(grams, -n)
        con.execute(f"delete from sketches where {gone}")
        changed_counts = True
    _backfill(con, engine)
    if con.execute("select count(*) from sketches where not counted").fetchone()[0]:
        grams, n = _gram_counts(con, "not counted")
        counts.add(grams, n)
        con.execute("update sketches set counted = true where not counted")
        changed_counts = True
    distinct = con.execute("select count(*) from sketches").fetchone()[0]
    if distinct >= COMMON_MIN_DOCUMENTS and common_share < 1.0:
        common = counts.outlines > common_limit(distinct, common_share)
    else:
        common = np.zeros(len(counts.grams), dtype=bool)
    flipped = counts.grams[common != counts.common]
    if len(flipped):
        counts.common = common
        changed_counts = True
    if changed_counts:
        counts.save(con)
    if store.get_meta(con, "sketch") != settings:
        con.execute("update sketches set minhash = null, indexed = null")
    elif len(flipped):
        _forget_signatures_with(con, flipped)
    store.set_meta(con, {"sketch": settings})
    changes.hashed = _hash_signatures(con, engine, counts.grams[counts.common], num_perm, seed, progress)
    return changes


def _forget_signatures_with(con, flipped: np.ndarray) -> None:
    """Mark for hashing the outlines holding a bigram that became common or stopped being."""
    hit: list[str] = []
    result = con.execute("select outline_sha, shingles from sketches where minhash is not null")
    while rows := result.fetchmany(READ_CHUNK):
        for sha, blob in rows:
            if np.isin(sketch.shingles_of(blob), flipped).any():
                hit.append(sha)
    for start in range(0, len(hit), 100_000):
        con.execute(
            "update sketches set minhash = null, indexed = null where outline_sha in (select unnest($1::varchar[]))",
            [hit[start : start + 100_000]],
        )


def _hash_signatures(con, engine, common: np.ndarray, num_perm: int, seed: int, progress) -> int:
    """Signatures for every sketch without one, computed by the engine's workers."""
    total = con.execute("select count(*) from sketches where minhash is null").fetchone()[0]
    if not total:
        return 0
    common_blob = sketch.shingles_blob(common)
    reader = con.cursor()

    def tasks() -> Iterator[SketchTask]:
        # A page at a time, each query read whole: a result left open while the signatures
        # are written keeps every row it may still see, and that outgrew DuckDB's pool.
        last = ""
        while rows := reader.execute(
            "select outline_sha, shingles from sketches where minhash is null and outline_sha > $1 "
            "order by outline_sha limit $2",
            [last, SKETCH_PAGE],
        ).fetchall():
            last = rows[-1][0]
            for start in range(0, len(rows), SKETCH_BATCH):
                yield rows[start : start + SKETCH_BATCH], common_blob, num_perm, seed

    done = 0
    pending: list[tuple[str, bytes]] = []
    try:
        for results in engine.map(sketch_batch, tasks()):
            pending.extend(results)
            done += len(results)
            if len(pending) >= SKETCH_PAGE:
                _store_minhash(con, pending)
            if progress:
                progress("sketch", done, total)
        _store_minhash(con, pending)
    finally:
        reader.close()
    return done


def _store_minhash(con, pending: list[tuple[str, bytes]]) -> None:
    """Write a batch of signatures into `sketches`. A batch at a time: one update of a million
    rows' signatures outgrew DuckDB's 1 GB pool (the million-document benchmark stopped there)."""
    import base64

    if pending:
        con.execute(
            "update sketches set minhash = from_base64(n.minhash), indexed = null "
            "from (select unnest($1::varchar[]) as outline_sha, unnest($2::varchar[]) as minhash) n "
            "where sketches.outline_sha = n.outline_sha",
            [[sha for sha, _ in pending], [base64.b64encode(m).decode("ascii") for _, m in pending]],
        )
        _checkpoint(con)
        pending.clear()


def _checkpoint(con) -> None:
    """Write the updated rows to disk, so memory holds one page's. Where DuckDB refuses (its
    documentation: while another transaction runs), its own checkpoint by the log's size will do."""
    import duckdb

    with contextlib.suppress(duckdb.TransactionException):
        con.execute("checkpoint")


# --- stage 2: candidates --------------------------------------------------------------------------


def _signatures(con, num_perm: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(document ids, ids they were last searched under or −1, signature matrix) of every
    outline with headings, by document id. The matrix is allocated once and filled a chunk at
    a time: at a million outlines it is 0.5 GB, and chunks joined and copied would be three
    times that at the peak."""
    query = "from outline_reps r join sketches s using (outline_sha) where octet_length(s.minhash) > 0"
    # The ids sorted alone, then each row put in its place: DuckDB sorting the signatures with
    # them (order by) ran out of its pool at scale.
    ids = np.sort(con.execute(f"select r.rep::bigint as rep {query}").fetchnumpy()["rep"].astype(np.int64))
    total = len(ids)
    indexed = np.empty(total, np.int64)
    matrix = np.empty((total, num_perm), np.uint16)
    result = con.execute(f"select r.rep, coalesce(s.indexed, -1), s.minhash {query}")
    while rows := result.fetchmany(READ_CHUNK):
        at = np.searchsorted(ids, np.fromiter((r[0] for r in rows), np.int64, len(rows)))
        indexed[at] = [r[1] for r in rows]
        matrix[at] = np.frombuffer(b"".join(r[2] for r in rows), dtype="<u2").reshape(len(rows), num_perm)
    return ids, indexed, matrix


def update_candidates(
    con,
    *,
    threshold: float = LSH_THRESHOLD,
    num_perm: int = NUM_PERM,
    max_candidates: int = MAX_CANDIDATES,
    removed: list[int] | None = None,
    progress: Progress | None = None,
) -> tuple[int, bool]:
    """Bring the `lsh` lists of `candidates` up to date (stage 2). Returns (lists searched,
    whether anything changed)."""
    settings = f"threshold={threshold} slack={VERIFY_SLACK} k={max_candidates} num_perm={num_perm}"
    full = store.get_meta(con, "search") != settings
    removed = sorted(set(removed or ()))
    stale = con.execute(
        "select count(*) from outline_reps r join sketches s using (outline_sha) "
        "where s.indexed is distinct from r.rep"
    ).fetchone()[0]
    if not full and not stale and not removed:
        return 0, False
    ids, indexed, signatures = _signatures(con, num_perm)
    search = sketch.Search.of(threshold, VERIFY_SLACK, max_candidates, num_perm)
    changed_rows = np.flatnonzero(indexed != ids)
    # Documents whose old signature is gone: removed outlines, and reps that stood for an
    # outline under another id before.
    old = set(removed) | set(indexed[(indexed != ids) & (indexed >= 0)].tolist())
    old.difference_update(ids[indexed == ids].tolist())
    full = full or len(changed_rows) + len(old) > FULL_SEARCH_SHARE * max(len(ids), 1)

    def report(done: int, total: int) -> None:
        if progress:
            progress("search", done, total)

    if full:
        lists = sketch.search_all(signatures, search, threads=_threads(), progress=report)
        con.execute("delete from candidates where kind = 'lsh'")
        searched = len(ids)
    else:
        gone = sorted(old | set(ids[changed_rows].tolist()))
        referrers = [
            r[0]
            for r in con.execute(
                "select distinct document_id from candidates where kind = 'lsh' and other in (select unnest($1::integer[]))",
                [gone],
            ).fetchall()
        ]
        mates = sketch.verified_partners(signatures, changed_rows, search)
        affected = np.unique(
            np.concatenate(
                [
                    changed_rows,
                    np.flatnonzero(np.isin(ids, referrers)),
                    mates[:, 0],
                    mates[:, 1],
                ]
            )
        ).astype(np.int64)
        lists = sketch.search_some(signatures, affected, search)
        report(1, 1)
        con.execute(
            "delete from candidates where kind = 'lsh' and (document_id in (select unnest($1::integer[])) "
            "or document_id in (select unnest($2::integer[])))",
            [ids[affected].tolist(), sorted(old)],
        )
        searched = len(affected)
    if len(lists):
        con.execute(
            "insert into candidates select unnest($1::integer[]), unnest($2::integer[]), 'lsh'",
            [ids[lists[:, 0]].tolist(), ids[lists[:, 1]].tolist()],
        )
    con.execute(
        "update sketches set indexed = r.rep from outline_reps r "
        "where sketches.outline_sha = r.outline_sha and sketches.indexed is distinct from r.rep"
    )
    store.set_meta(con, {"search": settings})
    return searched, True


def text_candidates(texts: dict[int, str], *, related: float, max_candidates: int) -> set[tuple[int, int]]:
    """Each document's `max_candidates` best partners (directed: document, partner) whose
    whole texts are alike (TF-IDF cosine of their character bigrams ≥ `related`). All pairs
    at once: a sparse product."""
    from scipy.sparse import csr_matrix

    from tigang.compare.similarity import text_bigrams

    ids = sorted(texts)
    if len(ids) < 2:
        return set()
    vocabulary: dict[str, int] = {}
    counts = [text_bigrams(texts[i]) for i in ids]
    df: Counter[str] = Counter()
    for c in counts:
        df.update(c.keys())
    n = len(ids)
    rows, cols, values = [], [], []
    for r, c in enumerate(counts):
        for gram, k in c.items():
            rows.append(r)
            cols.append(vocabulary.setdefault(gram, len(vocabulary)))
            values.append((1.0 + math.log(k)) * (math.log((n + 1) / (df[gram] + 1)) + 1.0))
    matrix = csr_matrix((values, (rows, cols)), shape=(n, len(vocabulary)), dtype=np.float64)
    norms = np.sqrt(matrix.multiply(matrix).sum(axis=1)).A1
    norms[norms == 0] = 1.0
    matrix = csr_matrix(matrix.multiply(1.0 / norms[:, None]))
    cosine = (matrix @ matrix.T).toarray()
    np.fill_diagonal(cosine, 0.0)
    pairs: set[tuple[int, int]] = set()
    keep = min(max_candidates, n - 1)
    best = np.argpartition(-cosine, keep - 1, axis=1)[:, :keep]
    for r in range(n):
        for c in best[r]:
            if cosine[r, c] >= related:
                pairs.add((ids[r], ids[int(c)]))
    return pairs


def update_text_candidates(con, *, all_pairs: int = ALL_PAIRS) -> bool:
    """The `text` lists of `candidates`, for a corpus of up to `all_pairs` distinct outlines;
    made again only when one of the documents standing for them changed. Returns whether
    they changed."""
    from tigang.compare.align import Thresholds

    distinct = con.execute("select count(*) from outline_reps").fetchone()[0]
    if distinct > all_pairs:
        had = con.execute("select count(*) from candidates where kind = 'text'").fetchone()[0]
        con.execute("delete from candidates where kind = 'text'")
        store.set_meta(con, {"text_index": None})
        return bool(had)
    state = hashlib.sha256()
    for rep, sha in con.execute(
        "select r.rep, d.sha256 from outline_reps r join documents d on d.id = r.rep order by r.rep"
    ).fetchall():
        state.update(f"{rep}:{sha};".encode())
    fingerprint = f"{TEXT_CANDIDATES} {Thresholds().related} {state.hexdigest()}"
    if store.get_meta(con, "text_index") == fingerprint:
        return False
    texts: dict[int, list[str]] = {}
    for doc, heading, body in con.execute(
        "select n.document_id, n.heading, n.body from nodes n join outline_reps r on r.rep = n.document_id"
    ).fetchall():
        texts.setdefault(doc, []).append(f"{heading}。{body}")
    found = text_candidates(
        {doc: "\n".join(parts) for doc, parts in texts.items()},
        related=Thresholds().related,
        max_candidates=TEXT_CANDIDATES,
    )
    con.execute("delete from candidates where kind = 'text'")
    if found:
        ordered = sorted(found)
        con.execute(
            "insert into candidates select unnest($1::integer[]), unnest($2::integer[]), 'text'",
            [[a for a, _ in ordered], [b for _, b in ordered]],
        )
    store.set_meta(con, {"text_index": fingerprint})
    return True


# --- stage 3: scores ------------------------------------------------------------------------------


def _families_first(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """An order of the pairs that keeps each connected group of documents together, so a
    batch names few documents and each is read once."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    if not len(a):
        return np.empty(0, np.int64)
    nodes, where = np.unique(np.concatenate([a, b]), return_inverse=True)
    ea, eb = where[: len(a)], where[len(a) :]
    graph = coo_matrix((np.ones(len(a)), (ea, eb)), shape=(len(nodes), len(nodes)))
    _, label = connected_components(graph, directed=False)
    return np.lexsort((b, a, label[ea]))


def _align_batches(con, a: np.ndarray, b: np.ndarray, size: int) -> Iterator[PairBatch]:
    for start in range(0, len(a), size):
        chunk = list(zip(a[start : start + size].tolist(), b[start : start + size].tolist(), strict=True))
        yield chunk, store.node_rows(con, {d for pair in chunk for d in pair})


def update_pairs(
    con,
    engine,
    *,
    threshold: float = LSH_THRESHOLD,
    num_perm: int = NUM_PERM,
    max_candidates: int = MAX_CANDIDATES,
    common_share: float = COMMON_SHARE,
    all_pairs: int = ALL_PAIRS,
    progress: Progress | None = None,
    batch_pairs: int = BATCH_PAIRS,
    on_stage: Callable[[str], None] | None = None,
    align_limit: int | None = None,
) -> SimilaritySummary:
    """Score the current candidate pairs into the `pairs` table. `on_stage` is told when each
    stage (sketch, search, align) begins (benchmarks measure them apart). `align_limit`
    aligns at most that many pairs now and leaves the table partial, as an interrupted build
    does (the next build aligns the rest): a benchmark measures the alignment rate on a
    sample where aligning every candidate would take hours."""
    started = time.perf_counter()
    stage = on_stage or (lambda name: None)
    settings = (
        f"minhash-lsh bigrams threshold={threshold} num_perm={num_perm} "
        f"max_candidates={max_candidates} common_share={common_share} all_pairs={all_pairs}"
    )
    # Until the stage ends, readers are told the table is partial (an interrupted build keeps
    # what it aligned, and the next build finishes it).
    store.set_meta(con, {"state": "similarity"})
    summary = SimilaritySummary()
    stage("sketch")
    clock = time.perf_counter()
    sketched = update_sketches(con, engine, num_perm=num_perm, common_share=common_share, progress=progress)
    summary.hashed = sketched.hashed
    summary.stages["sketch"] = time.perf_counter() - clock

    stage("search")
    clock = time.perf_counter()
    summary.searched, _ = update_candidates(
        con,
        threshold=threshold,
        num_perm=num_perm,
        max_candidates=max_candidates,
        removed=sketched.removed,
        progress=progress,
    )
    update_text_candidates(con, all_pairs=all_pairs)
    summary.documents, summary.distinct = con.execute(
        "select coalesce(sum(members), 0), count(*) from outline_reps"
    ).fetchone()
    summary.documents, summary.distinct = int(summary.documents), int(summary.distinct)
    summary.stages["search"] = time.perf_counter() - clock

    stage("align")
    clock = time.perf_counter()
    con.execute(
        "create or replace temp table wanted as select distinct least(document_id, other) as a, "
        "greatest(document_id, other) as b from candidates"
    )
    # Reposts: each member of a group of identical outlines is linked to the one standing for it.
    con.execute(
        "create or replace temp table links as select r.rep as a, d.id as b from documents d "
        "join outline_reps r using (outline_sha) where d.status = 'ok' and d.node_count > 0 and d.id <> r.rep"
    )
    con.execute(
        "delete from pairs where not exists (select 1 from wanted w where w.a = pairs.a and w.b = pairs.b) "
        "and not exists (select 1 from links l where l.a = pairs.a and l.b = pairs.b)"
    )
    con.execute(
        "insert into pairs select a, b, 1.0 from links l "
        "where not exists (select 1 from pairs p where p.a = l.a and p.b = l.b) order by a, b"
    )
    todo = con.execute(
        "select a, b from wanted w where not exists (select 1 from pairs p where p.a = w.a and p.b = w.b)"
    ).fetchnumpy()
    a, b = todo["a"].astype(np.int64), todo["b"].astype(np.int64)
    order = _families_first(a, b)
    a, b = a[order], b[order]
    summary.candidates = con.execute("select count(*) from wanted").fetchone()[0]
    summary.pending = len(a)
    if align_limit is not None:
        a, b = a[:align_limit], b[:align_limit]
    summary.aligned = len(a)
    done = 0
    for scores in engine.map(align_batch, _align_batches(con, a, b, batch_pairs)):
        store.insert_columns(con, "pairs", ("a", "b", "score"), ("integer", "integer", "double"), scores)
        done += len(scores)
        if progress:
            progress("align", done, len(a))
    con.execute("drop table wanted")
    con.execute("drop table links")
    summary.stages["align"] = time.perf_counter() - clock
    summary.seconds = time.perf_counter() - started
    complete = summary.aligned == summary.pending
    store.set_meta(
        con,
        {
            "index": settings,
            "indexed_documents": summary.documents,
            "distinct_outlines": summary.distinct,
            "exact_alignments": summary.candidates,
            "possible_pairs": summary.possible,
            "state": "complete" if complete else "similarity",
        },
    )
    return summary


def top_pairs(con, limit: int) -> list[tuple[str, str, float]]:
    """The `limit` most similar pairs, best first, as (path a, path b, score)."""
    return con.execute(
        "select da.path, db.path, p.score from pairs p join documents da on da.id = p.a "
        "join documents db on db.id = p.b order by p.score desc, da.path, db.path limit ?",
        [limit],
    ).fetchall()
