"""The multi-node test runs only when asked: `python3 dev.py test tests/multinode -m slow`."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config, items):
    """Skip this folder's slow tests unless the run selects them (-m slow) or RUN_SLOW_TESTS=1."""
    if "slow" in (config.getoption("markexpr") or "") or os.environ.get("RUN_SLOW_TESTS"):
        return
    skip = pytest.mark.skip(
        reason="slow multi-node test: run with `pytest tests/multinode -m slow`"
    )
    for item in items:
        if "slow" in item.keywords and item.path.is_relative_to(HERE):
            item.add_marker(skip)
