"""PowerPoint .pptx: a title slide, then one slide per top-level section with its sub-items as
bullets (level 2 items first-level bullets, deeper ones indented below them).

A section with more than fits on a slide goes on over further slides titled `…（续）`: the
room is measured, not counted — a bullet takes as many lines as its text needs at its size
on the slide's width, counting a Chinese character as one em and a Latin one as half. With
`body`, each section's own text and its items' go into the speaker notes.

Fonts: every run names 微软雅黑 for East Asian text (`a:ea`) and Latin alike, so PowerPoint
does not fall back to a Latin font that lacks Chinese; machines without it substitute their
own CJK font. python-pptx is imported when a .pptx is written, not before.
"""

from __future__ import annotations

import io
import math
from typing import Any

from ..model import Node, Outline
from .tree_text import kept_children, root_text, walk_kept, xml_safe

FONT = "微软雅黑"
TITLE_SIZE = 30  # points
BULLET_SIZES = (22, 18, 16, 14, 14)  # by bullet level
LINE_SPACING = 1.25
BODY_HEIGHT = 5.0  # inches of the content placeholder a slide may fill
BODY_WIDTH = 8.8  # inches of text across it


def _set_font(run, size: int, *, bold: bool = False) -> None:
    from lxml import etree
    from pptx.oxml.ns import qn
    from pptx.util import Pt

    font = run.font
    font.name = FONT  # a:latin
    font.size = Pt(size)
    font.bold = bold
    rpr = run._r.get_or_add_rPr()
    for tag in ("a:ea", "a:cs"):  # East Asian and complex-script faces
        element = rpr.find(qn(tag))
        if element is None:
            element = etree.SubElement(rpr, qn(tag))
        element.set("typeface", FONT)


def _lines(text: str, size: int, indent: int) -> int:
    """How many lines `text` takes as a bullet at `size` points, `indent` levels in."""
    ems = sum(1.0 if ord(ch) > 0x2E7F else 0.55 for ch in text)
    per_line = max(4.0, (BODY_WIDTH - 0.4 * indent) * 72 / size)
    return max(1, math.ceil(ems / per_line))


def _bullets(section: Node, depth: int | None) -> list[tuple[int, str]]:
    """(indent, text) for every item under a section, in order."""
    out = []
    for node in walk_kept(section.children, depth):
        out.append((min(node.level - section.level - 1, len(BULLET_SIZES) - 1), xml_safe(node.label)))
    return out


def _pages(bullets: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """The bullets cut into slides that each fit the content area."""
    room = BODY_HEIGHT * 72
    pages: list[list[tuple[int, str]]] = [[]]
    used = 0.0
    for indent, text in bullets:
        size = BULLET_SIZES[indent]
        height = _lines(text, size, indent) * size * LINE_SPACING + size * 0.4
        if pages[-1] and used + height > room:
            pages.append([])
            used = 0.0
        pages[-1].append((indent, text))
        used += height
    return pages


def _notes(section: Node, depth: int | None) -> str:
    parts = [f"{section.label}：{section.body}" if section.body else ""]
    parts += [f"{n.label}：{n.body}" for n in walk_kept(section.children, depth) if n.body]
    return xml_safe("\n".join(p for p in parts if p))


def render_pptx(outline: Outline, *, depth: int | None = None, body: bool = False, **_: Any) -> bytes:
    from pptx import Presentation

    deck = Presentation()
    cover = deck.slides.add_slide(deck.slide_layouts[0])
    cover.shapes.title.text_frame.text = xml_safe(root_text(outline))
    _set_font(cover.shapes.title.text_frame.paragraphs[0].runs[0], 36, bold=True)
    sections = kept_children(outline.nodes, depth)
    subtitle = outline.subtitle or f"提纲 · {len(sections)} 个部分"
    cover.placeholders[1].text_frame.text = xml_safe(subtitle)
    _set_font(cover.placeholders[1].text_frame.paragraphs[0].runs[0], 20)
    for section in sections:
        pages = _pages(_bullets(section, depth)) if depth is None or depth > 1 else [[]]
        for number, page in enumerate(pages):
            slide = deck.slides.add_slide(deck.slide_layouts[1 if page else 5])
            title = xml_safe(section.label) + ("（续）" if number else "")
            slide.shapes.title.text_frame.text = title
            _set_font(slide.shapes.title.text_frame.paragraphs[0].runs[0], TITLE_SIZE, bold=True)
            if page:
                frame = slide.placeholders[1].text_frame
                frame.word_wrap = True
                for k, (indent, text) in enumerate(page):
                    paragraph = frame.paragraphs[0] if k == 0 else frame.add_paragraph()
                    paragraph.level = indent
                    run = paragraph.add_run()
                    run.text = text
                    _set_font(run, BULLET_SIZES[indent])
            if body and number == 0:
                notes = _notes(section, depth)
                if notes:
                    slide.notes_slide.notes_text_frame.text = notes
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()
