"""The box every layout places, in screen-like coordinates: x grows to the right, y grows
downwards, and a box's (x, y) is its top-left corner."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from typing import TypeVar

K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True, slots=True)
class Box:
    """An axis-aligned box: (x, y) is the top-left corner, y grows downwards."""

    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def cx(self) -> float:
        return self.x + self.w / 2

    @property
    def cy(self) -> float:
        return self.y + self.h / 2

    def shifted(self, dx: float, dy: float) -> Box:
        return Box(self.x + dx, self.y + dy, self.w, self.h)

    def overlaps(self, other: Box, gap: float = 0.0) -> bool:
        """True if the boxes share area, or come closer than `gap` on both axes."""
        return (
            self.x < other.right + gap
            and other.x < self.right + gap
            and self.y < other.bottom + gap
            and other.y < self.bottom + gap
        )


def bounds(boxes: Iterable[Box]) -> Box:
    """The smallest box holding all boxes (an empty box at the origin for none)."""
    boxes = list(boxes)
    if not boxes:
        return Box(0.0, 0.0, 0.0, 0.0)
    x0 = min(b.x for b in boxes)
    y0 = min(b.y for b in boxes)
    return Box(x0, y0, max(b.right for b in boxes) - x0, max(b.bottom for b in boxes) - y0)


def normalise(boxes: Mapping[K, Box]) -> dict[K, Box]:
    """Move the boxes so that the top-left corner of their bounds is (0, 0)."""
    frame = bounds(boxes.values())
    return {key: box.shifted(-frame.x, -frame.y) for key, box in boxes.items()}
