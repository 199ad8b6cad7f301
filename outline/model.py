"""The outline tree: what every parser produces and every renderer consumes.

Frozen dataclasses with their source lines, in the spirit of markdown-it-py's tokens:
a `Marker` is the numbering as written, a `Node` is one numbered item with its heading,
body and children, an `Outline` is a whole document (title, front matter, nodes).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum


class Family(str, Enum):
    """Marker families. Two markers of one family at one place in a document are siblings."""

    SECTION = "section"  # 一、 一． 一.
    PAREN_SECTION = "paren_section"  # （一） (一)
    DECIMAL = "decimal"  # 1.1 1.2.3 (the depth is part of the style)
    ARABIC = "arabic"  # 1. 1． 1、
    ARABIC_CLOSE = "arabic_close"  # 1） 1)
    PAREN_ARABIC = "paren_arabic"  # （1） (1)
    CIRCLED = "circled"  # ①
    ROMAN = "roman"  # I. Ⅱ、
    DIVISION = "division"  # 第一编 / 第一部分 / 第一章 / 第一节 / 第一条 (the unit is part of the style)
    ORDINAL = "ordinal"  # 第一， 第一、 第一：
    SHI = "shi"  # 一是
    YAO = "yao"  # 一要
    SEQUENCE = "sequence"  # 首先 其次 再次 然后 最后
    ASPECT = "aspect"  # 一方面 另一方面

    @property
    def is_enumerator(self) -> bool:
        """Inline enumerators count only as a run of two or more; section families stand alone."""
        return self in _ENUMERATORS


_CAPITAL = frozenset("壹贰貳叁參参肆伍陆陸柒捌玖拾佰")
_ENUMERATORS = frozenset({Family.ORDINAL, Family.SHI, Family.YAO, Family.SEQUENCE, Family.ASPECT})


class Placement(str, Enum):
    """Where a marker stands in its paragraph. It decides how far the item reaches."""

    LEAD = "lead"  # starts a paragraph: the item reaches over the following paragraphs
    INLINE = "inline"  # after 。；：！？ inside a paragraph: the item ends with its paragraph
    AFTER_COMMA = "after_comma"  # first item of a run that continues after ；


@dataclass(frozen=True, slots=True)
class Marker:
    """A numbering marker exactly as written, with what it means."""

    text: str  # as written: "（一）", "一是", "第一，", "1．"
    family: Family
    number: int  # 1-based place; 0 when the run decides it (然后, 最后)
    unit: str = ""  # 章 / 节 / 条 / 部分 / 编 for Family.DIVISION
    punct: str = ""  # the punctuation that closes the marker: "、", "．", "，", "）", ""
    full_width: bool = True  # False when any bracket or punctuation is half-width
    # The key that decides levels: one family (one unit for 第X章/节/条) is one style.
    # A field, not a property: the level builder reads it for every marker, many times.
    style: str = ""

    def __post_init__(self) -> None:
        if not self.style:
            style = f"{self.family.value}:{self.unit}" if self.unit else self.family.value
            if self.family in (Family.SECTION, Family.ARABIC) and not self.punct:
                # 一　总体要求 is a habit of its own (一、 may sit under it); `1 总则` too, and it
                # counts only as a run from 1 (a hard-wrapped `189 亿元` is no heading).
                style += ":space"
            if self.family in (Family.SECTION, Family.PAREN_SECTION) and any(
                ch in _CAPITAL for ch in self.text
            ):
                style += ":capital"  # 壹、 above 一、 in Taiwan-style texts
            object.__setattr__(self, "style", style)


class AnomalyKind(str, Enum):
    """A numbering slip among siblings of one style (`tigang check` reports them)."""

    SKIPPED = "skipped"  # 一、二、四、
    REPEATED = "repeated"  # 一是 二是 二是
    RESTARTED = "restarted"  # 1. 2. 1. in one list
    STARTS_AT = "starts_at"  # a list that begins at 二、


@dataclass(frozen=True, slots=True)
class Anomaly:
    kind: AnomalyKind
    found: int  # the number written
    expected: int | None = None  # skipped: the number due; restarted: the number before

    def __str__(self) -> str:
        if self.kind is AnomalyKind.SKIPPED:
            return f"skipped: expected {self.expected}, found {self.found}"
        if self.kind is AnomalyKind.REPEATED:
            return f"repeated: {self.found} again"
        if self.kind is AnomalyKind.RESTARTED:
            return f"restarted: {self.found} after {self.expected}"
        return f"starts at {self.found}"


@dataclass(frozen=True, slots=True)
class Node:
    """One numbered item of the outline."""

    marker: Marker
    number: int  # place in its run (the marker's number, or the run position for 最后)
    heading: str  # text after the marker up to the first 。！？； or line end
    line: int  # 1-based line of the marker in the decoded text (str.splitlines())
    column: int  # 1-based column of the marker on that line
    end_line: int  # last line of the node's own text (body included, children excluded)
    level: int  # depth in the tree, 1 = top
    placement: Placement
    body: str = ""  # the node's own text after the heading, children excluded
    terminator: str = ""  # what ended the heading: "。", "；", … "：" for a lead-in, "" at the line end
    bare: bool = False  # the heading stands alone on its line (a heading line, not a lead sentence)
    children: tuple[Node, ...] = ()
    anomalies: tuple[Anomaly, ...] = ()  # numbering slips: str(a) reads "skipped: expected 4, found 5"
    rule: str = ""  # the placement rule that decided its level (outline.heuristics, `show --explain`)

    @property
    def label(self) -> str:
        """Marker and heading as one line reads: 一、总体要求, 第一章 总则 (a 第X章/条 needs its space,
        and so does `1. 5G网络`, which would read as the number 1.5 without it)."""
        spaced = (
            self.marker.family is Family.DIVISION
            or (self.marker.family is Family.DECIMAL and not self.marker.punct)  # 1.1 编制目的
            or (self.marker.text[-1:] in ".．" and self.heading[:1].isdigit())
        )
        sep = " " if spaced and self.heading else ""
        return f"{self.marker.text}{sep}{self.heading}"

    def walk(self) -> Iterator[Node]:
        """This node and all its descendants, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True, slots=True)
class TocEntry:
    """A line of a leading table of contents (kept for linting against the body)."""

    marker: Marker
    heading: str
    line: int


@dataclass(frozen=True, slots=True)
class Part:
    """An unnumbered part title above a run of top-level items (2020年工作总结 /
    2021年工作安排 above two series 一、二、…). The items stay at level 1 (the conventions);
    a part says which of them it holds: `Outline.nodes[start:end]`."""

    title: str | None  # None for the items before the first part title
    line: int | None
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Appendix:
    """Back matter after the speech: 附件 (民生实事 （1）…（25）), 名词解释 1.…26. Its items are
    not part of the outline: `show` lists them apart, `diff` and the corpus leave them out."""

    title: str
    line: int
    nodes: tuple[Node, ...] = ()


@dataclass(frozen=True, slots=True)
class PageMap:
    """Where the lines of a text made from a PDF were printed. Text line k (1-based) joins
    the printed lines `lines[k - 1]`: (offset in the text line, page, line on that page), one
    for each printed line, so a marker's column finds its own printed line."""

    lines: tuple[tuple[tuple[int, int, int], ...], ...]

    def locate(self, line: int, column: int = 1) -> tuple[int, int] | None:
        """(page, line on the page) of `column` (1-based) on text line `line`."""
        if not 1 <= line <= len(self.lines) or not self.lines[line - 1]:
            return None
        found = self.lines[line - 1][0]
        for printed in self.lines[line - 1]:
            if printed[0] <= column - 1:
                found = printed
        return found[1], found[2]

    def label(self, line: int, column: int = 1) -> str | None:
        """`p3:12`: page 3, line 12 from the top of the page."""
        where = self.locate(line, column)
        return f"p{where[0]}:{where[1]}" if where else None


@dataclass(frozen=True, slots=True)
class Outline:
    """A parsed document."""

    title: str | None
    nodes: tuple[Node, ...]
    subtitle: str | None = None
    salutation: str | None = None
    closing: str | None = None  # the closing paragraph: 同志们，让我们…！ / 谢谢大家！
    closing_line: int | None = None
    toc: tuple[TocEntry, ...] = ()
    title_line: int | None = None
    body_lines: tuple[int, int] | None = None  # first and last line of the speech proper
    noise_lines: tuple[int, ...] = ()  # advertising, web-page chrome, date stamps
    encoding: str = "utf-8"
    source: str | None = None  # path, or "-" for standard input
    line_count: int = 0
    tail: str = ""  # the last characters of the body: does the speech end, or is it cut off?
    meta: dict[str, str] = field(default_factory=dict)
    parts: tuple[Part, ...] = ()  # empty when the document has no unnumbered part titles
    appendix: tuple[Appendix, ...] = ()
    pages: PageMap | None = None  # for a PDF: where each line was printed (show says p3:12)

    def where(self, node: Node) -> str:
        """Where a node stands, as `show` prints it: `p3:12` for a PDF, else its line `12`."""
        label = self.pages.label(node.line, node.column) if self.pages else None
        return label or str(node.line)

    def walk(self) -> Iterator[Node]:
        """Every node in document order."""
        for node in self.nodes:
            yield from node.walk()

    def __len__(self) -> int:
        return sum(1 for _ in self.walk())
