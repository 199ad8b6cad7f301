"""Start-up: `tigang show` and `tigang diff` of the bundled examples, beside `python -c pass`.

    python benchmarks/bench_startup.py [--rounds 15]

Runs each command as a user does (a new process each time, output thrown away), the commands
interleaved round by round so that a busy moment of the machine hits all of them alike, and
prints the median and the minimum of each with its excess over a bare interpreter. Measure an
installed wheel (`pip install .`): an editable install in an environment that sets
PYTHONDONTWRITEBYTECODE compiles every module at every start. Aims: `show` under 0.25 s and
`diff` under 0.4 s on an idle machine.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def commands() -> dict[str, list[str]]:
    tigang = shutil.which("tigang", path=os.path.dirname(sys.executable)) or "tigang"
    a, b = str(EXAMPLES / "讲话稿示例.txt"), str(EXAMPLES / "项目推进会讲话.txt")
    return {
        "python -c pass": [sys.executable, "-c", "pass"],
        "tigang --version": [tigang, "--version"],
        "tigang show": [tigang, "show", a],
        "tigang diff": [tigang, "diff", a, b],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15, help="timed rounds (default 15)")
    args = parser.parse_args(argv)
    runs = commands()
    times: dict[str, list[float]] = {name: [] for name in runs}
    for command in runs.values():  # warm the file cache and Lark's parse tables
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    for _ in range(args.rounds):
        for name, command in runs.items():
            start = time.perf_counter()
            subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
            times[name].append(time.perf_counter() - start)
    base = statistics.median(times["python -c pass"])
    for name, values in times.items():
        median = statistics.median(values)
        print(
            f"{name:<18} median {median:.3f} s  min {min(values):.3f} s  (+{median - base:.3f} s over python)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
