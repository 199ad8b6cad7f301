"""Fixing a Word .docx: typed markers are rewritten inside their runs, formatting kept.

A marker the writer typed (`四、` in the paragraph's text) lives in one or more `w:t`
elements of runs that carry the formatting (`w:rPr`: font, bold, size). The new marker text
goes into the first of those elements and the rest of the old one is taken out of the
others; runs and their properties are untouched. Only word/document.xml is rewritten: every
other part of the package is copied as it was.

Word's automatic numbering needs no fix: Word computes those numbers itself, in order, and
a skipped or repeated one cannot happen. The table of contents of a Word file is a field
Word updates (References → Update Table), so it is not rewritten either.
"""

from __future__ import annotations

import io
import zipfile

from ..lint.config import CheckConfig
from ..parser import parse_text
from ..readers.docx import _W, LineSource, _body_paragraphs, docx_lines, text_pieces
from ..source import InputError
from . import MAX_ROUNDS, FixResult
from .plan import Edit, Lines, plan_fixes

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _main_part(archive: zipfile.ZipFile) -> str:
    """The name of the main document part (word/document.xml, or what [Content_Types] says)."""
    names = archive.namelist()
    if "word/document.xml" in names:
        return "word/document.xml"
    from lxml import etree

    types = etree.fromstring(archive.read("[Content_Types].xml"))
    for override in types:
        if "wordprocessingml.document.main+xml" in (override.get("ContentType") or ""):
            return override.get("PartName", "").lstrip("/")
    raise InputError("no main document part")  # pragma: no cover - the reader refused it before


def _replace(paragraph, start: int, end: int, new: str) -> bool:
    """Replace characters start..end of a paragraph's text with `new`, inside its `w:t`
    elements. False (nothing changed) when the span touches a tab or a break."""
    covered = []
    offset = 0
    for element, text in text_pieces(paragraph):
        piece_end = offset + len(text)
        if (offset < end and start < piece_end) or (start == end == offset and element is not None):
            covered.append((element, offset, text))
        offset = piece_end
    if not covered or any(element is None for element, _, _ in covered):
        return False
    first = True
    for element, piece_start, text in covered:
        a, b = max(start - piece_start, 0), min(end - piece_start, len(text))
        element.text = text[:a] + (new if first else "") + text[b:]
        element.set(XML_SPACE, "preserve")  # spaces at a run's edge must survive
        first = False
    return True


def _apply(root, sources: list[LineSource], lines: Lines, edits: list[Edit]) -> list[Edit]:
    """Apply the edits that fall in typed text; return those applied. Right to left, so
    earlier offsets in a paragraph stay valid."""
    paragraphs = list(_body_paragraphs(root.find(_W + "body")))
    applied = []
    for edit in sorted(edits, key=lambda e: e.start, reverse=True):
        line = lines.line_of(edit.start)
        source = sources[line - 1]
        column = edit.start - lines.starts[line - 1]
        if column < source.prefix:
            continue  # Word's automatic number, or a heading mark: nothing typed to fix
        start = source.start + column - source.prefix
        if _replace(paragraphs[source.paragraph], start, start + len(edit.old), edit.new):
            applied.append(edit)
    return applied[::-1]


def _rezip(data: bytes, part: str, xml: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            target.writestr(info, xml if info.filename == part else source.read(info.filename))
    return out.getvalue()


def fix_docx(data: bytes, label: str, config: CheckConfig | None = None) -> FixResult:
    """Fix the typed markers of a .docx (the reader's zip-bomb checks apply: it is read first)."""
    from lxml import etree

    before, _, _ = docx_lines(data, label)
    result = FixResult(before, before, data=data)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        part = _main_part(archive)
    for _ in range(MAX_ROUNDS):
        text, _, sources = docx_lines(result.data, label)
        edits = plan_fixes(parse_text(text), text, config)
        if not edits:
            break
        with zipfile.ZipFile(io.BytesIO(result.data)) as archive:
            root = etree.fromstring(archive.read(part))
        applied = _apply(root, sources, Lines(text), edits)
        if not applied:
            break
        xml = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
        result.data = _rezip(result.data, part, xml)
        result.edits.extend(applied)
    result.text = docx_lines(result.data, label)[0]
    return result
