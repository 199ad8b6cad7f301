"""`tigang render`: the outline as a diagram (PNG, SVG or PDF by the output's suffix); many
files at once into a folder, one picture each, with a progress bar.

Only click is imported here; the outline, networkx and matplotlib load inside the command.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import click

from tigang.files import FORCE, InputFailure, check_output, load, os_reason

LAYOUTS = ("tree", "mindmap", "org", "radial")  # the same as tigang.outline.render.diagram.LAYOUTS
THEMES = ("default", "mono", "red")  # …diagram.THEMES
PAGES = ("16:9", "4:3", "a4", "a4-landscape")  # …diagram.PAGES
FORMATS = ("png", "svg", "pdf")
NAMES = {"mindmap": "mind map", "org": "org chart", "tree": "tree", "radial": "radial map"}
# Boxes drawn in seconds, and still read on a page: a 10,000-item outline is drawn to the
# depth that stays under this, and the user is told.
MAX_DRAWN = 1500
FOLD_ABOVE = 120  # …diagram.FOLD_ABOVE
SMALLEST_PRINT = 6.0  # …diagram.SMALLEST_PRINT


def _depth_that_fits(outline, depth: int | None, say) -> int | None:
    counts: dict[int, int] = {}
    for node in outline.walk():
        counts[node.level] = counts.get(node.level, 0) + 1
    levels = sorted(counts)
    deepest = depth or (levels[-1] if levels else 1)
    shown = sum(n for level, n in counts.items() if level <= deepest)
    if shown <= MAX_DRAWN:
        return depth
    fits = max((d for d in levels if sum(counts[x] for x in levels if x <= d) <= MAX_DRAWN), default=None)
    if fits is None:
        raise InputFailure(
            f"{counts[levels[0]]:,} top-level items are too many to draw (at most {MAX_DRAWN:,}); "
            "split the document, or use `tigang export` for an outliner"
        )
    drawn = sum(counts[x] for x in levels if x <= fits)
    say(
        f"{shown:,} items are too many to draw legibly; drawn to depth {fits} "
        f"({drawn:,} items). Use --depth to choose."
    )
    return fits


@dataclass(frozen=True)
class Job:
    source: str
    target: Path


def _plan(paths: tuple[str, ...], output: str, fmt: str | None, force: bool) -> list[Job]:
    """One job per input. A folder output (several inputs, an existing folder, or a path
    ending in /) gets FILE's stem with the format's suffix; everything is checked before the
    first picture is drawn."""
    from tigang.outline.render.diagram import RenderError, output_format

    folder = len(paths) > 1 or output.endswith(("/", os.sep)) or Path(output).is_dir()
    if not folder:
        try:
            suffix = output_format(output)  # a bad suffix is reported before the input is read
        except RenderError as exc:
            raise InputFailure(str(exc)) from None
        if fmt and fmt != suffix:
            raise InputFailure(
                f"{output}: --format {fmt} does not match the suffix (--format is for a folder)"
            )
        check_output(output, force=force)  # and an existing output before the work
        return [Job(paths[0], Path(output))]

    where = Path(output)
    if "-" in paths:
        raise InputFailure("standard input (-) has no name to write a picture under; give -o a file")
    if not where.is_dir():
        parent = where.parent if str(where.parent) else Path(".")
        if not parent.is_dir():
            raise InputFailure(f"{output}: folder {parent} does not exist")
        try:
            where.mkdir()
        except OSError as exc:
            raise InputFailure(f"{output}: cannot make the folder ({os_reason(exc)})") from None
    jobs = [Job(p, where / f"{Path(p).stem}.{fmt or 'png'}") for p in paths]
    seen: dict[Path, str] = {}
    for job in jobs:
        if job.target in seen:
            raise InputFailure(
                f"{job.target}: both {seen[job.target]} and {job.source} would be drawn into it"
            )
        seen[job.target] = job.source
        check_output(job.target, force=force)
    return jobs


@click.command()
@click.argument("paths", metavar="FILE...", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    required=True,
    help="The picture to write (.png, .svg or .pdf decides the format), or a folder: one picture per FILE.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default=None,
    help="Format of the pictures written into a folder (default png).",
)
@click.option(
    "-l",
    "--layout",
    type=click.Choice(LAYOUTS),
    default="tree",
    show_default=True,
    help="tree: left to right; mindmap: two-sided, the title in the middle; "
    "org: top-down org chart (组织结构图); radial: rings around the title.",
)
@click.option("-d", "--depth", type=click.IntRange(min=1), default=None, help="Draw levels 1..N only.")
@click.option(
    "--levels",
    "units",
    metavar="UNITS",
    default=None,
    help="Draw only items numbered with these units, e.g. 编,章,节 (a 目录 view of a law).",
)
@click.option(
    "--size",
    "page",
    type=click.Choice(PAGES),
    default=None,
    help="Fit the picture to a slide (16:9, 4:3) or a page (a4, a4-landscape).",
)
@click.option(
    "--theme",
    type=click.Choice(THEMES),
    default="default",
    show_default=True,
    help="Colours; mono prints well.",
)
@click.option(
    "--font-size",
    type=click.FloatRange(min=4, max=72),
    default=11.0,
    show_default=True,
    help="Heading size in points (the rest in proportion).",
)
@click.option(
    "--fold",
    type=click.IntRange(min=0),
    default=FOLD_ABOVE,
    show_default=True,
    help="Mind map and org chart: past this many boxes, fold the deeper levels (0: never).",
)
@click.option(
    "--dpi", type=click.IntRange(min=10, max=1200), default=150, show_default=True, help="PNG resolution."
)
@click.option(
    "--font",
    type=click.Path(dir_okay=False),
    default=None,
    help="A font file to draw with (before the bundled Noto Sans SC).",
)
@click.option(
    "--max-chars",
    type=click.IntRange(min=4),
    default=16,
    show_default=True,
    help="Wrap labels at about this many Chinese characters per line.",
)
@click.option(
    "--max-lines",
    type=click.IntRange(min=0),
    default=3,
    show_default=True,
    help="Elide labels longer than this many lines with …; 0 keeps every line.",
)
@click.option(
    "--svg-text/--svg-paths",
    default=True,
    show_default=True,
    help="SVG: real text (searchable, editable) or every glyph as a path (looks the same everywhere).",
)
@click.option("--appendix", is_flag=True, help="Also draw back matter (附件, 名词解释) after the speech.")
@click.option("-w", "--watch", is_flag=True, help="Draw again each time FILE is saved (Ctrl-C ends).")
@FORCE
def render(
    paths: tuple[str, ...],
    output: str,
    fmt: str | None,
    layout: str,
    depth: int | None,
    units: str | None,
    page: str | None,
    theme: str,
    font_size: float,
    fold: int,
    dpi: int,
    font: str | None,
    max_chars: int,
    max_lines: int,
    svg_text: bool,
    appendix: bool,
    watch: bool,
    force: bool,
) -> None:
    """Draw the outline of FILE as a diagram ("-" reads standard input); of each FILE into
    the folder -o names when there are several."""
    levels = None
    if units:
        from tigang.outline.levels import parse_units

        try:
            levels = parse_units(units)
        except ValueError as exc:
            raise InputFailure(f"--levels: {exc}") from None
    if font and not Path(font).is_file():
        raise InputFailure(f"{font}: no such font file")
    if watch and len(paths) > 1:
        raise click.UsageError("--watch draws one FILE, not several")
    jobs = _plan(paths, output, fmt, force)
    options = {
        "layout": layout,
        "depth": depth,
        "levels": levels,
        "page": page,
        "theme": theme,
        "font_size": font_size,
        "fold_above": fold or None,
        "dpi": dpi,
        "font": font,
        "max_chars": max_chars,
        "max_lines": max_lines or None,
        "svg_text": svg_text,
        "appendix": appendix,
        "force": force,
    }
    if watch:
        _watch(jobs[0], options)
        return
    if len(jobs) == 1:
        _draw(jobs[0], options, prefix="")
        return

    from tigang.progress import progress_bar

    failed = 0
    with progress_bar("绘制 drawing", len(jobs)) as advance:
        for job in jobs:
            try:
                _draw(job, options, prefix=f"{job.source}: ")
            except InputFailure as exc:
                failed += 1
                exc.show()
            advance(Path(job.source).name)
    if failed:
        raise InputFailure(f"{failed} of {len(jobs)} files could not be drawn")


def _watch(job: Job, options: dict) -> None:
    from tigang.watch import watch_command

    drawn: list[Path] = []

    def once() -> None:
        # The first drawing obeys --force; later ones replace the file this command drew.
        _draw(job, {**options, "force": options["force"] or bool(drawn)}, prefix="")
        drawn.append(job.target)

    watch_command(job.source, once)


def _draw(job: Job, options: dict, *, prefix: str) -> None:
    """Draw one picture; every note is one line on stderr, `prefix` naming the input."""

    def say(note: str) -> None:
        click.echo(f"tigang: note: {prefix}{note}", err=True)

    from tigang.outline.output import OutputError
    from tigang.outline.render.diagram import RenderError, Style
    from tigang.outline.render.diagram import render as draw

    options = dict(options)
    outline = load(job.source)
    if not options["levels"]:
        options["depth"] = _depth_that_fits(outline, options["depth"], say)
    style = Style.sized(options.pop("font_size"))
    try:
        done = draw(outline, job.target, style=style, **options)
    except (RenderError, OutputError) as exc:
        raise InputFailure(str(exc)) from None
    except OSError as exc:
        raise InputFailure(f"{job.target}: cannot write ({os_reason(exc)})") from None
    diagram = done.diagram
    if diagram.missing:
        shown = "".join(sorted(diagram.missing)[:10])
        say(f"no font has {len(diagram.missing)} character(s) ({shown}); drawn as ?")
    if diagram.folded:
        folded = sum(diagram.folded.values())
        items = sum(1 for level in diagram.levels.values() if level > 0) + folded
        if options["page"] and items <= (options["fold_above"] or 0):
            why = f"at --size {options['page']} {items:,} items would print below {SMALLEST_PRINT:g} pt"
        else:
            why = f"{items:,} items are too many for one {NAMES[options['layout']]}"
        say(
            f"{why}: the deeper levels are folded ({folded:,} items, shown as +N). "
            "Use --fold 0 to draw every item."
        )
    printed = diagram.style.font_size
    if options["page"] and printed < SMALLEST_PRINT:
        say(
            f"at --size {options['page']} the headings print at {printed:.1f} pt; "
            "use --depth, --levels or another --layout for fewer boxes"
        )
    if done.format == "png" and done.dpi < options["dpi"]:
        say(f"lowered --dpi to {done.dpi:.0f}: the image would be too large")
    size = f"{done.pixels[0]}×{done.pixels[1]} px" if done.format == "png" else done.format.upper()
    click.echo(f"{done.path} ({size}, {done.nodes} items)", err=True)
