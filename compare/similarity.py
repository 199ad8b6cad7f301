"""How alike two headings are: cosine of TF-IDF weighted character bigrams.

Short Chinese headings share most of their characters when one is a rewording of the
other (推进思想建设，引领意识形态 / 加强思想建设，引领意识形态); bigrams keep word order,
and IDF over the headings of both documents makes 建设 or 加强, which every heading has,
count for little. Markers never enter: sections get renumbered when one is inserted.

The index answers "which headings of A share a bigram with this heading of B" without
comparing all pairs, so aligning two 1,000-node outlines stays fast.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence

_NOT_TEXT = re.compile(r"[\W_]+")
# Filler that starts inline items (一是要…, 第一，要…) and says nothing about the content.
_LEADING_FILLER = "要是"


def normalise(heading: str) -> str:
    return _NOT_TEXT.sub("", heading).lstrip(_LEADING_FILLER)


def bigrams(heading: str) -> list[str]:
    text = normalise(heading)
    if len(text) < 2:
        return [text] if text else []
    return [text[i : i + 2] for i in range(len(text) - 1)]


class HeadingSpace:
    """TF-IDF vectors of the headings of two documents, and their cosine."""

    def __init__(self, headings: Iterable[str]) -> None:
        grams = [bigrams(h) for h in headings]
        df: dict[str, int] = defaultdict(int)
        for g in grams:
            for gram in set(g):
                df[gram] += 1
        n = len(grams)
        self._idf = {gram: math.log((n + 1) / (count + 1)) + 1.0 for gram, count in df.items()}

    def vector(self, heading: str) -> dict[str, float]:
        counts: dict[str, float] = defaultdict(float)
        for gram in bigrams(heading):
            counts[gram] += self._idf.get(gram, 1.0)
        norm = math.sqrt(sum(v * v for v in counts.values()))
        return {gram: v / norm for gram, v in counts.items()} if norm else {}


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(k, 0.0) for k, v in a.items())


class NearestHeadings:
    """An inverted index over one side's heading vectors."""

    def __init__(self, vectors: Sequence[dict[str, float]]) -> None:
        self._vectors = vectors
        self._postings: dict[str, list[int]] = defaultdict(list)
        for i, vector in enumerate(vectors):
            for gram in vector:
                self._postings[gram].append(i)

    def similar(self, vector: dict[str, float], threshold: float) -> list[tuple[int, float]]:
        """Indexes of the vectors whose cosine with `vector` is at least `threshold`."""
        scores: dict[int, float] = defaultdict(float)
        for gram, weight in vector.items():
            postings = self._postings.get(gram)
            if postings is None:
                continue
            for i in postings:
                scores[i] += weight * self._vectors[i][gram]
        return [(i, s) for i, s in scores.items() if s >= threshold]
