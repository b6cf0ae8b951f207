"""Fixtures for page tests: a small archive built with the factories, and a clean cache."""

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
