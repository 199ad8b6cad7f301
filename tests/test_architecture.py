"""The import directions of docs/architecture.md, read from the source: the CLI on top,
`compare` over `outline`, the model at the bottom."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def imported_modules(path: Path) -> set[str]:
    """Absolute names of the modules a file imports (relative imports resolved against the
    installed layout: outline/ is tigang.outline, compare/ is tigang.compare)."""
    rel = path.relative_to(ROOT)
    parts = list(rel.with_suffix("").parts)
    parts = parts[1:] if parts[0] == "src" else ["tigang", *parts]
    package = parts[:-1]  # a module's package; for __init__.py, the package itself
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                names.add(".".join([*base, *(node.module.split(".") if node.module else [])]))
            elif node.module:
                names.add(node.module)
    return names


def files(folder: str) -> list[Path]:
    return sorted((ROOT / folder).rglob("*.py"))


CLI = ("tigang.cli", "tigang.cmd_", "tigang.files", "tigang.entry")


@pytest.mark.parametrize("folder", ["outline", "compare", "grammar"])
def test_library_code_never_imports_the_cli(folder):
    for path in files(folder):
        bad = [m for m in imported_modules(path) if m.startswith(CLI)]
        assert not bad, (path.relative_to(ROOT), bad)


def test_outline_never_imports_compare():
    for path in files("outline"):
        bad = [m for m in imported_modules(path) if m.startswith("tigang.compare")]
        assert not bad, (path.relative_to(ROOT), bad)


def test_the_model_imports_nothing_of_the_project_at_import_time():
    """outline.model is the bottom layer (its display methods import renderers when called)."""
    tree = ast.parse((ROOT / "outline" / "model.py").read_text(encoding="utf-8"))
    top_level = [n for n in tree.body if isinstance(n, ast.Import | ast.ImportFrom)]
    project = [
        ast.unparse(n)
        for n in top_level
        if isinstance(n, ast.ImportFrom) and (n.level or "tigang" in (n.module or ""))
    ]
    assert project == []


def test_the_resolver_sees_relative_imports():
    # The test above is only as good as the resolver: a known relative import must resolve.
    assert "tigang.outline.model" in imported_modules(ROOT / "outline" / "parser.py")
    assert "tigang.outline.model" in imported_modules(ROOT / "compare" / "side.py")
