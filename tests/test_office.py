"""Word and PowerPoint exports: headings in Word's built-in styles (the navigation pane's
outline), typed markers or Word's own numbering, slides per section split when too long,
Chinese fonts set. Word and PowerPoint are not available here, so LibreOffice opens both in a
test (converted to PDF, read back with pdftotext). CI installs LibreOffice and poppler
(.ci/run) and sets TIGANG_REQUIRE_OFFICE, so there those tests run instead of skipping."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from tigang.cli import cli
from tigang.outline import parse_file, parse_text
from tigang.outline.readers.legacy import soffice
from tigang.outline.render import render_docx, render_pptx
from tigang.outline.render.word import level_format

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "讲话稿示例.txt"
LAW = "第一章 总则\n第一条 为了规范，制定本法。\n第二条 本法适用于全国。\n第二章 附则\n第三条 本法自公布之日起施行。\n"


def labels(outline) -> list[tuple[int, str]]:
    return [(node.level, node.label) for node in outline.walk()]


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def office_tools() -> tuple[str, str]:
    tools = soffice(), shutil.which("pdftotext")
    if None in tools:
        if os.environ.get("TIGANG_REQUIRE_OFFICE"):
            pytest.fail("LibreOffice and pdftotext are required here (.ci/run installs them)")
        pytest.skip("LibreOffice or pdftotext is not installed")
    return tools


# ------------------------------------------------------------------ Word


@pytest.mark.parametrize("numbering", [False, True], ids=["typed", "word-numbering"])
def test_word_export_reads_back_as_the_same_outline(tmp_path, numbering):
    path = tmp_path / "提纲.docx"
    result = run("export", str(EXAMPLE), "-o", str(path), *(["--word-numbering"] if numbering else []))
    assert result.exit_code == 0, result.output
    assert labels(parse_file(str(path))) == labels(parse_file(str(EXAMPLE)))


def test_word_export_uses_the_built_in_heading_styles(tmp_path):
    import docx

    outline = parse_file(str(EXAMPLE))
    document = docx.Document(io.BytesIO(render_docx(outline)))
    paragraphs = document.paragraphs
    assert paragraphs[0].style.name == "Title" and paragraphs[0].text == outline.title
    headings = [(p.style.name, p.text) for p in paragraphs[1:]]
    assert headings == [(f"Heading {level}", label) for level, label in labels(outline)]
    # Built-in heading styles carry the outline levels the navigation pane reads.
    assert document.styles["Heading 2"].element.xpath("string(w:pPr/w:outlineLvl/@w:val)") in ("1", "")
    east_asian = document.styles["Heading 1"].element.xpath("string(w:rPr/w:rFonts/@w:eastAsia)")
    assert east_asian == "黑体"


def test_word_numbering_formats_follow_the_document(tmp_path):
    outline = parse_file(str(EXAMPLE))
    data = render_docx(outline, word_numbering=True)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        numbering = package.read("word/numbering.xml").decode()
        body = package.read("word/document.xml").decode()
    assert 'w:lvlText w:val="%1、"' in numbering and 'w:numFmt w:val="chineseCounting"' in numbering
    assert 'w:lvlText w:val="%2是"' in numbering  # level 2 is mostly 一是 here
    assert "一、统一思想" not in body and "统一思想，充分认识" in body  # the number is Word's
    assert "首先，大项目好项目偏少" in body  # 首先 has no Word format: typed


@pytest.mark.parametrize(
    ("text", "level", "expected"),
    [
        ("（一）", 2, ("chineseCounting", "（%2）", "nothing")),
        ("1．", 3, ("decimal", "%3．", "nothing")),
        ("第一章", 1, ("chineseCounting", "第%1章", "space")),
        ("第一，", 2, ("chineseCounting", "第%2，", "nothing")),
        ("③", 4, ("decimalEnclosedCircle", "%4", "nothing")),
        ("壹、", 1, ("chineseLegalSimplified", "%1、", "nothing")),
        ("⒈", 3, ("decimalEnclosedFullstop", "%3", "nothing")),
        ("㈠", 2, ("chineseCounting", "（%2）", "nothing")),  # Word has no ㈠ format
    ],
)
def test_word_level_formats(text, level, expected):
    from tigang.outline.markers import match_marker

    assert level_format(match_marker(text + "标题 ")[0], level) == expected


def test_word_export_of_a_law_keeps_its_chapters(tmp_path):
    path = tmp_path / "law.docx"
    path.write_bytes(render_docx(parse_text(LAW), word_numbering=True))
    assert labels(parse_file(str(path))) == labels(parse_text(LAW))


def test_word_body_paragraphs(tmp_path):
    import docx

    outline = parse_file(str(EXAMPLE))
    document = docx.Document(io.BytesIO(render_docx(outline, body=True)))
    normal = [p.text for p in document.paragraphs if p.style.name == "Normal"]
    assert normal[0].startswith("项目是经济发展的“压舱石”")


# ------------------------------------------------------------------ slides


def _slides(data: bytes):
    from pptx import Presentation

    return list(Presentation(io.BytesIO(data)).slides)


def test_slides_one_per_section_with_bullets_and_chinese_fonts():
    outline = parse_file(str(EXAMPLE))
    slides = _slides(render_pptx(outline, body=True))
    assert len(slides) == 1 + len(outline.nodes)
    assert slides[0].shapes.title.text == outline.title
    assert [s.shapes.title.text for s in slides[1:]] == [n.label for n in outline.nodes]
    second = slides[2].placeholders[1].text_frame.paragraphs
    assert [(p.level, p.text) for p in second[:2]] == [
        (0, "（一）抓好项目谋划储备"),
        (1, "一要紧盯政策导向谋项目"),
    ]
    for slide in slides:
        for shape in slide.shapes:
            for paragraph in shape.text_frame.paragraphs if shape.has_text_frame else ():
                for run in paragraph.runs:
                    ea = run._r.get_or_add_rPr().find(
                        "{http://schemas.openxmlformats.org/drawingml/2006/main}ea"
                    )
                    assert ea is not None and ea.get("typeface") == "微软雅黑"
    assert slides[1].notes_slide.notes_text_frame.text.startswith("一、统一思想")


def test_a_long_section_goes_on_over_more_slides():
    items = "".join(
        f"（{n}）第{n}项工作要围绕中心、服务大局，抓紧抓实抓细，确保取得扎实成效\n" for n in range(1, 31)
    )
    outline = parse_text(f"一、重点任务\n{items}二、保障措施\n要加强领导。\n")
    slides = _slides(render_pptx(outline))
    titles = [s.shapes.title.text for s in slides[1:]]
    assert titles[0] == "一、重点任务" and titles[1] == "一、重点任务（续）"
    assert titles[-1] == "二、保障措施"
    shown = [p.text for s in slides[1:-1] for p in s.placeholders[1].text_frame.paragraphs]
    assert shown == [n.label for n in outline.nodes[0].children]  # every item once, in order


def test_word_numbering_is_for_word_only(tmp_path):
    result = run("export", str(EXAMPLE), "-o", str(tmp_path / "a.opml"), "--word-numbering")
    assert result.exit_code == 2 and "--word-numbering" in result.output


def test_office_exports_are_binary_and_need_a_file():
    result = run("export", str(EXAMPLE), "--format", "pptx")
    assert result.exit_code == 2 and "-o NAME.pptx" in result.output


# ------------------------------------------------------------------ opened by LibreOffice


@pytest.fixture(scope="module")
def converted(tmp_path_factory) -> dict[str, Path]:
    """The three exports, converted to PDF by LibreOffice in one run (it starts slowly)."""
    office, _ = office_tools()
    folder = tmp_path_factory.mktemp("office")
    outline = parse_file(str(EXAMPLE))
    files = {
        "typed": folder / "typed.docx",
        "numbered": folder / "numbered.docx",
        "slides": folder / "slides.pptx",
    }
    files["typed"].write_bytes(render_docx(outline, body=True))
    files["numbered"].write_bytes(render_docx(outline, word_numbering=True))
    files["slides"].write_bytes(render_pptx(outline))
    subprocess.run(
        [office, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(folder), *map(str, files.values())],
        capture_output=True, timeout=300, check=True,
    )  # fmt: skip
    return {name: path.with_suffix(".pdf") for name, path in files.items()}


def pdftotext(path: Path, page: int | None = None) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    done = subprocess.run(["pdftotext", *pages, str(path), "-"], capture_output=True, check=True, timeout=60)
    return done.stdout.decode("utf-8")


def pages(path: Path) -> int:
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        return len(pdf.pages)


def _in_order(text: str, items: list[str]) -> bool:
    flat = "".join(text.split())
    at = 0
    for item in items:
        at = flat.find("".join(item.split()), at)
        if at < 0:
            return False
    return True


def test_libreoffice_opens_the_word_export(converted):
    outline = parse_file(str(EXAMPLE))
    text = pdftotext(converted["typed"])
    assert _in_order(text, [outline.title, *(label for _, label in labels(outline))])
    assert "项目是经济发展的“压舱石”" in text  # --body


def test_libreoffice_draws_the_word_numbering(converted):
    """The numbers are Word's (LibreOffice computes and draws them), and they read as typed."""
    outline = parse_file(str(EXAMPLE))
    assert _in_order(pdftotext(converted["numbered"]), [label for _, label in labels(outline)])


def test_libreoffice_opens_the_slides(converted):
    outline = parse_file(str(EXAMPLE))
    assert pages(converted["slides"]) == 1 + len(outline.nodes)
    assert outline.title[:8] in "".join(pdftotext(converted["slides"], 1).split())
    for number, section in enumerate(outline.nodes, start=2):
        page = pdftotext(converted["slides"], number)
        assert _in_order(page, [section.label, *(c.label for c in section.children)])
