"""Parallel structure (对仗、排比) of sibling headings, and the headings that break it.

Writers build runs of headings on one frame: `在…上聚力用劲`, `…更加…`, four-character
phrases, `六字，六字`. When at least three siblings and three quarters of them share a frame,
the ones that do not are probably slips. Frames tried, most specific first: a shared ending,
a shared beginning, a shared inner word at one position, the same clause lengths
(`推进思想建设，引领意识形态` is 6+6), the same length.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

_CLAUSE = re.compile(r"[，,、；;：:]")
_SHORT = 20  # longer headings are sentences, not phrases built on a frame


@dataclass(frozen=True, slots=True)
class Frame:
    """A pattern most siblings share, and how to say it."""

    describe: str  # Chinese, e.g. “…上聚力用劲”句式
    gloss: str  # English
    matches: Callable[[str], bool]
    length: int = 0  # for the weakest frame, "the same length": that length

    @property
    def by_length(self) -> bool:
        return self.length > 0


def _shape(heading: str) -> tuple[int, ...]:
    return tuple(len(part) for part in _CLAUSE.split(heading))


def _ends_with(ending: str) -> Callable[[str], bool]:
    def matches(heading: str) -> bool:
        return heading.endswith(ending)

    return matches


def _starts_with(beginning: str) -> Callable[[str], bool]:
    def matches(heading: str) -> bool:
        return heading.startswith(beginning)

    return matches


def _word_at(word: str, at: int) -> Callable[[str], bool]:
    def matches(heading: str) -> bool:
        return heading[at : at + len(word)] == word

    return matches


def _shaped(shape: tuple[int, ...]) -> Callable[[str], bool]:
    def matches(heading: str) -> bool:
        return _shape(heading) == shape

    return matches


def _of_length(length: int) -> Callable[[str], bool]:
    def matches(heading: str) -> bool:
        return len(heading) == length

    return matches


def candidate_frames(headings: Sequence[str]) -> list[Frame]:
    """Frames in order of specificity. Each is a description plus a predicate."""
    frames: list[Frame] = []
    for k in range(6, 2, -1):  # a two-character ending (…学习) is content, not a frame
        endings = Counter(h[-k:] for h in headings if len(h) > k)
        for ending, _ in endings.most_common(1):
            frames.append(Frame(f"“…{ending}”句式", f"the …{ending} frame", _ends_with(ending)))
        beginnings = Counter(h[:k] for h in headings if len(h) > k)
        for beginning, _ in beginnings.most_common(1):
            frames.append(Frame(f"“{beginning}…”句式", f"the {beginning}… frame", _starts_with(beginning)))
    for k in (3, 2):
        for at in range(1, 8):
            inner = Counter(h[at : at + k] for h in headings if len(h) > at + k)
            for word, _ in inner.most_common(1):
                frames.append(
                    Frame(
                        f"第{at + 1}字起“{word}”的句式",
                        f"“{word}” at character {at + 1}",
                        _word_at(word, at),
                    )
                )
    shapes = Counter(_shape(h) for h in headings)
    for shape, _ in shapes.most_common(1):
        if len(shape) > 1:
            text = "+".join(map(str, shape))
            frames.append(Frame(f"{text}字的分句结构", f"{text}-character clauses", _shaped(shape)))
    lengths = Counter(len(h) for h in headings)
    for length, _ in lengths.most_common(1):
        frames.append(Frame(f"{length}字的长度", f"{length} characters", _of_length(length), length))
    return frames


def parallel_outliers(headings: Sequence[str], min_siblings: int = 3) -> list[tuple[int, Frame]]:
    """Indexes of the headings that break the frame most siblings share.

    A frame needs at least `min_siblings` followers and three quarters of the run; headings
    longer than a phrase are left alone. Empty when no frame is broken."""
    n = len(headings)
    if n < min_siblings + 1 or any(len(h) > _SHORT or not h for h in headings):
        return []
    need = max(min_siblings, math.ceil(n * 0.75))
    for frame in candidate_frames(headings):  # most specific first: the first that holds decides
        following = [i for i, h in enumerate(headings) if frame.matches(h)]
        if len(following) == n:
            return []  # the run is parallel on this frame; weaker frames may differ freely
        if len(following) >= need:
            outliers = [(i, frame) for i in range(n) if i not in following]
            if frame.by_length and all(abs(len(headings[i]) - frame.length) < 2 for i, _ in outliers):
                return []  # one character more or less is a noun's length, not a broken rhythm
            return outliers
    return []
