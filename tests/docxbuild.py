"""Building .docx files for tests with python-docx, including real Word list numbering.

`NumberedDocument` adds `w:abstractNum` / `w:num` definitions to the package's numbering
part (abstract definitions before list instances, as the schema wants) and paragraphs that
point at them through `w:numPr`, exactly as Word stores automatic numbering.
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

W_NS = nsdecls("w")


def level_xml(ilvl: int, fmt: str, text: str, start: int = 1, *, restart: int | None = None,
              suffix: str | None = None, style: str | None = None, legal: bool = False) -> str:  # fmt: skip
    extra = f'<w:lvlRestart w:val="{restart}"/>' if restart is not None else ""
    extra += f'<w:pStyle w:val="{style}"/>' if style else ""
    extra += "<w:isLgl/>" if legal else ""
    suff = f'<w:suff w:val="{suffix}"/>' if suffix else ""
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>{extra}{suff}'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>'
    )


class NumberedDocument:
    def __init__(self) -> None:
        self.document = docx.Document()
        self.numbering = self.document.part.numbering_part.element
        self._next_abstract = 100
        self._next_num = 100

    def add_abstract(self, levels: list[str]) -> str:
        """An abstract list from `level_xml` strings; returns its abstractNumId."""
        key = str(self._next_abstract)
        self._next_abstract += 1
        element = parse_xml(
            f'<w:abstractNum {W_NS} w:abstractNumId="{key}">{"".join(levels)}</w:abstractNum>'
        )
        first_num = self.numbering.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(element)
        else:
            self.numbering.append(element)
        return key

    def add_num(self, abstract: str, start_overrides: dict[int, int] | None = None) -> str:
        """A list instance (`w:num`) of an abstract list; returns its numId."""
        key = str(self._next_num)
        self._next_num += 1
        overrides = "".join(
            f'<w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{start}"/></w:lvlOverride>'
            for ilvl, start in (start_overrides or {}).items()
        )
        self.numbering.append(
            parse_xml(
                f'<w:num {W_NS} w:numId="{key}"><w:abstractNumId w:val="{abstract}"/>{overrides}</w:num>'
            )
        )
        return key

    def add(self, text: str, num: str | None = None, ilvl: int = 0, style: str | None = None):
        paragraph = self.document.add_paragraph(text, style=style)
        if num is not None:
            ppr = paragraph._p.get_or_add_pPr()
            ppr.append(
                parse_xml(f'<w:numPr {W_NS}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr>')
            )
        return paragraph

    def style_numbering(self, style_name: str, num: str, ilvl: int | None = None) -> None:
        """Numbering given by a paragraph style (as Word's multilevel list linked to headings)."""
        style = self.document.styles[style_name]
        ppr = style.element.get_or_add_pPr()
        level = f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
        ppr.append(parse_xml(f'<w:numPr {W_NS}>{level}<w:numId w:val="{num}"/></w:numPr>'))

    def save(self, path: Path) -> Path:
        self.document.save(str(path))
        return path


CHINESE_LIST = [
    level_xml(0, "chineseCounting", "%1、"),
    level_xml(1, "chineseCounting", "（%2）"),
    level_xml(2, "decimal", "%3."),
    level_xml(3, "decimal", "（%4）"),
    level_xml(4, "decimalEnclosedCircle", "%5"),
]
