"""Fault tests run only when asked: `python -m pytest tests/faults -m slow`."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.faults.servers import TempPostgres, app_env, manage

HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config, items):
    """Skip this folder's slow tests unless the run selects them (-m slow) or RUN_SLOW_TESTS=1."""
    if "slow" in (config.getoption("markexpr") or "") or os.environ.get("RUN_SLOW_TESTS"):
        return
    skip = pytest.mark.skip(reason="slow fault test: run with `pytest tests/faults -m slow`")
    for item in items:
        if "slow" in item.keywords and item.path.is_relative_to(HERE):
            item.add_marker(skip)


@pytest.fixture
def postgres():
    """A PostgreSQL server of the test's own, running, removed afterwards."""
    server = TempPostgres()
    server.start()
    yield server
    server.cleanup()


@pytest.fixture
def archive_env(postgres, tmp_path) -> dict[str, str]:
    """The environment of an archive whose fresh database the server holds, migrated; its search
    index in its own folder (never the project's)."""
    env = app_env(postgres.create_database("unarchive"))
    env["SEARCH_INDEX_DIR"] = str(tmp_path / "search-index")
    result = manage(env, "migrate", "--no-input", timeout=300)
    assert result.returncode == 0, result.stderr
    return env
