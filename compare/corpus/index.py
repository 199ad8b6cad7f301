"""Which documents share a structure: candidates from MinHash-LSH, scores from exact alignment.

Aligning all n(n−1)/2 pairs is out of reach at 10,000 documents (fifty million alignments).
Each document is reduced to the set of character bigrams of its normalised headings (the
ones `compare.similarity` uses, so a reworded heading keeps most of its bigrams). Bigrams
that more than a fifth of the documents have (建设, 加强, 工作) are dropped first, like stop
words: they make unrelated speeches look alike. MinHash signatures of the sets go into an
LSH index (datasketch), which returns, for each document, the documents whose sets probably
overlap by at least `threshold` (Jaccard). Banding lets many pairs far below it through, so
a candidate the signatures estimate below `threshold` − 0.1 is dropped, and each document
keeps its `max_candidates` best candidates by estimated Jaccard: even a template reused ten
thousand times costs a linear number of alignments. Only the candidate pairs are aligned,
by `compare`'s exact alignment (`compare.diff`), in the engine's workers; their scores go to
the `pairs` table.

Incremental: pairs whose two documents are unchanged keep their score; pairs that are no
longer candidates are dropped, so the table is always the current candidates, scored.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from . import store

LSH_THRESHOLD = 0.3
NUM_PERM = 128
MAX_CANDIDATES = 50
BATCH_PAIRS = 200
COMMON_SHARE = 0.2  # bigrams in more documents than this share say nothing about a template
COMMON_MIN_DOCUMENTS = 100  # below this, keep every bigram: a small corpus aligns cheaply anyway
SEED = 1
VERIFY_SLACK = 0.1


@dataclass
class SimilaritySummary:
    documents: int = 0  # documents with at least one heading
    candidates: int = 0  # pairs in the table: the exact alignments the corpus needs
    aligned: int = 0  # alignments computed by this run (the rest were kept)
    seconds: float = 0.0

    @property
    def possible(self) -> int:
        return self.documents * (self.documents - 1) // 2


def shingles(headings: list[str]) -> set[bytes]:
    from ..similarity import bigrams

    return {gram.encode() for heading in headings for gram in bigrams(heading)}


def drop_common(sets: dict[int, set[bytes]], share: float = COMMON_SHARE) -> dict[int, set[bytes]]:
    """The sets without the bigrams more than `share` of the documents have (建设, 加强, 工作 …):
    stop words for structure. A document left with nothing keeps its set."""
    if len(sets) < COMMON_MIN_DOCUMENTS or share >= 1.0:
        return sets
    counts = Counter(gram for grams in sets.values() for gram in grams)
    limit = share * len(sets)
    common = {gram for gram, count in counts.items() if count > limit}
    return {doc: (grams - common) or grams for doc, grams in sets.items()}


def candidate_pairs(
    sets: dict[int, set[bytes]],
    *,
    threshold: float = LSH_THRESHOLD,
    num_perm: int = NUM_PERM,
    max_candidates: int = MAX_CANDIDATES,
) -> list[tuple[int, int]]:
    """Pairs (a < b) of documents whose shingle sets probably overlap by ≥ `threshold`."""
    from datasketch import LeanMinHash, MinHash, MinHashLSH

    ids = sorted(i for i, s in sets.items() if s)
    if len(ids) < 2:
        return []
    hashes = [
        LeanMinHash(m) for m in MinHash.bulk([sorted(sets[i]) for i in ids], num_perm=num_perm, seed=SEED)
    ]
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    with lsh.insertion_session() as session:
        for doc, m in zip(ids, hashes, strict=True):
            session.insert(doc, m, check_duplication=False)
    by_id = dict(zip(ids, hashes, strict=True))
    pairs: set[tuple[int, int]] = set()
    for doc, m in zip(ids, hashes, strict=True):
        scored = [(-m.jaccard(by_id[other]), other) for other in lsh.query(m) if other != doc]
        # LSH banding lets through pairs far below the threshold; the signatures' own
        # estimate drops them (with slack: it is an estimate, ±0.04 at 128 permutations).
        found = sorted(pair for pair in scored if -pair[0] >= threshold - VERIFY_SLACK)[:max_candidates]
        pairs.update((min(doc, other), max(doc, other)) for _, other in found)
    return sorted(pairs)


# A batch of work: the pairs and the node rows of every document they name.
PairBatch = tuple[list[tuple[int, int]], dict[int, list[store.NodeRow]]]


def align_batch(batch: PairBatch) -> list[tuple[int, int, float]]:
    """The worker's job: exact alignment scores of a batch of pairs."""
    from .. import diff

    pairs, rows = batch
    outlines = {doc: store.outline_from_rows(doc_rows) for doc, doc_rows in rows.items()}
    return [(a, b, round(diff(outlines[a], outlines[b]).score, 6)) for a, b in pairs]


def _batches(con, pairs: list[tuple[int, int]], size: int) -> Iterator[PairBatch]:
    for start in range(0, len(pairs), size):
        chunk = pairs[start : start + size]
        yield chunk, store.node_rows(con, {d for pair in chunk for d in pair})


def update_pairs(
    con,
    engine,
    *,
    threshold: float = LSH_THRESHOLD,
    num_perm: int = NUM_PERM,
    max_candidates: int = MAX_CANDIDATES,
    common_share: float = COMMON_SHARE,
    progress=None,
    batch_pairs: int = BATCH_PAIRS,
) -> SimilaritySummary:
    """Score the current candidate pairs into the `pairs` table."""
    started = time.perf_counter()
    settings = (
        f"minhash-lsh bigrams threshold={threshold} num_perm={num_perm} "
        f"max_candidates={max_candidates} common_share={common_share}"
    )
    if store.get_meta(con, "index") != settings:
        con.execute("delete from pairs")
    headings: dict[int, list[str]] = {}
    for doc, heading in con.execute(
        "select n.document_id, n.heading from nodes n join documents d on d.id = n.document_id "
        "where d.status = 'ok'"
    ).fetchall():
        headings.setdefault(doc, []).append(heading)
    sets = drop_common({doc: shingles(h) for doc, h in headings.items()}, common_share)
    summary = SimilaritySummary(documents=sum(1 for s in sets.values() if s))
    wanted = candidate_pairs(sets, threshold=threshold, num_perm=num_perm, max_candidates=max_candidates)
    have = set(con.execute("select a, b from pairs").fetchall())
    stale = sorted(have.difference(wanted))
    if stale:
        con.execute(
            "delete from pairs where a::bigint * 4294967296 + b in (select unnest($1::bigint[]))",
            [[a * 4294967296 + b for a, b in stale]],
        )
    todo = [pair for pair in wanted if pair not in have]
    done = 0
    for scores in engine.map(align_batch, _batches(con, todo, batch_pairs)):
        store.insert_columns(con, "pairs", ("a", "b", "score"), ("integer", "integer", "double"), scores)
        done += len(scores)
        if progress:
            progress("align", done, len(todo))
    summary.candidates = len(wanted)
    summary.aligned = len(todo)
    summary.seconds = time.perf_counter() - started
    store.set_meta(
        con,
        {
            "index": settings,
            "indexed_documents": summary.documents,
            "exact_alignments": summary.candidates,
            "possible_pairs": summary.possible,
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
