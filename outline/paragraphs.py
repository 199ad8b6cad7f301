"""Paragraphs: the unit inside which inline markers live and at whose start lead markers stand.

Most speeches put one paragraph on a line (blank lines between, or not). Some are
hard-wrapped at a fixed width (~26 characters in texts copied from PDFs or phone pages),
so one item spans several lines; there a line continues the paragraph above when that line
was full and this one is not indented. The wrap width is read off the document.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise

from .lexicon import (
    CLOSERS,
    COMMAS,
    FINISHED_LINE_ENDS,
    FULL_OVERRUN,
    FULL_SLACK,
    LIST_COMMA,
    RUN_ON_MIN,
    RUN_ON_SHARE,
    RUN_ON_TITLE_MAX,
    RUN_ON_TITLE_MIN,
    SEMICOLONS,
    SENTENCE_ENDS,
    STOPS,
    WRAP_FULL_PERCENT,
    WRAP_MAX_WIDTH,
    WRAP_MIN_FULL,
    WRAP_MIN_LINE,
    WRAP_MIN_LINES,
)
from .lines import LineKind, SourceLine
from .model import Marker


@dataclass(slots=True)
class Paragraph:
    index: int
    lines: list[SourceLine]
    text: str = ""
    # Offset in `text` where each line begins; negative when the line began before this
    # paragraph (a line that held a whole text, split into sentences: `split_run_on`).
    starts: list[int] = field(default_factory=list)

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


def wrap_width(lines: list[SourceLine], starts_item: Callable[[str], Marker | None]) -> int | None:
    """The width a document is hard-wrapped at, or None when lines are whole paragraphs."""
    text_lines = [line for line in lines if line.kind is LineKind.TEXT]
    lengths = [len(line.text) for line in text_lines if len(line.text) >= WRAP_MIN_LINE]
    if len(lengths) < WRAP_MIN_LINES:
        return None
    counts = Counter(lengths)
    width, _ = counts.most_common(1)[0]
    # Full lines dominate a wrapped text (a 200-character paragraph at width 26 is seven full
    # lines and one short one); whole-paragraph lines almost never repeat a length. A typeset
    # page squeezes punctuation, so its full lines run a few characters short or long (24 to
    # 28 at width 26, in a PDF of the 六五计划).
    near = sum(counts[n] for n in range(width - FULL_SLACK, width + FULL_OVERRUN + 1))
    if near < WRAP_MIN_FULL or near * 100 < len(lengths) * WRAP_FULL_PERCENT or width > WRAP_MAX_WIDTH:
        return None
    # And the line after a full line mostly continues a sentence: it opens with no marker.
    after_full = [b for a, b in pairwise(text_lines) if len(a.text) >= width - FULL_SLACK]
    continuing = sum(1 for line in after_full if starts_item(line.text) is None)
    return width if continuing * 2 > len(after_full) else None


_FINISHED = tuple(FINISHED_LINE_ENDS)  # a line ending in one finishes its sentence


def build_paragraphs(lines: list[SourceLine], starts_item: Callable[[str], Marker | None]) -> list[Paragraph]:
    """Group TEXT lines into paragraphs. `starts_item(text)` gives the marker a line opens with;
    in a hard-wrapped text such a line starts a paragraph unless the full line above it stops
    mid-sentence (see `_continues`)."""
    width = wrap_width(lines, starts_item)
    paragraphs: list[Paragraph] = []
    current: list[SourceLine] = []
    previous: SourceLine | None = None
    cut = False  # an HTML comment line right after the last text line
    for line in lines:
        if line.kind is not LineKind.TEXT:
            if line.kind is not LineKind.META:
                _flush(paragraphs, current)
                previous = None
            cut = previous is not None and line.raw.lstrip().startswith("<!--")
            continue
        # A blog's excerpt mark (<!--more-->) put in mid-sentence (在会议召 / <!--more--> / 开之际…)
        # does not end the paragraph.
        # (Not a heading's line: **一、总体要求** / <!--more--> / 当前… is a heading and its body.)
        rejoined = (
            cut
            and previous is not None
            and not previous.text.endswith(_FINISHED)
            and starts_item(previous.text) is None
            and starts_item(line.text) is None
        )
        cut = False
        if (
            current
            and not rejoined
            and not (width and previous and _continues(previous, line, width, starts_item))
        ):
            _flush(paragraphs, current)
        current.append(line)
        previous = line
    _flush(paragraphs, current)
    return paragraphs


# Where a sentence ends: its stop and the closing quotes or brackets after it, or a photo's
# credit (…新华社记者 鞠鹏/摄), which ends a caption that stood between two paragraphs.
_ENDS, _CLOSERS = re.escape(SENTENCE_ENDS), re.escape(CLOSERS)
_SENTENCE_END = re.compile(rf"[{_ENDS}]+[{_CLOSERS}]*|/摄")
_RUN_ON_TITLE_END = re.compile(r"[（(][^（）()]{0,12}\d{4}\s*年[^（）()]{0,20}[）)]|※")


def split_run_on(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """A text that lost its paragraph breaks (a speech scraped into one field of a table)
    holds the whole speech on one line. Its paragraphs are gone, but not its sentences: each
    becomes a paragraph, so that 同志们！ turns to the audience and 第一，… opens an item
    again, as in the printed speech."""
    # The line holds nearly all the text: one long paragraph of a report (the 11,000
    # characters of a province's lessons, 第一，…第二，…) is no lost break.
    least = max(RUN_ON_MIN, RUN_ON_SHARE * sum(len(p.text) for p in paragraphs))
    run_on = next((p for p in paragraphs if len(p.lines) == 1 and len(p.text) >= least), None)
    if run_on is None:
        return paragraphs
    result: list[Paragraph] = []
    for p in paragraphs:
        if p is not run_on:
            p.index = len(result)
            result.append(p)
            continue
        start = 0
        ends = [m.end() for m in _SENTENCE_END.finditer(p.text)] + [len(p.text)]
        # The title ran into the text too: 在…座谈会上的讲话（2018年2月12日）习近平党的十八大以后…
        # or …的考古学 更好认识…的中华文明※习近平我国是…: it ends at the date or the ※.
        head = _RUN_ON_TITLE_END.search(p.text, 0, min(ends[0], RUN_ON_TITLE_MAX))
        if head and head.start() >= RUN_ON_TITLE_MIN:
            ends = [head.start(), head.end(), *ends]
        for end in ends:
            if p.text[start:end].strip():
                result.append(Paragraph(len(result), p.lines, p.text[start:end], [-start]))
            start = end
    return result


def _continues(
    previous: SourceLine, line: SourceLine, width: int, starts_item: Callable[[str], Marker | None]
) -> bool:
    # Wrapping tools keep punctuation off line starts (禁则), so full lines run a little short.
    if len(previous.text) < width - FULL_SLACK or line.indent > previous.indent:
        return False
    marker = starts_item(line.text)
    if marker is None:
        return True
    if marker.family.is_enumerator:  # …全面统 / 一是前提: a word split by the wrap
        return previous.text[-1] not in STOPS + COMMAS + LIST_COMMA
    # A section marker opens a paragraph, unless the full line above stops inside a list:
    # …倾向是：1．实际最右；/ 2．表面最左；…
    return previous.text[-1] in SEMICOLONS + COMMAS


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
