"""`tigang render`: diagrams of every seed, Chinese glyphs from the packaged font (no tofu, no
missing-glyph warnings), text really drawn, 300 nodes without overlaps, atomic output, errors."""

from __future__ import annotations

import itertools
import subprocess
import sys
import warnings
from pathlib import Path

import bench_render
import pytest
from click.testing import CliRunner
from goldfile import SHARED

from tigang.cli import cli
from tigang.outline import parse_file, parse_text
from tigang.outline.layout import crossings
from tigang.outline.render import diagram as dg
from tigang.outline.render.diagram import RenderError, build, coverage, packaged_font, render, wrap

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "讲话稿示例.txt"
SEEDS = sorted((SHARED / "seeds").glob("*.txt"))


@pytest.fixture(autouse=True)
def warnings_are_errors():
    """A "Glyph … missing from font" warning (or any other) fails the test."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        yield


def png_pixels(path: Path):
    from matplotlib.image import imread

    return imread(str(path))  # rows × columns × RGBA, floats 0..1


def synthetic(nodes: int, seed: int = 0) -> str:
    """A speech of exactly `nodes` items on three levels: the benchmark's own generator."""
    return bench_render.synthetic_text(nodes, seed)


# --- fonts ------------------------------------------------------------------------------------


def test_packaged_font_is_found_through_the_package():
    path = packaged_font()
    assert path is not None and path.name == "NotoSansSC-Regular.otf" and path.is_file()
    assert dg.font_chain()[0] == path


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem[:3])
def test_packaged_font_covers_every_character_of_every_heading(seed):
    outline = parse_file(seed)
    chars = {c for node in outline.walk() for c in node.label + node.heading if not c.isspace()}
    chars |= set((outline.title or "").replace(" ", ""))
    assert chars
    missing = sorted(c for c in chars if ord(c) not in coverage(packaged_font()))
    assert missing == []


# --- every seed -------------------------------------------------------------------------------


@pytest.mark.parametrize("layout", ["tree", "mindmap"])
@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem[:3])
def test_every_seed_renders_a_png(tmp_path, seed, layout):
    outline = parse_file(seed)
    done = render(outline, tmp_path / "d.png", layout=layout, dpi=80)
    data = done.path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert 5_000 < len(data) < 5_000_000
    assert done.diagram.missing == set()
    assert done.nodes == len(outline)
    image = png_pixels(done.path)
    assert (image.shape[1], image.shape[0]) == done.pixels
    assert not any(p.overlaps(q) for p, q in itertools.combinations(done.diagram.boxes.values(), 2))
    assert [p.name for p in tmp_path.iterdir()] == ["d.png"]


def test_pixels_show_the_text_drawn_in_every_box(tmp_path):
    outline = parse_file(EXAMPLE)
    done = render(outline, tmp_path / "d.png", dpi=144)
    image = png_pixels(done.path)
    scale = done.dpi / 72
    luminance = image[..., :3] @ [0.299, 0.587, 0.114]
    style = done.diagram.style
    for node, box in done.diagram.boxes.items():
        if not done.diagram.labels[node]:
            continue  # the tree's root is a dot
        # The inside of the box, clear of its border: text is the only dark thing there.
        x0, x1 = int((box.x + style.pad_x / 2) * scale), int((box.right - style.pad_x / 2) * scale)
        y0, y1 = int((box.y + style.pad_y / 2) * scale), int((box.bottom - style.pad_y / 2) * scale)
        inside = luminance[y0:y1, x0:x1]
        dark = (inside < 0.45).sum()
        chars = sum(len(line) for line in done.diagram.labels[node])
        assert dark > 15 * chars, (node, dark, chars)
    # and the background is white, not a dark canvas
    assert (luminance > 0.95).mean() > 0.6


@pytest.mark.parametrize("suffix", [".svg", ".pdf"])
def test_svg_and_pdf(tmp_path, suffix):
    done = render(parse_file(EXAMPLE), tmp_path / f"d{suffix}", layout="mindmap")
    data = done.path.read_bytes()
    assert data.startswith(b"%PDF" if suffix == ".pdf" else b"<?xml")
    assert len(data) > 10_000
    if suffix == ".svg":
        assert b"<svg" in data and b"tofu" not in data


def test_png_dpi_sets_the_pixel_size(tmp_path):
    outline = parse_file(EXAMPLE)
    small = render(outline, tmp_path / "a.png", dpi=50)
    large = render(outline, tmp_path / "b.png", dpi=100)
    assert large.pixels[0] == pytest.approx(2 * small.pixels[0], abs=2)


# --- labels -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def measure():
    return dg.Measure([dg.register_font(p) for p in dg.font_chain()], 11)


def test_cjk_headings_are_wrapped_by_measured_width(measure):
    text = "一、统一思想，充分认识项目建设的重要意义，全力推动项目建设提质增效"
    lines = wrap(text, measure, 10 * 11, keep=2)
    assert "".join(lines) == text
    assert len(lines) >= 3
    assert all(measure(line) <= 10 * 11 + 11 for line in lines)  # a closing mark may hang over
    assert not any(line[0] in "，。、；：" for line in lines[1:])


def test_openers_do_not_end_a_line_and_latin_words_stay_whole(measure):
    lines = wrap("一二三四五六七八“项目等规划”的情况", measure, 9 * 11)
    assert not any(line.endswith("“") for line in lines)
    lines = wrap("推进 Python 与 GB18030 编码工作", measure, 6 * 11)
    assert any("GB18030" in line for line in lines) and any("Python" in line for line in lines)


def test_long_headings_are_elided(measure):
    lines = wrap("推进" * 40, measure, 8 * 11, max_lines=2)
    assert len(lines) == 2 and lines[-1].endswith("…")


def test_markers_never_split(measure):
    lines = wrap("第一百零二条 法律条文", measure, 4 * 11, keep=6)
    assert lines[0].startswith("第一百零二条")


def test_uncovered_characters_are_reported_not_warned(tmp_path):
    outline = parse_text("一、发射🚀成功，公式$x^2$照原样\n二、第二项\n")
    done = render(outline, tmp_path / "d.png")
    assert done.diagram.missing == {"🚀"}
    labels = ["".join(lines) for lines in done.diagram.labels.values()]
    assert "一、发射?成功，公式$x^2$照原样" in labels


def test_without_the_packaged_font_system_fonts_then_question_marks(tmp_path, monkeypatch):
    monkeypatch.setattr(dg.fonts, "packaged_font", lambda: None)
    monkeypatch.setattr(dg.fonts, "system_cjk_fonts", lambda: [])
    done = render(parse_text("一、总体要求\n二、主要目标\n"), tmp_path / "d.png")
    assert "总" in done.diagram.missing
    assert done.path.is_file()


def test_font_option_goes_first(tmp_path):
    font = packaged_font()
    diagram = build(parse_file(EXAMPLE), font=font)
    assert diagram.fonts[0] == font and diagram.families[0] == "Noto Sans SC"
    with pytest.raises(RenderError, match="no such font file"):
        build(parse_file(EXAMPLE), font=tmp_path / "none.ttf")
    bad = tmp_path / "bad.ttf"
    bad.write_bytes(b"not a font")
    with pytest.raises(RenderError, match="not a font"):
        build(parse_file(EXAMPLE), font=bad)


# --- size, depth, empty -----------------------------------------------------------------------


@pytest.mark.parametrize("layout", ["tree", "mindmap", "org"])
def test_300_items_without_overlaps_or_links_through_boxes(tmp_path, layout):
    """Every item drawn (no folding), no two boxes overlapping, no link through a box other
    than its own two; timings are the benchmark's job (bench_render.py)."""
    outline = parse_text(synthetic(300))
    assert len(outline) == 300
    diagram = build(outline, layout=layout, fold_above=None)
    boxes = diagram.boxes
    assert len(boxes) == 301 and len(diagram.links) == 300
    overlaps = [(p, q) for p, q in itertools.combinations(boxes.values(), 2) if p.overlaps(q)]
    assert overlaps == []
    assert crossings(diagram.links, boxes) == []
    done = dg.save(diagram, tmp_path / "big.png", dpi=40)
    assert done.path.stat().st_size > 50_000


def test_figure_grows_with_the_tree_at_a_fixed_type_size():
    small = build(parse_text(synthetic(5)))
    large = build(parse_text(synthetic(300)))
    assert small.style.font_size == large.style.font_size
    assert large.height > 10 * small.height


def test_depth_limits_the_levels():
    diagram = build(parse_file(EXAMPLE), depth=1)
    assert len(diagram.boxes) == 4
    assert "只显示前 1 层" in diagram.info


def test_empty_outline_gives_title_and_note(tmp_path):
    outline = parse_text("讲话题目\n\n没有编号的一段话。\n")
    for layout in ("tree", "mindmap"):
        done = render(outline, tmp_path / f"{layout}.png", layout=layout)
        assert done.nodes == 0
        assert done.diagram.note and "no numbered outline" in done.diagram.note
        assert done.path.stat().st_size > 2_000


# --- output -----------------------------------------------------------------------------------


def test_unknown_suffix_is_a_clear_error(tmp_path):
    with pytest.raises(RenderError, match=r"'\.gif'.*\.png, \.svg, \.pdf"):
        render(parse_file(EXAMPLE), tmp_path / "d.gif")
    assert list(tmp_path.iterdir()) == []


def test_failed_render_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    from matplotlib.figure import Figure

    target = tmp_path / "d.png"
    target.write_bytes(b"old")

    def broken(self, path, **kwargs):
        Path(path).write_bytes(b"half a png")
        raise RuntimeError("renderer crashed")

    monkeypatch.setattr(Figure, "savefig", broken)
    with pytest.raises(RuntimeError):
        render(parse_file(EXAMPLE), target)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["d.png"]


def test_huge_png_lowers_the_dpi_instead_of_failing(tmp_path):
    diagram = build(parse_text(synthetic(300)))
    assert dg.draw._dpi_for(diagram, 1200) < 1200
    w, h = (
        diagram.width / 72 * dg.draw._dpi_for(diagram, 1200),
        diagram.height / 72 * dg.draw._dpi_for(diagram, 1200),
    )
    assert max(w, h) <= dg.MAX_PIXELS_SIDE and w * h <= dg.MAX_PIXELS * 1.001


# --- the command ------------------------------------------------------------------------------


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def test_cli_renders_png_with_options(tmp_path):
    out = tmp_path / "speech.png"
    result = run("render", str(EXAMPLE), "-o", str(out), "--depth", "2", "--layout", "mindmap", "--dpi", "60")
    assert result.exit_code == 0, result.output
    assert out.read_bytes()[:4] == b"\x89PNG"
    assert "speech.png" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-o", "{tmp}/d.gif"], "cannot tell the format"),
        (["-o", "{tmp}/missing/d.png"], "does not exist"),
        (["-o", "{tmp}/d.png", "--font", "{tmp}/none.ttf"], "no such font file"),
    ],
)
def test_cli_errors_are_one_line_and_exit_2(tmp_path, args, message):
    args = [a.format(tmp=tmp_path) for a in args]
    proc = subprocess.run(
        [sys.executable, "-m", "tigang", "render", str(EXAMPLE), *args],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and message in proc.stderr, proc.stderr
    assert "Traceback" not in proc.stderr
    assert not any(tmp_path.glob("*.png"))


def test_cli_bad_input_and_usage_exit_2(tmp_path):
    assert run("render", str(tmp_path / "none.txt"), "-o", str(tmp_path / "d.png")).exit_code == 2
    assert run("render", str(EXAMPLE)).exit_code == 2  # -o is required
    assert run("render", str(EXAMPLE), "-o", str(tmp_path / "d.png"), "--layout", "pie").exit_code == 2


def test_cli_an_existing_output_needs_force(tmp_path):
    """Refused before any work, the user's file untouched; --force replaces it."""
    out = tmp_path / "d.png"
    out.write_bytes(b"old")
    result = run("render", str(EXAMPLE), "-o", str(out))
    assert result.exit_code == 2 and "already exists (use --force" in result.output
    assert out.read_bytes() == b"old"
    result = run("render", str(EXAMPLE), "-o", str(out), "--force")
    assert result.exit_code == 0 and out.read_bytes()[:4] == b"\x89PNG"


def test_command_module_imports_no_plotting_library():
    code = "import sys, tigang.cmd_render; print('matplotlib' in sys.modules, 'networkx' in sys.modules)"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.stdout.strip() == "False False", proc.stderr


@pytest.mark.parametrize("layout", ["mindmap", "org"])
def test_real_laws_of_about_300_items_drawn_whole_without_overlaps_or_crossings(layout, shared):
    """A regulation in the repository (278 items) and the civil code's general part in
    ../shared (307), every item drawn: real headings, real widths, chapters with and without
    sections."""
    import gzip

    texts = Path(__file__).resolve().parents[1] / "benchmarks" / "outlines" / "texts"
    regulation = parse_text(gzip.decompress((texts / "u008.txt.gz").read_bytes()).decode("utf-8"))
    civil_code = parse_file(shared / "corpus" / "raw" / "src24_civil_code_general_part.txt")
    for outline, items in ((regulation, 278), (civil_code, 307)):
        diagram = build(outline, layout=layout, fold_above=None)
        assert len(diagram.boxes) == items + 1 and len(diagram.links) == items
        boxes = list(diagram.boxes.values())
        assert not [(p, q) for p, q in itertools.combinations(boxes, 2) if p.overlaps(q)]
        assert crossings(diagram.links, diagram.boxes) == []
