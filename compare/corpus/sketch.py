"""Heading shingles as integers, their MinHash signatures, and the LSH search over them — in
numpy, with no database: `index` stores what this computes.

Shingles. Each character bigram of a normalised heading (`compare.similarity.bigrams`) is one
32-bit integer: the two UTF-16 code units side by side (加强 → 0x52A0_5F3A). Every CJK bigram
fits, so the codes are exact, not hashed, and a document's set is a sorted `uint32` array of
a few hundred entries (0.9 KB) instead of a Python set of bytes objects (about 30 KB).

Signatures. `NUM_PERM` multiply-add-shift hashes (h(x) = (a·x + b) >> 32, a 2-universal family
on 32-bit keys) replace the permutations; each signature value is the low 16 bits of one
minimum (b-bit MinHash: two different minima agree by chance once in 65,536, which moves an
estimated Jaccard by 0.00002). A signature is 256 × 2 bytes.

Search. The signature is cut into `bands` of `rows` values; two documents whose values agree
in every row of some band are a raw candidate; the share of all values they agree on
estimates their Jaccard, and only those at or above the cutoff are kept; each document keeps
its `k` best. (bands, rows) is the pair that minimises the false-positive and false-negative
areas around the threshold (as datasketch chooses them). At a threshold of 0.3, 256 values in
64 bands of 4 let through a tenth of the unrelated pairs that 128 values in 37 bands of 3
do: on a corpus whose speeches share one phrase stock, raw candidates grow with the square of
its size, and that share is what makes a million documents possible.

Two searches give the same lists: `search_all` (every document: each band sorted once, a pair
verified only in the first band it collides in) and `search_some` (some documents against all,
for incremental builds).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

NUM_PERM = 256
SEED = 1
VERIFY_CHUNK = 65_536  # pairs compared at once: 2 × 65,536 × 512 bytes of gathered rows


# --- shingles -----------------------------------------------------------------------------------


def gram_code(gram: str) -> int:
    """One bigram (or a one-character heading) as a 32-bit integer: exact for the Basic
    Multilingual Plane, where every CJK character of a speech lives; a CRC otherwise."""
    first = ord(gram[0])
    second = ord(gram[1]) if len(gram) > 1 else 0
    if first > 0xFFFF or second > 0xFFFF or len(gram) > 2:
        return zlib.crc32(gram.encode("utf-8"))
    return (first << 16) | second


def shingles(headings: Iterable[str]) -> np.ndarray:
    """The sorted, distinct bigram codes of a document's headings (`uint32`): `gram_code` of
    every bigram of `similarity.bigrams`, computed on all the headings at once (a million
    documents have some thirty million headings; a Python call per bigram was a sixth of the
    parse stage)."""
    from tigang.compare.similarity import bigram_text

    headings = list(headings)
    texts = [text for text in map(bigram_text, headings) if text]
    joined = "\0".join(texts)
    points = np.frombuffer(joined.encode("utf-32-le"), dtype="<u4")
    if not len(points):
        return np.array([], dtype=np.uint32)
    if points.max() > 0xFFFF or "\0" in "".join(texts):
        return _shingles_slowly(headings)  # beyond the BMP, or a NUL of its own: gram by gram
    first, second = points[:-1], points[1:]
    pairs = ((first << 16) | second)[(first != 0) & (second != 0)]  # not across two headings
    alone = np.array([ord(text) << 16 for text in texts if len(text) == 1], dtype=np.uint32)
    return np.unique(np.concatenate([pairs.astype(np.uint32), alone]))


def _shingles_slowly(headings: list[str]) -> np.ndarray:
    from tigang.compare.similarity import bigrams

    codes = {gram_code(gram) for heading in headings for gram in bigrams(heading)}
    return np.array(sorted(codes), dtype=np.uint32)


def shingles_blob(codes: np.ndarray) -> bytes:
    return np.asarray(codes, dtype="<u4").tobytes()


def signature_blob(signature: np.ndarray) -> bytes:
    return np.asarray(signature, dtype="<u2").tobytes()


def shingles_of(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<u4")


def signature_of(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<u2")


# --- signatures ---------------------------------------------------------------------------------


@lru_cache(maxsize=4)
def _permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.Generator(np.random.PCG64(seed))
    a = rng.integers(0, 2**63, num_perm, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
    b = rng.integers(0, 2**63, num_perm, dtype=np.uint64)
    return a, b


def minhash(sets: Sequence[np.ndarray], *, num_perm: int = NUM_PERM, seed: int = SEED) -> np.ndarray:
    """Signatures of the given shingle sets, one `uint16` row each. An empty set gets a row of
    0xFFFF (it is never searched: `index` leaves documents without headings out)."""
    a, b = _permutations(num_perm, seed)
    out = np.full((len(sets), num_perm), 0xFFFF, dtype=np.uint16)
    # Some 4,096 shingles at a time, permutations along the first axis: the working array
    # (num_perm × shingles, uint64) stays in the cache, five times faster than the transpose.
    start = 0
    while start < len(sets):
        stop, total = start, 0
        while stop < len(sets) and (total < 4096 or stop == start):
            total += len(sets[stop])
            stop += 1
        sizes = np.array([len(s) for s in sets[start:stop]])
        filled = np.flatnonzero(sizes)
        if len(filled):
            values = np.concatenate([np.asarray(sets[start + int(i)], dtype=np.uint64) for i in filled])
            hashed = np.multiply(a[:, None], values[None, :])  # wraps mod 2**64 on purpose
            hashed += b[:, None]
            hashed >>= np.uint64(32)
            offsets = np.concatenate(([0], np.cumsum(sizes[filled])[:-1]))
            minima = np.minimum.reduceat(hashed, offsets, axis=1)
            out[start + filled] = (minima.T & np.uint64(0xFFFF)).astype(np.uint16)
        start = stop
    return out


# --- banding ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Banding:
    bands: int
    rows: int

    def describe(self) -> str:
        return f"bands={self.bands} rows={self.rows}"


@lru_cache(maxsize=32)
def banding(threshold: float, num_perm: int = NUM_PERM) -> Banding:
    """The (bands, rows) whose S-curve 1 − (1 − s^rows)^bands best separates Jaccard above
    `threshold` from below: the smallest sum of the false-positive area (below) and the
    false-negative area (above)."""
    s = np.linspace(0.0, 1.0, 2001)
    below, above = s <= threshold, s >= threshold
    best: tuple[float, int, int] | None = None
    for bands in range(1, num_perm + 1):
        for rows in range(1, num_perm // bands + 1):
            p = 1.0 - (1.0 - s**rows) ** bands
            error = np.trapezoid(np.where(below, p, 0.0), s) + np.trapezoid(np.where(above, 1.0 - p, 0.0), s)
            if best is None or error < best[0] - 1e-12:
                best = (error, bands, rows)
    assert best is not None
    return Banding(best[1], best[2])


def band_keys(signatures: np.ndarray, band: int, rows: int) -> np.ndarray:
    """One `uint64` per signature for one band: its `rows` values packed side by side (exact up
    to four rows), hashed together beyond that (a chance collision once in 2**64)."""
    part = signatures[:, band * rows : (band + 1) * rows].astype(np.uint64)
    key = np.zeros(len(signatures), dtype=np.uint64)
    if rows <= 4:
        for j in range(rows):
            key = (key << np.uint64(16)) | part[:, j]
        return key
    for j in range(rows):  # FNV-1a over 16-bit words
        key = (key ^ part[:, j]) * np.uint64(0x100000001B3)
    return key


# --- search -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Search:
    """What a search keeps: pairs agreeing on at least `cutoff` of the values (an estimated
    Jaccard), each document's `k` best."""

    banding: Banding
    cutoff: int  # signature values that must agree
    k: int

    @classmethod
    def of(cls, threshold: float, slack: float, k: int, num_perm: int = NUM_PERM) -> Search:
        cutoff = max(1, int(np.ceil((threshold - slack) * num_perm - 1e-9)))
        return cls(banding(threshold, num_perm), cutoff, k)


def _agreements(signatures: np.ndarray, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """How many signature values rows i and j share, pair by pair."""
    out = np.empty(len(i), dtype=np.int32)
    for start in range(0, len(i), VERIFY_CHUNK):
        stop = start + VERIFY_CHUNK
        out[start:stop] = (signatures[i[start:stop]] == signatures[j[start:stop]]).sum(axis=1)
    return out


def _bucket_pairs(sorted_keys: np.ndarray, order: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Every pair of rows that share a key (i < j as row numbers)."""
    n = len(sorted_keys)
    if n < 2:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    starts = np.flatnonzero(np.concatenate(([True], sorted_keys[1:] != sorted_keys[:-1])))
    ends = np.append(starts[1:], n)
    sizes = ends - starts
    crowded = sizes > 1
    if not crowded.any():
        return np.empty(0, np.int64), np.empty(0, np.int64)
    # Each position p in a bucket [s, e) pairs with p+1 … e-1: repeat p by the count, then add
    # 1, 2, … within each run.
    in_crowded = np.repeat(crowded, sizes)
    positions = np.flatnonzero(in_crowded)
    counts = np.repeat(ends, sizes)[in_crowded] - positions - 1
    first = np.repeat(positions, counts)
    run_starts = np.repeat(np.cumsum(counts) - counts, counts)
    second = first + 1 + (np.arange(len(first)) - run_starts)
    a, b = order[first], order[second]
    return np.minimum(a, b), np.maximum(a, b)


def _band_pairs(signatures: np.ndarray, band: int, search: Search) -> np.ndarray:
    """The verified pairs whose first colliding band is `band`: (i, j, agreements) rows."""
    rows = search.banding.rows
    keys = band_keys(signatures, band, rows)
    order = np.argsort(keys, kind="stable")
    i, j = _bucket_pairs(keys[order], order)
    # A pair that agrees in an earlier band was verified there. True pairs agree in most
    # bands, so most drop out at the first look; chance pairs rarely agree twice.
    for earlier in range(band):
        if not len(i):
            break
        cols = slice(earlier * rows, (earlier + 1) * rows)
        again = (signatures[i, cols] == signatures[j, cols]).all(axis=1)
        i, j = i[~again], j[~again]
    agree = _agreements(signatures, i, j)
    keep = agree >= search.cutoff
    return np.stack([i[keep], j[keep], agree[keep]], axis=1).astype(np.int64)


def best_per_row(pairs: np.ndarray, k: int, rows: np.ndarray | None = None) -> np.ndarray:
    """Directed (row, other) of each row's `k` best partners: most agreements first, then the
    lower row (= the lower document id). `pairs` holds each undirected pair once; with `rows`,
    only those rows' lists."""
    if not len(pairs):
        return np.empty((0, 2), np.int64)
    src = np.concatenate([pairs[:, 0], pairs[:, 1]])
    dst = np.concatenate([pairs[:, 1], pairs[:, 0]])
    agree = np.concatenate([pairs[:, 2], pairs[:, 2]])
    if rows is not None:
        wanted = np.isin(src, rows)
        src, dst, agree = src[wanted], dst[wanted], agree[wanted]
    order = np.lexsort((dst, -agree, src))
    src, dst = src[order], dst[order]
    starts = np.flatnonzero(np.concatenate(([True], src[1:] != src[:-1])))
    rank = np.arange(len(src)) - np.repeat(starts, np.diff(np.append(starts, len(src))))
    keep = rank < k
    return np.stack([src[keep], dst[keep]], axis=1)


def search_all(signatures: np.ndarray, search: Search, *, threads: int = 1, progress=None) -> np.ndarray:
    """Every row's `k` best partners, as directed (row, other) pairs. Bands run on `threads`
    threads: numpy sorts and compares without the GIL, so both cores are busy."""
    bands = search.banding.bands
    found: list[np.ndarray] = []
    with ThreadPoolExecutor(max(1, threads)) as pool:
        for done, part in enumerate(
            pool.map(lambda band: _band_pairs(signatures, band, search), range(bands)), 1
        ):
            found.append(part)
            if progress:
                progress(done, bands)
    pairs = np.concatenate(found) if found else np.empty((0, 3), np.int64)
    return best_per_row(pairs, search.k)


def verified_partners(signatures: np.ndarray, rows: np.ndarray, search: Search) -> np.ndarray:
    """Every pair (row in `rows`, any other row) that collides in some band and agrees on at
    least the cutoff: (i, j, agreements) with i < j, each pair once."""
    rows = np.unique(np.asarray(rows, dtype=np.int64))
    if not len(rows) or len(signatures) < 2:
        return np.empty((0, 3), np.int64)
    r = search.banding.rows
    codes: list[np.ndarray] = []
    n = len(signatures)
    for band in range(search.banding.bands):
        keys = band_keys(signatures, band, r)
        asked = keys[rows]
        mates = np.flatnonzero(np.isin(keys, asked))
        if len(mates) <= 1:
            continue
        order = mates[np.argsort(keys[mates], kind="stable")]
        sorted_keys = keys[order]
        lo = np.searchsorted(sorted_keys, asked, side="left")
        hi = np.searchsorted(sorted_keys, asked, side="right")
        counts = hi - lo
        query = np.repeat(rows, counts)
        starts = np.repeat(lo, counts)
        offsets = np.arange(len(query)) - np.repeat(np.cumsum(counts) - counts, counts)
        other = order[starts + offsets]
        distinct = query != other
        a = np.minimum(query[distinct], other[distinct])
        b = np.maximum(query[distinct], other[distinct])
        codes.append(a * n + b)
    if not codes:
        return np.empty((0, 3), np.int64)
    unique = np.unique(np.concatenate(codes))
    i, j = unique // n, unique % n
    agree = _agreements(signatures, i, j)
    keep = agree >= search.cutoff
    return np.stack([i[keep], j[keep], agree[keep]], axis=1).astype(np.int64)


def search_some(signatures: np.ndarray, rows: np.ndarray, search: Search) -> np.ndarray:
    """The `k` best partners of the given rows only (the same lists `search_all` makes)."""
    return best_per_row(verified_partners(signatures, rows, search), search.k, np.asarray(rows))
