"""Word .docx → text, one body paragraph a line, with Word's automatic numbers written out.

In real Word files the `一、` / `（一）` / `1.` is often not in the paragraph text: Word
generates it from list numbering (`w:numPr` → `numbering.xml`). This module replays Word's
counters (per abstract list and level, restarts, start overrides) and formats the markers
as Word displays them (`w:numFmt`, `w:lvlText`), so the text handed to `parse_text` reads
as the document does on screen. Heading styles become markdown `#` lines so the parser's
heading hints give depths; headings that carry no number at all are numbered
conventionally (一、/（一）/1./（1）/①), see docs/export.md.

Only the main body is read: tables, headers, footers, footnotes, comments, text boxes and
deleted (tracked) text are not body text. python-docx opens the package; the XML is read
with lxml directly (python-docx has no API for numbering).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..source import InputError
from .numerals import format_number

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{W}}}"
RT_NUMBERING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
RT_STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"

_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.I)
# Conventional markers for headings without numbers, by heading rank (GB/T 9704 order).
CONVENTIONAL_FORMATS = (("chineseCounting", "%1、"), ("chineseCounting", "（%1）"), ("decimal", "%1."),
                        ("decimal", "（%1）"), ("decimalEnclosedCircle", "%1"))  # fmt: skip


def _val(element, tag: str) -> str | None:
    child = element.find(_W + tag) if element is not None else None
    return child.get(_W + "val") if child is not None else None


def _int(value: str | None, default: int | None = None) -> int | None:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


@dataclass(slots=True)
class Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    restart: int | None = None  # w:lvlRestart: restart after this (1-based) level; 0 never
    legal: bool = False  # w:isLgl: every %n shown as decimal
    suffix: str = "tab"  # w:suff: tab, space or nothing
    style: str | None = None  # w:pStyle: the paragraph style tied to this level


def _read_level(lvl) -> Level:
    level = Level()
    level.fmt = _val(lvl, "numFmt") or "decimal"
    text = _val(lvl, "lvlText")
    level.text = text if text is not None else ""
    level.start = _int(_val(lvl, "start"), 1)
    level.restart = _int(_val(lvl, "lvlRestart"))
    is_lgl = lvl.find(_W + "isLgl")
    level.legal = is_lgl is not None and is_lgl.get(_W + "val", "1") not in ("0", "false", "off")
    level.suffix = _val(lvl, "suff") or "tab"
    level.style = _val(lvl, "pStyle")
    return level


@dataclass(slots=True)
class ListInstance:
    """A `w:num`: an abstract list plus per-level overrides."""

    abstract: str
    start_overrides: dict[int, int] = field(default_factory=dict)
    level_overrides: dict[int, Level] = field(default_factory=dict)


class Numbering:
    """The definitions of numbering.xml and the running counters of one pass over the body."""

    def __init__(self, root, styles: Styles) -> None:
        self.abstract: dict[str, dict[int, Level]] = {}
        self.style_links: dict[str, str] = {}  # abstractNum → list style it takes levels from
        self.instances: dict[str, ListInstance] = {}
        self.styles = styles
        if root is not None:
            for element in root.iter(_W + "abstractNum"):
                key = element.get(_W + "abstractNumId")
                self.abstract[key] = {
                    _int(lvl.get(_W + "ilvl"), 0): _read_level(lvl) for lvl in element.iter(_W + "lvl")
                }
                link = _val(element, "numStyleLink")
                if link:
                    self.style_links[key] = link
            for element in root.iter(_W + "num"):
                instance = ListInstance(_val(element, "abstractNumId") or "")
                for override in element.iter(_W + "lvlOverride"):
                    ilvl = _int(override.get(_W + "ilvl"), 0)
                    start = _int(_val(override, "startOverride"))
                    if start is not None:
                        instance.start_overrides[ilvl] = start
                    lvl = override.find(_W + "lvl")
                    if lvl is not None:
                        instance.level_overrides[ilvl] = _read_level(lvl)
                self.instances[element.get(_W + "numId")] = instance
        self._counters: dict[str, list[int | None]] = {}
        self._applied: set[tuple[str, int]] = set()

    def _abstract_of(self, num_id: str) -> str | None:
        instance = self.instances.get(num_id)
        if instance is None:
            return None
        key = instance.abstract
        # A list that points to a list style (numStyleLink) takes the style's list definition.
        for _ in range(4):
            link = self.style_links.get(key)
            if link is None:
                break
            linked = self.styles.num_pr(self.styles.by_name_or_id(link))[0]
            target = self.instances.get(linked or "")
            if target is None:
                break
            key = target.abstract
        return key

    def levels(self, num_id: str) -> dict[int, Level]:
        instance = self.instances.get(num_id)
        key = self._abstract_of(num_id)
        if instance is None or key is None:
            return {}
        return {**self.abstract.get(key, {}), **instance.level_overrides}

    def level_for_style(self, num_id: str, style_id: str) -> int:
        for ilvl, level in self.levels(num_id).items():
            if level.style == style_id:
                return ilvl
        return 0

    def next_marker(self, num_id: str, ilvl: int) -> tuple[str, str]:
        """Advance the list's counter at `ilvl`; return (marker text, suffix)."""
        levels = self.levels(num_id)
        key = self._abstract_of(num_id)
        if key is None or ilvl not in levels:
            return "", "nothing"
        instance = self.instances[num_id]
        counters = self._counters.setdefault(key, [None] * 10)
        level = levels[ilvl]
        if ilvl in instance.start_overrides and (num_id, ilvl) not in self._applied:
            # "Restart numbering" in Word: a new w:num with a start override for the level.
            self._applied.add((num_id, ilvl))
            counters[ilvl] = instance.start_overrides[ilvl] - 1
        value = level.start if counters[ilvl] is None else counters[ilvl] + 1
        counters[ilvl] = value
        for deeper in range(ilvl + 1, len(counters)):
            deeper_level = levels.get(deeper)
            after = deeper_level.restart if deeper_level and deeper_level.restart is not None else deeper
            if after != 0 and ilvl + 1 <= after:
                counters[deeper] = None
        return self._format(level, levels, counters), level.suffix

    @staticmethod
    def _format(level: Level, levels: dict[int, Level], counters: list[int | None]) -> str:
        if level.fmt == "bullet":
            return ""

        def number(match: re.Match) -> str:
            k = int(match.group(1)) - 1
            other = levels.get(k, Level())
            value = counters[k] if counters[k] is not None else other.start
            return format_number(value, "decimal" if level.legal else other.fmt)

        return re.sub(r"%([1-9])", number, level.text)


class Styles:
    """Paragraph styles: names, `basedOn` chains, the numbering and outline level they give."""

    def __init__(self, root) -> None:
        self.styles: dict[str, object] = {}
        self.names: dict[str, str] = {}
        self.default: str | None = None
        if root is None:
            return
        for style in root.iter(_W + "style"):
            if style.get(_W + "type") not in (None, "paragraph", "numbering"):
                continue
            style_id = style.get(_W + "styleId")
            self.styles[style_id] = style
            name = _val(style, "name")
            if name:
                self.names[name.lower()] = style_id
            if style.get(_W + "type") == "paragraph" and style.get(_W + "default") in ("1", "true"):
                self.default = style_id

    def by_name_or_id(self, key: str | None) -> str | None:
        if key is None:
            return None
        return key if key in self.styles else self.names.get(key.lower())

    def chain(self, style_id: str | None) -> Iterator[object]:
        seen = set()
        while style_id and style_id in self.styles and style_id not in seen:
            seen.add(style_id)
            style = self.styles[style_id]
            yield style
            style_id = _val(style, "basedOn")

    def num_pr(self, style_id: str | None) -> tuple[str | None, int | None]:
        """(numId, ilvl) a style gives its paragraphs, following `basedOn`."""
        for style in self.chain(style_id):
            num_pr = style.find(f"{_W}pPr/{_W}numPr")
            if num_pr is not None:
                return _val(num_pr, "numId"), _int(_val(num_pr, "ilvl"))
        return None, None

    def heading_level(self, style_id: str | None) -> int:
        """1…9 for Heading 1…9 / 标题 1…9, styles based on them, or an outline level."""
        for style in self.chain(style_id):
            name = (_val(style, "name") or "").strip()
            match = _HEADING_NAME.match(name)
            if match:
                return int(match.group(1))
            outline = _int(_val(style.find(_W + "pPr"), "outlineLvl"))
            if outline is not None and 0 <= outline < 9:
                return outline + 1
        return 0


@dataclass(slots=True)
class BodyParagraph:
    text: str
    marker: str = ""  # Word's generated number, as displayed
    suffix: str = "tab"
    heading: int = 0  # heading level from the style (0: body text)


# Run content that is text; everything else in a run (drawings, text boxes, field code) is not.
_RUN_TEXT = {_W + "t": None, _W + "tab": "\t", _W + "noBreakHyphen": "-", _W + "softHyphen": ""}
# Containers inside a paragraph whose runs are part of its text.
_INLINE = {_W + "hyperlink", _W + "ins", _W + "smartTag", _W + "fldSimple", _W + "customXml",
           _W + "sdt", _W + "sdtContent", _W + "moveTo", _W + "dir", _W + "bdo"}  # fmt: skip


def text_pieces(p) -> Iterator[tuple[object | None, str]]:
    """A paragraph's text in order, piece by piece: (the `w:t` element, its text) for typed
    text, (None, "\t") and the like for tabs and breaks. The fixer edits the `w:t` pieces."""

    def walk(element) -> Iterator[tuple[object | None, str]]:
        for child in element:
            tag = child.tag
            if tag == _W + "r":
                for item in child:
                    if item.tag in _RUN_TEXT:
                        kind = _RUN_TEXT[item.tag]
                        yield (item, item.text or "") if kind is None else (None, kind)
                    elif item.tag in (_W + "br", _W + "cr"):
                        yield None, "" if item.get(_W + "type") == "page" else "\n"
            elif tag in _INLINE:
                yield from walk(child)

    return walk(p)


def paragraph_text(p) -> str:
    return "".join(text for _, text in text_pieces(p))


def _body_paragraphs(body) -> Iterator[object]:
    """`w:p` of the main body in order; content controls are opened, tables skipped."""
    for child in body if body is not None else ():
        if child.tag == _W + "p":
            yield child
        elif child.tag == _W + "sdt":
            yield from _body_paragraphs(child.find(_W + "sdtContent"))
        elif child.tag in (_W + "sdtContent", _W + "customXml"):
            yield from _body_paragraphs(child)


def _related_xml(part, reltype: str):
    try:
        return part.part_related_by(reltype).element  # python-docx's parsed parts
    except (KeyError, AttributeError):
        from lxml import etree

        try:
            return etree.fromstring(part.part_related_by(reltype).blob)
        except (KeyError, AttributeError, ValueError, etree.XMLSyntaxError):
            return None  # no such part, or a damaged one: no numbering/styles to apply


def _what_is_wrong(exc: Exception) -> str:
    """The failure of opening a package, in words."""
    from lxml import etree

    if isinstance(exc, KeyError):
        return "a part it refers to is missing"
    if isinstance(exc, etree.XMLSyntaxError):
        return "its XML is broken"
    if "CRC" in str(exc) or "zip" in type(exc).__module__:
        return "its zip structure is broken"
    if type(exc).__name__ == "PackageNotFoundError":
        return "it is not a Word package"
    return "it cannot be opened as a Word package"


def read_paragraphs(data: bytes, label: str) -> list[BodyParagraph]:
    """The body paragraphs of a .docx with their generated numbers and heading levels."""
    try:
        import docx  # imported late: only .docx input needs python-docx
    except ImportError:  # pragma: no cover - a dependency
        raise InputError(f"{label}: reading .docx needs python-docx (pip install python-docx)") from None
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # a damaged package: python-docx, lxml and zip errors of many kinds
        raise InputError(
            f"{label}: damaged .docx: {_what_is_wrong(exc)} (re-save it from Word or WPS)"
        ) from None
    part = document.part
    styles = Styles(_related_xml(part, RT_STYLES))
    numbering = Numbering(_related_xml(part, RT_NUMBERING), styles)
    paragraphs = []
    for p in _body_paragraphs(document.element.body):
        ppr = p.find(_W + "pPr")
        style_id = _val(ppr, "pStyle") or styles.default
        item = BodyParagraph(paragraph_text(p))
        item.heading = styles.heading_level(style_id)
        direct_outline = _int(_val(ppr, "outlineLvl"))
        if direct_outline is not None:
            item.heading = direct_outline + 1 if 0 <= direct_outline < 9 else 0
        num_id, ilvl = _paragraph_num_pr(ppr, style_id, styles, numbering)
        if num_id and num_id != "0":
            # Word numbers an empty list paragraph too: the counter advances either way.
            marker, suffix = numbering.next_marker(num_id, ilvl)
            if item.text.strip():
                item.marker, item.suffix = marker, suffix
        paragraphs.append(item)
    return paragraphs


def _paragraph_num_pr(ppr, style_id, styles: Styles, numbering: Numbering) -> tuple[str | None, int]:
    num_pr = ppr.find(_W + "numPr") if ppr is not None else None
    num_id = _val(num_pr, "numId") if num_pr is not None else None
    ilvl = _int(_val(num_pr, "ilvl")) if num_pr is not None else None
    if num_id is None:  # numbering given by the paragraph style
        num_id, style_ilvl = styles.num_pr(style_id)
        if ilvl is None:
            ilvl = style_ilvl
        if num_id and ilvl is None:
            ilvl = numbering.level_for_style(num_id, style_id)
    return num_id, ilvl or 0


def _marked(item: BodyParagraph) -> str:
    """The paragraph as Word displays it: its number, then a tab or space (we write a
    space; the parser reads both alike) unless the level says `w:suff` nothing."""
    if not item.marker:
        return item.text
    text = item.text.lstrip(" \t\u3000")
    return item.marker + text if item.suffix == "nothing" else f"{item.marker} {text}"


@dataclass(frozen=True, slots=True)
class LineSource:
    """Where a line of the text made from a .docx comes from: column c (0-based) of the line
    is character `start + c - prefix` of body paragraph `paragraph`; the first `prefix`
    characters (a `#` heading mark, Word's generated number) are not in the paragraph."""

    paragraph: int
    start: int
    prefix: int


def docx_to_text(data: bytes, label: str = "input") -> tuple[str, dict[str, str]]:
    """The document as text: one line per body paragraph (line breaks inside a paragraph
    stay line breaks), Word's numbers written out, heading styles as `#` lines. Also notes
    on what was done, for `Outline.meta`."""
    text, meta, _ = docx_lines(data, label)
    return text, meta


def docx_lines(data: bytes, label: str = "input") -> tuple[str, dict[str, str], list[LineSource]]:
    """`docx_to_text`, and where each of its lines comes from (for `tigang fix`)."""
    from ..markers import match_marker

    paragraphs = read_paragraphs(data, label)
    meta = {"format": "docx"}
    title = _lone_title_heading(paragraphs)
    headings = [p for p in paragraphs if p.heading and p.text.strip() and p is not title]

    def numbered(p: BodyParagraph) -> bool:
        found = p.marker or match_marker(p.text.lstrip(" \t\u3000"))
        return bool(found) and (bool(p.marker) or not found[0].family.is_enumerator)

    # A document that builds its skeleton with heading styles alone: number the headings
    # conventionally, or the outline would be empty. Not when anything numbers sections.
    if headings and not any(numbered(p) for p in paragraphs if p.text.strip()):
        _number_headings(headings)
        meta["heading_markers"] = "conventional"
    lines: list[str] = []
    sources: list[LineSource] = []
    for index, p in enumerate(paragraphs):
        text = _marked(p)
        stripped = len(p.text) - len(p.text.lstrip(" \t\u3000")) if p.marker else 0
        prefix = len(text) - (len(p.text) - stripped)  # Word's number and its space
        if p.heading and p is not title and text.strip():
            mark = "#" * min(p.heading, 6) + " "
            lines.append(mark + text.replace("\n", " "))
            sources.append(LineSource(index, stripped, len(mark) + prefix))
            continue
        start = stripped
        for k, part in enumerate(text.split("\n")):
            lines.append(part)
            sources.append(LineSource(index, start, prefix if k == 0 else 0))
            start += len(part) - (prefix if k == 0 else 0) + 1
    return "\n".join(lines) + "\n", meta, sources


def _lone_title_heading(paragraphs: list[BodyParagraph]) -> BodyParagraph | None:
    """A document whose first paragraph is the only one at the top heading level uses that
    heading as its title, not as a section."""
    first = next((p for p in paragraphs if p.text.strip()), None)
    if first is None or not first.heading or first.marker:
        return None
    same = [p for p in paragraphs if p.heading and p.heading <= first.heading and p.text.strip()]
    return first if same == [first] and any(p.heading > first.heading for p in paragraphs) else None


def _number_headings(headings: list[BodyParagraph]) -> None:
    """Give unnumbered headings the conventional Chinese markers by heading rank, counting
    per parent as Word would if the headings were numbered."""
    ranks = {level: rank for rank, level in enumerate(sorted({p.heading for p in headings}))}
    counters: list[int] = [0] * len(ranks)
    for p in headings:
        rank = ranks[p.heading]
        counters[rank] += 1
        for deeper in range(rank + 1, len(counters)):
            counters[deeper] = 0
        fmt, text = CONVENTIONAL_FORMATS[min(rank, len(CONVENTIONAL_FORMATS) - 1)]
        p.marker = text.replace("%1", format_number(counters[rank], fmt))
        p.suffix = "nothing"
