"""The wheel a user installs (`pip install .`) holds every module and data file of the source
tree. An editable install hides a package left out of the build; this builds the real wheel."""

from __future__ import annotations

import runpy
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ROOTS: dict[str, str] = runpy.run_path(str(ROOT / "setup.py"))["ROOTS"]  # import name -> folder

LEFT_OUT = (
    ".git",
    "build",
    "dist",
    "*.egg-info",
    ".*venv*",
    "__pycache__",
    ".pytest_cache",
    ".hypothesis",
    "benchmarks",
)


def source_files() -> set[str]:
    """Every file the installed package must carry, as its path inside the wheel."""
    wanted = set()
    for name, folder in ROOTS.items():
        base = ROOT / folder
        for path in base.rglob("*"):
            if not path.is_file() or "__pycache__" in path.parts or path.suffix == ".pyc":
                continue
            rel = path.relative_to(base)
            # A nested root (grammar under tigang) is reached through its own mapping.
            wanted.add("/".join((*name.split("."), *rel.parts)))
    return wanted


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> zipfile.ZipFile:
    # Build from a clean copy: a stale build/ folder in the checkout would hide a missing package.
    tree = tmp_path_factory.mktemp("tree") / "tigang"
    shutil.copytree(ROOT, tree, ignore=shutil.ignore_patterns(*LEFT_OUT))
    out = tmp_path_factory.mktemp("wheel")
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(tree)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        pytest.fail(f"pip wheel failed:\n{done.stderr[-2000:]}")
    (path,) = out.glob("tigang-*.whl")
    return zipfile.ZipFile(path)


def test_wheel_holds_every_source_file(wheel):
    shipped = {name for name in wheel.namelist() if not name.split("/")[0].endswith(".dist-info")}
    assert source_files() - shipped == set()
    assert {"tigang/outline/lint/rules.py", "tigang/grammar/numbering.lark"} <= shipped
    # Nothing generic lands in site-packages.
    assert {name.split("/")[0] for name in shipped} == {"tigang"}


def test_wheel_declares_the_command(wheel):
    (entry,) = [n for n in wheel.namelist() if n.endswith(".dist-info/entry_points.txt")]
    assert "tigang = tigang.entry:main" in wheel.read(entry).decode()
