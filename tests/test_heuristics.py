"""The parser's heuristic registry: every example parses as written, placement rules are
recorded on the items they place, and docs/heuristics.md is the registry's own page."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tigang.outline import parse_file, parse_text
from tigang.outline.heuristics import PLACEMENT_RULES, RULES, STAGE_NAMES, render_catalogue
from tigang.outline.render import render_text

EXAMPLES = [
    pytest.param(rule, kind, example, id=f"{rule.name}-{kind}{i}")
    for rule in RULES
    for kind, examples in (("fires", rule.fires), ("spares", rule.spares))
    for i, example in enumerate(examples)
]


@pytest.mark.parametrize(("rule", "kind", "example"), EXAMPLES)
def test_example(rule, kind, example):
    outline = parse_text(example.text)
    assert render_text(outline).rstrip("\n") == example.outline
    if rule.places:
        placed_by = {node.rule for node in outline.walk()}
        assert (rule.name in placed_by) == (kind == "fires"), placed_by
    if rule.judges is not None:
        assert example.line and example.line in example.text
        assert rule.judges(example.line) == (kind == "fires")


def test_every_rule_has_a_stage_and_a_firing_example():
    assert len({r.name for r in RULES}) == len(RULES)
    for rule in RULES:
        assert rule.stage in STAGE_NAMES
        assert rule.fires
        assert rule.summary and rule.summary_en


def test_every_recorded_rule_is_in_the_registry():
    # Parse every example and a real-shaped report: no item is placed by an unnamed rule.
    seen = set()
    for rule in RULES:
        for example in (*rule.fires, *rule.spares):
            seen |= {node.rule for node in parse_text(example.text).walk()}
    assert "" not in seen
    assert seen <= PLACEMENT_RULES
    assert seen == PLACEMENT_RULES  # every placement rule is shown firing somewhere


def test_real_documents_record_registered_rules(shared):
    for path in [*sorted((shared / "seeds").glob("*.txt")), *sorted((shared / "corpus").glob("*"))]:
        if path.is_file() and path.suffix not in {".outline", ".md5", ".json"}:
            rules = {node.rule for node in parse_file(path).walk()}
            assert rules <= PLACEMENT_RULES, (path.name, rules - PLACEMENT_RULES)


def test_catalogue_page_is_generated_from_the_registry():
    page = Path(__file__).resolve().parents[1] / "docs" / "heuristics.md"
    assert page.read_text(encoding="utf-8") == render_catalogue(), (
        "docs/heuristics.md is stale: python -m tigang.outline.heuristics > docs/heuristics.md"
    )


def test_show_explain_names_the_rule_of_every_item_and_explains_them():
    from click.testing import CliRunner

    from tigang.cli import cli

    text = "关于2024年工作的报告\n2023年工作回顾\n一、经济发展\n（一）工业增长。\n2024年工作安排\n一、稳增长\n二、保民生\n"
    runner = CliRunner()
    result = runner.invoke(cli, ["show", "-", "-f", "text", "--explain"], input=text)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[1:5] == [
        "一、经济发展  ← top-level",
        "  （一）工业增长  ← new-style-nests",
        "一、稳增长  ← after-part-title",
        "二、保民生  ← same-style-sibling",
    ]
    legend = lines[6:]
    assert [line.split()[0] for line in legend] == [
        "top-level",
        "new-style-nests",
        "same-style-sibling",
        "after-part-title",
    ]
    assert "分部标题" in legend[-1]
    tree = runner.invoke(cli, ["show", "-", "--explain"], input=text)
    assert tree.exit_code == 0 and "← after-part-title" in tree.output and "分部标题" in tree.output
    plain = runner.invoke(cli, ["show", "-", "-f", "text"], input=text)
    assert "←" not in plain.output
    data = json.loads(runner.invoke(cli, ["show", "-", "-f", "json"], input=text).output)
    assert [n["rule"] for n in data["outline"]] == ["top-level", "after-part-title", "same-style-sibling"]
