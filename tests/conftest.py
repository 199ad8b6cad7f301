from __future__ import annotations

import sys
from pathlib import Path

import pytest

# The benchmarks' helpers (gold readers, generators) are shared with the tests.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from goldfile import SHARED


def pytest_report_header(config):
    return f"shared inputs: {SHARED} ({'found' if SHARED.is_dir() else 'MISSING'})"


@pytest.fixture(scope="session")
def shared():
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared is not beside the checkout")
    return SHARED
