"""`tigang show` end to end: formats, standard input, errors, and a light start-up."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from tigang.cli import cli

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "讲话稿示例.txt"


def run(*args: str, input: bytes | None = None):
    return CliRunner().invoke(cli, list(args), input=input)


def test_show_tree_prints_title_levels_and_lines():
    result = run("show", str(EXAMPLE))
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.splitlines()[0] == "在全县“项目建设提速年”动员大会上的讲话"
    assert "├── 一、统一思想，充分认识项目建设的重要意义  :10" in out
    assert "│   │   ├── 一要紧盯政策导向谋项目  :15" in out


def test_show_json_contract():
    result = run("show", str(EXAMPLE), "--format", "json")
    assert result.exit_code == 0
    doc = json.loads(result.output)
    assert doc["title"] == "在全县“项目建设提速年”动员大会上的讲话"
    first = doc["outline"][0]
    assert {"level", "marker", "number", "heading", "line", "children"} <= first.keys()
    assert (first["level"], first["marker"], first["number"], first["line"]) == (1, "一、", 1, 10)
    seq = [c for c in first["children"] if c["family"] == "sequence"]
    assert [(c["marker"], c["number"]) for c in seq] == [("首先，", 1), ("其次，", 2), ("最后，", 3)]


def test_show_depth_and_text_format():
    result = run("show", str(EXAMPLE), "--format", "text", "--depth", "1")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[1:] == [
        "一、统一思想，充分认识项目建设的重要意义",
        "二、突出重点，全力推动项目建设提质增效",
        "三、强化保障，营造干事创业的浓厚氛围",
    ]


def test_show_reads_standard_input():
    data = "一、总体要求\n（一）指导思想。\n（二）基本原则。\n".encode("gb18030")
    result = run("show", "-", "--format", "text", input=data)
    assert result.exit_code == 0
    assert result.output.splitlines() == ["一、总体要求", "  （一）指导思想", "  （二）基本原则"]


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d / "missing.txt", "no such file"),
        (lambda d: d, "is a directory"),
        (lambda d: _write(d / "empty.txt", b""), "empty input"),
        (lambda d: _write(d / "bin.dat", bytes(range(256)) * 4), "binary"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(tmp_path, make, message):
    path = make(tmp_path)
    proc = subprocess.run(
        [sys.executable, "-m", "tigang", "show", str(path)], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and message in proc.stderr
    assert "Traceback" not in proc.stderr


def test_unknown_format_is_a_usage_error():
    result = run("show", str(EXAMPLE), "--format", "pdf")
    assert result.exit_code == 2


def test_show_does_not_import_plotting_or_graph_libraries():
    """Nor what only other commands use: the HTML reader, the index of lint and compare, the
    export formats, the other commands' modules, importlib.resources (start-up is most of a
    `show` of one speech)."""
    code = f"""
import sys
sys.argv = ["tigang", "show", {str(EXAMPLE)!r}, "--format", "json"]
import tigang.cli
try:
    tigang.cli.main()
except SystemExit:
    pass
heavy = ("matplotlib", "networkx", "html.parser", "tigang.outline.index", "tigang.outline.render.xmind",
         "tigang.cmd_diff", "tigang.cmd_corpus", "tigang.cmd_render", "importlib.resources")
sys.stderr.write(",".join(m for m in heavy if m in sys.modules))
"""
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.stderr == ""


def test_the_terminal_tree_loads_the_legend_only_for_explain():
    """rich's tables and the rule registry are for `--explain`'s legend: 10–15 ms of every
    `show` in a terminal otherwise."""
    code = f"""
import sys
sys.argv = ["tigang", "show", {str(EXAMPLE)!r}] + sys.argv[1:]
import tigang.cli
try:
    tigang.cli.main()
except SystemExit:
    pass
sys.stderr.write(",".join(m for m in ("rich.table", "tigang.outline.heuristics") if m in sys.modules))
"""
    plain = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert plain.returncode == 0 and "├──" in plain.stdout and plain.stderr == ""
    explained = subprocess.run(
        [sys.executable, "-c", code, "--explain"], capture_output=True, text=True, timeout=60
    )
    assert "top-level" in explained.stdout  # the legend names the rules
    assert explained.stderr == "rich.table,tigang.outline.heuristics"


def test_help_lists_every_command_and_each_runs_from_its_own_module():
    """Commands are imported when asked for: help still lists them all, in order, and each
    one is the command its module defines."""
    result = run("--help")
    listed = [line.split()[0] for line in result.output.split("Commands:")[1].splitlines() if line.strip()]
    assert listed == ["check", "corpus", "diff", "export", "fix", "render", "report", "show"]
    for name in listed:
        command = cli.get_command(click.Context(cli), name)
        assert command is not None and command.name == name
    assert run("diff", "--help").exit_code == 0
    assert run("nosuch").exit_code == 2


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
