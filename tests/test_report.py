"""`tigang report` and `tigang corpus report`: the pages as files — what they hold, that every
input string is escaped, that they need nothing from the network, and the command's rules for
outputs and bad input. What the pages *do* is tested in a browser: test_report_browser.py."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner
from report_texts import HOSTILE, SPEECH, drafts

from tigang.cli import cli
from tigang.compare import diff
from tigang.compare.merge import merged_tree
from tigang.compare.report import render_diff_html, render_skeleton_html
from tigang.compare.skeleton import compare_many
from tigang.outline import Appendix, Outline, Part, parse_text
from tigang.outline.render.html import render_outline_html
from tigang.outline.render.markdown import render_markdown
from tigang.outline.render.text import render_text

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.txt"))


def run(*args: str, input: bytes | None = None):
    return CliRunner().invoke(cli, list(args), input=input)


def page_data(html: str) -> dict:
    block = re.search(r'<script type="application/json" id="tigang-data">(.*?)</script>', html, re.S)
    assert block, "the page carries its data"
    return json.loads(block.group(1))


def hostile_outline() -> Outline:
    """An outline whose every string is an attack: built in code, since the parser drops real
    tags from text and Word files."""
    base = parse_text("一、甲\n正文一。\n（一）乙\n二、丙\n正文二。\n")
    one, two = base.nodes

    def bad(node, i: int):
        return replace(
            node, heading=HOSTILE[i % 2], body=f"正文{HOSTILE[(i + 1) % 2]}", children=node.children
        )

    child = bad(one.children[0], 1)
    nodes = (replace(bad(one, 0), children=(child,)), bad(two, 1))
    return replace(
        base,
        title=HOSTILE[0],
        subtitle=HOSTILE[1],
        closing=HOSTILE[0],
        nodes=nodes,
        parts=(Part(HOSTILE[1], 1, 0, 2),),
        appendix=(Appendix(HOSTILE[0], 9, (bad(two, 0),)),),
        source=f"{HOSTILE[1]}.txt",
    )


def assert_inert(html: str) -> None:
    """No input string came through as markup: our two script elements only, no <img>, and the
    attacks are there as escaped text."""
    assert html.lower().count("<script") == 2 and html.lower().count("</script") == 2
    assert "<img" not in html.lower()
    assert "onerror=" not in html.replace("onerror=&quot;", "").replace("onerror=\\u0026", "").replace(
        'onerror=\\"', ""
    )
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&quot;&gt;&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;" in html


def test_outline_page_is_one_offline_file(tmp_path):
    out = tmp_path / "提纲.html"
    result = run("report", "-", "-o", str(out), input=SPEECH.encode())
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "<style>" in html
    # Nothing from elsewhere: no links or sources outside the page, no web fonts, no imports.
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", html)
    assert "@import" not in html and "url(" not in html
    # The policy allows our script by its hash, and nothing else.
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
    assert "default-src 'none'" in policy
    script = re.search(r"<script>(.*)</script>", html, re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"'sha256-{digest}'" in policy


def test_outline_page_holds_parts_appendix_findings_and_copies():
    outline = parse_text(SPEECH)
    html = render_outline_html(outline)
    assert html.count('<li class="part"') == 2 and "<span>2024年工作安排</span>" in html
    assert '<details class="appendix">' in html and "名词解释" in html and "六保" in html
    assert '<p class="closing">' in html
    # The skipped number (一、二、四、) is flagged on the item of 四、.
    row = re.search(r'<li[^>]*data-line="17"[^>]*>(.*?)</div>', html).group(1)
    assert '<span class="fd error"' in row and "N101" in row
    data = page_data(html)
    assert data["text"] == render_text(outline) and data["markdown"] == render_markdown(outline)
    bodies = {n.body for n in outline.walk() if n.body}
    assert bodies <= set(data["bodies"].values())
    # An entity in the input is text: &lt; shows as the four characters, not as "<".
    assert "安全生产&amp;lt" in html


def test_every_input_string_is_escaped_in_every_page():
    hostile = hostile_outline()
    assert_inert(render_outline_html(hostile))
    other = replace(hostile, nodes=hostile.nodes[::-1])
    assert_inert(render_diff_html(diff(hostile, other), (HOSTILE[0], HOSTILE[1])))
    outlines = [hostile, other, hostile]
    assert_inert(render_skeleton_html(outlines, [HOSTILE[0], HOSTILE[1], "c"], compare_many(outlines)))


def test_file_names_are_escaped_too(tmp_path):
    a = tmp_path / '"><img src=x onerror="window.__pwned=1">.txt'
    b = tmp_path / "<i onmouseover=alert(2)>乙.txt"
    a.write_text(SPEECH, encoding="utf-8")
    b.write_text(SPEECH.replace("推动产业升级", "推进产业升级"), encoding="utf-8")
    out = tmp_path / "对比.html"
    assert run("report", str(a), str(b), "-o", str(out)).exit_code == 0
    html = out.read_text(encoding="utf-8")
    assert "<img" not in html and "<i on" not in html and "&lt;i onmouseover=alert(2)&gt;乙" in html


def test_comparison_page_has_a_row_per_merged_item_and_the_items_it_diffs():
    a, b = (parse_text(t) for t in drafts(40, seed=3))
    script = diff(a, b)
    html = render_diff_html(script, ("初稿", "定稿"))
    merged = list(merged_tree(script).walk())[1:]
    assert html.count('role="treeitem"') == len(merged)
    for op in ("update", "move", "insert", "delete"):
        shown = sum(1 for m in merged if m.op.value == op and m.kind.value != "ghost")
        assert html.count(f'class="it op-{op}"') == shown
    assert f"{script.score:.2f}" in html
    items = page_data(html)["items"]
    assert {body for _, _, body, _ in items.values()} >= {n.body for n in a.walk() if n.body} - {""}
    # Moved items and their old places share a key, so each highlights the other.
    rows = html.split('<script type="application/json"')[0]
    keys = re.findall(r'data-pair="([^"]+)"', rows)
    assert keys and all(keys.count(key) == 2 for key in keys)


def test_comparison_page_marks_doubtful_pairs():
    """Two different speeches: each pair below 70% confidence shows it in 乙's cell, as in
    the terminal; drafts of one speech have none."""
    from tigang.compare.confidence import DOUBTFUL
    from tigang.outline import parse_file

    examples = Path(__file__).resolve().parents[1] / "examples"
    script = diff(parse_file(examples / "讲话稿示例.txt"), parse_file(examples / "项目推进会讲话.txt"))
    doubtful = sorted(f"?{c:.0%}" for c in script.alignment.confidence.values() if c < DOUBTFUL)
    html = render_diff_html(script, ("甲", "乙"))
    assert doubtful and sorted(re.findall(r'<span class="doubt">(\?\d+%)</span>', html)) == doubtful
    a, b = (parse_text(t) for t in drafts(40, seed=3))
    assert 'class="doubt"' not in render_diff_html(diff(a, b), ("初稿", "定稿"))


def test_changes_only_opens_folded(tmp_path):
    one, two = drafts(30, seed=1)
    (tmp_path / "a.txt").write_text(one, encoding="utf-8")
    (tmp_path / "b.txt").write_text(two, encoding="utf-8")
    out = tmp_path / "d.html"
    result = run("report", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "-o", str(out), "--changes-only")
    assert result.exit_code == 0 and "score" in result.output
    assert 'id="changes-only" class="changes-only-toggle" checked' in out.read_text(encoding="utf-8")


def test_skeleton_page_shows_support_and_departures(tmp_path):
    texts = [SPEECH, SPEECH.replace("四、办好民生实事", "三、办好民生实事"), EXAMPLES[0].read_text("utf-8")]
    paths = []
    for i, text in enumerate(texts):
        paths.append(tmp_path / f"稿{i + 1}.txt")
        paths[-1].write_text(text, encoding="utf-8")
    out = tmp_path / "骨架.html"
    result = run("report", *map(str, paths), "-o", str(out))
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert re.search(r'<span class="kofn"[^>]*>2/3</span>', html)
    assert "各篇的不同" in html and "独有" in html and "两两相似度" in html
    data = page_data(html)
    assert data["names"] == ["稿1", "稿2", "稿3"]
    assert all(len(found) == 3 for found in data["found"].values())


def test_skeleton_records_who_has_each_item_and_what_departs():
    a = parse_text("一、甲项\n二、乙项\n三、丙项\n")
    b = parse_text("一、甲项\n二、乙项\n三、丁项的独有内容\n")
    c = parse_text("一、甲项\n二、丙项\n")
    skeleton = compare_many([a, b, c], 0.5)
    found = {item.node.heading: [n.heading if n else None for n in item.found] for item in skeleton.items}
    ref = skeleton.reference
    assert all(row[ref] == heading for heading, row in found.items())
    assert all(item.share == sum(n is not None for n in item.found) for item in skeleton.items)
    assert len(skeleton.unmatched) == 3 and skeleton.unmatched[ref] == ()


def test_corpus_report(tmp_path):
    folder = tmp_path / "speeches"
    folder.mkdir()
    one, two = drafts(30, seed=2)
    for name, text in (
        ("a.txt", one),
        ("b.txt", two),
        ("c.txt", SPEECH),
        ("d.txt", one.replace("。", "！", 3)),
    ):
        (folder / name).write_text(text, encoding="utf-8")
    db = tmp_path / "c.duckdb"
    assert run("corpus", "build", str(folder), "-o", str(db), "-j", "1").exit_code == 0
    out = tmp_path / "corpus.html"
    result = run("corpus", "report", str(db), "-o", str(out), "--pairs", "3")
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert '<details class="family"' in html and "a.txt" in html
    shown = html.count("data-open-pair=")
    assert 1 <= shown <= 3 and html.count("<template id=") == shown
    assert run("corpus", "report", str(db), "-o", str(out)).exit_code == 2  # exists: needs --force


def test_outputs_follow_the_rules(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(SPEECH, encoding="utf-8")
    out = tmp_path / "x.html"
    out.write_text("mine", encoding="utf-8")
    refused = run("report", str(src), "-o", str(out))
    assert refused.exit_code == 2 and "already exists" in refused.output and out.read_text() == "mine"
    assert run("report", str(src), "-o", str(out), "--force").exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    wrong = run("report", str(src), "-o", str(tmp_path / "x.png"))
    assert wrong.exit_code == 2 and ".html" in wrong.output and not (tmp_path / "x.png").exists()


@pytest.mark.parametrize("bad", ["missing.txt", "empty.txt", "folder"])
def test_bad_input_is_one_line_and_no_file(tmp_path, bad):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "folder").mkdir()
    good = tmp_path / "good.txt"
    good.write_text(SPEECH, encoding="utf-8")
    out = tmp_path / "r.html"
    for args in ([str(tmp_path / bad)], [str(good), str(tmp_path / bad)]):
        done = subprocess.run(
            [sys.executable, "-m", "tigang", "report", *args, "-o", str(out)], capture_output=True, text=True
        )
        assert done.returncode == 2
        assert done.stderr.startswith("tigang: error:") and len(done.stderr.strip().splitlines()) == 1
        assert not out.exists() and not list(tmp_path.glob(".r.html.*"))


def test_the_outline_page_imports_nothing_of_compare():
    code = (
        "import sys, tigang.outline.render.html as h, tigang.outline as o; "
        "h.render_outline_html(o.parse_text('一、甲\\n二、乙\\n')); "
        "print(sorted(m for m in sys.modules if m.startswith(('tigang.compare', 'matplotlib', 'networkx'))))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_spread_out_titles_read_as_words():
    """第二节 监　护 is typeset with spaces; the page shows (and search finds) 监护, and keeps
    the space between 第二节 and its title."""
    html = render_outline_html(
        parse_text("第一章　总　\u2002则\n第一条　为了规范管理，制定本法。\n第二条　本法适用于全国。\n")
    )
    assert '<span class="mk sp">第一章</span><span class="hd">总则</span>' in html
