"""Writing output files atomically: a failed render or export never leaves a half-written file.

Writers get a temporary path in the target's folder (so the final rename stays on one file
system and is atomic), and the file appears under its real name only when they return.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path


class OutputError(Exception):
    """An output that cannot be written. The message is one line for the user."""


def write_atomic(path: str | Path, write: Callable[[Path], None], *, force: bool = True) -> Path:
    """Call `write(tmp)` to produce the file at a temporary path, then rename it to `path`.

    With `force=False`, an existing `path` is an OutputError. If `write` raises, the temporary
    file is removed and `path` is left as it was.
    """
    target = Path(path)
    if target.is_dir():
        raise OutputError(f"{target}: is a directory")
    if not force and target.exists():
        raise OutputError(f"{target}: already exists (use --force to overwrite)")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"{target}: folder {folder} does not exist")
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp" + target.suffix, dir=folder)
    os.close(fd)
    tmp = Path(name)
    # mkstemp makes the file private (0600); the output should get the user's usual mode.
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)
    try:
        write(tmp)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return target


def write_text_atomic(path: str | Path, text: str, *, force: bool = True) -> Path:
    return write_atomic(path, lambda tmp: tmp.write_text(text, encoding="utf-8"), force=force)


def write_bytes_atomic(path: str | Path, data: bytes, *, force: bool = True) -> Path:
    return write_atomic(path, lambda tmp: tmp.write_bytes(data), force=force)


def replace_in_place(path: str | Path, data: bytes, *, backup: bool = True) -> Path | None:
    """Replace the file at `path` with `data`, keeping its permissions; with `backup`, first
    keep the original as `path.bak`. Both writes are atomic: a failure leaves the original as
    it was. Returns the backup's path."""
    target = Path(path)
    mode = target.stat().st_mode & 0o7777
    saved = None
    if backup:
        original = target.read_bytes()
        saved = write_atomic(
            target.with_name(target.name + ".bak"), lambda tmp: _write_as(tmp, original, mode)
        )
    write_atomic(target, lambda tmp: _write_as(tmp, data, mode))
    return saved


def _write_as(tmp: Path, data: bytes, mode: int) -> None:
    tmp.write_bytes(data)
    os.chmod(tmp, mode)
