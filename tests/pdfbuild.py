"""Typesetting test PDFs with reportlab, the way reports are printed: justified lines of a
Chinese font, paragraphs indented two characters, a running head at the top of every page
and a page number (— 3 —) at the bottom. The font is the standard CID font STSong-Light
(Adobe-GB1, not embedded), so the reader must decode Chinese through its CMaps."""

from __future__ import annotations

from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))
WIDTH, HEIGHT = 595, 842  # A4 in points
LEFT, RIGHT, TOP, BOTTOM = 79, 74, 100, 90  # 公文 margins, about 28 mm and 26 mm
NO_LINE_START = "，。；：、！？）”》"


def wrap(paragraph: str, size: float, width: float, indent: float) -> list[str]:
    """Lines of at most `width` points, the first indented; no punctuation starts a line."""
    lines, current, room = [], "", width - indent
    for ch in paragraph:
        if current and pdfmetrics.stringWidth(current + ch, FONT, size) > room:
            if ch in NO_LINE_START:  # 禁则: pull the last character down with it
                lines.append(current[:-1])
                current = current[-1]
            else:
                lines.append(current)
                current = ""
            room = width
        current += ch
    lines.append(current)
    return lines


def make_pdf(
    path: Path,
    paragraphs: list[str],
    *,
    size: float = 16,
    head: str | None = "某某县人民政府工作报告",
    page_numbers: bool = True,
    title: str | None = None,
) -> Path:
    """A PDF of `paragraphs` (each one a paragraph); the title, if any, centred on page one."""
    pdf = canvas.Canvas(str(path), pagesize=(WIDTH, HEIGHT))
    width = WIDTH - LEFT - RIGHT
    leading = size * 1.75
    page = 1
    y = HEIGHT - TOP

    def furniture() -> None:
        if head:
            pdf.setFont(FONT, 10.5)
            pdf.drawCentredString(WIDTH / 2, HEIGHT - 50, head)
            pdf.line(LEFT, HEIGHT - 56, WIDTH - RIGHT, HEIGHT - 56)
        if page_numbers:
            pdf.setFont(FONT, 12)
            pdf.drawCentredString(WIDTH / 2, 45, f"— {page} —")

    def new_page() -> None:
        nonlocal page, y
        furniture()
        pdf.showPage()
        page += 1
        y = HEIGHT - TOP

    if title:
        pdf.setFont(FONT, 22)
        pdf.drawCentredString(WIDTH / 2, y, title)
        y -= 22 * 2.5
    for paragraph in paragraphs:
        lines = wrap(paragraph, size, width, 2 * size)
        for k, line in enumerate(lines):
            if y < BOTTOM:
                new_page()
            x = LEFT + (2 * size if k == 0 else 0)
            text = pdf.beginText(x, y)
            text.setFont(FONT, size)
            if k < len(lines) - 1 and len(line) > 1:  # justified: spread to the right margin
                natural = pdfmetrics.stringWidth(line, FONT, size)
                text.setCharSpace((LEFT + width - x - natural) / (len(line) - 1))
            text.textOut(line)
            pdf.drawText(text)
            y -= leading
    furniture()
    pdf.showPage()
    pdf.save()
    return path


def make_scanned_pdf(path: Path, pages: int = 2) -> Path:
    """Pages with pictures (grey blocks where a scan's text would be) and no text at all."""
    pdf = canvas.Canvas(str(path), pagesize=(WIDTH, HEIGHT))
    for _ in range(pages):
        pdf.setFillGray(0.3)
        for row in range(20):
            pdf.rect(LEFT, HEIGHT - TOP - row * 28, WIDTH - LEFT - RIGHT, 14, fill=1, stroke=0)
        pdf.showPage()
    pdf.save()
    return path
