"""The vectors the aligner compares, for the items of two outlines, made when first asked.

Two drafts of one speech are paired almost entirely by equal headings and text; only the
few items that changed ever need a vector. So nothing is computed for an item until a phase
asks for it, and the IDF tables are counted in C (`Counter` over iterables). This keeps a
10,000-item diff about linear.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from itertools import chain
from typing import TYPE_CHECKING

from .side import Path, Side
from .similarity import CONTENT_TERMS, HeadingSpace, cosine, text_bigram_list, text_bigrams

if TYPE_CHECKING:
    import numpy as np

Vector = dict[str, float]

# Item pairs from which a block of similarities is computed as sparse matrix products (scipy,
# 0.25 s to import) rather than pair by pair in Python (about 5 µs a pair).
BATCH_FROM = 20_000
BLOCK_ROWS = 512  # rows of A a block holds: a 10,000 × 10,000 matrix is never made whole

# The bigram counts of texts already counted, while `shared_counts` is on (None otherwise).
_MEMO: ContextVar[dict[str, Counter[str]] | None] = ContextVar("tigang_bigram_memo", default=None)
MEMO_TEXTS = 4000  # texts kept (an item's own text, a subtree, a document): a few dozen documents


@contextmanager
def shared_counts() -> Iterator[None]:
    """Within the block, each text's bigrams are counted once and shared by every alignment
    that reads it. The corpus aligner scores each document against several others, and the
    counting is half the work of an alignment; its IDF weights still come from each pair.
    Bounded: past `MEMO_TEXTS` texts the memo starts afresh."""
    token = _MEMO.set({})
    try:
        yield
    finally:
        _MEMO.reset(token)


def _counts(text: str) -> Counter[str]:
    """`text_bigrams(text)`, from the memo when one is on. Callers only read the counter."""
    memo = _MEMO.get()
    if memo is None:
        return text_bigrams(text)
    found = memo.get(text)
    if found is None:
        if len(memo) >= MEMO_TEXTS:
            memo.clear()
        found = memo[text] = text_bigrams(text)
    return found


class Features:
    def __init__(self, a: Side, b: Side, *, terms: int = CONTENT_TERMS) -> None:
        self.sides = (a, b)
        self.terms = terms
        self._headings = HeadingSpace([*(a.heading[n] for n in a.nodes), *(b.heading[n] for n in b.nodes)])
        self._own: tuple[dict[Path, str], dict[Path, str]] = tuple(
            {n: f"{side.node[n].heading}。{side.node[n].body}" for n in side.nodes} for side in (a, b)
        )  # type: ignore[assignment]
        # Each distinct text's bigrams once (drafts share most of them), counted in C; a
        # document's counts are its items' (joined by newlines, no bigram spans two items).
        texts = dict.fromkeys(chain.from_iterable(own.values() for own in self._own))
        self._document_counts: tuple[Counter[str], ...] | None = None
        if _MEMO.get() is None:
            lists = {text: text_bigram_list(text) for text in texts}
            df = tuple(
                Counter(chain.from_iterable(map(set, map(lists.__getitem__, own.values()))))
                for own in self._own
            )
            self._document_counts = tuple(
                Counter(chain.from_iterable(map(lists.__getitem__, own.values()))) for own in self._own
            )
        else:
            df = tuple(
                Counter(chain.from_iterable(_counts(text).keys() for text in own.values()))
                for own in self._own
            )
        self._shared = df[0].keys() & df[1].keys()
        items = len(a.nodes) + len(b.nodes)
        total = df[0] + df[1]
        self._idf = {g: math.log((items + 1) / (c + 1)) + 1.0 for g, c in total.items()}
        self._heading_vectors: tuple[dict[Path, Vector], dict[Path, Vector]] = ({}, {})
        self._content_vectors: tuple[dict[Path, Vector], dict[Path, Vector]] = ({}, {})

    def heading(self, side: int, path: Path) -> Vector:
        """TF-IDF bigrams of the item's heading (`side` 0 is A, 1 is B)."""
        cache = self._heading_vectors[side]
        vector = cache.get(path)
        if vector is None:
            vector = cache[path] = self._headings.vector(self.sides[side].heading[path])
        return vector

    def content(self, side: int, path: Path) -> Vector:
        """The strongest bigrams of the item's subtree text that both documents use."""
        cache = self._content_vectors[side]
        vector = cache.get(path)
        if vector is None:
            s = self.sides[side]
            own = self._own[side]
            text = "\n".join(own[p] for p in (path, *s.descendants(path)))
            vector = cache[path] = self._weigh(_counts(text), shared=True)
        return vector

    def similarity_blocks(
        self, xs: Sequence[Path], ys: Sequence[Path], heading_weight: float
    ) -> Iterator[tuple[int, np.ndarray]]:
        """The combined similarity (content and heading, as `Matching.similarity`) of every
        item of `xs` (side A) with every item of `ys` (side B), as dense blocks of rows:
        (first row, block)."""
        from scipy import sparse

        def matrix(vectors: list[Vector], vocabulary: dict[str, int]) -> sparse.csr_matrix:
            indptr, indices, data = [0], [], []
            for vector in vectors:
                for gram, weight in vector.items():
                    indices.append(vocabulary.setdefault(gram, len(vocabulary)))
                    data.append(weight)
                indptr.append(len(indices))
            return sparse.csr_matrix((data, indices, indptr), shape=(len(vectors), 1 << 24))

        spaces = []
        for vector_of in (self.content, self.heading):
            vocabulary: dict[str, int] = {}
            left = matrix([vector_of(0, x) for x in xs], vocabulary)
            right = matrix([vector_of(1, y) for y in ys], vocabulary)
            size = len(vocabulary)
            spaces.append((left[:, :size].tocsr(), right[:, :size].T.tocsc()))
        (content_a, content_b), (heading_a, heading_b) = spaces
        for start in range(0, len(xs), BLOCK_ROWS):
            rows = slice(start, start + BLOCK_ROWS)
            block = (content_a[rows] @ content_b).toarray()
            block += heading_weight * (heading_a[rows] @ heading_b).toarray()
            block /= 1.0 + heading_weight
            yield start, block

    def documents(self) -> float:
        """Cosine of the two whole documents (every bigram, not only shared ones): how much
        the two texts are about the same things."""
        if self._document_counts is not None:
            a, b = self._document_counts
        else:  # the memo shares each document's counts between its alignments
            a, b = (_counts("\n".join(own.values())) for own in self._own)
        return cosine(self._weigh(a, shared=False), self._weigh(b, shared=False))

    def _weigh(self, counts: Counter[str], *, shared: bool) -> Vector:
        idf = self._idf
        keep = self._shared
        weights = [((1.0 + math.log(c)) * idf[g], g) for g, c in counts.items() if not shared or g in keep]
        if shared and len(weights) > self.terms:
            weights.sort(reverse=True)
            del weights[self.terms :]
        norm = math.sqrt(sum(w * w for w, _ in weights))
        return {g: w / norm for w, g in weights} if norm else {}
