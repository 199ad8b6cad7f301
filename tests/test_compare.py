"""The compare module: edits of real outlines with known truth are recovered exactly enough
(per-operation precision and recall ≥ 0.95), scores behave, and `tigang diff` works."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from editing import Editor, scores
from goldfile import SHARED
from rich.cells import cell_len

from tigang.cli import cli
from tigang.compare import Op, diff
from tigang.compare.merge import Kind, merged_tree
from tigang.compare.similarity import HeadingSpace, cosine
from tigang.outline import parse_file, parse_text

REAL = [
    "seeds/002_*.txt",
    "corpus/raw/src05_*.txt",
    "corpus/raw/src10_*.txt",
    "corpus/raw/src11_*.txt",
    "corpus/raw/src24_*.txt",
]


def real(pattern: str):
    return parse_file(next(SHARED.glob(pattern)))


def test_a_speech_against_itself_is_all_keep(shared):
    outline = real("seeds/002_*.txt")
    script = diff(outline, outline)
    assert script.score == 1.0
    assert {e.op for e in script.edits} == {Op.KEEP}


def test_renumbering_alone_changes_nothing(shared):
    outline = real("corpus/raw/src05_*.txt")
    renumbered = Editor(outline, random.Random(0)).result(renumber=True)
    script = diff(outline, renumbered)
    assert script.score == 1.0 and {e.op for e in script.edits} == {Op.KEEP}


EDITS = ("reword", "reorder", "delete", "insert", "promote")


@pytest.mark.parametrize("pattern", REAL)
def test_known_edits_are_recovered(pattern, shared):
    """Several of every kind of edit at once, on five real outlines, three seeds each."""
    outline = real(pattern)
    totals: dict[str, list[float]] = {}
    for seed in range(3):
        rng = random.Random(seed)
        editor = Editor(outline, rng)
        for _ in range(3):
            for kind in EDITS:
                if kind == "promote" and rng.random() < 0.5:
                    continue
                getattr(editor, kind)()
        edited = editor.result(renumber=True)
        for op, (p, r) in scores(editor.truth(), diff(outline, edited)).items():
            totals.setdefault(op, []).extend([p, r])
    for op, values in totals.items():
        assert min(values) >= 0.95 or sum(values) / len(values) >= 0.97, (op, values)


def test_precision_and_recall_over_all_real_outlines(shared):
    """The aggregate the issue asks for: per operation, over 5 outlines × 10 edited versions."""
    hits = {op: [0, 0, 0] for op in ("keep", "update", "move", "level", "insert", "delete")}  # tp, got, truth
    for pattern in REAL:
        outline = real(pattern)
        for seed in range(10):
            rng = random.Random(100 + seed)
            editor = Editor(outline, rng)
            for kind in EDITS:
                getattr(editor, kind)()
            truth = editor.truth()
            got = {(e.op.value, e.a, e.b) for e in diff(outline, editor.result()).edits}
            for op in hits:
                t = {x for x in truth if x[0] == op}
                g = {x for x in got if x[0] == op}
                hits[op][0] += len(t & g)
                hits[op][1] += len(g)
                hits[op][2] += len(t)
    for op, (tp, got, truth) in hits.items():
        assert tp / got >= 0.95 and tp / truth >= 0.95, (op, tp, got, truth)


def test_reworded_sections_are_the_same_item():
    space = HeadingSpace(
        ["推进思想建设，引领意识形态", "加强思想建设，引领意识形态", "推进组织建设，夯实执政基础"]
    )
    same = cosine(space.vector("推进思想建设，引领意识形态"), space.vector("加强思想建设，引领意识形态"))
    other = cosine(space.vector("推进思想建设，引领意识形态"), space.vector("推进组织建设，夯实执政基础"))
    assert same > 0.6 > other


def test_an_item_under_a_different_parent_is_still_found():
    a = parse_text(
        "一、思想建设\n（一）推进思想建设，引领意识形态。一要加强阵地建设。二要弘扬特色文化。\n二、组织建设\n"
    )
    b = parse_text(
        "一、党的建设\n（一）统筹谋划全年工作\n（二）推进思想建设，引领意识形态。一要加强阵地建设。二要弘扬特色文化。\n"
    )
    script = diff(a, b)
    pairs = {(e.a, e.b) for e in script.edits if e.a is not None and e.b is not None}
    assert ((0, 0, 0), (0, 1, 0)) in pairs  # 一要加强阵地建设 found under its moved parent


def test_unrelated_speeches_score_near_zero(shared):
    a = real("corpus/raw/src24_*.txt")  # the civil code
    for pattern in ("seeds/002_*.txt", "corpus/raw/src02_*.txt"):
        assert diff(a, real(pattern)).score < 0.05


def test_related_reports_score_above_unrelated(shared):
    """Two national work reports (2018, 2022) share more structure than a report and the law."""
    r2018, r2022 = real("corpus/raw/src04_*.txt"), real("corpus/raw/src02_*.txt")
    law = real("corpus/raw/src24_*.txt")
    assert diff(r2018, r2022).score >= diff(r2022, law).score


def test_empty_outline_is_an_honest_all_insert_diff():
    empty = parse_text("只是一段没有编号的文字。\n")
    full = parse_text("一、总体要求\n（一）指导思想。\n")
    script = diff(empty, full)
    assert {e.op for e in script.edits} == {Op.INSERT} and script.score == 0.0


def test_merged_tree_holds_every_item_once():
    a = parse_text("一、甲乙丙丁\n（一）子项目一\n（二）子项目二\n二、戊己庚辛\n三、壬癸子丑\n")
    b = parse_text("一、戊己庚辛\n二、寅卯辰巳\n三、甲乙丙丁\n（一）子项目一\n")
    nodes = [n for n in merged_tree(diff(a, b)).walk() if n.a != ()]
    real = [n for n in nodes if n.kind is not Kind.GHOST]
    assert sorted(n.a for n in real if n.a is not None) == [(0,), (0, 0), (0, 1), (1,), (2,)]
    assert sorted(n.b for n in real if n.b is not None) == [(0,), (1,), (2,), (2, 0)]


def test_a_deleted_child_stays_beside_its_moved_parent():
    """甲乙丙丁 moved from first to last; its deleted child (二) is shown under it there."""
    a = parse_text("一、甲乙丙丁\n（一）子项目一\n（二）子项目二\n二、戊己庚辛\n三、壬癸子丑\n")
    b = parse_text("一、戊己庚辛\n二、壬癸子丑\n三、甲乙丙丁\n（一）子项目一\n")
    root = merged_tree(diff(a, b))
    moved = next(n for n in root.children if n.kind is Kind.SHARED and n.a == (0,))
    assert [(c.kind, c.a) for c in moved.children] == [(Kind.SHARED, (0, 0)), (Kind.ONLY_A, (0, 1))]
    assert root.children[0].kind is Kind.GHOST  # and a mark at its old place


# ------------------------------------------------------------ the command


def test_cli_text_json_and_png(tmp_path, shared):
    a = next(SHARED.glob("seeds/002_*.txt"))
    edited = tmp_path / "b.txt"
    text = a.read_text(encoding="utf-8").replace("推进思想建设", "加强思想建设")
    edited.write_text(text, encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(cli, ["diff", str(a), str(edited)])
    assert result.exit_code == 0
    counts, scores = result.output.splitlines()[-2:]
    assert "update 1" in counts and scores.startswith("score 0.9")
    result = runner.invoke(cli, ["diff", str(a), str(edited), "--format", "json"])
    doc = json.loads(result.output)
    assert doc["version"] == 1 and 0.9 < doc["score"] < 1.0
    assert doc["a"]["file"] == str(a) and doc["b"]["file"] == str(edited)
    assert doc["a"]["title"] == doc["b"]["title"] and doc["a"]["items"] == doc["b"]["items"]
    assert doc["counts"]["update"] == 1
    (update,) = [op for op in doc["ops"] if op["op"] == "update"]
    assert update["a"]["heading"].startswith("推进思想建设") and update["b"]["heading"].startswith(
        "加强思想建设"
    )
    assert update["a"]["line"] == update["b"]["line"] and update["a"]["marker"] == update["b"]["marker"]
    png = tmp_path / "diff.png"
    result = runner.invoke(cli, ["diff", str(a), str(edited), "-o", str(png)])
    assert result.exit_code == 0 and png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    result = runner.invoke(cli, ["diff", str(a), str(edited), "-o", str(png)])
    assert result.exit_code == 2 and "already exists (use --force" in result.output


def test_doubtful_pairs_are_marked_in_text_and_picture(tmp_path):
    """Two different speeches (the bundled examples): each pair less sure than 70% shows its
    confidence after the 乙 heading, in the terminal and in the picture, and the summary
    counts them; the confidences are those of the alignment."""
    from tigang.compare import diff as diff_outlines
    from tigang.compare.confidence import DOUBTFUL
    from tigang.outline import parse_file

    examples = Path(__file__).resolve().parents[1] / "examples"
    a, b = examples / "讲话稿示例.txt", examples / "项目推进会讲话.txt"
    al = diff_outlines(parse_file(a), parse_file(b)).alignment
    doubtful = sorted(f"?{c:.0%}" for c in al.confidence.values() if c < DOUBTFUL)
    assert doubtful and all(c >= 0.4 for c in al.confidence.values())  # the default drops the rest
    result = CliRunner().invoke(cli, ["diff", str(a), str(b)], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert sorted(re.findall(r"\?\d+%", result.output)) == doubtful
    assert result.output.splitlines()[-1].startswith(f"存疑 doubtful {len(doubtful)} ")
    svg = tmp_path / "diff.svg"
    assert CliRunner().invoke(cli, ["diff", str(a), str(b), "-o", str(svg)]).exit_code == 0
    texts = svg.read_text(encoding="utf-8")
    assert all(mark in texts for mark in doubtful) and "存疑 doubtful (confidence" in texts


def test_the_legend_fits_a_narrow_picture_with_long_file_names():
    """A small diff between files with long names (hashes, as scraped corpora name them):
    the legend takes fewer columns and more rows, and stays inside the picture."""
    from tigang.compare.render_graph import _merged

    a = parse_text("一、认真学习\n二、抓好落实\n三、转变作风\n四、加强领导\n")
    b = parse_text("一、加强领导\n二、认真学习，统一思想\n三、狠抓落实\n四、优化营商环境\n")
    script = diff(a, b)
    fig = _merged(script, "000_801bab7508b66d54_一个很长的文件名", "001_e2add6c7e6d98209_另一个长文件名")
    assert len(fig.legends[0].get_texts()) >= 4
    fig.canvas.draw()
    legend = fig.legends[0].get_window_extent()
    assert legend.x0 >= 0 and legend.x1 <= fig.bbox.x1 and legend.y0 >= 0, (legend, fig.bbox)


def test_cli_three_speeches_give_a_skeleton(tmp_path, shared):
    base = next(SHARED.glob("seeds/002_*.txt")).read_text(encoding="utf-8")
    paths = []
    for i, (old, new) in enumerate(
        [("", ""), ("推进思想建设", "加强思想建设"), ("狠抓工作落实", "抓好工作落实")]
    ):
        path = tmp_path / f"v{i}.txt"
        path.write_text(base.replace(old, new) if old else base, encoding="utf-8")
        paths.append(str(path))
    result = CliRunner().invoke(cli, ["diff", *paths, "--format", "json", "--min-share", "1"])
    doc = json.loads(result.output)
    assert len(doc["skeleton"]) == 5 and all(item["share"] == 3 for item in doc["skeleton"])
    assert len(doc["scores"]) == 3


def test_cli_bad_input(tmp_path):
    good = tmp_path / "a.txt"
    good.write_text("一、总体要求\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["diff", str(good), str(tmp_path / "missing.txt")])
    assert result.exit_code == 2 and "no such file" in result.output
    result = CliRunner().invoke(cli, ["diff", str(good)])
    assert result.exit_code == 2


def test_json_follows_the_published_schema(tmp_path, shared):
    """docs/diff.schema.json describes what `tigang diff --format json` writes: checked on
    real pairs, on an empty outline and on a reworded draft."""
    import jsonschema

    schema = json.loads((Path(__file__).resolve().parents[1] / "docs" / "diff.schema.json").read_text())
    validator = jsonschema.Draft202012Validator(schema)
    empty = tmp_path / "empty.txt"
    empty.write_text("只是一段没有编号的文字。\n", encoding="utf-8")
    cases = [
        ("corpus/raw/src05_*.txt", "corpus/raw/src02_*.txt"),
        ("seeds/000_*.txt", "seeds/001_*.txt"),
        ("corpus/raw/src24_*.txt", "seeds/002_*.txt"),
    ]
    runner = CliRunner()
    paths = [(next(SHARED.glob(x)), next(SHARED.glob(y))) for x, y in cases]
    paths.append((empty, next(SHARED.glob("seeds/002_*.txt"))))
    for a, b in paths:
        result = runner.invoke(cli, ["diff", str(a), str(b), "--format", "json"])
        assert result.exit_code == 0, result.output
        doc = json.loads(result.output)
        validator.validate(doc)
        assert sum(doc["counts"].values()) == len(doc["ops"])


# ------------------------------------------------------------ the terminal


def test_terminal_names_the_files_and_wraps_inside_its_columns(tmp_path):
    """Two drafts with one title: the columns carry the file names; a long heading wraps in its
    column with the tree's indentation, and no wrapped line starts with punctuation."""
    long = "统筹推进疫情防控和经济社会发展，坚持稳中求进工作总基调，全面贯彻新发展理念，加快构建新发展格局"
    a = tmp_path / "初稿.txt"
    b = tmp_path / "定稿.txt"
    a.write_text(f"关于工作的讲话\n一、总体要求\n（一）{long}。\n二、主要任务\n", encoding="utf-8")
    b.write_text(
        f"关于工作的讲话\n一、总体要求\n（一）{long}，确保开好局。\n三、保障措施\n", encoding="utf-8"
    )
    result = CliRunner().invoke(cli, ["diff", str(a), str(b)], terminal_width=70)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "甲 A  初稿" in lines[0] and "乙 B  定稿" in lines[0]
    wrapped = [line for line in lines if line[:2].strip() == "" and "推进" not in line and line.strip()]
    assert wrapped, result.output
    column = (70 - 2 - 2) // 2  # render_text: two columns and a gap of two cells
    for line in lines[2:-2]:
        left, right, width = "", "", 0
        for ch in line[2:]:
            if width < column:
                left += ch
            elif width >= column + 2:
                right += ch
            width += cell_len(ch)
        for cell in (left, right):
            assert not cell.strip()[:1] or cell.strip()[0] not in "、，。；：！？）》", line


def test_changes_only_and_exit_code(tmp_path):
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    same = tmp_path / "same.txt"
    body = "一、总体要求\n（一）指导思想\n（二）基本原则\n（三）主要目标\n二、重点任务\n（一）加快产业升级\n"
    a.write_text(body, encoding="utf-8")
    same.write_text(body, encoding="utf-8")
    b.write_text(
        body.replace("（一）加快产业升级", "（一）加快产业升级\n（二）扩大对外开放"), encoding="utf-8"
    )
    runner = CliRunner()
    result = runner.invoke(cli, ["diff", str(a), str(b), "--changes-only", "--exit-code"])
    assert result.exit_code == 1
    assert (
        "指导思想" not in result.output and "⋯ 1 项未变" in result.output and "扩大对外开放" in result.output
    )
    result = runner.invoke(cli, ["diff", str(a), str(same), "--exit-code"])
    assert result.exit_code == 0


def test_skeleton_says_when_nothing_is_shared(tmp_path):
    paths = []
    for i, text in enumerate(
        ("一、加强思想建设\n二、狠抓工作落实\n", "一、推进乡村振兴\n", "一、完善社会保障\n")
    ):
        path = tmp_path / f"s{i}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    result = CliRunner().invoke(cli, ["diff", *paths, "--min-share", "1"])
    assert result.exit_code == 0
    assert "no item is shared by at least 3 of 3 outlines" in result.output
    picture = tmp_path / "skeleton.svg"
    result = CliRunner().invoke(cli, ["diff", *paths, "-o", str(picture)])
    assert result.exit_code == 0 and picture.read_text(encoding="utf-8").startswith("<?xml")


def test_part_titles_take_part_in_the_alignment():
    """One report puts its plan under an unnumbered part title (items at level 1), the other
    under a numbered section 三、: the plan's items still find each other."""
    a = parse_text(
        "甲市政府工作报告\n各位代表：\n现在，我代表市人民政府，向大会报告工作。\n2023年工作回顾\n"
        "一、工业经济加快发展。全年规模以上工业增加值增长百分之八，新能源汽车产量翻番。\n"
        "二、民生保障持续加强。新增城镇就业三万人，新建学校十所。\n"
        "2024年工作安排\n一、大力发展先进制造业。推进新能源汽车和电子信息产业集群建设。\n"
        "二、着力保障和改善民生。抓好就业、教育、医疗和养老服务。\n"
    )
    b = parse_text(
        "乙市政府工作报告\n一、2023年工作回顾\n（一）工业提质增效。规模以上工业增加值增长百分之七，新能源汽车产业壮大。\n"
        "（二）民生福祉增进。城镇就业增加，新建改扩建学校。\n二、2024年工作安排\n"
        "（一）做强先进制造业。壮大新能源汽车和电子信息产业集群。\n（二）用心办好民生实事。抓好就业、教育、医疗、养老。\n"
    )
    pairs = diff(a, b).alignment.pairs
    assert pairs.get((2,)) == (1, 0) and pairs.get((3,)) == (1, 1)  # the plan
    assert pairs.get((0,)) == (0, 0) and pairs.get((1,)) == (0, 1)  # the review


def test_an_article_never_pairs_with_a_chapter():
    """A regulation without chapters against its revision that files the articles under
    chapters: each old article's counterpart is the new article inside, never the chapter."""
    old = parse_text(
        "某某条例\n"
        "第一条 为了促进机关、事业单位和大型企业及时支付中小企业款项，维护中小企业合法权益，制定本条例。\n"
        "第二条 机关、事业单位从中小企业采购货物、工程、服务，应当自货物、工程、服务交付之日起30日内支付款项。\n"
        "第三条 省级以上人民政府负责中小企业促进工作综合管理的部门对拒绝或者迟延支付中小企业款项的，"
        "应当建立投诉受理机制，及时处理投诉。\n"
    )
    new = parse_text(
        "某某条例\n第一章 总则\n"
        "第一条 为了促进机关、事业单位和大型企业及时支付中小企业款项，维护中小企业合法权益，优化营商环境，制定本条例。\n"
        "第二章 款项支付规定\n"
        "第二条 机关、事业单位从中小企业采购货物、工程、服务，应当自货物、工程、服务交付之日起30日内支付款项；"
        "合同另有约定的，从其约定。\n"
        "第三章 监督管理\n"
        "第三条 省级以上人民政府负责中小企业促进工作综合管理的部门对拒绝或者迟延支付中小企业款项的，"
        "应当建立便利畅通的投诉受理机制，及时处理投诉。\n"
    )
    pairs = {x: y for x, y in diff(old, new).alignment.pairs.items() if x}
    assert all(len(y) == 2 for y in pairs.values()), pairs  # articles only, no 章
    assert pairs == {(0,): (0, 0), (1,): (1, 0), (2,): (2, 0)}
