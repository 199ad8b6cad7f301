"""PDF input: the outline of a typeset report equals that of its text; running heads, page
numbers and footers are dropped; hard-wrapped lines are rejoined across pages; `show` says
where an item is printed (p3:12); scans, bombs, encrypted and damaged files end in one line.
Also .doc/.wps through LibreOffice."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner
from pdfbuild import make_pdf, make_scanned_pdf
from test_reliability import one_line_error

from tigang.cli import cli
from tigang.outline import parse_file
from tigang.outline.readers import legacy, pdf, read_document

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "讲话稿示例.txt"
OTHER = ROOT / "examples" / "项目推进会讲话.txt"


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def paragraphs(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def labels(outline) -> list[tuple[int, str]]:
    return [(node.level, node.label) for node in outline.walk()]


def node_f1(gold: list, found: list) -> float:
    hits = len(set(gold) & set(found))
    return 2 * hits / (len(gold) + len(found)) if gold or found else 1.0


@pytest.fixture(scope="module")
def example_pdf(tmp_path_factory) -> Path:
    """The example speech as a printed report: without the web page's advertising lines."""
    return make_pdf(tmp_path_factory.mktemp("pdf") / "讲话稿.pdf", paragraphs(EXAMPLE)[2:-2])


@pytest.mark.parametrize("source", [EXAMPLE, OTHER], ids=["example", "other"])
def test_the_outline_of_a_typeset_pdf_equals_that_of_its_text(source, tmp_path):
    typeset = make_pdf(tmp_path / "speech.pdf", paragraphs(source))
    assert node_f1(labels(parse_file(str(source))), labels(parse_file(str(typeset)))) == 1.0


def test_running_heads_and_page_numbers_are_dropped_and_wraps_rejoined(example_pdf):
    document = read_document(example_pdf)
    assert document.kind == "pdf" and document.meta["pages"] == "2"
    assert "某某县人民政府工作报告" not in document.text
    assert "— 1 —" not in document.text and "— 2 —" not in document.text
    # Every paragraph of the source is one line again, across the page break too. (A gap
    # between Chinese characters comes back as a full-width space: 抓项目　强产业.)
    assert document.text.replace("\u3000", " ").splitlines() == paragraphs(EXAMPLE)[2:-2]


def test_small_print_and_digits_wrap_and_join(tmp_path):
    """Half-width digits make lines of different character counts: the margins decide."""
    text = [
        "关于2024年预算执行情况的报告",
        "一、2024年预算执行情况",
        "全年一般公共预算收入完成1234.5亿元，增长6.8%，其中税收收入987.6亿元，增长5.2%，"
        "非税收入246.9亿元。全年一般公共预算支出完成2345.6亿元，增长7.1%。" * 20,
        "二、2025年预算草案",
        "（一）收入预算。预计增长5%左右。",
        "（二）支出预算。重点保障民生。",
    ]
    typeset = make_pdf(tmp_path / "budget.pdf", text, size=12, head="2025年预算报告")
    document = read_document(typeset)
    assert document.meta["pages"] == "2"  # the long paragraph runs over the page break
    assert document.text.splitlines() == text
    outline = parse_file(str(typeset))
    assert [n.label for n in outline.walk()] == [
        "一、2024年预算执行情况",
        "二、2025年预算草案",
        "（一）收入预算",
        "（二）支出预算",
    ]


def test_show_prints_page_and_line(example_pdf):
    result = run("show", str(example_pdf))
    assert result.exit_code == 0, result.output
    assert "一、统一思想，充分认识项目建设的重要意义  :p1:9" in result.output
    assert "（二）抓好招商引资  :p2:2" in result.output
    data = json.loads(run("show", str(example_pdf), "--format", "json").output)
    first = data["outline"][0]
    assert (first["page"], first["page_line"]) == (1, 9)
    inline = first["children"][0]  # 一是… stands inside a paragraph: its own printed line
    assert inline["marker"] == "一是" and (inline["page"], inline["page_line"]) == (1, 11)
    assert data["meta"]["format"] == "pdf"


def test_the_pdf_json_follows_the_schema(example_pdf):
    import jsonschema

    schema = json.loads((ROOT / "docs" / "outline.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(json.loads(run("show", str(example_pdf), "--format", "json").output), schema)


def test_a_pdf_outline_round_trips_with_its_pages(example_pdf):
    """Outline.to_dict keeps where each line was printed: from_dict gives the same outline, and
    the same p3:12 for every item."""
    import json

    from tigang.outline import Outline

    outline = parse_file(example_pdf)
    assert outline.pages is not None
    again = Outline.from_dict(json.loads(json.dumps(outline.to_dict(), ensure_ascii=False)))
    assert again == outline
    assert [again.where(n) for n in again.walk()] == [outline.where(n) for n in outline.walk()]
    assert all(outline.where(n).startswith("p") for n in outline.walk())


def test_a_scanned_pdf_is_one_line_with_what_to_do(tmp_path):
    line = one_line_error(run("show", str(make_scanned_pdf(tmp_path / "scan.pdf"))))
    assert "scanned PDF" in line and "OCR" in line


def _raw_pdf(content: bytes, filters: str = "/Filter /FlateDecode") -> bytes:
    """A one-page PDF whose page content is the given (compressed) stream."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d %s >>\nstream\n" % (len(content), filters.encode()) + content + b"\nendstream",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return out


def test_a_pdf_stream_bomb_is_refused(tmp_path):
    """80 KB that inflate to 100 MB: refused, not inflated into memory."""
    bomb = tmp_path / "bomb.pdf"
    bomb.write_bytes(_raw_pdf(zlib.compress(b" " * (100 * 1024 * 1024), 9)))
    assert bomb.stat().st_size < 200_000
    line = one_line_error(run("show", str(bomb)))
    assert "refused" in line and "inflates" in line


def test_too_many_pages_are_refused(tmp_path, monkeypatch, example_pdf):
    monkeypatch.setattr(pdf, "MAX_PDF_PAGES", 1)
    line = one_line_error(run("show", str(example_pdf)))
    assert "refused: 2 pages" in line


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"%PDF-1.4\n1 0 obj garbage", "damaged PDF"),
        (b"%PDF-1.7\n" + b"\x00\xff" * 100, "damaged PDF"),
    ],
)
def test_damaged_pdfs_are_one_line(tmp_path, content, words):
    path = tmp_path / "bad.pdf"
    path.write_bytes(content)
    assert words in one_line_error(run("show", str(path)))


def test_an_encrypted_pdf_is_one_line(tmp_path):
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    path = tmp_path / "locked.pdf"
    locked = canvas.Canvas(str(path), encrypt=StandardEncryption("secret", canPrint=0))
    locked.drawString(72, 720, "1. locked")
    locked.save()
    assert "encrypted" in one_line_error(run("show", str(path)))


def test_show_on_text_does_not_import_the_pdf_libraries():
    code = f"""
import sys
sys.argv = ["tigang", "show", {str(EXAMPLE)!r}]
import tigang.cli
try:
    tigang.cli.main()
except SystemExit:
    pass
sys.stderr.write(",".join(m for m in ("pdfplumber", "pdfminer", "pptx", "docx") if m in sys.modules))
"""
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.stderr == ""


# ------------------------------------------------------------------ .doc and .wps


def test_legacy_doc_without_libreoffice_says_what_to_do(tmp_path, monkeypatch):
    monkeypatch.setenv("TIGANG_SOFFICE", "no-such-soffice")
    path = tmp_path / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    line = one_line_error(run("show", str(path)))
    assert "needs LibreOffice" in line and "save as .docx" in line
    wps = tmp_path / "old.wps"
    wps.write_bytes(path.read_bytes())
    assert "WPS .wps needs LibreOffice" in one_line_error(run("show", str(wps)))


def test_legacy_doc_is_read_through_libreoffice(tmp_path):
    import docx

    if legacy.soffice() is None:
        if os.environ.get("TIGANG_REQUIRE_OFFICE"):
            pytest.fail("LibreOffice is required here (.ci/run installs it)")
        pytest.skip("LibreOffice is not installed")

    document = docx.Document()
    for line in paragraphs(EXAMPLE):
        document.add_paragraph(line)
    source = tmp_path / "讲话稿.docx"
    document.save(str(source))
    subprocess.run(
        [legacy.soffice(), f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
         "--convert-to", "doc", "--outdir", str(tmp_path / "doc"), str(source)],
        capture_output=True, timeout=180, check=True,
    )  # fmt: skip
    old = tmp_path / "doc" / "讲话稿.doc"
    assert old.read_bytes()[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    outline = parse_file(str(old))
    assert outline.meta["converted"] == "libreoffice"
    assert labels(outline) == labels(parse_file(str(EXAMPLE)))
    fixed = CliRunner().invoke(cli, ["fix", str(old), "--write"])
    assert fixed.exit_code == 2 and "save it as .docx" in fixed.output
    wps = old.with_suffix(".wps")  # WPS writes the same binary format
    wps.write_bytes(old.read_bytes())
    assert labels(parse_file(str(wps))) == labels(outline)


# ------------------------------------------------------------------ real texts, printed by a word processor


def test_real_texts_printed_by_libreoffice_read_back(shared, tmp_path):
    """Two real texts from ../shared laid out as printed reports by LibreOffice Writer (fonts
    embedded as it embeds them, a running head, a page-number field): the outlines read
    from the PDFs equal those of the texts. One has headings like 一　解放思想… whose
    ideographic space comes out of the PDF as a gap. (benchmarks/bench_pdf.py runs all.)"""
    if legacy.soffice() is None:
        if os.environ.get("TIGANG_REQUIRE_OFFICE"):
            pytest.fail("LibreOffice is required here (.ci/run installs it)")
        pytest.skip("LibreOffice is not installed")
    from bench_pdf import labels as text_labels
    from bench_pdf import typeset_pdfs

    texts = [
        shared / "corpus" / "raw" / "src14_deng1978_speech_excerpt_gb18030.txt",
        shared / "seeds" / "002_bcdac662245758db.txt",
    ]
    for text, printed in zip(texts, typeset_pdfs(texts, tmp_path), strict=True):
        document = read_document(printed)
        assert int(document.meta["pages"]) >= 4 and int(document.meta["furniture_lines"]) >= 8
        assert text_labels(printed) == text_labels(text), text.name
