"""Which documents share a structure: candidates, then scores from the exact alignment.

Identical outlines (reposts of one speech are common in scraped corpora) are found by their
fingerprint (`documents.outline_sha`) and aligned once: one member of each group stands for
it, and the others are linked to it with score 1.

Candidates come from two sources:

- MinHash-LSH over heading bigrams, for any size. Aligning all n(n−1)/2 pairs is out of
  reach at 10,000 documents (fifty million alignments). Each document is reduced to the set
  of character bigrams of its normalised headings; bigrams that more than a fifth of the
  documents have (建设, 加强, 工作) are dropped first, like stop words. MinHash signatures go
  into an LSH index (datasketch), which returns, for each document, those whose sets probably
  overlap by at least `threshold` (Jaccard). A candidate the signatures estimate below
  `threshold` − 0.1 is dropped, and each document keeps its `max_candidates` best;
- up to `ALL_PAIRS` distinct outlines, every pair is looked at: each document's whole text as
  a TF-IDF vector, all cosines at once, and each document keeps its `TEXT_CANDIDATES` best
  above `compare.align.Thresholds.related`. Two years of one work report reword most of their
  headings, and only their text says they belong together.

Only candidates are aligned, by `compare.diff` (the score of `tigang diff`), in the engine's
workers. Incremental: pairs whose two documents are unchanged keep their score; pairs that
are no longer candidates are dropped.
"""

from __future__ import annotations

import math
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
ALL_PAIRS = 2000  # distinct outlines up to which every pair is looked at (by text first)
TEXT_CANDIDATES = 5  # … and each keeps its best few by text for the exact alignment


@dataclass
class SimilaritySummary:
    documents: int = 0  # documents with at least one heading
    distinct: int = 0  # … with distinct outlines (the others repeat one of them)
    candidates: int = 0  # pairs of distinct outlines aligned exactly
    aligned: int = 0  # alignments computed by this run (the rest were kept)
    seconds: float = 0.0

    @property
    def possible(self) -> int:
        return self.documents * (self.documents - 1) // 2


def shingles(headings: list[str]) -> set[bytes]:
    from tigang.compare.similarity import bigrams

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


def text_candidates(texts: dict[int, str], *, related: float, max_candidates: int) -> set[tuple[int, int]]:
    """Pairs (a < b) whose whole texts are alike (TF-IDF cosine of their character bigrams
    ≥ `related`), each document's `max_candidates` best. All pairs at once: a sparse product."""
    import numpy as np
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
                a, b = ids[r], ids[int(c)]
                pairs.add((min(a, b), max(a, b)))
    return pairs


def align_batch(batch: PairBatch) -> list[tuple[int, int, float]]:
    """The worker's job: exact alignment scores of a batch of pairs."""
    from tigang.compare import diff

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
    all_pairs: int = ALL_PAIRS,
    progress=None,
    batch_pairs: int = BATCH_PAIRS,
) -> SimilaritySummary:
    """Score the current candidate pairs into the `pairs` table."""
    from tigang.compare.align import Thresholds

    started = time.perf_counter()
    settings = (
        f"minhash-lsh bigrams threshold={threshold} num_perm={num_perm} "
        f"max_candidates={max_candidates} common_share={common_share} all_pairs={all_pairs}"
    )
    if store.get_meta(con, "index") != settings:
        con.execute("delete from pairs")
    # Until the stage ends, readers are told the table is partial (an interrupted build keeps
    # what it aligned, and the next build finishes it).
    store.set_meta(con, {"state": "similarity"})
    # One document stands for each group of identical outlines; the others link to it.
    groups: dict[str, list[int]] = {}
    for doc, fingerprint in con.execute(
        "select id, outline_sha from documents where status = 'ok' and node_count > 0 order by id"
    ).fetchall():
        groups.setdefault(fingerprint, []).append(doc)
    stands_for = {members[0]: members for members in groups.values()}
    headings: dict[int, list[str]] = {doc: [] for doc in stands_for}
    for doc, heading in con.execute(
        "select document_id, heading from nodes where document_id in (select unnest($1::integer[]))",
        [sorted(stands_for)],
    ).fetchall():
        headings[doc].append(heading)
    sets = drop_common({doc: shingles(h) for doc, h in headings.items()}, common_share)
    summary = SimilaritySummary(documents=sum(len(m) for m in stands_for.values()), distinct=len(stands_for))
    wanted = set(candidate_pairs(sets, threshold=threshold, num_perm=num_perm, max_candidates=max_candidates))
    if len(stands_for) <= all_pairs:
        texts: dict[int, list[str]] = {doc: [] for doc in stands_for}
        for doc, heading, body in con.execute(
            "select document_id, heading, body from nodes where document_id in (select unnest($1::integer[]))",
            [sorted(stands_for)],
        ).fetchall():
            texts[doc].append(f"{heading}。{body}")
        wanted |= text_candidates(
            {doc: "\n".join(parts) for doc, parts in texts.items()},
            related=Thresholds().related,
            max_candidates=TEXT_CANDIDATES,
        )
    links = {(members[0], other) for members in stands_for.values() for other in members[1:]}
    have = {(a, b): s for a, b, s in con.execute("select a, b, score from pairs").fetchall()}
    stale = sorted(set(have).difference(wanted | links))
    if stale:
        con.execute(
            "delete from pairs where a::bigint * 4294967296 + b in (select unnest($1::bigint[]))",
            [[a * 4294967296 + b for a, b in stale]],
        )
    store.insert_columns(
        con,
        "pairs",
        ("a", "b", "score"),
        ("integer", "integer", "double"),
        [(a, b, 1.0) for a, b in sorted(links) if (a, b) not in have],
    )
    todo = sorted(pair for pair in wanted if pair not in have)
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
            "distinct_outlines": summary.distinct,
            "exact_alignments": summary.candidates,
            "possible_pairs": summary.possible,
            "state": "complete",
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
