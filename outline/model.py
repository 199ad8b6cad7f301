"""The outline tree: what every parser produces and every renderer consumes.

Frozen dataclasses with their source lines, in the spirit of markdown-it-py's tokens:
a `Marker` is the numbering as written, a `Node` is one numbered item with its heading,
body and children, an `Outline` is a whole document (title, front matter, nodes).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

# The version of the dict (and JSON) form of an outline: `Outline.to_dict` writes it and
# `Outline.from_dict` reads it back, losslessly. Older JSON (no "version") reads back too, with
# the marker details guessed from its style.
FORMAT_VERSION = 1


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
    AFTER_COMMA = "after_comma"  # a first item after a comma: not a node, its run counts from item 2


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


class FrozenMeta(dict[str, str]):
    """`Outline.meta`: reader notes ({"format": "docx"}), read-only like the rest of the outline.
    A dict subclass, so it prints, compares and serialises as one; a changed copy goes through
    `dataclasses.replace(outline, meta={**outline.meta, …})`."""

    def _refuse(self, *_: object, **__: object) -> None:
        raise TypeError(
            "Outline.meta is read-only: dataclasses.replace(outline, meta=...) makes a changed copy"
        )

    __setitem__ = __delitem__ = clear = pop = popitem = setdefault = update = __ior__ = _refuse  # type: ignore[assignment]

    def __reduce__(self) -> tuple[type, tuple[dict[str, str]]]:  # pickling must not call __setitem__
        return (FrozenMeta, (dict(self),))


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
    """A parsed document. Immutable: `dataclasses.replace` makes changed copies."""

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
    meta: Mapping[str, str] = field(default_factory=FrozenMeta)
    parts: tuple[Part, ...] = ()  # empty when the document has no unnumbered part titles
    appendix: tuple[Appendix, ...] = ()
    pages: PageMap | None = None  # for a PDF: where each line was printed (show says p3:12)

    def where(self, node: Node) -> str:
        """Where a node stands, as `show` prints it: `p3:12` for a PDF, else its line `12`."""
        label = self.pages.label(node.line, node.column) if self.pages else None
        return label or str(node.line)

    def __post_init__(self) -> None:
        if not isinstance(self.meta, FrozenMeta):
            object.__setattr__(self, "meta", FrozenMeta(self.meta))

    def walk(self) -> Iterator[Node]:
        """Every node in document order."""
        for node in self.nodes:
            yield from node.walk()

    def __len__(self) -> int:
        return sum(1 for _ in self.walk())

    def __repr__(self) -> str:  # the dataclass repr would print every node of a 300-item law
        return f"Outline(title={self.title!r}, items={len(self)}, source={self.source!r})"

    def __rich__(self) -> Any:
        """`rich.print(outline)`, and Jupyter with rich's display: the terminal tree."""
        from .render.terminal import build_tree  # the model stays free of rendering at import

        return build_tree(self)

    def _repr_html_(self) -> str:
        """Jupyter: the outline as nested lists, markers bold, line numbers dimmed."""
        from html import escape

        def items(nodes: tuple[Node, ...]) -> str:
            return "".join(
                f"<li><b>{escape(n.marker.text)}</b>{escape(n.label[len(n.marker.text) :])}"
                f' <span style="opacity:.5">:{n.line}</span>'
                + (f"<ul>{items(n.children)}</ul>" if n.children else "")
                + "</li>"
                for n in nodes
            )

        title = f"<p><b>{escape(self.title)}</b></p>" if self.title else ""
        return f'{title}<ul style="list-style:none">{items(self.nodes)}</ul>'

    def to_dict(self, *, body: bool = True, depth: int | None = None) -> dict[str, Any]:
        """The outline as plain data: the JSON of `tigang show --format json` (docs/outline.md,
        docs/outline.schema.json). With every body and level it is lossless:
        `Outline.from_dict(o.to_dict()) == o`."""
        return {
            "version": FORMAT_VERSION,
            "title": self.title,
            "subtitle": self.subtitle,
            "salutation": self.salutation,
            "closing": {"line": self.closing_line, "text": self.closing} if self.closing else None,
            "source": self.source,
            "encoding": self.encoding,
            "title_line": self.title_line,
            "body_lines": list(self.body_lines) if self.body_lines else None,
            "line_count": self.line_count,
            "tail": self.tail,
            "toc": [
                {
                    "marker": e.marker.text,
                    "heading": e.heading,
                    "line": e.line,
                    "marker_info": _marker_info(e.marker),
                }
                for e in self.toc
            ],
            "noise_lines": list(self.noise_lines),
            "meta": dict(self.meta),  # reader notes: {"format": "docx", "heading_markers": …}
            "parts": [{"title": p.title, "line": p.line, "items": [p.start, p.end]} for p in self.parts],
            "outline": [_node_to_dict(node, body, depth, self.pages) for node in self.nodes],
            "appendix": [
                {
                    "title": a.title,
                    "line": a.line,
                    "outline": [_node_to_dict(n, body, depth, self.pages) for n in a.nodes],
                }
                for a in self.appendix
            ],
        } | ({"pages": [[list(p) for p in printed] for printed in self.pages.lines]} if self.pages else {})

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Outline:
        """An outline back from `to_dict` (or from the JSON of `tigang show --format json`)."""
        closing = data.get("closing") or {}
        body_lines = data.get("body_lines")
        return cls(
            title=data.get("title"),
            nodes=tuple(_node_from_dict(n) for n in data.get("outline", ())),
            subtitle=data.get("subtitle"),
            salutation=data.get("salutation"),
            closing=closing.get("text"),
            closing_line=closing.get("line"),
            toc=tuple(
                TocEntry(_marker_from_dict(e["marker"], e.get("marker_info"), ""), e["heading"], e["line"])
                for e in data.get("toc", ())
            ),
            title_line=data.get("title_line"),
            body_lines=(body_lines[0], body_lines[1]) if body_lines else None,
            noise_lines=tuple(data.get("noise_lines", ())),
            encoding=data.get("encoding", "utf-8"),
            source=data.get("source"),
            line_count=data.get("line_count", 0),
            tail=data.get("tail", ""),
            meta=FrozenMeta(data.get("meta") or {}),
            parts=tuple(
                Part(p["title"], p["line"], p["items"][0], p["items"][1]) for p in data.get("parts", ())
            ),
            appendix=tuple(
                Appendix(a["title"], a["line"], tuple(_node_from_dict(n) for n in a.get("outline", ())))
                for a in data.get("appendix", ())
            ),
            pages=PageMap(tuple(tuple((p[0], p[1], p[2]) for p in printed) for printed in data["pages"]))
            if data.get("pages")
            else None,
        )


def _marker_info(marker: Marker) -> dict[str, Any]:
    return {
        "family": marker.family.value,
        "number": marker.number,
        "unit": marker.unit,
        "punct": marker.punct,
        "full_width": marker.full_width,
        "style": marker.style,
    }


def _node_to_dict(node: Node, body: bool, depth: int | None, pages: PageMap | None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "level": node.level,
        "marker": node.marker.text,
        "number": node.number,
        "heading": node.heading,
        "line": node.line,
        "column": node.column,
        "end_line": node.end_line,
        "family": node.marker.style,  # the style, under its first name (the contract keeps it)
        "marker_info": _marker_info(node.marker),
        "placement": node.placement.value,
        "anomalies": [
            {"kind": a.kind.value, "found": a.found, "expected": a.expected, "text": str(a)}
            for a in node.anomalies
        ],
        "terminator": node.terminator,
        "bare": node.bare,
        "rule": node.rule,
    }
    if body:
        data["body"] = node.body
    where = pages.locate(node.line, node.column) if pages else None
    if where:  # a PDF: the page, and the line on it counted from the top
        data["page"], data["page_line"] = where
    keep = depth is None or node.level < depth
    data["children"] = [_node_to_dict(child, body, depth, pages) for child in node.children] if keep else []
    return data


def _marker_from_dict(text: str, info: Mapping[str, Any] | None, style: str) -> Marker:
    if info is not None:
        return Marker(
            text,
            Family(info["family"]),
            info["number"],
            info.get("unit", ""),
            info.get("punct", ""),
            info.get("full_width", True),
            info.get("style", ""),
        )
    # JSON without marker details (before version 1): read them off the style and the text.
    family, _, rest = style.partition(":")
    unit = rest.split(":")[0] if family == Family.DIVISION.value else ""
    punct = text[-1] if text[-1:] in "、．.，,：:）)" else ""
    half = any(ch in text for ch in "().,:")
    try:
        kind = Family(family)
    except ValueError:
        kind = Family.SECTION
    return Marker(text, kind, 0, unit, punct, not half, style)


def _node_from_dict(data: Mapping[str, Any]) -> Node:
    marker = _marker_from_dict(data["marker"], data.get("marker_info"), data.get("family", ""))
    if "marker_info" not in data:
        marker = Marker(
            marker.text,
            marker.family,
            data["number"],
            marker.unit,
            marker.punct,
            marker.full_width,
            marker.style,
        )
    return Node(
        marker=marker,
        number=data["number"],
        heading=data["heading"],
        line=data["line"],
        column=data.get("column", 1),
        end_line=data.get("end_line", data["line"]),
        level=data["level"],
        placement=Placement(data.get("placement", "lead")),
        body=data.get("body", ""),
        terminator=data.get("terminator", ""),
        bare=data.get("bare", False),
        children=tuple(_node_from_dict(child) for child in data.get("children", ())),
        anomalies=tuple(
            Anomaly(AnomalyKind(a["kind"]), a["found"], a.get("expected")) for a in data.get("anomalies", ())
        ),
        rule=data.get("rule", ""),
    )
