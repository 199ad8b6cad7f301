"""How alike two items are: by their headings, and by the text they hold.

Headings: cosine of TF-IDF weighted character bigrams. Short Chinese headings share most of
their characters when one is a rewording of the other (推进思想建设，引领意识形态 /
加强思想建设，引领意识形态); bigrams keep word order, and IDF over the headings of both
documents makes 建设 or 加强, which every heading has, count for little.

Content: two different speeches rarely word a section alike (三、2021年重点工作 /
三、2022年政府工作任务), but the text under it says what it is about. Each item's content is
the text of its subtree (heading, body, and everything below), as character bigrams with
sublinear counts and IDF over the items of both documents, keeping each item's strongest
`CONTENT_TERMS` bigrams: the words that make it this section and not its neighbour. Only
bigrams found in both documents count: one that only one document has can match nothing,
and most of those are chance pairs across a word boundary (个节, 线教) that IDF, seeing them
once, would rank first.

Digits are folded to one sign (2020年 and 2021年 are the same bigrams): the year and the
figures change every year, the role of a section does not. Markers never enter: sections get
renumbered when one is inserted.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from itertools import chain, repeat
from operator import add, getitem

_NOT_TEXT = re.compile(r"[\W_]+")
_DIGITS = re.compile(r"[0-9０-９]+")
_RUNS = re.compile(r"[^\W_]+")
_TAIL = slice(1, None)
# 要 opens inline items (一是要…, 第一，要…) and says nothing about their content; but it
# is the first character of words a heading can start with (要素保障, 要害部门, 要求).
_FILLER = "要"
_FILLER_WORDS = tuple("素害求点务件闻塞")

CONTENT_TERMS = 128  # bigrams kept per item: its topic; fewer lose it, more add noise and time


def normalise(heading: str) -> str:
    text = _NOT_TEXT.sub("", heading)
    if text[:1] == _FILLER and text[1:2] not in _FILLER_WORDS and len(text) > 2:
        text = text[1:]
    return text


def bigram_text(heading: str) -> str:
    """The heading as its bigrams are read off: normalised, digits folded to one sign."""
    return _DIGITS.sub("#", normalise(heading))


def bigrams(heading: str) -> list[str]:
    text = bigram_text(heading)
    if len(text) < 2:
        return [text] if text else []
    return list(map(add, text, text[1:]))  # each character with the next, joined in C


def text_bigram_list(text: str) -> list[str]:
    """Bigrams of running text in order, never across punctuation (…发展。加强… gives no 展加)."""
    runs = _RUNS.findall(_DIGITS.sub("#", text))
    # Each run with its tail, joined character by character: the loop stays in C (a third
    # faster than a generator on a section's text, which is what gets counted most).
    return list(chain.from_iterable(map(map, repeat(add), runs, map(getitem, runs, repeat(_TAIL)))))


def text_bigrams(text: str) -> Counter[str]:
    """The counts of `text_bigram_list`."""
    return Counter(text_bigram_list(text))


class HeadingSpace:
    """TF-IDF vectors of the headings of two documents, and their cosine."""

    def __init__(self, headings: Iterable[str]) -> None:
        headings = list(headings)
        # Each distinct heading once: two drafts of a speech share most of their headings.
        self._grams = {heading: bigrams(heading) for heading in dict.fromkeys(headings)}
        df = Counter(chain.from_iterable(map(set, map(self._grams.__getitem__, headings))))
        n = len(headings)
        self._idf = {gram: math.log((n + 1) / (count + 1)) + 1.0 for gram, count in df.items()}

    def vector(self, heading: str) -> dict[str, float]:
        counts: dict[str, float] = defaultdict(float)
        grams = self._grams.get(heading)
        for gram in bigrams(heading) if grams is None else grams:
            counts[gram] += self._idf.get(gram, 1.0)
        norm = math.sqrt(sum(v * v for v in counts.values()))
        return {gram: v / norm for gram, v in counts.items()} if norm else {}


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    # The key intersection runs in C: five times faster than a lookup per term.
    return sum(a[k] * b[k] for k in a.keys() & b.keys())


class NearestHeadings:
    """An inverted index over one side's vectors."""

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
