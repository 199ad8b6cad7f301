"""Word .docx: the outline as headings, so Word's navigation pane shows it.

Each item is a paragraph in Word's built-in heading style for its level ("Heading 1" …
"Heading 9", shown as 标题 1 … 标题 9 in Chinese Word; deeper items stay at 9), the title in
the Title style. Markers are typed text (`一、统一思想`) by default. With `word_numbering`
they are Word's own automatic numbering instead: one multilevel list whose level formats
are read off the document (一、 → chineseCounting `%1、`, （一） → `（%2）`, 1. → `%3.`, ① …),
so Word renumbers when the writer moves a section. A level whose marker Word cannot generate
(首先, 一方面) keeps typed markers. With `body`, each item's own text follows as a normal paragraph.

Chinese fonts are set where Word looks for them (`w:rFonts w:eastAsia`): 宋体 for text, 黑体
for headings, the 公文 habit; other machines substitute their own CJK fonts.
python-docx is imported when a .docx is written, not before.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from typing import Any

from ..model import Family, Marker, Node, Outline
from .tree_text import root_text, walk_kept, xml_safe

BODY_FONT = "宋体"
HEADING_FONT = "黑体"
MAX_HEADING = 9  # Word has nine heading levels
_CN = re.compile(r"[零〇一二三四五六七八九十百千两]+")
_CAPITAL = re.compile(r"[壹贰貳叁參参肆伍陆陸柒捌玖拾佰]+")
_DIGITS = re.compile(r"[0-9]+")
# Families whose markers Word can generate, and the number format for each (w:numFmt).
_FORMATS = {
    Family.SECTION: "chineseCounting",
    Family.PAREN_SECTION: "chineseCounting",
    Family.DIVISION: "chineseCounting",
    Family.ORDINAL: "chineseCounting",
    Family.SHI: "chineseCounting",
    Family.YAO: "chineseCounting",
    Family.ARABIC: "decimal",
    Family.ARABIC_CLOSE: "decimal",
    Family.PAREN_ARABIC: "decimal",
    Family.CIRCLED: "decimalEnclosedCircle",
    Family.ROMAN: "upperRoman",
}


def level_format(marker: Marker, level: int) -> tuple[str, str, str] | None:
    """(w:numFmt, w:lvlText, w:suff) that makes Word write markers like `marker` at `level`
    (1-based), or None when Word cannot: `（一）` → ("chineseCounting", "（%2）", "nothing")."""
    fmt = _FORMATS.get(marker.family)
    text = marker.text
    if fmt is None:
        return None
    if marker.family is Family.CIRCLED:
        return fmt, f"%{level}", "nothing"
    if marker.family is Family.PAREN_ARABIC and len(text) == 1:  # ⑴
        return "decimalEnclosedParen", f"%{level}", "nothing"
    if marker.family is Family.ARABIC and len(text) == 1:  # ⒈
        return "decimalEnclosedFullstop", f"%{level}", "nothing"
    if marker.family is Family.PAREN_SECTION and len(text) == 1:  # ㈠: Word has no such format
        return "chineseCounting", f"（%{level}）", "nothing"
    if marker.family is Family.ROMAN:
        pattern = re.compile(r"^[IVX]+|^[\u2160-\u216b]")
    elif _CAPITAL.search(text):
        fmt, pattern = "chineseLegalSimplified", _CAPITAL
    else:
        pattern = _CN if fmt.startswith("chinese") else _DIGITS
    found = pattern.search(text, 1 if marker.family in (Family.DIVISION, Family.ORDINAL) else 0)
    if found is None:
        return None
    suffix = "space" if marker.family is Family.DIVISION else "nothing"  # 第一章 总则
    return fmt, text[: found.start()] + f"%{level}" + text[found.end() :], suffix


def _fonts(document) -> None:
    from docx.oxml.ns import qn

    for name, font in [("Normal", BODY_FONT), ("Title", HEADING_FONT), ("Subtitle", HEADING_FONT)] + [
        (f"Heading {n}", HEADING_FONT) for n in range(1, MAX_HEADING + 1)
    ]:
        style = document.styles[name]
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        fonts.set(qn("w:eastAsia"), font)
        if name != "Normal":
            style.font.color.rgb = None  # the template's blue headings: 公文 headings are black


class _Numbering:
    """One multilevel list for the whole outline, its level formats read off the document."""

    def __init__(self, document, roots: tuple[Node, ...], nodes: list[Node]) -> None:
        from docx.oxml import parse_xml
        from docx.oxml.ns import nsdecls

        by_level: dict[int, Counter] = {}
        example: dict[tuple[int, str], Marker] = {}
        for node in nodes:
            level = min(node.level, MAX_HEADING)
            by_level.setdefault(level, Counter())[node.marker.style] += 1
            example.setdefault((level, node.marker.style), node.marker)
        self.styles: dict[int, str] = {}
        levels = []
        for level in range(1, MAX_HEADING + 1):
            counts = by_level.get(level)
            made = None
            if counts:
                style = counts.most_common(1)[0][0]
                made = level_format(example[(level, style)], level)
                if made:
                    self.styles[level] = style
            fmt, text, suffix = made or ("decimal", f"%{level}.", "nothing")
            # Articles count through a whole law (第三条 under 第二章): never restart them.
            restart = '<w:lvlRestart w:val="0"/>' if made and self._continues(roots, nodes, level) else ""
            levels.append(
                f'<w:lvl w:ilvl="{level - 1}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>{restart}'
                f'<w:suff w:val="{suffix}"/><w:lvlText w:val="{xml_safe(text)}"/>'
                f'<w:lvlJc w:val="left"/></w:lvl>'
            )
        numbering = document.part.numbering_part.element
        abstract = parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">'
            f'<w:multiLevelType w:val="multilevel"/>{"".join(levels)}</w:abstractNum>'
        )
        first = numbering.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}num")
        if first is not None:
            first.addprevious(abstract)  # the schema wants abstract definitions first
        else:
            numbering.append(abstract)
        numbering.append(
            parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>')
        )

    def _continues(self, roots: tuple[Node, ...], nodes: list[Node], level: int) -> bool:
        """Whether the level's items number on across their parents: a later parent's first
        item of the style is not 1."""
        style = self.styles[level]
        groups = [roots, *(n.children for n in nodes)]
        firsts = [next((c for c in g if c.marker.style == style and c.level == level), None) for g in groups]
        found = [f for f in firsts if f is not None]
        return any(f.number != 1 for f in found[1:])

    def apply(self, paragraph, node: Node) -> bool:
        """Number `paragraph` as `node`'s level, if the level's format writes its marker."""
        from docx.oxml import parse_xml
        from docx.oxml.ns import nsdecls

        level = min(node.level, MAX_HEADING)
        if self.styles.get(level) != node.marker.style:
            return False
        paragraph._p.get_or_add_pPr().append(
            parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level - 1}"/><w:numId w:val="90"/></w:numPr>')
        )
        return True


def render_docx(
    outline: Outline,
    *,
    depth: int | None = None,
    body: bool = False,
    word_numbering: bool = False,
    **_: Any,
) -> bytes:
    import docx

    document = docx.Document()
    _fonts(document)
    title = xml_safe(root_text(outline))
    document.core_properties.title = title
    document.add_paragraph(title, style="Title")
    if outline.subtitle:
        document.add_paragraph(xml_safe(outline.subtitle), style="Subtitle")
    nodes = list(walk_kept(outline.nodes, depth))
    numbering = _Numbering(document, outline.nodes, nodes) if word_numbering else None
    for node in nodes:
        paragraph = document.add_paragraph(style=f"Heading {min(node.level, MAX_HEADING)}")
        numbered = numbering is not None and numbering.apply(paragraph, node)
        paragraph.add_run(xml_safe(node.heading if numbered else node.label))
        if body and node.body:
            document.add_paragraph(xml_safe(node.body))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
