"""`tigang export`: every format validated structurally and read back to the same tree;
atomic writes, --force, and the command's errors."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from docxbuild import CHINESE_LIST, NumberedDocument
from goldfile import SHARED

from tigang.cli import cli
from tigang.outline import parse_file, parse_text
from tigang.outline.render import (
    EXPORTERS,
    exporter_for_suffix,
    render_dot,
    render_freemind,
    render_markdown,
    render_mermaid,
    render_opml,
    render_xmind,
)

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "讲话稿示例.txt"
SEEDS = sorted((SHARED / "seeds").glob("*.txt")) if (SHARED / "seeds").is_dir() else []
TRICKY = (
    "关于“A&B”<试点>的讲话\n"
    '一、坚持"两个毫不动摇"&<改革>\n'
    "（一）推进(1)[试点]{扩围}。具体要求：a<b & c>d\x0b。\n"
    "1. 5G网络建设\n"
    "二、抓好落实\n"
)


def documents():
    yield "example", parse_file(EXAMPLE)
    yield "tricky", parse_text(TRICKY)
    for seed in SEEDS:
        yield seed.stem[:3], parse_file(seed)


OUTLINES = list(documents())


def rows(outline, depth=None):
    return [(n.level, n.label) for n in outline.walk() if depth is None or n.level <= depth]


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


# --- OPML -------------------------------------------------------------------------------


def opml_rows(text: str):
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == "opml" and root.get("version") == "2.0"
    out = []

    def walk(element, level):
        for child in element.findall("outline"):
            out.append((level, child.get("text"), child.get("_note")))
            walk(child, level + 1)

    walk(root.find("body"), 1)
    return root.findtext("head/title"), out


@pytest.mark.parametrize(("name", "outline"), OUTLINES, ids=[n for n, _ in OUTLINES])
def test_opml_round_trips(name, outline):
    title, got = opml_rows(render_opml(outline, body=True))
    assert title == outline.title
    assert [(level, text) for level, text, _ in got] == rows(outline)
    assert [note or "" for _, _, note in got] == [n.body.replace("\x0b", "") for n in outline.walk()]


def test_opml_depth_and_no_notes_without_body():
    outline = parse_file(EXAMPLE)
    _, got = opml_rows(render_opml(outline, depth=1))
    assert [(level, text) for level, text, _ in got] == rows(outline, depth=1)
    assert all(note is None for _, _, note in got)


def test_xml_exports_escape_markup_and_drop_forbidden_characters():
    outline = parse_text(TRICKY)
    for text in (render_opml(outline, body=True), render_freemind(outline, body=True)):
        assert text.startswith("<")
        assert "&amp;" in text and "&lt;" in text and "\x0b" not in text
        ET.fromstring(text.encode("utf-8"))  # well-formed


# --- FreeMind ---------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "outline"), OUTLINES, ids=[n for n, _ in OUTLINES])
def test_freemind_round_trips(name, outline):
    root = ET.fromstring(render_freemind(outline, body=True).encode("utf-8"))
    assert root.tag == "map"
    (center,) = root.findall("node")
    assert center.get("TEXT") == (outline.title or name if outline.title else center.get("TEXT"))
    got, notes = [], []

    def walk(element, level):
        for child in element.findall("node"):
            got.append((level, child.get("TEXT")))
            note = child.find("richcontent[@TYPE='NOTE']")
            notes.append("".join(note.itertext()).strip() if note is not None else "")
            walk(child, level + 1)

    walk(center, 1)
    assert got == rows(outline)
    assert notes == [n.body.replace("\x0b", "") for n in outline.walk()]
    ids = [e.get("ID") for e in root.iter("node")]
    assert len(ids) == len(set(ids))


# --- XMind ------------------------------------------------------------------------------


def xmind_rows(topic, level=1):
    for child in topic.get("children", {}).get("attached", []):
        yield level, child["title"], child.get("notes", {}).get("plain", {}).get("content", "")
        yield from xmind_rows(child, level + 1)


@pytest.mark.parametrize(("name", "outline"), OUTLINES, ids=[n for n, _ in OUTLINES])
def test_xmind_zip_members_and_tree(name, outline):
    data = render_xmind(outline, body=True)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        names = set(archive.namelist())
        assert {
            "content.json",
            "metadata.json",
            "manifest.json",
            "content.xml",
            "META-INF/manifest.xml",
        } <= names
        sheets = json.loads(archive.read("content.json"))
        manifest = json.loads(archive.read("manifest.json"))
        metadata = json.loads(archive.read("metadata.json"))
        legacy = ET.fromstring(archive.read("content.xml"))
    assert set(manifest["file-entries"]) == {"content.json", "metadata.json"}
    assert metadata["creator"]["name"] == "tigang"
    (sheet,) = sheets
    assert sheet["class"] == "sheet"
    root = sheet["rootTopic"]
    assert root["class"] == "topic" and root["structureClass"].startswith("org.xmind.ui.")
    if outline.title:
        assert root["title"] == outline.title
    got = list(xmind_rows(root))
    assert [(level, title) for level, title, _ in got] == rows(outline)
    assert [note for _, _, note in got] == [n.body.replace("\x0b", "") for n in outline.walk()]
    ids = [t["id"] for t in _topics(root)]
    assert len(ids) == len(set(ids))
    # The XMind 8 content.xml holds the same tree.
    ns = {"x": "urn:xmind:xmap:xmlns:content:2.0"}
    legacy_titles = [t.findtext("x:title", namespaces=ns) for t in legacy.iterfind(".//x:topic", ns)]
    assert legacy_titles == [root["title"]] + [title for _, title in rows(outline)]


def _topics(topic):
    yield topic
    for child in topic.get("children", {}).get("attached", []):
        yield from _topics(child)


def test_xmind_is_reproducible():
    outline = parse_file(EXAMPLE)
    assert render_xmind(outline) == render_xmind(outline)


# --- Mermaid ----------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "outline"), OUTLINES, ids=[n for n, _ in OUTLINES])
def test_mermaid_indentation_follows_levels(name, outline):
    lines = render_mermaid(outline).splitlines()
    assert lines[0] == "mindmap"
    assert re.fullmatch(r'  root\(\("[^"]*"\)\)', lines[1])
    nodes = lines[2:]
    assert len(nodes) == len(rows(outline))
    for line, node in zip(nodes, outline.walk(), strict=True):
        indent = len(line) - len(line.lstrip(" "))
        assert indent == 2 * (node.level + 1)
        text = line.strip()
        quoted = re.fullmatch(r'n\d+\["([^"]*)"\]', text)
        if quoted:
            assert quoted.group(1) == " ".join(node.label.split()).replace('"', "＂")
        else:
            assert text == " ".join(node.label.split())
            assert not re.search(r"[()\[\]{}]", text)


def test_mermaid_quotes_text_it_would_misread():
    lines = render_mermaid(parse_text(TRICKY)).splitlines()
    assert lines[3] == '      n2["（一）推进(1)[试点]{扩围}"]'
    assert lines[2] == '    n1["一、坚持＂两个毫不动摇＂&<改革>"]'


# --- Markdown ---------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "outline"), OUTLINES, ids=[n for n, _ in OUTLINES])
@pytest.mark.parametrize("body", [False, True])
def test_markdown_reparses_to_the_same_tree(name, outline, body):
    again = parse_text(render_markdown(outline, body=body))
    assert rows(again) == rows(outline)
    assert again.title == outline.title


# --- DOT --------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "outline"), OUTLINES, ids=[n for n, _ in OUTLINES])
def test_dot_declares_every_node_and_edge(name, outline):
    text = render_dot(outline, body=True)
    assert text.startswith("digraph outline {") and text.rstrip().endswith("}")
    declared = re.findall(r'^  (n\d+) \[label="((?:[^"\\]|\\.)*)"', text, re.M)
    edges = re.findall(r"^  (n\d+) -> (n\d+);$", text, re.M)
    assert len(declared) == len(rows(outline)) + 1
    assert len(edges) == len(rows(outline))
    labels = [label.replace('\\"', '"').replace("\\\\", "\\") for _, label in declared[1:]]
    assert labels == [label for _, label in rows(outline)]
    keys = {key for key, _ in declared}
    assert all(a in keys and b in keys for a, b in edges)
    parents = {child: parent for parent, child in edges}
    # Levels follow the edges: a node's parent is one level up (n0, the title, is level 0).
    level = {"n0": 0}
    for (key, _), node in zip(declared[1:], outline.walk(), strict=True):
        level[key] = node.level
        assert level[parents[key]] == node.level - 1


@pytest.mark.skipif(shutil.which("dot") is None, reason="graphviz not installed")
def test_dot_is_accepted_by_graphviz():
    subprocess.run(
        ["dot", "-Tsvg"],
        input=render_dot(parse_text(TRICKY), body=True).encode(),
        check=True,
        capture_output=True,
    )


# --- the registry -----------------------------------------------------------------------


def test_exporters_and_suffixes():
    assert exporter_for_suffix(".OPML") == "opml"
    assert exporter_for_suffix(".mm") == "freemind"
    assert exporter_for_suffix(".xmind") == "xmind"
    assert exporter_for_suffix(".md") == "markdown"
    assert exporter_for_suffix(".mmd") == "mermaid"
    assert exporter_for_suffix(".gv") == "dot"
    assert exporter_for_suffix(".png") is None
    assert exporter_for_suffix(".DOCX") == "docx"
    assert exporter_for_suffix(".pptx") == "pptx"
    assert [name for name, e in EXPORTERS.items() if e.binary] == ["xmind", "docx", "pptx"]


# --- the command ------------------------------------------------------------------------


@pytest.mark.parametrize(("suffix", "check"), [(".opml", "<opml"), (".mm", "<map"), (".md", "# "), (".mmd", "mindmap"), (".dot", "digraph"), (".json", '"outline"')])  # fmt: skip
def test_export_format_from_suffix(tmp_path, suffix, check):
    out = tmp_path / f"提纲{suffix}"
    result = run("export", str(EXAMPLE), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert check in out.read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir()] == [out.name]  # no temporary file left behind


def test_export_xmind_file_and_format_override(tmp_path):
    out = tmp_path / "a.xmind"
    assert run("export", str(EXAMPLE), "-o", str(out)).exit_code == 0
    assert zipfile.is_zipfile(out)
    other = tmp_path / "outline.txt"
    result = run("export", str(EXAMPLE), "-o", str(other), "--format", "opml")
    assert result.exit_code == 0
    assert other.read_text(encoding="utf-8").startswith("<?xml")


def test_export_text_formats_to_standard_output():
    result = run("export", str(EXAMPLE), "--format", "mermaid", "--depth", "1")
    assert result.exit_code == 0
    assert result.output.splitlines()[0] == "mindmap"
    assert len(result.output.splitlines()) == 2 + 3


def test_export_docx_to_opml(tmp_path):
    d = NumberedDocument()
    num = d.add_num(d.add_abstract(CHINESE_LIST))
    d.add("统一思想", num, 0)
    d.add("提高认识。要深刻领会。", num, 1)
    d.add("狠抓落实", num, 0)
    source = d.save(tmp_path / "讲话稿.docx")
    out = tmp_path / "提纲.opml"
    result = run("export", str(source), "-o", str(out), "--body")
    assert result.exit_code == 0, result.output
    _, got = opml_rows(out.read_text(encoding="utf-8"))
    assert got == [
        (1, "一、统一思想", None),
        (2, "（一）提高认识", "要深刻领会。"),
        (1, "二、狠抓落实", None),
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "xmind"], "binary format"),
        ([], "no format"),
        (["-o", "x.png"], "unknown suffix"),
    ],
)
def test_export_usage_errors_exit_2(tmp_path, args, message):
    args = [a if a != "x.png" else str(tmp_path / a) for a in args]
    result = run("export", str(EXAMPLE), *args)
    assert result.exit_code == 2
    assert message in result.output


def test_export_bad_input_exit_2(tmp_path):
    result = run("export", str(tmp_path / "missing.txt"), "--format", "opml")
    assert result.exit_code == 2 and "no such file" in result.output
    old = tmp_path / "old.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    result = run("export", str(old), "--format", "opml")
    assert result.exit_code == 2 and ".docx" in result.output


def test_existing_output_needs_force(tmp_path):
    out = tmp_path / "a.opml"
    out.write_text("keep me", encoding="utf-8")
    result = run("export", str(EXAMPLE), "-o", str(out))
    assert result.exit_code == 2 and "--force" in result.output
    assert out.read_text(encoding="utf-8") == "keep me"
    assert run("export", str(EXAMPLE), "-o", str(out), "--force").exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("<?xml")


def test_failed_write_leaves_the_old_file(tmp_path, monkeypatch):
    import tigang.outline.output as output

    out = tmp_path / "a.mm"
    out.write_text("old", encoding="utf-8")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(output.os, "replace", broken_replace)
    result = run("export", str(EXAMPLE), "-o", str(out), "--force")
    assert result.exit_code == 2 and "cannot write" in result.output
    assert out.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.mm"]


def test_output_into_a_missing_folder(tmp_path):
    result = run("export", str(EXAMPLE), "-o", str(tmp_path / "nope" / "a.opml"))
    assert result.exit_code == 2 and "does not exist" in result.output
