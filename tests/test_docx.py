"""Word .docx input: automatic numbering replayed as Word displays it, heading styles, typed
markers, what is not body text, other input kinds and the errors for unsupported ones."""

from __future__ import annotations

import subprocess
import sys
import zipfile

import docx
import pytest
from docxbuild import CHINESE_LIST, NumberedDocument, level_xml
from goldfile import SHARED, outline_rows, read_gold

from tigang.outline import InputError, parse_file
from tigang.outline.markers import match_marker
from tigang.outline.readers import read_document
from tigang.outline.readers.numerals import chinese_counting, format_number

SEEDS = sorted((SHARED / "seeds").glob("*.txt")) if (SHARED / "seeds").is_dir() else []


def tree(outline):
    return [(n.level, n.label) for n in outline.walk()]


def body_lines(path):
    return [line for line in read_document(path).text.splitlines() if line.strip()]


# --- numerals ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "text"),
    [(1, "一"), (9, "九"), (10, "十"), (11, "十一"), (20, "二十"), (21, "二十一"), (99, "九十九"),
     (100, "一百"), (101, "一百零一"), (110, "一百一十"), (1010, "一千零一十"), (10001, "一万零一")],
)  # fmt: skip
def test_chinese_counting(n, text):
    assert chinese_counting(n) == text


@pytest.mark.parametrize(
    ("fmt", "n", "text"),
    [
        ("ideographTraditional", 1, "甲"),
        ("ideographTraditional", 3, "丙"),
        ("ideographTraditional", 11, "甲"),
        ("ideographZodiac", 2, "丑"),
        ("decimalEnclosedCircle", 1, "①"),
        ("decimalEnclosedCircle", 20, "⑳"),
        ("decimalEnclosedCircle", 21, "㉑"),
        ("decimalEnclosedCircleChinese", 3, "③"),
        ("decimalFullWidth", 12, "１２"),
        ("chineseLegalSimplified", 11, "壹拾壹"),
        ("chineseCountingThousand", 12, "十二"),
        ("decimalZero", 3, "03"),
        ("upperRoman", 14, "XIV"),
        ("lowerLetter", 28, "bb"),
        ("decimalEnclosedParen", 2, "⑵"),
        ("somethingNew", 7, "7"),
    ],
)
def test_number_formats(fmt, n, text):
    assert format_number(n, fmt) == text


# --- automatic numbering ----------------------------------------------------------------


def speech_with_lists(tmp_path):
    d = NumberedDocument()
    main = d.add_num(d.add_abstract(CHINESE_LIST))
    d.add("在全市工作会议上的讲话")
    d.add("同志们：")
    d.add("统一思想", main, 0)
    d.add("提高认识。要深刻领会中央精神。", main, 1)
    d.add("加强学习", main, 1)
    d.add("学原文", main, 2)
    d.add("悟原理", main, 2)
    d.add("狠抓落实", main, 0)
    d.add("明确责任", main, 1)  # restarts at （一） under 二、
    d.add("细化分工", main, 2)  # restarts at 1. under the new （一）
    d.add("强化督查", main, 1)
    d.add("加强保障", main, 0)
    return d.save(tmp_path / "speech.docx")


def test_chinese_counting_lists_with_restarts(tmp_path):
    path = speech_with_lists(tmp_path)
    outline = parse_file(path)
    assert outline.title == "在全市工作会议上的讲话"
    assert tree(outline) == [
        (1, "一、统一思想"),
        (2, "（一）提高认识"),
        (2, "（二）加强学习"),
        (3, "1.学原文"),
        (3, "2.悟原理"),
        (1, "二、狠抓落实"),
        (2, "（一）明确责任"),
        (3, "1.细化分工"),
        (2, "（二）强化督查"),
        (1, "三、加强保障"),
    ]
    assert outline.nodes[0].children[0].body == "要深刻领会中央精神。"
    assert outline.meta["format"] == "docx"
    assert "heading_markers" not in outline.meta


def test_markers_are_written_as_word_displays_them(tmp_path):
    lines = body_lines(speech_with_lists(tmp_path))
    assert lines[2:5] == ["一、 统一思想", "（一） 提高认识。要深刻领会中央精神。", "（二） 加强学习"]


def test_two_lists_keep_their_own_counters(tmp_path):
    d = NumberedDocument()
    sections = d.add_num(d.add_abstract([level_xml(0, "chineseCounting", "%1、")]))
    points = d.add_num(d.add_abstract([level_xml(0, "decimal", "%1.")]))
    d.add("总体要求", sections)
    d.add("第一点", points)
    d.add("第二点", points)
    d.add("重点任务", sections)
    d.add("第三点", points)  # the decimal list continues: one list, not restarted
    assert body_lines(d.save(tmp_path / "two.docx")) == [
        "一、 总体要求",
        "1. 第一点",
        "2. 第二点",
        "二、 重点任务",
        "3. 第三点",
    ]


def test_restart_numbering_and_shared_abstract_lists(tmp_path):
    d = NumberedDocument()
    abstract = d.add_abstract([level_xml(0, "decimal", "%1.", suffix="nothing")])
    first = d.add_num(abstract)
    continued = d.add_num(abstract)  # Word's "continue numbering": same abstract list
    restarted = d.add_num(abstract, {0: 1})  # Word's "restart numbering at 1"
    from_five = d.add_num(abstract, {0: 5})
    for text, num in [("甲", first), ("乙", first), ("丙", continued), ("丁", restarted), ("戊", restarted)]:
        d.add(text, num)
    d.add("己", from_five)
    d.add("庚", from_five)
    assert body_lines(d.save(tmp_path / "restart.docx")) == [
        "1.甲",
        "2.乙",
        "3.丙",
        "1.丁",
        "2.戊",
        "5.己",
        "6.庚",
    ]


def test_start_values_lvl_restart_and_legal_numbering(tmp_path):
    d = NumberedDocument()
    num = d.add_num(
        d.add_abstract(
            [
                level_xml(0, "chineseCounting", "第%1章", start=2, suffix="space"),
                level_xml(1, "decimal", "%1.%2", restart=0),  # never restarts, %1 in the chapter's format
                level_xml(2, "decimal", "%1.%2.%3", legal=True),
            ]
        )
    )
    d.add("总则", num, 0)
    d.add("甲", num, 1)
    d.add("细", num, 2)
    d.add("分则", num, 0)
    d.add("乙", num, 1)
    d.add("细", num, 2)
    assert body_lines(d.save(tmp_path / "levels.docx")) == [
        "第二章 总则",
        "二.1 甲",
        "2.1.1 细",
        "第三章 分则",
        "三.2 乙",
        "3.2.1 细",
    ]


@pytest.mark.parametrize(
    ("fmt", "text", "expected"),
    [
        ("ideographTraditional", "%1、", ["甲、 一项", "乙、 二项"]),
        ("decimalEnclosedCircle", "%1", ["① 一项", "② 二项"]),
        ("chineseCountingThousand", "（%1）", ["（一） 一项", "（二） 二项"]),
        ("decimalFullWidth", "%1．", ["１． 一项", "２． 二项"]),
        ("bullet", "\u2022", ["一项", "二项"]),  # bullets are not numbers
    ],
)
def test_other_number_formats_in_a_document(tmp_path, fmt, text, expected):
    d = NumberedDocument()
    num = d.add_num(d.add_abstract([level_xml(0, fmt, text)]))
    d.add("一项", num)
    d.add("二项", num)
    assert body_lines(d.save(tmp_path / "fmt.docx")) == expected


def test_numbering_given_by_paragraph_styles(tmp_path):
    """Word's multilevel list linked to Heading 1/2: the numbers live in the styles."""
    d = NumberedDocument()
    num = d.add_num(
        d.add_abstract(
            [
                level_xml(0, "chineseCounting", "%1、", style="Heading1", suffix="nothing"),
                level_xml(1, "chineseCounting", "（%2）", style="Heading2", suffix="nothing"),
            ]
        )
    )
    d.style_numbering("Heading 1", num, 0)
    d.style_numbering("Heading 2", num)  # no ilvl: the level whose pStyle is Heading2
    d.add("关于全年工作的报告")
    d.add("总体要求", style="Heading 1")
    d.add("指导思想", style="Heading 2")
    d.add("坚持稳中求进工作总基调。一是稳增长；二是防风险。")
    d.add("主要目标", style="Heading 2")
    d.add("重点任务", style="Heading 1")
    d.add("扩大内需", style="Heading 2")
    outline = parse_file(d.save(tmp_path / "styles.docx"))
    assert tree(outline) == [
        (1, "一、总体要求"),
        (2, "（一）指导思想"),
        (3, "一是稳增长"),
        (3, "二是防风险"),
        (2, "（二）主要目标"),
        (1, "二、重点任务"),
        (2, "（一）扩大内需"),
    ]


def test_direct_num_id_zero_removes_style_numbering(tmp_path):
    d = NumberedDocument()
    num = d.add_num(d.add_abstract([level_xml(0, "chineseCounting", "%1、", suffix="nothing")]))
    d.style_numbering("List Paragraph", num, 0)
    d.add("一项", style="List Paragraph")
    d.add("不编号", num="0", style="List Paragraph")
    d.add("二项", style="List Paragraph")
    assert body_lines(d.save(tmp_path / "zero.docx")) == ["一、一项", "不编号", "二、二项"]


def test_empty_numbered_paragraph_still_counts(tmp_path):
    d = NumberedDocument()
    num = d.add_num(d.add_abstract([level_xml(0, "chineseCounting", "%1、", suffix="nothing")]))
    d.add("一项", num)
    d.add("", num)
    d.add("三项", num)
    assert body_lines(d.save(tmp_path / "empty.docx")) == ["一、一项", "三、三项"]


# --- heading styles, typed markers, what is not body text -------------------------------


def test_heading_styles_without_numbers_get_conventional_markers(tmp_path):
    d = NumberedDocument()
    d.add("关于推进项目建设的讲话", style="Heading 1")  # the lone top heading: the title
    d.add("同志们：")
    d.add("认清形势", style="Heading 2")
    d.add("成绩来之不易", style="Heading 3")
    d.add("问题不容忽视", style="Heading 3")
    d.add("工作很多。一要稳投资；二要促消费。")
    d.add("突出重点", style="Heading 2")
    d.add("抓项目", style="Heading 3")
    outline = parse_file(d.save(tmp_path / "headings.docx"))
    assert outline.title == "关于推进项目建设的讲话"
    assert outline.meta["heading_markers"] == "conventional"
    assert tree(outline) == [
        (1, "一、认清形势"),
        (2, "（一）成绩来之不易"),
        (2, "（二）问题不容忽视"),
        (3, "一要稳投资"),
        (3, "二要促消费"),
        (1, "二、突出重点"),
        (2, "（一）抓项目"),
    ]


def test_chinese_heading_style_names_and_styles_based_on_headings(tmp_path):
    document = docx.Document()
    styles = document.styles
    h1 = styles.add_style("标题 1", docx.enum.style.WD_STYLE_TYPE.PARAGRAPH)
    mine = styles.add_style("我的小标题", docx.enum.style.WD_STYLE_TYPE.PARAGRAPH)
    mine.base_style = styles["Heading 2"]
    for text, style in [("总体要求", h1), ("指导思想", mine), ("主要目标", mine), ("重点任务", h1)]:
        document.add_paragraph(text, style=style)
    path = tmp_path / "cn.docx"
    document.save(str(path))
    assert tree(parse_file(path)) == [
        (1, "一、总体要求"),
        (2, "（一）指导思想"),
        (2, "（二）主要目标"),
        (1, "二、重点任务"),
    ]


def test_markers_typed_as_text_with_heading_styles(tmp_path):
    d = NumberedDocument()
    d.add("在全市工作会议上的讲话", style="Title")
    d.add("一、统一思想", style="Heading 1")
    d.add("（一）提高认识。要深刻领会。", style="Heading 2")
    d.add("（二）加强学习", style="Heading 2")
    d.add("1.学原文")
    d.add("二、狠抓落实", style="Heading 1")
    d.add("附件", style="Heading 1")  # unnumbered: a part title, no invented number
    outline = parse_file(d.save(tmp_path / "typed.docx"))
    assert "heading_markers" not in outline.meta
    assert tree(outline) == [
        (1, "一、统一思想"),
        (2, "（一）提高认识"),
        (2, "（二）加强学习"),
        (3, "1.学原文"),
        (1, "二、狠抓落实"),
    ]


def test_tables_headers_footers_and_deleted_text_are_not_body_text(tmp_path):
    d = NumberedDocument()
    num = d.add_num(d.add_abstract(CHINESE_LIST))
    section = d.document.sections[0]
    section.header.paragraphs[0].text = "一、页眉里的编号"
    section.footer.paragraphs[0].text = "二、页脚里的编号"
    d.add("统一思想", num, 0)
    table = d.document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "三、表格里的编号"
    table.cell(1, 1).paragraphs[0].text = "（一）表格里的小标题"
    d.add("狠抓落实", num, 0)
    paragraph = d.add("删改后的")
    paragraph._p.append(
        docx.oxml.parse_xml(
            '<w:del xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:id="1" '
            'w:author="a" w:date="2024-01-01T00:00:00Z"><w:r><w:delText>四、删除的</w:delText></w:r></w:del>'
        )
    )
    lines = body_lines(d.save(tmp_path / "table.docx"))
    assert lines == ["一、 统一思想", "二、 狠抓落实", "删改后的"]


# --- the seeds as Word documents --------------------------------------------------------


def _docx_of_lines(lines, path):
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(str(path))
    return path


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem[:3])
def test_seed_as_docx_gives_the_same_outline(seed, shared, tmp_path):
    text_outline = parse_file(seed)
    lines = seed.read_text(encoding="utf-8").splitlines()
    outline = parse_file(_docx_of_lines(lines, tmp_path / "seed.docx"))
    assert outline_rows(outline) == outline_rows(text_outline)
    assert outline_rows(outline) == read_gold(shared / "gold" / f"{seed.stem}.outline").rows
    assert outline.title == text_outline.title


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem[:3])
def test_seed_with_automatic_numbering_gives_the_same_outline(seed, shared, tmp_path):
    """The seed's 一、 and （一） markers moved into Word list numbering: the reader must
    write them back exactly (restarts under each 一、 included)."""
    d = NumberedDocument()
    abstract = d.add_abstract(
        [
            level_xml(0, "chineseCounting", "%1、", suffix="nothing"),
            level_xml(1, "chineseCounting", "（%2）", suffix="nothing"),
        ]
    )
    num = d.add_num(abstract)
    counters = [0, 0]
    lines = seed.read_text(encoding="utf-8").splitlines()
    for line in lines:
        found = match_marker(line)
        marker = found[0] if found else None
        ilvl = {"、": 0, "）": 1}.get(marker.punct if marker else "")
        if marker is None or ilvl is None or marker.family.value not in ("section", "paren_section"):
            d.add(line)
            continue
        if marker.number != counters[ilvl] + 1:  # a new part restarts the count: Word's restart
            num = d.add_num(abstract, {ilvl: marker.number})
        counters[ilvl] = marker.number
        if ilvl == 0:
            counters[1] = 0
        d.add(line[len(marker.text) :], num, ilvl)
    path = d.save(tmp_path / "numbered.docx")
    assert read_document(path).text.splitlines() == lines
    assert outline_rows(parse_file(path)) == read_gold(shared / "gold" / f"{seed.stem}.outline").rows


# --- other inputs and unsupported ones --------------------------------------------------


def test_docx_with_another_suffix_is_sniffed(tmp_path):
    path = speech_with_lists(tmp_path)
    renamed = tmp_path / "speech.txt"
    renamed.write_bytes(path.read_bytes())
    assert tree(parse_file(renamed))[0] == (1, "一、统一思想")


def test_html_paragraphs_and_headings(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>站点</title><style>p{}</style></head><body>"
        "<h1>在全市工作会议上的讲话</h1><p>同志们：</p>"
        "<h2>一、统一思想</h2><p>（一）提高认识。要&nbsp;深刻领会。</p><p>（二）加强学习</p>"
        "<h2>二、狠抓落实</h2><script>var x = '三、脚本';</script></body></html>",
        encoding="utf-8",
    )
    outline = parse_file(path)
    assert outline.meta["format"] == "html"
    assert tree(outline) == [
        (1, "一、统一思想"),
        (2, "（一）提高认识"),
        (2, "（二）加强学习"),
        (1, "二、狠抓落实"),
    ]


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "save as .docx"),
        ("old.txt", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "legacy Word .doc"),
        ("note.rtf", b"{\\rtf1\\ansi hello}", "RTF is not supported"),
        ("paper.pdf", b"%PDF-1.7\n...", "damaged PDF"),
    ],
)
def test_unsupported_formats_say_what_to_do(tmp_path, monkeypatch, name, data, message):
    monkeypatch.setenv("TIGANG_SOFFICE", "no-such-soffice")  # as on a machine without LibreOffice
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        parse_file(path)
    text = str(caught.value)
    assert message in text and "\n" not in text and text.startswith(str(path))


def test_zips_that_are_not_word_documents(tmp_path):
    path = tmp_path / "map.xmind"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("content.json", "[]")
    with pytest.raises(InputError, match="mind map"):
        parse_file(path)
    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(broken, "w") as archive:
        archive.writestr("word/document.xml", "<not xml")
    with pytest.raises(InputError, match=r"docx"):
        parse_file(broken)
    truncated = tmp_path / "cut.docx"
    truncated.write_bytes(speech_with_lists(tmp_path).read_bytes()[:300])
    with pytest.raises(InputError):
        parse_file(truncated)


def test_empty_docx_is_an_error(tmp_path):
    path = tmp_path / "empty.docx"
    docx.Document().save(str(path))
    with pytest.raises(InputError, match="empty"):
        parse_file(path)


def test_reading_text_does_not_import_python_docx(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("一、总体要求\n二、重点任务\n", encoding="utf-8")
    code = f"import sys; from tigang.outline import parse_file; parse_file({str(path)!r}); print('docx' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
