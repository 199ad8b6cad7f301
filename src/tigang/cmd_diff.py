"""`tigang diff`: compare two outlines (aligned columns, JSON edit script, or a picture),
or three and more (the common skeleton and a pairwise score table)."""

from __future__ import annotations

import json
import sys

import click

from tigang.files import FORCE, InputFailure, check_output, load, min_share_option, write_output

LAYOUTS = ("merged", "sides")  # the same as tigang.compare.render_graph.LAYOUTS
DEFAULT_MIN_CONFIDENCE = 0.5  # the same as tigang.compare.align.Thresholds.min_confidence


@click.command()
@click.argument("paths", metavar="A B [C...]", nargs=-1, required=True)
@click.option("-f", "--format", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    help="Write a picture (.png .svg .pdf) of the diff, or of the skeleton of three and more.",
)
@click.option(
    "--layout",
    type=click.Choice(LAYOUTS),
    default="merged",
    show_default=True,
    help="merged: one tree of both outlines; sides: the two trees side by side with links.",
)
@FORCE
@click.option("--dpi", type=click.IntRange(min=30, max=600), default=150, show_default=True)
@click.option("--changes-only", is_flag=True, help="Fold the items that did not change.")
@click.option("--exit-code", is_flag=True, help="Exit 1 when the outlines differ, 0 when they are the same.")
@click.option(
    "--min-confidence",
    type=click.FloatRange(0.0, 1.0),
    default=DEFAULT_MIN_CONFIDENCE,
    show_default=True,
    help="Drop pairs less likely than this to be right (0 keeps every pair the aligner finds; "
    "0.7 is about 92% precise on real document pairs, see docs/diff.md).",
)
@min_share_option("With three or more files: share of outlines an item needs to be in the skeleton.")
def diff(
    paths: tuple[str, ...],
    fmt: str,
    output: str | None,
    layout: str,
    force: bool,
    dpi: int,
    changes_only: bool,
    exit_code: bool,
    min_confidence: float,
    min_share: float,
) -> None:
    """Compare the outlines of A and B, or the common skeleton of three and more.

    \b
    tigang diff 2021年报告.txt 2022年报告.txt
    tigang diff 初稿.txt 定稿.txt --changes-only
    tigang diff a.txt b.txt -o 对比.png
    tigang diff a.txt b.txt --min-confidence 0.7
    tigang diff a.txt b.txt c.txt --min-share 0.6
    """
    if len(paths) < 2:
        raise click.UsageError("give two files to compare (or more for a common skeleton)")
    if output:
        from tigang.outline.render.diagram import RenderError, output_format

        try:
            output_format(output)
        except RenderError as exc:
            raise InputFailure(str(exc)) from None
        check_output(output, force=force)
    outlines = [load(path) for path in paths]
    from tigang.compare.render_text import short_names

    names = short_names(paths)
    if len(paths) > 2:
        _many(outlines, names, fmt, output, force, dpi, min_share)
        return
    from tigang.compare import Thresholds
    from tigang.compare import diff as diff_outlines

    a, b = outlines
    pair = (names[0], names[1])  # two files from here on
    script = diff_outlines(a, b, Thresholds(min_confidence=min_confidence))
    if output:
        from tigang.compare.render_graph import draw

        written = write_output(
            output, lambda tmp: draw(script, tmp, names=pair, layout=layout, dpi=dpi), force=force
        )
        click.echo(f"{written}: {layout} diff, score {script.score:.2f}", err=True)
    if fmt == "json":
        sys.stdout.write(
            json.dumps(script.to_dict(names=(paths[0], paths[1])), ensure_ascii=False, indent=2) + "\n"
        )
    elif not output:
        from tigang.compare.render_text import print_diff

        print_diff(script, pair, changes_only=changes_only)
    if exit_code and script.changed:
        sys.exit(1)


def _many(outlines, names, fmt: str, output: str | None, force: bool, dpi: int, min_share: float) -> None:
    from tigang.compare.render_text import print_skeleton
    from tigang.compare.skeleton import compare_many, skeleton_to_dicts

    skeleton = compare_many(outlines, min_share)
    if output:
        from tigang.compare.render_graph import draw_skeleton

        written = write_output(
            output, lambda tmp: draw_skeleton(outlines, names, skeleton, tmp, dpi=dpi), force=force
        )
        click.echo(f"{written}: skeleton of {len(outlines)} outlines", err=True)
    if fmt == "json":
        doc = {
            "files": list(names),
            "reference": names[skeleton.reference],
            "need": skeleton.need,
            "scores": [list(row) for row in skeleton.scores],
            "skeleton": skeleton_to_dicts(skeleton.items),
        }
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    elif not output:
        print_skeleton(outlines, list(names), skeleton)
