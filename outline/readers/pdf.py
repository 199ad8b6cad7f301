"""PDF → text, one paragraph a line, with where each line stood on the printed pages.

pdfplumber (on pdfminer.six) reads the text layer: it gives every character with its
position and size, which is what the three jobs here need —

- **running heads, page numbers, footers** are lines in the top or bottom band of a page
  whose text (digits aside) comes back on many pages, or that are a page number alone
  (`— 3 —`, `- 3 -`, `第 3 页 共 9 页`, `3/9`);
- **hard wraps**: a line that reaches the right margin continues on the next line unless that
  one is indented (a Chinese paragraph starts two characters in), also across a page break;
- **positions**: each text line remembers the page and the line on the page (counted from the
  top, as a reader counts) of every printed line joined into it, so `show` can say `p3:12`.

Bounds, as for .docx zip bombs: a PDF over MAX_PDF_PAGES pages is refused before any page is
read, and no stream may inflate past MAX_STREAM bytes (pdfminer inflates streams whole and
has no limit of its own). A PDF with no text layer (a scan) is an InputError that says what
to do. pdfplumber is imported only when a PDF is read: `show` on a .txt stays light.
"""

from __future__ import annotations

import io
import re
import statistics
import zlib
from collections import Counter
from dataclasses import dataclass

from ..model import PageMap
from ..source import InputError

MAX_PDF_PAGES = 2000  # a 1,000-page report is the largest real input we have seen
MAX_STREAM = 64 * 1024 * 1024  # one content stream or font, inflated
BAND = 0.1  # running heads and footers stand in the top and bottom tenth of a page
REPEATED_SHARE = 0.5  # … and come back on at least half of the pages (two at least)
SPACE_GAP = 0.5  # a gap of half a character or more between two characters is a space
INDENT = 1.2  # a line starting this many characters right of the margin starts a paragraph
FULL_SLACK = 0.9  # a line that ends less than a character short of the right margin is full

_PAGE_NUMBER = re.compile(
    r"^(?:[-—–－~·\s]*[0-9０-９ivxlcIVXLC]{1,4}[-—–－~·\s]*"
    r"|第\s*\d+\s*页(?:\s*[，,]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+|page\s*\d+(?:\s*of\s*\d+)?)$",
    re.I,
)
_DIGITS = re.compile(r"[0-9０-９]+")
_CID = re.compile(r"\(cid:\d+\)")
_CJK_GAP = re.compile(r"(?<=[\u3000-\u9fff\uff00-\uffef]) +(?=[\u3000-\u9fff\uff00-\uffef])")
_LATIN_END = re.compile(r"[A-Za-z]$")
_LATIN_START = re.compile(r"^[A-Za-z]")


@dataclass(slots=True)
class PdfLine:
    page: int  # 1-based
    number: int  # 1-based line on the page, from the top
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float  # the characters' usual height
    page_height: float


def _bounded_zlib() -> None:
    """pdfminer inflates a FlateDecode stream with zlib.decompress, whole: 100 KB of zeros
    become gigabytes. Give its module a zlib whose decompress stops at MAX_STREAM."""
    from pdfminer import pdftypes

    if getattr(pdftypes.zlib, "bounded", False):
        return

    class BoundedZlib:
        bounded = True
        error = zlib.error

        def __getattr__(self, name: str):
            return getattr(zlib, name)

        @staticmethod
        def decompress(data: bytes, *args, **kwargs) -> bytes:
            inflater = zlib.decompressobj()
            out = inflater.decompress(data, MAX_STREAM + 1)
            if len(out) > MAX_STREAM:
                raise PdfTooLarge(f"a stream inflates past {MAX_STREAM // 2**20} MB")
            return out + inflater.flush()

    pdftypes.zlib = BoundedZlib()


class PdfTooLarge(Exception):
    pass


def _page_lines(page, number: int) -> list[PdfLine]:
    chars = [c for c in page.chars if c.get("text", "").strip()]
    if not chars:
        return []
    size = statistics.median(c["size"] for c in chars) or 10.0
    lines = page.extract_text_lines(
        strip=True, return_chars=False, x_tolerance=size * SPACE_GAP, y_tolerance=size * 0.3
    )
    out = []
    for index, line in enumerate(
        sorted(lines, key=lambda found: (round(found["top"]), found["x0"])), start=1
    ):
        # A gap between two Chinese characters is a full-width space (一　总体要求, 第一条　…),
        # which the grammar reads as part of a marker; pdfplumber writes every gap as " ".
        text = _CJK_GAP.sub("\u3000", line["text"])
        if text:
            out.append(
                PdfLine(
                    number,
                    index,
                    text,
                    line["x0"],
                    line["x1"],
                    line["top"],
                    line["bottom"],
                    size,
                    page.height,
                )
            )
    return out


def _open(data: bytes, label: str):
    try:
        import pdfplumber
        from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    except ImportError:  # pragma: no cover - a dependency
        raise InputError(f"{label}: reading PDF needs pdfplumber (pip install pdfplumber)") from None
    _bounded_zlib()
    try:
        return pdfplumber.open(io.BytesIO(data))
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise InputError(
            f"{label}: the PDF is encrypted; open it and save a copy without a password"
        ) from None
    except Exception as exc:  # pdfminer raises many kinds for a damaged file
        raise InputError(f"{label}: damaged PDF ({type(exc).__name__}); re-save or re-export it") from None


def read_pdf_lines(data: bytes, label: str) -> tuple[list[PdfLine], int]:
    """Every text line of every page, and the number of pages. Raises InputError."""
    pdf = _open(data, label)
    try:
        pages = pdf.pages
        if len(pages) > MAX_PDF_PAGES:
            raise InputError(
                f"{label}: refused: {len(pages):,} pages, more than a speech or report holds "
                f"(at most {MAX_PDF_PAGES:,}); split the PDF"
            )
        lines: list[PdfLine] = []
        for number, page in enumerate(pages, start=1):
            lines.extend(_page_lines(page, number))
            page.flush_cache()  # pdfplumber keeps every page's objects otherwise
        return lines, len(pages)
    except InputError:
        raise
    except Exception as exc:  # pdfplumber wraps what pdfminer raises (PdfminerException)
        bomb = _cause(exc, PdfTooLarge)
        if bomb is not None:
            raise InputError(f"{label}: refused: {bomb}, more than a real document holds") from None
        raise InputError(f"{label}: damaged PDF ({type(exc).__name__}); re-save or re-export it") from None
    finally:
        pdf.close()


def _cause(exc: BaseException, kind: type) -> BaseException | None:
    """`exc` or the exception it wraps (as cause, context or first argument) of `kind`."""
    seen = 0
    while exc is not None and seen < 8:
        if isinstance(exc, kind):
            return exc
        inner = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else None
        exc = exc.__cause__ or exc.__context__ or inner
        seen += 1
    return None


def _furniture(lines: list[PdfLine], pages: int) -> set[int]:
    """Indexes of running heads, footers and page numbers."""

    def banded(line: PdfLine) -> bool:
        return line.top < line.page_height * BAND or line.bottom > line.page_height * (1 - BAND)

    def key(line: PdfLine) -> str:
        return _DIGITS.sub("#", "".join(line.text.split()))

    in_band = [i for i, line in enumerate(lines) if banded(line)]
    per_page: dict[str, set[int]] = {}
    for i in in_band:
        per_page.setdefault(key(lines[i]), set()).add(lines[i].page)
    seen = Counter({k: len(v) for k, v in per_page.items()})
    need = max(2, int(pages * REPEATED_SHARE + 0.5))
    return {
        i
        for i in in_band
        if _PAGE_NUMBER.match(lines[i].text.strip()) or (pages >= 2 and seen[key(lines[i])] >= need)
    }


def _margins(lines: list[PdfLine]) -> tuple[float, float]:
    """The text block's left and right edges: the most common start, a high percentile of the ends."""
    if not lines:
        return 0.0, 0.0
    # Not simply the most common start: on a page of short paragraphs the indented first
    # lines are as many as the others. The margin is the leftmost start that recurs.
    starts = Counter(round(line.x0) for line in lines)
    recurring = [x for x, n in starts.items() if n >= max(2, len(lines) * 0.15)]
    left = min(recurring or starts)
    ends = sorted(line.x1 for line in lines)
    right = ends[int(len(ends) * 0.9)] if len(ends) >= 5 else ends[-1]
    return left, right


def pdf_to_text(data: bytes, label: str) -> tuple[str, dict[str, str], PageMap]:
    """The PDF's text, one paragraph a line, reader notes, and where each line was printed."""
    lines, pages = read_pdf_lines(data, label)
    if not lines:
        raise InputError(
            f"{label}: a scanned PDF: its {pages} page{'s' if pages != 1 else ''} are images with no text "
            "layer; run OCR first (e.g. ocrmypdf -l chi_sim FILE out.pdf) or use the document it was made from"
        )
    garbled = sum(len(m) for line in lines for m in _CID.findall(line.text))
    if garbled * 2 > sum(len(line.text) for line in lines):
        raise InputError(
            f"{label}: the PDF's fonts have no Unicode map, so its text cannot be read; "
            "export it again from the original document, or run OCR on it"
        )
    dropped = _furniture(lines, pages)
    body = [line for i, line in enumerate(lines) if i not in dropped]
    margins = {}
    for page in {line.page for line in body}:
        on_page = [line for line in body if line.page == page]
        margins[page] = _margins(on_page) if len(on_page) >= 5 else None
    overall = _margins(body)

    paragraphs: list[list[PdfLine]] = []
    for line in body:
        if paragraphs and _continues(paragraphs[-1][-1], line, margins, overall):
            paragraphs[-1].append(line)
        else:
            paragraphs.append([line])
    texts, positions = [], []
    for paragraph in paragraphs:
        text, where = "", []
        for line in paragraph:
            if text and _LATIN_END.search(text) and _LATIN_START.search(line.text):
                text += " "  # English words wrapped at a space; a number split by the wrap (234/5.6) is one
            where.append((len(text), line.page, line.number))
            text += _CID.sub("", line.text)
        texts.append(text)
        positions.append(tuple(where))
    meta = {"format": "pdf", "pages": str(pages)}
    if dropped:
        meta["furniture_lines"] = str(len(dropped))  # running heads, footers, page numbers
    return "\n".join(texts) + "\n", meta, PageMap(tuple(positions))


def _continues(previous: PdfLine, line: PdfLine, margins: dict, overall: tuple[float, float]) -> bool:
    """Whether `line` goes on with the paragraph `previous` ends: `previous` is full (reaches
    the right margin) and `line` starts at the left margin, on the same page or the next."""
    if line.page not in (previous.page, previous.page + 1):
        return False
    if line.page == previous.page and line.top - previous.bottom > max(previous.size, line.size) * 1.2:
        return False  # a blank line's worth of space between them
    left_a, right_a = margins.get(previous.page) or overall
    left_b, _ = margins.get(line.page) or overall
    em = max(previous.size, 1.0)
    full = previous.x1 >= right_a - FULL_SLACK * em and previous.x0 <= left_a + 4 * em
    return full and line.x0 < left_b + INDENT * em
