"""`tigang export`: write the outline of a document as a mind map or outline file.

The format comes from --format, else from the suffix of -o. Without -o, text formats go to
standard output; binary ones (xmind) need a file. Files are written atomically, and an
existing file is replaced only with --force. Errors: one line on stderr, exit 2.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

EXPORT_FORMATS = ("opml", "freemind", "xmind", "markdown", "mermaid", "dot", "json", "text", "docx", "pptx")


@click.command()
@click.argument("path", metavar="FILE")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write here (format from the suffix).")
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(EXPORT_FORMATS),
    help="opml (.opml), freemind (.mm), xmind (.xmind), markdown (.md), mermaid (.mmd), dot (.dot), json, text, "
    "docx (Word headings), pptx (slides).",
)
@click.option(
    "-b", "--body", is_flag=True, help="Add each item's body text as a note (where the format has notes)."
)
@click.option("-d", "--depth", type=click.IntRange(min=1), default=None, help="Export levels 1..N only.")
@click.option(
    "--word-numbering",
    is_flag=True,
    help="docx: Word's automatic numbering for the markers (Word renumbers when sections move).",
)
@click.option("--force", is_flag=True, help="Overwrite an existing output file.")
def export(
    path: str,
    output: str | None,
    fmt: str | None,
    body: bool,
    depth: int | None,
    word_numbering: bool,
    force: bool,
) -> None:
    """Export the outline of FILE (.txt, .md, .html, .docx; "-" reads standard input).

    \b
    tigang export 讲话稿.docx -o 提纲.opml
    tigang export 讲话稿.txt -o 提纲.xmind
    tigang export 讲话稿.txt --format mermaid
    tigang export 讲话稿.pdf -o 提纲.docx --word-numbering
    tigang export 讲话稿.txt -o 提纲.pptx
    """
    from tigang.files import InputFailure
    from tigang.outline import InputError, parse_file
    from tigang.outline.output import OutputError, write_bytes_atomic, write_text_atomic
    from tigang.outline.render import EXPORTERS, exporter_for_suffix

    to_stdout = output is None or output == "-"
    if fmt is None:
        if to_stdout:
            raise InputFailure(
                "no format: give --format, or -o FILE with a known suffix (.opml .mm .xmind .md .mmd .dot .json .docx .pptx)"
            )
        fmt = exporter_for_suffix(Path(output).suffix)
        if fmt is None:
            raise InputFailure(
                f"{output}: unknown suffix {Path(output).suffix or '(none)'!r}; give --format "
                f"({', '.join(EXPORT_FORMATS)}) or use .opml .mm .xmind .md .mmd .dot .json .txt .docx .pptx"
            )
    if word_numbering and fmt != "docx":
        raise click.UsageError("--word-numbering applies to Word output (-o NAME.docx) only")
    exporter = EXPORTERS[fmt]
    if exporter.binary and to_stdout:
        raise InputFailure(f"{fmt} is a binary format: write it to a file with -o NAME{exporter.suffixes[0]}")
    if not to_stdout and not force and Path(output).exists():
        # Checked before parsing too: a big document should not be read only to be refused.
        raise InputFailure(f"{output}: already exists (use --force to overwrite)")
    try:
        outline = parse_file(path)
    except InputError as exc:
        raise InputFailure(str(exc)) from None
    rendered = exporter.render(outline, depth=depth, body=body, word_numbering=word_numbering)
    if to_stdout:
        sys.stdout.write(rendered)
        return
    try:
        if exporter.binary:
            write_bytes_atomic(output, rendered, force=force)
        else:
            write_text_atomic(output, rendered, force=force)
    except OutputError as exc:
        raise InputFailure(str(exc)) from None
    except OSError as exc:
        raise InputFailure(f"{output}: cannot write ({exc.strerror or exc})") from None
    click.echo(f"{output}: {len(outline)} items, {fmt}", err=True)
