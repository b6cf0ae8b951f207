"""Tests of the real write path: the disk reader, an index folder of each test's own."""

from __future__ import annotations

import pytest

from statements.search.index import store
from statements.search.index.rebuild import rebuild


@pytest.fixture
def index_dir(settings, tmp_path):
    """An empty index folder; searches read it from disk (nothing mirrored)."""
    settings.SEARCH_INDEX_READER = "statements.search.index.store.disk"
    settings.SEARCH_INDEX_DIR = tmp_path / "search-index"
    store._opened = None
    yield settings.SEARCH_INDEX_DIR
    store._opened = None


@pytest.fixture
def live_index(index_dir, settings):
    """A built index that the web process updates after each commit (dev mode)."""
    settings.SEARCH_INDEX_APPLY_ON_COMMIT = True
    rebuild()
    return index_dir
