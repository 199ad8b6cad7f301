"""`tigang report`: one self-contained HTML page — an outline (one file), a comparison (two)
or the common skeleton (three and more). `tigang corpus report` lives in cmd_corpus.

Only click is imported here; the library loads inside the command.
"""

from __future__ import annotations

from pathlib import Path

import click

from tigang.files import FORCE, InputFailure, check_output, load, min_share_option, write_output


def html_output(output: str, force: bool) -> None:
    """Refuse anything but an .html output before any work (and an existing one without --force)."""
    if Path(output).suffix.lower() not in (".html", ".htm"):
        raise InputFailure(f"{output}: a report is an HTML page; name it .html")
    check_output(output, force=force)


def write_page(output: str, text: str, force: bool) -> Path:
    return write_output(output, lambda tmp: tmp.write_text(text, encoding="utf-8"), force=force)


@click.command()
@click.argument("paths", metavar="FILE [FILE...]", nargs=-1, required=True)
@click.option(
    "-o", "--output", required=True, type=click.Path(dir_okay=False), help="The page to write (.html)."
)
@FORCE
@click.option("--changes-only", is_flag=True, help="Two files: open the page with unchanged items folded.")
@min_share_option("Three files and more: share of outlines an item needs to be in the skeleton.")
@click.option("--no-check", is_flag=True, help="One file: leave out the linter's findings.")
def report(
    paths: tuple[str, ...], output: str, force: bool, changes_only: bool, min_share: float, no_check: bool
) -> None:
    """Write one self-contained HTML page: the outline of FILE, the comparison of two files,
    or the common skeleton of three and more. It opens offline, on a phone too.

    \b
    tigang report 讲话稿.docx -o 提纲.html
    tigang report 初稿.txt 定稿.txt -o 对比.html
    tigang report a.txt b.txt c.txt -o 共同骨架.html
    """
    html_output(output, force)
    outlines = [load(path) for path in paths]
    if len(outlines) == 1:
        from tigang.outline.render.html import render_outline_html

        findings = [] if no_check else _findings(paths[0], outlines[0])
        text = render_outline_html(outlines[0], findings)
        what = f"outline, {len(outlines[0])} items"
    else:
        from tigang.compare.render_text import short_names

        names = short_names(paths)
        if len(outlines) == 2:
            from tigang.compare import diff
            from tigang.compare.report import render_diff_html

            script = diff(outlines[0], outlines[1])
            text = render_diff_html(script, (names[0], names[1]), changes_only=changes_only)
            what = f"comparison, score {script.score:.2f}"
        else:
            from tigang.compare.report import render_skeleton_html
            from tigang.compare.skeleton import compare_many

            skeleton = compare_many(outlines, min_share)
            text = render_skeleton_html(outlines, names, skeleton)
            what = f"skeleton of {len(outlines)} outlines"
    written = write_page(output, text, force)
    click.echo(f"{written}: {what}", err=True)


def _findings(path: str, outline) -> list:
    """`tigang check`'s findings, with the same configuration (tigang.toml beside the file)."""
    from tigang.outline.lint import ConfigError, check_outline, load_config

    folder = Path(path).resolve().parent if path != "-" else Path.cwd()
    try:
        config = load_config(folder)
    except ConfigError as exc:
        raise InputFailure(str(exc)) from None
    return check_outline(outline, config, path=path)
