"""PDF extraction quality: real texts typeset by a word processor, read back from the PDF.

Each text (by default the real texts in ../shared) is laid out as a 公文 in LibreOffice
Writer — A4, 16 pt justified, paragraphs indented two characters, a running head and a
`— n —` page-number footer — and printed to PDF by LibreOffice. tigang then reads the PDF
and its outline is compared with the outline of the text itself: node F1 over (level, label).

    python benchmarks/bench_pdf.py                 # the texts in ../shared
    python benchmarks/bench_pdf.py a.txt b.txt -v  # these texts; -v lists the differing nodes

Needs LibreOffice (soffice). The PDFs are made in a temporary folder, one LibreOffice run.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from goldfile import SHARED

from tigang.outline import parse_file
from tigang.outline.readers import read_document
from tigang.outline.readers.legacy import soffice


def typeset_docx(text_path: Path, out: Path) -> Path:
    """The text as a Word file laid out like a printed report."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn
    from docx.shared import Cm, Pt

    lines = [line.strip() for line in read_document(text_path).text.splitlines() if line.strip()]
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.size = Pt(16)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "Noto Serif CJK SC")
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)
    section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)
    head = section.header.paragraphs[0]
    head.text = lines[0][:30]
    head.alignment = WD_ALIGN_PARAGRAPH.CENTER
    foot = section.footer.paragraphs[0]
    foot.alignment = WD_ALIGN_PARAGRAPH.CENTER
    foot.add_run("— ")
    for xml in (
        '<w:fldChar {} w:fldCharType="begin"/>',
        '<w:instrText {} xml:space="preserve"> PAGE </w:instrText>',
        '<w:fldChar {} w:fldCharType="end"/>',
    ):
        foot.add_run()._r.append(parse_xml(xml.format(nsdecls("w"))))
    foot.add_run(" —")
    for line in lines:
        paragraph = document.add_paragraph(line)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        paragraph.paragraph_format.first_line_indent = Pt(32)
    document.save(str(out))
    return out


def typeset_pdfs(texts: list[Path], folder: Path) -> list[Path]:
    """PDFs of the texts, printed by LibreOffice in one run."""
    docs = [typeset_docx(text, folder / f"{k:03d}.docx") for k, text in enumerate(texts)]
    subprocess.run(
        [soffice(), f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(folder), *map(str, docs)],
        capture_output=True, timeout=600, check=True,
    )  # fmt: skip
    return [doc.with_suffix(".pdf") for doc in docs]


def labels(path: Path) -> list[tuple[int, str]]:
    return [(node.level, node.label) for node in parse_file(str(path)).walk()]


def node_f1(a: list, b: list) -> tuple[int, float]:
    hits = len(set(a) & set(b))
    return hits, (2 * hits / (len(a) + len(b)) if a or b else 1.0)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("texts", nargs="*", type=Path)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    if soffice() is None:
        print("needs LibreOffice (soffice)", file=sys.stderr)
        return 2
    texts = args.texts or sorted((SHARED / "corpus" / "raw").glob("*.txt")) + sorted(
        (SHARED / "seeds").glob("*.txt")
    )
    total = [0, 0, 0]
    with tempfile.TemporaryDirectory() as folder:
        for text, pdf in zip(texts, typeset_pdfs(texts, Path(folder)), strict=True):
            a, b = labels(text), labels(pdf)
            hits, f1 = node_f1(a, b)
            total = [total[0] + hits, total[1] + len(a), total[2] + len(b)]
            meta = read_document(pdf).meta
            print(
                f"{text.name[:36]:38s} {meta['pages']:>3} pages  {len(a):4d}/{len(b):4d} nodes  F1 {f1:.3f}"
            )
            if args.verbose:
                for item in (x for x in a if x not in b):
                    print("   text only:", item)
                for item in (x for x in b if x not in a):
                    print("   PDF only: ", item)
    print(
        f"node F1 {2 * total[0] / max(1, total[1] + total[2]):.3f} ({total[1]} text nodes, {total[2]} PDF nodes)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
