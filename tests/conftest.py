from __future__ import annotations

import pytest
from goldfile import SHARED


def pytest_report_header(config):
    return f"shared inputs: {SHARED} ({'found' if SHARED.is_dir() else 'MISSING'})"


@pytest.fixture(scope="session")
def shared():
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared is not beside the checkout")
    return SHARED
