"""Pictures for slides: SVG with real text, themes, page sizes, the type size, folding,
laws by rank and by unit, and many files at once."""

from __future__ import annotations

import itertools
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import bench_render
import pytest
from click.testing import CliRunner

from tigang.cli import cli
from tigang.outline import parse_file, parse_text
from tigang.outline.layout import crossings
from tigang.outline.levels import parse_units, ranks, units_in
from tigang.outline.render import diagram as dg
from tigang.outline.render.diagram import PAGES, RenderError, Style, build, render
from tigang.outline.render.diagram.compose import HEADER_UPSCALE, MAX_UPSCALE, SMALLEST_PRINT
from tigang.outline.render.diagram.draw import _paint
from tigang.outline.render.diagram.wrapping import balanced, clip_sentence, unspaced, wrap

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "讲话稿示例.txt"
SVG = "{http://www.w3.org/2000/svg}"
# A made-up regulation: chapters with and without sections, letter-spaced headings, an
# article with items.
LAW = """示范管理条例

第一章　总　　则

第一条　为了规范示范项目的管理，保障参与各方的合法权益，促进示范工作健康有序发展，根据有关法律法规，结合本市实际，制定本条例。

第二条　本条例适用于本市行政区域内示范项目的申报、实施和监督管理。

第二章　管　　理

第一节　一般规定

第三条　市人民政府示范主管部门负责全市示范项目的统筹协调和监督管理工作。

第四条　区人民政府应当加强对本辖区示范工作的领导。

第二节　监\u2002\u2002督

第五条　有下列情形之一的，由主管部门责令限期整改：

（一）未按照规定办理备案手续的；

（二）擅自改变项目用途的。

第三章　附　　则

第六条　本条例自公布之日起施行。
"""


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


@pytest.fixture(scope="module")
def law():
    return parse_text(LAW)


@pytest.fixture(scope="module")
def measure():
    return dg.Measure(dg.families_of(dg.font_chain()), 11)


# --- SVG text ---------------------------------------------------------------------------------


def svg_texts(path: Path) -> list[ET.Element]:
    return list(ET.parse(path).getroot().iter(f"{SVG}text"))


@pytest.mark.parametrize("layout", ["tree", "mindmap", "org"])
def test_svg_keeps_the_text_as_text_with_a_cjk_fallback_list(tmp_path, layout):
    done = render(parse_file(EXAMPLE), tmp_path / "d.svg", layout=layout)
    texts = svg_texts(done.path)
    written = "".join(t.text or "" for t in texts)
    diagram = done.diagram
    for node, lines in diagram.labels.items():
        for line in lines:  # every line of every box, the marker written apart
            rest = line[len(diagram.markers[node]) :] if line.startswith(diagram.markers[node]) else line
            assert rest in written, line
    title = parse_file(EXAMPLE).title
    assert title and title[:8] in written  # in the header of a tree, in the root's box otherwise
    style = texts[0].get("style")
    families = style.split("font-family:")[1].split(";")[0]
    assert families.strip().startswith("'Noto Sans SC'")
    assert "'Microsoft YaHei'" in families and "'PingFang SC'" in families
    assert families.strip().endswith("sans-serif")
    assert families.index("DejaVu") > families.index("SimHei")  # Latin text is not set in DejaVu


def test_svg_paths_on_request(tmp_path):
    done = render(parse_file(EXAMPLE), tmp_path / "d.svg", svg_text=False)
    assert svg_texts(done.path) == []
    assert b"<path" in done.path.read_bytes()


def test_cli_svg_text_and_paths(tmp_path):
    assert run("render", str(EXAMPLE), "-o", str(tmp_path / "a.svg")).exit_code == 0
    assert run("render", str(EXAMPLE), "-o", str(tmp_path / "b.svg"), "--svg-paths").exit_code == 0
    assert len(svg_texts(tmp_path / "a.svg")) > 20 and svg_texts(tmp_path / "b.svg") == []


# --- themes, type size, pages -----------------------------------------------------------------


def test_mono_theme_prints_in_greys(tmp_path):
    from matplotlib.image import imread

    done = render(parse_file(EXAMPLE), tmp_path / "d.png", layout="mindmap", theme="mono", dpi=60)
    rgb = imread(str(done.path))[..., :3]
    assert (rgb.max(axis=2) - rgb.min(axis=2)).max() < 0.02  # no hue anywhere
    colour = render(parse_file(EXAMPLE), tmp_path / "c.png", layout="mindmap", dpi=60)
    rgb = imread(str(colour.path))[..., :3]
    assert (rgb.max(axis=2) - rgb.min(axis=2)).max() > 0.3


def test_unknown_theme_and_page_are_errors():
    with pytest.raises(RenderError, match="unknown theme"):
        build(parse_file(EXAMPLE), theme="neon")
    with pytest.raises(RenderError, match="unknown page size"):
        dg.fit(build(parse_file(EXAMPLE)), "a3")


def test_font_size_scales_everything_in_proportion():
    normal, large = build(parse_file(EXAMPLE)), build(parse_file(EXAMPLE), style=Style.sized(22))
    assert large.style.font_size == 22 and large.style.title_size == pytest.approx(32)
    assert large.width == pytest.approx(2 * normal.width, rel=0.08)


@pytest.mark.parametrize("page", list(PAGES))
@pytest.mark.parametrize("layout", ["tree", "mindmap", "org"])
def test_size_fits_the_picture_to_the_page(tmp_path, page, layout):
    outline = parse_text(bench_render.synthetic_text(60))
    done = render(outline, tmp_path / "d.png", layout=layout, page=page, dpi=72)
    width, height = PAGES[page]
    assert abs(done.pixels[0] - width) <= 1 and abs(done.pixels[1] - height) <= 1
    d = done.diagram
    margin = d.style.margin
    for box in d.boxes.values():
        assert margin - 0.01 <= box.x and box.right <= width - margin + 0.01
        assert box.bottom <= height - margin + 0.01
    assert not any(p.overlaps(q) for p, q in itertools.combinations(d.boxes.values(), 2))
    assert crossings(d.links, d.boxes) == []


def test_a_small_outline_grows_on_a_slide_and_is_rewrapped_to_fill_it():
    outline = parse_text(
        "讲话题目\n一、统一思想提高认识狠抓落实\n二、强化责任担当\n三、加强组织领导\n四、严明工作纪律\n"
    )
    diagram = dg.fit_page(outline, "16:9", layout="mindmap")
    assert 1.5 < diagram.scale <= MAX_UPSCALE
    assert diagram.style.font_size == pytest.approx(11 * diagram.scale)
    wide = dg.fit_page(outline, "16:9", layout="mindmap", max_chars=30)  # rewrapped to fit
    assert max(len(line) for lines in wide.labels.values() for line in lines) < 16


def test_a_grown_body_takes_its_title_along_a_little():
    outline = parse_text("讲话题目\n一、统一思想\n二、强化责任\n三、加强领导\n")
    plain = build(outline, layout="mindmap")
    slide = dg.fit(plain, "16:9")
    assert slide.scale > HEADER_UPSCALE  # the body grew more than the header may
    assert slide.style.title_size == pytest.approx(plain.style.title_size * HEADER_UPSCALE)
    assert slide.style.info_size == pytest.approx(plain.style.info_size * HEADER_UPSCALE)
    big = parse_text(bench_render.synthetic_text(150))  # a body that shrinks keeps its header
    shrunk = dg.fit(build(big, layout="tree"), "16:9")
    assert shrunk.scale < 1 and shrunk.style.title_size == plain.style.title_size


def test_cli_size_theme_and_font_size(tmp_path):
    out = tmp_path / "slide.png"
    result = run(
        "render",
        str(EXAMPLE),
        "-o",
        str(out),
        "--size",
        "16:9",
        "--theme",
        "red",
        "--layout",
        "org",
        "--dpi",
        "72",
    )
    assert result.exit_code == 0, result.output
    assert "960×540 px" in result.output
    big, small = tmp_path / "big.png", tmp_path / "small.png"
    assert run("render", str(EXAMPLE), "-o", str(big), "--font-size", "16", "--dpi", "50").exit_code == 0
    assert run("render", str(EXAMPLE), "-o", str(small), "--font-size", "8", "--dpi", "50").exit_code == 0
    assert big.stat().st_size > small.stat().st_size
    assert run("render", str(EXAMPLE), "-o", str(out), "--force", "--theme", "neon").exit_code == 2


# --- folding ----------------------------------------------------------------------------------


def test_a_large_mind_map_folds_its_deeper_levels_and_says_so():
    outline = parse_text(bench_render.synthetic_text(300))
    diagram = build(outline, layout="mindmap", fold_above=80)
    shown = len(diagram.boxes) - 1
    assert shown <= 80
    assert shown + sum(diagram.folded.values()) == 300
    assert "折叠" in diagram.info and "共 300 项" in diagram.info
    assert all(not diagram.children[node] for node in diagram.folded)  # folded boxes show no children
    assert crossings(diagram.links, diagram.boxes) == []
    tree = build(outline, layout="tree", fold_above=80)  # a tree is a long picture: never folded
    assert len(tree.boxes) == 301 and not tree.folded


@pytest.mark.parametrize("layout", ["mindmap", "org"])
def test_on_a_page_a_map_folds_until_it_can_be_read(layout):
    outline = parse_text(bench_render.synthetic_text(300))
    by_count = dg.fit(build(outline, layout=layout), "16:9")
    assert by_count.style.font_size < SMALLEST_PRINT  # 120 boxes cannot be read on a slide
    slide = dg.fit_page(outline, "16:9", layout=layout)
    assert slide.style.font_size >= SMALLEST_PRINT
    shown = len(slide.boxes) - 1
    assert 0 < shown < len(by_count.boxes) - 1 and shown + sum(slide.folded.values()) == 300
    assert "折叠" in slide.info
    assert crossings(slide.links, slide.boxes) == []
    every = dg.fit_page(outline, "16:9", layout=layout, fold_above=None)
    assert len(every.boxes) == 301  # --fold 0: every item, however small
    assert not dg.fit_page(parse_file(EXAMPLE), "16:9", layout=layout).folded  # readable as it is


# A short speech whose second part runs five levels deep: a long, flat map.
CHAIN = """在全镇传达学习会议精神专题会议上的讲话
一、提高站位，深刻领会，以高度的政治自觉抓好贯彻
二、聚焦重点，精准发力，以务实的行动举措推动发展
（一）坚持发展第一要务，在推动经济发展提质增效上展现新作为
1.狠抓招商引资这条生命线，引进一批龙头企业
（1）主动对接沿海发达地区的产业转移项目
①建立重点客商联系制度，做到每月走访一次
②完善招商引资考核办法，奖惩兑现
"""


def test_a_small_map_that_prints_small_by_its_shape_is_not_folded(tmp_path):
    """Seven items on a portrait page print small because the map is a long chain; folding
    two of them would hide half the speech for a few tenths of a point. The note says why."""
    page = dg.fit_page(parse_text(CHAIN), "a4", layout="mindmap")
    assert page.style.font_size < SMALLEST_PRINT and not page.folded
    assert len(page.boxes) == 8
    text = tmp_path / "chain.txt"
    text.write_text(CHAIN, encoding="utf-8")
    result = run("render", str(text), "-o", str(tmp_path / "c.png"), "--layout", "mindmap", "--size", "a4")
    assert result.exit_code == 0 and "deeper levels are folded" not in result.output
    assert "headings print at" in result.output and "another --layout" in result.output


def test_cli_says_a_page_folded_the_map_for_its_print_size(tmp_path):
    text = tmp_path / "big.txt"
    text.write_text(bench_render.synthetic_text(100), encoding="utf-8")
    args = ["render", str(text), "-o", str(tmp_path / "o.png"), "--layout", "org", "--dpi", "30"]
    result = run(*args, "--size", "a4")
    assert result.exit_code == 0
    assert "at --size a4 100 items would print below 6 pt: the deeper levels are folded" in result.output
    result = run(*args, "--force")  # without a page, 100 boxes are within --fold
    assert result.exit_code == 0 and "deeper levels are folded" not in result.output


def test_cli_fold_note_and_fold_0(tmp_path):
    text = tmp_path / "big.txt"
    text.write_text(bench_render.synthetic_text(200), encoding="utf-8")
    result = run("render", str(text), "-o", str(tmp_path / "m.png"), "--layout", "mindmap", "--dpi", "30")
    assert result.exit_code == 0 and "folded" in result.output and "--fold 0" in result.output
    assert "200 items are too many for one mind map" in result.output  # items, not top-level ones
    result = run(
        "render",
        str(text),
        "-o",
        str(tmp_path / "n.png"),
        "--layout",
        "mindmap",
        "--fold",
        "0",
        "--dpi",
        "30",
    )
    assert result.exit_code == 0 and "folded" not in result.output and "200 items" in result.output


# --- laws -------------------------------------------------------------------------------------


def test_ranks_count_units_not_branch_depth(law):
    r = ranks(law)
    assert r[(0,)] == r[(1,)] == 1  # chapters
    assert r[(1, 0)] == 2  # a section
    assert r[(0, 0)] == r[(1, 0, 0)] == 3  # articles, with and without a section above
    assert r[(1, 1, 0, 0)] == 4  # an item of an article
    assert units_in(law) == ["章", "节", "条"]


def test_depth_2_of_a_law_is_chapters_and_sections(law):
    diagram = build(law, depth=2)
    labels = ["".join(lines) for node, lines in diagram.labels.items() if node != ()]
    assert all(label.startswith(("第一章", "第二章", "第三章", "第一节", "第二节")) for label in labels)
    assert len(labels) == 5 and "只显示前 2 层" in diagram.info


def test_levels_choose_units_a_table_of_contents(law):
    toc = build(law, levels=("编", "章", "节"))
    labels = ["".join(lines) for node, lines in toc.labels.items() if node != ()]
    assert labels == ["第一章 总则", "第二章 管理", "第一节 一般规定", "第二节 监督", "第三章 附则"]
    assert "只显示章、节" in toc.info
    articles = build(law, levels=("章", "条"))  # sections left out: their articles move up
    kids = articles.children[(1,)]
    assert [articles.labels[k][0][:3] for k in kids] == ["第三条", "第四条", "第五条"]
    with pytest.raises(RenderError, match="no item is numbered with 编"):
        build(law, levels=("编",))


def test_articles_stand_in_one_column_and_their_text_is_cut_at_a_clause(law):
    diagram = build(law, layout="tree")
    first, third = diagram.boxes[(0, 0)], diagram.boxes[(1, 0, 0)]
    assert first.x == third.x  # 第一条 (no section above) in the article column
    assert diagram.levels[(0, 0)] == diagram.levels[(1, 0, 0)]  # and coloured as an article
    assert crossings(diagram.links, diagram.boxes) == []
    text = "".join(diagram.labels[(0, 0)])
    assert (
        text.startswith("第一条 为了规范示范项目的管理，") and text.endswith("…") and "制定本条例" not in text
    )


def test_cli_levels(tmp_path):
    law_file = tmp_path / "law.txt"
    law_file.write_text(LAW, encoding="utf-8")
    result = run("render", str(law_file), "-o", str(tmp_path / "toc.png"), "--levels", "编，章，节")
    assert result.exit_code == 0 and "5 items" in result.output, result.output
    result = run("render", str(law_file), "-o", str(tmp_path / "x.png"), "--levels", "款")
    assert result.exit_code == 2 and "unknown unit" in result.output
    result = run("render", str(law_file), "-o", str(tmp_path / "x.png"), "--levels", "编")
    assert result.exit_code == 2 and "no item is numbered with 编" in result.output
    assert not (tmp_path / "x.png").exists()


def test_parse_units():
    assert (
        parse_units("编,章,节")
        == parse_units("编，章、节")
        == parse_units(" 编 章 节 ")
        == ("编", "章", "节")
    )
    with pytest.raises(ValueError, match="unknown unit '款'"):
        parse_units("章,款")
    with pytest.raises(ValueError, match="no unit given"):
        parse_units(" ,， ")


# --- labels -----------------------------------------------------------------------------------


def test_clip_sentence_cuts_where_a_reader_pauses():
    text = "为了规范示范项目的管理，保障参与各方的合法权益，促进示范工作健康有序发展"
    assert clip_sentence(text, 24) == "为了规范示范项目的管理，保障参与各方的合法权益…"
    assert clip_sentence("短句", 24) == "短句"
    assert clip_sentence("一二三四五六七八九十一二三四五六七八九十GB18030编码", 24).endswith("十…")


def test_balanced_wrap_leaves_no_lone_character(measure):
    text = "二、抓好落实，充分发挥人大职能作用"
    plain = wrap(text, measure, 16 * 11, keep=2)
    even = balanced(text, measure, 16 * 11, keep=2)
    assert len(plain) == len(even) == 2 and len(plain[-1]) == 1
    assert "".join(even) == text and abs(len(even[0]) - len(even[1])) <= 3
    assert even[0].endswith("，")  # balanced, then moved to where a reader pauses


@pytest.mark.parametrize(
    ("text", "keep", "chars", "expected"),
    [
        # balanced at the comma, not inside 认识 or 偏少
        ("首先，大项目好项目偏少，带动能力不强", 3, 12, ["首先，大项目好项目偏少，", "带动能力不强"]),
        # a quoted name kept whole
        ("在全县“项目建设提速年”动员大会上的讲话", 0, 12, ["在全县“项目建设提速年”", "动员大会上的讲话"]),
        # no pause near the middle: the balanced break stays
        ("最后，部分干部服务意识不强，推进效率不高", 3, 12, ["最后，部分干部服务意", "识不强，推进效率不高"]),
        # a unit's heading on a line of its own under its marker, when it fits one
        ("第二章 机动车驾驶证申请", 3, 8, ["第二章", "机动车驾驶证申请"]),
        ("第一节 考试内容和合格标准", 3, 8, ["第一节 考试内", "容和合格标准"]),
        # a pause that would make the label much wider than balanced is not taken
        (
            "另一方面及时掌握项目进展，把问题解决在萌芽状态",
            4,
            10,
            ["另一方面及时掌握", "项目进展，把问题", "解决在萌芽状态"],
        ),
        # other markers stay on the heading's first line
        ("一、机动车驾驶证申请", 2, 8, ["一、机动车", "驾驶证申请"]),
    ],
)
def test_balanced_lines_break_where_a_reader_pauses(measure, text, keep, chars, expected):
    assert balanced(text, measure, chars * 11, keep=keep) == expected


def test_letter_spaced_headings_are_closed_up():
    assert unspaced("监\u2002\u2002护") == unspaced("监 护") == "监护"
    assert unspaced("总　则") == "总则"
    assert unspaced("不忘初心 牢记使命") == "不忘初心 牢记使命"


# --- many files at once -----------------------------------------------------------------------


def test_cli_many_files_into_a_folder(tmp_path):
    a, b = tmp_path / "甲.txt", tmp_path / "乙.txt"
    a.write_text("题目\n一、第一项\n二、第二项\n", encoding="utf-8")
    b.write_text(LAW, encoding="utf-8")
    out = tmp_path / "out"
    result = run("render", str(a), str(b), "-o", f"{out}/", "--format", "svg", "--layout", "mindmap")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["乙.svg", "甲.svg"]
    # existing pictures are refused before any work, and nothing is written
    (out / "甲.svg").write_text("old", encoding="utf-8")
    result = run("render", str(a), str(b), "-o", str(out))
    assert result.exit_code == 0  # png: no clash with the svgs
    result = run("render", str(a), str(b), "-o", str(out), "--format", "svg")
    assert result.exit_code == 2 and "already exists" in result.output
    assert (out / "甲.svg").read_text(encoding="utf-8") == "old"


def test_cli_many_files_one_bad_input_the_rest_drawn(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("题目\n一、第一项\n二、第二项\n", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02" * 50)
    proc = subprocess.run(
        [sys.executable, "-m", "tigang", "render", str(bad), str(good), "-o", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    errors = [line for line in proc.stderr.splitlines() if line.startswith("tigang: error:")]
    assert len(errors) == 2 and "bad.txt" in errors[0] and "1 of 2 files" in errors[1]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["good.png"]


def test_cli_many_files_with_one_name_is_an_error(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    for folder in ("a", "b"):
        (tmp_path / folder / "x.txt").write_text("一、甲\n二、乙\n", encoding="utf-8")
    result = run(
        "render", str(tmp_path / "a" / "x.txt"), str(tmp_path / "b" / "x.txt"), "-o", str(tmp_path / "o")
    )
    assert result.exit_code == 2 and "would be drawn into it" in result.output
    assert list((tmp_path / "o").iterdir()) == []


# --- parts and back matter --------------------------------------------------------------------

# A made-up report: two unnumbered part titles, and an appendix with items of two levels.
PARTS = """某县政府工作报告
各位代表：
现在，我代表县人民政府，向大会报告工作。
2023年工作回顾
一、产业发展稳中有进
（一）工业增长较快
（二）农业再获丰收
二、民生持续改善
2024年工作安排
一、推动产业升级
二、扩大有效投资
三、办好民生实事
各位代表，让我们团结一心，奋力实现全年目标！
附件
民生实事项目
1.教育提升工程
（1）新建幼儿园三所
（2）改造校舍五处
2.健康服务工程
（1）建设社区医院
"""


@pytest.mark.parametrize("layout", ["mindmap", "org"])
def test_part_titles_are_coloured_as_the_branches_they_head(layout):
    diagram = build(parse_text(PARTS), layout=layout, appendix=True)
    root = _paint(diagram, diagram.root)
    heads = [("part", 0), ("part", 1), ("appendix", 0)]
    paints = [_paint(diagram, head) for head in heads]
    assert all(p.fill != root.fill for p in paints)  # not a second root
    assert len({p.edge for p in paints}) == 3  # each its own hue
    for head, paint in zip(heads, paints, strict=True):
        for kid in diagram.children[head]:  # the hue of the items under it
            assert _paint(diagram, kid).edge == paint.edge


def test_the_total_counts_every_item_of_the_appendix():
    outline = parse_text(PARTS)
    assert len(outline) == 7
    diagram = build(outline, depth=1, appendix=True)
    assert "共 12 项" in diagram.info  # 7 in the speech, 1. (1) (2) 2. (1) in the appendix


def test_cli_many_files_show_a_progress_bar_on_a_terminal(tmp_path):
    """On a terminal the batch shows a bar counting the files; in a pipe (the tests above)
    only the one-line notes."""
    import os
    import pty

    names = ["甲", "乙", "丙"]
    for name in names:
        (tmp_path / f"{name}.txt").write_text(f"{name}题目\n一、第一项\n二、第二项\n", encoding="utf-8")
    leader, follower = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "tigang", "render", *(f"{n}.txt" for n in names), "-o", "out/", "--dpi", "30"],
        cwd=tmp_path,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=follower,
        env={**os.environ, "COLUMNS": "120", "TERM": "xterm"},
    )
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        seen += chunk
    assert proc.wait(timeout=120) == 0
    os.close(leader)
    text = seen.decode("utf-8", "replace")
    assert "绘制 drawing" in text and "3/3" in text
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["丙.png", "乙.png", "甲.png"]


def test_cli_watch_draws_one_file(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    for path in (a, b):
        path.write_text("题目\n一、第一项\n", encoding="utf-8")
    result = run("render", str(a), str(b), "-o", str(tmp_path / "out"), "--watch")
    assert result.exit_code == 2 and "--watch draws one FILE" in result.output
    assert not (tmp_path / "out").exists()
