"""`tigang render`: the outline as a diagram (PNG, SVG or PDF by the output's suffix).

Only click is imported here; the outline, networkx and matplotlib load inside the command.
"""

from __future__ import annotations

import click

from tigang.files import FORCE, InputFailure, check_output, load, os_reason

LAYOUTS = ("tree", "mindmap")  # the same as tigang.outline.render.diagram.LAYOUTS
# Boxes drawn in seconds, and still read on a page: a 10,000-item outline is drawn to the
# depth that stays under this, and the user is told.
MAX_DRAWN = 1500


def _depth_that_fits(outline, depth: int | None) -> int | None:
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
    click.echo(
        f"tigang: note: {shown:,} items are too many to draw legibly; drawn to depth {fits} "
        f"({drawn:,} items). Use --depth to choose.",
        err=True,
    )
    return fits


@click.command()
@click.argument("path", metavar="FILE")
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False),
    help="The diagram to write; .png, .svg or .pdf decides the format.",
)
@click.option("-d", "--depth", type=click.IntRange(min=1), default=None, help="Draw levels 1..N only.")
@click.option(
    "-l",
    "--layout",
    type=click.Choice(LAYOUTS),
    default="tree",
    show_default=True,
    help="tree: left to right; mindmap: radial, the title in the centre.",
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
@click.option("--appendix", is_flag=True, help="Also draw back matter (附件, 名词解释) after the speech.")
@click.option("-w", "--watch", is_flag=True, help="Draw again each time FILE is saved (Ctrl-C ends).")
@FORCE
def render(
    path: str,
    output: str,
    depth: int | None,
    layout: str,
    dpi: int,
    font: str | None,
    max_chars: int,
    max_lines: int,
    appendix: bool,
    watch: bool,
    force: bool,
) -> None:
    """Draw the outline of FILE as a diagram ("-" reads standard input)."""
    options = dict(layout=layout, depth=depth, dpi=dpi, font=font, max_chars=max_chars, max_lines=max_lines)
    if not watch:
        _draw(path, output, appendix=appendix, force=force, **options)
        return
    from tigang.watch import watch_command

    drawn = []

    def once() -> None:
        # The first drawing obeys --force; later ones replace the file this command drew.
        _draw(path, output, appendix=appendix, force=force or bool(drawn), **options)
        drawn.append(output)

    watch_command(path, once)


def _draw(
    path: str,
    output: str,
    *,
    layout: str,
    depth: int | None,
    dpi: int,
    font: str | None,
    max_chars: int,
    max_lines: int,
    appendix: bool,
    force: bool,
) -> None:
    from tigang.outline.output import OutputError
    from tigang.outline.render.diagram import RenderError, output_format

    try:
        output_format(output)  # a bad suffix is reported before the input is read
    except RenderError as exc:
        raise InputFailure(str(exc)) from None
    check_output(output, force=force)  # and an existing output before the work
    outline = load(path)
    depth = _depth_that_fits(outline, depth)
    from tigang.outline.render.diagram import render as draw

    try:
        done = draw(
            outline,
            output,
            layout=layout,
            depth=depth,
            dpi=dpi,
            font=font,
            max_chars=max_chars,
            max_lines=max_lines or None,
            appendix=appendix,
            force=force,
        )
    except (RenderError, OutputError) as exc:
        raise InputFailure(str(exc)) from None
    except OSError as exc:
        raise InputFailure(f"{output}: cannot write ({os_reason(exc)})") from None
    missing = done.diagram.missing
    if missing:
        shown = "".join(sorted(missing)[:10])
        click.echo(f"tigang: note: no font has {len(missing)} character(s) ({shown}); drawn as ?", err=True)
    if done.format == "png" and done.dpi < dpi:
        click.echo(f"tigang: note: lowered --dpi to {done.dpi:.0f}: the image would be too large", err=True)
    size = f"{done.pixels[0]}×{done.pixels[1]} px" if done.format == "png" else done.format.upper()
    click.echo(f"{done.path} ({size}, {done.nodes} items)", err=True)
