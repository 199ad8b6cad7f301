"""What every command does with files: read an input into an outline, and write an output
safely. One rule for all commands:

- bad input or output is one line on stderr and exit code 2 (`InputFailure`), never a
  traceback;
- an output that exists is refused without --force, checked *before* the work starts;
- outputs are written atomically (a temporary file renamed into place), so a failure,
  a full disk or Ctrl-C never leaves a half-written file, and the user's existing file stays
  as it was.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from tigang.outline import Outline


class InputFailure(click.ClickException):
    """A one-line error about an input or output; exit code 2 like click's usage errors."""

    exit_code = 2

    def show(self, file=None) -> None:
        click.echo(f"tigang: error: {self.message}", err=True)


def load(path: str) -> Outline:
    """The outline of a file ("-" reads standard input)."""
    from tigang.outline import InputError, parse_file

    try:
        return parse_file(path)
    except InputError as exc:
        raise InputFailure(str(exc)) from None


_WHY = {
    errno.ENOSPC: "no space left on the device",
    errno.EROFS: "the file system is read-only",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EDQUOT: "disk quota exceeded",
}


def os_reason(exc: OSError) -> str:
    return _WHY.get(exc.errno or 0) or (exc.strerror or str(exc)).lower()


def check_output(path: str | Path, *, force: bool) -> Path:
    """Refuse an output before any work: it exists (without --force), it is a folder, or its
    folder is missing or cannot be written to."""
    target = Path(path)
    if target.is_dir():
        raise InputFailure(f"{target}: is a folder")
    if target.exists() and not force:
        raise InputFailure(f"{target}: already exists (use --force to overwrite)")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise InputFailure(f"{target}: folder {folder} does not exist")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise InputFailure(f"{target}: cannot write in {folder} (permission denied)")
    return target


def write_output(path: str | Path, write: Callable[[Path], object], *, force: bool) -> Path:
    """`write(tmp)` the output atomically; any failure is one line and leaves no file behind."""
    from tigang.outline.output import OutputError, write_atomic

    try:
        return write_atomic(path, write, force=force)
    except OutputError as exc:
        raise InputFailure(str(exc)) from None
    except OSError as exc:
        raise InputFailure(f"{path}: cannot write ({os_reason(exc)})") from None


FORCE = click.option("--force", is_flag=True, help="Overwrite an existing output file.")


def min_share_option(help: str) -> Callable:
    """`--min-share`: the share of outlines an item needs to be in a skeleton (diff, report and
    corpus share it; compare.skeleton.compare_many has the same default)."""
    return click.option(
        "--min-share", type=click.FloatRange(0.0, 1.0), default=0.5, show_default=True, help=help
    )
