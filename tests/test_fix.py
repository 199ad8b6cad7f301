"""`tigang fix`: the numbering mended, nothing else touched.

The byte-level tests diff input and output bytes: every byte that changed lies inside a
marker (or a cross-reference to one) of the original, in every encoding and line-end habit
the reader accepts; `check` after `fix` reports none of the fixed codes; a second fix
changes nothing.
"""

from __future__ import annotations

import codecs
import io
import os
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tigang.cli import cli
from tigang.outline import parse_file, parse_text
from tigang.outline.fix import FIXABLE, fix_bytes, fix_text
from tigang.outline.fix.markers import renumbered
from tigang.outline.fix.plan import Lines
from tigang.outline.lint import RULES_BY_CODE, CheckConfig, check_outline
from tigang.outline.markers import match_marker
from tigang.outline.readers import document_from_bytes

SPEECH = (
    "关于推进项目建设的讲话\n"
    "同志们：\n"
    "一、统一思想\n"
    "项目是发展的载体。要做到：一是稳增长；二是防风险；二是保民生。\n"
    "二、突出重点\n"
    "（一）抓好谋划\n"
    "第一，要精准招商。第三，要优化服务。\n"
    "（二）抓好招商\n"
    "要以商招商。\n"
    "(三)抓好推进\n"
    "要压实责任。\n"
    "四、强化保障\n"
    "首先，要加强领导。再次，要严格考核。最后，要改进作风。\n"
    "谢谢大家！\n"
)


def codes(text: str) -> set[str]:
    return {f.code for f in check_outline(parse_text(text))}


def test_the_docstring_example():
    fixed = fix_text("一、总体要求\n要稳。\n二、主要任务\n要实。\n四、保障措施\n要严。\n")
    assert fixed.text.splitlines()[4] == "三、保障措施"


def test_a_speech_is_mended_and_check_then_reports_none_of_the_fixed_codes():
    assert {"N101", "N102", "W203"} <= codes(SPEECH)
    fixed = fix_text(SPEECH)
    assert fixed.text.splitlines()[3].endswith("三是保民生。")
    assert "第二，要优化服务" in fixed.text
    assert "（三）抓好推进" in fixed.text
    assert "三、强化保障" in fixed.text
    assert "其次，要严格考核" in fixed.text  # 首先…再次 skipped 其次
    assert not codes(fixed.text) & set(fixed.counts())
    assert not codes(fixed.text) & set(FIXABLE)
    assert set(fixed.counts()) == {"N101", "N102", "W203"}
    assert not fix_text(fixed.text).changed  # a second fix has nothing left to do


@pytest.mark.parametrize(
    ("before", "after", "code"),
    [
        ("一、甲\n要稳。\n二、乙\n要实。\n二、丙\n要严。\n", "三、丙", "N102"),
        (
            "一、任务\n（一）甲\n要稳。\n（二）乙\n要实。\n（一）丙\n要严。\n二、保障\n要好。\n",
            "（三）丙",
            "N103",
        ),
        ("一、任务\n1.甲\n2、乙\n3.丙\n4.丁\n二、保障\n1.甲\n2.乙\n", "2.乙", "W201"),
        ("（一）甲\n要稳。\n(二)乙\n要实。\n（三）丙\n要严。\n", "（二）乙", "W203"),
        ("一、甲\n要稳。\n二、乙\n要实。\n四、丙\n要严。\n五、丁\n要好。\n", "四、丁", "N101"),
        ("壹、甲\n要稳。\n貳、乙\n要實。\n肆、丙\n要嚴。\n", "參、丙", "N101"),
        ("㈠ 甲\n要稳。\n㈡ 乙\n要实。\n㈣ 丙\n要严。\n", "㈢ 丙", "N101"),  # Word's numbering as text
        ("一、任务\n⒈甲\n⒉乙\n⒋丙\n二、保障\n要好。\n", "⒊丙", "N101"),
    ],
)
def test_each_fix_resolves_its_code(before, after, code):
    assert code in codes(before)
    fixed = fix_text(before)
    assert after in fixed.text.splitlines()
    assert code in fixed.counts()
    assert code not in codes(fixed.text)


def test_rule_examples_mended_by_fix_as_the_reference_shows():
    """The rule reference's bad examples of fixable rules come out as its mended ones."""
    for code in ("N101", "N102", "N103", "W201", "W203"):
        rule = RULES_BY_CODE[code]
        assert fix_text(rule.bad + "\n").text.rstrip("\n") == rule.good, code


def test_fixes_follow_select_and_ignore():
    text = "一、甲\n要稳。\n二、乙\n要实。\n四、丙\n要严。\n（一）子\n要好。\n(二)子\n要好。\n"
    only_width = fix_text(text, CheckConfig(select=("W",)))
    assert set(only_width.counts()) == {"W203"} and "四、丙" in only_width.text
    no_numbers = fix_text(text, CheckConfig(ignore=("N",)))
    assert "N101" not in no_numbers.counts()


def test_a_run_that_starts_late_is_left_alone():
    """二、三、 with no 一、 is an excerpt or a lost first part: N104 is the writer's call."""
    text = "二、任务\n要稳。\n三、保障\n要实。\n"
    assert "N104" in codes(text)
    assert not fix_text(text).changed


def test_cross_references_follow_renumbered_items():
    law = (
        "第一章 总则\n"
        "第一条 为了规范，制定本法。\n"
        "第二条 下列人员为近亲属：\n"
        "（一）配偶；\n"
        "（二）父母；\n"
        "（四）子女。\n"
        "前款第（四）项所列人员可以申请。\n"
        "第四条 依照本法第四条和《民法典》第四条规定。\n"
        "第五条 本法自公布之日起施行。\n"
    )
    fixed = fix_text(law)
    lines = fixed.text.splitlines()
    assert lines[5] == "（三）子女。"
    assert lines[6] == "前款第（三）项所列人员可以申请。"
    # Another law's article keeps its number; this law's articles are renumbered.
    assert lines[7] == "第三条 依照本法第三条和《民法典》第四条规定。"
    assert lines[8] == "第四条 本法自公布之日起施行。"


def test_an_ambiguous_reference_is_left_alone():
    """After （二）（二） a reference to （二） could mean either item."""
    text = "一、任务\n（一）甲；\n（二）乙；\n（二）丙。\n本条第（二）项另行规定。\n二、保障\n要好。\n"
    fixed = fix_text(text)
    assert "（三）丙。" in fixed.text
    assert "本条第（二）项另行规定。" in fixed.text


def test_a_stale_table_of_contents_is_rewritten_from_the_body():
    text = (
        "目录\n一、总体要求……1\n二、主要任务……3\n三、保障措施……5\n\n"
        "一、总体要求\n要稳。\n二、主要任务\n要实。\n三、组织领导\n要严。\n四、保障措施\n要好。\n"
    )
    assert "S302" in codes(text)
    fixed = fix_text(text)
    assert fixed.text.splitlines()[1:6] == [
        "一、总体要求……1",  # unchanged entries keep their page numbers
        "二、主要任务……3",
        "三、组织领导",
        "四、保障措施……5",
        "",
    ]
    assert "S302" not in codes(fixed.text)


def test_a_table_of_contents_is_kept_when_the_body_is_cut_off():
    text = (
        "目录\n一、总体要求\n二、主要任务\n三、保障措施\n一、总体要求\n要稳。\n二、主要任务\n要抓好落实，确保"
    )
    assert not fix_text(text).changed


# ------------------------------------------------------------------ bytes


def _marker_spans(data: bytes, bom: bytes, codec: str) -> list[tuple[int, int]]:
    """Byte spans of every marker of the original, and of the words after 第 in references."""
    text = data[len(bom) :].decode(codec)
    lines = Lines(text)
    outline = parse_text(text)
    spans = []
    for node in outline.walk():
        at = lines.find(node.line, node.column, node.marker.text)
        start = len(bom) + len(text[:at].encode(codec))
        spans.append((start, start + len(node.marker.text.encode(codec))))
    for entry in outline.toc:  # a TOC is rewritten whole, line by line
        index = entry.line - 1
        start = len(bom) + len(text[: lines.starts[index]].encode(codec))
        spans.append((start, start + len(text[lines.starts[index] : lines.ends[index]].encode(codec))))
    return spans


def assert_only_markers_changed(before: bytes, after: bytes, bom: bytes, codec: str) -> None:
    """`after` is `before` with only its marker spans replaced: cut `before` at the spans,
    and the pieces between them must stand in `after` in order, byte for byte, with only a
    marker-sized stretch between two pieces (no diff algorithm in between to guess)."""
    spans = sorted(_marker_spans(before, bom, codec))
    merged: list[list[int]] = []
    for s, e in spans:  # adjacent markers (三、①) are one span
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    gaps, last = [], 0
    for s, e in merged:
        gaps.append(before[last:s])
        last = e
    gaps.append(before[last:])
    assert after.startswith(gaps[0])
    position = len(gaps[0])
    for (s, e), gap in zip(merged, gaps[1:], strict=True):
        limit = 4 * (e - s) + 16  # room for a longer number (九 → 十一) or a rewritten TOC line
        found = after.find(gap, position, position + limit + len(gap)) if gap else position
        if not gap and merged[-1] == [s, e]:
            found = len(after)
        assert found >= 0, (before[s:e].decode(codec, "replace"), gap[:40].decode(codec, "replace"))
        replaced = after[position:found].decode(codec)
        assert len(replaced) <= limit
        position = found + len(gap)
    assert position == len(after)


ENCODINGS = [
    ("utf-8", b"", "utf-8"),
    ("utf-8 BOM", codecs.BOM_UTF8, "utf-8"),
    ("utf-16 LE BOM", codecs.BOM_UTF16_LE, "utf-16-le"),
    ("utf-16 BE BOM", codecs.BOM_UTF16_BE, "utf-16-be"),
    ("utf-16 LE no BOM", b"", "utf-16-le"),
    ("gb18030", b"", "gb18030"),
]


@pytest.mark.parametrize("ending", ["\n", "\r\n", "\r"], ids=["LF", "CRLF", "CR"])
@pytest.mark.parametrize(("name", "bom", "codec"), ENCODINGS, ids=[e[0] for e in ENCODINGS])
def test_only_marker_bytes_change(name, bom, codec, ending):
    data = bom + SPEECH.replace("\n", ending).encode(codec)
    result = fix_bytes(data, "speech.txt")
    assert result.data != data and result.data[: len(bom)] == bom
    assert_only_markers_changed(data, result.data, bom, codec)
    # The output reads back in the same encoding, with the same line ends, and is clean.
    document = document_from_bytes(result.data, "speech.txt")
    assert document.text.count(ending) == SPEECH.count("\n")
    assert not {f.code for f in check_outline(parse_text(document.text))} & set(FIXABLE)


def test_mixed_line_ends_trailing_spaces_and_no_final_newline_are_kept():
    text = "一、甲  \r\n要稳。\t\n二、乙\r要实。\r\n\r\n四、丙\u3000\n要严。"
    data = text.encode("utf-8")
    result = fix_bytes(data, "x.txt")
    assert result.data == data.replace("四、".encode(), "三、".encode())


def test_a_clean_file_is_left_byte_for_byte():
    data = ("\ufeff" + "一、甲\r\n要稳。\r\n二、乙\r\n要实。\r\n").encode("utf-8")
    result = fix_bytes(data, "x.txt")
    assert not result.changed and result.data == data


@st.composite
def slipped_documents(draw):
    """A speech with random slips: skipped, repeated and restarted numbers, widths."""
    lines = ["关于全面工作的讲话", "同志们："]
    top = draw(st.integers(2, 5))
    number = 0
    for _ in range(top):
        number += draw(st.sampled_from([1, 1, 1, 2, 0])) or 1
        lines.append(f"{renumbered(match_marker('一、甲')[0], number)}加强建设")
        lines.append("要稳中求进。")
        subs = draw(st.integers(0, 4))
        sub = 0
        for _ in range(subs):
            sub += draw(st.sampled_from([1, 1, 1, 2, 0]))
            sub = max(sub, 1)
            mark = renumbered(match_marker("（一）甲")[0], sub)
            if draw(st.booleans()) and draw(st.booleans()):
                mark = mark.replace("（", "(").replace("）", ")")
            lines.append(f"{mark}推进改革")
            lines.append("要抓好落实。")
    lines.append("谢谢大家！")
    return "\n".join(lines) + "\n"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=slipped_documents(),
    encoding=st.sampled_from(ENCODINGS),
    ending=st.sampled_from(["\n", "\r\n"]),
)
def test_fix_property_only_markers_change_and_the_result_is_clean(text, encoding, ending):
    _, bom, codec = encoding
    data = bom + text.replace("\n", ending).encode(codec)
    result = fix_bytes(data, "x.txt")
    if result.changed:
        assert_only_markers_changed(data, result.data, bom, codec)
    fixed = document_from_bytes(result.data, "x.txt").text
    assert not codes(fixed) & set(result.counts())
    assert not fix_bytes(result.data, "x.txt").changed


def test_real_texts_are_left_alone_or_mended_only_at_markers(shared):
    """On the published texts in ../shared, fix changes nothing it should not (they are
    clean but for a cut-off seed, whose table of contents must be kept)."""
    for path in sorted((shared / "corpus" / "raw").glob("*.txt")) + sorted((shared / "seeds").glob("*.txt")):
        data = path.read_bytes()
        result = fix_bytes(data, str(path))
        assert not result.changed, path.name
        assert result.data == data


# ------------------------------------------------------------------ .docx


def _speech_docx(path: Path) -> Path:
    import docx
    from docx.shared import Pt

    document = docx.Document()
    document.add_paragraph("关于推进项目建设的讲话", style="Title")
    paragraph = document.add_paragraph()
    paragraph.add_run("一、").bold = True
    paragraph.add_run("统一思想")
    document.add_paragraph("要提高认识。")
    paragraph = document.add_paragraph(style="Heading 1")
    paragraph.add_run("二").bold = True
    paragraph.add_run("、狠抓落实").italic = True
    document.add_paragraph("要压实责任。")
    paragraph = document.add_paragraph()
    run = paragraph.add_run("四、")
    run.font.size = Pt(16)
    run.font.name = "黑体"
    paragraph.add_run("强化保障")
    document.add_paragraph("要加强领导。一是建机制；二是强考核；二是严问责。")
    document.save(str(path))
    return path


def _runs(path: Path) -> list[list[tuple]]:
    import docx

    return [
        [(r.text, r.bold, r.italic, r.font.size, r.font.name) for r in p.runs]
        for p in docx.Document(str(path)).paragraphs
    ]


def test_docx_typed_markers_are_fixed_inside_their_runs(tmp_path):
    source = _speech_docx(tmp_path / "speech.docx")
    before = _runs(source)
    result = fix_bytes(source.read_bytes(), str(source))
    assert set(result.counts()) == {"N101", "N102"}
    fixed = tmp_path / "fixed.docx"
    fixed.write_bytes(result.data)
    after = _runs(fixed)
    assert after[5] == [("三、", None, None, before[5][0][3], "黑体"), before[5][1]]
    assert after[6][0][0].endswith("三是严问责。")
    # Every other run, with its formatting, is as it was.
    assert [p for i, p in enumerate(after) if i not in (5, 6)] == [
        p for i, p in enumerate(before) if i not in (5, 6)
    ]
    # Only the main part changed; every other part of the package is byte for byte the same.
    with zipfile.ZipFile(source) as a, zipfile.ZipFile(fixed) as b:
        assert a.namelist() == b.namelist()
        for name in a.namelist():
            if name != "word/document.xml":
                assert a.read(name) == b.read(name), name
    assert not {f.code for f in check_outline(parse_file(str(fixed)))} & set(result.counts())


def test_docx_automatic_numbering_needs_no_fix(tmp_path):
    from docxbuild import CHINESE_LIST, NumberedDocument

    built = NumberedDocument()
    numbers = built.add_num(built.add_abstract(CHINESE_LIST))
    built.add("统一思想", numbers)
    built.add("要提高认识。")
    built.add("狠抓落实", numbers)
    built.add("要压实责任。")
    path = built.save(tmp_path / "auto.docx")
    result = fix_bytes(path.read_bytes(), str(path))
    assert not result.changed


# ------------------------------------------------------------------ command line


def run(*args: str, input: bytes | None = None):
    return CliRunner().invoke(cli, list(args), input=input)


def test_fix_shows_a_diff_and_changes_nothing(tmp_path):
    path = tmp_path / "讲话稿.txt"
    path.write_text(SPEECH, encoding="utf-8")
    result = run("fix", str(path))
    assert result.exit_code == 1
    assert f"--- a/{path}" in result.output and "+三、强化保障" in result.output
    assert "would change" in result.output
    assert path.read_text(encoding="utf-8") == SPEECH
    assert not (tmp_path / "讲话稿.txt.bak").exists()


def test_fix_write_keeps_a_backup_and_the_file_mode(tmp_path):
    path = tmp_path / "讲话稿.txt"
    path.write_bytes(SPEECH.encode("gb18030"))
    os.chmod(path, 0o640)
    result = run("fix", str(path), "--write")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "讲话稿.txt.bak").read_bytes() == SPEECH.encode("gb18030")
    assert "三、强化保障" in path.read_bytes().decode("gb18030")
    assert path.stat().st_mode & 0o777 == 0o640
    assert run("fix", str(path)).exit_code == 0  # nothing left to fix


def test_fix_write_no_backup_and_check_fix(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(SPEECH, encoding="utf-8")
    assert run("fix", str(path), "--write", "--no-backup").exit_code == 0
    assert not (tmp_path / "a.txt.bak").exists()
    other = tmp_path / "b.txt"
    other.write_text(SPEECH, encoding="utf-8")
    result = run("check", str(other), "--fix", "--format", "json")
    assert (tmp_path / "b.txt.bak").exists()
    import json

    report = json.loads(result.output[result.output.index("{") :])
    assert not {f["code"] for f in report["findings"]} & set(FIXABLE)


def test_fix_from_standard_input_prints_the_diff_but_cannot_write():
    result = run("fix", "-", input=SPEECH.encode())
    assert result.exit_code == 1 and "+三、强化保障" in result.output
    result = run("fix", "-", "--write", input=SPEECH.encode())
    assert result.exit_code == 2 and "standard input cannot be fixed in place" in result.output


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"<html><body><p>\xe4\xb8\x80\xe3\x80\x81x</p></body></html>", "cannot be fixed in place"),
        (b"", "empty input"),
        (b"%PDF-1.4 nothing", "PDF"),
    ],
)
def test_fix_bad_input_is_one_line(tmp_path, content, message):
    path = tmp_path / "bad.html"
    path.write_bytes(content)
    result = run("fix", str(path), "--write")
    assert result.exit_code == 2
    assert "Traceback" not in result.output and message in result.output
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.html"]


def test_fix_write_to_a_read_only_folder_leaves_the_file(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root writes anywhere")
    path = tmp_path / "a.txt"  # pragma: no cover - runs as a normal user
    path.write_text(SPEECH, encoding="utf-8")
    os.chmod(tmp_path, 0o555)
    try:
        result = run("fix", str(path), "--write")
    finally:
        os.chmod(tmp_path, 0o755)
    assert result.exit_code == 2 and path.read_text(encoding="utf-8") == SPEECH


def test_fix_of_a_damaged_docx_is_one_line(tmp_path):
    path = tmp_path / "bad.docx"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/other.xml", "<x/>")
    path.write_bytes(buffer.getvalue())
    result = run("fix", str(path), "--write")
    assert result.exit_code == 2 and "damaged .docx" in result.output
