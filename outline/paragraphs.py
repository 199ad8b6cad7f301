"""Paragraphs: the unit inside which inline markers live and at whose start lead markers stand.

Most speeches put one paragraph on a line (blank lines between, or not). Some are
hard-wrapped at a fixed width (~26 characters in texts copied from PDFs or phone pages),
so one item spans several lines; there a line continues the paragraph above when that line
was full and this one is not indented. The wrap width is read off the document.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field

from .lines import LineKind, SourceLine

STOP_END = "。！？；：!?;:"


@dataclass(slots=True)
class Paragraph:
    index: int
    lines: list[SourceLine]
    text: str = ""
    starts: list[int] = field(default_factory=list)  # offset in `text` where each line begins

    @property
    def first_line(self) -> int:
        return self.lines[0].number

    @property
    def last_line(self) -> int:
        return self.lines[-1].number

    @property
    def emphasised(self) -> bool:
        return self.lines[0].emphasised

    def line_index(self, offset: int) -> int:
        return bisect_right(self.starts, offset) - 1

    def line_at(self, offset: int) -> SourceLine:
        return self.lines[self.line_index(offset)]

    def line_end(self, offset: int) -> int:
        """Offset just past the source line that holds `offset`."""
        i = self.line_index(offset)
        return self.starts[i + 1] if i + 1 < len(self.starts) else len(self.text)


def wrap_width(lines: list[SourceLine]) -> int | None:
    """The width a document is hard-wrapped at, or None when lines are whole paragraphs."""
    lengths = [len(line.text) for line in lines if line.kind is LineKind.TEXT and len(line.text) >= 12]
    if len(lengths) < 8:
        return None
    counts = Counter(lengths)
    width, _ = counts.most_common(1)[0]
    near = counts[width - 1] + counts[width] + counts[width + 1]
    # Full lines dominate a wrapped text; whole-paragraph lines almost never repeat a length.
    if near * 100 < len(lengths) * 35 or width > 120:
        return None
    return width


def build_paragraphs(lines: list[SourceLine], starts_item: callable) -> list[Paragraph]:
    """Group TEXT lines into paragraphs. `starts_item(text)` tells whether a line opens with a
    numbering marker, which always starts a new paragraph after a finished sentence."""
    width = wrap_width(lines)
    paragraphs: list[Paragraph] = []
    current: list[SourceLine] = []
    previous: SourceLine | None = None
    for line in lines:
        if line.kind is not LineKind.TEXT:
            if line.kind is not LineKind.META:
                _flush(paragraphs, current)
                previous = None
            continue
        if current and not (width and previous and _continues(previous, line, width, starts_item)):
            _flush(paragraphs, current)
        current.append(line)
        previous = line
    _flush(paragraphs, current)
    return paragraphs


def _continues(previous: SourceLine, line: SourceLine, width: int, starts_item: callable) -> bool:
    if len(previous.text) < width - 1 or line.indent > previous.indent:
        return False
    return not (previous.text[-1] in STOP_END and starts_item(line.text))


def _flush(paragraphs: list[Paragraph], current: list[SourceLine]) -> None:
    if not current:
        return
    starts, offset = [], 0
    for line in current:
        starts.append(offset)
        offset += len(line.text)
    paragraphs.append(
        Paragraph(len(paragraphs), list(current), "".join(line.text for line in current), starts)
    )
    current.clear()
