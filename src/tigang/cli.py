"""The `tigang` command. A thin layer: parse options, call the library, print, exit.

Exit codes: 0 done, 1 problems found (`check`, `diff --exit-code`), 2 bad input or usage.
Bad input is one line on stderr, never a traceback.
"""

from __future__ import annotations

import sys
from importlib import import_module

import click

from tigang import __version__
from tigang.files import load

FORMATS = ("tree", "json", "markdown", "text")


# Commands that live in their own modules, by name: a module is imported only when its command
# runs (or help lists it), so `tigang show` does not pay for the others' imports (10–15 ms of
# each start). Those modules import heavy libraries (matplotlib, networkx, python-docx) inside
# the command bodies, never at import.
LAZY_COMMANDS = {
    "render": "tigang.cmd_render",
    "export": "tigang.cmd_export",
    "check": "tigang.cmd_check",
    "fix": "tigang.cmd_fix",
    "diff": "tigang.cmd_diff",
    "report": "tigang.cmd_report",
    "corpus": "tigang.cmd_corpus",
}


class LazyGroup(click.Group):
    """A group whose commands in `LAZY_COMMANDS` are imported when first asked for (the
    pattern of click's documentation, "Lazily Loading Subcommands")."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted([*super().list_commands(ctx), *LAZY_COMMANDS])

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        module = LAZY_COMMANDS.get(cmd_name)
        if module is None:
            return super().get_command(ctx, cmd_name)
        command = getattr(import_module(module), cmd_name)
        assert isinstance(command, click.Command)
        return command


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tigang")
def cli() -> None:
    """提纲 tigang: recover the numbered outline of Chinese speeches and reports."""


@cli.command()
@click.argument("path", metavar="FILE")
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="tree",
    show_default=True,
    help="tree: coloured terminal tree; json: the outline contract; markdown; text.",
)
@click.option("-d", "--depth", type=click.IntRange(min=1), default=None, help="Show levels 1..N only.")
@click.option("-b", "--body", is_flag=True, help="Show the first sentence of each item's body.")
@click.option(
    "--appendix", is_flag=True, help="Also list the items of back matter (附件, 名词解释) after the speech."
)
@click.option(
    "--explain",
    is_flag=True,
    help='Name the parser rule that placed each item (tree, text; JSON always has "rule"). '
    "See docs/heuristics.md.",
)
@click.option(
    "--indent",
    type=click.IntRange(min=0, max=8),
    default=None,
    help="JSON indentation. Default: 2 on a terminal; compact (one line, and several times "
    "faster to write) when piped or redirected.",
)
@click.option(
    "-w", "--watch", is_flag=True, help="Print the outline again each time FILE is saved (Ctrl-C ends)."
)
def show(
    path: str,
    fmt: str,
    depth: int | None,
    body: bool,
    appendix: bool,
    explain: bool,
    indent: int | None,
    watch: bool,
) -> None:
    """Print the outline of FILE ("-" reads standard input)."""

    def once() -> None:
        outline = load(path)
        if fmt == "tree":
            from tigang.outline.render.terminal import print_tree

            print_tree(outline, depth=depth, body=body, appendix=appendix, explain=explain)
            return
        from tigang.outline.render import TEXT_RENDERERS

        spaces = indent
        if spaces is None:
            spaces = 2 if sys.stdout.isatty() else None
        elif spaces == 0:
            spaces = None  # json's indent=0 still breaks lines; 0 means one line here
        sys.stdout.write(
            TEXT_RENDERERS[fmt](
                outline, depth=depth, body=body or fmt == "json", explain=explain, indent=spaces
            )
        )

    if not watch:
        once()
        return
    from tigang.watch import watch_command

    watch_command(path, once, clear=fmt == "tree")


def main() -> None:
    # Not click's standalone mode: it turns Ctrl-C into "Aborted!" and exit 1, which is the
    # code `check` uses for "problems found".
    try:
        code = cli.main(prog_name="tigang", standalone_mode=False)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except (KeyboardInterrupt, click.Abort):
        click.echo("tigang: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:  # `tigang show big.txt | head`
        sys.stderr.close()
        sys.exit(0)
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":  # pragma: no cover
    main()
