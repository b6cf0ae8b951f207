"""Every test searches through the real engine: an index folder per session, read through the
tests' mirror.

The mirror (tests/search_mirror.py) rebuilds an in-memory index from PostgreSQL when the rows
changed, so factory-made, rolled-back test data is always what search sees. Tests of the outbox
and indexer read the disk index instead (tests/search_index/conftest.py).
"""

from __future__ import annotations

import pytest

from tests.search_mirror import mirror


@pytest.fixture(scope="session", autouse=True)
def _search_index_dir(tmp_path_factory):
    from django.conf import settings

    settings.SEARCH_INDEX_DIR = tmp_path_factory.mktemp("search-index")
    settings.SEARCH_INDEX_READER = "tests.search_mirror.mirror"
    settings.SEARCH_INDEX_APPLY_ON_COMMIT = False
    yield


@pytest.fixture(autouse=True)
def _english_between_tests():
    """Each test starts in English: a request to a /fr/ page leaves French active in the thread
    (LocaleMiddleware activates the URL's language and nothing resets it in tests)."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture(autouse=True)
def _fresh_mirror():
    mirror.reset()
    yield
    mirror.reset()


@pytest.fixture(autouse=True)
def _no_export_slot_left():
    """A test that starts an export reads or closes it (the server always closes a response), so
    no slot of the per-process cap (statements/publish/exports/slots.py) leaks into later tests."""
    from statements.publish.exports.slots import export_slots

    yield
    leaked = export_slots.active
    for _ in range(leaked):  # given back, so that one leak fails one test, not all that follow
        export_slots.release()
    assert not leaked, f"{leaked} export response(s) neither read nor closed"
