"""The UI tests' small archive, for the abuse and honesty tests."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from tests.ui.dataset import Archive, build_archive


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def archive(db) -> Archive:
    return build_archive()
