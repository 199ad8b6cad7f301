"""The Python API that notebooks and scripts use (docs/api.md): its examples run as written,
and `import tigang` stays cheap."""

from __future__ import annotations

import doctest
import importlib
import subprocess
import sys

import pytest


@pytest.mark.parametrize("module", ["tigang", "tigang.outline", "tigang.compare", "tigang.outline.fix"])
def test_docstring_examples_run(module):
    failed, attempted = doctest.testmod(importlib.import_module(module))
    assert attempted and not failed


def test_import_tigang_loads_nothing_heavy():
    code = "import sys, tigang; print(sorted(m for m in ('tigang.outline', 'lark', 'rich', 'matplotlib') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "[]", out.stderr


def test_the_api_names_resolve():
    import tigang

    for name in tigang.__all__:
        assert getattr(tigang, name) is not None
    with pytest.raises(AttributeError):
        tigang.no_such_name  # noqa: B018


# --- one serialisation ------------------------------------------------------------------------


def _real_paths():
    from goldfile import SHARED

    seeds = sorted((SHARED / "seeds").glob("*.txt"))
    corpus = sorted(p for p in (SHARED / "corpus" / "raw").glob("*") if p.is_file())
    return seeds + corpus


def test_to_dict_and_back_is_lossless_on_real_texts(shared):
    import json

    from tigang.outline import Outline, parse_file

    for path in _real_paths():
        outline = parse_file(path)
        again = Outline.from_dict(json.loads(json.dumps(outline.to_dict(), ensure_ascii=False)))
        assert again == outline, path.name


def test_show_json_reads_back_as_the_outline(tmp_path):
    import json

    from click.testing import CliRunner

    from tigang.cli import cli
    from tigang.outline import Outline, parse_file

    example = "examples/讲话稿示例.txt"
    result = CliRunner().invoke(cli, ["show", example, "-f", "json"])
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["version"] == 1
    assert Outline.from_dict(data) == parse_file(example)


def test_json_without_marker_details_still_reads():
    """JSON written before the format had a version (no marker_info) reads back with the
    marker's family, unit and punctuation taken from its style and text."""
    from tigang.outline import Family, Outline, parse_text

    outline = parse_text("第一章 总则\n第一条 为了规范管理，制定本办法。\n一、总体要求\n")
    data = outline.to_dict()
    del data["version"]

    def strip(nodes):
        for node in nodes:
            node.pop("marker_info")
            strip(node["children"])

    strip(data["outline"])
    old = Outline.from_dict(data)
    chapter, article = old.nodes[0], old.nodes[0].children[0]
    assert (chapter.marker.family, chapter.marker.unit, chapter.marker.style) == (
        Family.DIVISION,
        "章",
        "division:章",
    )
    assert article.marker.style == "division:条" and article.marker.number == 1
    assert [n.label for n in old.walk()] == [n.label for n in outline.walk()]


def test_an_outline_is_immutable_meta_included():
    import dataclasses
    import pickle

    from tigang.outline import parse_text

    outline = parse_text("一、总体要求\n二、重点任务\n")
    with pytest.raises(dataclasses.FrozenInstanceError):
        outline.title = "x"  # type: ignore[misc]
    with pytest.raises(TypeError, match="read-only"):
        outline.meta["format"] = "docx"  # type: ignore[index]
    with pytest.raises(TypeError):
        outline.meta.update(format="docx")  # type: ignore[attr-defined]
    changed = dataclasses.replace(outline, meta={**outline.meta, "format": "docx"})
    assert changed.meta == {"format": "docx"} and outline.meta == {}
    assert pickle.loads(pickle.dumps(changed)) == changed  # corpus workers send outlines


def test_an_outline_displays_itself_in_notebooks():
    import io

    from rich.console import Console

    from tigang.outline import parse_text

    outline = parse_text("讲话\n一、总体要求\n（一）坚持A<B&C的原则\n二、重点任务\n")
    assert repr(outline) == "Outline(title='讲话', items=3, source=None)"
    html = outline._repr_html_()
    assert "<b>一、</b>总体要求" in html
    assert "<b>（一）</b>坚持A&lt;B&amp;C的原则" in html and ":3" in html
    out = io.StringIO()
    Console(file=out, width=60).print(outline)
    assert "一、总体要求" in out.getvalue() and "└──" in out.getvalue()
