"""The `tigang` command's entry point: signals first, then the CLI.

Importing the CLI (click, rich) takes a moment; Ctrl-C in that moment must still end in one
line, not a traceback. SIGTERM becomes SystemExit, so a write in progress is rolled back
(its temporary file removed) instead of the process vanishing mid-write.
"""

from __future__ import annotations

import signal
import sys


def _terminated(signum, frame) -> None:
    raise SystemExit(128 + signum)


def main() -> None:
    signal.signal(signal.SIGTERM, _terminated)
    try:
        from tigang.cli import main as run
    except KeyboardInterrupt:
        sys.stderr.write("tigang: interrupted\n")
        sys.exit(130)
    run()


if __name__ == "__main__":  # pragma: no cover
    main()
