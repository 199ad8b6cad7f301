"""`tigang check`: every rule fires on its bad example and not on its mended one, stays quiet
on real published texts, and the CLI speaks like a linter."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from goldfile import SHARED

from tigang.cli import cli
from tigang.outline import parse_file, parse_text
from tigang.outline.lint import RULES, CheckConfig, check_outline, load_config
from tigang.outline.lint.parallel import parallel_outliers
from tigang.outline.lint.reference import render_reference

DOCS = Path(__file__).resolve().parents[1] / "docs"


def codes(text: str, **config) -> list[str]:
    return [f.code for f in check_outline(parse_text(text), CheckConfig(**config))]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_fires_on_its_bad_example_and_not_on_the_mended_one(rule):
    assert rule.code in codes(rule.bad), rule.bad
    assert rule.code not in codes(rule.good), rule.good


def test_rule_reference_page_is_generated_from_the_registry():
    assert (DOCS / "check-rules.md").read_text(encoding="utf-8") == render_reference()


@pytest.mark.parametrize(
    ("text", "quiet"),
    [
        # legal lists: items end with ；, have no body, and are not parallel headings
        (
            "第一条 监护人为：\n（一）祖父母、外祖父母；\n（二）兄、姐；\n（三）其他愿意担任监护人的个人或者组织，但是须经居民委员会同意。\n第二条 本法自公布之日起施行。\n",
            ["S303", "H403", "H401", "H402"],
        ),
        # an unnumbered part title restarts level 1: not a slip
        (
            "2023年工作回顾\n一、经济发展。\n二、民生改善。\n2024年工作安排\n一、稳增长。\n二、保民生。\n",
            ["N103"],
        ),
        # a second 一要 run under one section is a new run, not a restart
        (
            "一、任务\n货币政策：一要稳。二要准。\n物价工作：一要保供。二要稳价。\n二、保障\n加强领导。\n",
            ["N103"],
        ),
        # article numbers run through the whole law
        ("第一章 总则\n第一条 甲。\n第二条 乙。\n第二章 分则\n第三条 丙。\n第四条 丁。\n", ["N104", "N103"]),
        # a text cut off inside its last section reports S304 once, not S301 too
        (
            "一、学习\n第一，要学深。\n第二，要悟透。\n二、落实\n第一，要抓项目。项目是发展的载体，要",
            ["S301"],
        ),
        # a closed notice followed by a comment box is not cut off
        (
            "关于开展安全检查的通知\n一、各地自查\n要全面排查。\n二、重点抽查\n要抽查到位。特此通知。\n评论回复\n张三：同意 ［2016-07-10］\n提交回复 返回\n",
            ["S304"],
        ),
        # items that are whole sentences carry their own content
        (
            "调查情况\n1、多数学生喜欢上网。\n2、上网的目的\n查资料、玩游戏。\n3、上网的时间\n多在周末。\n",
            ["S303"],
        ),
        # chapters may run on across parts; a chapter with one article is normal
        (
            "## 第一编 总则\n### 第一章 一般规定\n第一条 甲。\n### 第二章 处分\n第二条 乙。\n## 第二编 分则\n### 第三章 纪律\n第三条 丙。\n第四条 丁。\n### 第四章 附则\n第五条 本条例自发布之日起施行。\n",
            ["N104", "S301"],
        ),
        # lead-in items ending in ： are not inconsistent periods
        (
            "一、禁止下列行为：\n（1）收受礼金。\n（2）收受购物卡。\n二、收受财物后及时退还的，不是违纪。\n三、本规定自发布之日起施行。\n四、由纪委负责解释。\n",
            ["H403"],
        ),
        # 4 + 4 character clauses of one frame: parallel
        (
            "一、推进思想建设，引领意识形态\n二、推进组织建设，夯实执政基础\n三、推进纪律建设，从严管党治党\n四、推进民主建设，凝聚最大合力\n",
            ["H401"],
        ),
    ],
)
def test_rules_stay_quiet_where_an_editor_would(text, quiet):
    found = codes(text)
    assert not set(found) & set(quiet), found


def test_skipped_number_message_names_both_markers():
    (finding,) = [f for f in check_outline(parse_text("一、甲。\n二、乙。\n四、丁。\n")) if f.code == "N101"]
    assert (finding.line, finding.column) == (3, 1)
    assert finding.format() == ":3:1: N101 序号跳号：“二、”之后是“四、”(skipped number: expected 3, found 4)"
    law = "第一章 总则\n第一条 甲。\n第二条 乙。\n第二章 分则\n第八条 丙。\n"
    (finding,) = [f for f in check_outline(parse_text(law)) if f.code == "N101"]
    assert finding.message == "序号跳号：此处应为第3项，实为“第八条”"


def test_mixed_width_prefers_full_width_on_a_tie():
    (finding,) = [f for f in check_outline(parse_text("一、甲\n（一）乙。\n(二)丙。\n")) if f.code == "W203"]
    assert "“(二)”与本级其他序号“（一）”不一致" in finding.message


# ------------------------------------------------------------ parallelism on real runs


def _seed_outline(prefix: str):
    return parse_file(next((SHARED / "seeds").glob(f"{prefix}_*.txt")))


def test_parallel_runs_of_the_seeds_are_recognised(shared):
    zai = [n.heading for n in _seed_outline("000").nodes]  # 在…上聚力用劲 ×4
    assert parallel_outliers(zai) == []
    broken = [*zai[:3], "聚焦年度目标任务", "在改进工作作风上聚力用劲"]
    assert [(i, f.describe) for i, f in parallel_outliers(broken)] == [(3, "“…上聚力用劲”句式")]

    gengjia = [n.heading for n in _seed_outline("002").nodes[0].children]  # …更加…
    assert parallel_outliers(gengjia) == []
    broken = [*gengjia[:3], "疫情防控有力有效"]
    assert [i for i, _ in parallel_outliers(broken)] == [3]


def test_parallel_by_length_and_clause_shape():
    assert [
        i for i, _ in parallel_outliers(["强化担当", "狠抓落实", "改进作风", "严明纪律", "切实加强组织领导"])
    ] == [4]
    assert (
        parallel_outliers(["一般规定", "营利法人", "非营利法人", "特别法人"]) == []
    )  # one character is not rhythm
    assert (
        parallel_outliers(["要坚持全面系统学习", "要持续深入学习", "领导干部要带头学习"]) == []
    )  # three is too few


# ------------------------------------------------------------ the seeds and the corpus

SEED_FINDINGS = {
    "000": [],
    "001": [],
    "002": [],
    "003": [("S302", 3), ("S304", 16)],  # the TOC lists 三、强化担当; the body stops mid-sentence
    "004": [("N105", 10)],  # the web copy stops after part 一
}


@pytest.mark.parametrize("prefix", sorted(SEED_FINDINGS))
def test_seed_findings_are_what_an_editor_would_report(prefix, shared):
    found = [(f.code, f.line) for f in check_outline(_seed_outline(prefix))]
    assert found == SEED_FINDINGS[prefix]


def test_published_texts_give_few_findings(shared):
    raw = SHARED / "corpus" / "raw"
    found = {p.name[:5]: [f.code for f in check_outline(parse_file(p))] for p in sorted(raw.glob("*.txt"))}
    assert found == {
        "src02": [],
        "src04": ["N105"],  # the file holds part 一 only
        "src05": ["H401"],  # 加强廉政建设 among 8-character siblings
        "src07": [],  # its 一、 under （二） stand inline in a sentence: not a heading order
        "src10": ["N104", "H401"],  # starts mid-text at 二、; 推进绿色发展 among 10-character siblings
        "src11": [],
        "src14": [],
        "src17": [],
        "src24": [],
    }


# ------------------------------------------------------------ the command


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_cli_exit_codes_and_summary(tmp_path):
    clean = write(tmp_path, "clean.txt", "一、总体要求\n要坚持稳中求进。\n二、主要任务\n要抓好落实。\n")
    bad = write(
        tmp_path, "bad.txt", "一、总体要求\n（一）甲。\n(二)乙。\n二、主要任务\n四、保障措施\n要加强领导。\n"
    )
    runner = CliRunner()
    result = runner.invoke(cli, ["check", clean])
    assert (result.exit_code, result.output) == (0, "no problems\n")
    result = runner.invoke(cli, ["check", bad])
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == "3 problems (1 error, 2 warnings)"  # W203, S303, N101
    assert f"{bad}:5:1: N101 序号跳号：“二、”之后是“四、”" in result.output
    result = runner.invoke(cli, ["check", bad, "--select", "N", "--ignore", "W203"])
    assert [line.split(": ")[1].split()[0] for line in result.output.splitlines()[:-1]] == ["N101"]
    result = runner.invoke(cli, ["check", bad, str(tmp_path / "missing.txt")])
    assert result.exit_code == 2 and "N101" in result.output


def test_cli_json(tmp_path):
    bad = write(tmp_path, "bad.txt", "一、甲\n三、乙\n")
    result = CliRunner().invoke(cli, ["check", bad, "--format", "json"])
    doc = json.loads(result.output)
    assert doc["errors"] >= 1
    assert {"path", "line", "column", "code", "severity", "message", "gloss"} <= doc["findings"][0].keys()


def test_cli_rejects_unknown_codes(tmp_path):
    result = CliRunner().invoke(cli, ["check", write(tmp_path, "a.txt", "一、甲\n"), "--select", "X9"])
    assert result.exit_code == 2


def test_config_from_pyproject_and_tigang_toml(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.tigang.check]\nignore = ["W203"]\nmax-heading-length = 10\n', encoding="utf-8"
    )
    config = load_config(tmp_path)
    assert not config.enabled("W203") and config.enabled("N101") and config.max_heading_length == 10
    sub = tmp_path / "drafts"
    sub.mkdir()
    (sub / "tigang.toml").write_text('select = ["S"]\n', encoding="utf-8")
    assert load_config(sub).select == ("S",)
    (sub / "tigang.toml").write_text("select = 3\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", write(sub, "a.txt", "一、甲\n")])
    assert result.exit_code == 2 and "select must be a list" in result.output
