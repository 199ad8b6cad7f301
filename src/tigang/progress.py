"""A progress bar on stderr for commands that work through many files."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

Advance = Callable[[str], None]  # called with the name of the item just done


@contextmanager
def progress_bar(description: str, total: int) -> Iterator[Advance]:
    """A rich bar (count, elapsed, remaining) when stderr is a terminal, and only then: in a
    pipe or a log it would be noise. Yields a function to call after each item."""
    if not sys.stderr.isatty() or total < 2:
        yield lambda name: None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        TextColumn("[dim]{task.fields[name]}"),
        console=Console(stderr=True),
        transient=False,
    ) as progress:
        task = progress.add_task(description, total=total, name="")
        yield lambda name: progress.update(task, advance=1, name=name)
