"""Every test searches through the real engine: an index folder per session, mirror mode on.

Mirror mode (statements/search_index/mirror.py) rebuilds an in-memory index from PostgreSQL when
the rows changed, so factory-made, rolled-back test data is always what search sees. Tests of the
outbox and indexer turn it off (tests/search_index/conftest.py).
"""

from __future__ import annotations

import pytest

from statements.search_index import mirror


@pytest.fixture(scope="session", autouse=True)
def _search_index_dir(tmp_path_factory):
    from django.conf import settings

    settings.SEARCH_INDEX_DIR = tmp_path_factory.mktemp("search-index")
    settings.SEARCH_INDEX_MIRROR = True
    settings.SEARCH_INDEX_APPLY_ON_COMMIT = False
    settings.PAGE_CACHE_SECONDS = 0  # tests/search_index/test_page_cache.py turns it on
    yield


@pytest.fixture(autouse=True)
def _fresh_mirror():
    mirror.reset()
    yield
    mirror.reset()
