"""The Python API that notebooks and scripts use (docs/api.md): its examples run as written,
and `import tigang` stays cheap."""

from __future__ import annotations

import doctest
import importlib
import subprocess
import sys

import pytest


@pytest.mark.parametrize("module", ["tigang", "tigang.outline", "tigang.compare", "tigang.outline.fix"])
def test_docstring_examples_run(module):
    failed, attempted = doctest.testmod(importlib.import_module(module))
    assert attempted and not failed


def test_import_tigang_loads_nothing_heavy():
    code = "import sys, tigang; print(sorted(m for m in ('tigang.outline', 'lark', 'rich', 'matplotlib') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "[]", out.stderr


def test_the_api_names_resolve():
    import tigang

    for name in tigang.__all__:
        assert getattr(tigang, name) is not None
    with pytest.raises(AttributeError):
        tigang.no_such_name  # noqa: B018
