"""`--watch`: do something again each time a file is saved.

Polling the file's modification time, size and inode twice a second: it works the same on
every system and file system (network drives, WSL, containers), needs no library, and a
save is a human action — half a second is soon enough. A change counts once it has held
still for one poll, so an editor that writes a file in pieces, or saves by writing a
temporary file and renaming it over the old one (the file is briefly missing), is seen
as one save, not two or an error.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path

INTERVAL = 0.5  # seconds between looks at the file

Stamp = tuple[int, int, int] | None


def stamp(path: Path) -> Stamp:
    """What changes when the file is saved: (mtime in ns, size, inode); None while missing."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size, info.st_ino


def watch(
    path: str | Path,
    action: Callable[[], None],
    *,
    interval: float = INTERVAL,
    stop: threading.Event | None = None,
    runs: int | None = None,
) -> int:
    """Call `action()` now and after every save of `path`, until `stop` is set, `runs` calls
    were made, or Ctrl-C. Returns the number of calls. `action` handles its own errors."""
    target = Path(path)
    stop = stop or threading.Event()
    done = 0
    try:
        last = stamp(target)
        action()
        done += 1
        pending: Stamp = last
        while not stop.is_set() and (runs is None or done < runs):
            stop.wait(interval)
            now = stamp(target)
            if now is None or now == last:
                pending = now if now is not None else pending
                continue
            if now != pending:  # still being written: look again next time
                pending = now
                continue
            last = now
            action()
            done += 1
    except KeyboardInterrupt:  # the usual way to end watching: not an interruption
        pass
    return done


def watch_command(path: str, once: Callable[[], None], *, clear: bool = False, **options) -> int:
    """`--watch` for a command: run `once` now and after each save. A bad file at the start
    ends the command as it would without --watch; a bad save later (the file half-written,
    or not valid for a moment) is one line and watching goes on. With `clear`,
    a terminal is cleared before each new print, so the outline stays on one screen."""
    import sys

    import click

    if path == "-":
        raise click.UsageError("--watch needs a file, not standard input")
    interactive = sys.stdout.isatty()
    runs = []

    def again() -> None:
        if clear and interactive:
            click.echo("\x1b[2J\x1b[H", nl=False)
        try:
            once()
        except click.ClickException as exc:
            if not runs:
                raise  # a bad file or output from the start: one line and exit 2, as without --watch
            exc.show()
        runs.append(1)
        sys.stdout.flush()
        click.echo(f"tigang: watching {path} (Ctrl-C to stop)", err=True)

    return watch(path, again, **options)
