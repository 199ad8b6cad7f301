"""`tigang diff`: compare two outlines (aligned columns, JSON edit script, or a picture),
or three and more (the common skeleton and a pairwise similarity table)."""

from __future__ import annotations

import json
import sys

import click


@click.command()
@click.argument("paths", metavar="A B [C...]", nargs=-1, required=True)
@click.option("-f", "--format", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False), help="Write a picture (.png .svg .pdf) of the diff."
)
@click.option("--dpi", type=click.IntRange(min=30, max=600), default=150, show_default=True)
@click.option(
    "--min-share",
    type=click.FloatRange(0.0, 1.0),
    default=0.5,
    show_default=True,
    help="With three or more files: share of outlines an item needs to be in the skeleton.",
)
def diff(paths: tuple[str, ...], fmt: str, output: str | None, dpi: int, min_share: float) -> None:
    """Compare the outlines of A and B (or of three and more speeches)."""
    from tigang.cli import InputFailure, _load

    if len(paths) < 2:
        raise click.UsageError("give two files to compare (or more for a common skeleton)")
    outlines = [_load(path) for path in paths]
    if len(paths) > 2:
        from tigang.compare.render_text import print_skeleton
        from tigang.compare.skeleton import compare_many, skeleton_to_dicts

        skeleton = compare_many(outlines, min_share)
        if fmt == "json":
            doc = {
                "reference": paths[skeleton.reference],
                "scores": [list(row) for row in skeleton.scores],
                "files": list(paths),
                "skeleton": skeleton_to_dicts(skeleton.items),
            }
            sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
        else:
            print_skeleton(outlines, list(paths), skeleton)
        return
    from tigang.compare import diff as diff_outlines

    a, b = outlines
    script = diff_outlines(a, b)
    if output:
        from tigang.compare.render_graph import draw
        from tigang.outline.output import OutputError
        from tigang.outline.render.diagram import RenderError

        try:
            written = draw(a, b, script, output, dpi=dpi)
        except (OutputError, RenderError) as exc:
            raise InputFailure(str(exc)) from None
        click.echo(f"wrote {written}", err=True)
    if fmt == "json":
        sys.stdout.write(json.dumps(script.to_dict(), ensure_ascii=False, indent=2) + "\n")
    elif not output:
        from tigang.compare.render_text import print_diff

        print_diff(a, b, script)
