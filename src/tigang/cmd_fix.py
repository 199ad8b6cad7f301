"""`tigang fix`: mend the numbering `tigang check` finds. By default a unified diff of the
changes is printed and nothing is written (exit 1 when there is something to fix, 0 when
not); --write applies them, keeping the original as FILE.bak unless --no-backup."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from tigang.cmd_check import CONFIG, IGNORE, SELECT, lint_config

if TYPE_CHECKING:
    from tigang.outline.fix import FixResult
    from tigang.outline.lint import CheckConfig


def _summary(path: str, result: FixResult, done: str) -> str:
    counts = result.counts()
    if not counts:
        return f"{path}: nothing to fix"
    total = sum(counts.values())
    codes = ", ".join(f"{code} ×{n}" for code, n in sorted(counts.items()))
    return f"{path}: {done} {total} place{'s' if total != 1 else ''} ({codes})"


def fixed(path: str, config: CheckConfig) -> FixResult:
    """The fix of one file, not yet written. Bad input: InputFailure (one line, exit 2)."""
    from tigang.files import InputFailure
    from tigang.outline import InputError
    from tigang.outline.fix import fix_bytes
    from tigang.outline.source import read_bytes

    try:
        data, label = read_bytes(path)
        return fix_bytes(data, label, config)
    except InputError as exc:
        raise InputFailure(str(exc)) from None


def fix_in_place(path: str, config: CheckConfig, *, backup: bool) -> FixResult:
    """Fix one file and write it back (atomically, after keeping FILE.bak)."""
    from tigang.files import InputFailure, os_reason
    from tigang.outline.output import OutputError, replace_in_place

    if path == "-":
        raise InputFailure("-: standard input cannot be fixed in place; give a file")
    result = fixed(path, config)
    if result.changed:
        try:
            replace_in_place(path, result.data, backup=backup)
        except OutputError as exc:
            raise InputFailure(str(exc)) from None
        except OSError as exc:
            raise InputFailure(f"{path}: cannot write ({os_reason(exc)})") from None
    click.echo(_summary(path, result, "fixed"), err=True)
    return result


@click.command()
@click.argument("path", metavar="FILE")
@click.option("-w", "--write", is_flag=True, help="Apply the fixes to FILE (atomically).")
@click.option("--no-backup", is_flag=True, help="With --write: do not keep the original as FILE.bak.")
@SELECT
@IGNORE
@CONFIG
def fix(
    path: str, write: bool, no_backup: bool, select: str | None, ignore: str | None, config_path: str | None
) -> None:
    """Fix the numbering of FILE (.txt, .md, .docx; "-" reads standard input): skipped and
    repeated numbers, mixed widths and punctuation, a stale table of contents.

    \b
    tigang fix 讲话稿.txt             # show the changes as a diff, change nothing
    tigang fix 讲话稿.txt --write     # apply them (讲话稿.txt.bak keeps the original)
    tigang fix 讲话稿.docx --write    # typed markers in Word, formatting kept
    """
    config = lint_config((path,), config_path, select, ignore)
    if write:
        fix_in_place(path, config, backup=not no_backup)
        return
    result = fixed(path, config)
    sys.stdout.write(result.diff(path))
    click.echo(_summary(path, result, "would change"), err=True)
    sys.exit(1 if result.changed else 0)
